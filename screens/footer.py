"""The footer every screen shows: Textual's, redrawn only when the keys it shows change."""

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

_Shown = tuple[tuple[str, str, str, bool, str], ...]


class KeyFooter(Footer):
    """Textual's Footer rebuilds all its key widgets on every bindings signal.

    Focus moving, a worker's result or a filter filling in each send one, so opening a
    register list rebuilt the footer a dozen times and restyled each key every time: most
    of the time the screen took to open. Here signals that arrive together give one check,
    and the keys are rebuilt only when what they show differs.
    """

    _shown: _Shown | None = None
    _check_pending = False

    def _keys_shown(self) -> _Shown:
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys_shown()
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._check_pending:
            self._check_pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._check_pending = False
        if self.is_attached and self._keys_shown() != self._shown:
            await self.recompose()
