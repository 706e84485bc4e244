"""The trip editor's group tab: the citizens to choose from and the participants chosen."""

from dataclasses import dataclass
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Input, Static
from textual.worker import get_current_worker

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.registers.citizen_service import CitizenFilter, CitizenRow
from rfk_trips.rules.danish_dates import format_time
from rfk_trips.rules.trip import Severity, group_size_verdict, main_cohort
from rfk_trips.rules.vocabularies import ParticipantRole
from rfk_trips.trips.participation_details import form_values
from rfk_trips.trips.transport import transport_summary
from rfk_trips.trips.trip_editing import EditorState
from rfk_trips.trips.trip_service import ParticipantRead
from screens.dialogs.participation_dialog import ParticipationDialog
from screens.trips.trip_editor.host import Columns, EditorTab, add_columns, selected_key
from screens.widgets.filter_choice import FilterChoice
from screens.widgets.list_table import ListTable
from screens.widgets.live import same_place, same_place_if
from screens.widgets.search_box import SearchBox

# Both lists side by side in a 150-column terminal: the candidates' and the group's columns
# each fit half of it, the group's cohort last (scrolled to when wanted).
CANDIDATE_COLUMNS: Columns = (
    ("col.name", 20),
    ("col.cohort", 16),
    ("col.job_goals", 14),
    ("col.trips", 5),
    ("col.duty", 9),
)
PARTICIPANT_COLUMNS: Columns = (
    ("col.name", 20),
    ("editor.col.role", 8),
    ("editor.col.markers", 14),
    ("editor.col.transport", 24),
    ("col.cohort", 16),
)
# The words of the group line and its class (app.tcss colours it) for each verdict of R02.
VERDICTS: dict[Severity | None, tuple[str, str]] = {
    Severity.ERROR: ("editor.count_error", "error"),
    Severity.WARNING: ("editor.count_warning", "warning"),
    None: ("editor.count_ok", "ok"),
}


def _participants(state: EditorState) -> list[ParticipantRead]:
    """The group the rules count, reserves left out, in the order the trip was read."""
    return [p for p in state.detail.participants if p.role == ParticipantRole.PARTICIPANT]


def transport_cell(person: ParticipantRead) -> str:
    """`08:05 Holeby · 60 kr.`: the pick-up and the allowance, as short as the column."""
    parts = []
    if person.details.pickup_place:
        at = format_time(person.details.pickup_time)
        parts.append(f"{at} {person.details.pickup_place}".strip())
    if person.details.transport_allowance:
        amount = person.details.transport_amount
        parts.append(
            t("editor.allowance_amount", amount=amount) if amount else t("editor.allowance")
        )
    return " · ".join(parts)


def markers_cell(person: ParticipantRead) -> str:
    """The plain markers staff work with (R16, R22, R24); never a health text."""
    marks = [
        (not person.referred, "editor.mark.not_referred"),
        (person.physical_limitation, "editor.mark.physical"),
        (person.details.unsure, "editor.mark.unsure"),
        (person.details.prepared, "editor.mark.prepared"),
    ]
    return ", ".join(t(key) for shown, key in marks if shown)


def transport_line(state: EditorState) -> str:
    summary = transport_summary(state.detail.participants)
    if summary.empty:
        return t("editor.transport_none")
    return t(
        "editor.transport_line",
        allowances=summary.allowances,
        total=summary.allowance_total,
        pickups=summary.pickups,
        travel=summary.longest_travel if summary.longest_travel is not None else "–",
    )


