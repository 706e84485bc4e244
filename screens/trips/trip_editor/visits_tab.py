"""The trip editor's visits tab: the trip's visits and the hosts suggested for the group."""

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Input, Static
from textual.worker import get_current_worker

from rfk_trips.app.trip_editor_services import TripEditorServices
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.danish_dates import format_date, format_time, parse_date, parse_time
from rfk_trips.rules.errors import UserError
from rfk_trips.rules.host_ranking import RankedHost
from rfk_trips.trips.trip_editing import EditorState
from rfk_trips.trips.trip_service import VisitRead
from screens.dialogs.confirm import ConfirmModal
from screens.dialogs.trip_dialogs import VisitDialog, VisitEdit
from screens.trips.trip_editor.host import Columns, EditorTab, add_columns, selected_key
from screens.widgets.list_table import ListTable
from screens.widgets.live import same_place, same_place_if
from screens.widgets.search_box import SearchBox

VISIT_COLUMNS: Columns = (
    ("editor.col.no", 3),
    ("editor.col.time", 13),
    ("col.name", 30),
    ("editor.col.address", 30),
    ("editor.col.confirmed", 22),
)
HOST_COLUMNS: Columns = (
    ("col.name", 30),
    ("col.town", 13),
    ("col.qualifies", 22),
    ("editor.col.match", 26),
    ("col.last_visit", 12),
)


def _agreement(visit: VisitRead) -> str:
    """`✓ bekræftet 03-11-2026`: confirmed, and since when (R12)."""
    if not visit.confirmed:
        return t("editor.confirmed_no")
    yes = t("editor.confirmed_yes")
    return f"{yes} {format_date(visit.agreed_on)}" if visit.agreed_on else yes


class VisitsTab(EditorTab):
    """Enter on a host adds a visit, on a visit edits it; space marks it agreed by the host."""

    TITLE = "editor.tab.visits"
    PANE_ID = "tab-visits"
    FIRST_FIELD = "#host-search"
    # The search the list shows: read again for it, the cursor stays; a new one starts on top.
    _shown_query: tuple[object, ...] | None = None

    @dataclass
    class HostsLoaded(Message):
        rows: list[RankedHost]
        query: tuple[object, ...]

    def compose(self) -> ComposeResult:
        yield Static(t("editor.visits_hint"), classes="hint")
        yield ListTable(id="visits", cursor_type="row")
        yield Static(t("editor.hosts_title"), classes="section-title")
        yield SearchBox(placeholder=t("editor.host_search"), id="host-search")
        yield ListTable(id="hosts", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        add_columns(self.query_one("#visits", DataTable), VISIT_COLUMNS)
        add_columns(self.query_one("#hosts", DataTable), HOST_COLUMNS)

    def show_state(self, state: EditorState) -> None:
        table = self.query_one("#visits", DataTable)
        with same_place(table):
            table.clear()
            for visit in state.detail.visits:
                table.add_row(
                    str(visit.position),
                    f"{format_time(visit.start_time)}–{format_time(visit.end_time)}",
                    visit.company_name,
                    visit.address,
                    _agreement(visit),
                    key=str(visit.id),
                )

    # --- the hosts suggested ----------

    def load_hosts(self) -> None:
        self._load_hosts(self.query_one("#host-search", Input).value)

    @work(thread=True, exclusive=True, group="editor-hosts")
    def _load_hosts(self, text: str) -> None:
        worker = get_current_worker()
        rows = self._shell.services().host_suggestions(
            self._shell.trip_id, text, today=self._shell.today()
        )
        if not worker.is_cancelled:
            self.post_message(self.HostsLoaded(rows, (text,)))

    def on_visits_tab_hosts_loaded(self, message: HostsLoaded) -> None:
        table = self.query_one("#hosts", DataTable)
        same_query, self._shown_query = message.query == self._shown_query, message.query
        with same_place_if(table, same_query):
            table.clear()
            for ranked in message.rows:
                host = ranked.candidate
                table.add_row(
                    host.name,
                    host.town,
                    "✓ " + ", ".join(t(f"criterion_short.{c.value}") for c in host.criteria),
                    ", ".join(ranked.matched_goals) or "–",
                    host.last_visit.strftime("%d-%m-%Y") if host.last_visit else t("never"),
                    key=str(host.company_id),
                )

    @on(Input.Changed, "#host-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._load_hosts(event.value)

    @on(Input.Submitted, "#host-search")
    def _search_submitted(self) -> None:
        self.query_one("#hosts", DataTable).focus()

    @on(DataTable.RowSelected, "#hosts")
    def _add_host(self, event: DataTable.RowSelected) -> None:
        company_id = int(str(event.row_key.value))
        trip_id = self._shell.trip_id

        def add(services: TripEditorServices, version: int) -> object:
            start, end = services.next_visit_slot(trip_id)
            return services.add_visit(
                trip_id, company_id, start=start, end=end, expected_version=version
            )

        self._shell.run_change(add, t("editor.visit_added"))

    # --- the trip's visits ----------

    @on(DataTable.RowSelected, "#visits")
    def _edit_visit(self, event: DataTable.RowSelected) -> None:
        state = self._shell.state
        if state is None:
            return
        visit_id = int(str(event.row_key.value))
        visit = next(v for v in state.detail.visits if v.id == visit_id)
        current = VisitEdit(
            format_time(visit.start_time),
            format_time(visit.end_time),
            visit.showing,
            visit.host_contact,
            visit.confirmed,
            format_date(visit.agreed_on) if visit.agreed_on else "",
        )
        self._open_visit_dialog(visit_id, visit.company_name, current)

    def _open_visit_dialog(
        self, visit_id: int, company: str, current: VisitEdit, error: str = ""
    ) -> None:
        trip_id = self._shell.trip_id

        def done(result: VisitEdit | None) -> None:
            if result is None:
                return
            try:
                start, end = parse_time(result.start), parse_time(result.end)
                typed = result.agreed_on.strip()
                agreed = parse_date(typed, self._shell.today()) if typed else None
            except UserError as exc:
                self._open_visit_dialog(visit_id, company, result, exc.message)
                return
            self._shell.run_change(
                lambda services, version: services.update_visit(
                    trip_id,
                    visit_id,
                    start=start,
                    end=end,
                    showing=result.showing,
                    host_contact=result.host_contact,
                    confirmed=result.confirmed,
                    agreed_on=agreed,
                    expected_version=version,
                )
            )

        self.app.push_screen(VisitDialog(company, current, error), done)

    def remove_selected(self) -> None:
        key = selected_key(self.query_one("#visits", DataTable))
        state = self._shell.state
        if key is None or state is None:
            return
        visit = next(v for v in state.detail.visits if v.id == int(key))
        trip_id = self._shell.trip_id

        def answered(yes: bool | None) -> None:
            if yes:
                self._shell.run_change(
                    lambda services, version: services.remove_visit(
                        trip_id, visit.id, expected_version=version
                    )
                )

        self.app.push_screen(
            ConfirmModal(t("editor.confirm_remove_visit", name=visit.company_name)), answered
        )

    def toggle_selected_confirmed(self) -> None:
        key = selected_key(self.query_one("#visits", DataTable))
        if key is not None:
            visit_id = int(key)
            trip_id = self._shell.trip_id
            self._shell.run_change(
                lambda services, version: services.toggle_visit_confirmed(
                    trip_id, visit_id, expected_version=version
                )
            )
