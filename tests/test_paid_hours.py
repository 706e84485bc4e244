"""Hours per month of those in paid work (003 Tab 6.16's shape): the monthly rule by hand,
the rows over hand-built facts, properties over any facts, and a population written through
the services and read back by `stats` (issue 19)."""

import json
from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path
from statistics import stdev

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.engine import Engine

from rfk_trips.after_trip.outcomes import NewOutcome, add_outcome
from rfk_trips.cli.main import cli
from rfk_trips.results.results_service import figures_as_json, load_figures
from rfk_trips.rules.evaluation import HOURS_ROWS, classify, evaluate
from rfk_trips.rules.outcome_figures import (
    AttendanceFact,
    CitizenFact,
    Facts,
    HoursRow,
    OutcomeFact,
    TripFact,
)
from rfk_trips.rules.paid_hours import (
    WEEKS_PER_MONTH,
    Spell,
    citizen_hours_per_month,
    hours_row,
    month_hours,
)
from rfk_trips.trips import check_in, planning, trip_service
from storage.codes import Attendance, BenefitGroup, OutcomeKind
from storage.models import Citizen, Company
from storage.sessions import session_scope
from tests.conftest import REFERRED
from tests.database_choice import db_option
from tests.figure_strategies import days, facts

TODAY = date(2026, 11, 23)  # conftest's today: the status date and end of "ever" of `stats`
TRIP_DAY = date(2026, 3, 10)
K = OutcomeKind
B = BenefitGroup
HOURS_CATEGORIES = [row for row, _kind in HOURS_ROWS]


# --- the monthly rule ------------------------------------------------------------------


def test_a_whole_month_is_hours_a_week_times_4_3() -> None:
    spell = Spell(date(2026, 1, 1), date(2026, 1, 31), 10)
    assert month_hours([spell], start=date(2026, 1, 1), until=date(2026, 12, 31)) == [
        pytest.approx(43.0)
    ]
    assert WEEKS_PER_MONTH == 4.3  # the evaluation's conversion (003 L3808–3809)


def test_a_month_partly_worked_counts_by_its_days() -> None:
    # Begun on 21 April (30 days): ten days of the month, a third of a month's hours.
    spell = Spell(date(2026, 4, 21), date(2026, 5, 31), 9)
    got = month_hours([spell], start=date(2026, 1, 1), until=date(2026, 12, 31))
    assert got == [pytest.approx(9 * 4.3 / 3), pytest.approx(9 * 4.3)]


def test_days_before_the_first_trip_or_after_until_are_not_held_against_anyone() -> None:
    spell = Spell(date(2026, 4, 1), None, 10)
    # First trip on 15 April, "ever" ends 10 June: April and June are whole months of hours.
    got = month_hours([spell], start=date(2026, 4, 15), until=date(2026, 6, 10))
    assert got == [pytest.approx(43.0)] * 3
    # Hours before the first trip are not counted at all.
    before = Spell(date(2026, 1, 1), date(2026, 3, 31), 30)
    assert month_hours([before], start=date(2026, 4, 15), until=date(2026, 6, 10)) == []


def test_months_without_hours_are_left_out_and_side_by_side_add_up() -> None:
    spells = [
        Spell(date(2025, 12, 1), date(2026, 1, 31), 10),  # across the new year
        Spell(date(2026, 1, 1), date(2026, 1, 31), 5),  # a second job in January
        Spell(date(2026, 3, 1), date(2026, 3, 31), 20),  # February without hours
    ]
    got = month_hours(spells, start=date(2025, 12, 1), until=date(2026, 4, 30))
    assert got == [pytest.approx(43.0), pytest.approx(64.5), pytest.approx(86.0)]
    assert citizen_hours_per_month(spells, start=date(2025, 12, 1), until=date(2026, 4, 30)) == (
        pytest.approx((43.0 + 64.5 + 86.0) / 3)
    )
    assert citizen_hours_per_month([], start=date(2026, 1, 1), until=date(2026, 4, 30)) is None
    # A first trip after the end of "ever" leaves no month to look at.
    assert month_hours(spells, start=date(2026, 5, 1), until=date(2026, 4, 30)) == []


def test_a_row_has_mean_sample_sd_and_an_honest_n() -> None:
    assert hours_row("paid_hours", [43.0, 86.0], 2) == HoursRow(
        "paid_hours", 64.5, round(stdev([43.0, 86.0]), 1), 2, 2, 15.0
    )
    assert hours_row("flex_job", [51.6], 0) == HoursRow("flex_job", 51.6, None, 1, 0, 12.0)
    assert hours_row("flex_job", [], 3) == HoursRow("flex_job", None, None, 0, 3, None)
    # Sample SD (n − 1): of 10 and 20 it is 7.07, not the population's 5.
    assert hours_row("paid_hours", [10.0, 20.0], 0).sd == 7.1


