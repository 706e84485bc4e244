"""A yes/no question before anything destructive, with "Nej" focused."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from rfk_trips.i18n.catalogue import t
from screens.widgets.bindings import translate_bindings


class ConfirmModal(ModalScreen[bool]):
    """Answers True only when the user chooses "Ja"; Escape and "Nej" answer False."""

    BINDINGS = [Binding("escape", "answer(False)", "common.no", id="confirm-no")]

    def __init__(self, question: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="dialog"):
            # The question names what it is about, as typed: text, never markup.
            yield Static(self.question, id="confirm-question", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(t("common.yes"), id="yes", variant="error")
                yield Button(t("common.no"), id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
