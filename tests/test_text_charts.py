"""Terminal charts: bars never overflow their width, grow with the value, and hide "<5"."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from rfk_trips.i18n.catalogue import set_language
from rfk_trips.results.text_charts import (
    bar,
    bar_chart,
    column_chart,
    fit_label,
    monthly_chart,
    percent,
    progress_bar,
    progress_chart,
)

_BLOCKS = set("█▏▎▍▌▋▊▉")


def _eighths(text: str) -> int:
    """The length a bar stands for, in eighths of a cell."""
    partial = " ▏▎▍▌▋▊▉"
    return sum(8 if ch == "█" else partial.index(ch) for ch in text)


values = st.integers(min_value=0, max_value=10_000)
widths = st.integers(min_value=1, max_value=80)


@given(value=values, largest=values, width=widths)
def test_bar_never_exceeds_its_width(value: int, largest: int, width: int) -> None:
    drawn = bar(value, largest, width)
    assert len(drawn) <= width
    assert set(drawn) <= _BLOCKS


@given(a=values, b=values, largest=st.integers(min_value=1, max_value=10_000), width=widths)
def test_bar_grows_with_the_value(a: int, b: int, largest: int, width: int) -> None:
    low, high = sorted((a, b))
    assert _eighths(bar(low, largest, width)) <= _eighths(bar(high, largest, width))


@given(value=st.integers(min_value=1, max_value=10_000), width=widths)
def test_any_value_above_zero_shows_and_the_largest_fills_the_width(value: int, width: int) -> None:
    assert bar(value, 10_000, width) != ""
    assert bar(value, value, width) == "█" * width


def test_zero_and_suppressed_cells_get_no_bar() -> None:
    assert bar(0, 10) == "" and bar("<5", 10) == "" and bar(3, 0) == ""


@given(achieved=values, target=values, width=widths)
def test_progress_bar_is_exactly_its_width(achieved: int, target: int, width: int) -> None:
    drawn = progress_bar(achieved, target, width)
    assert len(drawn) == width
    assert set(drawn) <= {"█", "░"}


@given(a=values, b=values, target=st.integers(min_value=1, max_value=10_000), width=widths)
def test_progress_bar_grows_with_what_is_achieved(a: int, b: int, target: int, width: int) -> None:
    low, high = sorted((a, b))
    assert progress_bar(low, target, width).count("█") <= progress_bar(high, target, width).count(
        "█"
    )


@given(target=st.integers(min_value=2, max_value=10_000), width=st.integers(2, 80))
def test_progress_bar_is_full_only_when_the_target_is_reached(target: int, width: int) -> None:
    assert progress_bar(target - 1, target, width) != "█" * width
    assert progress_bar(target, target, width) == "█" * width
    assert progress_bar(target * 3, target, width) == "█" * width  # passed: no overflow
    assert progress_bar(0, target, width) == "░" * width


def test_progress_chart_reads_like_the_sketch() -> None:
    lines = progress_chart([("I lønnede timer", 8, 12), ("Virksomhedspraktik", 0, 5)], 12)
    assert lines[0] == "I lønnede timer     ████████░░░░  8/12  67 %"
    assert lines[1] == "Virksomhedspraktik  ░░░░░░░░░░░░   0/5   0 %"
    assert percent(3, 0) == "–"


def test_bar_chart_lines_up_counts_and_scales_to_the_largest() -> None:
    lines = bar_chart([("Mødt", 10), ("Udeblevet", 5), ("Afbud", 0), ("Sen", "<5")], 10)
    assert lines[0] == "Mødt       10  ██████████"
    assert lines[1] == "Udeblevet   5  █████"
    assert lines[2] == "Afbud       0"  # zero: no bar, and no trailing space
    assert lines[3] == "Sen        <5"  # suppressed: the count as text, no bar
    assert bar_chart([], 10) == []


@given(
    rows=st.lists(
        st.tuples(st.text(min_size=0, max_size=60), st.one_of(values, st.just("<5"))),
        min_size=1,
        max_size=12,
    ),
    width=widths,
)
def test_bar_chart_never_runs_wider_than_label_count_and_bar(
    rows: list[tuple[str, int | str]], width: int
) -> None:
    lines = bar_chart(rows, width)
    assert len(lines) == len(rows)
    count_width = max(len(str(value)) for _, value in rows)
    for line in lines:
        assert len(line) <= 28 + 2 + count_width + 2 + width


def test_long_labels_are_cut_with_an_ellipsis() -> None:
    name = "Lønnede timer med supplerende ydelse og meget mere"
    line = bar_chart([(name, 4)], 8)[0]
    assert line.startswith("Lønnede timer med suppleren… ")
    assert fit_label("kort", 6) == "kort  " and fit_label("x", 0) == ""


def test_monthly_chart_has_danish_month_labels() -> None:
    lines = monthly_chart([(date(2026, 3, 1), 2), (date(2026, 4, 1), 0), (date(2026, 5, 1), 4)], 8)
    assert lines == ["mar 2026  2  ████", "apr 2026  0", "maj 2026  4  ████████"]
    set_language("en")
    assert monthly_chart([(date(2026, 5, 1), 1)], 4) == ["May 2026  1  ████"]


@given(
    series=st.lists(st.one_of(values, st.just("<5")), min_size=1, max_size=24),
    height=st.integers(min_value=1, max_value=12),
)
def test_column_chart_stays_in_its_box_and_grows_with_the_value(
    series: list[int | str], height: int
) -> None:
    lines = column_chart(series, height)
    assert len(lines) == height
    assert all(len(line) <= len(series) for line in lines)
    padded = [line.ljust(len(series)) for line in lines]
    filled = [sum(_column_eighths(row[i]) for row in padded) for i in range(len(series))]
    numbers = [(v, f) for v, f in zip(series, filled, strict=True) if isinstance(v, int)]
    for v1, f1 in numbers:
        for v2, f2 in numbers:
            if v1 <= v2:
                assert f1 <= f2


def _column_eighths(ch: str) -> int:
    return " ▁▂▃▄▅▆▇█".index(ch)


def test_column_chart_of_a_simple_series() -> None:
    assert column_chart([0, 4, 8], 1) == [" ▄█"]
    assert column_chart([], 3) == [] and column_chart([1], 0) == []
