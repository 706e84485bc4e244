"""A register list (companies, citizens, staff): search-as-you-type, filters, form, archive.

One screen class serves every register; what differs is described by a `RegisterSpec`.
Filtering, sorting and paging happen in SQL in a worker, so typing never waits.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Input, Static
from textual.worker import get_current_worker

from rfk_trips.app.context import AppContext
from rfk_trips.app.services import RegisterServices
from rfk_trips.i18n.catalogue import number, t
from rfk_trips.registers.paging import COUNT_AT_MOST, PAGE_SIZE, last_page_total
from rfk_trips.registers.record_forms import FormField
from rfk_trips.rules.errors import UserError
from screens.dialogs.confirm import ConfirmModal
from screens.dialogs.record_form import RecordFormScreen
from screens.widgets.bindings import translate_bindings
from screens.widgets.file_delivery import in_browser, offer_download
from screens.widgets.filter_choice import Choice, FilterChoice
from screens.widgets.footer import KeyFooter
from screens.widgets.list_table import ListTable
from screens.widgets.live import DataChanged, same_place
from screens.widgets.mode_screen import ModeScreen
from screens.widgets.search_box import SearchBox
from screens.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from rfk_trips.documents.downloads import Download


@dataclass(frozen=True)
class Column:
    key: str
    label_key: str
    width: int | None = None


@dataclass(frozen=True)
class FilterSpec:
    key: str
    label_key: str
    # (label, value) pairs, read from the database in a worker when the user opens the filter.
    options: Callable[[RegisterServices], list[tuple[str, Any]]]


@dataclass(frozen=True)
class ListQuery:
    """What a register list shows: the search, the filters, archived or not, and the page."""

    text: str
    filters: tuple[tuple[str, Any], ...]
    archived: bool
    offset: int = 0

    @property
    def filter(self) -> tuple[str, dict[str, Any], bool]:
        """The part that decides which records match (and so the total), not the page."""
        return self.text, dict(self.filters), self.archived


@dataclass(frozen=True)
class RegisterSpec:
    mode: str
    title_key: str
    columns: tuple[Column, ...]
    filters: tuple[FilterSpec, ...]
    # One page of rows, and how many records match: the count scans the register, so the
    # screen shows the rows first and the total when it comes.
    rows: Callable[[RegisterServices, ListQuery, date], list[Any]]
    count: Callable[[RegisterServices, ListQuery, date], int]
    cells: Callable[[Any], tuple[str, ...]]
    form_fields: tuple[FormField, ...]
    new_title_key: str
    edit_title_key: str
    load_form: Callable[[RegisterServices, int], dict[str, str]]
    save: Callable[[RegisterServices, int | None, dict[str, str], date], int]
    form_choices: Callable[[RegisterServices], dict[str, list[str]]]
    set_archived: Callable[[RegisterServices, int, bool], None]
    name_of: Callable[[Any], str]
    # Lines shown under the form of an existing record (a company's visits).
    history: Callable[[RegisterServices, int], list[str]] | None = None
    # What the search box says it searches: the fields in the register's search text.
    search_placeholder_key: str = "register.search_placeholder"
    blank: Callable[[], dict[str, str]] = field(default=dict)


class RegisterScreen(ModeScreen):
    WAITS_FOR_DATA = True
    BINDINGS = [
        Binding("ctrl+n", "new", "register.new", id="register-new"),
        Binding("ctrl+o", "export", "register.export", id="register-export"),
        Binding("enter", "edit", "register.edit", id="register-edit", show=True),
        Binding("delete", "archive", "register.archive", id="register-archive"),
        Binding("slash", "focus_search", "register.search", id="register-search"),
        Binding("right_square_bracket", "page(1)", "register.next_page", id="register-next"),
        Binding("left_square_bracket", "page(-1)", "register.previous_page", id="register-prev"),
        Binding("escape", "back", "register.back", id="register-back"),
    ]

    @dataclass
    class Loaded(Message):
        rows: list[Any]
        query: ListQuery

    @dataclass
    class Counted(Message):
        total: int
        query: ListQuery

    @dataclass
    class Failed(Message):
        text: str

    @dataclass
    class Exported(Message):
        """The register is saved as a file (in a terminal), or ready to download."""

        text: str = ""
        download: "Download | None" = None

    @dataclass
    class FormReady(Message):
        record_id: int | None
        values: dict[str, str]
        choices: dict[str, list[str]]
        history: list[str]

    def __init__(self, context: AppContext, spec: RegisterSpec) -> None:
        super().__init__(id=f"screen-{spec.mode}")
        translate_bindings(self)
        self.context = context
        self.spec = spec
        self.page_offset = 0
        self.shown = 0  # rows on the current page
        self.total: int | None = None  # None while the count for the current filter runs
        self.rows: dict[str, Any] = {}
        self._last_query: ListQuery | None = None
        self._counted: ListQuery | None = None
        self._loading = False  # a load of _last_query is on its way
        self._shown_query: ListQuery | None = None  # the query of the rows in the table

    # --- layout ----------

    def compose(self) -> ComposeResult:
        # The first page is read while Textual builds, styles and lays out the screen: the
        # search and filters start out empty, so their query is known before they exist.
        self._request(ListQuery("", tuple(sorted(self._no_filters().items())), False))
        yield TitleBar()
        yield Static(t(self.spec.title_key), classes="screen-title")
        yield SearchBox(placeholder=t(self.spec.search_placeholder_key), id="search")
        with Horizontal(classes="filter-bar"):
            for flt in self.spec.filters:
                yield FilterChoice(
                    t(flt.label_key), loader=self._choices_of(flt), id=f"filter-{flt.key}"
                )
            yield FilterChoice(
                t("filter.shown"),
                choices=[(t("register.active"), False), (t("register.archived"), True)],
                value=False,
                allow_blank=False,
                id="filter-archived",
            )
        # It also shows a refusal, which may quote a path or a name: text, never markup.
        yield Static(t("app.loading"), id="summary", markup=False)
        table = ListTable(id="table", cursor_type="row", zebra_stripes=True)
        # Columns known before the first layout: added on mount, they cost a second one.
        for column in self.spec.columns:
            table.add_column(t(column.label_key), key=column.key, width=column.width)
        yield table
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload(force=False)  # the same query as compose's, unless a filter was preset

    def _choices_of(self, flt: FilterSpec) -> Callable[[], list[Choice]]:
        # Read when the user opens the filter (in its worker): always what is there now,
        # also what a colleague added, and nothing read for a filter nobody opens.
        return lambda: flt.options(self.context.registers())

    # --- loading ----------

    def _no_filters(self) -> dict[str, Any]:
        return {flt.key: None for flt in self.spec.filters}

    def filter_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for flt in self.spec.filters:
            values[flt.key] = self.query_one(f"#filter-{flt.key}", FilterChoice).value
        return values

    def on_screen_resume(self) -> None:
        # Shown again (or a dialog closed over it): a colleague, the CLI or another screen
        # may have changed the register meanwhile, and a screen built ahead at start-up may
        # predate the demo data. The rows shown stay until the new ones differ.
        if not self._loading:
            self.reload(self.page_offset, keep_total=True)

    def reload(self, offset: int = 0, *, force: bool = True, keep_total: bool = False) -> None:
        query = ListQuery(
            self.query_one("#search", Input).value,
            tuple(sorted(self.filter_values().items())),
            bool(self.query_one("#filter-archived", FilterChoice).value),
            offset,
        )
        if not force and query == self._last_query:
            return  # nothing that decides the rows changed: those shown are still right
        self._request(query, force=force, keep_total=keep_total)

    def _request(self, query: ListQuery, *, force: bool = True, keep_total: bool = False) -> None:
        self._last_query = query
        # Turning a page does not change the total; anything else, or a save, may.
        recount = force or self._counted is None or self._counted.filter != query.filter
        if recount and not keep_total:
            self.total = None
        self._loading = True
        self._load(query, recount)

    @work(thread=True, exclusive=True, group="register-load")
    def _load(self, query: ListQuery, recount: bool) -> None:
        worker = get_current_worker()
        try:
            services = self.context.registers()
            today = self.context.today()
            rows = self.spec.rows(services, query, today)
            if worker.is_cancelled:
                return  # a newer keystroke has its own load running
            self.post_message(self.Loaded(rows, query))
            if not recount or worker.is_cancelled:
                return
            total = last_page_total(query.offset, len(rows))
            if total is None:
                total = self.spec.count(services, query, today)
            self.post_message(self.Counted(total, query))
        except UserError as exc:
            self.post_message(self.Failed(exc.message))

    def on_register_screen_loaded(self, message: Loaded) -> None:
        if message.query != self._last_query:
            return  # typed past: a newer load is on its way
        self._loading = False
        same_query, self._shown_query = message.query == self._shown_query, message.query
        self.page_offset, self.shown = message.query.offset, len(message.rows)
        table = self.query_one("#table", ListTable)
        if same_query and message.rows == list(self.rows.values()):
            # The same page read again (shown again) and unchanged: refilling would only
            # draw every row anew.
            self._show_summary()
            self.data_shown()
            return
        selected = self._selected_key()
        self.rows = {str(row.id): row for row in message.rows}
        cells = ((key, self.spec.cells(row)) for key, row in self.rows.items())
        if same_query:
            # The same page changed under the user (a colleague's save): nothing moves.
            with same_place(table):
                table.fill(cells)
        else:
            table.fill(cells)
            if selected in self.rows:
                table.move_cursor(row=table.get_row_index(selected))
        self._show_summary()
        self.data_shown()

    def on_data_changed(self, _message: DataChanged) -> None:
        # The page shown, read again; the total is shown until the new one is counted.
        self.reload(self.page_offset, keep_total=True)

    def on_register_screen_counted(self, message: Counted) -> None:
        if self._last_query is None or message.query.filter != self._last_query.filter:
            return
        self.total, self._counted = message.total, message.query
        self._show_summary()

    def _show_summary(self) -> None:
        first, last = (
            (self.page_offset + 1, self.page_offset + self.shown) if self.shown else (0, 0)
        )
        # One line of fixed size (app.tcss): a new text needs no new layout of the screen.
        shown = {"first": number(first), "last": number(last)}
        if self.total is None:
            text = t("register.summary_counting", **shown)
        elif self.total > COUNT_AT_MOST:
            text = t("register.summary_many", **shown, at_most=number(COUNT_AT_MOST))
        else:
            text = t("register.summary", **shown, total=number(self.total))
        self.query_one("#summary", Static).update(text, layout=False)

    def on_register_screen_failed(self, message: Failed) -> None:
        self._loading = False
        self.query_one("#summary", Static).update(message.text)
        self.data_shown()

    @on(Input.Changed, "#search")
    def search_changed(self) -> None:
        self.reload(force=False)

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        self.query_one("#table", DataTable).focus()

    @on(FilterChoice.Changed)
    def filter_changed(self) -> None:
        self.reload(force=False)

    # --- actions ----------

    def _selected_key(self) -> str | None:
        table = self.query_one("#table", DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def selected_row(self) -> Any:
        key = self._selected_key()
        return self.rows.get(key) if key is not None else None

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus and search.value:
            search.value = ""
            return
        self.app.switch_mode("home")

    def action_page(self, step: int) -> None:
        offset = self.page_offset + step * PAGE_SIZE
        # Before the count is in, or past where counting stops, a full page may have a next.
        end = self.page_offset + self.shown + 1
        if self.total is not None and self.total <= COUNT_AT_MOST:
            end = self.total
        if 0 <= offset < max(end, 1):
            self.reload(offset, force=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "archive"):
            return self.selected_row() is not None
        return True

    @on(DataTable.RowSelected, "#table")
    def row_chosen(self) -> None:
        self.action_edit()

    def action_new(self) -> None:
        self._open_form(None)

    def action_edit(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._open_form(row.id)

    @work(thread=True, exclusive=True, group="register-form")
    def _open_form(self, record_id: int | None) -> None:
        try:
            services = self.context.registers()
            values = (
                self.spec.blank() if record_id is None else self.spec.load_form(services, record_id)
            )
            choices = self.spec.form_choices(services)
            history = (
                self.spec.history(services, record_id)
                if self.spec.history is not None and record_id is not None
                else []
            )
        except UserError as exc:
            self.post_message(self.Failed(exc.message))
            return
        self.post_message(self.FormReady(record_id, values, choices, history))

    def on_register_screen_form_ready(self, message: FormReady) -> None:
        record_id = message.record_id
        title = t(self.spec.new_title_key if record_id is None else self.spec.edit_title_key)
        extra: Widget | None = None
        if record_id is not None and self.spec.history is not None:
            lines = message.history or [t("register.no_history")]
            # The trips' titles, as typed: text, never markup.
            extra = Static(
                "\n".join([t("register.history"), *lines]), id="form-history", markup=False
            )

        def save(values: dict[str, str]) -> int:
            return self.spec.save(self.context.registers(), record_id, values, self.context.today())

        def saved(result: int | None) -> None:
            if result is not None:
                self.notify(t("register.saved"))
                self.reload(self.page_offset)

        form = RecordFormScreen(
            title, self.spec.form_fields, message.values, message.choices, save, extra=extra
        )
        self.app.push_screen(form, saved)

    def action_archive(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        archiving = not row.archived
        question = t(
            "register.confirm_archive" if archiving else "register.confirm_unarchive",
            name=self.spec.name_of(row),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._set_archived(row.id, archiving)

        self.app.push_screen(ConfirmModal(question), answered)

    def palette_commands(self) -> list[tuple[str, str, Any]]:
        return [
            (t(self.spec.new_title_key), "Ctrl+N", self.action_new),
            (t("register.search"), "/", self.action_focus_search),
            (t("register.export_title"), "Ctrl+O", self.action_export),
        ]

    # --- the register as a file ----------

    def action_export(self) -> None:
        from screens.dialogs.export_dialog import ExportDialog

        def chosen(suffix: str | None) -> None:
            if suffix is not None:
                self._export(suffix, for_browser=in_browser(self.app))

        self.app.push_screen(ExportDialog(), chosen)

    @work(thread=True, group="register-export")
    def _export(self, suffix: str, *, for_browser: bool) -> None:
        services, today, mode = self.context.registers(), self.context.today(), self.spec.mode
        try:
            if for_browser:
                download = services.register_download(mode, suffix, today=today)
                self.post_message(self.Exported(download=download))
                return
            path, rows = services.save_register(mode, suffix, today=today)
        except UserError as exc:
            self.post_message(self.Failed(exc.message))
            return
        self.post_message(self.Exported(t("register.export_saved", count=number(rows), path=path)))

    def on_register_screen_exported(self, message: Exported) -> None:
        if message.download is not None:
            offer_download(self.app, message.download)
        else:
            self.notify(message.text, timeout=12, markup=False)  # a path may hold "["

    @work(thread=True, group="register-archive")
    def _set_archived(self, record_id: int, archived: bool) -> None:
        try:
            self.spec.set_archived(self.context.registers(), record_id, archived)
        except UserError as exc:
            self.post_message(self.Failed(exc.message))
            return
        self.app.call_from_thread(self.reload, self.page_offset)
