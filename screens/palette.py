"""The command palette (ctrl+p): go anywhere, and the actions of the screen in front."""

from collections.abc import Callable
from functools import partial
from typing import Protocol

from textual.command import DiscoveryHit, Hit, Hits, Provider

from rfk_trips.i18n import t


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
