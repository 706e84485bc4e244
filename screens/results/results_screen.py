"""Resultater: what came of the bus trips — the figures of `rfk-trips stats`, to look at.

The overview is the very report `stats` prints, so the screen and the command never
disagree; the trips and the host companies are tables to pick from: Enter on a trip
shows that trip's figures alone. Evaluering lays the evaluation's Tables 6.10 and 6.11,
counted from our trips, beside the figures VIVE published for all participants, and below
them the hours per month of those in paid work (Table 6.16's shape), VIVE's beside.
"""

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import (
    DataTable,
    Input,
    Select,
    Static,
    TabbedContent,
    TabPane,
)
from textual.worker import get_current_worker

from rfk_trips.app.context import AppContext
from rfk_trips.i18n.catalogue import number, t
from rfk_trips.registers import staff_service
from rfk_trips.results import results_screen_data
from rfk_trips.results.results_screen_data import (
    EvaluationTable,
    EvaluationView,
    HoursTable,
    ResultsView,
    Selection,
)
from rfk_trips.rules.danish_dates import format_date
from rfk_trips.rules.errors import UserError
from rfk_trips.trips import trip_service
from screens.widgets.bindings import translate_bindings
from screens.widgets.file_delivery import in_browser, offer_download
from screens.widgets.footer import KeyFooter
from screens.widgets.list_table import ListTable
from screens.widgets.mode_screen import ModeScreen
from screens.widgets.text_input import TextInput
from screens.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from rfk_trips.documents.downloads import Download


def _rate(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)} %"


def right(heading: str) -> Text:
    """A column heading over figures: to the right, as the figures are."""
    return Text(heading, justify="right")


