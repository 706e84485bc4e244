"""The trip editor's findings tab: what the rules say of the trip; a warning can be accepted."""

from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.rules.vocabularies import TripStatus
from rfk_trips.trips.trip_editing import CheckedFinding, EditorState
from screens.dialogs.trip_dialogs import ReasonDialog
from screens.trips.trip_editor.host import Columns, EditorTab, add_columns
from screens.widgets.list_table import ListTable
from screens.widgets.live import same_place

COLUMNS: Columns = (
    ("editor.col.severity", 14),
    ("editor.col.message", None),
    ("editor.col.reason", 30),
)


class FindingsTab(EditorTab):
    """Enter on a warning accepts it with a reason; an error can only be put right."""

    TITLE = "editor.tab.findings"
    PANE_ID = "tab-findings"
    FIRST_FIELD = "#findings"

    def compose(self) -> ComposeResult:
        yield Static(t("editor.findings_hint"), classes="hint")
        yield ListTable(id="findings", cursor_type="row")

    def on_mount(self) -> None:
        add_columns(self.query_one("#findings", DataTable), COLUMNS)

    def show_state(self, state: EditorState) -> None:
        table = self.query_one("#findings", DataTable)
        with same_place(table):
            table.clear()
            for index, checked in enumerate(state.findings):
                table.add_row(
                    _severity_text(checked),
                    checked.finding.message,
                    checked.acknowledged_reason or "",
                    key=str(index),
                )

    @on(DataTable.RowSelected, "#findings")
    def _acknowledge(self, event: DataTable.RowSelected) -> None:
        state = self._shell.state
        if state is None:
            return
        checked = state.findings[int(str(event.row_key.value))]
        if checked.finding.is_error:
            self.notify(t("trip.cannot_acknowledge_error"), severity="warning")
            return
        trip_id = self._shell.trip_id

        def done(reason: str | None) -> None:
            if reason is None:
                return
            self._shell.run_change(
                lambda services, _version: services.acknowledge(trip_id, checked.finding, reason)
            )

        self.app.push_screen(
            ReasonDialog(checked.finding.message, checked.acknowledged_reason or ""), done
        )


def findings_summary(state: EditorState) -> tuple[str, str]:
    """The line under the tabs: the errors and open warnings in a sentence, and its class."""
    errors = [f for f in state.findings if f.finding.is_error]
    if errors:
        text = t(
            "editor.summary_errors",
            errors=len(errors),
            warnings=state.open_warning_count,
            first=errors[0].finding.message,
        )
        return text, "has-errors"
    if state.open_warning_count:
        return t("editor.summary_warnings", warnings=state.open_warning_count), "has-warnings"
    if state.detail.status not in (TripStatus.DRAFT, TripStatus.PLANNED):
        # Confirmed (or done): F9 has nothing left to confirm.
        status = label(state.detail.status).lower()
        return t("editor.summary_ok_done", status=status), "all-ok"
    return t("editor.summary_ok"), "all-ok"


def _severity_text(checked: CheckedFinding) -> str:
    if checked.finding.is_error:
        return "✗ " + t("severity.error")
    if checked.acknowledged_reason is not None:
        return "✓ " + t("editor.accepted")
    return "⚠ " + t("severity.warning")
