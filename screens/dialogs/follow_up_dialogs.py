"""The Opfølgning screen's dialogs: record a follow-up, a new outcome, the end of one.

Each hands back what was typed; the screen saves it and, when refused, opens the dialog
again with the sentence of what is wrong and every field as it was.
"""

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Select, Static

from rfk_trips.after_trip.follow_up_desk import FollowUpForm, OutcomeForm
from rfk_trips.i18n.catalogue import t
from screens.dialogs.trip_dialogs import FormDialog
from screens.widgets.text_input import TextInput

NONE = -1  # Select value of "(ingen)"; a Select cannot hold None as an option.


# Names, titles and what was typed are shown as text: Textual would read a "[" in them as
# markup, and an unmatched "[/b]" would stop the app with an error.
def _error(text: str) -> Static:
    classes = "field-error shown" if text else "field-error"
    return Static(text, id="dialog-error", classes=classes, markup=False)


def _title(text: str) -> Static:
    return Static(text, classes="dialog-title", markup=False)


def _options(none: str, pairs: list[tuple[int, str]]) -> list[tuple[Text, int]]:
    """The "(ingen)" choice first, then the names."""
    return [(Text(none), NONE), *((Text(name), value) for value, name in pairs)]


def _choice(select: Select[int]) -> int | None:
    value = select.value
    if value is Select.NULL or value == NONE:
        return None
    return int(str(value))


class FollowUpDialog(FormDialog[FollowUpForm]):
    """What was agreed with the citizen, and the next step if there is one."""

    def __init__(
        self,
        *,
        name: str,
        task: str,
        companies: list[tuple[int, str]],
        staff: list[tuple[int, str]],
        current: FollowUpForm,
        error: str = "",
        next_only: bool = False,
    ) -> None:
        super().__init__()
        self.next_only = next_only
        self.name_ = name
        self.task_label = task
        self.companies = companies
        self.staff = staff
        self.current = current
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="followup-dialog"):
            yield _title(t("followups.dialog.record", name=self.name_))
            yield Static(t("followups.dialog.task", task=self.task_label))
            yield _error(self.error)
            with VerticalScroll(classes="dialog-fields"):
                # A next step on its own (for someone who has stalled) has no talk to note.
                if not self.next_only:
                    yield Label(t("followups.field.note"))
                    yield TextInput(self.current.note, id="fu-note")
                    yield Label(t("followups.field.company"))
                    yield Select(
                        _options(t("followups.no_company"), self.companies),
                        value=self.current.company_id or NONE,
                        allow_blank=False,
                        id="fu-company",
                    )
                yield Label(t("followups.field.next_step"))
                yield TextInput(self.current.next_step, id="fu-next-step")
                with Horizontal(classes="pair"):
                    with Vertical():
                        yield Label(t("followups.field.next_due"))
                        yield TextInput(self.current.next_due, id="fu-next-due")
                    with Vertical():
                        yield Label(t("followups.field.staff"))
                        yield Select(
                            _options(t("followups.same_staff"), self.staff),
                            value=self.current.staff_id or NONE,
                            allow_blank=False,
                            id="fu-staff",
                        )
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#fu-next-step" if self.next_only else "#fu-note", Input).focus()

    def action_submit(self) -> None:
        if self.next_only:
            note, company_id = "", None
        else:
            note = self.query_one("#fu-note", Input).value
            company_id = _choice(self.query_one("#fu-company", Select))
        self.dismiss(
            FollowUpForm(
                note=note,
                company_id=company_id,
                next_step=self.query_one("#fu-next-step", Input).value,
                next_due=self.query_one("#fu-next-due", Input).value,
                staff_id=_choice(self.query_one("#fu-staff", Select)),
            )
        )


