"""The evaluation's two tables (003 Tab 6.10, 6.11): a population built through the services,
the priority cases by hand, suppression, and properties of the pure function (issue 19)."""

import json
from datetime import date, time, timedelta

import pytest
from click.testing import CliRunner
from hypothesis import given
from sqlalchemy.engine import Engine

from rfk_trips.after_trip.outcomes import NewOutcome, add_outcome
from rfk_trips.cli.main import cli
from rfk_trips.results.results_service import evaluation_as_json, figures_as_json, load_figures
from rfk_trips.rules.benefit_history import BenefitPeriod
from rfk_trips.rules.evaluation import (
    EVER_ROWS,
    ON_DATE_ROWS,
    SECONDARY,
    classify,
    evaluate,
    hidden_cells,
    with_evaluation,
)
from rfk_trips.rules.outcome_figures import (
    AttendanceFact,
    CitizenFact,
    Facts,
    OutcomeFact,
    TripFact,
    compute_figures,
)
from rfk_trips.trips import check_in, planning, trip_service
from storage.codes import Attendance, BenefitGroup, OutcomeKind
from storage.models import Citizen, Company
from storage.sessions import session_scope
from tests.conftest import REFERRED
from tests.database_choice import db_option
from tests.figure_strategies import days, facts

TODAY = date(2026, 11, 23)  # conftest's today: the status date of `stats`
TRIP_DAY = date(2026, 3, 10)
K = OutcomeKind
B = BenefitGroup


# --- a population built through the services --------------------------------------------

# name -> (benefit group today, attendance)
PEOPLE: dict[str, tuple[BenefitGroup, Attendance]] = {
    "subsidy_then_hours": (B.CASH_ASSISTANCE, Attendance.PRESENT),
    "small_job": (B.CASH_ASSISTANCE, Attendance.PRESENT),
    "small_job_no_benefit": (B.NONE, Attendance.LATE),
    "flex_job": (B.CASH_ASSISTANCE, Attendance.PRESENT),
    "education": (B.EDUCATION_BENEFIT, Attendance.PRESENT),
    "subsidy_only": (B.CASH_ASSISTANCE, Attendance.LEFT_EARLY),
    "flex_benefit": (B.FLEX_BENEFIT, Attendance.PRESENT),
    "lost_hours": (B.CASH_ASSISTANCE, Attendance.PRESENT),
    "mentor": (B.RESOURCE_PROGRAMME, Attendance.PRESENT),
    "nothing": (B.NONE, Attendance.PRESENT),
    "pension": (B.SICKNESS, Attendance.PRESENT),
    "no_result": (B.JOB_CLARIFICATION, Attendance.LATE),
    "no_show": (B.CASH_ASSISTANCE, Attendance.NO_SHOW),
    "excused": (B.CASH_ASSISTANCE, Attendance.EXCUSED),
}

EVER = {
    "paid_hours": 2,  # løntilskud then unsubsidised hours; a small job with no benefit
    "paid_hours_with_benefit": 2,  # a small job beside kontanthjælp; hours that ended
    "flex_job": 1,
    "education": 1,
    "wage_subsidy": 1,
    "flex_benefit": 1,
    "no_paid_hours": 4,  # mentor, nothing, pension, intet resultat
}
ON_DATE = {
    "paid_hours": 2,
    "paid_hours_with_benefit": 2,  # the small job, and løntilskud merged in on the date
    "flex_job": 1,
    "education": 1,
    "flex_benefit": 1,
    "exit": 1,
    "no_paid_hours_cash_benefit": 1,  # lost the hours, back on kontanthjælp
    "no_paid_hours_resource_programme": 2,  # ressourceforløb, jobafklaring
    "no_paid_hours_no_benefit": 1,
}


