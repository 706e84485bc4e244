"""The Textual application and its factory: the composition root wiring screens to the domain."""

from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from rfk_trips.acting_user import adopt_acting_user
from rfk_trips.app_context import AppContext
from rfk_trips.i18n import set_language, t
from screens.bindings import translate_bindings
from screens.home import HomeScreen
from screens.palette import RfkCommands


class RfkTripsApp(App[None]):
    """rfk-trips in the terminal."""

    CSS_PATH = "../screens/app.tcss"
    TITLE = "rfk-trips"
    COMMANDS = App.COMMANDS | {RfkCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "app.quit", id="quit", priority=True),
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

    def __init__(
        self,
        context: AppContext,
        *,
        exit_when_ready: bool = False,
        screenshot: Path | None = None,
        theme: str | None = None,
    ) -> None:
        super().__init__()
        if theme and theme in self.available_themes:
            self.theme = theme
        translate_bindings(self)
        self.context = context
        self.exit_when_ready = exit_when_ready
        self.screenshot = screenshot
        self.title = t("app.title")
        # Only the home screen is imported at start-up; the others on first use.
        self.add_mode("home", lambda: HomeScreen(context))
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
            self.add_mode(mode, lambda mode=mode: _build_screen(mode, context))  # type: ignore[misc]

    def on_mount(self) -> None:
        self.switch_mode("home")

    def on_home_screen_ready(self, _message: HomeScreen.Ready) -> None:
        if self.screenshot is not None:
            self.call_after_refresh(self._save_screenshot_and_exit, self.screenshot)
        elif self.exit_when_ready:
            self.call_after_refresh(self.exit)

    def _save_screenshot_and_exit(self, target: Path) -> None:
        self.save_screenshot(filename=target.name, path=str(target.parent.resolve()))
        self.exit()

    def action_save_screenshot(self) -> None:
        path = self.save_screenshot(path=str(Path.cwd()))
        self.notify(t("app.screenshot", path=path))

    def action_help(self) -> None:
        from screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        topic = (self.screen.id or type(self.screen).__name__).removeprefix("screen-")
        keys = [
            (binding.key, binding.description)
            for _, binding, enabled, _ in self.active_bindings.values()
            if binding.description and enabled
        ]
        self.push_screen(HelpScreen(topic, keys))

    def on_unmount(self) -> None:
        self.context.close()


def _build_screen(mode: str, context: AppContext) -> Screen[None]:
    if mode == "trips":
        from screens.trips import TripsScreen

        return TripsScreen(context)
    if mode == "followups":
        from screens.follow_up import FollowUpScreen

        return FollowUpScreen(context)
    if mode == "results":
        from screens.results import ResultsScreen

        return ResultsScreen(context)
    if mode == "audit":
        from screens.audit_log import AuditLogScreen

        return AuditLogScreen(context)
    if mode == "settings":
        from screens.settings import SettingsScreen

        return SettingsScreen(context)
    from screens.register_screen import RegisterScreen
    from screens.register_specs import CITIZENS, COMPANIES, STAFF

    spec = {"companies": COMPANIES, "citizens": CITIZENS, "staff": STAFF}[mode]
    return RegisterScreen(context, spec)


def make_app(
    *,
    database_url: str,
    lang: str = "da",
    exit_when_ready: bool = False,
    screenshot: Path | None = None,
    theme: str | None = None,
) -> RfkTripsApp:
    set_language(lang)
    adopt_acting_user()
    return RfkTripsApp(
        AppContext(database_url),
        exit_when_ready=exit_when_ready,
        screenshot=screenshot,
        theme=theme,
    )
