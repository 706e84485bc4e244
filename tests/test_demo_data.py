"""The demo data keeps the rules a real register and calendar would: Springbrættet cohorts
travel during their own course, and an exported register imports again unchanged."""

import re
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import select
from sqlalchemy.engine import Engine

from rfk_trips.cli.main import cli
from rfk_trips.exchange.demo_data import load_demo, springboard_course
from rfk_trips.i18n.catalogue import number
from rfk_trips.rules.danish_dates import holiday_name
from storage.models import Citizen, Participation, Trip, TripFormat, Visit
from storage.sessions import session_scope
from tests.conftest import TODAY
from tests.database_choice import db_option


def _course(cohort: str) -> tuple[date, date]:
    """Worked out here from the name, not by the code under test: ISO week N's Monday and
    the 13 weeks from it."""
    found = re.fullmatch(r"Springbrættet (\d{4}) uge (\d{1,2})(?: hold \d+)?", cohort)
    assert found is not None, cohort
    monday = date.fromisocalendar(int(found[1]), int(found[2]), 1)
    return monday, monday + timedelta(weeks=13)


def _lolland_trips(engine: Engine) -> dict[tuple[int, date], set[str]]:
    """Each Lolland trip (id, date) with the cohorts of the people on it."""
    with session_scope(engine) as session:
        rows = session.execute(
            select(Trip.id, Trip.trip_date, Citizen.cohort)
            .join(TripFormat, TripFormat.id == Trip.format_id)
            .join(Participation, Participation.trip_id == Trip.id)
            .join(Citizen, Citizen.id == Participation.citizen_id)
            .where(TripFormat.code == "lolland")
        ).all()
    trips: dict[tuple[int, date], set[str]] = {}
    for trip_id, day, cohort in rows:
        trips.setdefault((trip_id, day), set()).add(cohort)
    return trips


@pytest.mark.parametrize("seed", [2026, 7])
def test_lolland_trips_lie_within_their_cohorts_course_on_a_working_day(
    engine: Engine, seed: int
) -> None:
    load_demo(engine, scale=1, seed=seed, today=TODAY)
    trips = _lolland_trips(engine)
    assert len(trips) >= 20
    per_cohort: dict[str, list[date]] = {}
    for (_, day), cohorts in trips.items():
        assert len(cohorts) == 1, cohorts  # one cohort, who know each other (R14)
        (cohort,) = cohorts
        first, end = _course(cohort)
        assert first <= day < end, (cohort, day)
        assert day.weekday() < 5, (cohort, day)
        assert holiday_name(day) is None, (cohort, day)
        per_cohort.setdefault(cohort, []).append(day)
    # Two trips each, a few weeks apart, as the participants take them.
    assert all(len(days) <= 2 for days in per_cohort.values())
    assert sum(len(days) == 2 for days in per_cohort.values()) >= len(per_cohort) - 2
    for days in per_cohort.values():
        if len(days) == 2:
            assert abs(days[1] - days[0]) >= timedelta(weeks=3)


def test_a_cohorts_two_trips_visit_two_companies(demo_engine: Engine) -> None:
    with session_scope(demo_engine) as session:
        rows = session.execute(
            select(Trip.title, Visit.company_id)
            .join(Visit, Visit.trip_id == Trip.id)
            .join(TripFormat, TripFormat.id == Trip.format_id)
            .where(TripFormat.code == "lolland")
        ).all()
    hosts: dict[str, list[int]] = {}
    for title, company_id in rows:
        hosts.setdefault(title.split(":")[0], []).append(company_id)
    assert hosts
    assert all(len(set(ids)) == len(ids) for ids in hosts.values())


def test_the_course_is_read_from_the_cohort_name() -> None:
    assert springboard_course("Springbrættet 2026 uge 10") == (date(2026, 3, 2), date(2026, 5, 29))
    assert springboard_course("Springbrættet 2026 uge 10 hold 3") == (
        date(2026, 3, 2),
        date(2026, 5, 29),
    )
    assert springboard_course("Servicekursus 2026 hold 1") is None


def _run(db: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, [*db_option(db), *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("seed", ["2026", "7"])
def test_an_exported_register_imports_again_unchanged_even_after_demo_force(
    tmp_path: Path, seed: str
) -> None:
    """Import knows companies by CVR, else name and postcode; citizens by name and phone;
    staff by initials. A second demo on top (same seed) must not make two of one."""
    db = tmp_path / "rfk.db"
    _run(db, "demo", "--seed", seed)
    _run(db, "demo", "--force", "--seed", seed)
    for kind, what in (
        ("companies", "Virksomheder"),
        ("citizens", "Borgere"),
        ("staff", "Medarbejdere"),
    ):
        before = tmp_path / f"{kind}.csv"
        _run(db, "export", kind, str(before))
        rows = len(before.read_text(encoding="utf-8-sig").splitlines()) - 1
        for dry in ((), ("--dry-run",)):
            summary = _run(db, "import", kind, str(before), *dry).output
            # The summary writes counts the Danish way (1.400), as the import dialog does.
            assert f"{what}: 0 ny(e), 0 opdateret, {number(rows)} uændret." in summary, summary
        after = tmp_path / f"{kind}-after.csv"
        _run(db, "export", kind, str(after))
        assert after.read_bytes() == before.read_bytes()


def test_every_demo_citizen_has_a_benefit_history_ending_in_their_current_benefit(
    demo_engine: Engine,
) -> None:
    from storage.models import CitizenBenefitPeriod

    with session_scope(demo_engine) as session:
        citizens = {c.id: c for c in session.scalars(select(Citizen))}
        periods: dict[int, list[CitizenBenefitPeriod]] = {}
        for period in session.scalars(
            select(CitizenBenefitPeriod).order_by(CitizenBenefitPeriod.since)
        ):
            periods.setdefault(period.citizen_id, []).append(period)
        assert set(periods) == set(citizens)
        changed = 0
        for citizen_id, history in periods.items():
            *earlier, current = history
            assert current.until is None
            assert current.benefit_group == citizens[citizen_id].benefit_group
            assert history[0].since == citizens[citizen_id].referral_date
            for before, after in pairwise(history):
                assert before.until == after.since - timedelta(days=1)
            changed += bool(earlier)
        # Some changed benefit on the way, so the figures by the benefit on a date differ.
        assert 0 < changed < len(citizens)
