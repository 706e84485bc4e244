"""The Textual application and its factory: the composition root wiring screens to the domain."""

import asyncio
import gc
from collections.abc import Iterable
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.message import Message
from textual.screen import ModalScreen, Screen

from rfk_trips.app.context import AppContext
from rfk_trips.i18n.catalogue import set_language, t
from rfk_trips.privacy.acting_user import adopt_acting_user
from screens.shell.home import HomeScreen
from screens.shell.palette import RfkCommandPalette, RfkCommands
from screens.widgets.bindings import translate_bindings
from screens.widgets.file_delivery import offer_screenshot
from screens.widgets.live import DataChanged
from screens.widgets.mode_screen import ModeScreen

# The screens a user opens most, in the order they most often open them.
WARM_UP_MODES = ("trips", "citizens", "companies", "staff")
WARM_UP_PAUSE_S = 0.05
# How often the app looks whether a colleague has changed the data (the lists follow).
LIVE_INTERVAL_S = 1.0
# The app's actions that open a screen reading the database: not before a session's login.
_NEEDS_LOGIN = frozenset({"switch_mode", "command_palette"})


class RfkTripsApp(App[None]):
    """rfk-trips in the terminal."""

    CSS_PATH = "../../screens/app.tcss"
    TITLE = "rfk-trips"
    COMMANDS = App.COMMANDS | {RfkCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "app.quit", id="quit", priority=True),
        # Textual adds its own ctrl+p binding, described in English, unless the app has one.
        Binding(
            "ctrl+p",
            "command_palette",
            "palette.binding",
            id="palette",
            show=False,
            priority=True,
            tooltip="app.palette_tooltip",
        ),
        Binding("f1", "help", "nav.help", id="help"),
        Binding("f2", "switch_mode('home')", "nav.home", id="nav-home"),
        Binding("f3", "switch_mode('companies')", "nav.companies", id="nav-companies"),
        Binding("f4", "switch_mode('citizens')", "nav.citizens", id="nav-citizens"),
        Binding("f5", "switch_mode('trips')", "nav.trips", id="nav-trips"),
        Binding("f6", "switch_mode('staff')", "nav.staff", id="nav-staff"),
        Binding("f7", "switch_mode('settings')", "nav.settings", id="nav-settings"),
        Binding("f8", "switch_mode('followups')", "nav.followups", id="nav-followups"),
        Binding("f9", "switch_mode('results')", "nav.results", id="nav-results"),
        Binding("f11", "switch_mode('audit')", "nav.audit", id="nav-audit"),
        Binding("f12", "save_screenshot", "app.screenshot_binding", id="screenshot", show=False),
    ]

    class DomainLoaded(Message):
        """The services, the table models and the ORM's mappers are loaded (AppContext)."""

    class DatabaseChanged(Message):
        """The database's last-change stamp has moved (posted by AppContext's watcher)."""

    def __init__(
        self,
        context: AppContext,
        *,
        exit_when_ready: bool = False,
        screenshot: Path | None = None,
        theme: str | None = None,
        warm_up: bool = False,
        freeze_gc: bool = False,
    ) -> None:
        super().__init__()
        if theme and theme in self.available_themes:
            self.theme = theme
        translate_bindings(self)
        self.context = context
        self.exit_when_ready = exit_when_ready
        self.screenshot = screenshot
        self.warm_up = warm_up
        self.freeze_gc = freeze_gc
        self.title = t("app.title")
        # Only the home screen is imported at start-up; the others on first use.
        self.add_mode("home", lambda: self._styled_now(HomeScreen(context)))
        for mode in (
            "companies",
            "citizens",
            "staff",
            "trips",
            "settings",
            "followups",
            "results",
            "audit",
        ):
            self.add_mode(
                mode,
                lambda mode=mode: self._styled_now(_build_screen(mode, context)),  # type: ignore[misc]
            )

    def _styled_now(self, screen: Screen[None]) -> Screen[None]:
        """Mark a new mode screen as styled with the current stylesheet.

        Textual re-parses every stylesheet of the app (about 100 ms on this machine) for each
        screen it has not styled yet, although a screen mounted now gets today's styles
        anyway. A theme change bumps the app's count again, and Textual restyles the screen.
        """
        screen._css_update_count = self._css_update_count
        return screen

    def on_mount(self) -> None:
        if self.context.login_required:
            from screens.shell.login import LoginScreen

            # A browser session on a server database: home once the user has logged in.
            self.push_screen(LoginScreen(self.context), lambda _: self.switch_mode("home"))
        else:
            self.switch_mode("home")
        self.context.watch_changes(
            lambda: self.post_message(self.DatabaseChanged()), every_s=LIVE_INTERVAL_S
        )

    def on_rfk_trips_app_database_changed(self, _message: "RfkTripsApp.DatabaseChanged") -> None:
        # The screen in front, and under a dialog the screens it covers: their lists stay
        # in sight. A screen further down reads its data again when it is shown.
        for screen in reversed(self.screen_stack):
            screen.post_message(DataChanged())
            if not isinstance(screen, ModalScreen):
                break

    def keep_built_out_of_gc(self) -> None:
        """Move everything alive now out of the garbage collector's reach (`freeze_gc`).

        A full collection walks every object, about 100 ms on this machine once the lists
        are built, and would land in the middle of a keystroke. What is alive once a mode
        screen is built (the first is home, right after start-up) and once home shows its
        data lives as long as the app, so it is frozen there;
        the collector still frees what is made later. Tests leave it off: frozen objects
        are never freed.
        """
        if self.freeze_gc:
            gc.freeze()

    def on_mode_screen_built(self, _message: ModeScreen.Built) -> None:
        self.keep_built_out_of_gc()

    def on_rfk_trips_app_domain_loaded(self, _message: "RfkTripsApp.DomainLoaded") -> None:
        self.keep_built_out_of_gc()  # the models and the configured mappers live as long

    def on_home_screen_ready(self, _message: HomeScreen.Ready) -> None:
        # After this frame: loading the domain now would delay the home screen's first frame.
        self.call_after_refresh(
            self.context.load_domain_later, lambda: self.post_message(self.DomainLoaded())
        )
        self.call_after_refresh(self._read_list_styles)
        if self.screenshot is not None:
            self.call_after_refresh(self._save_screenshot_and_exit, self.screenshot)
        elif self.exit_when_ready:
            self.call_after_refresh(self.exit)
        elif self.warm_up:
            self.warm_up = False
            self._build_lists_ahead()
        self.keep_built_out_of_gc()

    def _read_list_styles(self) -> None:
        """Parse the built-in styles of the widgets the list screens add to home's, now.

        Textual parses a widget class's DEFAULT_CSS when the first one is mounted, and then
        the whole stylesheet again: the search box's (Input's) alone took 5–7 ms of the
        first opening of a list. Read here, behind the home screen just shown, the opening
        finds them parsed; mounting them later adds nothing new.
        """
        from textual.containers import Horizontal

        from screens.widgets.search_box import SearchBox

        for widget in (SearchBox(), Horizontal()):
            for read_from, css, tie_breaker, scope in widget._get_default_css():
                self.stylesheet.add_source(
                    css,
                    read_from=read_from,
                    is_default_css=True,
                    tie_breaker=tie_breaker,
                    scope=scope,
                )
        self.stylesheet.rules  # noqa: B018  (reading the rules parses what was added)

    @work(group="warm-up", exclusive=True)
    async def _build_lists_ahead(self) -> None:
        """Build the list screens while the user reads the home screen.

        Composing and styling a list screen costs Textual a few hundred milliseconds on a
        slow laptop; done here, one screen at a time with pauses for the user's keys,
        pressing F3 later shows a screen that is already built and filled. A screen the
        user opens first is simply skipped.
        """
        for mode in WARM_UP_MODES:
            await asyncio.sleep(WARM_UP_PAUSE_S)
            if mode not in self._screen_stacks:
                await self._init_mode(mode)
        for mode in WARM_UP_MODES:
            await asyncio.sleep(WARM_UP_PAUSE_S)
            self._lay_out_ahead(mode)

    def _lay_out_ahead(self, mode: str) -> None:
        """Lay out and draw a built screen behind the one in front, without showing it.

        The first time a screen is shown, Textual places and draws every widget on it
        (filters, table, footer): two thirds of the time a built-ahead list took to open.
        Done here, the switch finds the layout and the drawn lines ready; a screen in front
        or a terminal of another size is laid out again by Textual as usual.
        """
        stack = self._screen_stacks.get(mode)
        if not stack or stack[-1] is self.screen:
            return
        built = stack[-1]
        built._refresh_layout(self.size)
        built._compositor.render_update(full=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Before the login of a browser session, no screen that reads the database.
        if not self.context.logged_in and action in _NEEDS_LOGIN:
            return False
        return super().check_action(action, parameters)

    def _save_screenshot_and_exit(self, target: Path) -> None:
        self.save_screenshot(filename=target.name, path=str(target.parent.resolve()))
        self.exit()

    def action_save_screenshot(self) -> None:
        if self.is_web:  # in the browser: a download, not a file on the server
            offer_screenshot(self)
            return
        path = self.save_screenshot(path=str(Path.cwd()))
        self.notify(t("app.screenshot", path=path), markup=False)  # a path may hold "["

    def action_help_quit(self) -> None:
        # Ctrl+C, the reflex for quitting: Textual answers it with an English hint.
        self.notify(t("app.quit_hint"), title=t("app.quit_hint_title"), markup=False)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(RfkCommandPalette(id="--command-palette"))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own palette commands that fit here, in the user's language.

        Left out: Textual's key panel (F1 explains the keys in Danish) and its screenshot
        (the palette has ours). The theme is chosen in Indstillinger, which keeps it.
        """
        yield SystemCommand(t("palette.theme"), t("palette.theme_help"), self._choose_theme)
        yield SystemCommand(t("app.quit"), t("palette.quit_help"), self.action_quit)
        if screen.maximized is not None:
            yield SystemCommand(
                t("palette.minimize"), t("palette.minimize_help"), screen.action_minimize
            )
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(
                t("palette.maximize"), t("palette.maximize_help"), screen.action_maximize
            )

    async def _choose_theme(self) -> None:
        await self.switch_mode("settings")
        self.screen.query_one("#theme").focus()

    def action_help(self) -> None:
        from screens.shell.help import HelpScreen, help_description

        if isinstance(self.screen, HelpScreen):
            return
        topic = (self.screen.id or type(self.screen).__name__).removeprefix("screen-")
        keys = [
            (binding.key, description)
            for _, binding, enabled, _ in self.active_bindings.values()
            if enabled and (description := help_description(binding))
        ]
        self.push_screen(HelpScreen(topic, keys))

    def on_unmount(self) -> None:
        self.context.close()


def _build_screen(mode: str, context: AppContext) -> Screen[None]:
    if mode == "trips":
        from screens.trips.trip_list import TripsScreen

        return TripsScreen(context)
    if mode == "followups":
        from screens.after_trip.follow_up import FollowUpScreen

        return FollowUpScreen(context)
    if mode == "results":
        from screens.results.results_screen import ResultsScreen

        return ResultsScreen(context)
    if mode == "audit":
        from screens.privacy.audit_log import AuditLogScreen

        return AuditLogScreen(context)
    if mode == "settings":
        from screens.config.settings import SettingsScreen

        return SettingsScreen(context)
    from screens.registers.register_screen import RegisterScreen
    from screens.registers.register_specs import CITIZENS, COMPANIES, STAFF

    spec = {"companies": COMPANIES, "citizens": CITIZENS, "staff": STAFF}[mode]
    return RegisterScreen(context, spec)


def make_app(
    *,
    database_url: str,
    lang: str = "da",
    exit_when_ready: bool = False,
    screenshot: Path | None = None,
    theme: str | None = None,
    warm_up: bool = False,
    key: str | None = None,
    daily_backup: bool = False,
    freeze_gc: bool = False,
    read_home_early: bool = False,
    served: bool = False,
) -> RfkTripsApp:
    """The app; `warm_up` builds the list screens in the background once home is shown.

    `key` is the passphrase of an encrypted database, asked before the app starts.
    `read_home_early` opens the database and reads the home figures in a thread from now
    on, while Textual starts; `freeze_gc` see `RfkTripsApp.keep_built_out_of_gc`.
    `served`: one browser session of `rfk-trips serve`, which on a server database starts
    with the login screen and opens nothing before it (`read_home_early` is then ignored).
    """
    from rfk_trips.app.serving import needs_login

    set_language(lang)
    adopt_acting_user()
    login_required = served and needs_login(database_url)
    context = AppContext(
        database_url, key=key, daily_backup=daily_backup, login_required=login_required
    )
    if read_home_early and not login_required:
        context.read_home_early()
    return RfkTripsApp(
        context,
        exit_when_ready=exit_when_ready,
        screenshot=screenshot,
        theme=theme,
        warm_up=warm_up,
        freeze_gc=freeze_gc,
    )
