"""The base of the screens the function keys switch between (Oversigt, Virksomheder, …)."""

from textual import events
from textual.message import Message
from textual.screen import Screen


class ModeScreen(Screen[None]):
    """A screen that keeps its styles while another mode is shown.

    Textual restyles every widget of a screen each time it comes back, which also throws
    away the tables' rendered rows: most of the time a switch back to a list took. Nothing
    these screens style by changes while they are away, and a theme change is applied by
    Textual on the switch itself, before this event.
    """

    class Built(Message):
        """The screen is composed and mounted, once (the app may tidy its memory then)."""

    def _on_mount(self, _event: events.Mount) -> None:
        self.app.post_message(self.Built())

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        event.refresh_styles = False
