"""ListTable draws exactly what DataTable draws, only faster (screens/widgets/list_table.py)."""

import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.coordinate import Coordinate
from textual.renderables.styled import Styled
from textual.widgets import DataTable

from screens.widgets import list_table
from screens.widgets.list_table import ListTable, plain_cell_line

# Danish letters, wide characters (East Asian, emoji), combining marks, spaces at the ends.
PIECES = [*"abc ÆØÅæøå-–.,/()0123456789", "中", "😀", "e\u0301", "  "]
CELL_TEXT = st.lists(
    st.sampled_from(PIECES),
    max_size=30,
).map("".join)
STYLES = st.sampled_from([Style.null(), Style(bold=True), Style(color="red", italic=True)])


def stock_line(
    console: Console, cell: Text, width: int, padding: int, pre: Style, post: Style
) -> list[Segment]:
    options = console.options.update_dimensions(width, 1).update(no_wrap=True)
    lines = console.render_lines(
        Styled(Padding(cell, (0, padding)), pre_style=pre, post_style=post), options
    )
    assert len(lines) == 1
    return lines[0]


def simplified(line: list[Segment]) -> list[tuple[str, Style | None]]:
    """What a line draws: runs of text and their style (an empty segment draws nothing)."""
    # ... and no style draws as the null style.
    drawn = [Segment(seg.text, seg.style or Style.null()) for seg in line if seg.text]
    return [(segment.text, segment.style) for segment in Segment.simplify(drawn)]


