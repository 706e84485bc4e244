"""Small dialogs: a new trip, a visit's times, a programme item, a reason, an afbud."""

from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.danish_dates import example_date, format_date
from screens.widgets.bindings import translate_bindings
from screens.widgets.text_input import TextInput

FormT = TypeVar("FormT")


class FormDialog(ModalScreen[FormT | None], Generic[FormT]):
    """Dismisses with what was typed, as one `FormT`, or None when cancelled.

    Typed per dialog so that the caller's callback knows what it gets, without isinstance.
    """

    BINDINGS = [
        # Not a priority binding: keys typed just before F10 reach their field first.
        Binding("f10", "submit", "form.save", id="dialog-save"),
        Binding("escape", "cancel", "form.cancel", id="dialog-cancel"),
    ]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def buttons(self) -> ComposeResult:
        with Horizontal(classes="buttons"):
            yield Button(t("form.save_button"), id="ok", variant="primary")
            yield Button(t("form.cancel_button"), id="cancel")

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        # Each dialog defines action_submit: what it hands back to the editor.
        await self.run_action("submit" if event.button.id == "ok" else "cancel")

    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_error(self, text: str) -> None:
        # Every dialog builds its #dialog-error with markup=False: an error may quote input.
        note = self.query_one("#dialog-error", Static)
        note.update(text)
        note.add_class("shown")

    async def on_input_submitted(self) -> None:
        await self.run_action("submit")


@dataclass(frozen=True)
class NewTrip:
    format_code: str
    date_text: str
    title: str


class NewTripDialog(FormDialog[NewTrip]):
    """Format, date and title of a new trip; the trip editor does the rest."""

    def __init__(
        self,
        formats: list[tuple[str, str]],
        error: str = "",
        last: NewTrip | None = None,
        *,
        today: date,
    ) -> None:
        super().__init__()
        self.formats = formats
        self.error = error
        self.last = last
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small-dialog"):
            yield Static(t("trips.new"), classes="dialog-title")
            yield Static(
                self.error,
                id="dialog-error",
                classes="field-error shown" if self.error else "field-error",
                markup=False,
            )
            yield Label(t("trip.field.format"))
            yield Select(
                # The formats' names are edited in Indstillinger: text, never markup.
                [(Text(name), code) for code, name in self.formats],
                value=self.last.format_code if self.last else self.formats[0][0],
                allow_blank=False,
                id="new-format",
            )
            yield Label(t("trip.field.date"))
            example = example_date(self.today)
            yield TextInput(
                self.last.date_text if self.last else "",
                placeholder=t(
                    "trip.date_placeholder",
                    long=format_date(example),
                    short=f"{example.day}/{example.month}",
                ),
                id="new-date",
            )
            yield Label(t("trip.field.title"))
            yield TextInput(self.last.title if self.last else "", id="new-title")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#new-date", Input).focus()

    def action_submit(self) -> None:
        self.dismiss(
            NewTrip(
                str(self.query_one("#new-format", Select).value),
                self.query_one("#new-date", Input).value,
                self.query_one("#new-title", Input).value,
            )
        )


@dataclass(frozen=True)
class VisitEdit:
    start: str
    end: str
    showing: str
    host_contact: str
    confirmed: bool
    agreed_on: str = ""  # the day the host agreed (R12), as typed: 03-11-2026