@given(
    days,
    st.integers(min_value=0, max_value=400),
    st.floats(min_value=0.5, max_value=37, allow_nan=False),
)
def test_a_spell_over_the_whole_window_gives_every_month_in_full(
    start: date, length: int, hours: float
) -> None:
    until = start + timedelta(days=length)
    spell = Spell(start - timedelta(days=3), None, hours)
    got = month_hours([spell], start=start, until=until)
    months = (until.year - start.year) * 12 + until.month - start.month + 1
    assert got == [pytest.approx(hours * WEEKS_PER_MONTH)] * months


# --- the rows, over facts by hand ------------------------------------------------------

TRIP = TripFact(1, TRIP_DAY, "lolland")
UNTIL = date(2026, 12, 31)


def _facts(
    outcomes: list[OutcomeFact], citizens: int, benefits: dict[int, BenefitGroup] | None = None
) -> Facts:
    benefits = benefits or {}
    return Facts(
        (TRIP,),
        tuple(AttendanceFact(1, cid, Attendance.PRESENT) for cid in range(1, citizens + 1)),
        tuple(outcomes),
        tuple(
            CitizenFact(cid, benefit_group=benefits.get(cid, B.CASH_ASSISTANCE))
            for cid in range(1, citizens + 1)
        ),
    )


def _rows(data: Facts, until: date = UNTIL) -> dict[str, HoursRow]:
    result = evaluate(data, on=until, until=until)
    return {row.category: row for row in result.hours_per_month}


def test_each_row_counts_the_hours_of_its_own_kind_only() -> None:
    d = date
    data = _facts(
        [
            # 1: unsubsidised hours (April, May at 10 h) and, later, hours with a top-up.
            OutcomeFact(1, K.PAID_HOURS, d(2026, 4, 1), d(2026, 5, 31), hours_per_week=10),
            OutcomeFact(
                1, K.PAID_HOURS_WITH_BENEFIT, d(2026, 6, 1), d(2026, 6, 30), hours_per_week=2
            ),
            # 2: løntilskud, then unsubsidised hours: only the latter are counted.
            OutcomeFact(2, K.WAGE_SUBSIDY, d(2026, 4, 1), d(2026, 4, 30), hours_per_week=37),
            OutcomeFact(2, K.PAID_HOURS, d(2026, 5, 1), d(2026, 5, 31), hours_per_week=20),
            # 3: a small job beside kontanthjælp: hours with benefit.
            OutcomeFact(3, K.SMALL_JOB, d(2026, 4, 1), d(2026, 4, 30), hours_per_week=5),
            # 4: hours with benefit, none recorded.
            OutcomeFact(4, K.PAID_HOURS_WITH_BENEFIT, d(2026, 4, 1)),
            # 5: a hybridpraktik with no benefit: unsubsidised hours.
            OutcomeFact(5, K.HYBRID_INTERNSHIP, d(2026, 4, 1), d(2026, 4, 30), hours_per_week=4),
            # 6: wage subsidy only, never in a paid-work row.
            OutcomeFact(6, K.WAGE_SUBSIDY, d(2026, 4, 1), hours_per_week=30),
        ],
        citizens=6,
        benefits={5: B.NONE},
    )
    ever, _on_date = classify(data, on=UNTIL, until=UNTIL)
    assert [ever[c] for c in range(1, 7)] == [
        "paid_hours",
        "paid_hours",
        "paid_hours_with_benefit",
        "paid_hours_with_benefit",
        "paid_hours",
        "wage_subsidy",
    ]
    rows = _rows(data)
    assert list(rows) == HOURS_CATEGORIES
    paid = rows["paid_hours"]
    values = [43.0, 86.0, 4 * 4.3]
    assert (paid.n, paid.without_hours) == (3, 0)
    assert paid.mean == round(sum(values) / 3, 1) == 48.7
    assert paid.sd == round(stdev(values), 1)
    assert paid.per_week == round(sum(values) / 3 / 4.3, 1)
    benefit = rows["paid_hours_with_benefit"]
    assert (benefit.mean, benefit.sd, benefit.n, benefit.without_hours) == (21.5, None, 1, 1)
    assert rows["flex_job"] == HoursRow("flex_job", None, None, 0, 0, None)


def test_an_outcome_without_hours_leaves_its_month_out() -> None:
    d = date
    data = _facts(
        [
            OutcomeFact(1, K.FLEX_JOB, d(2026, 4, 1), d(2026, 4, 30), hours_per_week=10),
            OutcomeFact(1, K.FLEX_JOB, d(2026, 5, 1), d(2026, 5, 31)),  # hours not known
        ],
        citizens=1,
    )
    flex = _rows(data)["flex_job"]
    assert (flex.mean, flex.n, flex.without_hours) == (43.0, 1, 0)


