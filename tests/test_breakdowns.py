"""R36's breakdowns: the start quarter of a citizen's first trip (003 Tab 6.13), every
breakdown per municipality, and suppression that no total can undo (secondary cells)."""

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from rfk_trips.results.results_service import figures_as_json
from rfk_trips.results.results_text import cell_name, render
from rfk_trips.rules.outcome_figures import (
    AttendanceFact,
    Facts,
    Figures,
    Host,
    OutcomeFact,
    TripFact,
    compute_figures,
    start_quarter,
)
from storage.codes import Attendance, OutcomeKind
from tests.figure_scenario import ON, REFERENCE, scenario
from tests.figure_strategies import facts

A = Attendance.PRESENT


def table(cells: Any) -> dict[str, tuple[int, int, int]]:
    return {c.key: (c.attended, c.with_outcome, c.in_paid_work) for c in cells}


# --- start quarter ----------------------------------------------------------------------


def test_quarters_begin_in_january_april_july_and_october() -> None:
    days = [date(2018, 6, 30), date(2018, 7, 1), date(2018, 9, 30), date(2018, 10, 1)]
    assert [start_quarter(day) for day in days] == ["2018-Q2", "2018-Q3", "2018-Q3", "2018-Q4"]
    assert start_quarter(date(2019, 1, 1)) == "2019-Q1"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_a_day_lies_in_its_quarter(day: date) -> None:
    year, quarter = start_quarter(day).split("-Q")
    first_month = 3 * (int(quarter) - 1) + 1
    assert int(year) == day.year and first_month <= day.month < first_month + 3


def test_a_citizen_counts_in_the_quarter_of_their_first_trip() -> None:
    figures = compute_figures(scenario(), on=ON, reference_date=REFERENCE)
    # Came: 1 (trips 1 and 2), 2 and 3 on trip 1 (March); 7 on trip 2 and 10 on trip 3
    # (May, June). Citizen 5 was a no-show on trip 1 with an outcome linked to it: counted
    # with outcome, in trip 1's quarter. Citizen 1 counts once, in March's quarter.
    assert table(figures.breakdowns["start_quarter"]) == {
        "2026-Q1": (3, 3, 1),
        "2026-Q2": (2, 2, 1),
    }
    gender = figures.breakdowns["gender"]
    assert sum(c.attended for c in figures.breakdowns["start_quarter"]) == sum(
        c.attended for c in gender
    )


def test_quarters_read_in_danish_and_english() -> None:
    assert cell_name("start_quarter", "2018-Q3") == "3. kvartal 2018"


# --- per municipality -------------------------------------------------------------------


def test_each_municipality_gets_the_breakdowns_of_its_own_trips() -> None:
    data = scenario()
    figures = compute_figures(data, on=ON, reference_date=REFERENCE)
    assert list(figures.breakdowns_by_municipality) == ["Guldborgsund", "Lolland", "unknown"]
    guldborgsund = figures.breakdowns_by_municipality["Guldborgsund"]
    # Trip 1 alone: citizen 1's unlinked paid hours (July) are then credited to it.
    assert table(guldborgsund["start_quarter"]) == {"2026-Q1": (3, 3, 1)}
    assert table(figures.breakdowns_by_municipality["Lolland"]["start_quarter"]) == {
        "2026-Q2": (2, 2, 2)
    }


municipalities = st.sampled_from(["Lolland", "Guldborgsund", None])


@st.composite
def facts_in_municipalities(draw: st.DrawFn) -> Facts:
    data = draw(facts())
    hosts = st.sets(st.integers(min_value=1, max_value=3), max_size=2)
    trips = tuple(
        replace(
            trip,
            municipality=draw(municipalities),
            hosts=tuple(Host(i, f"Firma {i}") for i in sorted(draw(hosts))),
        )
        for trip in data.trips
    )
    return replace(data, trips=trips)


@given(facts_in_municipalities())
def test_a_municipality_s_breakdowns_are_those_of_the_selection_filtered_to_it(
    data: Facts,
) -> None:
    figures = compute_figures(data, on=ON, reference_date=REFERENCE)
    for name, breakdowns in figures.breakdowns_by_municipality.items():
        own = tuple(t for t in data.trips if (t.municipality or "unknown") == name)
        alone = compute_figures(replace(data, trips=own), on=ON, reference_date=REFERENCE)
        assert breakdowns == alone.breakdowns
    assert {t.municipality or "unknown" for t in data.trips} == set(
        figures.breakdowns_by_municipality
    )


# --- suppression no total undoes --------------------------------------------------------


