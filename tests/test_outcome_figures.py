"""Every figure of `rfk-trips stats` on a hand-built scenario, plus properties that always hold."""

from collections.abc import Mapping
from datetime import date

import pytest
from hypothesis import given

from rfk_trips.results.results_service import figures_as_json
from rfk_trips.rules.outcome_figures import (
    PAID_WORK,
    PRIORITY,
    Facts,
    Figures,
    age_band,
    attendance_rate,
    attribute,
    compute_figures,
    highest_kind,
    suppress_count,
)
from storage.codes import OutcomeKind
from tests.figure_scenario import ON, REFERENCE, K, scenario
from tests.figure_strategies import days, facts


def nonzero(counts: Mapping[OutcomeKind, int]) -> dict[str, int]:
    return {kind.value: n for kind, n in counts.items() if n}


@pytest.fixture
def figures() -> Figures:
    return compute_figures(scenario(), on=ON, reference_date=REFERENCE)


def test_attendance_figures(figures: Figures) -> None:
    total = figures.total
    assert (total.trips, total.invited, total.attended) == (3, 10, 6)
    assert (total.late, total.left_early, total.excused, total.no_show, total.pending) == (
        1,
        1,
        1,
        2,
        1,
    )
    assert total.citizens_attended == 5
    assert total.attendance_rate == pytest.approx(6 / 9)


def test_outcomes_ever_after_the_trip(figures: Figures) -> None:
    ever = figures.total.ever
    assert nonzero(ever.by_kind) == {
        "internship": 1,
        "paid_hours": 1,
        "wage_subsidy": 1,
        "mentor": 1,
        "flex_job": 1,
        "none": 1,
    }
    assert nonzero(ever.headline) == {
        "paid_hours": 1,
        "wage_subsidy": 1,
        "mentor": 1,
        "flex_job": 1,
        "none": 1,
    }
    assert (ever.citizens, ever.in_paid_work) == (5, 2)


def test_status_on_a_date(figures: Figures) -> None:
    status = figures.total.on
    assert status is not None
    assert nonzero(status.by_kind) == {"internship": 1, "mentor": 1, "flex_job": 1, "none": 1}
    assert nonzero(status.headline) == nonzero(status.by_kind)
    assert (status.citizens, status.in_paid_work) == (4, 1)
    without = compute_figures(scenario(), on=None, reference_date=REFERENCE)
    assert without.total.on is None


def test_unlinked_outcome_is_credited_to_the_latest_attended_trip_before_it() -> None:
    credited = {(o.citizen_id, o.kind): trip for o, trip in attribute(scenario())}
    assert credited[(1, K.PAID_HOURS)] == 2
    assert credited[(7, K.FLEX_JOB)] == 2
    assert (2, K.PAID_HOURS_WITH_BENEFIT) not in credited
    assert (3, K.EDUCATION) not in credited
    assert (8, K.PAID_HOURS) not in credited


def test_by_municipality_and_trip_format(figures: Figures) -> None:
    places = {g.key: g.counts for g in figures.by_municipality}
    assert list(places) == ["Guldborgsund", "Lolland", "unknown"]
    got = {
        k: (c.trips, c.invited, c.attended, c.ever.citizens, c.ever.in_paid_work)
        for k, c in places.items()
    }
    assert got == {
        "Guldborgsund": (1, 5, 3, 3, 0),
        "Lolland": (1, 4, 2, 2, 2),
        "unknown": (1, 1, 1, 1, 0),
    }
    formats = {g.key: g.counts for g in figures.by_trip_format}
    assert (formats["lolland"].trips, formats["lolland"].invited) == (2, 5)
    assert (formats["lolland"].ever.citizens, formats["lolland"].ever.in_paid_work) == (3, 2)
    assert formats["guldborgsund"].ever.citizens == 3


def test_by_company(figures: Figures) -> None:
    rows = [
        (
            r.name,
            r.counts.trips,
            r.counts.ever.citizens,
            r.at_company.citizens,
            r.at_company.in_paid_work,
        )
        for r in figures.by_company
    ]
    assert rows == [
        ("Alfa", 1, 3, 1, 0),
        ("Beta", 1, 3, 1, 0),
        ("Cirkel", 1, 2, 1, 1),
        ("Delta", 0, 0, 1, 1),
    ]
    beta = figures.by_company[1]
    assert nonzero(beta.at_company.by_kind) == {"wage_subsidy": 1}


