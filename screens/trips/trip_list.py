"""Ture: trips by date and status; Enter opens the trip editor, Ctrl+N plans a new trip."""

from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import DataTable, Input, Static
from textual.widgets.data_table import ColumnKey
from textual.worker import get_current_worker

from rfk_trips.app.context import AppContext
from rfk_trips.i18n.catalogue import number, t
from rfk_trips.i18n.labels import label
from rfk_trips.registers.paging import Page
from rfk_trips.rules.danish_dates import format_date, parse_date
from rfk_trips.rules.errors import UserError
from rfk_trips.rules.vocabularies import TripStatus
from rfk_trips.trips import trip_service
from rfk_trips.trips.trip_editing import count_past_trips, search_trips
from rfk_trips.trips.trip_listing import TripSummary
from screens.dialogs.trip_dialogs import NewTrip, NewTripDialog
from screens.registers.register_specs import municipality_filter_choices
from screens.trips.trip_editor.screen import TripEditorScreen
from screens.widgets.bindings import translate_bindings
from screens.widgets.filter_choice import FilterChoice
from screens.widgets.footer import KeyFooter
from screens.widgets.list_table import ListTable
from screens.widgets.live import DataChanged, same_place_if
from screens.widgets.mode_screen import ModeScreen
from screens.widgets.search_box import SearchBox
from screens.widgets.title_bar import TitleBar


