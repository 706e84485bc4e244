"""Ctrl+O in a register list or in Resultater: the list or the figures as a file, in which
format."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, RadioButton, RadioSet, Static

from rfk_trips.i18n.catalogue import t
from screens.dialogs.trip_dialogs import FormDialog

# The same as `rfk_trips.exchange.register_files.REGISTER_SUFFIXES`, Excel first.
FORMATS = (".xlsx", ".csv", ".json")


class ExportDialog(FormDialog[str]):
    """The formats as radio buttons; hands back the chosen suffix (".xlsx", …)."""

    BINDINGS = [Binding("f10", "submit", "register.export", id="export-dialog-save")]

    def __init__(
        self,
        title_key: str = "register.export_title",
        choose_key: str = "register.export_choose",
    ) -> None:
        super().__init__()
        self.title_key = title_key
        self.choose_key = choose_key

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog small-dialog"):
            yield Static(t(self.title_key), classes="dialog-title")
            yield Static(t(self.choose_key))
            with RadioSet(id="export-format"):
                for index, suffix in enumerate(FORMATS):
                    name = suffix.removeprefix(".")
                    yield RadioButton(
                        t(f"register.export_{name}"), value=index == 0, id=f"export-{name}"
                    )
            with Horizontal(classes="buttons"):
                yield Button(t("register.export_button"), id="ok", variant="primary")
                yield Button(t("form.cancel_button"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#export-format", RadioSet).focus()

    def action_submit(self) -> None:
        pressed = self.query_one("#export-format", RadioSet).pressed_button
        if pressed is not None and pressed.id is not None:
            self.dismiss("." + pressed.id.removeprefix("export-"))