class ResultsScreen(ModeScreen):
    CSS_PATH = "results.tcss"
    BINDINGS = [
        Binding("1", "show_tab('overview')", "results.tab.overview", id="results-tab-1"),
        Binding("2", "show_tab('trips')", "results.tab.trips", id="results-tab-2"),
        Binding("3", "show_tab('companies')", "results.tab.companies", id="results-tab-3"),
        Binding("4", "show_tab('trend')", "results.tab.trend", id="results-tab-4"),
        Binding("5", "show_tab('targets')", "results.tab.targets", id="results-tab-5"),
        # Not in the footer: the line is full at 130 columns, and the tab names itself.
        Binding(
            "6",
            "show_tab('evaluation')",
            "results.tab.evaluation",
            id="results-tab-6",
            show=False,
        ),
        Binding("s", "toggle_small", "results.key.small", id="results-small"),
        Binding("ctrl+o", "export", "register.export", id="results-export"),
        Binding("ctrl+r", "refresh", "app.refresh", id="results-refresh"),
        Binding("escape", "back", "register.back", id="results-back"),
    ]

    suppress_small: reactive[bool] = reactive(False)
    trip_id: reactive[int | None] = reactive(None)

    @dataclass
    class Loaded(Message):
        view: ResultsView

    @dataclass
    class Failed(Message):
        text: str

    @dataclass
    class Exported(Message):
        """The figures are saved as a file (in a terminal), or ready to download."""

        text: str = ""
        download: "Download | None" = None

    @dataclass
    class Options(Message):
        municipalities: list[tuple[Text, str]]
        formats: list[tuple[Text, str]]

    def __init__(self, context: AppContext) -> None:
        super().__init__(id="screen-results")
        translate_bindings(self)
        self.context = context
        self.view: ResultsView | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(t("results.screen_title"), classes="screen-title")
        with Horizontal(classes="filter-bar", id="results-filters"):
            yield TextInput(placeholder=t("results.field.from"), id="results-from")
            yield TextInput(placeholder=t("results.field.to"), id="results-to")
            yield Select[str]([], prompt=t("filter.municipality"), id="results-municipality")
            yield Select[str]([], prompt=t("results.field.format"), id="results-format")
            yield TextInput(placeholder=t("results.field.on"), id="results-on")
        # It names the chosen trip and quotes a refused date as typed: text, never markup.
        yield Static(t("results.calculating"), id="results-status", markup=False)
        with TabbedContent(initial="results-tab-overview", id="results-tabs"):
            with TabPane(t("results.tab.overview"), id="results-tab-overview"):
                with VerticalScroll(id="results-overview-scroll"):
                    yield Static("", id="results-overview")
            with TabPane(t("results.tab.trips"), id="results-tab-trips"):
                yield ListTable(id="results-trips", cursor_type="row", zebra_stripes=True)
            with TabPane(t("results.tab.companies"), id="results-tab-companies"):
                yield ListTable(id="results-companies", cursor_type="row", zebra_stripes=True)
            with TabPane(t("results.tab.trend"), id="results-tab-trend"):
                with VerticalScroll(id="results-trend-scroll"):
                    yield Static("", id="results-trend")
            with TabPane(t("results.tab.targets"), id="results-tab-targets"):
                with VerticalScroll(id="results-targets-scroll"):
                    yield Static("", id="results-targets")
            with TabPane(t("results.tab.evaluation"), id="results-tab-evaluation"):
                with VerticalScroll(id="results-evaluation-scroll"):
                    yield Static("", id="results-evaluation-population", markup=False)
                    # Stacked: side by side, the long category names wrap even at 150 columns.
                    with Vertical(id="results-evaluation-tables"):
                        for table in ("ever", "on", "hours"):
                            with Vertical(classes="results-evaluation-table"):
                                yield Static(
                                    "", id=f"results-eval-{table}-title", classes="eval-title"
                                )
                                yield DataTable(
                                    id=f"results-eval-{table}",
                                    cursor_type="none",
                                    zebra_stripes=True,
                                )
                                yield Static(
                                    "", id=f"results-eval-{table}-source", classes="eval-source"
                                )
                                if table == "hours":
                                    yield Static(
                                        "",
                                        id="results-eval-hours-note",
                                        classes="eval-source",
                                        markup=False,
                                    )
                    yield Static("", id="results-evaluation-note", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("results.screen_title")
        trips = self.query_one("#results-trips", DataTable)
        trips.add_column(t("results.col.date"), key="date", width=10)
        trips.add_column(t("results.col.trip"), key="title", width=42)
        trips.add_column(t("results.col.invited"), key="invited", width=9)
        trips.add_column(t("results.col.attended"), key="attended", width=6)
        trips.add_column(t("results.col.rate"), key="rate", width=9)
        trips.add_column(t("results.col.with_outcome"), key="with_outcome", width=12)
        trips.add_column(t("results.col.paid"), key="paid", width=14)
        companies = self.query_one("#results-companies", DataTable)
        companies.add_column(t("results.col.company"), key="name", width=36)
        companies.add_column(t("results.col.trips"), key="trips", width=5)
        companies.add_column(t("results.col.attended"), key="attended", width=6)
        companies.add_column(t("results.col.with_outcome"), key="with_outcome", width=12)
        companies.add_column(t("results.col.paid"), key="paid", width=14)
        companies.add_column(t("results.col.at_company"), key="at_company", width=16)
        # One category width for both, so the stacked tables' columns line up.
        width = results_screen_data.category_width(("ever", "on_date"))
        for table in ("ever", "on"):
            evaluation = self.query_one(f"#results-eval-{table}", DataTable)
            # Read, not picked from: the scroll around the tables keeps the focus (and `s`).
            evaluation.can_focus = False
            evaluation.add_column(t("results.eval_category"), key="category", width=width)
            evaluation.add_column(right(t("results.eval_count")), key="count", width=6)
            evaluation.add_column(right(t("results.eval_percent")), key="percent", width=8)
            evaluation.add_column(
                right(results_screen_data.reference_heading()), key="reference", width=19
            )
        self._add_hours_columns()
        self.query_one("#results-on", Input).value = format_date(self.context.today())
        # Start on the figures, so the single-letter keys work at once.
        self.query_one("#results-overview-scroll", VerticalScroll).focus()
        self._load_options()
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    # --- loading ----------

    def selection(self) -> Selection:
        municipality = self.query_one("#results-municipality", Select).value
        trip_format = self.query_one("#results-format", Select).value
        return Selection(
            date_from=self.query_one("#results-from", Input).value,
            date_to=self.query_one("#results-to", Input).value,
            municipality="" if municipality is Select.NULL else str(municipality),
            trip_format="" if trip_format is Select.NULL else str(trip_format),
            on=self.query_one("#results-on", Input).value,
            trip_id=self.trip_id,
            suppress_small=self.suppress_small,
        )

    def reload(self) -> None:
        self.query_one("#results-status", Static).update(t("results.calculating"))
        self._load(self.selection())

    @work(thread=True, exclusive=True, group="results-load")
    def _load(self, selection: Selection) -> None:
        worker = get_current_worker()
        try:
            view = results_screen_data.load_view(
                self.context.database().engine, selection, today=self.context.today()
            )
        except UserError as exc:
            self.post_message(self.Failed(exc.message))
            return
        if not worker.is_cancelled:
            self.post_message(self.Loaded(view))

    @work(thread=True, group="results-options")
    def _load_options(self) -> None:
        engine = self.context.database().engine
        # Names from the database, shown as text: a Select reads a plain string as markup.
        municipalities = [
            (Text(name), name) for _, name in staff_service.municipality_choices(engine)
        ]
        formats = [(Text(name), code) for code, name in trip_service.format_choices(engine)]
        self.post_message(self.Options(municipalities, formats))

    def on_results_screen_options(self, message: Options) -> None:
        self.query_one("#results-municipality", Select).set_options(message.municipalities)
        self.query_one("#results-format", Select).set_options(message.formats)

    def on_results_screen_failed(self, message: Failed) -> None:
        status = self.query_one("#results-status", Static)
        status.update(message.text)
        status.add_class("error")

    def on_results_screen_loaded(self, message: Loaded) -> None:
        view = message.view
        self.view = view
        status = self.query_one("#results-status", Static)
        status.remove_class("error")
        status.update(view.status_line)
        self.query_one("#results-overview", Static).update(Text(view.report))
        self.query_one("#results-trend", Static).update(Text(view.trend))
        self.query_one("#results-targets", Static).update(Text(view.targets))
        self._show_evaluation(view.evaluation)
        data = view.data
        trips = self.query_one("#results-trips", DataTable)
        trips.clear()
        for row in data["by_trip"]:
            day = row["date"]
            trips.add_row(
                format_date(day if isinstance(day, date) else date.fromisoformat(day)),
                row["title"],
                str(row["invited"]),
                str(row["attended"]),
                _rate(row["attendance_rate"]),
                str(row["citizens_with_outcome"]),
                str(row["in_paid_work"]),
                key=str(row["trip_id"]),
            )
        companies = self.query_one("#results-companies", DataTable)
        companies.clear()
        for row in data["by_company"]:
            companies.add_row(
                row["name"],
                str(row["trips"]),
                str(row["attended"]),
                str(row["citizens_with_outcome"]),
                str(row["in_paid_work"]),
                str(row["at_company"]["citizens_with_outcome"]),
                key=str(row["company_id"]),
            )

    def _show_evaluation(self, evaluation: EvaluationView | None) -> None:
        self.query_one("#results-evaluation-population", Static).update(
            evaluation.population if evaluation else t("results.no_trips")
        )
        self.query_one("#results-evaluation-note", Static).update(
            evaluation.note if evaluation else ""
        )
        for name, table in (
            ("ever", evaluation.ever if evaluation else None),
            ("on", evaluation.on_date if evaluation else None),
        ):
            self._show_evaluation_table(name, table)
        self._show_hours(evaluation.hours if evaluation else None)

    def _add_hours_columns(self) -> None:
        hours = self.query_one("#results-eval-hours", DataTable)
        hours.can_focus = False
        table = results_screen_data.hours_table([])  # the headings, before any figure
        hours.add_column(
            t("results.eval_category"),
            key="category",
            width=results_screen_data.category_width(("hours_per_month",)),
        )
        for index, heading in enumerate(table.headings):
            hours.add_column(right(heading), key=f"cell-{index}", width=max(len(heading), 6))
        hours.add_column(right(table.reference_heading), key="reference", width=16)

    def _show_hours(self, table: HoursTable | None) -> None:
        grid = self.query_one("#results-eval-hours", DataTable)
        grid.clear()
        self.query_one("#results-eval-hours-title", Static).update(
            Text(table.title if table else "", style="bold")
        )
        self.query_one("#results-eval-hours-source", Static).update(
            Text(table.reference_source if table else "")
        )
        self.query_one("#results-eval-hours-note", Static).update(table.note if table else "")
        if table is None:
            return
        for index, line in enumerate(table.rows):
            grid.add_row(
                Text(line.label),
                *(Text(cell, justify="right") for cell in line.cells),
                Text(line.reference, justify="right"),
                height=None,
                key=str(index),
            )

    def _show_evaluation_table(self, name: str, table: EvaluationTable | None) -> None:
        grid = self.query_one(f"#results-eval-{name}", DataTable)
        grid.clear()
        self.query_one(f"#results-eval-{name}-title", Static).update(
            Text(table.title if table else "", style="bold")
        )
        self.query_one(f"#results-eval-{name}-source", Static).update(
            Text(table.reference_source if table else "")
        )
        if table is None:
            return
        for index, line in enumerate(table.rows):
            grid.add_row(
                Text(line.label),
                Text(line.count, justify="right"),
                Text(line.percent, justify="right"),
                Text(line.reference, justify="right"),
                height=None,
                key=str(index),
            )
        total = table.total
        grid.add_row(
            Text(total.label, style="bold"),
            Text(total.count, style="bold", justify="right"),
            Text(total.percent, style="bold", justify="right"),
            Text(total.reference, style="bold", justify="right"),
            key="total",
        )

    # --- events and actions ----------

    @on(Input.Submitted, "#results-filters Input")
    @on(Select.Changed, "#results-filters Select")
    def _filters_changed(self) -> None:
        self.reload()

    @on(DataTable.RowSelected, "#results-trips")
    def _trip_chosen(self, event: DataTable.RowSelected) -> None:
        self.trip_id = int(str(event.row_key.value))
        self.action_show_tab("overview")

    def watch_trip_id(self) -> None:
        if self.is_mounted:
            self.reload()

    def watch_suppress_small(self) -> None:
        if self.is_mounted:
            self.reload()

    def action_show_tab(self, name: str) -> None:
        self.query_one("#results-tabs", TabbedContent).active = f"results-tab-{name}"
        target = {
            "overview": "#results-overview-scroll",
            "trips": "#results-trips",
            "companies": "#results-companies",
            "trend": "#results-trend-scroll",
            "targets": "#results-targets-scroll",
            "evaluation": "#results-evaluation-scroll",
        }[name]
        self.query_one(target).focus()

    def action_toggle_small(self) -> None:
        self.suppress_small = not self.suppress_small

    def action_refresh(self) -> None:
        self.reload()

    def action_back(self) -> None:
        if self.trip_id is not None:
            self.trip_id = None
            return
        self.app.switch_mode("home")

    def palette_commands(self) -> list[tuple[str, str, Any]]:
        return [
            (t("results.key.small"), "s", self.action_toggle_small),
            (t("results.export_title"), "Ctrl+O", self.action_export),
        ]

    # --- the figures as a file ----------

    def action_export(self) -> None:
        from screens.dialogs.export_dialog import ExportDialog

        selection = self.selection()

        def chosen(suffix: str | None) -> None:
            if suffix is not None:
                self._export(selection, suffix, for_browser=in_browser(self.app))

        dialog = ExportDialog("results.export_title", "results.export_choose")
        self.app.push_screen(dialog, chosen)

    @work(thread=True, group="results-export")
    def _export(self, selection: Selection, suffix: str, *, for_browser: bool) -> None:
        from rfk_trips.documents.downloads import download_of
        from rfk_trips.exchange.figure_files import save_figures

        engine, today = self.context.database().engine, self.context.today()
        try:
            if for_browser:
                download = download_of(
                    lambda folder: save_figures(
                        engine, selection, suffix, today=today, folder=folder
                    )[0]
                )
                self.post_message(self.Exported(download=download))
                return
            path, rows = save_figures(engine, selection, suffix, today=today)
        except UserError as exc:
            self.post_message(self.Failed(exc.message))
            return
        self.post_message(self.Exported(t("register.export_saved", count=number(rows), path=path)))

    def on_results_screen_exported(self, message: Exported) -> None:
        if message.download is not None:
            offer_download(self.app, message.download)
        else:
            self.notify(message.text, timeout=12, markup=False)  # a path may hold "["
