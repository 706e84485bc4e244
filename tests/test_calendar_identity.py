"""Calendar UIDs of the database's own, and a removed visit sent as cancelled (issue 23).

Every check reads back the .ics file that was written, parsed with icalendar.
"""

from datetime import date, datetime, time
from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar, Event
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import col

from rfk_trips.cli.main import cli
from rfk_trips.database.backups import backup_to, restore_from
from rfk_trips.database.opening import open_database
from rfk_trips.documents.calendar_export import trip_calendar, write_trip_calendar
from rfk_trips.trips import planning, trip_listing, trip_service
from rfk_trips.trips.trip_service import TripDetail
from storage import migrate
from storage.calendar_identity import CALENDAR_ID_KEY, calendar_id
from storage.codes import TripStatus
from storage.engine import sqlite_url
from storage.models import CalendarEvent, Company, DatabaseInfo
from storage.sessions import session_scope
from tests.conftest import TODAY
from tests.database_choice import db_option

BEFORE = "0017_staff_login"
DAY = date(2026, 12, 8)


def _events(path: Path) -> dict[str, Event]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def _database(engine: Engine) -> str:
    with session_scope(engine) as session:
        return calendar_id(session)


def _stored_ids(engine: Engine) -> list[str]:
    with session_scope(engine) as session:
        query = select(col(DatabaseInfo.value)).where(col(DatabaseInfo.key) == CALENDAR_ID_KEY)
        return list(session.scalars(query))


def _trip_with_a_visit(engine: Engine, company: str) -> int:
    with session_scope(engine) as session:
        host = Company(name=company, address="Havnegade 1", postcode="4900", town="Nakskov")
        session.add(host)
        session.flush()
        company_id = host.id or 0
    trip_id = trip_service.create_trip(
        engine, format_code="custom", trip_date=DAY, title=f"Bustur til {company}"
    )
    planning.add_visit(engine, trip_id, company_id, start=time(10), end=time(11, 30))
    return trip_id


def _two_visit_trip(engine: Engine) -> TripDetail:
    for summary in trip_listing.list_trips(engine, date_from=TODAY):
        if summary.visits == 2 and summary.status != TripStatus.CANCELLED:
            return trip_service.trip_detail(engine, summary.id)
    raise AssertionError("the demo data has no coming trip with two visits")


def test_two_databases_trip_1_never_share_a_uid(engine: Engine, tmp_path: Path) -> None:
    other = open_database(sqlite_url(tmp_path / "naboen.db")).engine
    ours, theirs = (
        _trip_with_a_visit(engine, "Nakskov Mølle"),
        _trip_with_a_visit(other, "Nakskov Mølle"),
    )
    assert ours == theirs  # the same number in both
    mine = _events(write_trip_calendar(engine, ours, tmp_path / "vores.ics"))
    yours = _events(write_trip_calendar(other, theirs, tmp_path / "deres.ics"))
    other.dispose()
    assert len(mine) == len(yours) == 2
    assert not set(mine) & set(yours)
    assert all(f"-trip-{ours}@" in uid or "-visit-" in uid for uid in mine)


def test_the_calendar_id_is_drawn_once_and_the_uids_stay(engine: Engine, tmp_path: Path) -> None:
    trip_id = _trip_with_a_visit(engine, "Maribo Kro")
    assert _stored_ids(engine) == []
    first = _events(write_trip_calendar(engine, trip_id, tmp_path / "1.ics"))
    (drawn,) = _stored_ids(engine)
    assert len(drawn) == 32 and all(uid.startswith(f"rfk-trips-{drawn}-") for uid in first)
    again = _events(write_trip_calendar(engine, trip_id, tmp_path / "2.ics"))
    assert set(again) == set(first) and _stored_ids(engine) == [drawn]