class OutcomeDialog(FormDialog[OutcomeForm]):
    """A new outcome for the citizen: what, when, after which trip, at which company."""

    def __init__(
        self,
        *,
        name: str,
        kinds: list[tuple[str, str]],
        trips: list[tuple[int, str]],
        companies: list[tuple[int, str]],
        current: OutcomeForm,
        error: str = "",
    ) -> None:
        super().__init__()
        self.name_ = name
        self.kinds = kinds
        self.trips = trips
        self.companies = companies
        self.current = current
        self.error = error

    def compose(self) -> ComposeResult:
        current = self.current
        with Vertical(classes="dialog", id="outcome-dialog"):
            yield _title(t("followups.dialog.outcome", name=self.name_))
            yield _error(self.error)
            with VerticalScroll(classes="dialog-fields"):
                yield Label(t("outcome.field.kind"))
                yield Select(
                    [(name, code) for code, name in self.kinds],
                    value=current.kind or Select.NULL,
                    prompt=t("outcome.field.kind"),
                    id="oc-kind",
                )
                with Horizontal(classes="pair"):
                    with Vertical():
                        yield Label(t("outcome.field.start"))
                        yield TextInput(current.start, id="oc-start")
                    with Vertical():
                        yield Label(t("outcome.field.end_optional"))
                        yield TextInput(current.end, id="oc-end")
                yield Label(t("outcome.field.trip"))
                yield Select(
                    _options(t("outcome.no_trip"), self.trips),
                    value=current.trip_id or NONE,
                    allow_blank=False,
                    id="oc-trip",
                )
                yield Label(t("outcome.field.company"))
                yield Select(
                    _options(t("followups.no_company"), self.companies),
                    value=current.company_id or NONE,
                    allow_blank=False,
                    id="oc-company",
                )
                with Horizontal(classes="pair"):
                    with Vertical():
                        yield Label(t("outcome.field.hours"))
                        yield TextInput(current.hours, id="oc-hours")
                    with Vertical():
                        yield Label(t("outcome.field.aim"))
                        yield TextInput(current.aim, id="oc-aim")
                yield Label(t("outcome.field.note"))
                yield TextInput(current.note, id="oc-note")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#oc-kind", Select).focus()

    def action_submit(self) -> None:
        kind = self.query_one("#oc-kind", Select).value
        self.dismiss(
            OutcomeForm(
                kind="" if kind is Select.NULL else str(kind),
                start=self.query_one("#oc-start", Input).value,
                end=self.query_one("#oc-end", Input).value,
                trip_id=_choice(self.query_one("#oc-trip", Select)),
                company_id=_choice(self.query_one("#oc-company", Select)),
                hours=self.query_one("#oc-hours", Input).value,
                aim=self.query_one("#oc-aim", Input).value,
                note=self.query_one("#oc-note", Input).value,
            )
        )


@dataclass(frozen=True)
class OutcomeEnd:
    """The end date and the reason, as typed: the desk reads the date."""

    end: str
    reason: str


class EndOutcomeDialog(FormDialog[OutcomeEnd]):
    """The end date of a running outcome, and why when a placement ends early."""

    def __init__(
        self, *, name: str, kind: str, end: str, reason: str = "", error: str = ""
    ) -> None:
        super().__init__()
        self.name_ = name
        self.kind = kind
        self.end = end
        self.reason = reason
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small-dialog"):
            yield _title(t("followups.dialog.end", kind=self.kind, name=self.name_))
            yield _error(self.error)
            yield Label(t("outcome.field.end"))
            yield TextInput(self.end, id="end-date")
            yield Label(t("outcome.field.reason"))
            yield TextInput(self.reason, id="end-reason")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#end-date", Input).focus()

    def action_submit(self) -> None:
        self.dismiss(
            OutcomeEnd(
                self.query_one("#end-date", Input).value,
                self.query_one("#end-reason", Input).value,
            )
        )


@dataclass(frozen=True)
class LearningCaseForm:
    citizen_view: str = ""
    company_view: str = ""
    caseworker_view: str = ""
    consultant_view: str = ""
    lessons: str = ""


LEARNING_FIELDS = (
    ("citizen_view", "learning_case.field.citizen"),
    ("company_view", "learning_case.field.company"),
    ("caseworker_view", "learning_case.field.caseworker"),
    ("consultant_view", "learning_case.field.consultant"),
    ("lessons", "learning_case.field.lessons"),
)


class LearningCaseDialog(FormDialog[LearningCaseForm]):
    """Offered when a placement ends early: four views of what happened, and the lesson."""

    def __init__(
        self, *, name: str, company: str, current: LearningCaseForm, error: str = ""
    ) -> None:
        super().__init__()
        self.name_ = name
        self.company = company
        self.current = current
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="learning-case-dialog"):
            yield _title(
                t("learning_case.dialog_title", name=self.name_, company=self.company or "–")
            )
            yield Static(t("learning_case.dialog_hint"))
            yield _error(self.error)
            with VerticalScroll(classes="dialog-fields"):
                for key, label_key in LEARNING_FIELDS:
                    yield Label(t(label_key))
                    yield TextInput(getattr(self.current, key), id=f"lc-{key}")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#lc-citizen_view", Input).focus()

    def action_submit(self) -> None:
        self.dismiss(
            LearningCaseForm(
                **{key: self.query_one(f"#lc-{key}", Input).value for key, _ in LEARNING_FIELDS}
            )
        )
