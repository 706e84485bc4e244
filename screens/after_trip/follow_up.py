"""Opfølgning: the follow-ups due after the trips, and the chosen citizen's road so far."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import DataTable, Input, Static
from textual.widgets.data_table import ColumnKey
from textual.worker import get_current_worker

from rfk_trips.after_trip import follow_up_desk
from rfk_trips.after_trip.follow_up_desk import CitizenHistory, FollowUpForm, OutcomeForm
from rfk_trips.after_trip.follow_up_listing import FollowUpRow, list_follow_ups
from rfk_trips.after_trip.outcomes import OutcomeRow
from rfk_trips.app.context import AppContext
from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.registers import staff_service
from rfk_trips.rules.danish_dates import format_date
from rfk_trips.rules.errors import UserError
from rfk_trips.rules.vocabularies import Attendance, OutcomeKind
from screens.dialogs.follow_up_dialogs import (
    EndOutcomeDialog,
    FollowUpDialog,
    LearningCaseDialog,
    LearningCaseForm,
    OutcomeDialog,
    OutcomeEnd,
)
from screens.widgets.bindings import translate_bindings
from screens.widgets.footer import KeyFooter
from screens.widgets.list_table import ListTable
from screens.widgets.live import DataChanged, same_place_if
from screens.widgets.mode_screen import ModeScreen
from screens.widgets.search_box import SearchBox
from screens.widgets.title_bar import TitleBar

LIST_LIMIT = 500


def _state(row: FollowUpRow, today_iso: str) -> Text:
    if row.done_at is not None:
        return Text(t("followups.state.done"), style="green")
    if row.overdue:
        return Text(t("followups.state.overdue"), style="bold red")
    if row.due_date.isoformat() == today_iso:
        return Text(t("followups.state.today"), style="bold yellow")
    return Text(t("followups.state.open"), style="dim")


def _outcome_status(outcome: OutcomeRow) -> str:
    if outcome.end_date is not None:
        key = "followups.row.ended_early" if outcome.ended_early else "followups.row.ended"
        return t(key, date=format_date(outcome.end_date))
    if outcome.review_date is not None:
        return t("followups.row.review", date=format_date(outcome.review_date))
    return t("followups.row.running")


def history_status_width() -> int:
    """The widest status a history row can show, dates included, or the heading's width.

    Fixed rather than automatic: an automatic width is only worked out after the table's
    first drawing, and a screen drawn before that showed the statuses cut to "Status".
    """
    day = format_date(date(2026, 12, 31))  # every date is drawn as wide as this one
    labels = [
        t("followups.col.status"),
        t("followups.row.reserve"),
        t("followups.row.running"),
        *(label(attendance) for attendance in Attendance),
        *(
            t(key, date=day)
            for key in (
                "followups.row.review",
                "followups.row.ended",
                "followups.row.ended_early",
                "followups.row.due",
                "followups.row.done",
            )
        ),
    ]
    return max(cell_len(text) for text in labels)


def history_rows(history: CitizenHistory) -> list[tuple[str, Any, str, str, str]]:
    """(row key, date, what, detail, status), newest first."""
    rows: list[tuple[str, Any, str, str, str]] = []
    for trip in history.trips:
        hosts = ", ".join(name for _, name in trip.hosts)
        detail = f"{trip.title} ({hosts})" if hosts else trip.title
        status = (
            t("followups.row.reserve") if trip.role.value == "reserve" else trip.attendance_label
        )
        rows.append(
            (f"trip-{trip.trip_id}", trip.trip_date, t("followups.row.trip"), detail, status)
        )
    for outcome in history.outcomes:
        detail = " · ".join(part for part in (outcome.kind_label, outcome.company) if part)
        rows.append(
            (
                f"outcome-{outcome.id}",
                outcome.start_date,
                t("followups.row.outcome"),
                detail,
                _outcome_status(outcome),
            )
        )
    for task in history.follow_ups:
        detail = " · ".join(part for part in (task.kind_label, task.next_step, task.note) if part)
        if task.done_at is not None:
            status = t("followups.row.done", date=format_date(task.done_at.date()))
        else:
            status = t("followups.row.due", date=format_date(task.due_date))
        rows.append((f"fu-{task.id}", task.due_date, t("followups.row.follow_up"), detail, status))
    rows.sort(key=lambda row: (row[1], row[0]), reverse=True)
    return rows


class FollowUpScreen(ModeScreen):
    CSS_PATH = "follow_up.tcss"
    BINDINGS = [
        Binding("r", "record", "followups.key.record", id="followups-record"),
        Binding("o", "new_outcome", "followups.key.outcome", id="followups-outcome"),
        Binding("e", "end_outcome", "followups.key.end", id="followups-end"),
        Binding("n", "next_step", "followups.key.next_step", id="followups-next"),
        Binding("d", "toggle_due", "followups.key.due", id="followups-due"),
        Binding("slash", "focus_search", "followups.key.search", id="followups-search"),
        Binding("ctrl+r", "refresh", "app.refresh", id="followups-refresh"),
        Binding("escape", "back", "register.back", id="followups-back"),
    ]

    due_only: reactive[bool] = reactive(False)

    @dataclass
    class ListLoaded(Message):
        rows: list[FollowUpRow]
        text: str
        due_only: bool

    @dataclass
    class HistoryLoaded(Message):
        history: CitizenHistory

    @dataclass
    class StaffLoaded(Message):
        staff: list[tuple[int, str]]

    @dataclass
    class Saved(Message):
        note: str

    @dataclass
    class Failed(Message):
        text: str

    def __init__(self, context: AppContext) -> None:
        super().__init__(id="screen-followups")
        translate_bindings(self)
        self.context = context
        self.rows: dict[str, FollowUpRow] = {}
        self.history: CitizenHistory | None = None
        self.staff: list[tuple[int, str]] = []
        self._search = ""
        self._offer_case: OutcomeRow | None = None
        # The search and filter the list shows: read again for them, the cursor stays put.
        self._shown_query: tuple[str, bool] | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(t("followups.screen_title"), classes="screen-title")
        yield SearchBox(placeholder=t("followups.search_placeholder"), id="followups-find")
        # The summary quotes a search, the note names people: text, never markup.
        yield Static(t("app.loading"), id="followups-summary", markup=False)
        yield ListTable(id="followups-list", cursor_type="row", zebra_stripes=True)
        yield Static(t("followups.history_empty"), id="followups-heading")
        yield ListTable(id="followups-history", cursor_type="row", zebra_stripes=True)
        yield Static("", id="followups-note", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("followups.screen_title")
        table = self.query_one("#followups-list", DataTable)
        table.add_column(t("followups.col.due"), key="due", width=10)
        table.add_column(t("followups.col.state"), key="state", width=12)
        table.add_column(t("followups.col.citizen"), key="citizen", width=24)
        table.add_column(t("followups.col.task"), key="task", width=30)
        table.add_column(t("followups.col.staff"), key="staff", width=9)
        # Set from the trips shown, for the reason given at history_status_width().
        table.add_column(
            t("followups.col.trip"), key="trip", width=cell_len(t("followups.col.trip"))
        )
        history = self.query_one("#followups-history", DataTable)
        history.add_column(t("followups.col.date"), key="date", width=10)
        history.add_column(t("followups.col.what"), key="what", width=10)
        history.add_column(t("followups.col.detail"), key="detail", width=52)
        history.add_column(t("followups.col.status"), key="status", width=history_status_width())
        table.focus()
        self._load_staff()
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def on_data_changed(self, _message: DataChanged) -> None:
        # A colleague closed a task or a trip made new ones: the list follows, in place.
        self.reload()

    # --- loading ----------

    def reload(self) -> None:
        self._load_list(self.query_one("#followups-find", Input).value, self.due_only)

    @work(thread=True, exclusive=True, group="followups-list")
    def _load_list(self, text: str, due_only: bool) -> None:
        worker = get_current_worker()
        try:
            rows = list_follow_ups(
                self.context.database().engine,
                today=self.context.today(),
                due_only=due_only and not text.strip(),
                # A search is for finding a person, also one whose tasks are all done.
                include_done=bool(text.strip()),
                search=text,
                limit=LIST_LIMIT,
            )
        except UserError as exc:
            self.post_message(self.Failed(exc.message))
            return
        if not worker.is_cancelled:
            self.post_message(self.ListLoaded(rows, text, due_only))

    @work(thread=True, exclusive=True, group="followups-history")
    def _load_history(self, citizen_id: int) -> None:
        worker = get_current_worker()
        try:
            history = follow_up_desk.citizen_history(
                self.context.database().engine, citizen_id, today=self.context.today()
            )
        except UserError as exc:
            self.post_message(self.Failed(exc.message))
            return
        if not worker.is_cancelled:
            self.post_message(self.HistoryLoaded(history))

    @work(thread=True, group="followups-staff")
    def _load_staff(self) -> None:
        self.post_message(
            self.StaffLoaded(staff_service.staff_choices(self.context.database().engine))
        )

    def on_follow_up_screen_staff_loaded(self, message: StaffLoaded) -> None:
        self.staff = message.staff

    def on_follow_up_screen_list_loaded(self, message: ListLoaded) -> None:
        table = self.query_one("#followups-list", DataTable)
        selected = self._selected_key()
        query = (message.text, message.due_only)
        same_query, self._shown_query = query == self._shown_query, query
        today_iso = self.context.today().isoformat()
        trip = table.columns[ColumnKey("trip")]
        trip.width = max([cell_len(str(trip.label)), *(cell_len(row.trip) for row in message.rows)])
        with same_place_if(table, same_query):
            table.clear()
            self.rows = {}
            for row in message.rows:
                key = str(row.id)
                self.rows[key] = row
                table.add_row(
                    format_date(row.due_date),
                    _state(row, today_iso),
                    Text(row.citizen, style="bold"),
                    row.kind_label,
                    row.staff,
                    row.trip,
                    key=key,
                )
        if not same_query and selected in self.rows:
            table.move_cursor(row=table.get_row_index(selected))
        overdue = sum(1 for row in message.rows if row.overdue)
        summary = [t("followups.summary", shown=len(message.rows), overdue=overdue)]
        if message.text.strip():
            summary.append(t("followups.filter_search"))
        else:
            summary.append(t("followups.filter_due" if self.due_only else "followups.filter_open"))
        if not message.rows:
            summary = [
                t("followups.none_found", text=message.text.strip())
                if message.text.strip()
                else t("followups.none")
            ]
            self._show_history(None)
        self.query_one("#followups-summary", Static).update("  ".join(summary))
        self._history_for_cursor()

    def on_follow_up_screen_history_loaded(self, message: HistoryLoaded) -> None:
        self._show_history(message.history)

    def on_follow_up_screen_failed(self, message: Failed) -> None:
        self._note(message.text, error=True)

    def on_follow_up_screen_saved(self, message: Saved) -> None:
        self._note(message.note)
        if self._offer_case is not None:
            outcome, self._offer_case = self._offer_case, None
            self.offer_learning_case(outcome)
        self.reload()
        if self.history is not None:
            self._load_history(self.history.citizen_id)

    # --- drawing ----------

    def _show_history(self, history: CitizenHistory | None) -> None:
        self.history = history
        heading = self.query_one("#followups-heading", Static)
        table = self.query_one("#followups-history", DataTable)
        table.clear()
        if history is None:
            heading.update(t("followups.history_empty"))
            return
        text = t(
            "followups.history_heading",
            name=history.name,
            caseworker=history.caseworker or t("followups.no_caseworker"),
        )
        if history.stalled:
            text += "  " + t("followups.stalled_flag", reason=history.stalled)
        heading.update(Text(text))
        for key, day, what, detail, status in history_rows(history):
            table.add_row(format_date(day), what, detail, status, key=key)

    def _note(self, text: str, *, error: bool = False) -> None:
        note = self.query_one("#followups-note", Static)
        note.update(text)
        note.set_class(error, "error")
        if error:
            self.notify(text, severity="error", markup=False)

    def _selected_key(self) -> str | None:
        table = self.query_one("#followups-list", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _selected(self) -> FollowUpRow | None:
        key = self._selected_key()
        return self.rows.get(key) if key else None

    def _history_for_cursor(self) -> None:
        row = self._selected()
        if row is None:
            return
        if self.history is None or self.history.citizen_id != row.citizen_id:
            self._load_history(row.citizen_id)

    # --- events ----------

    @on(DataTable.RowHighlighted, "#followups-list")
    def _row_highlighted(self) -> None:
        self._history_for_cursor()

    @on(DataTable.RowSelected, "#followups-list")
    def _row_selected(self) -> None:
        self.action_record()

    @on(Input.Changed, "#followups-find")
    def _search_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, "#followups-find")
    def _search_submitted(self) -> None:
        self.query_one("#followups-list", DataTable).focus()

    def watch_due_only(self) -> None:
        if self.is_mounted:
            self.reload()

    # --- actions ----------

    def action_toggle_due(self) -> None:
        self.due_only = not self.due_only

    def action_focus_search(self) -> None:
        self.query_one("#followups-find", Input).focus()

    def action_refresh(self) -> None:
        self.reload()
        if self.history is not None:
            self._load_history(self.history.citizen_id)

    def action_back(self) -> None:
        finder = self.query_one("#followups-find", Input)
        if finder.has_focus and finder.value:
            finder.value = ""
            return
        self.app.switch_mode("home")

    def action_record(self, current: FollowUpForm | None = None, error: str = "") -> None:
        row = self._selected()
        if row is None:
            self._note(t("followups.select_first"), error=True)
            return
        if row.done_at is not None:
            self._note(t("followups.already_recorded"), error=True)
            return
        history = (
            self.history if self.history and self.history.citizen_id == row.citizen_id else None
        )
        companies = history.companies() if history else []

        def chosen(result: FollowUpForm | None) -> None:
            if result is None:
                return
            self._save(
                lambda engine: self._record(engine, row, result),
                lambda message: self.action_record(result, message),
            )

        self.app.push_screen(
            FollowUpDialog(
                name=row.citizen,
                task=row.kind_label,
                companies=companies,
                staff=self.staff,
                current=current or FollowUpForm(),
                error=error,
            ),
            chosen,
        )

    def _record(self, engine: Any, row: FollowUpRow, form: FollowUpForm) -> str:
        today = self.context.today()
        following = follow_up_desk.save_follow_up(engine, row.id, form, today=today)
        note = t("followups.recorded", name=row.citizen)
        if following is not None:
            note += " " + t(
                "followup.next_created",
                id=following.follow_up_id,
                date=format_date(following.due_date),
            )
        return note

    def action_next_step(self, current: FollowUpForm | None = None, error: str = "") -> None:
        """A next step for the citizen shown, also one whose tasks are all done."""
        history = self.history
        if history is None:
            self._note(t("followups.select_first"), error=True)
            return
        trips = history.trips_taken_part()
        trip_id = trips[0].trip_id if trips else None

        def chosen(result: FollowUpForm | None) -> None:
            if result is None:
                return
            self._save(
                lambda engine: self._add_next_step(engine, history, result, trip_id),
                lambda message: self.action_next_step(result, message),
            )

        self.app.push_screen(
            FollowUpDialog(
                name=history.name,
                task=t("followups.new_next_step"),
                companies=[],
                staff=self.staff,
                current=current or FollowUpForm(),
                error=error,
                next_only=True,
            ),
            chosen,
        )

    def _add_next_step(
        self, engine: Any, history: CitizenHistory, form: FollowUpForm, trip_id: int | None
    ) -> str:
        task = follow_up_desk.save_next_step(
            engine, history.citizen_id, form, today=self.context.today(), trip_id=trip_id
        )
        return t("followup.next_created", id=task.follow_up_id, date=format_date(task.due_date))

    def action_new_outcome(self, current: OutcomeForm | None = None, error: str = "") -> None:
        history = self.history
        if history is None:
            self._note(t("followups.select_first"), error=True)
            return
        row = self._selected()
        on_trip = row.trip_id if row and row.citizen_id == history.citizen_id else None
        trips = [
            (trip.trip_id, f"{format_date(trip.trip_date)} {trip.title}")
            for trip in history.trips_taken_part()
        ]
        form = current or OutcomeForm(
            kind="",
            start=format_date(self.context.today()),
            trip_id=on_trip,
            company_id=row.company_id if row and row.citizen_id == history.citizen_id else None,
        )

        def chosen(result: OutcomeForm | None) -> None:
            if result is None:
                return
            self._save(
                lambda engine: self._add_outcome(engine, history, result),
                lambda message: self.action_new_outcome(result, message),
            )

        self.app.push_screen(
            OutcomeDialog(
                name=history.name,
                kinds=[(kind.value, label(kind)) for kind in OutcomeKind],
                trips=trips,
                companies=history.companies(),
                current=form,
                error=error,
            ),
            chosen,
        )

    def _add_outcome(self, engine: Any, history: CitizenHistory, form: OutcomeForm) -> str:
        outcome_id = follow_up_desk.save_outcome(
            engine, history.citizen_id, form, today=self.context.today()
        )
        return t(
            "outcome.added", kind=label(OutcomeKind(form.kind)), name=history.name, id=outcome_id
        )

    def action_end_outcome(self, end: str = "", reason: str = "", error: str = "") -> None:
        history = self.history
        if history is None:
            self._note(t("followups.select_first"), error=True)
            return
        outcome = self._outcome_to_end(history)
        if outcome is None:
            return

        def chosen(result: OutcomeEnd | None) -> None:
            if result is None:
                return
            self._save(
                lambda engine: self._end(engine, outcome, result.end, result.reason),
                lambda message: self.action_end_outcome(result.end, result.reason, message),
            )

        self.app.push_screen(
            EndOutcomeDialog(
                name=history.name,
                kind=outcome.kind_label,
                end=end or format_date(self.context.today()),
                reason=reason,
                error=error,
            ),
            chosen,
        )

    def _outcome_to_end(self, history: CitizenHistory) -> OutcomeRow | None:
        running = [outcome for outcome in history.outcomes if outcome.end_date is None]
        table = self.query_one("#followups-history", DataTable)
        if table.has_focus and table.row_count:
            key = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
            chosen = [outcome for outcome in running if f"outcome-{outcome.id}" == key]
            if chosen:
                return chosen[0]
        if len(running) == 1:
            return running[0]
        if not running:
            self._note(t("followups.no_running", name=history.name), error=True)
        else:
            self._note(t("followups.choose_outcome", name=history.name), error=True)
        return None

    def _end(self, engine: Any, outcome: OutcomeRow, end_text: str, reason: str) -> str:
        ended = follow_up_desk.finish_outcome(
            engine, outcome.id, end_text, reason, today=self.context.today()
        )
        note = t("outcome.ended", id=outcome.id)
        if ended.suggest_learning_case:
            # Offered once the save is shown; Esc in the dialog leaves it for later.
            self._offer_case = outcome
        return note

    def offer_learning_case(
        self, outcome: OutcomeRow, current: LearningCaseForm | None = None, error: str = ""
    ) -> None:
        def chosen(result: LearningCaseForm | None) -> None:
            if result is None:
                return
            self._save(
                lambda engine: self._write_case(engine, outcome, result),
                lambda message: self.offer_learning_case(outcome, result, message),
            )

        self.app.push_screen(
            LearningCaseDialog(
                name=outcome.citizen,
                company=outcome.company,
                current=current or LearningCaseForm(),
                error=error,
            ),
            chosen,
        )

    def _write_case(self, engine: Any, outcome: OutcomeRow, form: LearningCaseForm) -> str:
        case_id = follow_up_desk.write_learning_case(
            engine,
            outcome.id,
            citizen_view=form.citizen_view,
            company_view=form.company_view,
            caseworker_view=form.caseworker_view,
            consultant_view=form.consultant_view,
            lessons=form.lessons,
            today=self.context.today(),
        )
        return t("learning_case.saved_in_ui", id=case_id, name=outcome.citizen)

    @work(thread=True, group="followups-save")
    def _save(self, change: Callable[[Any], str], again: Callable[[str], None]) -> None:
        """One user action, one transaction; refused input opens its dialog again, as typed."""
        try:
            note = change(self.context.database().engine)
        except UserError as exc:
            self.app.call_from_thread(again, exc.message)
            return
        self.post_message(self.Saved(note))

    def palette_commands(self) -> list[tuple[str, str, Any]]:
        return [
            (t("followups.key.record"), "r", self.action_record),
            (t("followups.key.outcome"), "o", self.action_new_outcome),
            (t("followups.key.end"), "e", self.action_end_outcome),
            (t("followups.key.next_step"), "n", self.action_next_step),
            (t("followups.key.due"), "d", self.action_toggle_due),
        ]
