"""Ctrl+O in the trip editor: which version of the programme to print, or which other file of
the trip to save (the calendar file, the SMS reminders)."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, RadioButton, RadioSet, Static

from rfk_trips.i18n.catalogue import t
from screens.dialogs.trip_dialogs import FormDialog

# The same as `programme_content.AUDIENCES`, spelt out so the dialog opens without it.
AUDIENCES = ("participant", "staff", "company", "bus")
# The versions that name citizens and their phones: marked in the list.
PERSONAL_AUDIENCES = frozenset({"staff"})
# The trip's other files (`rfk_trips.documents.trip_files.TRIP_FILES`), after the versions.
TRIP_FILES = ("calendar", "reminders")


class PrintDialog(FormDialog[str]):
    """The four versions and the two other files as radio buttons; hands back the choice
    (an audience such as "staff", or "calendar" or "reminders")."""

    BINDINGS = [Binding("f10", "submit", "printing.confirm", id="print-dialog-print")]

    def __init__(self, choice: str = "participant", *, for_browser: bool = False) -> None:
        super().__init__()
        self.choice = choice
        # In a browser session printing is downloading the PDF: the dialog says so.
        self.for_browser = for_browser

    def compose(self) -> ComposeResult:
        with Vertical(id="print-dialog", classes="dialog small-dialog"):
            title = "printing.download_title" if self.for_browser else "printing.dialog_title"
            yield Static(t(title), classes="dialog-title")
            yield Static("", id="dialog-error", classes="field-error", markup=False)
            yield Static(t("printing.choose"))
            with RadioSet(id="print-version"):
                for audience in AUDIENCES:
                    yield RadioButton(
                        _version_label(audience),
                        value=audience == self.choice,
                        id=f"print-{audience}",
                    )
                for kind in TRIP_FILES:
                    yield RadioButton(
                        t(f"printing.{kind}_choice"),
                        value=kind == self.choice,
                        id=f"print-{kind}",
                        classes="other-file",
                    )
            yield Static(t("printing.staff_note"), classes="hint")
            with Horizontal(classes="buttons"):
                button = "printing.download_button" if self.for_browser else "printing.print_button"
                yield Button(t(button), id="ok", variant="primary")
                yield Button(t("form.cancel_button"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#print-version", RadioSet).focus()

    def action_submit(self) -> None:
        pressed = self.query_one("#print-version", RadioSet).pressed_button
        if pressed is None or pressed.id is None:
            self.show_error(t("printing.choose"))
            return
        self.dismiss(pressed.id.removeprefix("print-"))


def _version_label(audience: str) -> str:
    name = t(f"programme.audience.{audience}")
    if audience in PERSONAL_AUDIENCES:
        return f"{name} ({t('printing.personal_data')})"
    return name
