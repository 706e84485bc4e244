"""The trip editor: details, programme, visits, group, staff and the rule findings.

Every change is saved at once through the domain services (one transaction each, checked
against the version the editor last saw) and the findings are worked out again, so the
rules guide the planner while they compose the trip. Errors block "Bekræft tur" (F9);
warnings can be accepted with a reason.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from rich.text import Text
from sqlalchemy.engine import Engine
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import (
    Button,
    DataTable,
    Input,
    Label,
    Select,
    Static,
    TabbedContent,
    TabPane,
)
from textual.worker import get_current_worker

from rfk_trips.app.context import AppContext
from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.registers import citizen_service, staff_service
from rfk_trips.registers.citizen_service import CitizenFilter, CitizenRow
from rfk_trips.registers.staff_service import StaffFilter, StaffRow
from rfk_trips.rules.danish_dates import format_date_long, format_time, parse_time
from rfk_trips.rules.errors import StaleVersionError, UserError
from rfk_trips.rules.formats import HARD_MAX_PARTICIPANTS, HARD_MIN_PARTICIPANTS
from rfk_trips.rules.host_ranking import RankedHost
from rfk_trips.rules.vocabularies import ParticipantRole, ProgrammeKind, TripStatus
from rfk_trips.trips import trip_editing, trip_service
from rfk_trips.trips.trip_editing import CheckedFinding, EditorState, ProgrammeLine
from screens.dialogs.confirm import ConfirmModal
from screens.dialogs.trip_dialogs import (
    ProgrammeEdit,
    ProgrammeItemDialog,
    ReasonDialog,
    VisitDialog,
    VisitEdit,
)
from screens.widgets.bindings import translate_bindings
from screens.widgets.filter_choice import FilterChoice
from screens.widgets.footer import KeyFooter
from screens.widgets.list_table import ListTable
from screens.widgets.search_box import SearchBox
from screens.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from rfk_trips.documents.printing import PrintResult

Action = Callable[[Engine, int], object]

DETAIL_FIELDS: tuple[tuple[str, str], ...] = (
    ("titel", "trip.field.title"),
    ("dato", "trip.field.date"),
    ("moedested", "trip.field.meeting_place"),
    ("moedetid", "trip.field.meeting_time"),
    ("hjemkomst", "trip.field.return_time"),
    ("bus", "trip.field.bus"),
    ("busreference", "trip.field.bus_reference"),
    ("pladser", "trip.field.seats"),
    ("forplejning", "trip.field.catering"),
    ("forplejning_noter", "trip.field.catering_notes"),
    ("noter", "trip.field.notes"),
)

# Which key does what depends on the table in focus; these map actions to those tables.
ACTION_TABLES: dict[str, tuple[str, ...]] = {
    "reserve": ("candidates",),
    "move_role": ("participants",),
    "remove": ("participants", "visits", "programme", "trip-staff"),
    "toggle_confirmed": ("visits",),
    "lead": ("trip-staff",),
    "new_item": ("programme",),
    "move_item": ("programme",),
    "shift_programme": ("programme",),
}


class TripEditorScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "back", "register.back", id="editor-back"),
        Binding("f8", "next_tab", "editor.next_tab", id="editor-next-tab"),
        Binding("f9", "confirm_trip", "editor.confirm", id="editor-confirm"),
        Binding("f10", "save_details", "editor.save_details", id="editor-save"),
        Binding("r", "reserve", "editor.reserve", id="editor-reserve"),
        Binding("m", "move_role", "editor.move_role", id="editor-move-role"),
        Binding("delete", "remove", "editor.remove", id="editor-remove"),
        Binding("space", "toggle_confirmed", "editor.toggle_confirmed", id="editor-confirmed"),
        Binding("l", "lead", "editor.lead", id="editor-lead"),
        Binding("ctrl+n", "new_item", "editor.new_item", id="editor-new-item"),
        Binding("minus", "move_item(-1)", "editor.item_up", id="editor-item-up"),
        Binding("plus", "move_item(1)", "editor.item_down", id="editor-item-down"),
        Binding("t", "shift_programme", "editor.shift_programme", id="editor-shift-programme"),
        Binding("ctrl+o", "print_programme", "editor.print", id="editor-print"),
        Binding("ctrl+t", "check_in", "checkin.key.open", id="editor-checkin"),
        Binding("ctrl+r", "reload", "app.refresh", id="editor-reload", show=False),
    ]

    @dataclass
    class StateLoaded(Message):
        state: EditorState

    @dataclass
    class Failed(Message):
        text: str

    @dataclass
    class Printed(Message):
        result: "PrintResult"

    @dataclass
    class CandidatesLoaded(Message):
        rows: list[CitizenRow]
        total: int

    @dataclass
    class HostsLoaded(Message):
        rows: list[RankedHost]

    @dataclass
    class StaffLoaded(Message):
        rows: list[StaffRow]

    @dataclass
    class FilterOptions(Message):
        cohorts: list[str]
        caseworkers: list[tuple[int, str]]
        formats: list[tuple[str, str]]
        municipalities: list[str]

    def __init__(self, context: AppContext, trip_id: int) -> None:
        super().__init__(id="screen-trip-editor")
        translate_bindings(self)
        self.context = context
        self.trip_id = trip_id
        self.state: EditorState | None = None
        self.version = 0
        # The details form is saved against the version its values came from, not the newest
        # one read: a change made meanwhile by someone else is never overwritten unseen.
        self._details_version = 0
        self._details_base: dict[str, str] = {}  # the trip's details as last put in the form
        self._details_shown: dict[str, str] = {}  # the form exactly as filled then
        self._refill_details = False  # after a save: show the saved values, as stored
        self._adopt_details = False  # Ctrl+R after a refusal: keep the input on the new version
        self._lock = threading.Lock()
        self.candidate_rows: dict[str, CitizenRow] = {}
        self.host_rows: dict[str, RankedHost] = {}
        self._showing_format = ""
        self._checking_in = False

    # --- layout ----------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        # Names, titles and typed input are shown as text in this screen's lines and errors:
        # Textual would read a "[" in them as markup (an unmatched "[/b]" stops the app).
        yield Static(t("app.loading"), id="trip-heading", markup=False)
        with TabbedContent(initial="tab-group", id="tabs"):
            with TabPane(t("editor.tab.details"), id="tab-details"):
                yield from self._details_pane()
            with TabPane(t("editor.tab.programme"), id="tab-programme"):
                yield Static(t("editor.programme_hint"), classes="hint")
                yield ListTable(id="programme", cursor_type="row")
            with TabPane(t("editor.tab.visits"), id="tab-visits"):
                yield Static(t("editor.visits_hint"), classes="hint")
                yield ListTable(id="visits", cursor_type="row")
                yield Static(t("editor.hosts_title"), classes="section-title")
                yield SearchBox(placeholder=t("editor.host_search"), id="host-search")
                yield ListTable(id="hosts", cursor_type="row", zebra_stripes=True)
            with TabPane(t("editor.tab.group"), id="tab-group"):
                with Horizontal(id="group-columns"):
                    with Vertical(id="candidates-column"):
                        yield Static(t("editor.candidates_title"), classes="section-title")
                        yield SearchBox(placeholder=t("editor.citizen_search"), id="citizen-search")
                        with Horizontal(classes="filter-bar"):
                            yield FilterChoice(t("filter.cohort"), id="filter-cohort")
                            yield FilterChoice(t("filter.caseworker"), id="filter-caseworker")
                        yield ListTable(id="candidates", cursor_type="row", zebra_stripes=True)
                    with Vertical(id="participants-column"):
                        yield Static("", id="group-count")
                        yield ListTable(id="participants", cursor_type="row")
            with TabPane(t("editor.tab.staff"), id="tab-staff"):
                with Horizontal(id="staff-columns"):
                    with Vertical():
                        yield Static(t("editor.staff_candidates"), classes="section-title")
                        yield SearchBox(placeholder=t("editor.staff_search"), id="staff-search")
                        yield ListTable(id="staff-candidates", cursor_type="row")
                    with Vertical():
                        yield Static(t("editor.trip_staff"), classes="section-title")
                        yield ListTable(id="trip-staff", cursor_type="row")
            with TabPane(t("editor.tab.findings"), id="tab-findings"):
                yield Static(t("editor.findings_hint"), classes="hint")
                yield ListTable(id="findings", cursor_type="row")
        yield Static("", id="findings-summary", markup=False)
        yield KeyFooter()

    def _details_pane(self) -> ComposeResult:
        with VerticalScroll(id="details-form"):
            yield Static("", id="details-message", classes="field-error", markup=False)
            with Horizontal(classes="field"):
                yield Label(t("trip.field.format"), classes="field-label")
                yield Select[str]([], prompt="–", id="d-format")
            yield Static("", classes="field-error", id="error-format", markup=False)
            with Horizontal(classes="field"):
                yield Label(t("trip.field.municipality"), classes="field-label")
                yield Select[str]([], prompt="–", id="d-kommune")
            yield Static("", classes="field-error", id="error-kommune", markup=False)
            for key, label_key in DETAIL_FIELDS:
                with Horizontal(classes="field"):
                    yield Label(t(label_key), classes="field-label")
                    yield Input(id=f"d-{key}")
                yield Static("", classes="field-error", id=f"error-{key}", markup=False)
            yield Button(t("editor.save_details_button"), id="save-details", variant="primary")

    def on_screen_resume(self) -> None:
        # Back from check-in: the trip may have moved on (gennemført, a walk-in, a new version).
        if self._checking_in:
            self._checking_in = False
            self.run_change(None)

    def on_mount(self) -> None:
        columns = {
            "programme": (("programme.time", 9), ("programme.text", None), ("programme.kind", 22)),
            "visits": (
                ("editor.col.no", 3),
                ("editor.col.time", 13),
                ("col.name", 30),
                ("editor.col.address", 30),
                ("editor.col.confirmed", 14),
            ),
            "hosts": (
                ("col.name", 30),
                ("col.town", 13),
                ("col.qualifies", 22),
                ("editor.col.match", 26),
                ("col.last_visit", 12),
            ),
            "candidates": (
                ("col.name", 22),
                ("col.cohort", 24),
                ("col.job_goals", 18),
                ("col.trips", 5),
                ("col.duty", 9),
            ),
            "participants": (("col.name", 22), ("editor.col.role", 9), ("col.cohort", 24)),
            "staff-candidates": (("col.name", 24), ("col.initials", 7), ("col.role", 24)),
            "trip-staff": (("col.name", 24), ("col.role", 24), ("editor.col.lead", 12)),
            "findings": (
                ("editor.col.severity", 14),
                ("editor.col.message", None),
                ("editor.col.reason", 30),
            ),
        }
        for table_id, specs in columns.items():
            table = self.query_one(f"#{table_id}", DataTable)
            for number, (label_key, width) in enumerate(specs):
                table.add_column(t(label_key), key=str(number), width=width)
        self._load_options()
        self.run_change(None)
        # The group is what a new trip needs first: start in its search box.
        self.query_one("#citizen-search", Input).focus()

    # --- loading ----------

    def _engine(self) -> Engine:
        return self.context.database().engine

    @work(thread=True, group="editor-change")
    def run_change(self, action: Action | None, done: str | None = None) -> None:
        """Carry out one change (or none), then read the trip and its findings again."""
        with self._lock:
            engine = self._engine()
            try:
                if action is not None:
                    action(engine, self.version)
            except StaleVersionError as exc:
                self.post_message(self.Failed(exc.message))
            except UserError as exc:
                self.post_message(self.Failed("\n".join([exc.message, *exc.details])))
            else:
                if done:
                    self.app.call_from_thread(self.notify, done)
            try:
                state = trip_editing.editor_state(engine, self.trip_id, today=self.context.today())
            except UserError as exc:
                self.post_message(self.Failed(exc.message))
                return
            self.version = state.detail.version
        self.post_message(self.StateLoaded(state))

    @work(thread=True, group="editor-options")
    def _load_options(self) -> None:
        engine = self._engine()
        self.post_message(
            self.FilterOptions(
                citizen_service.cohorts(engine),
                staff_service.staff_choices(engine),
                trip_service.format_choices(engine),
                [name for _, name in staff_service.municipality_choices(engine)],
            )
        )

    def on_trip_editor_screen_filter_options(self, message: FilterOptions) -> None:
        self.query_one("#filter-cohort", FilterChoice).set_choices(
            [(c, c) for c in message.cohorts]
        )
        self.query_one("#filter-caseworker", FilterChoice).set_choices(
            [(name, sid) for sid, name in message.caseworkers]
        )
        self.query_one("#d-format", Select).set_options(
            [(Text(name), code) for code, name in message.formats]
        )
        self.query_one("#d-kommune", Select).set_options(
            [(Text(m), m) for m in message.municipalities]
        )
        if self.state is not None:
            if self._details_values() == self._details_shown:  # nothing typed yet
                self._fill_details(self.state)
            self._preselect_cohort(self.state)

    def reload_candidates(self) -> None:
        self._reload_candidates_only()
        # Host suggestions and staff are read only when their tab is in front.
        active = self.query_one("#tabs", TabbedContent).active
        if active == "tab-visits":
            self._load_hosts(self.query_one("#host-search", Input).value)
        elif active == "tab-staff":
            self._load_staff(self.query_one("#staff-search", Input).value)

    @work(thread=True, exclusive=True, group="editor-candidates")
    def _load_candidates(self, text: str, cohort: str | None, caseworker: int | None) -> None:
        worker = get_current_worker()
        # Without a search, the trip's own municipality; a search reaches everyone.
        municipality = self.state.detail.municipality_id if self.state and not text else None
        flt = CitizenFilter(
            text=text,
            cohort=cohort,
            caseworker_id=caseworker,
            municipality_id=municipality,
            or_without_municipality=True,
            not_on_trip_id=self.trip_id,
        )
        page = citizen_service.search_citizens(self._engine(), flt, limit=100)
        if not worker.is_cancelled:
            self.post_message(self.CandidatesLoaded(page.rows, page.total))

    @work(thread=True, exclusive=True, group="editor-hosts")
    def _load_hosts(self, text: str) -> None:
        worker = get_current_worker()
        rows = trip_editing.host_suggestions(
            self._engine(), self.trip_id, text, today=self.context.today()
        )
        if not worker.is_cancelled:
            self.post_message(self.HostsLoaded(rows))

    @work(thread=True, exclusive=True, group="editor-staff")
    def _load_staff(self, text: str) -> None:
        worker = get_current_worker()
        page = staff_service.search_staff(self._engine(), StaffFilter(text=text), limit=100)
        if not worker.is_cancelled:
            self.post_message(self.StaffLoaded(page.rows))

    # --- showing ----------

    def on_trip_editor_screen_state_loaded(self, message: StateLoaded) -> None:
        state = message.state
        first_load = self.state is None
        self.state = state
        detail = state.detail
        closed = detail.status in (TripStatus.COMPLETED, TripStatus.CANCELLED)
        self.query_one("#trip-heading", Static).update(
            f"{detail.title} · {format_date_long(detail.trip_date)} · {label(detail.status)}"
            f" · {detail.format_name}" + (f" · {t('editor.closed')}" if closed else "")
        )
        self._fill_programme(state)
        self._fill_visits(state)
        self._fill_participants(state)
        self._fill_trip_staff(state)
        self._fill_findings(state)
        if first_load:
            self._fill_details(state)
            self._preselect_cohort(state)
        else:
            self._merge_details(state)
        self.reload_candidates()
        self.refresh_bindings()

    def on_trip_editor_screen_failed(self, message: Failed) -> None:
        self.notify(message.text, severity="error", timeout=8, markup=False)

    def _fill_details(self, state: EditorState) -> None:
        values = state.details_form
        for key, _ in DETAIL_FIELDS:
            self.query_one(f"#d-{key}", Input).value = values.get(key, "")
        format_select = self.query_one("#d-format", Select)
        if values.get("format"):
            self._showing_format = values["format"]
            if any(value == values["format"] for _, value in format_select._options):
                format_select.value = values["format"]
        municipality = self.query_one("#d-kommune", Select)
        if values.get("kommune") and any(
            value == values["kommune"] for _, value in municipality._options
        ):
            municipality.value = values["kommune"]
        self._details_base = dict(values)
        self._details_version = state.detail.version
        self._details_shown = self._details_values()

    def _details_values(self) -> dict[str, str]:
        values = {key: self.query_one(f"#d-{key}", Input).value for key, _ in DETAIL_FIELDS}
        fmt = self.query_one("#d-format", Select).value
        municipality = self.query_one("#d-kommune", Select).value
        values["format"] = "" if fmt is Select.NULL else str(fmt)
        values["kommune"] = "" if municipality is Select.NULL else str(municipality)
        return values

    def _merge_details(self, state: EditorState) -> None:
        """The trip read again: the form follows it where the user has typed nothing.

        What the user typed is kept. If someone else changed the details meanwhile, a field
        the user also changed is a conflict: the form stays on its old version, so saving is
        refused (error.stale_version) with the input still there. Ctrl+R after that takes
        the newest version under the user's input, so saving it again is a choice they make.
        """
        typed = self._details_values()
        touched = {key for key, value in typed.items() if value != self._details_shown.get(key)}
        if self._refill_details or not touched:
            self._refill_details = self._adopt_details = False
            self._fill_details(state)
            return
        changed = {
            key for key, value in state.details_form.items() if value != self._details_base.get(key)
        }
        if changed & touched and not self._adopt_details:
            return
        self._adopt_details = False
        self._fill_details(state)  # the other fields as they are now stored ...
        for key in touched:  # ... and the user's own input on top, unchanged
            self._set_detail(key, typed[key])

    def _set_detail(self, key: str, value: str) -> None:
        if key in ("format", "kommune"):
            select = self.query_one(f"#d-{key}", Select)
            if value and any(option == value for _, option in select._options):
                select.value = value
            elif not value:
                select.clear()
        else:
            self.query_one(f"#d-{key}", Input).value = value

    def _preselect_cohort(self, state: EditorState) -> None:
        """In one-cohort formats, offer the group's own cohort first (they know each other)."""
        cohorts = [p.cohort for p in state.detail.participants if p.cohort]
        if not state.format.single_cohort or not cohorts:
            return
        main = max(set(cohorts), key=cohorts.count)
        cohort = self.query_one("#filter-cohort", FilterChoice)
        if cohort.has_choice(main):
            cohort.value = main

    def _fill_programme(self, state: EditorState) -> None:
        table = self.query_one("#programme", DataTable)
        row = table.cursor_row
        table.clear()
        for index, item in enumerate(state.detail.programme):
            kind = ProgrammeKind(item.get("kind", "other"))
            table.add_row(item.get("time", ""), item.get("text", ""), label(kind), key=str(index))
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def _fill_visits(self, state: EditorState) -> None:
        table = self.query_one("#visits", DataTable)
        table.clear()
        for visit in state.detail.visits:
            table.add_row(
                str(visit.position),
                f"{format_time(visit.start_time)}–{format_time(visit.end_time)}",
                visit.company_name,
                visit.address,
                t("editor.confirmed_yes") if visit.confirmed else t("editor.confirmed_no"),
                key=str(visit.id),
            )

    def _fill_participants(self, state: EditorState) -> None:
        table = self.query_one("#participants", DataTable)
        row = table.cursor_row
        table.clear()
        participants = [
            p for p in state.detail.participants if p.role == ParticipantRole.PARTICIPANT
        ]
        reserves = [p for p in state.detail.participants if p.role == ParticipantRole.RESERVE]
        for person in [*participants, *reserves]:
            table.add_row(
                person.name, label(person.role), person.cohort, key=str(person.citizen_id)
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        fmt = state.format
        count = len(participants)
        if count < HARD_MIN_PARTICIPANTS or count > HARD_MAX_PARTICIPANTS:
            verdict, css = t("editor.count_error"), "error"
        elif count < fmt.min_participants or count > fmt.max_participants:
            verdict, css = t("editor.count_warning"), "warning"
        else:
            verdict, css = t("editor.count_ok"), "ok"
        widget = self.query_one("#group-count", Static)
        widget.update(
            t(
                "editor.count",
                count=count,
                minimum=fmt.min_participants,
                maximum=fmt.max_participants,
                reserves=len(reserves),
                verdict=verdict,
            )
        )
        widget.set_classes(f"count-{css}")

    def _fill_trip_staff(self, state: EditorState) -> None:
        table = self.query_one("#trip-staff", DataTable)
        table.clear()
        for member in state.detail.staff:
            table.add_row(
                f"{member.name} ({member.initials})",
                member.role,
                t("editor.lead_yes") if member.is_lead else "",
                key=str(member.staff_id),
            )

    def _fill_findings(self, state: EditorState) -> None:
        table = self.query_one("#findings", DataTable)
        table.clear()
        for index, checked in enumerate(state.findings):
            table.add_row(
                _severity_text(checked),
                checked.finding.message,
                checked.acknowledged_reason or "",
                key=str(index),
            )
        summary = self.query_one("#findings-summary", Static)
        errors = [f for f in state.findings if f.finding.is_error]
        if errors:
            text = t(
                "editor.summary_errors",
                errors=len(errors),
                warnings=state.open_warning_count,
                first=errors[0].finding.message,
            )
            summary.set_classes("has-errors")
        elif state.open_warning_count:
            text = t("editor.summary_warnings", warnings=state.open_warning_count)
            summary.set_classes("has-warnings")
        else:
            text = t("editor.summary_ok")
            summary.set_classes("all-ok")
        summary.update(text)

    def on_trip_editor_screen_candidates_loaded(self, message: CandidatesLoaded) -> None:
        table = self.query_one("#candidates", DataTable)
        row = table.cursor_row
        table.clear()
        self.candidate_rows = {}
        for citizen in message.rows:
            key = str(citizen.id)
            self.candidate_rows[key] = citizen
            table.add_row(
                citizen.name,
                citizen.cohort,
                ", ".join(citizen.job_goals),
                citizen.trips_text,
                t("common.yes") if citizen.attendance_duty else t("common.no"),
                key=key,
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def on_trip_editor_screen_hosts_loaded(self, message: HostsLoaded) -> None:
        table = self.query_one("#hosts", DataTable)
        table.clear()
        self.host_rows = {}
        for ranked in message.rows:
            host = ranked.candidate
            key = str(host.company_id)
            self.host_rows[key] = ranked
            table.add_row(
                host.name,
                host.town,
                "✓ " + ", ".join(t(f"criterion_short.{c.value}") for c in host.criteria),
                ", ".join(ranked.matched_goals) or "–",
                host.last_visit.strftime("%d-%m-%Y") if host.last_visit else t("never"),
                key=key,
            )

    def on_trip_editor_screen_staff_loaded(self, message: StaffLoaded) -> None:
        on_trip = {s.staff_id for s in self.state.detail.staff} if self.state else set()
        table = self.query_one("#staff-candidates", DataTable)
        table.clear()
        for member in message.rows:
            if member.id in on_trip:
                continue
            table.add_row(member.name, member.initials, label(member.role), key=str(member.id))

    # --- typing and choosing ----------

    @on(Input.Changed, "#citizen-search")
    @on(FilterChoice.Changed, "#filter-cohort")
    @on(FilterChoice.Changed, "#filter-caseworker")
    def candidate_filters_changed(self) -> None:
        self._reload_candidates_only()

    def _reload_candidates_only(self) -> None:
        cohort = self.query_one("#filter-cohort", FilterChoice).value
        caseworker = self.query_one("#filter-caseworker", FilterChoice).value
        self._load_candidates(
            self.query_one("#citizen-search", Input).value,
            None if cohort is None else str(cohort),
            None if caseworker is None else int(str(caseworker)),
        )

    @on(Input.Changed, "#host-search")
    def host_search_changed(self, event: Input.Changed) -> None:
        self._load_hosts(event.value)

    @on(Input.Changed, "#staff-search")
    def staff_search_changed(self, event: Input.Changed) -> None:
        self._load_staff(event.value)

    @on(Input.Submitted, "#citizen-search")
    def citizen_search_submitted(self) -> None:
        self.query_one("#candidates", DataTable).focus()

    @on(Input.Submitted, "#host-search")
    def host_search_submitted(self) -> None:
        self.query_one("#hosts", DataTable).focus()

    @on(Input.Submitted, "#staff-search")
    def staff_search_submitted(self) -> None:
        self.query_one("#staff-candidates", DataTable).focus()

    @on(DataTable.RowSelected, "#candidates")
    def add_participant(self, event: DataTable.RowSelected) -> None:
        citizen_id = int(str(event.row_key.value))
        self.run_change(
            lambda engine, version: trip_service.add_participants(
                engine, self.trip_id, [citizen_id], expected_version=version
            )
        )

    @on(DataTable.RowSelected, "#hosts")
    def add_host(self, event: DataTable.RowSelected) -> None:
        company_id = int(str(event.row_key.value))

        def add(engine: Engine, version: int) -> object:
            start, end = trip_editing.next_visit_slot(engine, self.trip_id)
            return trip_service.add_visit(
                engine,
                self.trip_id,
                company_id=company_id,
                start=start,
                end=end,
                expected_version=version,
            )

        self.run_change(add, t("editor.visit_added"))

    @on(DataTable.RowSelected, "#visits")
    def edit_visit(self, event: DataTable.RowSelected) -> None:
        if self.state is None:
            return
        visit_id = int(str(event.row_key.value))
        visit = next(v for v in self.state.detail.visits if v.id == visit_id)
        current = VisitEdit(
            format_time(visit.start_time),
            format_time(visit.end_time),
            visit.showing,
            visit.host_contact,
            visit.confirmed,
        )
        self._open_visit_dialog(visit_id, visit.company_name, current)

    def _open_visit_dialog(
        self, visit_id: int, company: str, current: VisitEdit, error: str = ""
    ) -> None:
        def done(result: Any) -> None:
            if not isinstance(result, VisitEdit):
                return
            try:
                start, end = parse_time(result.start), parse_time(result.end)
            except UserError as exc:
                self._open_visit_dialog(visit_id, company, result, exc.message)
                return
            self.run_change(
                lambda engine, version: trip_editing.update_visit(
                    engine,
                    self.trip_id,
                    visit_id,
                    version,
                    start=start,
                    end=end,
                    showing=result.showing,
                    host_contact=result.host_contact,
                    confirmed=result.confirmed,
                )
            )

        self.app.push_screen(VisitDialog(company, current, error), done)

    @on(DataTable.RowSelected, "#staff-candidates")
    def add_staff(self, event: DataTable.RowSelected) -> None:
        staff_id = int(str(event.row_key.value))
        lead = bool(self.state and not self.state.detail.staff)  # the first one leads
        self.run_change(
            lambda engine, version: trip_service.add_staff(
                engine, self.trip_id, [staff_id], lead=lead, expected_version=version
            )
        )

    @on(DataTable.RowSelected, "#programme")
    def edit_item(self, event: DataTable.RowSelected) -> None:
        if self.state is None:
            return
        index = int(str(event.row_key.value))
        item = self.state.detail.programme[index]
        current = ProgrammeEdit(
            item.get("time", ""), item.get("text", ""), item.get("kind", "other")
        )
        self._programme_dialog(current, index)

    @on(DataTable.RowSelected, "#findings")
    def acknowledge(self, event: DataTable.RowSelected) -> None:
        if self.state is None:
            return
        checked = self.state.findings[int(str(event.row_key.value))]
        if checked.finding.is_error:
            self.notify(t("trip.cannot_acknowledge_error"), severity="warning")
            return

        def done(reason: Any) -> None:
            if isinstance(reason, str):
                self.run_change(
                    lambda engine, _version: trip_editing.acknowledge(
                        engine, self.trip_id, checked.finding, reason
                    )
                )

        self.app.push_screen(
            ReasonDialog(checked.finding.message, checked.acknowledged_reason or ""), done
        )

    @on(Select.Changed, "#d-format")
    def format_changed(self, event: Select.Changed) -> None:
        code = "" if event.value is Select.NULL else str(event.value)
        if not code or code == self._showing_format or self.state is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._showing_format = code
                self.run_change(
                    lambda engine, version: trip_editing.apply_format_defaults(
                        engine, self.trip_id, version, code
                    ),
                    t("editor.format_applied"),
                )
                self._reset_details_after_change()
            else:
                self.query_one("#d-format", Select).value = self._showing_format

        self.app.push_screen(ConfirmModal(t("editor.confirm_format")), answered)

    def _reset_details_after_change(self) -> None:
        self.state = None  # the next state fills the details form again

    # --- key actions ----------

    def _focused_table(self) -> DataTable[Any] | None:
        focused = self.focused
        return focused if isinstance(focused, DataTable) else None

    def _selected_key(self, table_id: str) -> str | None:
        table = self.query_one(f"#{table_id}", DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ACTION_TABLES:
            table = self._focused_table()
            return table is not None and table.id in ACTION_TABLES[action]
        if action == "save_details":
            return self.query_one("#tabs", TabbedContent).active == "tab-details"
        if action == "confirm_trip":
            # Shown greyed out (None) while an error stands or the trip is past confirming.
            if self.state is None or self.state.error_count:
                return None
            return self.state.detail.status in (TripStatus.DRAFT, TripStatus.PLANNED) or None
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    @on(TabbedContent.TabActivated)
    def tab_changed(self) -> None:
        self.refresh_bindings()
        if self.state is not None:
            self.reload_candidates()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_reload(self) -> None:
        self._adopt_details = True
        self.run_change(None)

    def action_reserve(self) -> None:
        key = self._selected_key("candidates")
        if key is None:
            return
        citizen_id = int(key)
        self.run_change(
            lambda engine, version: trip_service.add_participants(
                engine, self.trip_id, [citizen_id], reserve=True, expected_version=version
            )
        )

    def action_move_role(self) -> None:
        key = self._selected_key("participants")
        if key is None or self.state is None:
            return
        person = next(p for p in self.state.detail.participants if p.citizen_id == int(key))
        to_reserve = person.role == ParticipantRole.PARTICIPANT
        self.run_change(
            lambda engine, version: trip_service.add_participants(
                engine,
                self.trip_id,
                [person.citizen_id],
                reserve=to_reserve,
                expected_version=version,
            )
        )

    def action_remove(self) -> None:
        table = self._focused_table()
        if table is None or table.id is None:
            return
        key = self._selected_key(table.id)
        if key is None:
            return
        if table.id == "participants":
            self.run_change(
                lambda engine, version: trip_service.remove_participant(
                    engine, self.trip_id, int(key), expected_version=version
                )
            )
        elif table.id == "visits" and self.state is not None:
            visit = next(v for v in self.state.detail.visits if v.id == int(key))

            def answered(yes: bool | None) -> None:
                if yes:
                    self.run_change(
                        lambda engine, version: trip_editing.remove_visit(
                            engine, self.trip_id, visit.id, version
                        )
                    )

            self.app.push_screen(
                ConfirmModal(t("editor.confirm_remove_visit", name=visit.company_name)), answered
            )
        elif table.id == "trip-staff":
            self.run_change(
                lambda engine, version: trip_editing.remove_staff(
                    engine, self.trip_id, int(key), version
                )
            )
        elif table.id == "programme" and self.state is not None:
            lines = self._programme_lines()
            del lines[int(key)]
            self._save_programme(lines)

    def action_toggle_confirmed(self) -> None:
        key = self._selected_key("visits")
        if key is not None:
            self.run_change(
                lambda engine, version: trip_editing.toggle_visit_confirmed(
                    engine, self.trip_id, int(key), version
                )
            )

    def action_lead(self) -> None:
        key = self._selected_key("trip-staff")
        if key is not None:
            self.run_change(
                lambda engine, version: trip_service.add_staff(
                    engine, self.trip_id, [int(key)], lead=True, expected_version=version
                )
            )

    def _programme_lines(self) -> list[ProgrammeLine]:
        assert self.state is not None
        return [
            ProgrammeLine(
                item.get("time", ""), item.get("text", ""), ProgrammeKind(item.get("kind", "other"))
            )
            for item in self.state.detail.programme
        ]

    def _save_programme(self, lines: list[ProgrammeLine]) -> None:
        self.run_change(
            lambda engine, version: trip_editing.save_programme(
                engine, self.trip_id, version, lines
            )
        )

    def action_new_item(self) -> None:
        self._programme_dialog(None, None)

    def _programme_dialog(self, current: ProgrammeEdit | None, index: int | None) -> None:
        kinds = [(kind.value, label(kind)) for kind in ProgrammeKind]

        def done(result: Any) -> None:
            if not isinstance(result, ProgrammeEdit) or self.state is None:
                return
            lines = self._programme_lines()
            line = ProgrammeLine(result.time, result.text, ProgrammeKind(result.kind))
            if index is None:
                lines.append(line)
                lines.sort(key=lambda item: item.time or "99:99")
            else:
                lines[index] = line
            self._save_programme(lines)

        self.app.push_screen(ProgrammeItemDialog(kinds, current), done)

    def action_move_item(self, step: int) -> None:
        key = self._selected_key("programme")
        if key is None or self.state is None:
            return
        index = int(key)
        target = index + step
        lines = self._programme_lines()
        if not 0 <= target < len(lines):
            return
        lines[index], lines[target] = lines[target], lines[index]
        self.query_one("#programme", DataTable).move_cursor(row=target)
        self._save_programme(lines)

    def action_shift_programme(self) -> None:
        """Move the whole programme with the meeting time, as one change."""

        def shift(engine: Engine, version: int) -> None:
            moved = trip_editing.move_programme_to_meeting(engine, self.trip_id, version)
            self.app.call_from_thread(self.notify, trip_editing.moved_text(moved))

        self.run_change(shift)

    @on(Button.Pressed, "#save-details")
    def action_save_details(self) -> None:
        self._save_details(self._details_values(), self._details_version)

    @work(thread=True, group="editor-change")
    def _save_details(self, values: dict[str, str], version: int) -> None:
        with self._lock:
            try:
                trip_editing.save_details(
                    self._engine(), self.trip_id, version, values, today=self.context.today()
                )
            except UserError as exc:
                # A refusal, stale version included, leaves the form as the user typed it.
                self.app.call_from_thread(self._show_detail_errors, exc)
                return
            self._refill_details = True
            self.app.call_from_thread(self._show_detail_errors, None)
        self.run_change(None, t("register.saved"))

    def _show_detail_errors(self, error: UserError | None) -> None:
        message = self.query_one("#details-message", Static)
        fields = error.field_errors if error is not None else {}
        message.update("" if error is None else (t("form.refused") if fields else error.message))
        message.set_class(error is not None, "shown")
        for key in ["format", "kommune", *(k for k, _ in DETAIL_FIELDS)]:
            note = self.query_one(f"#error-{key}", Static)
            note.update(fields.get(key, ""))
            note.set_class(key in fields, "shown")

    def action_confirm_trip(self) -> None:
        self.run_change(
            lambda engine, _version: trip_service.confirm_trip(
                engine, self.trip_id, today=self.context.today()
            ),
            t("trip.confirmed"),
        )

    def action_print_programme(self) -> None:
        # Printing is imported on first use: the editor opens as quickly as before.
        from screens.dialogs.print_dialog import PrintDialog

        def chosen(audience: Any) -> None:
            if isinstance(audience, str):
                document = t(f"programme.audience.{audience}")
                self.notify(t("printing.working", document=document))
                self._print(audience)

        self.app.push_screen(PrintDialog(), chosen)

    @work(thread=True, group="editor-print")
    def _print(self, audience: str) -> None:
        from rfk_trips.documents import printing

        try:
            result = printing.print_programme(
                self._engine(), self.trip_id, audience, today=self.context.today()
            )
        except UserError as exc:
            self.post_message(self.Failed(exc.message))
            return
        self.post_message(self.Printed(result))

    def on_trip_editor_screen_printed(self, message: Printed) -> None:
        severity: Literal["information", "error"] = (
            "error" if message.result.failed else "information"
        )
        # It names the printer and the file's path.
        self.notify(message.result.message, severity=severity, timeout=12, markup=False)

    def action_check_in(self) -> None:
        """Ctrl+T: check in on this trip: on the day, or afterwards from the paper list."""
        from screens.trips.checkin import CheckinScreen

        self._checking_in = True
        self.app.push_screen(CheckinScreen(self.context, self.trip_id))

    def palette_commands(self) -> list[tuple[str, str, Any]]:
        return [
            (t("editor.confirm"), "F9", self.action_confirm_trip),
            (t("editor.print"), "Ctrl+O", self.action_print_programme),
            (t("checkin.key.open"), "Ctrl+T", self.action_check_in),
            (t("editor.tab.group"), "", lambda: self._show_tab("tab-group")),
            (t("editor.tab.visits"), "", lambda: self._show_tab("tab-visits")),
            (t("editor.tab.staff"), "", lambda: self._show_tab("tab-staff")),
            (t("editor.tab.findings"), "", lambda: self._show_tab("tab-findings")),
            (t("editor.tab.details"), "", lambda: self._show_tab("tab-details")),
            (t("editor.tab.programme"), "", lambda: self._show_tab("tab-programme")),
            (t("editor.shift_programme"), "t", self.action_shift_programme),
        ]

    def _show_tab(self, tab_id: str) -> None:
        # From the palette: wait until it has closed and handed focus back, or the focus
        # would pull TabbedContent back to the tab it was in.
        self.call_after_refresh(self._activate_tab, tab_id)

    def action_next_tab(self) -> None:
        """F8: the next tab, with the keyboard in its first field or list."""
        tabs = self.query_one("#tabs", TabbedContent)
        order = [pane.id for pane in tabs.query(TabPane) if pane.id]
        position = order.index(tabs.active) if tabs.active in order else -1
        self._activate_tab(order[(position + 1) % len(order)])

    def _activate_tab(self, tab_id: str) -> None:
        self.query_one("#tabs", TabbedContent).active = tab_id
        first = {
            "tab-details": "#d-titel",
            "tab-programme": "#programme",
            "tab-visits": "#host-search",
            "tab-group": "#citizen-search",
            "tab-staff": "#staff-search",
            "tab-findings": "#findings",
        }[tab_id]
        self.query_one(first).focus()


def _severity_text(checked: CheckedFinding) -> str:
    if checked.finding.is_error:
        return "✗ " + t("severity.error")
    if checked.acknowledged_reason is not None:
        return "✓ " + t("editor.accepted")
    return "⚠ " + t("severity.warning")
