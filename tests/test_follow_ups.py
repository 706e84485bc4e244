"""After the trip: follow-up tasks from completing it, recording them, outcomes and stalls."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.engine import Engine

from rfk_trips.after_trip.follow_up_listing import list_follow_ups
from rfk_trips.after_trip.follow_ups import (
    DEFAULT_FOLLOW_UP_DAYS,
    NO_SHOW_CONTACT_DAYS,
    record_follow_up,
    stalled_citizens,
)
from rfk_trips.after_trip.outcomes import NewOutcome, add_outcome, check_new_outcome, end_outcome
from rfk_trips.cli.main import cli
from rfk_trips.rules.errors import UserError
from rfk_trips.trips import check_in
from storage.codes import FollowUpKind, OutcomeKind, StaffRole
from storage.models import Citizen, FollowUp, Outcome, Staff, Trip, TripFormat
from storage.sessions import session_scope
from tests.conftest import REFERRED
from tests.database_choice import db_option
from tests.trip_builders import DAY, held_trip


def test_completing_a_trip_leaves_a_task_per_participant(engine: Engine) -> None:
    with session_scope(engine) as session:
        caseworker = Staff(name="Sara Sagsbehandler", initials="SS", role=StaffRole.CASEWORKER)
        session.add(caseworker)
        session.flush()
        caseworker_id = caseworker.id
    trip_id, citizens = held_trip(engine)
    with session_scope(engine) as session:
        first = session.get(Citizen, citizens[0])
        assert first is not None
        first.caseworker_id = caseworker_id
        session.add(first)

    assert check_in.complete_trip(engine, trip_id, follow_up_days=10, today=DAY) == 7
    rows = list_follow_ups(engine, today=DAY, include_done=True)
    kinds = {row.citizen_id: (row.kind, row.due_date) for row in rows}
    assert kinds[citizens[0]] == (FollowUpKind.AFTER_TRIP, DAY + timedelta(days=10))
    assert kinds[citizens[6]][0] is FollowUpKind.CONTACT_NO_SHOW
    assert kinds[citizens[6]][1] < DAY + timedelta(days=10)  # called sooner
    assert citizens[7] not in kinds  # afbud: no task
    assert next(r for r in rows if r.citizen_id == citizens[0]).staff == "SS"
    # Completing again after a correction adds nothing twice.
    assert check_in.complete_trip(engine, trip_id, today=DAY) == 0
    assert list_follow_ups(engine, today=DAY + timedelta(days=3), due_only=True)[0].kind is (
        FollowUpKind.CONTACT_NO_SHOW
    )


def set_format_follow_up_days(engine: Engine, trip_id: int, days: int) -> None:
    with session_scope(engine) as session:
        trip = session.get(Trip, trip_id)
        assert trip is not None
        trip_format = session.get(TripFormat, trip.format_id)
        assert trip_format is not None
        assert trip_format.follow_up_days == DEFAULT_FOLLOW_UP_DAYS  # the built-in setting
        trip_format.follow_up_days = days
        session.add(trip_format)


def due_dates(engine: Engine) -> dict[int, tuple[FollowUpKind, date]]:
    rows = list_follow_ups(engine, today=DAY, include_done=True)
    return {row.citizen_id: (row.kind, row.due_date) for row in rows}


def test_the_trip_formats_setting_gives_the_follow_up_date(engine: Engine) -> None:
    trip_id, citizens = held_trip(engine)
    set_format_follow_up_days(engine, trip_id, 7)

    assert check_in.complete_trip(engine, trip_id, today=DAY) == 7

    dues = due_dates(engine)
    for came in citizens[:6]:
        assert dues[came] == (FollowUpKind.AFTER_TRIP, DAY + timedelta(days=7))
    # The one who stayed away is still called within two days, whatever the format says.
    assert dues[citizens[6]] == (
        FollowUpKind.CONTACT_NO_SHOW,
        DAY + timedelta(days=NO_SHOW_CONTACT_DAYS),
    )
    assert citizens[7] not in dues


def test_an_explicit_number_of_days_wins_over_the_format(engine: Engine) -> None:
    trip_id, citizens = held_trip(engine)
    set_format_follow_up_days(engine, trip_id, 7)

    assert check_in.complete_trip(engine, trip_id, follow_up_days=21, today=DAY) == 7

    assert due_dates(engine)[citizens[0]] == (FollowUpKind.AFTER_TRIP, DAY + timedelta(days=21))


def test_negative_days_are_refused_in_danish(engine: Engine) -> None:
    trip_id, _ = held_trip(engine)
    with pytest.raises(UserError) as caught:
        check_in.complete_trip(engine, trip_id, follow_up_days=-1, today=DAY)
    assert "kan ikke være negativt" in caught.value.message
    assert due_dates(engine) == {}


def test_the_command_takes_the_formats_days_unless_told(engine: Engine, db_path: Path) -> None:
    trip_id, citizens = held_trip(engine)
    set_format_follow_up_days(engine, trip_id, 5)
    other_trip, other_citizens = held_trip(engine)

    result = CliRunner().invoke(cli, [*db_option(db_path), "trip", "complete", str(trip_id)])
    assert result.exit_code == 0, result.output
    assert "7 opfølgning(er)" in result.output
    assert due_dates(engine)[citizens[0]][1] == DAY + timedelta(days=5)

    result = CliRunner().invoke(
        cli,
        [*db_option(db_path), "trip", "complete", str(other_trip), "--follow-up-days", "30"],
    )
    assert result.exit_code == 0, result.output
    assert due_dates(engine)[other_citizens[0]][1] == DAY + timedelta(days=30)


def test_recording_a_follow_up_schedules_the_next_step(engine: Engine) -> None:
    trip_id, citizens = held_trip(engine)
    check_in.complete_trip(engine, trip_id, today=DAY)
    task = next(r for r in list_follow_ups(engine, today=DAY) if r.citizen_id == citizens[0])
    with pytest.raises(UserError, match="frist"):
        record_follow_up(engine, task.id, today=DAY, next_step="Praktik")
    next_id = record_follow_up(
        engine,
        task.id,
        today=DAY,
        note="Vil gerne prøve lageret",
        next_step="Aftale praktik",
        next_due=DAY + timedelta(days=7),
    )
    open_rows = list_follow_ups(engine, today=DAY, citizen_id=citizens[0])
    assert [(r.id, r.kind, r.next_step) for r in open_rows] == [
        (next_id, FollowUpKind.NEXT_STEP, "Aftale praktik")
    ]
    done = next(
        r
        for r in list_follow_ups(engine, today=DAY, include_done=True, citizen_id=citizens[0])
        if r.id == task.id
    )
    # The moment it was done, in UTC as it was stored (SQLite keeps no offset).
    assert done.done_at is not None and done.done_at.utcoffset() == timedelta(0)
    with pytest.raises(UserError, match="allerede registreret"):
        record_follow_up(engine, task.id, today=DAY)


def test_outcome_rules_without_a_database() -> None:
    start = date(2026, 12, 1)
    placement = NewOutcome(citizen_id=1, kind=OutcomeKind.INTERNSHIP, start=start)
    assert set(check_new_outcome(placement)) == {"aim"}
    wrong = NewOutcome(
        citizen_id=1,
        kind=OutcomeKind.PAID_HOURS,
        start=start,
        end=start - timedelta(days=1),
        hours_per_week=120,
    )
    assert set(check_new_outcome(wrong)) == {"end", "hours"}


def test_outcomes_link_to_the_trip_and_a_placement_ended_early_needs_a_reason(
    engine: Engine,
) -> None:
    trip_id, citizens = held_trip(engine)
    start = DAY + timedelta(days=8)
    outcome_id = add_outcome(
        engine,
        NewOutcome(
            citizen_id=citizens[0],
            kind=OutcomeKind.INTERNSHIP,
            start=start,
            trip_id=trip_id,
            aim="Lønnede timer efter 8 uger",
        ),
    )
    with session_scope(engine) as session:
        saved = session.get(Outcome, outcome_id)
        assert saved is not None
        assert saved.review_date == start + timedelta(weeks=13)
    # Only a trip the citizen was on, and not before it.
    with pytest.raises(UserError, match="ikke med på turen"):
        add_outcome(
            engine,
            NewOutcome(citizen_id=citizens[8], kind=OutcomeKind.PAID_HOURS, start=start,
                       trip_id=trip_id),
        )  # fmt: skip
    with pytest.raises(UserError, match="før turen"):
        add_outcome(
            engine,
            NewOutcome(citizen_id=citizens[1], kind=OutcomeKind.PAID_HOURS,
                       start=DAY - timedelta(days=1), trip_id=trip_id),
        )  # fmt: skip
    with pytest.raises(UserError, match="Skriv hvorfor"):
        end_outcome(engine, outcome_id, start + timedelta(weeks=3))
    ended = end_outcome(engine, outcome_id, start + timedelta(weeks=3), reason="Arbejdstiderne")
    assert ended.ended_early and ended.suggest_learning_case
    with pytest.raises(UserError, match="allerede afsluttet"):
        end_outcome(engine, outcome_id, start + timedelta(weeks=4), reason="x")


def test_stalled_citizens_have_no_next_step(engine: Engine) -> None:
    trip_id, citizens = held_trip(engine)
    check_in.complete_trip(engine, trip_id, today=DAY)
    later = DAY + timedelta(days=30)
    assert stalled_citizens(engine, today=later) == []  # every one who came has a task
    with session_scope(engine) as session:
        for task in session.scalars(select(FollowUp).where(FollowUp.citizen_id == citizens[0])):
            task.done_at = task.created_at
            session.add(task)
    stalled = stalled_citizens(engine, today=later)
    assert [s.citizen_id for s in stalled] == [citizens[0]]
    # A running outcome is a next step.
    add_outcome(
        engine,
        NewOutcome(citizen_id=citizens[0], kind=OutcomeKind.SMALL_JOB, start=DAY + timedelta(3)),
    )
    assert stalled_citizens(engine, today=later) == []


def test_the_commands(engine: Engine, db_path: Path) -> None:
    trip_id, citizens = held_trip(engine)

    def run(*args: str) -> tuple[int, str]:
        result = CliRunner().invoke(cli, [*db_option(db_path), *args])
        return result.exit_code, result.output

    code, out = run("trip", "complete", str(trip_id), "--follow-up-days", "14")
    assert code == 0 and "7 opfølgning(er)" in out
    code, out = run("followups", "--json")
    assert code == 0 and out.count('"kind"') == 7
    code, out = run(
        "outcome", "add", str(citizens[0]), "--kind", "internship", "--start", "1/12",
        "--trip", str(trip_id),
    )  # fmt: skip
    assert code == 1 and "aftalt mål" in out and "Traceback" not in out
    code, out = run(
        "outcome", "add", str(citizens[0]), "--kind", "paid_hours", "--start", "1/12",
        "--trip", str(trip_id), "--hours", "12",
    )  # fmt: skip
    assert code == 0 and "Ordinære timer uden ydelse er registreret" in out
    code, out = run("outcome", "list", "--trip", str(trip_id), "--json")
    assert code == 0 and '"paid_hours"' in out
    code, out = run("checkin", str(trip_id), "--status", "present")
    assert code == 2 and "borgerens id" in out


def test_running_on_says_in_sql_what_the_figures_say_in_memory(engine: Engine) -> None:
    """One rule in two places (the stalled list's query, the figures' facts): held together."""
    from itertools import product

    from sqlmodel import select as sql_select

    from rfk_trips.after_trip.outcomes import running_on
    from rfk_trips.rules.outcome_figures import OutcomeFact

    days = [date(2026, 11, day) for day in (1, 2, 3, 4, 5)]
    periods = [
        (start, end) for start, end in product(days, [None, *days]) if end is None or end >= start
    ]
    with session_scope(engine) as session:
        citizen = Citizen(referral_date=REFERRED, name="Grid Borger")
        session.add(citizen)
        session.flush()
        for start, end in periods:
            session.add(
                Outcome(citizen_id=citizen.id or 0, kind=OutcomeKind.PAID_HOURS,
                        start_date=start, end_date=end)
            )  # fmt: skip
    with session_scope(engine) as session:
        rows = session.exec(sql_select(Outcome)).all()
        for on in [date(2026, 10, 31), *days, date(2026, 11, 6)]:
            in_sql = {o.id for o in session.exec(sql_select(Outcome).where(running_on(on)))}
            in_memory = {
                o.id
                for o in rows
                if OutcomeFact(o.citizen_id, o.kind, o.start_date, o.end_date).running_on(on)
            }
            assert in_sql == in_memory, on
        assert len(rows) == len(periods) == 20


def test_history_may_leave_a_placements_aim_out_but_not_its_other_rules() -> None:
    placement = NewOutcome(
        citizen_id=1,
        kind=OutcomeKind.INTERNSHIP,
        start=date(2024, 3, 10),
        end=date(2024, 3, 1),
    )
    assert set(check_new_outcome(placement)) == {"aim", "end"}
    assert set(check_new_outcome(placement, aim_required=False)) == {"end"}
