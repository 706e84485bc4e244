"""Oversigt: the home screen with counts, the trips coming up and an offer of demo data."""

from collections.abc import Callable
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Button, DataTable, Static
from textual.worker import get_current_worker

from rfk_trips.app.context import AppContext
from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.rules.danish_dates import format_date
from rfk_trips.rules.errors import UserError
from rfk_trips.trips.overview import Overview, TripFindingCount, finding_counts
from screens.widgets.bindings import translate_bindings
from screens.widgets.footer import KeyFooter
from screens.widgets.list_table import ListTable
from screens.widgets.live import DataChanged, same_place_if
from screens.widgets.mode_screen import ModeScreen
from screens.widgets.title_bar import TitleBar

# Today's trips listed by name above the upcoming trips; the rest are in that list too.
TODAY_SHOWN = 4


class HomeScreen(ModeScreen):
    """Counts of companies, citizens and upcoming trips; demo data offered when empty."""

    BINDINGS = [
        Binding("ctrl+r", "refresh", "app.refresh", id="refresh"),
        Binding("ctrl+t", "check_in", "checkin.key.open", id="home-checkin"),
    ]

    @dataclass
    class Loaded(Message):
        overview: Overview
        # Read again because a colleague changed something: the cursor and focus stay put.
        live: bool = False

    @dataclass
    class Failed(Message):
        text: str

    @dataclass
    class FindingsLoaded(Message):
        counts: list[TripFindingCount]

    @dataclass
    class RulesLoaded(Message):
        """The trip rules are loaded: the findings of these trips can be counted."""

        trip_ids: list[int]

    class Ready(Message):
        """The home screen shows its data (used by --exit-when-ready and tests)."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(id="screen-home")
        translate_bindings(self)
        self.context = context
        self._loaded_once = False
        self.overview: Overview | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(t("app.loading"), id="counts")
        with Vertical(id="empty"):
            yield Static(t("app.empty"))
            yield Button(t("app.load_demo"), id="load-demo", variant="primary")
        # Titles, names and the database's path are shown as text: Textual would read a "["
        # in them as markup (escaping misses "[Ib]", which still vanished as a tag).
        yield Static("", id="error", markup=False)
        yield Static("", id="attention")
        yield Static("", id="today", markup=False)
        yield Static("", id="followups-due", markup=False)
        yield Static(t("app.upcoming"), id="upcoming-title")
        yield ListTable(id="upcoming", cursor_type="row", zebra_stripes=True)
        yield Static("", id="where", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#upcoming", DataTable)
        table.add_column(t("app.col.date"), key="date", width=10)
        table.add_column(t("app.col.status"), key="status", width=11)
        table.add_column(t("app.col.participants"), key="participants", width=9)
        table.add_column(t("home.col.findings"), key="findings", width=16)
        table.add_column(t("app.col.title"), key="title")
        self.load()

    def on_screen_resume(self) -> None:
        # The first resume comes with the first mount, which loads already.
        if self._loaded_once:
            self.load()

    def action_refresh(self) -> None:
        self.load()

    def on_data_changed(self, _message: DataChanged) -> None:
        if self._loaded_once:
            self.load(live=True)

    @work(thread=True, exclusive=True, group="home")
    def load(self, live: bool = False) -> None:
        try:
            overview = self.context.overview()
        except UserError as exc:
            self.post_message(self.Failed(exc.message))
            return
        if warning := self.context.startup_warning():
            self.app.call_from_thread(
                self.notify, warning, severity="warning", timeout=20, markup=False
            )
        self.post_message(self.Loaded(overview, live))

    @work(thread=True, exclusive=True, group="home")
    def load_demo(self) -> None:
        from rfk_trips.exchange.demo_data import load_demo

        try:
            opened = self.context.database()
            load_demo(opened.engine, today=self.context.today())
            overview = self.context.overview()
        except UserError as exc:
            self.post_message(self.Failed(exc.message))
            return
        self.post_message(self.Loaded(overview))

    def on_home_screen_loaded(self, message: Loaded) -> None:
        self._loaded_once = True
        overview = message.overview
        self.overview = overview
        counts = overview.counts
        self.query_one("#counts", Static).update(
            t(
                "app.counts",
                companies=counts.companies,
                citizens=counts.citizens,
                upcoming=counts.upcoming_trips,
            )
        )
        self.query_one("#empty").set_class(counts.empty, "shown")
        self.query_one("#error").remove_class("shown")
        self.query_one("#where", Static).update(t("app.database", where=overview.database))
        self._show_attention(overview)
        table = self.query_one("#upcoming", DataTable)
        with same_place_if(table, message.live):
            table.clear()
            for trip in overview.upcoming:
                table.add_row(
                    format_date(trip.trip_date),
                    label(trip.status),
                    f"{trip.participants}",
                    "…",
                    trip.title,
                    key=str(trip.id),
                )
        trip_ids = [trip.id for trip in overview.upcoming]
        # The rules behind the findings load after the home screen shows (AppContext).
        self.context.when_domain_loaded(lambda: self.post_message(self.RulesLoaded(trip_ids)))
        if message.live:
            return
        if counts.empty:
            self.query_one("#load-demo", Button).focus()
        else:
            table.focus()
        self.post_message(self.Ready())

    def on_home_screen_rules_loaded(self, message: RulesLoaded) -> None:
        self._load_findings(message.trip_ids)

    def _show_attention(self, overview: Overview) -> None:
        attention = overview.attention
        lines = []
        if attention.unconfirmed_visits:
            lines.append(t("home.unconfirmed_visits", count=attention.unconfirmed_visits))
        if attention.trips_below_minimum:
            lines.append(t("home.below_minimum", count=attention.trips_below_minimum))
        if attention.reminders_missing:
            lines.append(t("home.reminders_missing", count=attention.reminders_missing))
        if attention.quiet_companies:
            lines.append(t("home.quiet_companies", count=attention.quiet_companies))
        widget = self.query_one("#attention", Static)
        widget.update("\n".join([t("home.attention"), *lines]) if lines else "")
        widget.set_class(bool(lines), "shown")
        today = self.query_one("#today", Static)
        lines = [t("home.today")]
        lines += [f"  {trip.title} ({trip.participants})" for trip in overview.today]
        if len(overview.today) > TODAY_SHOWN:
            # A job centre's whole day would push the upcoming trips off the screen.
            lines[TODAY_SHOWN + 1 :] = [
                "  " + t("home.today_more", count=len(overview.today) - TODAY_SHOWN)
            ]
        today.update("\n".join(lines) if overview.today else "")
        today.set_class(bool(overview.today), "shown")
        self._show_follow_ups(overview)

    def _show_follow_ups(self, overview: Overview) -> None:
        widget = self.query_one("#followups-due", Static)
        count = overview.follow_ups_due_count
        lines = [t("home.followups_due", count=count)]
        for row in overview.follow_ups_due:
            flag = t("followups.state.overdue") if row.overdue else t("followups.state.today")
            lines.append(
                f"  {flag}  {format_date(row.due_date)}  {row.citizen} – {row.kind_label}"
                + (f" ({row.staff})" if row.staff else "")
            )
        if count > len(overview.follow_ups_due):
            lines.append(
                "  " + t("home.followups_more", count=count - len(overview.follow_ups_due))
            )
        widget.update("\n".join(lines) if count else "")
        widget.set_class(bool(count), "shown")

    @work(thread=True, exclusive=True, group="home-findings")
    def _load_findings(self, trip_ids: list[int]) -> None:
        worker = get_current_worker()
        counts = finding_counts(
            self.context.database().engine,
            trip_ids,
            today=self.context.today(),
            stop=lambda: worker.is_cancelled,
        )
        if not worker.is_cancelled:
            self.post_message(self.FindingsLoaded(counts))

    def on_home_screen_findings_loaded(self, message: FindingsLoaded) -> None:
        table = self.query_one("#upcoming", DataTable)
        for count in message.counts:
            if str(count.trip_id) not in table.rows:
                continue
            if count.errors:
                text = t("home.findings_errors", errors=count.errors)
            elif count.warnings:
                text = t("home.findings_warnings", warnings=count.warnings)
            else:
                text = t("home.findings_ok")
            table.update_cell(str(count.trip_id), "findings", text)

    @on(DataTable.RowSelected, "#upcoming")
    def open_trip(self, event: DataTable.RowSelected) -> None:
        from screens.trips.trip_editor.screen import TripEditorScreen

        self.app.push_screen(TripEditorScreen(self.context, int(str(event.row_key.value))))

    def action_check_in(self) -> None:
        """Ctrl+T: check in on today's trip (the one under the cursor, if there are several)."""
        todays = [trip.id for trip in self.overview.today] if self.overview else []
        if not todays:
            self.notify(t("checkin.no_trip_today"))
            return
        table = self.query_one("#upcoming", DataTable)
        chosen = todays[0]
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            if key is not None and int(key) in todays:
                chosen = int(key)
        from screens.trips.checkin import CheckinScreen

        self.app.push_screen(CheckinScreen(self.context, chosen))

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        return [(t("checkin.key.open"), "Ctrl+T", self.action_check_in)]

    def on_home_screen_failed(self, message: Failed) -> None:
        error = self.query_one("#error", Static)
        error.update(message.text)
        error.add_class("shown")
        self.query_one("#counts", Static).update("")

    @on(Button.Pressed, "#load-demo")
    def offer_demo(self) -> None:
        self.query_one("#load-demo", Button).disabled = True
        self.query_one("#counts", Static).update(t("app.demo_loading"))
        self.load_demo()
