"""The trip editor's programme tab: the day's items, edited, moved and shifted as a whole."""

from dataclasses import replace
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from rfk_trips.app.trip_editor_services import TripEditorServices
from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.rules.formats import ProgrammeItem
from rfk_trips.rules.vocabularies import ProgrammeKind
from rfk_trips.trips.trip_editing import EditorState, moved_text
from screens.dialogs.trip_dialogs import ProgrammeEdit, ProgrammeItemDialog
from screens.trips.trip_editor.host import Columns, EditorTab, add_columns, selected_key
from screens.widgets.list_table import ListTable
from screens.widgets.live import same_place

COLUMNS: Columns = (
    ("programme.time", 9),
    ("programme.text", None),
    ("programme.kind", 22),
    ("editor.demanding", 16),
)


class ProgrammeTab(EditorTab):
    """Enter edits an item, Ctrl+N adds one, - and + move it, Delete removes it, t shifts all."""

    TITLE = "editor.tab.programme"
    PANE_ID = "tab-programme"
    FIRST_FIELD = "#programme"

    def compose(self) -> ComposeResult:
        yield Static(t("editor.programme_hint"), classes="hint")
        yield ListTable(id="programme", cursor_type="row")

    def on_mount(self) -> None:
        add_columns(self._table(), COLUMNS)

    def _table(self) -> DataTable[Any]:
        return self.query_one("#programme", DataTable)

    def show_state(self, state: EditorState) -> None:
        table = self._table()
        with same_place(table):  # the keys are the lines' places: the cursor keeps its line
            table.clear()
            for index, item in enumerate(state.detail.programme):
                demanding = t("common.yes") if item.demanding else ""
                table.add_row(item.time, item.text, label(item.kind), demanding, key=str(index))

    def _lines(self) -> list[ProgrammeItem]:
        state = self._shell.state
        assert state is not None
        return list(state.detail.programme)

    def _save(self, lines: list[ProgrammeItem]) -> None:
        trip_id = self._shell.trip_id
        self._shell.run_change(
            lambda services, version: services.save_programme(trip_id, version, lines)
        )

    @on(DataTable.RowSelected, "#programme")
    def _edit_item(self, event: DataTable.RowSelected) -> None:
        state = self._shell.state
        if state is None:
            return
        index = int(str(event.row_key.value))
        item = state.detail.programme[index]
        current = ProgrammeEdit(item.time, item.text, item.kind.value)
        self._dialog(current, index)

    def new_item(self) -> None:
        self._dialog(None, None)

    def _dialog(self, current: ProgrammeEdit | None, index: int | None) -> None:
        kinds = [(kind.value, label(kind)) for kind in ProgrammeKind]

        def done(result: ProgrammeEdit | None) -> None:
            if result is None or self._shell.state is None:
                return
            lines = self._lines()
            kept = lines[index].demanding if index is not None else False
            line = ProgrammeItem(result.time, result.text, ProgrammeKind(result.kind), kept)
            if index is None:
                lines.append(line)
                lines.sort(key=lambda item: item.time or "99:99")
            else:
                lines[index] = line
            self._save(lines)

        self.app.push_screen(ProgrammeItemDialog(kinds, current), done)

    def move_selected(self, step: int) -> None:
        key = selected_key(self._table())
        if key is None or self._shell.state is None:
            return
        index = int(key)
        target = index + step
        lines = self._lines()
        if not 0 <= target < len(lines):
            return
        lines[index], lines[target] = lines[target], lines[index]
        self._table().move_cursor(row=target)
        self._save(lines)

    def toggle_demanding(self) -> None:
        """k: mark the item physically demanding (R24), or no longer so."""
        key = selected_key(self._table())
        if key is None or self._shell.state is None:
            return
        lines = self._lines()
        index = int(key)
        lines[index] = replace(lines[index], demanding=not lines[index].demanding)
        self._save(lines)

    def remove_selected(self) -> None:
        key = selected_key(self._table())
        if key is None or self._shell.state is None:
            return
        lines = self._lines()
        del lines[int(key)]
        self._save(lines)

    def shift_to_meeting(self) -> None:
        """Move the whole programme with the meeting time, as one change."""
        trip_id = self._shell.trip_id

        def shift(services: TripEditorServices, version: int) -> None:
            moved = services.move_programme_to_meeting(trip_id, version)
            self.app.call_from_thread(self.notify, moved_text(moved))

        self._shell.run_change(shift)
