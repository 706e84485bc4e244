"""Live lists: what a screen does when a colleague (or the CLI, or this app) changes the data.

The app looks at the database's last-change stamp every second (`AppContext.watch_changes`)
and, when it has moved, posts `DataChanged` to the screen in front and to those under a
dialog in front. A screen that shows data reads it again in a worker and redraws only what
differs, with the cursor on the same record and that record where it was on the screen
(`same_place`); what the user is typing, in a search box or a dialog, is never touched.
A screen behind another reads its data again when it is shown (on resume), as before.
"""

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any

from textual.message import Message
from textual.widgets import DataTable


class DataChanged(Message, bubble=False):
    """The database has changed since the app last looked.

    Posted to each screen it concerns, and not bubbling up from there to the app.
    """


def _cursor_key(table: DataTable[Any]) -> str | None:
    if table.row_count == 0:
        return None
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


@contextmanager
def same_place(table: DataTable[Any]) -> Iterator[None]:
    """Refill `table` inside: the cursor stays on the row of the same key, at the same height.

    A refill (`clear`) puts the cursor on the first row and scrolls to the top; a list read
    again because a colleague added a row above would jump under the user's eyes. The row
    under the cursor is found again by its key (a record's id), or, gone, the cursor stays
    on the same line; the list scrolls by as many rows as that row moved, so it stays where
    the user saw it.
    """
    key, row, scroll_y = _cursor_key(table), table.cursor_row, table.scroll_y
    yield
    if table.row_count == 0:
        return
    if key is not None and key in table.rows:
        new_row = table.get_row_index(key)
    else:
        new_row = min(row, table.row_count - 1)
    table.move_cursor(row=new_row, scroll=False)
    # The old height is still the table's (its new size is worked out when it is idle):
    # a row added at the end may have to wait for the cursor's own scroll into view.
    table.scroll_target_y = table.scroll_y = max(0, scroll_y + new_row - row)


def same_place_if(table: DataTable[Any], same_query: bool) -> AbstractContextManager[None]:
    """`same_place` when the list is the same search read again; a new search starts on top.

    After typing a search the user presses Enter for the best match, the first row: a cursor
    kept on the old line would pick the second (found in tmux, adding the wrong host).
    """
    return same_place(table) if same_query else nullcontext()