def test_a_removed_visit_is_sent_cancelled_in_the_next_file(
    demo_engine: Engine, tmp_path: Path
) -> None:
    detail = _two_visit_trip(demo_engine)
    first = _events(write_trip_calendar(demo_engine, detail.id, tmp_path / "før.ics"))
    gone = detail.visits[0]
    (gone_uid,) = [uid for uid in first if uid.endswith(f"-visit-{gone.id}@rfk-trips.local")]
    removed = planning.remove_visit(demo_engine, detail.id, gone.id)

    after = _events(write_trip_calendar(demo_engine, detail.id, tmp_path / "efter.ics"))
    assert set(after) == set(first)  # the same UIDs, none new
    cancelled = after[gone_uid]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["SUMMARY"]) == f"AFLYST: Besøg: {gone.company_name}"
    assert str(cancelled["TRANSP"]) == "TRANSPARENT"
    assert cancelled.sequence > first[gone_uid].sequence
    assert cancelled.sequence >= removed.version
    # Where and when it was, as the first file sent it.
    assert cancelled.decoded("DTSTART") == first[gone_uid].decoded("DTSTART")
    assert cancelled.decoded("DTEND") == first[gone_uid].decoded("DTEND")
    assert str(cancelled["LOCATION"]) == str(first[gone_uid]["LOCATION"])
    for uid, event in after.items():
        if uid != gone_uid:
            assert str(event["STATUS"]) != "CANCELLED"
            assert event.sequence == removed.version > first[uid].sequence

    # A later file says the same of it again, with the same SEQUENCE: it is still cancelled.
    later = _events(write_trip_calendar(demo_engine, detail.id, tmp_path / "senere.ics"))
    assert str(later[gone_uid]["STATUS"]) == "CANCELLED"
    assert later[gone_uid].sequence == cancelled.sequence


def test_a_visit_removed_before_any_file_was_written_is_not_in_the_file(
    engine: Engine, tmp_path: Path
) -> None:
    """Looking at the calendar (trip_calendar) sends nothing, so there is nothing to cancel."""
    trip_id = _trip_with_a_visit(engine, "Rødby Havn")
    looked = Calendar.from_ical(trip_calendar(engine, trip_id)).walk("VEVENT")
    assert len(looked) == 2
    (visit,) = trip_service.trip_detail(engine, trip_id).visits
    planning.remove_visit(engine, trip_id, visit.id)
    events = _events(write_trip_calendar(engine, trip_id, tmp_path / "tur.ics"))
    assert len(events) == 1 and all(str(e["STATUS"]) != "CANCELLED" for e in events.values())


def test_a_file_that_could_not_be_written_is_not_taken_as_sent(
    engine: Engine, tmp_path: Path
) -> None:
    """The record of what was sent is kept with the file, or not at all."""
    from rfk_trips.rules.errors import UserError

    trip_id = _trip_with_a_visit(engine, "Bandholm Havn")
    with pytest.raises(UserError):
        write_trip_calendar(engine, trip_id, tmp_path / "findes-ikke" / "tur.ics")
    with session_scope(engine) as session:
        assert session.scalars(select(CalendarEvent)).all() == []
    (visit,) = trip_service.trip_detail(engine, trip_id).visits
    planning.remove_visit(engine, trip_id, visit.id)
    events = _events(write_trip_calendar(engine, trip_id, tmp_path / "tur.ics"))
    assert [str(event["STATUS"]) for event in events.values()] == ["TENTATIVE"]


def test_a_restore_sends_new_events_under_a_new_calendar_id(engine: Engine, tmp_path: Path) -> None:
    """The restored database hands out again the number of a trip lost with the newer data;
    that trip's events must not update the lost one's. Events sent before the backup keep
    their UIDs, so a new file updates them."""
    kept = _trip_with_a_visit(engine, "Holeby Smedie")
    before = _events(write_trip_calendar(engine, kept, tmp_path / "holeby.ics"))
    copy = backup_to(engine, tmp_path / "kopi.db")
    lost = _trip_with_a_visit(engine, "Sakskøbing Sukker")
    lost_events = _events(write_trip_calendar(engine, lost, tmp_path / "tabt.ics"))
    old_id = _database(engine)

    restore_from(engine, copy, force=True)
    again = _trip_with_a_visit(engine, "Stokkemarke Savværk")
    assert again == lost  # the number is handed out again
    new_events = _events(write_trip_calendar(engine, again, tmp_path / "ny.ics"))
    assert not set(new_events) & set(lost_events)
    assert _database(engine) != old_id
    assert set(_events(write_trip_calendar(engine, kept, tmp_path / "igen.ics"))) == set(before)