@settings(max_examples=400, deadline=None)
@given(
    text=CELL_TEXT,
    span_style=STYLES,
    cell_style=STYLES,
    overflow=st.sampled_from([None, "fold", "crop", "ellipsis"]),
    width=st.integers(min_value=3, max_value=30),
    padding=st.integers(min_value=0, max_value=1),
    pre=STYLES,
    post=STYLES,
)
def test_a_plain_cell_is_drawn_as_rich_draws_it(
    text: str,
    span_style: Style,
    cell_style: Style,
    overflow: Any,
    width: int,
    padding: int,
    pre: Style,
    post: Style,
) -> None:
    console = Console(width=80, color_system="truecolor")
    cell = Text(text, style=cell_style, overflow=overflow)
    if text:
        cell.stylize(span_style, 0, max(1, len(text) // 2))
    fast = plain_cell_line(console, cell, width, padding, "fold", pre, post)
    assert fast is not None
    assert simplified(fast) == simplified(stock_line(console, cell, width, padding, pre, post))
    assert Segment.get_line_length(fast) == width


def test_cells_rich_must_lay_out_are_left_to_rich() -> None:
    console = Console(width=80)
    for cell in (
        Text("to\nlinjer"),
        Text("a\tb"),
        Text("højre", justify="right"),
        Text("ombrydes", no_wrap=False),
    ):
        assert plain_cell_line(console, cell, 10, 1, "fold", Style(), Style()) is None
    assert plain_cell_line(console, Text("x"), 2, 1, "fold", Style(), Style()) is None


class TwoTables(App[None]):
    CSS = "DataTable { height: 8; }"
    AUTO_FOCUS = None

    def compose(self) -> ComposeResult:
        yield DataTable(id="stock", cursor_type="row", zebra_stripes=True)
        yield ListTable(id="fast", cursor_type="row", zebra_stripes=True)


def random_rows(rng: random.Random) -> list[tuple[str, ...]]:
    return [
        tuple("".join(rng.choices(PIECES, k=rng.randint(0, 20))) for _ in range(3))
        for _ in range(rng.randint(0, 12))
    ]


async def drawn(pilot: Any, table: DataTable[Any]) -> list[list[tuple[str, Style | None]]]:
    await pilot.pause()
    return [simplified(list(table.render_line(y))) for y in range(table.size.height)]


@pytest.mark.asyncio
async def test_a_whole_table_is_drawn_as_datatable_draws_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Header, zebra rows, the cursor, scrolling and focus, over many fillings."""
    fast_cells = 0

    def counted(*args: Any) -> list[Segment] | None:
        nonlocal fast_cells
        line = plain_cell_line(*args)
        fast_cells += line is not None
        return line

    monkeypatch.setattr(list_table, "plain_cell_line", counted)
    rng = random.Random(2026)
    app = TwoTables()
    async with app.run_test(size=(80, 20)) as pilot:
        stock, fast = app.query_one("#stock", DataTable), app.query_one("#fast", DataTable)
        for table in (stock, fast):
            for key, label, width in (("a", "Navn", 12), ("b", "By", 8), ("c", "Skånehensyn", 10)):
                table.add_column(label, key=key, width=width)
        for _ in range(25):
            rows = random_rows(rng)
            cursor, hover = rng.randint(0, 11), rng.randint(-1, len(rows))
            show_hover = rng.random() < 0.5  # as after the mouse has moved over the table
            for table in (stock, fast):
                table.clear()
                for number, row in enumerate(rows):
                    table.add_row(*(Text(cell) for cell in row), key=str(number))
                if rows:
                    table.move_cursor(row=min(cursor, len(rows) - 1))
                    table.hover_coordinate = Coordinate(hover, 0)
                table._show_hover_cursor = show_hover
            assert fast.virtual_size == stock.virtual_size
            assert await drawn(pilot, fast) == await drawn(pilot, stock)
            stock.focus()
            focused_stock = await drawn(pilot, stock)
            fast.focus()
            assert await drawn(pilot, fast) == focused_stock
            app.set_focus(None)
    assert fast_cells > 500  # the comparison was of the fast path, not of Rich with itself


@pytest.mark.asyncio
async def test_brackets_in_what_people_typed_are_shown_as_typed() -> None:
    app = TwoTables()
    async with app.run_test(size=(80, 20)) as pilot:
        table = app.query_one("#fast", ListTable)
        table.add_column("Navn", key="name", width=30)
        table.add_row("[b]Anne[/b] [red]Ø", key="1")
        table.add_row("Bo", key="2")
        table.update_cell("2", "name", "Bo [i]Holm")
        await pilot.pause()
        drawn = [table.render_line(y).text for y in range(3)]
        assert "[b]Anne[/b] [red]Ø" in drawn[1]
        assert "Bo [i]Holm" in drawn[2]


def _cache_rings_left_for_gc(keys_of: type) -> int:
    """Garbage entries of Textual's LRUCache ([prev, next, key, value]) keyed by `keys_of`."""
    import gc

    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        return sum(
            1
            for item in gc.garbage
            if isinstance(item, list)
            and len(item) == 4
            and isinstance(item[2], tuple)
            and any(isinstance(part, keys_of) for part in item[2])
        )
    finally:
        gc.set_debug(0)
        gc.garbage.clear()


@pytest.mark.asyncio
@pytest.mark.parametrize("table_id", ["stock", "fast"])
async def test_refilling_leaves_no_drawn_cells_to_the_garbage_collector(table_id: str) -> None:
    """A refill frees the drawn cells at once, not in a long full collection later."""
    import gc

    from textual.widgets._data_table import RowKey

    app = TwoTables()
    async with app.run_test(size=(80, 20)) as pilot:
        table = app.query_one(f"#{table_id}", DataTable)
        table.add_column("Navn", key="name", width=20)
        gc.collect()
        gc.disable()
        try:
            for filling in range(4):
                table.clear()
                for number in range(8):
                    table.add_row(f"Borger {filling}-{number}", key=str(number))
                await drawn(pilot, table)
            left = _cache_rings_left_for_gc(RowKey)
        finally:
            gc.enable()
    if table_id == "stock":
        assert left > 0  # DataTable's own clear leaves them: the test can tell
    else:
        assert left == 0


class TwoFills(App[None]):
    CSS = "DataTable { height: 8; }"
    AUTO_FOCUS = None

    def compose(self) -> ComposeResult:
        yield ListTable(id="row-by-row", cursor_type="row", zebra_stripes=True)
        yield ListTable(id="filled", cursor_type="row", zebra_stripes=True)


@pytest.mark.asyncio
async def test_fill_leaves_the_table_as_clear_and_add_row_do() -> None:
    """Rows, cells, cursor, size and drawing, over many refills of different lengths."""
    rng = random.Random(7)
    app = TwoFills()
    async with app.run_test(size=(80, 20)) as pilot:
        one = app.query_one("#row-by-row", ListTable)
        other = app.query_one("#filled", ListTable)
        for table in (one, other):
            for key, label, width in (("a", "Navn", 12), ("b", "By", 8), ("c", "Note", 10)):
                table.add_column(label, key=key, width=width)
        for _ in range(30):
            rows = random_rows(rng)
            cursor = rng.randint(0, 11)
            one.clear()
            for number, row in enumerate(rows):
                one.add_row(*row, key=str(number))
            other.fill((str(number), row) for number, row in enumerate(rows))
            for table in (one, other):
                if rows:
                    table.move_cursor(row=min(cursor, len(rows) - 1))
            assert list(other.rows) == list(one.rows)
            assert [other.get_row_at(i) for i in range(other.row_count)] == [
                one.get_row_at(i) for i in range(one.row_count)
            ]
            assert other.cursor_coordinate == one.cursor_coordinate
            assert other.virtual_size == one.virtual_size
            assert await drawn(pilot, other) == await drawn(pilot, one)


@pytest.mark.asyncio
async def test_fill_refuses_a_key_twice_and_more_cells_than_columns() -> None:
    from textual.widgets._data_table import DuplicateKey

    app = TwoFills()
    async with app.run_test(size=(80, 20)):
        table = app.query_one("#filled", ListTable)
        table.add_column("Navn", key="a", width=10)
        with pytest.raises(DuplicateKey):
            table.fill([("1", ("x",)), ("1", ("y",))])
        with pytest.raises(ValueError, match="More values"):
            table.fill([("1", ("x", "y"))])
