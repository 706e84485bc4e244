"""Charts drawn with Unicode blocks for the terminal: plain functions that return lines.

No Textual here, so `rfk-trips stats`, `target progress` and the screens draw the same bars.
A count may be a suppressed cell ("<5", R36): it is shown as text and gets no bar, because a
bar would give the hidden number away.
"""

from collections.abc import Sequence
from datetime import date

from rfk_trips.rules.danish_dates import format_month_short

BAR_WIDTH = 24
LABEL_WIDTH = 28
_EIGHTHS = " ▏▎▍▌▋▊▉"
_FULL = "█"
_EMPTY = "░"
_COLUMN = " ▁▂▃▄▅▆▇█"

Count = int | str  # a count, or "<5" where a small cell is suppressed


def bar(value: Count, largest: int, width: int = BAR_WIDTH) -> str:
    """A bar of block characters, `largest` filling `width`; none for zero or a suppressed cell.

    Eighth blocks give the end of the bar, so close values still differ; any value above zero
    shows at least a sliver. Never longer than `width` characters, even above `largest`.
    """
    if not isinstance(value, int) or value <= 0 or largest <= 0 or width <= 0:
        return ""
    eighths = min(width * 8, max(1, round(value / largest * width * 8)))
    full, part = divmod(eighths, 8)
    return _FULL * full + (_EIGHTHS[part] if part else "")


def fit_label(text: str, width: int) -> str:
    """The label cut to `width` with an ellipsis, padded so columns line up."""
    if width <= 0:
        return ""
    if len(text) > width:
        text = text[: width - 1] + "…"
    return f"{text:<{width}}"


def bar_chart(
    rows: Sequence[tuple[str, Count]],
    width: int = BAR_WIDTH,
    *,
    label_width: int | None = None,
) -> list[str]:
    """One line per row: label, count and a bar scaled to the largest count shown."""
    if not rows:
        return []
    names = label_width or min(LABEL_WIDTH, max(len(name) for name, _ in rows))
    counts = max(len(str(value)) for _, value in rows)
    largest = max((value for _, value in rows if isinstance(value, int)), default=0)
    return [
        f"{fit_label(name, names)}  {value!s:>{counts}}  {bar(value, largest, width)}".rstrip()
        for name, value in rows
    ]


def progress_bar(achieved: int, target: int, width: int = BAR_WIDTH) -> str:
    """Exactly `width` cells: filled for what is reached, shaded for what is left.

    Full only when the target is reached; anything above zero fills at least one cell.
    """
    if width <= 0:
        return ""
    if target <= 0 or achieved >= target:
        filled = width if achieved > 0 or target <= 0 else 0
    elif achieved <= 0:
        filled = 0
    else:
        filled = min(width - 1, max(1, round(achieved / target * width)))
    return _FULL * filled + _EMPTY * (width - filled)


def percent(achieved: int, target: int) -> str:
    return f"{round(achieved / target * 100)} %" if target > 0 else "–"


def progress_chart(
    rows: Sequence[tuple[str, int, int]],
    width: int = 12,
    *,
    label_width: int | None = None,
) -> list[str]:
    """`label  ████████░░░░  8/12  67 %` per (label, achieved, target)."""
    if not rows:
        return []
    names = label_width or min(LABEL_WIDTH, max(len(name) for name, _, _ in rows))
    figures = [f"{achieved}/{target}" for _, achieved, target in rows]
    shares = [percent(achieved, target) for _, achieved, target in rows]
    figure_width = max(len(text) for text in figures)
    share_width = max(len(text) for text in shares)
    return [
        f"{fit_label(name, names)}  {progress_bar(achieved, target, width)}  "
        f"{figure:>{figure_width}}  {share:>{share_width}}"
        for (name, achieved, target), figure, share in zip(rows, figures, shares, strict=True)
    ]


def monthly_chart(rows: Sequence[tuple[date, Count]], width: int = BAR_WIDTH) -> list[str]:
    """A bar per month (`mar 2026  3  ███`), in the order given (oldest first)."""
    return bar_chart([(format_month_short(month), value) for month, value in rows], width)


def column_chart(values: Sequence[Count], height: int = 6) -> list[str]:
    """Columns standing up, one character wide each, `height` lines from top to bottom.

    For a quick picture of a series (outcomes per month) under its bar chart; suppressed
    cells and zero stay empty.
    """
    if height <= 0 or not values:
        return []
    largest = max((v for v in values if isinstance(v, int)), default=0)
    heights = [
        min(height * 8, max(1, round(v / largest * height * 8)))
        if isinstance(v, int) and v > 0 and largest > 0
        else 0
        for v in values
    ]
    lines = []
    for level in range(height, 0, -1):
        floor = (level - 1) * 8
        lines.append(
            "".join(_COLUMN[min(8, max(0, eighths - floor))] for eighths in heights).rstrip()
        )
    return lines
