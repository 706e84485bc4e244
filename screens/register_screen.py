"""A register list (companies, citizens, staff): search-as-you-type, filters, form, archive.

One screen class serves every register; what differs is described by a `RegisterSpec`.
Filtering, sorting and paging happen in SQL in a worker, so typing never waits.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rich.text import Text
from sqlalchemy.engine import Engine
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Header, Input, Select, Static
from textual.worker import get_current_worker

from rfk_trips.app_context import AppContext
from rfk_trips.errors import UserError
from rfk_trips.i18n import t
from rfk_trips.paging import PAGE_SIZE, Page
from rfk_trips.record_forms import FormField
from screens.bindings import translate_bindings
from screens.confirm import ConfirmModal
from screens.footer import KeyFooter
from screens.mode_screen import ModeScreen
from screens.record_form import RecordFormScreen


@dataclass(frozen=True)
class Column:
    key: str
    label_key: str
    width: int | None = None


@dataclass(frozen=True)
class FilterSpec:
    key: str
    label_key: str
    # (label, value) pairs, read from the database in a worker when the screen opens.
    options: Callable[[Engine], list[tuple[str, Any]]]


@dataclass(frozen=True)
class RegisterSpec:
    mode: str
    title_key: str
    columns: tuple[Column, ...]
    filters: tuple[FilterSpec, ...]
    # (engine, search text, filter values, archived, today, offset) -> a page of rows
    search: Callable[[Engine, str, dict[str, Any], bool, date, int], Page[Any]]
    cells: Callable[[Any], tuple[str, ...]]
    form_fields: tuple[FormField, ...]
    new_title_key: str
    edit_title_key: str
    load_form: Callable[[Engine, int], dict[str, str]]
    save: Callable[[Engine, int | None, dict[str, str], date], int]
    form_choices: Callable[[Engine], dict[str, list[str]]]
    set_archived: Callable[[Engine, int, bool], None]
    name_of: Callable[[Any], str]
    # Lines shown under the form of an existing record (a company's visits).
    history: Callable[[Engine, int], list[str]] | None = None
    blank: Callable[[], dict[str, str]] = field(default=dict)


class RegisterScreen(ModeScreen):
    BINDINGS = [
        Binding("ctrl+n", "new", "register.new", id="register-new"),
        Binding("enter", "edit", "register.edit", id="register-edit", show=True),
        Binding("delete", "archive", "register.archive", id="register-archive"),
        Binding("slash", "focus_search", "register.search", id="register-search"),
        Binding("right_square_bracket", "page(1)", "register.next_page", id="register-next"),
        Binding("left_square_bracket", "page(-1)", "register.previous_page", id="register-prev"),
        Binding("escape", "back", "register.back", id="register-back"),
    ]

    @dataclass
    class Loaded(Message):
        page: Page[Any]
        offset: int

    @dataclass
    class OptionsLoaded(Message):
        options: dict[str, list[tuple[str, Any]]]

    @dataclass
    class Failed(Message):
        text: str

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
        self.total = 0
        self.rows: dict[str, Any] = {}
        self._last_query: tuple[Any, ...] | None = None
        self._options_loaded = False

    # --- layout ----------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t(self.spec.title_key), classes="screen-title")
        yield Input(placeholder=t("register.search_placeholder"), id="search")
        with Horizontal(classes="filter-bar"):
            for flt in self.spec.filters:
                yield Select[Any]([], prompt=t(flt.label_key), id=f"filter-{flt.key}")
            yield Select(
                [(t("register.active"), False), (t("register.archived"), True)],
                value=False,
                allow_blank=False,
                id="filter-archived",
            )
        yield Static(t("app.loading"), id="summary")
        yield DataTable(id="table", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#table", DataTable)
        for column in self.spec.columns:
            table.add_column(t(column.label_key), key=column.key, width=column.width)
        self.load_options()
        self.reload()

    # --- loading ----------

    def filter_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for flt in self.spec.filters:
            value = self.query_one(f"#filter-{flt.key}", Select).value
            values[flt.key] = None if value is Select.NULL else value
        return values

    def reload(self, offset: int = 0, *, force: bool = True) -> None:
        text = self.query_one("#search", Input).value
        archived = bool(self.query_one("#filter-archived", Select).value)
        query = (text, tuple(sorted(self.filter_values().items())), archived, offset)
        if not force and query == self._last_query:
            return  # e.g. filter options arriving: the rows already shown are still right
        self._last_query = query
        self._load(text, self.filter_values(), archived, offset)

    @work(thread=True, exclusive=True, group="register-load")
    def _load(self, text: str, filters: dict[str, Any], archived: bool, offset: int) -> None:
        worker = get_current_worker()
        try:
            engine = self.context.database().engine
            page = self.spec.search(engine, text, filters, archived, self.context.today(), offset)
        except UserError as exc:
            self.post_message(self.Failed(exc.message))
            return
        if not worker.is_cancelled:
            self.post_message(self.Loaded(page, offset))

    @work(thread=True, group="register-options")
    def load_options(self) -> None:
        try:
            engine = self.context.database().engine
            options = {flt.key: flt.options(engine) for flt in self.spec.filters}
        except UserError as exc:
            self.post_message(self.Failed(exc.message))
            return
        self.post_message(self.OptionsLoaded(options))

    def on_screen_resume(self) -> None:
        # Other screens may have added what the filters offer (cohorts, staff). The first
        # resume comes with the mount, which loads them already.
        if self._options_loaded:
            self.load_options()

    def on_register_screen_options_loaded(self, message: OptionsLoaded) -> None:
        self._options_loaded = True
        for key, options in message.options.items():
            select = self.query_one(f"#filter-{key}", Select)
            chosen = select.value
            if list(select._options[1:] if select._allow_blank else select._options) == options:
                continue
            with select.prevent(Select.Changed):
                select.set_options(options)
                if chosen is not Select.NULL and any(value == chosen for _, value in options):
                    select.value = chosen

    def on_register_screen_loaded(self, message: Loaded) -> None:
        page = message.page
        self.page_offset, self.total = message.offset, page.total
        table = self.query_one("#table", DataTable)
        selected = self._selected_key()
        table.clear()
        self.rows = {}
        for row in page.rows:
            key = str(row.id)
            self.rows[key] = row
            # Text cells skip the markup parsing plain strings get: typing stays quick.
            table.add_row(*(Text(cell) for cell in self.spec.cells(row)), key=key)
        if selected in self.rows:
            table.move_cursor(row=table.get_row_index(selected))
        first, last = (
            (self.page_offset + 1, self.page_offset + len(page.rows)) if page.rows else (0, 0)
        )
        self.query_one("#summary", Static).update(
            t("register.summary", first=first, last=last, total=page.total)
        )

    def on_register_screen_failed(self, message: Failed) -> None:
        self.query_one("#summary", Static).update(message.text)

    @on(Input.Changed, "#search")
    def search_changed(self) -> None:
        self.reload(force=False)

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        self.query_one("#table", DataTable).focus()

    @on(Select.Changed)
    def filter_changed(self, event: Select.Changed) -> None:
        if event.select.id and event.select.id.startswith("filter-"):
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
        if 0 <= offset < max(self.total, 1):
            self.reload(offset)

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
            engine = self.context.database().engine
            values = (
                self.spec.blank() if record_id is None else self.spec.load_form(engine, record_id)
            )
            choices = self.spec.form_choices(engine)
            history = (
                self.spec.history(engine, record_id)
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
            extra = Static("\n".join([t("register.history"), *lines]), id="form-history")

        def save(values: dict[str, str]) -> int:
            engine = self.context.database().engine
            return self.spec.save(engine, record_id, values, self.context.today())

        def saved(result: int | None) -> None:
            if result is not None:
                self.notify(t("register.saved"))
                self.reload(self.page_offset)
                self.load_options()  # a new cohort or caseworker belongs in the filters

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
        ]

    @work(thread=True, group="register-archive")
    def _set_archived(self, record_id: int, archived: bool) -> None:
        try:
            self.spec.set_archived(self.context.database().engine, record_id, archived)
        except UserError as exc:
            self.post_message(self.Failed(exc.message))
            return
        self.app.call_from_thread(self.reload, self.page_offset)
