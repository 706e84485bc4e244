"""The trip editor's staff tab: the staff to choose from and those going, with the lead."""

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Input, Static
from textual.worker import get_current_worker

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.registers.staff_service import StaffFilter, StaffRow
from rfk_trips.trips.trip_editing import EditorState
from screens.trips.trip_editor.host import Columns, EditorTab, add_columns, selected_key
from screens.widgets.list_table import ListTable
from screens.widgets.live import same_place, same_place_if
from screens.widgets.search_box import SearchBox

CANDIDATE_COLUMNS: Columns = (("col.name", 24), ("col.initials", 7), ("col.role", 24))
TRIP_STAFF_COLUMNS: Columns = (("col.name", 24), ("col.role", 24), ("editor.col.lead", 12))


class StaffTab(EditorTab):
    """Enter adds a member of staff (the first one leads); l makes the one chosen the lead."""

    TITLE = "editor.tab.staff"
    PANE_ID = "tab-staff"
    FIRST_FIELD = "#staff-search"
    # The search the list shows: read again for it, the cursor stays; a new one starts on top.
    _shown_query: tuple[object, ...] | None = None

    @dataclass
    class StaffLoaded(Message):
        rows: list[StaffRow]
        query: tuple[object, ...]

    def compose(self) -> ComposeResult:
        with Horizontal(id="staff-columns"):
            with Vertical():
                yield Static(t("editor.staff_candidates"), classes="section-title")
                yield SearchBox(placeholder=t("editor.staff_search"), id="staff-search")
                yield ListTable(id="staff-candidates", cursor_type="row")
            with Vertical():
                yield Static(t("editor.trip_staff"), classes="section-title")
                yield ListTable(id="trip-staff", cursor_type="row")

    def on_mount(self) -> None:
        add_columns(self.query_one("#staff-candidates", DataTable), CANDIDATE_COLUMNS)
        add_columns(self.query_one("#trip-staff", DataTable), TRIP_STAFF_COLUMNS)

    def show_state(self, state: EditorState) -> None:
        table = self.query_one("#trip-staff", DataTable)
        with same_place(table):
            table.clear()
            for member in state.detail.staff:
                table.add_row(
                    f"{member.name} ({member.initials})",
                    member.role,
                    t("editor.lead_yes") if member.is_lead else "",
                    key=str(member.staff_id),
                )

    def remove_selected(self) -> None:
        key = selected_key(self.query_one("#trip-staff", DataTable))
        if key is None:
            return
        staff_id = int(key)
        trip_id = self._shell.trip_id
        self._shell.run_change(
            lambda services, version: services.remove_staff(
                trip_id, staff_id, expected_version=version
            )
        )

    def lead_selected(self) -> None:
        key = selected_key(self.query_one("#trip-staff", DataTable))
        if key is not None:
            staff_id = int(key)
            trip_id = self._shell.trip_id
            self._shell.run_change(
                lambda services, version: services.add_staff(
                    trip_id, [staff_id], lead=True, expected_version=version
                )
            )

    # --- the staff to choose from ----------

    def load_staff(self) -> None:
        self._load_staff(self.query_one("#staff-search", Input).value)

    @work(thread=True, exclusive=True, group="editor-staff")
    def _load_staff(self, text: str) -> None:
        worker = get_current_worker()
        page = self._shell.services().search_staff(StaffFilter(text=text), limit=100)
        if not worker.is_cancelled:
            self.post_message(self.StaffLoaded(page.rows, (text,)))

    def on_staff_tab_staff_loaded(self, message: StaffLoaded) -> None:
        state = self._shell.state
        on_trip = {s.staff_id for s in state.detail.staff} if state else set()
        table = self.query_one("#staff-candidates", DataTable)
        same_query, self._shown_query = message.query == self._shown_query, message.query
        with same_place_if(table, same_query):
            table.clear()
            for member in message.rows:
                if member.id in on_trip:
                    continue
                table.add_row(member.name, member.initials, label(member.role), key=str(member.id))

    @on(Input.Changed, "#staff-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._load_staff(event.value)

    @on(Input.Submitted, "#staff-search")
    def _search_submitted(self) -> None:
        self.query_one("#staff-candidates", DataTable).focus()

    @on(DataTable.RowSelected, "#staff-candidates")
    def _add_staff(self, event: DataTable.RowSelected) -> None:
        staff_id = int(str(event.row_key.value))
        state = self._shell.state
        lead = bool(state and not state.detail.staff)  # the first one leads
        trip_id = self._shell.trip_id
        self._shell.run_change(
            lambda services, version: services.add_staff(
                trip_id, [staff_id], lead=lead, expected_version=version
            )
        )