def test_only_those_who_came_and_only_from_their_first_trip() -> None:
    d = date
    data = Facts(
        (TRIP, TripFact(2, d(2026, 6, 1), "lolland")),
        (
            AttendanceFact(2, 1, Attendance.PRESENT),  # first came in June
            AttendanceFact(1, 2, Attendance.NO_SHOW),
            AttendanceFact(1, 3, Attendance.PRESENT, reserve=True),
        ),
        (
            # Linked to the June trip but begun in April: April and May are not looked at.
            OutcomeFact(1, K.PAID_HOURS, d(2026, 4, 1), d(2026, 6, 30), 2, hours_per_week=10),
            OutcomeFact(2, K.PAID_HOURS, d(2026, 4, 1), None, 1, hours_per_week=37),
            OutcomeFact(3, K.PAID_HOURS, d(2026, 4, 1), None, 1, hours_per_week=37),
        ),
    )
    paid = _rows(data)["paid_hours"]
    assert (paid.mean, paid.n, paid.without_hours) == (43.0, 1, 0)


# --- properties ------------------------------------------------------------------------


@st.composite
def facts_with_hours(draw: st.DrawFn) -> Facts:
    """Any small facts, each outcome with hours a week or none."""
    base = draw(facts())
    hours = st.none() | st.floats(min_value=0.5, max_value=37, allow_nan=False)
    return replace(
        base, outcomes=tuple(replace(o, hours_per_week=draw(hours)) for o in base.outcomes)
    )


@given(facts_with_hours(), days)
def test_n_and_those_without_hours_are_the_ever_tables_row(data: Facts, until: date) -> None:
    result = evaluate(data, on=until, until=until)
    counts = {row.category: row.count for row in result.ever}
    assert [row.category for row in result.hours_per_month] == HOURS_CATEGORIES
    for row in result.hours_per_month:
        assert row.n + row.without_hours == counts[row.category]
        assert (row.mean is None) == (row.n == 0)
        assert (row.sd is None) == (row.n < 2)
        assert row.mean is None or row.mean >= 0
        if row.mean is not None:
            assert row.per_week is not None
            assert row.per_week == pytest.approx(row.mean / WEEKS_PER_MONTH, abs=0.06)


@given(facts_with_hours(), days)
def test_twice_the_hours_a_week_is_twice_the_hours_a_month(data: Facts, until: date) -> None:
    doubled = replace(
        data,
        outcomes=tuple(
            replace(o, hours_per_week=None if o.hours_per_week is None else 2 * o.hours_per_week)
            for o in data.outcomes
        ),
    )
    once = evaluate(data, on=until, until=until).hours_per_month
    twice = evaluate(doubled, on=until, until=until).hours_per_month
    for one, two in zip(once, twice, strict=True):
        assert (one.n, one.without_hours) == (two.n, two.without_hours)
        if one.mean is not None and two.mean is not None:
            assert two.mean == pytest.approx(2 * one.mean, abs=0.11)


@given(facts(), days)
def test_without_any_hours_recorded_everyone_is_counted_without(data: Facts, until: date) -> None:
    result = evaluate(data, on=until, until=until)
    counts = {row.category: row.count for row in result.ever}
    for row in result.hours_per_month:
        assert (row.n, row.mean, row.without_hours) == (0, None, counts[row.category])


# --- written through the services, read by `stats` -----------------------------------

# name -> (benefit today, attendance, outcomes: kind, start, end, hours a week)
Written = tuple[OutcomeKind, date, date | None, float | None]
PEOPLE: dict[str, tuple[BenefitGroup, Attendance, list[Written]]] = {
    "two_months": (B.CASH_ASSISTANCE, Attendance.PRESENT, [
        (K.PAID_HOURS, date(2026, 4, 1), date(2026, 5, 31), 10),
    ]),
    "one_month_then_topped_up": (B.CASH_ASSISTANCE, Attendance.LATE, [
        (K.PAID_HOURS, date(2026, 4, 1), date(2026, 4, 30), 20),
        (K.PAID_HOURS_WITH_BENEFIT, date(2026, 6, 1), date(2026, 6, 30), 5),
    ]),
    "small_job_from_the_21st": (B.CASH_ASSISTANCE, Attendance.PRESENT, [
        (K.SMALL_JOB, date(2026, 4, 21), date(2026, 5, 31), 8),
    ]),
    "hours_not_recorded": (B.CASH_ASSISTANCE, Attendance.PRESENT, [
        (K.PAID_HOURS_WITH_BENEFIT, date(2026, 4, 1), None, None),
    ]),
    "topped_up_since_october": (B.CASH_ASSISTANCE, Attendance.LEFT_EARLY, [
        (K.PAID_HOURS_WITH_BENEFIT, date(2026, 10, 1), None, 6),
    ]),
    "flex_job": (B.FLEX_BENEFIT, Attendance.PRESENT, [
        (K.FLEX_JOB, date(2026, 6, 1), None, 12),
    ]),
    "wage_subsidy": (B.CASH_ASSISTANCE, Attendance.PRESENT, [
        (K.WAGE_SUBSIDY, date(2026, 4, 1), None, 30),
    ]),
    "stayed_away": (B.CASH_ASSISTANCE, Attendance.NO_SHOW, [
        (K.PAID_HOURS, date(2026, 4, 1), None, 37),
    ]),
}  # fmt: skip

