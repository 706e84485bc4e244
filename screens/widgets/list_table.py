"""`ListTable`: a DataTable that draws one-line text rows without Rich's layout machinery.

Every list in the app is a DataTable of one-line text cells, mostly in columns of fixed
width. For such a table Textual still measures every cell of every new row (with fixed
widths the result is thrown away), and draws each visible cell through Rich's Padding,
Styled and line splitting, reading a dozen reactive attributes and CSS styles per cell;
after a search keystroke refills the table, that was most of the time the keystroke took.
`ListTable` skips the measuring when no column sizes itself, cuts and pads a plain one-line
`Text` cell itself, and reads the table's settings once per drawing. The segments are the
ones DataTable draws (tests/test_list_table.py compares the two, cell by cell and line by
line); anything else (wrapped or multi-line cells, tabs, right-aligned text, other
renderables, row labels, fixed columns, cell cursors) goes the stock way.

The drawing methods replace private DataTable methods: Textual is pinned to a compatible
release in pyproject.toml, and the comparison tests fail if an upgrade changes them.
Plain strings are also taken as text, not markup: the cells hold what people typed.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import zip_longest
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.console import Console, OverflowMethod, RenderableType
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text, TextType
from textual._types import SegmentLines
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.geometry import Region, Size
from textual.renderables.styled import Styled
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets._data_table import CellCacheKey, ColumnKey, DuplicateKey, Row, RowKey

_PLAIN_JUSTIFY = (None, "default")
_PLAIN_OVERFLOW = ("fold", "crop", "ellipsis")


def _empty_without_cycles(cache: LRUCache[Any, Any]) -> None:
    # Each entry is a list [previous, next, key, value]; emptied, no entry holds another.
    for link in cache._cache.values():
        link.clear()
    cache.clear()


def plain_cell_line(
    console: Console,
    cell: RenderableType,
    width: int,
    padding: int,
    overflow: OverflowMethod,
    pre_style: Style,
    post_style: Style,
) -> list[Segment] | None:
    """One line of a one-line cell, as DataTable draws it, or None to draw it the stock way.

    `width` includes `padding` on both sides; `overflow` is the console's default.
    """
    if isinstance(cell, str):
        cell = Text(cell)
    if (
        not isinstance(cell, Text)
        or cell.justify not in _PLAIN_JUSTIFY
        or cell.no_wrap is False  # it asks to be wrapped even in a one-line row
    ):
        return None
    overflow = cell.overflow or overflow
    plain = cell.plain
    if overflow not in _PLAIN_OVERFLOW or not plain.isprintable():
        return None  # line breaks, tabs and control codes need Rich's own handling
    inner = width - 2 * padding
    if inner < 1:
        return None
    pad_style = pre_style + post_style
    segments = [Segment(" " * padding, pad_style)] if padding else []
    if cell.spans:
        line = cell.copy()
        line.truncate(inner, overflow=overflow)
        # As Text.__rich_console__ does: joining turns the cell's own style into a span.
        line = Text("\n").join([line])
        segments.extend(
            Segment(text, pre_style + style + post_style if style else pad_style)
            for text, style, _ in line.render(console, end="")
            if text
        )
        length = line.cell_len
    else:
        # The same cut as Text.truncate, without building Text objects (most cells).
        if cell_len(plain) > inner:
            plain = (
                set_cell_size(plain, inner - 1) + "…"
                if overflow == "ellipsis"
                else set_cell_size(plain, inner)
            )
        own = console.get_style(cell.style) if cell.style else None
        if plain:
            segments.append(Segment(plain, pre_style + own + post_style if own else pad_style))
        length = cell_len(plain)
    short = inner - length
    if short > 0:
        segments.append(Segment(" " * short, pad_style))
    if padding:
        segments.append(Segment(" " * padding, pad_style))
    return segments


@dataclass(frozen=True)
class _Drawing:
    """What every cell of one drawing of the table reads: reactive attributes and CSS
    lookups are slow enough to matter when read for each of a few hundred cells."""

    fixed_rows: int
    fixed_columns: int
    show_cursor: bool
    show_hover_cursor: bool
    css_foreground: bool
    css_background: bool
    padding: int
    header_height: int
    widths: tuple[int, ...]  # the drawn width of each column, in order
    row_styles: dict[tuple[int, Style], Style] = field(default_factory=dict)


class ListTable(DataTable[RenderableType]):
    """A DataTable for lists of one-line rows (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._meta_styles: dict[tuple[int, int], Style] = {}
        self._overflow: OverflowMethod | None = None
        self._drawing: _Drawing | None = None

    # Cells are names, titles and notes people typed: a bracket in them is text, not markup
    # (DataTable reads a plain string as markup, so "[b]" would vanish or fail to show).
    def add_row(
        self,
        *cells: RenderableType,
        height: int | None = 1,
        key: str | None = None,
        label: TextType | None = None,
    ) -> RowKey:
        return super().add_row(
            *(Text(cell) if isinstance(cell, str) else cell for cell in cells),
            height=height,
            key=key,
            label=label,
        )

    def fill(self, rows: Iterable[tuple[str, Sequence[RenderableType]]]) -> None:
        """Replace every row: as `clear()` and then `add_row(*cells, key=key)` for each.

        `add_row` brings the cursor (a reactive, with its watchers), the idle check and the
        update count up to date for every row it adds; here that is done once for the whole
        page, which was a third of a search keystroke's time on a list of 100 rows.
        """
        self.clear()
        keys = [column.key for column in self.ordered_columns]
        for key, cells in rows:
            row_key = RowKey(key)
            if row_key in self._row_locations:
                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            if len(cells) > len(keys):
                raise ValueError("More values provided than there are columns.")
            self._row_locations[row_key] = len(self.rows)
            self._data[row_key] = dict(
                zip_longest(keys, (Text(c) if isinstance(c, str) else c for c in cells))
            )
            self.rows[row_key] = Row(row_key, 1, None, False)
            self._new_rows.add(row_key)
        if not self.rows:
            return
        self.cursor_coordinate = self.cursor_coordinate  # clear() asked for new dimensions
        if self.columns and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()  # a cursor can show again, as after a first add_row
        self._update_count += 1
        self.check_idle()

    def update_cell(
        self,
        row_key: RowKey | str,
        column_key: ColumnKey | str,
        value: RenderableType,
        *,
        update_width: bool = False,
    ) -> None:
        super().update_cell(
            row_key,
            column_key,
            Text(value) if isinstance(value, str) else value,
            update_width=update_width,
        )

    def _clear_caches(self) -> None:
        # Textual's LRUCache keeps its entries in a ring of lists, and clearing it leaves
        # the ring, with every cell drawn on it, to the garbage collector: after a few
        # search keystrokes a full collection of 50-100 ms lands in the middle of one.
        # With its links cut first, the ring is freed at once, a little at each refill.
        for cache in (
            self._row_render_cache,
            self._cell_render_cache,
            self._row_renderable_cache,
            self._line_cache,
            self._offset_cache,
            self._ordered_row_cache,
        ):
            _empty_without_cycles(cache)
        super()._clear_caches()

    def _snapshot(self) -> _Drawing:
        return _Drawing(
            fixed_rows=self.fixed_rows,
            fixed_columns=self.fixed_columns,
            show_cursor=self.show_cursor,
            show_hover_cursor=self._show_hover_cursor,
            css_foreground=self.cursor_foreground_priority == "css",
            css_background=self.cursor_background_priority == "css",
            padding=self.cell_padding,
            header_height=self.header_height,
            widths=tuple(column.get_render_width(self) for column in self.ordered_columns),
        )

    def render_lines(self, crop: Region) -> list[Strip]:
        self._drawing = self._snapshot()
        try:
            return super().render_lines(crop)
        finally:
            self._drawing = None

    def _get_row_style(self, row_index: int, base_style: Style) -> Style:
        drawing = self._drawing
        if drawing is None:
            return super()._get_row_style(row_index, base_style)
        if row_index == -1:
            kind = -1
        elif row_index < drawing.fixed_rows:
            kind = -2
        else:
            kind = row_index % 2 if self.zebra_stripes else -3
        style = drawing.row_styles.get((kind, base_style))
        if style is None:
            style = drawing.row_styles[kind, base_style] = super()._get_row_style(
                row_index, base_style
            )
        return style

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        new_rows = list(new_rows)
        if any(column.auto_width for column in self.columns.values()) or any(
            (row := self.rows.get(key)) is not None and (row.label is not None or row.auto_height)
            for key in new_rows
        ):
            super()._update_dimensions(new_rows)
            return
        # Fixed widths and heights: only the scrollable size changes with new rows.
        data_cells_width = sum(column.get_render_width(self) for column in self.columns.values())
        header_height = self.header_height if self.show_header else 0
        self.virtual_size = Size(
            data_cells_width + self._row_label_column_width,
            self._total_row_height + header_height,
        )

    def _render_line_in_row(
        self,
        row_key: RowKey,
        line_no: int,
        base_style: Style,
        cursor_location: Coordinate,
        hover_location: Coordinate,
    ) -> tuple[SegmentLines, SegmentLines]:
        # As DataTable._render_line_in_row (Textual 8.2) for a row cursor, no row labels
        # and no fixed columns, without the header and background styles it works out
        # (walking the DOM) for every line and uses only in the other cases.
        if (
            self.cursor_type != "row"
            or self.fixed_columns
            or (self._labelled_row_exists and self.show_row_labels)
        ):
            return super()._render_line_in_row(
                row_key, line_no, base_style, cursor_location, hover_location
            )
        drawing = self._drawing or self._snapshot()
        show_cursor = drawing.show_cursor
        show_hover_cursor = drawing.show_hover_cursor
        cache_key = (
            row_key,
            line_no,
            base_style,
            cursor_location,
            hover_location,
            self.cursor_type,
            show_cursor,
            show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        cached = self._row_render_cache.get(cache_key)
        if cached is not None:
            return cached

        row_index = self._row_locations.get(row_key) if row_key in self._row_locations else -1
        if row_index is None:
            row_index = -1
        row_style = self._get_row_style(row_index, base_style)
        cursor = row_index == cursor_location.row
        hover = row_index == hover_location.row
        render_cell = self._render_cell
        scrollable_row: list[list[Segment]] = [
            render_cell(row_index, column_index, row_style, width, cursor=cursor, hover=hover)[
                line_no
            ]
            for column_index, width in enumerate(drawing.widths)
        ]
        # Extend the row's style out to the widget's edge.
        table_width = sum(drawing.widths) + self._row_label_column_width
        extend_style, _ = self._get_styles_to_render_cell(
            row_index == -1,
            False,
            False,
            hover,
            cursor,
            show_cursor,
            show_hover_cursor,
            False,
            False,
        )
        meta = self._meta_styles.get((row_index, -2))
        if meta is None:
            meta = self._meta_styles[row_index, -2] = Style.from_meta(
                {"row": row_index, "column": 0, "out_of_bounds": True}
            )
        remaining_space = max(0, self.size.width - table_width)
        scrollable_row.append([Segment(" " * remaining_space, row_style + extend_style + meta)])
        row_pair: tuple[SegmentLines, SegmentLines] = ([], scrollable_row)
        self._row_render_cache[cache_key] = row_pair
        return row_pair

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        # Long: as DataTable._render_cell (Textual 8.2), kept line for line so that it can be
        # compared with Textual's on an upgrade; but a plain one-line cell is cut and padded here
        # instead of through Rich (and Rich's options are built only for the rest).
        is_header_cell = row_index == -1
        is_row_label_cell = column_index == -1
        row_key = self._header_row_key if is_header_cell else self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        if row_key is None or column_key is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        drawing = self._drawing or self._snapshot()
        cell_cache_key: CellCacheKey = (
            row_key,
            column_key,
            base_style,
            cursor,
            hover,
            drawing.show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        cached = self._cell_render_cache.get(cell_cache_key)
        if cached is not None:
            return cached

        is_fixed_style_cell = (
            not is_header_cell
            and not is_row_label_cell
            and (row_index < drawing.fixed_rows or column_index < drawing.fixed_columns)
        )
        meta = self._meta_styles.get((row_index, column_index))
        if meta is None:
            # Style.from_meta serialises the mapping: once per cell position, not per draw.
            meta = self._meta_styles[row_index, column_index] = Style.from_meta(
                {"row": row_index, "column": column_index}
            )
        base_style += meta
        row_label, row_cells = self._get_row_renderables(row_index)
        if is_row_label_cell:
            cell: RenderableType = row_label if row_label is not None else ""
        else:
            cell = row_cells[column_index]
        component_style, post_style = self._get_styles_to_render_cell(
            is_header_cell,
            is_row_label_cell,
            is_fixed_style_cell,
            hover,
            cursor,
            drawing.show_cursor,
            drawing.show_hover_cursor,
            drawing.css_foreground,
            drawing.css_background,
        )
        if is_header_cell:
            row_height = drawing.header_height
        else:
            row = self.rows[row_key]
            row_height = 0 if row.auto_height and row.height == 0 else row.height

        if row_height == 1:
            if self._overflow is None:
                self._overflow = self.app.console_options.overflow or "fold"
            line = plain_cell_line(
                self.app.console,
                cell,
                width,
                drawing.padding,
                self._overflow,
                base_style + component_style,
                post_style,
            )
            if line is not None:
                lines: SegmentLines = [line]
                self._cell_render_cache[cell_cache_key] = lines
                return lines

        if is_header_cell:
            options = self.app.console_options.update_dimensions(width, row_height)
        elif row_height == 0:
            options = self.app.console_options.update_width(width)
        else:
            options = self.app.console_options.update_dimensions(width, row_height)
        if row_height == 1:
            options = options.update(no_wrap=True)
        lines = self.app.console.render_lines(
            Styled(
                Padding(cell, (0, self.cell_padding)),
                pre_style=base_style + component_style,
                post_style=post_style,
            ),
            options,
        )
        self._cell_render_cache[cell_cache_key] = lines
        return lines