class VisitDialog(FormDialog[VisitEdit]):
    def __init__(self, company: str, current: VisitEdit, error: str = "") -> None:
        super().__init__()
        self.company = company
        self.current = current
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small-dialog"):
            yield Static(
                t("visit.edit_title", name=self.company), classes="dialog-title", markup=False
            )
            yield Static(
                self.error,
                id="dialog-error",
                classes="field-error shown" if self.error else "field-error",
                markup=False,
            )
            with Horizontal(classes="pair"):
                with Vertical():
                    yield Label(t("visit.start"))
                    yield TextInput(self.current.start, id="visit-start")
                with Vertical():
                    yield Label(t("visit.end"))
                    yield TextInput(self.current.end, id="visit-end")
            yield Label(t("visit.showing"))
            yield TextInput(self.current.showing, id="visit-showing")
            yield Label(t("visit.contact"))
            yield TextInput(self.current.host_contact, id="visit-contact")
            yield Label(t("visit.confirmed"))
            yield Select(
                [(t("common.yes"), True), (t("common.no"), False)],
                value=self.current.confirmed,
                allow_blank=False,
                id="visit-confirmed",
            )
            yield Label(t("visit.agreed_on"))
            yield TextInput(self.current.agreed_on, placeholder="03-11-2026", id="visit-agreed")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#visit-start", Input).focus()

    def action_submit(self) -> None:
        self.dismiss(
            VisitEdit(
                self.query_one("#visit-start", Input).value,
                self.query_one("#visit-end", Input).value,
                self.query_one("#visit-showing", Input).value,
                self.query_one("#visit-contact", Input).value,
                bool(self.query_one("#visit-confirmed", Select).value),
                self.query_one("#visit-agreed", Input).value,
            )
        )


@dataclass(frozen=True)
class ProgrammeEdit:
    time: str
    text: str
    kind: str


class ProgrammeItemDialog(FormDialog[ProgrammeEdit]):
    def __init__(self, kinds: list[tuple[str, str]], current: ProgrammeEdit | None) -> None:
        super().__init__()
        self.kinds = kinds
        self.current = current or ProgrammeEdit("", "", "other")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small-dialog"):
            yield Static(t("programme.item_title"), classes="dialog-title")
            yield Static("", id="dialog-error", classes="field-error", markup=False)
            yield Label(t("programme.time"))
            yield TextInput(self.current.time, placeholder="08:30", id="item-time")
            yield Label(t("programme.text"))
            yield TextInput(self.current.text, id="item-text")
            yield Label(t("programme.kind"))
            yield Select(
                [(name, code) for code, name in self.kinds],
                value=self.current.kind,
                allow_blank=False,
                id="item-kind",
            )
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#item-time", Input).focus()

    def action_submit(self) -> None:
        text = self.query_one("#item-text", Input).value.strip()
        if not text:
            self.show_error(t("field.required", field=t("programme.text")))
            return
        self.dismiss(
            ProgrammeEdit(
                self.query_one("#item-time", Input).value,
                text,
                str(self.query_one("#item-kind", Select).value),
            )
        )


class ReasonDialog(FormDialog[str]):
    """Why a warning is accepted: the reason is stored with the trip."""

    def __init__(self, warning: str, current: str = "") -> None:
        super().__init__()
        self.warning = warning
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small-dialog"):
            yield Static(t("findings.acknowledge_title"), classes="dialog-title")
            yield Static(self.warning, classes="dialog-text", markup=False)  # names people
            yield Static("", id="dialog-error", classes="field-error", markup=False)
            yield Label(t("findings.reason"))
            yield TextInput(self.current, id="reason")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#reason", Input).focus()

    def action_submit(self) -> None:
        reason = self.query_one("#reason", Input).value.strip()
        if not reason:
            self.show_error(t("trip.acknowledge_reason_required"))
            return
        self.dismiss(reason)


class AgendaDialog(FormDialog[str]):
    """What the participants raised in their own agenda slot, written on the day (R10)."""

    def __init__(self, current: str = "") -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small-dialog"):
            yield Static(t("checkin.agenda_title"), classes="dialog-title")
            yield Static(t("checkin.agenda_hint"), classes="dialog-text")
            yield TextArea(self.current, id="agenda", classes="multiline", soft_wrap=True)
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#agenda", TextArea).focus()

    def action_submit(self) -> None:
        self.dismiss(self.query_one("#agenda", TextArea).text)


class ExcuseDialog(FormDialog[str]):
    """Afbud on the day: a reason may be given, and may be left out."""

    def __init__(self, name: str, current: str = "") -> None:
        super().__init__()
        self.person = name
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small-dialog"):
            yield Static(
                t("checkin.excuse_title", name=self.person), classes="dialog-title", markup=False
            )
            yield Label(t("checkin.excuse_reason"))
            yield TextInput(self.current, id="reason")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#reason", Input).focus()

    def action_submit(self) -> None:
        self.dismiss(self.query_one("#reason", Input).value.strip())