def test_breakdowns(figures: Figures) -> None:
    def table(dimension: str) -> dict[str, tuple[int, int, int]]:
        return {
            c.key: (c.attended, c.with_outcome, c.in_paid_work)
            for c in figures.breakdowns[dimension]
        }

    assert table("age_band") == {
        "18-29": (1, 0, 0),
        "30-39": (1, 1, 1),
        "40-49": (0, 1, 0),
        "50-59": (1, 1, 1),
        "60+": (1, 1, 0),
        "unknown": (1, 1, 0),
    }
    assert table("gender") == {"woman": (3, 2, 2), "man": (1, 2, 0), "unknown": (1, 1, 0)}
    assert list(table("gender")) == ["woman", "man", "unknown"]  # vocabulary order
    assert list(table("age_band")) == ["18-29", "30-39", "40-49", "50-59", "60+", "unknown"]
    assert table("benefit_group") == {
        "cash_assistance": (2, 2, 1),
        "education_benefit": (1, 1, 0),
        "resource_programme": (1, 1, 1),
        "unknown": (1, 1, 0),
    }


@pytest.mark.parametrize(
    ("birth_year", "band"),
    [
        (2009, "under-18"),
        (2008, "18-29"),
        (1997, "18-29"),
        (1996, "30-39"),
        (1967, "50-59"),
        (1966, "60+"),
        (1940, "60+"),
        (None, "unknown"),
    ],
)
def test_age_bands(birth_year: int | None, band: str) -> None:
    assert age_band(birth_year, REFERENCE) == band


def test_attendance_rate_is_safe_when_nobody_was_expected() -> None:
    assert attendance_rate(0, 0, 0) is None
    assert attendance_rate(0, 3, 3) is None
    assert attendance_rate(3, 4, 1) == 1.0


def test_priority_follows_r27() -> None:
    assert PRIORITY[:5] == (
        K.PAID_HOURS,
        K.PAID_HOURS_WITH_BENEFIT,
        K.FLEX_JOB,
        K.EDUCATION,
        K.WAGE_SUBSIDY,
    )
    assert PRIORITY[-1] is K.NONE and set(PRIORITY) == set(OutcomeKind)
    assert highest_kind([K.WAGE_SUBSIDY, K.PAID_HOURS_WITH_BENEFIT]) is K.PAID_HOURS_WITH_BENEFIT
    assert highest_kind([]) is None


def test_small_cells_are_suppressed_and_zero_is_kept() -> None:
    assert [suppress_count(n) for n in (0, 1, 4, 5, 12)] == [0, "<5", "<5", 5, 12]


def test_json_with_suppression(figures: Figures) -> None:
    plain = figures_as_json(figures)
    assert plain["late"] == 1 and plain["attendance_rate"] == 0.667
    assert plain["outcomes"]["paid_hours"] == 1 and plain["in_paid_work"] == 2
    assert plain["status_on"]["in_paid_work"] == 1
    hidden = figures_as_json(figures, suppress_small=True)
    assert hidden["suppressed"] is True
    assert (hidden["invited"], hidden["attended"], hidden["late"]) == (10, 6, "<5")
    assert hidden["outcomes"]["paid_hours"] == "<5" and hidden["outcomes"]["education"] == 0
    # 6 of 10 less the afbud is 0.667, which tells the one afbud hidden as "<5".
    assert hidden["attendance_rate"] is None
    assert hidden["by_municipality"]["unknown"]["attendance_rate"] is None  # 1 of 1
    assert hidden["by_company"][0]["company_id"] == 1  # ids are not counts
    assert hidden["breakdowns"]["gender"]["woman"]["attended"] == "<5"


# --- properties -------------------------------------------------------------------------


@given(facts(), days)
def test_figures_never_count_a_citizen_twice_and_status_never_exceeds_ever(
    data: Facts, on: date
) -> None:
    result = compute_figures(data, on=on, reference_date=REFERENCE).total
    ever, status = result.ever, result.on
    assert status is not None
    for kind in OutcomeKind:
        reached = {o.citizen_id for o in data.outcomes if o.kind == kind}
        assert ever.by_kind[kind] <= len(reached)
        assert status.by_kind[kind] <= ever.by_kind[kind]
    assert sum(ever.headline.values()) == ever.citizens
    assert ever.citizens <= len({o.citizen_id for o in data.outcomes})
    assert ever.in_paid_work <= ever.citizens
    assert ever.in_paid_work == sum(ever.headline[k] for k in PAID_WORK)
    assert status.citizens <= ever.citizens and status.in_paid_work <= ever.in_paid_work


@given(facts(), days)
def test_listing_an_outcome_twice_changes_nothing(data: Facts, on: date) -> None:
    doubled = Facts(data.trips, data.attendance, data.outcomes * 2, data.citizens)
    once = compute_figures(data, on=on, reference_date=REFERENCE).total
    twice = compute_figures(doubled, on=on, reference_date=REFERENCE).total
    assert once.ever == twice.ever and once.on == twice.on