def _downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    config = migrate._alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection  # type: ignore[attr-defined]
        command.downgrade(config, revision)  # type: ignore[arg-type]
    assert migrate.current_revision(engine) == revision


def test_0018_keeps_the_uids_of_events_already_in_the_calendars(
    demo_engine: Engine, tmp_path: Path
) -> None:
    """A trip whose file was sent before the upgrade keeps its old UIDs (the audit log says
    it was sent), so Outlook updates those events instead of getting them twice."""
    detail = _two_visit_trip(demo_engine)
    write_trip_calendar(demo_engine, detail.id, tmp_path / "gammel.ics")
    _downgrade(demo_engine, BEFORE)
    migrate.upgrade(demo_engine)

    legacy = {f"rfk-trips-trip-{detail.id}@rfk-trips.local"}
    legacy |= {f"rfk-trips-visit-{visit.id}@rfk-trips.local" for visit in detail.visits}
    with session_scope(demo_engine) as session:
        kept = session.scalars(
            select(CalendarEvent).where(col(CalendarEvent.trip_id) == detail.id)
        ).all()
    assert {row.uid for row in kept} == legacy
    assert all(row.sequence == detail.version for row in kept)

    gone = detail.visits[1]
    planning.remove_visit(demo_engine, detail.id, gone.id)
    events = _events(write_trip_calendar(demo_engine, detail.id, tmp_path / "ny.ics"))
    assert set(events) == legacy
    cancelled = events[f"rfk-trips-visit-{gone.id}@rfk-trips.local"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled.sequence > detail.version
    start = cancelled.decoded("DTSTART")
    assert isinstance(start, datetime)
    assert start.replace(tzinfo=None) == datetime.combine(detail.trip_date, gone.start_time)
    assert str(cancelled["SUMMARY"]) == f"AFLYST: Besøg: {gone.company_name}"
    assert str(cancelled["LOCATION"]) == gone.address


def test_the_command_says_how_many_removed_visits_it_cancels(
    demo_engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    detail = _two_visit_trip(demo_engine)
    runner = CliRunner()
    command = [*db_option(db_path), "ics", str(detail.id), "-o"]
    first = runner.invoke(cli, [*command, str(tmp_path / "1.ics")])
    assert first.exit_code == 0, first.output
    assert "(3 aftaler)" in first.output and "aflyst" not in first.output
    planning.remove_visit(demo_engine, detail.id, detail.visits[0].id)
    second = runner.invoke(cli, [*command, str(tmp_path / "2.ics")])
    assert second.exit_code == 0, second.output
    assert "(2 aftaler)" in second.output
    assert "1 besøg, der er taget af turen, står i filen som aflyst" in second.output
    assert len(_events(tmp_path / "2.ics")) == 3


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_cancelled_event_reads_in_the_language_of_the_file(
    engine: Engine, tmp_path: Path, language: str
) -> None:
    from rfk_trips.i18n.catalogue import set_language

    trip_id = _trip_with_a_visit(engine, "Væggerløse Vognmand")
    write_trip_calendar(engine, trip_id, tmp_path / "1.ics")
    (visit,) = trip_service.trip_detail(engine, trip_id).visits
    planning.remove_visit(engine, trip_id, visit.id)
    set_language(language)
    events = _events(write_trip_calendar(engine, trip_id, tmp_path / "2.ics"))
    (cancelled,) = [event for event in events.values() if str(event["STATUS"]) == "CANCELLED"]
    word = {"da": "AFLYST: ", "en": "CANCELLED: "}[language]
    assert str(cancelled["SUMMARY"]).startswith(word)
    removed = {"da": "taget af turens program", "en": "taken off the trip"}[language]
    assert removed in str(cancelled["DESCRIPTION"])
