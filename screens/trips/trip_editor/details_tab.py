"""The trip editor's details tab: the trip's form, saved with F10 against the version it shows."""

from collections.abc import Collection

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError
from rfk_trips.trips.trip_editing import EditorState
from screens.dialogs.confirm import ConfirmModal
from screens.trips.trip_editor.host import EditorShell, EditorTab
from screens.widgets.text_input import TextInput

DETAIL_FIELDS: tuple[tuple[str, str], ...] = (
    ("title", "trip.field.title"),
    ("date", "trip.field.date"),
    ("meeting_place", "trip.field.meeting_place"),
    ("meeting_time", "trip.field.meeting_time"),
    ("return_time", "trip.field.return_time"),
    ("bus", "trip.field.bus"),
    ("bus_reference", "trip.field.bus_reference"),
    ("seats", "trip.field.seats"),
    ("catering", "trip.field.catering"),
    ("catering_notes", "trip.field.catering_notes"),
    ("notes", "trip.field.notes"),
)
# The two fields chosen from a list rather than typed.
CHOICE_FIELDS = ("format", "municipality")


class DetailsTab(EditorTab):
    """Title, date, format, municipality, times, bus, catering and notes."""

    TITLE = "editor.tab.details"
    PANE_ID = "tab-details"
    FIRST_FIELD = "#d-title"

    def __init__(self, shell: EditorShell) -> None:
        super().__init__(shell)
        # The form is saved against the version its values came from, not the newest one
        # read: a change made meanwhile by someone else is never overwritten unseen.
        self._version = 0
        self._base: dict[str, str] = {}  # the trip's details as last put in the form
        self._shown: dict[str, str] = {}  # the form exactly as filled then
        self._refill = False  # after a save: show the saved values, as stored
        self._adopt = False  # Ctrl+R after a refusal: keep the input on the new version
        self._showing_format = ""
        # The values offered by each Select, as given to it (Textual keeps its own privately).
        self._choices: dict[str, list[str]] = {key: [] for key in CHOICE_FIELDS}

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="details-form"):
            yield Static("", id="details-message", classes="field-error", markup=False)
            with Horizontal(classes="field"):
                yield Label(t("trip.field.format"), classes="field-label")
                yield Select[str]([], prompt="–", id="d-format")
            yield Static("", classes="field-error", id="error-format", markup=False)
            with Horizontal(classes="field"):
                yield Label(t("trip.field.municipality"), classes="field-label")
                yield Select[str]([], prompt="–", id="d-municipality")
            yield Static("", classes="field-error", id="error-municipality", markup=False)
            for key, label_key in DETAIL_FIELDS:
                with Horizontal(classes="field"):
                    yield Label(t(label_key), classes="field-label")
                    yield TextInput(id=f"d-{key}")
                yield Static("", classes="field-error", id=f"error-{key}", markup=False)
            yield Button(t("editor.save_details_button"), id="save-details", variant="primary")

    def set_choices(self, formats: list[tuple[str, str]], municipalities: list[str]) -> None:
        """The formats (code, name) and the municipalities' names to choose from."""
        self._choices = {
            "format": [code for code, _ in formats],
            "municipality": list(municipalities),
        }
        self.query_one("#d-format", Select).set_options(
            [(Text(name), code) for code, name in formats]
        )
        self.query_one("#d-municipality", Select).set_options(
            [(Text(name), name) for name in municipalities]
        )

    # --- filling ----------

    def fill(self, state: EditorState, keep: Collection[str] = ()) -> None:
        """Put the trip's details in the form as stored, but for the fields in `keep`.

        A field kept is not set at all, not even to what it holds: setting an input moves
        its cursor, and the user may be typing in it. It still counts as typed in.
        """
        values = state.details_form
        for key, _ in DETAIL_FIELDS:
            if key not in keep:
                self.query_one(f"#d-{key}", Input).value = values.get(key, "")
        if values.get("format") and "format" not in keep:
            self._showing_format = values["format"]
            if values["format"] in self._choices["format"]:
                self.query_one("#d-format", Select).value = values["format"]
        if (
            "municipality" not in keep
            and values.get("municipality")
            and values["municipality"] in self._choices["municipality"]
        ):
            self.query_one("#d-municipality", Select).value = values["municipality"]
        self._base = dict(values)
        self._version = state.detail.version
        self._shown = {**self.values(), **{key: self._shown.get(key, "") for key in keep}}

    def values(self) -> dict[str, str]:
        values = {key: self.query_one(f"#d-{key}", Input).value for key, _ in DETAIL_FIELDS}
        fmt = self.query_one("#d-format", Select).value
        municipality = self.query_one("#d-municipality", Select).value
        values["format"] = "" if fmt is Select.NULL else str(fmt)
        values["municipality"] = "" if municipality is Select.NULL else str(municipality)
        return values

    def untouched(self) -> bool:
        """Nothing typed since the form was last filled."""
        return self.values() == self._shown

    def merge(self, state: EditorState) -> None:
        """The trip read again: the form follows it where the user has typed nothing.

        What the user typed is kept. If someone else changed the details meanwhile, a field
        the user also changed is a conflict: the form stays on its old version, so saving is
        refused (error.stale_version) with the input still there. Ctrl+R after that takes
        the newest version under the user's input, so saving it again is a choice they make.
        """
        typed = self.values()
        touched = {key for key, value in typed.items() if value != self._shown.get(key)}
        if self._refill or not touched:
            self._refill = self._adopt = False
            self.fill(state)
            return
        changed = {key for key, value in state.details_form.items() if value != self._base.get(key)}
        if changed & touched and not self._adopt:
            return
        self._adopt = False
        self.fill(state, keep=touched)  # the other fields as now stored, the user's as typed

    def refill_on_next_state(self) -> None:
        """After a save: the next state read is shown as stored, over what was typed."""
        self._refill = True

    def adopt_on_next_state(self) -> None:
        """Ctrl+R: the next state read goes under the user's input, conflicts and all."""
        self._adopt = True

    # --- saving ----------

    def save(self) -> None:
        self._shell.save_details(self.values(), self._version)

    @on(Button.Pressed, "#save-details")
    def _save_pressed(self) -> None:
        self.save()

    def show_errors(self, error: UserError | None) -> None:
        """A refusal under the fields it concerns (None clears them)."""
        message = self.query_one("#details-message", Static)
        fields = error.field_errors if error is not None else {}
        message.update("" if error is None else (t("form.refused") if fields else error.message))
        message.set_class(error is not None, "shown")
        for key in [*CHOICE_FIELDS, *(k for k, _ in DETAIL_FIELDS)]:
            note = self.query_one(f"#error-{key}", Static)
            note.update(fields.get(key, ""))
            note.set_class(key in fields, "shown")

    @on(Select.Changed, "#d-format")
    def _format_changed(self, event: Select.Changed) -> None:
        code = "" if event.value is Select.NULL else str(event.value)
        if not code or code == self._showing_format or self._shell.state is None:
            return
        trip_id = self._shell.trip_id

        def answered(yes: bool | None) -> None:
            if yes:
                self._showing_format = code
                self._shell.run_change(
                    lambda services, version: services.apply_format_defaults(
                        trip_id, version, code
                    ),
                    t("editor.format_applied"),
                )
                self._shell.forget_state()  # the next state fills the details form again
            else:
                self.query_one("#d-format", Select).value = self._showing_format

        self.app.push_screen(ConfirmModal(t("editor.confirm_format")), answered)
