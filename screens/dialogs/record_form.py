"""A form for one register record, built from `rfk_trips.registers.record_forms` field descriptions.

Saving runs in a worker. A refused save keeps the form open with everything typed and shows
the Danish sentence under each field that was refused.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from rfk_trips.i18n.catalogue import t
from rfk_trips.registers.record_forms import SEEN, FormField
from rfk_trips.rules.errors import UserError
from screens.widgets.bindings import translate_bindings
from screens.widgets.text_input import TextInput

SaveFunction = Callable[[dict[str, str]], int]

YES, NO = "ja", "nej"


class RecordFormScreen(ModalScreen[int | None]):
    """Dismisses with the saved record's id, or None when cancelled."""

    BINDINGS = [
        # Not a priority binding: keys typed just before F10 reach their field first.
        Binding("f10", "save", "form.save", id="form-save"),
        Binding("escape", "cancel", "form.cancel", id="form-cancel"),
    ]

    @dataclass
    class Saved(Message):
        record_id: int

    @dataclass
    class Refused(Message):
        error: UserError

    def __init__(
        self,
        title: str,
        fields: Sequence[FormField],
        values: dict[str, str],
        choices: dict[str, list[str]],
        save: SaveFunction,
        *,
        extra: Widget | None = None,
    ) -> None:
        super().__init__()
        translate_bindings(self)
        self.form_title = title
        self.fields = list(fields)
        self.values = values
        self.choices = choices
        self.save_function = save
        self.extra = extra

    def compose(self) -> ComposeResult:
        with Vertical(id="form-dialog", classes="dialog"):
            yield Static(self.form_title, id="form-title")
            # Refusals quote what was typed and name other records: text, never markup.
            yield Static("", id="form-message", markup=False)
            with VerticalScroll(id="form-fields"):
                for field in self.fields:
                    yield from self._field(field)
                if self.extra is not None:
                    yield self.extra
            with Horizontal(classes="buttons"):
                yield Button(t("form.save_button"), id="save", variant="primary")
                yield Button(t("form.cancel_button"), id="cancel")

    def _field(self, field: FormField) -> ComposeResult:
        text = t(field.label_key) + (" *" if field.required else "")
        classes = "field sensitive" if field.sensitive else "field"
        with Vertical(classes=classes, id=f"field-{field.key}"):
            yield Label(text, classes="field-label")
            value = self.values.get(field.key, "")
            widget_id = f"input-{field.key}"
            if field.kind == "yesno":
                yield Select(
                    [(t("common.yes"), YES), (t("common.no"), NO)],
                    value=YES if value.strip().casefold() in ("ja", "x", "1", "yes") else NO,
                    allow_blank=False,
                    id=widget_id,
                )
            elif field.kind == "choice":
                options = self.choices.get(field.key, [])
                if value and value not in options:
                    options = [value, *options]
                yield Select(
                    # Municipalities and staff are names from the register: text, not markup.
                    [(Text(option), option) for option in options],
                    value=value if value else Select.NULL,
                    # A required choice starts blank on a new record, so it is chosen on
                    # purpose; the parser refuses it blank with the sentence under the field.
                    allow_blank=not field.required or not value,
                    prompt="–",
                    id=widget_id,
                )
            elif field.kind == "multiline":
                yield TextArea(value, id=widget_id, classes="multiline", soft_wrap=True)
            else:
                yield TextInput(value, placeholder=field.placeholder, id=widget_id)
            yield Static("", classes="field-error", id=f"error-{field.key}", markup=False)

    def on_mount(self) -> None:
        self.query_one(f"#input-{self.fields[0].key}").focus()

    def collected(self) -> dict[str, str]:
        """Everything in the form now, as text."""
        values: dict[str, str] = {}
        for field in self.fields:
            widget = self.query_one(f"#input-{field.key}")
            if isinstance(widget, Input):
                values[field.key] = widget.value
            elif isinstance(widget, TextArea):
                values[field.key] = widget.text
            elif isinstance(widget, Select):
                values[field.key] = "" if widget.value is Select.NULL else str(widget.value)
        return values

    def action_save(self) -> None:
        self.query_one("#save", Button).disabled = True
        # The form shows only its fields; the stamp of the record as loaded rides along, so
        # a save over a colleague's newer one is refused (record_forms.SEEN).
        seen = {SEEN: self.values[SEEN]} if SEEN in self.values else {}
        self._save({**self.collected(), **seen})

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()

    @work(thread=True, exclusive=True, group="form-save")
    def _save(self, values: dict[str, str]) -> None:
        try:
            record_id = self.save_function(values)
        except UserError as exc:
            self.post_message(self.Refused(exc))
            return
        self.post_message(self.Saved(record_id))

    def on_record_form_screen_saved(self, message: Saved) -> None:
        self.dismiss(message.record_id)

    def on_record_form_screen_refused(self, message: Refused) -> None:
        self.query_one("#save", Button).disabled = False
        error = message.error
        self.query_one("#form-message", Static).update(
            t("form.refused") if error.field_errors else error.message
        )
        self.query_one("#form-message").add_class("shown")
        first: Widget | None = None
        for field in self.fields:
            text = error.field_errors.get(field.key, "")
            note = self.query_one(f"#error-{field.key}", Static)
            note.update(text)
            note.set_class(bool(text), "shown")
            if text and first is None:
                first = self.query_one(f"#input-{field.key}")
        if first is not None:
            first.focus()
