"""The command palette (ctrl+p): go anywhere, and the actions of the screen in front."""

from collections.abc import Callable
from functools import partial
from typing import Any, Protocol

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from rfk_trips.i18n.catalogue import t


class RfkCommandPalette(CommandPalette):
    """Textual's command palette, with its own words in the user's language.

    Textual writes the search field's placeholder and "No matches found" in English; the
    placeholder is a parameter, the other only in the countdown that adds it, repeated here
    with the text translated (and the same 0.5 s wait, so typing does not flash it).
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("placeholder", t("palette.placeholder"))
        super().__init__(**kwargs)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(t("palette.no_matches"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                # Nothing typed: the discovery list was empty, which needs no notice.
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class HasPaletteCommands(Protocol):
    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]: ...


class RfkCommands(Provider):
    """Navigation for everyone, plus whatever the current screen offers."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = self.app
        commands: list[tuple[str, str, Callable[[], object]]] = []
        for mode, key in (
            ("home", "nav.home"),
            ("companies", "nav.companies"),
            ("citizens", "nav.citizens"),
            ("trips", "nav.trips"),
            ("staff", "nav.staff"),
            ("settings", "nav.settings"),
            ("followups", "nav.followups"),
            ("results", "nav.results"),
            ("audit", "nav.audit"),
        ):
            if mode in app._modes:  # only the screens this app has
                commands.append((t(key), t("palette.go"), partial(app.switch_mode, mode)))
        screen = self.screen
        if hasattr(screen, "palette_commands"):
            commands.extend(screen.palette_commands())
        commands.append((t("app.screenshot_binding"), "", app.action_save_screenshot))  # type: ignore[attr-defined]
        commands.append((t("help.title"), "F1", app.action_help))  # type: ignore[attr-defined]
        return commands

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
