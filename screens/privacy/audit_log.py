"""Revisionslog: the newest lines of the audit log, for one citizen or all, read-outs or all.

The lines are read in a worker, as every screen reads; at most SHOWN_MAX are shown (the
command `rfk-trips audit --limit N` reaches the rest), newest first. The hash chain is checked
once, when the screen opens, in a worker of its own; a break shows as one warning line.
"""

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Checkbox, DataTable, Input, Static
from textual.worker import get_current_worker

from rfk_trips.app.context import AppContext
from rfk_trips.i18n.catalogue import t
from rfk_trips.privacy.audit_log import audit_chain_report, audit_lines
from rfk_trips.privacy.audit_text import COLUMNS, cells, chain_warning
from screens.widgets.bindings import translate_bindings
from screens.widgets.footer import KeyFooter
from screens.widgets.list_table import ListTable
from screens.widgets.mode_screen import ModeScreen
from screens.widgets.text_input import TextInput
from screens.widgets.title_bar import TitleBar

SHOWN_MAX = 500


class AuditLogScreen(ModeScreen):
    CSS_PATH = "audit_log.tcss"
    BINDINGS = [
        Binding("ctrl+o", "toggle_read_outs", "audit.key.read_outs", id="audit-read-outs"),
        Binding("ctrl+r", "refresh", "app.refresh", id="audit-refresh"),
        Binding("escape", "back", "register.back", id="audit-back"),
    ]

    @dataclass
    class Loaded(Message):
        rows: list[tuple[str, tuple[str, ...]]]
        capped: bool

    @dataclass
    class ChainChecked(Message):
        warning: str | None

    def __init__(self, context: AppContext) -> None:
        super().__init__(id="screen-audit")
        translate_bindings(self)
        self.context = context
        self.citizen_id: int | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(t("audit.screen_title"), classes="screen-title")
        with Horizontal(classes="filter-bar", id="audit-filters"):
            yield TextInput(placeholder=t("audit.field.citizen"), id="audit-citizen", max_length=9)
            yield Checkbox(t("audit.field.read_outs"), id="audit-read-outs-only")
        yield Static(t("audit.loading"), id="audit-status")
        yield Static("", id="audit-chain", markup=False)
        yield ListTable(id="audit-lines", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("nav.audit")
        table = self.query_one("#audit-lines", DataTable)
        for key, label_key, width in COLUMNS:
            table.add_column(t(label_key), key=key, width=width)
        table.focus()
        self.reload()
        self._check_chain()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.query_one("#audit-status", Static).update(t("audit.loading"))
        read_outs = self.query_one("#audit-read-outs-only", Checkbox).value
        self._load(self.citizen_id, read_outs)

    @work(thread=True, exclusive=True, group="audit-load")
    def _load(self, citizen_id: int | None, read_outs: bool) -> None:
        worker = get_current_worker()
        lines = audit_lines(
            self.context.database().engine,
            citizen_id=citizen_id,
            read_outs_only=read_outs,
            limit=SHOWN_MAX + 1,
        )
        rows: list[tuple[str, tuple[str, ...]]] = [
            (str(line.id), cells(line)) for line in lines[:SHOWN_MAX]
        ]
        if not worker.is_cancelled:
            self.post_message(self.Loaded(rows, len(lines) > SHOWN_MAX))

    @work(thread=True, exclusive=True, group="audit-chain")
    def _check_chain(self) -> None:
        worker = get_current_worker()
        warning = chain_warning(audit_chain_report(self.context.database().engine))
        if not worker.is_cancelled:
            self.post_message(self.ChainChecked(warning))

    def on_audit_log_screen_chain_checked(self, message: ChainChecked) -> None:
        line = self.query_one("#audit-chain", Static)
        line.update(message.warning or "")
        line.set_class(message.warning is not None, "broken")

    def on_audit_log_screen_loaded(self, message: Loaded) -> None:
        table = self.query_one("#audit-lines", DataTable)
        table.clear()
        for key, row in message.rows:
            table.add_row(*row, key=key)
        status = self.query_one("#audit-status", Static)
        status.remove_class("error")
        if message.capped:
            status.update(t("audit.shown_capped", count=len(message.rows)))
        elif message.rows:
            status.update(t("audit.shown", count=len(message.rows)))
        elif self.citizen_id is not None:
            status.update(t("audit.none_for_citizen", id=self.citizen_id))
        else:
            status.update(t("audit.none"))

    @on(Input.Submitted, "#audit-citizen")
    def _citizen_chosen(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if text and not text.isdigit():
            status = self.query_one("#audit-status", Static)
            status.update(t("audit.bad_citizen"))
            status.add_class("error")
            return
        self.citizen_id = int(text) if text else None
        self.reload()

    @on(Checkbox.Changed, "#audit-read-outs-only")
    def _read_outs_changed(self) -> None:
        self.reload()

    def action_toggle_read_outs(self) -> None:
        box = self.query_one("#audit-read-outs-only", Checkbox)
        box.value = not box.value

    def action_refresh(self) -> None:
        self.reload()

    def action_back(self) -> None:
        self.app.switch_mode("home")
