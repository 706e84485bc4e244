"""What a tab of the trip editor may ask of the shell screen that holds it.

The shell keeps the trip: its id, the state last read (with its version), the one runner
of changes and the reload after each. A tab draws its part of that state and hands its
changes to the shell as an `Action`; it never reads the database itself but through the
services the shell gives it, in a worker thread.
"""

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar, Protocol

from textual.widgets import DataTable, TabPane

from rfk_trips.app.trip_editor_services import TripEditorServices
from rfk_trips.i18n.catalogue import t
from rfk_trips.trips.trip_editing import EditorState

# One change to the trip, given the services and the version the editor last read.
Action = Callable[[TripEditorServices, int], object]

# A table's columns: the catalogue key of each heading and its width (None: the rest).
Columns = tuple[tuple[str, int | None], ...]


class EditorShell(Protocol):
    """The trip editor as its tabs see it."""

    @property
    def trip_id(self) -> int: ...

    @property
    def state(self) -> EditorState | None:
        """The trip as last read; None before the first read and after `forget_state`."""

    def services(self) -> TripEditorServices:
        """The editor's services. Call it in a worker: it may open the database."""

    def today(self) -> date: ...

    def run_change(self, action: Action | None, done: str | None = None) -> object:
        """Carry out `action` (in a worker), then read the trip and its findings again.

        `done` is said to the user when the change went through.
        """

    def save_details(self, values: dict[str, str], version: int) -> object:
        """Save the details form, based on `version`, then read the trip again."""

    def forget_state(self) -> None:
        """Show the next state read as the first: the details form filled anew."""


class EditorTab(TabPane):
    """One tab of the trip editor, composed by itself and talking to the shell."""

    TITLE: ClassVar[str]  # the catalogue key of the tab's title
    PANE_ID: ClassVar[str]
    # Where F8 and the command palette put the keyboard when they bring the tab forward.
    FIRST_FIELD: ClassVar[str]

    def __init__(self, shell: EditorShell) -> None:
        super().__init__(t(self.TITLE), id=self.PANE_ID)
        self._shell = shell


def add_columns(table: DataTable[Any], columns: Columns) -> None:
    for number, (label_key, width) in enumerate(columns):
        table.add_column(t(label_key), key=str(number), width=width)


def selected_key(table: DataTable[Any]) -> str | None:
    """The key of the row under the cursor, None in an empty table."""
    if table.row_count == 0:
        return None
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
