"""Retention: the inactivity rule as plain functions, and `rfk-trips purge` on the demo data."""

import calendar
import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.engine import Engine

from rfk_trips.cli.main import cli
from rfk_trips.privacy import citizen_privacy, retention
from rfk_trips.privacy.audit_log import audit_lines
from rfk_trips.privacy.retention import (
    DEFAULT_RETENTION_MONTHS,
    is_inactive,
    last_activity,
    months_before,
    retention_months,
)
from rfk_trips.trips.trip_service import create_trip
from storage.codes import FollowUpKind, OutcomeKind
from storage.models import Citizen, FollowUp, LearningCase, Outcome, Participation
from storage.sessions import session_scope
from tests.database_choice import db_option

# Long after the demo's trips (2026), so most demo citizens have been quiet for 24 months.
LATER = date(2029, 6, 1)

Invoke = Callable[..., Result]

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@given(day=days, months=st.integers(min_value=0, max_value=600))
def test_months_before_counts_calendar_months(day: date, months: int) -> None:
    earlier = months_before(day, months)
    assert (day.year * 12 + day.month) - (earlier.year * 12 + earlier.month) == months
    assert earlier.day == min(day.day, calendar.monthrange(earlier.year, earlier.month)[1])
    assert earlier <= day


def test_months_before_at_a_month_end() -> None:
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2028, 3, 31), 1) == date(2028, 2, 29)
    assert months_before(date(2026, 11, 23), 24) == date(2024, 11, 23)


@given(
    today=days,
    months=st.integers(min_value=1, max_value=240),
    activity=st.lists(st.one_of(st.none(), days), max_size=8),
)
def test_inactive_exactly_when_every_activity_is_before_the_cutoff(
    today: date, months: int, activity: list[date | None]
) -> None:
    cutoff = months_before(today, months)
    inactive = is_inactive(last_activity(activity), today=today, months=months)
    assert inactive == all(d < cutoff for d in activity if d is not None)


@given(today=days, months=st.integers(min_value=1, max_value=240))
def test_activity_on_the_cutoff_day_still_counts(today: date, months: int) -> None:
    cutoff = months_before(today, months)
    assert not is_inactive(cutoff, today=today, months=months)
    assert is_inactive(cutoff - timedelta(days=1), today=today, months=months)


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch) -> date:
    monkeypatch.setenv("RFK_TRIPS_TODAY", LATER.isoformat())
    return LATER


@pytest.fixture
def run(db_path: Path) -> Invoke:
    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, [*db_option(db_path), *args])

    return invoke


def _citizens(engine: Engine) -> dict[int, Citizen]:
    with session_scope(engine) as session:
        return {c.id or 0: c for c in session.scalars(select(Citizen))}


def _snapshot(engine: Engine) -> dict[int, dict[str, object]]:
    return {cid: c.model_dump() for cid, c in _citizens(engine).items()}


def _stats(run: Invoke) -> dict[str, object]:
    result = run("stats", "--json")
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.output)
    return data


def test_purge_keeps_the_figures_and_the_active_citizens(
    run: Invoke, demo_engine: Engine, later: date
) -> None:
    before = _citizens(demo_engine)
    stats_before = _stats(run)
    with session_scope(demo_engine) as session:
        running = set(
            session.scalars(select(Outcome.citizen_id).where(Outcome.end_date.is_(None)))  # type: ignore[union-attr]
        )
    assert running, "the demo should have outcomes still running"

    result = run("purge", "--inactive-months", "24")
    assert result.exit_code == 0, result.output

    assert _stats(run) == stats_before
    after = _citizens(demo_engine)
    purged = {cid for cid, c in after.items() if c.anonymised_at is not None}
    assert purged and len(purged) < len(after)
    assert f"{len(purged)} borgere er anonymiseret" in result.output
    for cid in purged:
        assert after[cid].name == f"Slettet borger {cid}" and after[cid].archived
        assert after[cid].accommodation_needs == "" and after[cid].phone == ""
    # Someone in a placement that has not ended is still someone's case: untouched.
    for cid in running:
        assert cid not in purged
        assert after[cid].name == before[cid].name
        assert after[cid].accommodation_needs == before[cid].accommodation_needs
    (line,) = [entry for entry in audit_lines(demo_engine) if entry.action == "purge"]
    assert line.detail == f"{len(purged)} borgere; 24 mdr."
    logged = {
        cid
        for cid in purged
        if any(entry.action == "purge" for entry in audit_lines(demo_engine, citizen_id=cid))
    }
    assert logged == purged

    again = run("purge", "--inactive-months", "24")
    assert again.exit_code == 0 and "Intet at anonymisere" in again.output


def test_purge_today_touches_no_one_in_the_demo(run: Invoke, demo_engine: Engine) -> None:
    before = _snapshot(demo_engine)
    result = run("purge")
    assert result.exit_code == 0, result.output
    assert "Ingen borgere har været uden aktivitet i 24 måneder" in result.output
    assert _snapshot(demo_engine) == before


