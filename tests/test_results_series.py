"""Chart series on the hand-built scenario: outcomes per month and attendance per trip."""

from datetime import date

import pytest
from sqlalchemy.engine import Engine

from rfk_trips.results.results_series import (
    TripAttendance,
    attendance_per_trip,
    next_month,
    outcomes_per_month,
)
from rfk_trips.results.results_service import ResultFilter
from rfk_trips.rules.errors import UserError
from storage.codes import OutcomeKind
from tests.results_scenario import Scenario, build

TODAY = date(2026, 11, 23)


@pytest.fixture
def scenario(engine: Engine) -> Scenario:
    return build(engine)


def test_outcomes_per_month_counts_distinct_citizens_and_fills_empty_months(
    engine: Engine, scenario: Scenario
) -> None:
    series = outcomes_per_month(engine, ResultFilter(), TODAY)
    assert series == [
        (date(2026, 3, 1), 1),  # c0's internship
        (date(2026, 4, 1), 0),
        (date(2026, 5, 1), 0),  # c2 did not come: their paid hours are not counted
        (date(2026, 6, 1), 0),
        (date(2026, 7, 1), 0),
        (date(2026, 8, 1), 1),  # c0's paid hours, credited to trip A
        (date(2026, 9, 1), 1),  # c3
        (date(2026, 10, 1), 3),  # c1 (two outcomes, counted once), c4, c5
    ]


def test_outcomes_starting_after_today_wait_until_they_start(
    engine: Engine, scenario: Scenario
) -> None:
    series = dict(outcomes_per_month(engine, ResultFilter(), date(2026, 12, 31)))
    assert series[date(2026, 11, 1)] == 0 and series[date(2026, 12, 1)] == 1
    assert date(2026, 12, 1) in dict(outcomes_per_month(engine, ResultFilter(), None))


def test_outcomes_per_month_follow_the_filter_and_kinds(engine: Engine, scenario: Scenario) -> None:
    second_half = ResultFilter(date(2026, 7, 1), date(2026, 12, 31), "Lolland")
    assert outcomes_per_month(engine, second_half, TODAY) == [
        (date(2026, 9, 1), 1),
        (date(2026, 10, 1), 1),
    ]
    paid = frozenset({OutcomeKind.PAID_HOURS})
    assert outcomes_per_month(engine, ResultFilter(), TODAY, kinds=paid) == [(date(2026, 8, 1), 1)]
    assert outcomes_per_month(engine, ResultFilter(date_from=date(2027, 1, 1)), TODAY) == []


def test_attendance_per_trip(engine: Engine, scenario: Scenario) -> None:
    rows = attendance_per_trip(engine, ResultFilter())
    assert rows == [
        TripAttendance(date(2026, 3, 10), "Tur A", 2, 3),
        TripAttendance(date(2026, 9, 1), "Tur B", 2, 2),
        TripAttendance(date(2026, 9, 15), "Tur C", 1, 1),
    ]
    only = attendance_per_trip(engine, ResultFilter(municipality="Guldborgsund"))
    assert [(title, attended, invited) for _, title, attended, invited in only] == [("Tur C", 1, 1)]


def test_series_refuse_a_backwards_period(engine: Engine) -> None:
    backwards = ResultFilter(date(2026, 5, 1), date(2026, 4, 1))
    with pytest.raises(UserError, match="Perioden slutter"):
        outcomes_per_month(engine, backwards, TODAY)
    with pytest.raises(UserError, match="Perioden slutter"):
        attendance_per_trip(engine, backwards)


def test_next_month_rolls_over_the_year() -> None:
    assert next_month(date(2026, 12, 1)) == date(2027, 1, 1)
    assert next_month(date(2026, 1, 31)) == date(2026, 2, 1)