class GroupTab(EditorTab):
    """Enter adds a citizen to the group, r as a reserve; m moves between the two roles.
    Enter on the group opens a participant's transport and preparation."""

    TITLE = "editor.tab.group"
    PANE_ID = "tab-group"
    FIRST_FIELD = "#citizen-search"
    # The search the list shows: read again for it, the cursor stays; a new one starts on top.
    _shown_query: tuple[object, ...] | None = None

    @dataclass
    class CandidatesLoaded(Message):
        rows: list[CitizenRow]
        total: int
        query: tuple[object, ...]

    def compose(self) -> ComposeResult:
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
                yield Static("", id="transport-line", markup=False)

    def on_mount(self) -> None:
        add_columns(self.query_one("#candidates", DataTable), CANDIDATE_COLUMNS)
        add_columns(self.query_one("#participants", DataTable), PARTICIPANT_COLUMNS)

    def set_filter_choices(self, cohorts: list[str], caseworkers: list[tuple[int, str]]) -> None:
        self.query_one("#filter-cohort", FilterChoice).set_choices([(c, c) for c in cohorts])
        self.query_one("#filter-caseworker", FilterChoice).set_choices(
            [(name, sid) for sid, name in caseworkers]
        )

    # --- the group ----------

    def show_state(self, state: EditorState) -> None:
        table = self.query_one("#participants", DataTable)
        participants = _participants(state)
        reserves = [p for p in state.detail.participants if p.role == ParticipantRole.RESERVE]
        with same_place(table):
            table.clear()
            for person in [*participants, *reserves]:
                table.add_row(
                    person.name,
                    label(person.role),
                    markers_cell(person),
                    transport_cell(person),
                    person.cohort,
                    key=str(person.citizen_id),
                )
        self.query_one("#transport-line", Static).update(transport_line(state))
        fmt = state.format
        verdict, css = VERDICTS[group_size_verdict(len(participants), fmt)]
        widget = self.query_one("#group-count", Static)
        widget.update(
            t(
                "editor.count",
                count=len(participants),
                minimum=fmt.min_participants,
                maximum=fmt.max_participants,
                reserves=len(reserves),
                verdict=t(verdict),
            )
        )
        widget.set_classes(f"count-{css}")

    def preselect_cohort(self, state: EditorState) -> None:
        """In one-cohort formats, offer the group's own cohort first (they know each other)."""
        if not state.format.single_cohort:
            return
        main = main_cohort([p.cohort for p in _participants(state)])
        cohort = self.query_one("#filter-cohort", FilterChoice)
        if main and cohort.has_choice(main):
            cohort.value = main

    def reserve_selected(self) -> None:
        key = selected_key(self.query_one("#candidates", DataTable))
        if key is None:
            return
        citizen_id = int(key)
        trip_id = self._shell.trip_id
        self._shell.run_change(
            lambda services, version: services.add_participants(
                trip_id, [citizen_id], reserve=True, expected_version=version
            )
        )

    def move_selected_role(self) -> None:
        key = selected_key(self.query_one("#participants", DataTable))
        state = self._shell.state
        if key is None or state is None:
            return
        person = next(p for p in state.detail.participants if p.citizen_id == int(key))
        to_reserve = person.role == ParticipantRole.PARTICIPANT
        trip_id = self._shell.trip_id
        self._shell.run_change(
            lambda services, version: services.add_participants(
                trip_id, [person.citizen_id], reserve=to_reserve, expected_version=version
            )
        )

    @on(DataTable.RowSelected, "#participants")
    def _edit_participation(self, event: DataTable.RowSelected) -> None:
        state = self._shell.state
        if state is None:
            return
        citizen_id = int(str(event.row_key.value))
        person = next(p for p in state.detail.participants if p.citizen_id == citizen_id)
        trip_id = self._shell.trip_id

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            self._shell.run_change(
                lambda services, version: services.save_participation(
                    trip_id, citizen_id, values, expected_version=version
                ),
                t("participation.saved", name=person.name),
            )

        self.app.push_screen(ParticipationDialog(person.name, form_values(person)), done)

    def remove_selected(self) -> None:
        key = selected_key(self.query_one("#participants", DataTable))
        if key is None:
            return
        citizen_id = int(key)
        trip_id = self._shell.trip_id
        self._shell.run_change(
            lambda services, version: services.remove_participant(
                trip_id, citizen_id, expected_version=version
            )
        )

    # --- the candidates ----------

    def load_candidates(self) -> None:
        cohort = self.query_one("#filter-cohort", FilterChoice).value
        caseworker = self.query_one("#filter-caseworker", FilterChoice).value
        self._load_candidates(
            self.query_one("#citizen-search", Input).value,
            None if cohort is None else str(cohort),
            None if caseworker is None else int(str(caseworker)),
        )

    @work(thread=True, exclusive=True, group="editor-candidates")
    def _load_candidates(self, text: str, cohort: str | None, caseworker: int | None) -> None:
        worker = get_current_worker()
        state = self._shell.state
        # Without a search, the trip's own municipality; a search reaches everyone.
        municipality = state.detail.municipality_id if state and not text else None
        flt = CitizenFilter(
            text=text,
            cohort=cohort,
            caseworker_id=caseworker,
            municipality_id=municipality,
            or_without_municipality=True,
            not_on_trip_id=self._shell.trip_id,
        )
        page = self._shell.services().search_citizens(flt, limit=100)
        if not worker.is_cancelled:
            self.post_message(
                self.CandidatesLoaded(page.rows, page.total, (text, cohort, caseworker))
            )

    def on_group_tab_candidates_loaded(self, message: CandidatesLoaded) -> None:
        table: DataTable[Any] = self.query_one("#candidates", DataTable)
        same_query, self._shown_query = message.query == self._shown_query, message.query
        with same_place_if(table, same_query):
            table.clear()
            for citizen in message.rows:
                table.add_row(
                    citizen.name,
                    citizen.cohort,
                    ", ".join(citizen.job_goals),
                    citizen.trips_text,
                    t("common.yes") if citizen.attendance_duty else t("common.no"),
                    key=str(citizen.id),
                )

    @on(Input.Changed, "#citizen-search")
    @on(FilterChoice.Changed, "#filter-cohort")
    @on(FilterChoice.Changed, "#filter-caseworker")
    def _filters_changed(self) -> None:
        self.load_candidates()

    @on(Input.Submitted, "#citizen-search")
    def _search_submitted(self) -> None:
        self.query_one("#candidates", DataTable).focus()

    @on(DataTable.RowSelected, "#candidates")
    def _add_participant(self, event: DataTable.RowSelected) -> None:
        citizen_id = int(str(event.row_key.value))
        trip_id = self._shell.trip_id
        self._shell.run_change(
            lambda services, version: services.add_participants(
                trip_id, [citizen_id], expected_version=version
            )
        )