# Worked by hand from the rule: 10 h × 4.3 in April and May; 20 h in April; 8 h for 10 of
# April's 30 days, then May; 6 h in October and in November up to the 23rd; 12 h from June.
HOURS = [
    {"category": "paid_hours", "mean": 64.5, "sd": 30.4, "n": 2, "without_hours": 0,
     "per_week": 15.0},
    {"category": "paid_hours_with_benefit", "mean": 24.4, "sd": 2.0, "n": 2, "without_hours": 1,
     "per_week": 5.7},
    {"category": "flex_job", "mean": 51.6, "sd": None, "n": 1, "without_hours": 0,
     "per_week": 12.0},
]  # fmt: skip


def build_population(engine: Engine) -> None:
    with session_scope(engine) as session:
        company = Company(name="Nakskov Stål A/S", placement_experience=True)
        rows = {
            name: Citizen(
                referral_date=REFERRED,
                name=f"Borger {name}",
                birth_year=1980,
                benefit_group=benefit,
            )
            for name, (benefit, _attendance, _outcomes) in PEOPLE.items()
        }
        session.add_all([company, *rows.values()])
        session.flush()
        ids = {name: row.id or 0 for name, row in rows.items()}
        company_id = company.id or 0
    trip = trip_service.create_trip(
        engine, format_code="guldborgsund", trip_date=TRIP_DAY, title="Tur A"
    )
    planning.add_visit(engine, trip, company_id=company_id, start=time(9), end=time(11))
    planning.add_participants(engine, trip, list(ids.values()))
    for name, (_benefit, attendance, _outcomes) in PEOPLE.items():
        check_in.record(engine, trip, ids[name], attendance, today=TRIP_DAY)
    check_in.complete_trip(engine, trip, today=TRIP_DAY)
    for name, (_benefit, _attendance, outcomes) in PEOPLE.items():
        for kind, start, end, hours in outcomes:
            add_outcome(
                engine,
                NewOutcome(
                    citizen_id=ids[name], kind=kind, start=start, end=end, trip_id=trip,
                    hours_per_week=hours,
                ),
            )  # fmt: skip


def test_hours_per_month_from_outcomes_written_through_the_services(engine: Engine) -> None:
    build_population(engine)
    data = figures_as_json(load_figures(engine, on=TODAY, today=TODAY))
    evaluation = data["evaluation"]
    assert evaluation["hours_per_month"] == HOURS
    ever = {row["category"]: row["count"] for row in evaluation["ever"]}
    for row in evaluation["hours_per_month"]:
        assert row["n"] + row["without_hours"] == ever[row["category"]]


def test_stats_prints_the_hours_and_hides_a_mean_of_few(engine: Engine, db_path: Path) -> None:
    build_population(engine)
    runner = CliRunner()
    result = runner.invoke(cli, [*db_option(db_path), "stats", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["evaluation"]["hours_per_month"] == HOURS
    text = runner.invoke(cli, [*db_option(db_path), "stats"]).stdout.splitlines()
    heading = text.index("  Lønnede timer pr. måned, nogensinde efter turen (tabel 6.16)")
    assert heading > text.index("  Status pr. 23-11-2026 (tabel 6.11)")  # after both tables
    lines = [line.split() for line in text]
    assert ["Timer/md.", "Spredning", "Antal", "Uden", "reg.", "timer", "≈", "t/uge"] in lines
    assert lines[heading + 2][-6:] == ["64,5", "30,4", "2", "0", "≈", "15,0"]
    assert lines[heading + 3][-6:] == ["24,4", "2,0", "2", "1", "≈", "5,7"]
    assert lines[heading + 4] == ["Fleksjob", "51,6", "–", "1", "0", "≈", "12,0"]
    # Suppressed: every n here is 1–4, so no mean, SD or hours a week is shown.
    hidden = runner.invoke(cli, [*db_option(db_path), "stats", "--json", "--suppress-small"])
    for row in json.loads(hidden.stdout)["evaluation"]["hours_per_month"]:
        assert row["n"] == row["without_hours"] == "<5"  # their sum is hidden in Table 6.10
        assert row["mean"] is row["sd"] is row["per_week"] is None