def two_municipalities() -> Figures:
    """Lolland: 11 came; Guldborgsund: 4 came. 15 in all."""
    trips = (
        TripFact(1, date(2026, 3, 3), "lolland", "Lolland"),
        TripFact(2, date(2026, 3, 10), "guldborgsund", "Guldborgsund"),
    )
    seats = [AttendanceFact(1, c, A) for c in range(1, 12)]
    seats += [AttendanceFact(2, c, A) for c in range(20, 24)]
    outcomes = (OutcomeFact(1, OutcomeKind.PAID_HOURS, date(2026, 4, 1), None, 1),)
    return compute_figures(Facts(trips, tuple(seats), outcomes), on=ON, reference_date=REFERENCE)


def test_a_hidden_count_cannot_be_worked_out_from_the_total() -> None:
    data = figures_as_json(two_municipalities(), suppress_small=True)
    assert data["attended"] == 15
    lolland, guldborgsund = (
        data["by_municipality"]["Lolland"],
        data["by_municipality"]["Guldborgsund"],
    )
    # 15 − 11 would give Guldborgsund's 4 away: Lolland's 11 is hidden too.
    assert (guldborgsund["attended"], lolland["attended"]) == ("<5", "x")
    assert lolland["attendance_rate"] is None and guldborgsund["attendance_rate"] is None
    trips = {row["trip_id"]: row["attended"] for row in data["by_trip"]}
    assert trips == {1: "x", 2: "<5"}
    # A total that gives nothing away is left as it is: 1 with an outcome, 0 in the other.
    assert data["citizens_with_outcome"] == "<5"
    assert lolland["citizens_with_outcome"] == "<5"
    assert guldborgsund["citizens_with_outcome"] == "<5"  # a 0 hidden beside the 1
    text = render(data, {})
    assert "Lolland: 1 ture, x mødt" in text


def test_unsuppressed_figures_show_every_count() -> None:
    data = figures_as_json(two_municipalities())
    assert data["by_municipality"]["Guldborgsund"]["attended"] == 4
    assert data["by_municipality"]["Lolland"]["attended"] == 11
    assert data["by_municipality"]["Lolland"]["attendance_rate"] == 1.0


def _people(block: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], object]]:
    if isinstance(block, dict):
        found = []
        for key, value in block.items():
            if key not in {"trips", "trip_id", "company_id", "attendance_rate", "evaluation"}:
                found += _people(value, (*path, key))
        return found
    if isinstance(block, list):
        return [hit for i, item in enumerate(block) for hit in _people(item, (*path, str(i)))]
    if isinstance(block, (int, str)) and not isinstance(block, bool):
        return [(path, block)]
    return []


def _columns(blocks: list[Any]) -> dict[tuple[str, ...], list[object]]:
    columns: dict[tuple[str, ...], list[object]] = {}
    for block in blocks:
        for path, value in _people(block):
            columns.setdefault(path, []).append(value)
    return columns


@given(facts_in_municipalities())
def test_suppressed_figures_show_no_small_count_and_never_one_hidden_part(data: Facts) -> None:
    shown = figures_as_json(
        compute_figures(data, on=ON + timedelta(days=30), reference_date=REFERENCE),
        suppress_small=True,
    )
    for path, value in _people(shown):
        if path[-1] in {"date", "title", "name", "on", "reference_date"}:
            continue
        assert not (isinstance(value, int) and 0 < value < 5), path
    parts = [list(shown["by_municipality"].values()), shown["by_trip"]]
    parts += [list(cells.values()) for cells in shown["breakdowns"].values()]
    for blocks in parts:
        if len(blocks) < 2:
            continue
        for path, column in _columns(blocks).items():
            if path[-1] in {"date", "title"}:
                continue
            hidden = [v for v in column if isinstance(v, str)]
            assert len(hidden) != 1, (path, column)


def test_a_rate_is_left_out_when_it_would_tell_a_hidden_count() -> None:
    trips = (TripFact(1, date(2026, 3, 3), "lolland", "Lolland"),)
    seats = [AttendanceFact(1, c, A) for c in range(1, 10)]
    seats.append(AttendanceFact(1, 10, Attendance.EXCUSED))
    figures = compute_figures(Facts(trips, tuple(seats)), on=ON, reference_date=REFERENCE)
    plain, shown = figures_as_json(figures), figures_as_json(figures, suppress_small=True)
    assert plain["attendance_rate"] == 1.0  # 9 of 10 less the afbud
    assert (shown["attended"], shown["excused"], shown["attendance_rate"]) == (9, "<5", None)
    many = [AttendanceFact(1, c, Attendance.EXCUSED) for c in range(10, 15)]
    figures = compute_figures(Facts(trips, (*seats[:9], *many)), on=ON, reference_date=REFERENCE)
    assert figures_as_json(figures, suppress_small=True)["attendance_rate"] == 1.0