def build_population(engine: Engine) -> dict[str, int]:
    with session_scope(engine) as session:
        company = Company(name="Nakskov Stål A/S", placement_experience=True)
        rows = {
            name: Citizen(
                referral_date=REFERRED,
                name=f"Borger {name}",
                birth_year=1980,
                benefit_group=benefit,
            )
            for name, (benefit, _attendance) in PEOPLE.items()
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
    for name, (_benefit, attendance) in PEOPLE.items():
        check_in.record(engine, trip, ids[name], attendance, today=TRIP_DAY)
    check_in.complete_trip(engine, trip, today=TRIP_DAY)

    def outcome(name: str, kind: OutcomeKind, start: date, end: date | None = None) -> None:
        add_outcome(
            engine,
            NewOutcome(
                citizen_id=ids[name], kind=kind, start=start, end=end, trip_id=trip,
                aim="Lønnede timer efter 13 uger" if kind == K.INTERNSHIP else "",
            ),
        )  # fmt: skip

    d = date
    outcome("subsidy_then_hours", K.WAGE_SUBSIDY, d(2026, 4, 1), d(2026, 6, 30))
    outcome("subsidy_then_hours", K.PAID_HOURS, d(2026, 7, 1))
    outcome("small_job", K.SMALL_JOB, d(2026, 5, 1))
    outcome("small_job_no_benefit", K.SMALL_JOB, d(2026, 5, 1))
    outcome("flex_job", K.FLEX_JOB, d(2026, 6, 1))
    outcome("education", K.EDUCATION, d(2026, 8, 1))
    outcome("subsidy_only", K.WAGE_SUBSIDY, d(2026, 9, 1))
    outcome("flex_benefit", K.INTERNSHIP, d(2026, 4, 1), d(2026, 7, 1))
    outcome("lost_hours", K.PAID_HOURS_WITH_BENEFIT, d(2026, 4, 1), d(2026, 6, 30))
    outcome("mentor", K.MENTOR, d(2026, 4, 1))
    outcome("pension", K.EXIT, d(2026, 10, 1))
    outcome("no_result", K.NONE, d(2026, 3, 20))
    # Someone who stayed away is not in the population, whatever came later.
    add_outcome(
        engine, NewOutcome(citizen_id=ids["no_show"], kind=K.PAID_HOURS, start=d(2026, 5, 1))
    )
    return ids


def rows(table: list[dict[str, object]]) -> dict[object, object]:
    return {row["category"]: row["count"] for row in table}


def test_every_row_of_both_tables_from_a_population_built_by_hand(engine: Engine) -> None:
    build_population(engine)
    data = figures_as_json(load_figures(engine, on=TODAY, today=TODAY))
    evaluation = data["evaluation"]
    assert evaluation["population"] == 12 == data["citizens_attended"]
    assert [row["category"] for row in evaluation["ever"]] == list(EVER_ROWS)
    assert [row["category"] for row in evaluation["on_date"]] == list(ON_DATE_ROWS)
    assert rows(evaluation["ever"]) == EVER
    assert rows(evaluation["on_date"]) == ON_DATE
    percents = {row["category"]: row["percent"] for row in evaluation["ever"]}
    assert percents == {
        "paid_hours": 16.7,
        "paid_hours_with_benefit": 16.7,
        "flex_job": 8.3,
        "education": 8.3,
        "wage_subsidy": 8.3,
        "flex_benefit": 8.3,
        "no_paid_hours": 33.3,
    }
    # The headline follows the same rule: the small jobs are paid work now.
    assert data["headline"]["small_job"] == 0
    assert data["headline"]["paid_hours"] == 2 and data["headline"]["paid_hours_with_benefit"] == 2
    assert data["in_paid_work"] == 5  # 2 + 2 + the flex job
    assert data["status_on"]["in_paid_work"] == 4  # subsidy-then-hours, 2 small jobs, flex


def test_stats_json_and_text_show_the_tables(engine: Engine, db_path: object) -> None:
    build_population(engine)
    runner = CliRunner()
    result = runner.invoke(cli, [*db_option(db_path), "stats", "--json"])
    assert result.exit_code == 0, result.output
    evaluation = json.loads(result.stdout)["evaluation"]
    assert evaluation["population"] == 12
    assert rows(evaluation["ever"]) == EVER and rows(evaluation["on_date"]) == ON_DATE
    text = runner.invoke(cli, [*db_option(db_path), "stats"]).stdout
    assert "Som midtvejsevalueringens tabel 6.10 og 6.11" in text
    assert "Borgere, der mødte op på en tur: 12" in text
    assert "Nogensinde efter turen (tabel 6.10)" in text
    assert "Status pr. 23-11-2026 (tabel 6.11)" in text
    lines = [line.strip() for line in text.splitlines()]
    assert any(line.startswith("Ordinære timer uden løntilskud eller ydelse") and
               line.endswith("2   16,7 %") for line in lines)  # fmt: skip
    assert any(line.startswith("Pension/førtidspension, flyttet, død") and
               line.endswith("1    8,3 %") for line in lines)  # fmt: skip
    assert sum(line.startswith("I alt") and line.endswith("12  100,0 %") for line in lines) == 2


def test_suppressed_tables_hide_small_cells_and_one_more(engine: Engine, db_path: object) -> None:
    build_population(engine)
    result = CliRunner().invoke(cli, [*db_option(db_path), "stats", "--json", "--suppress-small"])
    evaluation = json.loads(result.stdout)["evaluation"]
    assert evaluation["population"] == 12
    # Every count is 1–4 here: all hidden, and no per cent gives one away.
    assert set(rows(evaluation["ever"]).values()) == {"<5"}
    assert all(row["percent"] is None for row in evaluation["ever"] + evaluation["on_date"])


def test_secondary_suppression() -> None:
    # One small cell alone would be the total less the rest: the smallest other goes too.
    assert hidden_cells([3, 10, 20]) == {0: "<5", 1: SECONDARY}
    assert hidden_cells([3, 0, 20]) == {0: "<5", 1: "<5"}  # a 0 is under 5 too
    # Two ones adding up to 2 are known exactly: a third is hidden.
    assert hidden_cells([1, 1, 9, 30]) == {0: "<5", 1: "<5", 2: SECONDARY}
    assert hidden_cells([2, 3, 9]) == {0: "<5", 1: "<5"}  # 5 = 1+4 = 2+3 = …: safe
    assert hidden_cells([5, 6, 0]) == {}
    assert hidden_cells([]) == {}


# --- the priority cases, by hand over facts with benefit periods -----------------------

TRIP = TripFact(1, TRIP_DAY, "lolland")
ON = date(2026, 11, 1)
UNTIL = date(2026, 12, 31)


def one(
    outcomes: tuple[OutcomeFact, ...] = (),
    benefit: BenefitGroup | None = B.CASH_ASSISTANCE,
    periods: tuple[BenefitPeriod, ...] = (),
) -> tuple[str, str]:
    data = Facts(
        (TRIP,),
        (AttendanceFact(1, 1, Attendance.PRESENT),),
        outcomes,
        (CitizenFact(1, benefit_group=benefit),),
        {1: periods} if periods else {},
    )
    ever, on_date = classify(data, on=ON, until=UNTIL)
    return ever[1], on_date[1]


def test_wage_subsidy_then_unsubsidised_hours_counts_as_paid_hours() -> None:
    got = one((OutcomeFact(1, K.WAGE_SUBSIDY, date(2026, 4, 1), date(2026, 5, 1)),
               OutcomeFact(1, K.PAID_HOURS, date(2026, 6, 1), date(2026, 7, 1))))  # fmt: skip
    assert got == ("paid_hours", "no_paid_hours_cash_benefit")
    assert one((OutcomeFact(1, K.WAGE_SUBSIDY, date(2026, 4, 1)),)) == (
        "wage_subsidy",
        "paid_hours_with_benefit",
    )


def test_small_job_and_hybrid_are_hours_beside_the_benefit() -> None:
    job = (OutcomeFact(1, K.SMALL_JOB, date(2026, 4, 1)),)
    assert one(job) == ("paid_hours_with_benefit", "paid_hours_with_benefit")
    assert one(job, benefit=None) == ("paid_hours_with_benefit", "paid_hours_with_benefit")
    assert one(job, benefit=B.NONE) == ("paid_hours", "paid_hours")
    hybrid = (OutcomeFact(1, K.HYBRID_INTERNSHIP, date(2026, 4, 1)),)
    assert one(hybrid) == ("paid_hours_with_benefit", "paid_hours_with_benefit")
    # Off the benefit from September: hours without it at least once; on the date too.
    off = (
        BenefitPeriod(B.CASH_ASSISTANCE, date(2025, 1, 1), date(2026, 8, 31)),
        BenefitPeriod(B.NONE, date(2026, 9, 1)),
    )
    assert one(job, periods=off) == ("paid_hours", "paid_hours")
    # Back on the benefit before the date: ever without, on the date with.
    back = (
        BenefitPeriod(B.NONE, date(2026, 1, 1), date(2026, 5, 31)),
        BenefitPeriod(B.CASH_ASSISTANCE, date(2026, 6, 1)),
    )
    assert one(job, B.NONE, back) == ("paid_hours", "paid_hours_with_benefit")
    # Internships, mentor, upskilling, health support, intet resultat are not hours.
    for kind in (K.INTERNSHIP, K.MENTOR, K.UPSKILLING, K.HEALTH_SUPPORT, K.NONE):
        assert one((OutcomeFact(1, kind, date(2026, 4, 1)),)) == (
            "no_paid_hours",
            "no_paid_hours_cash_benefit",
        )


def test_no_hours_split_by_the_benefit_on_the_date() -> None:
    def on_date(benefit: BenefitGroup | None) -> str:
        return one(benefit=benefit)[1]

    for benefit in (B.CASH_ASSISTANCE, B.EDUCATION_BENEFIT, B.INTEGRATION, B.SICKNESS, B.OTHER):
        assert on_date(benefit) == "no_paid_hours_cash_benefit"
    for benefit in (B.REHABILITATION, B.RESOURCE_PROGRAMME, B.JOB_CLARIFICATION):
        assert on_date(benefit) == "no_paid_hours_resource_programme"
    assert on_date(B.NONE) == "no_paid_hours_no_benefit"
    assert on_date(B.FLEX_BENEFIT) == "flex_benefit"
    assert on_date(None) == "no_paid_hours_cash_benefit"  # unknown is not "no benefit"
    # The period covering the date decides, not today's value.
    history = (
        BenefitPeriod(B.CASH_ASSISTANCE, date(2025, 1, 1), date(2026, 9, 30)),
        BenefitPeriod(B.RESOURCE_PROGRAMME, date(2026, 10, 1), date(2026, 11, 15)),
        BenefitPeriod(B.NONE, date(2026, 11, 16)),
    )
    assert one(benefit=B.NONE, periods=history)[1] == "no_paid_hours_resource_programme"


def test_flex_benefit_ever_uses_any_period_after_the_trip() -> None:
    before = (
        BenefitPeriod(B.FLEX_BENEFIT, date(2025, 1, 1), date(2026, 2, 1)),
        BenefitPeriod(B.CASH_ASSISTANCE, date(2026, 2, 2)),
    )
    assert one(periods=before) == ("no_paid_hours", "no_paid_hours_cash_benefit")
    after = (
        BenefitPeriod(B.CASH_ASSISTANCE, date(2025, 1, 1), date(2026, 5, 31)),
        BenefitPeriod(B.FLEX_BENEFIT, date(2026, 6, 1), date(2026, 8, 31)),
        BenefitPeriod(B.CASH_ASSISTANCE, date(2026, 9, 1)),
    )
    assert one(periods=after) == ("flex_benefit", "no_paid_hours_cash_benefit")
    # A flex job ranks above the flex benefit; exit comes before the no-hours rows.
    flex = (OutcomeFact(1, K.FLEX_JOB, date(2026, 6, 1)),)
    assert one(flex, periods=after) == ("flex_job", "flex_job")
    gone = (OutcomeFact(1, K.EXIT, date(2026, 10, 1)),)
    assert one(gone, B.NONE) == ("no_paid_hours", "exit")


def test_population_is_those_who_came() -> None:
    data = Facts(
        (TRIP, TripFact(2, date(2026, 5, 1), "lolland")),
        (
            AttendanceFact(1, 1, Attendance.PRESENT),
            AttendanceFact(2, 1, Attendance.LATE),  # twice: still one citizen
            AttendanceFact(1, 2, Attendance.LEFT_EARLY),
            AttendanceFact(1, 3, Attendance.NO_SHOW),
            AttendanceFact(1, 4, Attendance.EXCUSED),
            AttendanceFact(1, 5, Attendance.PRESENT, reserve=True),
        ),
        # Linked to the trip although the citizen stayed away: not in the population.
        (OutcomeFact(3, K.PAID_HOURS, date(2026, 4, 1), None, 1),),
    )
    result = evaluate(data, on=ON, until=UNTIL)
    assert result.population == 2
    assert {r.category: r.count for r in result.ever}["no_paid_hours"] == 2
    empty = evaluate(Facts(()), on=ON, until=UNTIL)
    assert empty.population == 0 and all(r.percent == 0.0 for r in empty.ever)
    assert [r.category for r in empty.on_date] == list(ON_DATE_ROWS)


def test_figures_carry_the_evaluation_at_the_status_date() -> None:
    data = Facts((TRIP,), (AttendanceFact(1, 1, Attendance.PRESENT),))
    figures = with_evaluation(compute_figures(data, on=None, reference_date=UNTIL), data)
    assert figures.evaluation is not None and figures.evaluation.status_date == UNTIL
    shown = evaluation_as_json(figures.evaluation, suppress_small=True)
    assert shown["population"] == "<5"


# --- properties -------------------------------------------------------------------------


@given(facts(), days)
def test_each_citizen_who_came_is_in_exactly_one_row(data: Facts, on: date) -> None:
    until = on + timedelta(days=30)
    result = evaluate(data, on=on, until=until)
    ever, on_date = classify(data, on=on, until=until)
    figures = compute_figures(data, on=on, reference_date=until)
    assert result.population == len(ever) == len(on_date) == figures.total.citizens_attended
    assert set(ever) == set(on_date)
    for table, order in ((result.ever, EVER_ROWS), (result.on_date, ON_DATE_ROWS)):
        assert [row.category for row in table] == list(order)
        assert sum(row.count for row in table) == result.population
        if result.population:
            assert sum(row.percent for row in table) == pytest.approx(100, abs=0.05 * len(order))


@given(facts(), days)
def test_on_date_paid_hours_never_exceed_ever(data: Facts, on: date) -> None:
    """Hours on a date are hours at some time: the paid rows on the date are within ever's."""
    ever, on_date = classify(data, on=on, until=on)
    paid = {"paid_hours", "paid_hours_with_benefit", "flex_job", "education"}
    hours = {"paid_hours", "paid_hours_with_benefit", "flex_job", "education", "wage_subsidy"}
    for citizen, row in on_date.items():
        if row in paid:
            assert ever[citizen] in hours
