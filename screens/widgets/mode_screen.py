"""The base of the screens the function keys switch between (Oversigt, Virksomheder, …)."""

from textual import events
from textual.message import Message
from textual.screen import Screen

# The longest a list screen opened for the first time waits for its rows before it shows.
FIRST_PAINT_WAIT_S = 0.25


class ModeScreen(Screen[None]):
    """A screen that keeps its styles while another mode is shown.

    Textual restyles every widget of a screen each time it comes back, which also throws
    away the tables' rendered rows: most of the time a switch back to a list took. Nothing
    these screens style by changes while they are away, and a theme change is applied by
    Textual on the switch itself, before this event.

    A screen with `WAITS_FOR_DATA` that is built as the user opens it is drawn once its
    first data is in (`data_shown`), at most `FIRST_PAINT_WAIT_S` later, not empty first
    and again with its rows. Textual shows nothing of a new mode for its first 50 ms
    anyway (`App.switch_mode` delays the update), so the empty drawing was never seen, and
    it held the interpreter from the worker reading the rows.
    """

    WAITS_FOR_DATA = False
    _waiting_for_data = False

    class Built(Message):
        """The screen is composed and mounted, once (the app may tidy its memory then)."""

    def _on_mount(self, _event: events.Mount) -> None:
        self.app.post_message(self.Built())
        if self.WAITS_FOR_DATA and self.app.screen is self:
            self._waiting_for_data = True
            # On the app: a timer of this screen would stop if the screen went away.
            self.app.set_timer(FIRST_PAINT_WAIT_S, self.data_shown)

    def _compositor_refresh(self) -> None:
        if not self._waiting_for_data:
            super()._compositor_refresh()

    def data_shown(self) -> None:
        """The first data is in the widgets (or could not be read): draw the screen now."""
        if self._waiting_for_data:
            self._waiting_for_data = False
            self.refresh()

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        event.refresh_styles = False