class TripsScreen(ModeScreen):
    WAITS_FOR_DATA = True
    BINDINGS = [
        Binding("ctrl+n", "new", "trips.new", id="trips-new"),
        Binding("slash", "focus_search", "register.search", id="trips-search"),
        Binding("escape", "back", "register.back", id="trips-back"),
    ]

    @dataclass
    class Loaded(Message):
        page: Page[TripSummary]
        # The search and filters it was read for: the same again is the list read anew.
        query: tuple[object, ...]
        # No upcoming trip: how many earlier ones the same search finds (None: not asked).
        past: int | None = None

    @dataclass
    class Failed(Message):
        text: str

    @dataclass
    class FormatsRead(Message):
        """The trip formats for a new trip, read as the user asked for one."""

        formats: list[tuple[str, str]]
        last: NewTrip | None
        error: str

    @dataclass
    class Created(Message):
        trip_id: int

    def __init__(self, context: AppContext) -> None:
        super().__init__(id="screen-trips")
        translate_bindings(self)
        self.context = context
        self._shown_rows: list[TripSummary] = []
        self._shown_query: tuple[object, ...] | None = None
        self._loading = False  # a load is on its way (as on the registers)

    def compose(self) -> ComposeResult:
        # The first page is read while Textual builds the screen: the filters' first values.
        self._loading = True
        self._load("", None, None, "upcoming")
        yield TitleBar()
        yield Static(t("trips.title"), classes="screen-title")
        yield SearchBox(placeholder=t("trips.search_placeholder"), id="search")
        with Horizontal(classes="filter-bar"):
            yield FilterChoice(
                t("filter.period"),
                choices=[
                    (t("trips.period.upcoming"), "upcoming"),
                    (t("trips.period.past"), "past"),
                    (t("trips.period.all"), "all"),
                ],
                value="upcoming",
                allow_blank=False,
                id="filter-period",
            )
            yield FilterChoice(
                t("app.col.status"),
                choices=[(label(status), status) for status in TripStatus],
                id="filter-status",
            )
            yield FilterChoice(
                t("filter.municipality"),
                # Read when the filter is opened, in its worker.
                loader=lambda: municipality_filter_choices(self.context.registers()),
                id="filter-municipality",
            )
        # It also shows a refusal, which may quote a path or a name: text, never markup.
        yield Static(t("app.loading"), id="summary", markup=False)
        yield ListTable(id="table", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#table", DataTable)
        table.add_column(t("app.col.date"), key="date", width=10)
        table.add_column(t("app.col.status"), key="status", width=11)
        table.add_column(t("trips.col.format"), key="format", width=13)
        table.add_column(t("col.municipality"), key="municipality", width=13)
        table.add_column(t("app.col.participants"), key="participants", width=9)
        table.add_column(t("trips.col.visits"), key="visits", width=5)
        # Fixed widths, the title's set from the titles shown: an auto width is only worked
        # out after the first drawing, which showed the titles cut to the heading's width.
        table.add_column(t("app.col.title"), key="title", width=cell_len(t("app.col.title")))

    def on_screen_resume(self) -> None:
        # Shown again: a trip may have been planned or changed elsewhere since. Shown for
        # the first time, compose's load is still on its way.
        if not self._loading:
            self.reload()

    def reload(self) -> None:
        self._loading = True
        status = self.query_one("#filter-status", FilterChoice).value
        municipality = self.query_one("#filter-municipality", FilterChoice).value
        self._load(
            self.query_one("#search", Input).value,
            None if status is None else TripStatus(str(status)),
            None if municipality is None else int(str(municipality)),
            str(self.query_one("#filter-period", FilterChoice).value),
        )

    @work(thread=True, exclusive=True, group="trips-load")
    def _load(
        self, text: str, status: TripStatus | None, municipality: int | None, period: str
    ) -> None:
        worker = get_current_worker()
        try:
            page = search_trips(
                self.context.database().engine,
                text=text,
                status=status,
                municipality_id=municipality,
                period=period,
                today=self.context.today(),
            )
            past = None
            if period == "upcoming" and page.total == 0:
                past = count_past_trips(
                    self.context.database().engine,
                    text=text,
                    status=status,
                    municipality_id=municipality,
                    today=self.context.today(),
                )
        except UserError as exc:
            self.post_message(self.Failed(exc.message))
            return
        if not worker.is_cancelled:
            self.post_message(self.Loaded(page, (text, status, municipality, period), past))

    def on_trips_screen_loaded(self, message: Loaded) -> None:
        self._loading = False
        self.data_shown()
        table = self.query_one("#table", ListTable)
        self.query_one("#summary", Static).update(
            t("trips.none_upcoming", past=number(message.past))
            if message.past
            else t(
                "trips.summary",
                shown=number(len(message.page.rows)),
                total=number(message.page.total),
            )
        )
        same_query, self._shown_query = message.query == self._shown_query, message.query
        if message.page.rows == self._shown_rows and table.row_count == len(self._shown_rows):
            # Coming back to an unchanged list: refilling would only re-render every row.
            return
        self._shown_rows = list(message.page.rows)
        title = table.columns[ColumnKey("title")]
        title.width = max(
            [cell_len(str(title.label)), *(cell_len(trip.title) for trip in message.page.rows)]
        )
        # The same list changed under the user (a colleague's trip): the cursor stays on
        # its trip, where it was; a new search or filter starts from the top.
        with same_place_if(table, same_query):
            self._fill(table, message.page.rows)

    def _fill(self, table: ListTable, trips: list[TripSummary]) -> None:
        table.fill(
            (
                str(trip.id),
                (
                    format_date(trip.trip_date),
                    label(trip.status),
                    trip.format_code,
                    trip.municipality,
                    f"{trip.participants}+{trip.reserves}"
                    if trip.reserves
                    else str(trip.participants),
                    str(trip.visits),
                    trip.title,  # a plain string is text to a ListTable, never markup
                ),
            )
            for trip in trips
        )

    def on_data_changed(self, _message: DataChanged) -> None:
        self.reload()

    def on_trips_screen_failed(self, message: Failed) -> None:
        self._loading = False
        self.query_one("#summary", Static).update(message.text)
        self.data_shown()

    @on(Input.Changed, "#search")
    @on(FilterChoice.Changed)
    def filters_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        self.query_one("#table", DataTable).focus()

    @on(DataTable.RowSelected, "#table")
    def open_trip(self, event: DataTable.RowSelected) -> None:
        self.app.push_screen(TripEditorScreen(self.context, int(str(event.row_key.value))))

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_back(self) -> None:
        # As on the registers: Escape in a search with text empties it first.
        search = self.query_one("#search", Input)
        if search.has_focus and search.value:
            search.value = ""
            return
        self.app.switch_mode("home")

    def action_new(self, last: NewTrip | None = None, error: str = "") -> None:
        self._read_formats(last, error)

    @work(thread=True, exclusive=True, group="trips-formats")
    def _read_formats(self, last: NewTrip | None, error: str) -> None:
        # Read each time: the formats are edited in Indstillinger while the app runs.
        try:
            formats = trip_service.format_choices(self.context.database().engine)
        except UserError as exc:
            self.post_message(self.Failed(exc.message))
            return
        self.post_message(self.FormatsRead(formats, last, error))

    def on_trips_screen_formats_read(self, message: FormatsRead) -> None:
        def chosen(result: NewTrip | None) -> None:
            if result is not None:
                self._create(result)

        dialog = NewTripDialog(
            message.formats, message.error, message.last, today=self.context.today()
        )
        self.app.push_screen(dialog, chosen)

    @work(thread=True, group="trips-create")
    def _create(self, new: NewTrip) -> None:
        try:
            trip_date = parse_date(new.date_text, self.context.today())
            trip_id = trip_service.create_trip(
                self.context.database().engine,
                format_code=new.format_code,
                trip_date=trip_date,
                title=new.title,
            )
        except UserError as exc:
            self.app.call_from_thread(self.action_new, new, exc.message)
            return
        self.post_message(self.Created(trip_id))

    def on_trips_screen_created(self, message: Created) -> None:
        self.app.push_screen(TripEditorScreen(self.context, message.trip_id))

    def palette_commands(self) -> list[tuple[str, str, Any]]:
        return [(t("trips.new"), "Ctrl+N", self.action_new)]
