"""Check-in on the day: statuses per leg, walk-ins, undo, counts, completing the trip."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.engine import Engine

from rfk_trips.rules.errors import UserError
from rfk_trips.trips import check_in, trip_service
from rfk_trips.trips.check_in import overall_attendance
from storage.codes import ATTENDED, Attendance, TripStatus
from storage.models import CheckinEvent, Participation
from storage.sessions import session_scope
from tests.database_choice import url_for
from tests.trip_builders import DAY, planned_trip


def test_legs_follow_the_number_of_visits(engine: Engine) -> None:
    trip_id, _ = planned_trip(engine)
    sheet = check_in.checkin_sheet(engine, trip_id)
    assert sheet.legs == ["Afgang", "Besøg 1", "Besøg 2", "Hjemkomst"]
    lolland, _ = planned_trip(engine, "lolland", people=12)
    assert check_in.checkin_sheet(engine, lolland).legs == ["Afgang"]


def test_each_status_is_saved_with_its_time_and_counted(engine: Engine) -> None:
    trip_id, citizens = planned_trip(engine)
    check_in.record(engine, trip_id, citizens[0], Attendance.PRESENT)
    check_in.record(engine, trip_id, citizens[1], Attendance.LATE)
    check_in.record(engine, trip_id, citizens[2], Attendance.EXCUSED, reason="Syg")
    row = check_in.record(engine, trip_id, citizens[3], Attendance.NO_SHOW)
    assert row.overall is Attendance.NO_SHOW and row.changed_at is not None
    sheet = check_in.checkin_sheet(engine, trip_id)
    departure = sheet.counts[0]
    assert (departure.there, departure.expected) == (2, 7)  # 8 participants, one excused
    with session_scope(engine) as session:
        excused = session.scalars(
            select(Participation).where(Participation.citizen_id == citizens[2])
        ).one()
        assert excused.attendance is Attendance.EXCUSED and excused.note == "Syg"
        first = session.scalars(
            select(Participation).where(Participation.citizen_id == citizens[0])
        ).one()
        assert first.checked_in_at is not None


def test_leaving_after_the_first_visit_counts_per_leg(engine: Engine) -> None:
    trip_id, citizens = planned_trip(engine)
    check_in.record(engine, trip_id, citizens[0], Attendance.PRESENT)
    check_in.record(engine, trip_id, citizens[0], Attendance.PRESENT, leg=1)
    row = check_in.record(engine, trip_id, citizens[0], Attendance.LEFT_EARLY, leg=2)
    assert row.overall is Attendance.LEFT_EARLY
    counts = check_in.checkin_sheet(engine, trip_id).counts
    assert [c.there for c in counts] == [1, 1, 1, 0]
    with pytest.raises(UserError, match=r"ingen del nr\. 7"):
        check_in.record(engine, trip_id, citizens[0], Attendance.PRESENT, leg=7)


def test_those_who_did_not_come_or_went_home_are_not_expected_on_later_legs(
    engine: Engine,
) -> None:
    trip_id, citizens = planned_trip(engine)  # 8 participants
    check_in.record(engine, trip_id, citizens[0], Attendance.NO_SHOW)
    check_in.record(engine, trip_id, citizens[1], Attendance.EXCUSED)
    for citizen in citizens[2:8]:
        check_in.record(engine, trip_id, citizen, Attendance.PRESENT)
    check_in.record(engine, trip_id, citizens[2], Attendance.LEFT_EARLY, leg=1)
    for citizen in citizens[3:8]:
        check_in.record(engine, trip_id, citizen, Attendance.PRESENT, leg=1)
    counts = check_in.checkin_sheet(engine, trip_id).counts
    # Afgang: 6 of the 7 without afbud came. Besøg 1: all 6 on the bus, one of them left
    # during it. Besøg 2 and hjemkomst: the 5 still with the group, none ticked off yet.
    assert [(c.name, c.there, c.expected) for c in counts] == [
        ("Afgang", 6, 7),
        ("Besøg 1", 6, 6),
        ("Besøg 2", 0, 5),
        ("Hjemkomst", 0, 5),
    ]
    # Every change taken back (14 of them): everyone is expected on every leg again.
    for _ in range(14):
        assert check_in.undo_last(engine, trip_id) is not None
    counts = check_in.checkin_sheet(engine, trip_id).counts
    assert [(c.there, c.expected) for c in counts] == [(0, 8)] * 4


@given(
    legs=st.dictionaries(st.integers(0, 3), st.sampled_from(list(Attendance)), max_size=4),
)
def test_expected_never_comes_back_on_a_later_leg(legs: dict[int, Attendance]) -> None:
    expected = [check_in.expected_on_leg(legs, leg) for leg in range(4)]
    assert expected == sorted(expected, reverse=True)  # once gone, gone for the day
    if overall_attendance(legs) is Attendance.EXCUSED:
        assert not any(expected)
    elif all(status is Attendance.PENDING for status in legs.values()):
        assert all(expected)


def test_undo_takes_back_exactly_the_last_change(engine: Engine) -> None:
    trip_id, citizens = planned_trip(engine)
    check_in.record(engine, trip_id, citizens[0], Attendance.PRESENT)
    check_in.record(engine, trip_id, citizens[0], Attendance.NO_SHOW)
    message = check_in.undo_last(engine, trip_id)
    assert message is not None and "udeblevet" in message
    row = next(
        r for r in check_in.checkin_sheet(engine, trip_id).rows if r.citizen_id == citizens[0]
    )
    assert row.overall is Attendance.PRESENT
    check_in.undo_last(engine, trip_id)
    assert check_in.undo_last(engine, trip_id) is None
    with session_scope(engine) as session:
        events = list(session.scalars(select(CheckinEvent)))
        assert len(events) == 2 and all(e.undone for e in events)  # kept, never deleted


def test_a_reserve_walks_in(engine: Engine) -> None:
    trip_id, citizens = planned_trip(engine)
    reserve = citizens[-1]
    with pytest.raises(UserError, match="reserve"):
        check_in.record(engine, trip_id, reserve, Attendance.PRESENT)
    check_in.walk_in(engine, trip_id, reserve)
    row = next(r for r in check_in.checkin_sheet(engine, trip_id).rows if r.citizen_id == reserve)
    assert row.role.value == "participant" and row.overall is Attendance.PRESENT
    with pytest.raises(UserError, match="allerede deltager"):
        check_in.walk_in(engine, trip_id, reserve)


def test_undoing_a_walk_in_makes_them_a_reserve_again(engine: Engine) -> None:
    trip_id, citizens = planned_trip(engine)
    reserve = citizens[-1]
    check_in.walk_in(engine, trip_id, reserve)
    assert check_in.undo_last(engine, trip_id) is not None
    row = next(r for r in check_in.checkin_sheet(engine, trip_id).rows if r.citizen_id == reserve)
    assert row.role.value == "reserve" and row.overall is Attendance.PENDING
    with session_scope(engine) as session:
        events = list(session.scalars(select(CheckinEvent).where(CheckinEvent.trip_id == trip_id)))
    assert [(e.walk_in, e.undone) for e in events] == [(True, True)]  # kept, marked undone


def test_complete_refuses_while_someone_is_pending_unless_forced(engine: Engine) -> None:
    trip_id, citizens = planned_trip(engine)
    for citizen in citizens[:7]:
        check_in.record(engine, trip_id, citizen, Attendance.PRESENT)
    with pytest.raises(UserError) as refused:
        check_in.complete_trip(engine, trip_id)
    assert refused.value.details == ["Borger 07"]
    check_in.record(engine, trip_id, citizens[7], Attendance.NO_SHOW)
    check_in.complete_trip(engine, trip_id)
    assert trip_service.trip_detail(engine, trip_id).status is TripStatus.COMPLETED


def test_force_completes_and_cancelled_trips_have_no_check_in(engine: Engine) -> None:
    trip_id, _ = planned_trip(engine)
    check_in.complete_trip(engine, trip_id, force=True)
    assert trip_service.trip_detail(engine, trip_id).status is TripStatus.COMPLETED
    other, more = planned_trip(engine)
    trip_service.cancel_trip(engine, other)
    with pytest.raises(UserError, match="aflyst"):
        check_in.record(engine, other, more[0], Attendance.PRESENT)


@given(
    first=st.sampled_from(list(Attendance)),
    later=st.lists(st.sampled_from(list(Attendance)), max_size=3),
)
def test_overall_attendance(first: Attendance, later: list[Attendance]) -> None:
    legs = {0: first, **{i + 1: status for i, status in enumerate(later)}}
    overall = overall_attendance(legs)
    if first not in ATTENDED:
        assert overall is first
    elif any(s in (Attendance.LEFT_EARLY, Attendance.NO_SHOW) for s in later):
        assert overall is Attendance.LEFT_EARLY
    else:
        assert overall is first


def test_statuses_survive_a_killed_process(engine: Engine, db_path: Path) -> None:
    """Each check-in is committed before the next key: killing the process loses nothing."""
    trip_id, citizens = planned_trip(engine)
    engine.dispose()
    script = (
        "import os, signal, sys\n"
        "from rfk_trips.trips import check_in\n"
        "from rfk_trips.database.opening import open_database\n"
        "from storage.codes import Attendance\n"
        f"db = open_database({url_for(db_path)!r})\n"
        f"for citizen in {citizens[:5]!r}:\n"
        f"    check_in.record(db.engine, {trip_id}, citizen, Attendance.PRESENT)\n"
        "    print('saved', citizen, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL
    assert done.stdout.count("saved") == 5
    rows = {r.citizen_id: r for r in check_in.checkin_sheet(engine, trip_id).rows}
    assert [rows[c].overall for c in citizens[:5]] == [Attendance.PRESENT] * 5
    assert rows[citizens[5]].overall is Attendance.PENDING


def test_times_of_changes_read_in_danish_time_whatever_the_machine_zone() -> None:
    from datetime import UTC, datetime

    from rfk_trips.rules.danish_dates import format_clock

    # SQLite hands back the stored UTC moment without a zone.
    assert format_clock(datetime(2026, 11, 23, 7, 31)) == "08:31"  # winter: UTC+1
    assert format_clock(datetime(2026, 6, 23, 7, 31, tzinfo=UTC)) == "09:31"  # summer: UTC+2


def test_check_in_and_completing_wait_for_the_day(engine: Engine) -> None:
    from datetime import timedelta

    trip_id, citizens = planned_trip(engine)
    before = DAY - timedelta(days=1)
    with pytest.raises(UserError, match="ikke kørt endnu"):
        check_in.record(engine, trip_id, citizens[0], Attendance.PRESENT, today=before)
    with pytest.raises(UserError, match="ikke kørt endnu"):
        check_in.walk_in(engine, trip_id, citizens[-1], today=before)
    with pytest.raises(UserError, match="kan ikke afsluttes"):
        check_in.complete_trip(engine, trip_id, force=True, today=before)
    # On the day and after it, both work (after the fact from the paper list).
    check_in.record(engine, trip_id, citizens[0], Attendance.PRESENT, today=DAY)
    check_in.record(engine, trip_id, citizens[1], Attendance.PRESENT, today=DAY + timedelta(7))


def test_an_empty_or_cancelled_trip_is_not_completed(engine: Engine) -> None:
    empty = trip_service.create_trip(engine, format_code="custom", trip_date=DAY)
    with pytest.raises(UserError, match="ingen deltagere"):
        check_in.complete_trip(engine, empty, force=True, today=DAY)
    trip_id, _ = planned_trip(engine)
    trip_service.cancel_trip(engine, trip_id)
    with pytest.raises(UserError, match="aflyst og kan ikke afsluttes"):
        check_in.complete_trip(engine, trip_id, force=True, today=DAY)
    with pytest.raises(UserError, match="aflyst"):
        check_in.undo_last(engine, trip_id)


def test_undoing_a_walk_in_says_they_are_a_reserve_again(engine: Engine) -> None:
    trip_id, citizens = planned_trip(engine)
    check_in.walk_in(engine, trip_id, citizens[-1])
    assert check_in.undo_last(engine, trip_id) == "Fortrudt: Borger 08 er reserve igen."