def test_dry_run_lists_who_and_changes_nothing(
    run: Invoke, demo_engine: Engine, later: date
) -> None:
    before = _snapshot(demo_engine)
    lines_before = len(audit_lines(demo_engine))
    result = run("purge", "--inactive-months", "24", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "siden 01-06-2027 (24 måneder)" in result.output
    assert "Intet er ændret (--dry-run)" in result.output
    listed = [line for line in result.output.splitlines() if "sidst aktiv" in line]
    assert listed
    first_id = int(listed[0].split()[0])
    assert str(before[first_id]["name"]) in listed[0]
    # Never the sensitive field, even though it is there for some of them.
    needs = [str(c["accommodation_needs"]) for c in before.values() if c["accommodation_needs"]]
    assert needs and not any(text in result.output for text in needs)
    assert _snapshot(demo_engine) == before
    assert len(audit_lines(demo_engine)) == lines_before


def test_the_default_period_is_a_database_setting(
    run: Invoke, demo_engine: Engine, later: date
) -> None:
    assert retention_months(demo_engine) == DEFAULT_RETENTION_MONTHS
    result = run("purge", "--set-default", "36")
    assert result.exit_code == 0 and "nu 36 måneder" in result.output
    assert retention_months(demo_engine) == 36
    setting = next(entry for entry in audit_lines(demo_engine) if entry.action == "setting")
    assert (setting.entity, setting.detail) == ("retention_months", "36")
    dry = run("purge", "--dry-run")
    assert "(36 måneder)" in dry.output or "i 36 måneder" in dry.output


@pytest.mark.parametrize("months", ["0", "241", "-3"])
def test_a_period_out_of_range_is_refused_in_danish(
    run: Invoke, demo_engine: Engine, months: str
) -> None:
    for args in (("--set-default", months), ("--inactive-months", months)):
        result = run("purge", *args)
        assert result.exit_code == 1, result.output
        assert "mellem 1 og 240 måneder" in result.output and "Traceback" not in result.output
    assert retention_months(demo_engine) == DEFAULT_RETENTION_MONTHS


def test_set_default_does_not_purge_at_the_same_time(run: Invoke, demo_engine: Engine) -> None:
    result = run("purge", "--set-default", "12", "--dry-run")
    assert result.exit_code == 2 and "--set-default" in result.output
    assert retention_months(demo_engine) == DEFAULT_RETENTION_MONTHS


def test_purge_is_one_transaction(
    demo_engine: Engine, later: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _snapshot(demo_engine)
    calls = 0
    real = citizen_privacy.anonymise

    def fail_on_the_third(*args: object, **kwargs: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise RuntimeError("disk gone")
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(retention, "anonymise", fail_on_the_third)
    with pytest.raises(RuntimeError):
        retention.purge_inactive(demo_engine, months=24, today=later, dry_run=False)
    assert calls == 3
    assert _snapshot(demo_engine) == before
    assert not [entry for entry in audit_lines(demo_engine) if entry.action == "purge"]


def test_recent_activity_of_each_kind_keeps_a_citizen(engine: Engine) -> None:
    today = date(2026, 11, 23)
    old, recent = date(2020, 1, 1), date(2026, 6, 1)
    long_ago = datetime(2020, 1, 1, 12, tzinfo=UTC)
    old_trip = create_trip(engine, format_code="guldborgsund", trip_date=old)
    recent_trip = create_trip(engine, format_code="guldborgsund", trip_date=recent)
    kinds = ("quiet", "referral", "trip", "follow_up", "outcome_end", "running", "case")
    with session_scope(engine) as session:
        people = {kind: Citizen(name=f"Borger {kind}", referral_date=old) for kind in kinds}
        people["referral"].referral_date = recent
        session.add_all(people.values())
        session.flush()
        ids = {kind: citizen.id or 0 for kind, citizen in people.items()}
        session.add(Participation(trip_id=old_trip, citizen_id=ids["quiet"]))
        session.add(Participation(trip_id=recent_trip, citizen_id=ids["trip"]))
        session.add(
            FollowUp(
                citizen_id=ids["follow_up"],
                kind=FollowUpKind.AFTER_TRIP,
                due_date=recent,
                created_at=long_ago,
            )
        )
        session.add(
            Outcome(
                citizen_id=ids["outcome_end"],
                kind=OutcomeKind.INTERNSHIP,
                start_date=old,
                end_date=recent,
            )
        )
        session.add(Outcome(citizen_id=ids["running"], kind=OutcomeKind.PAID_HOURS, start_date=old))
        session.add(LearningCase(citizen_id=ids["case"], written_on=recent, lessons="x"))
    with session_scope(engine) as session:
        # Every record was last edited long ago: only what was done with them counts.
        for citizen in session.scalars(select(Citizen)):
            citizen.updated_at = long_ago
            session.add(citizen)
    with session_scope(engine) as session:
        found = retention.find_inactive(session, today=today, months=24)
    assert [(row.id, row.last_activity) for row in found] == [(ids["quiet"], old)]
    # An edit of the record is activity too.
    with session_scope(engine) as session:
        citizen = session.get(Citizen, ids["quiet"])
        assert citizen is not None
        citizen.updated_at = datetime(2026, 1, 5, tzinfo=UTC)
        session.add(citizen)
    with session_scope(engine) as session:
        assert retention.find_inactive(session, today=today, months=24) == []
