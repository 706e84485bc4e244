"""The trip as an Outlook calendar file (.ics) and as SMS reminders for its participants."""

import csv
import io
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from icalendar import Calendar, Event
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import col

from rfk_trips.cli.main import cli
from rfk_trips.documents.calendar_export import (
    copenhagen_timezone,
    trip_calendar,
    trip_uid,
    visit_uid,
    write_trip_calendar,
)
from rfk_trips.documents.reminders import (
    REMINDER_HEADERS,
    SMS_MAX_LENGTH,
    reminder_rows,
    reminder_text,
    write_reminders,
)
from rfk_trips.exchange.demo_data import ACCOMMODATION_NEEDS
from rfk_trips.i18n.catalogue import set_language
from rfk_trips.i18n.labels import label
from rfk_trips.rules.danish_dates import format_date_long
from rfk_trips.rules.errors import UserError
from rfk_trips.trips import trip_listing, trip_service
from rfk_trips.trips.trip_editing import details_form_values, save_details
from rfk_trips.trips.trip_service import TripDetail
from storage.calendar_identity import calendar_id
from storage.codes import Attendance, BenefitGroup, ParticipantRole, TripStatus
from storage.models import Citizen, Participation
from storage.sessions import session_scope
from tests.conftest import TODAY
from tests.database_choice import db_option

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
MONTHS_DA = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip


def _future_trip_with_two_visits(engine: Engine) -> TripDetail:
    """A coming Guldborgsund trip from the demo data: two visits, reserves, not cancelled."""
    for summary in trip_listing.list_trips(engine, date_from=TODAY):
        if summary.visits == 2 and summary.reserves and summary.status != TripStatus.CANCELLED:
            return trip_service.trip_detail(engine, summary.id)
    raise AssertionError("the demo data has no coming trip with two visits and reserves")


def _parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def _events(calendar: Calendar) -> list[Event]:
    return calendar.events


def _by_uid(calendar: Calendar) -> dict[str, Event]:
    return {str(event["UID"]): event for event in _events(calendar)}


def _unfolded(data: bytes) -> str:
    """The file's text with folded lines joined, so a name cannot hide across a fold."""
    return data.decode("utf-8").replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";")


def _local(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=COPENHAGEN)


def _database(engine: Engine) -> str:
    """The database's calendar id, which its events' UIDs carry."""
    with session_scope(engine) as session:
        return calendar_id(session)


# --- the calendar file ----------


def test_ics_round_trip_has_the_trip_and_each_visit_in_copenhagen_time(
    demo_engine: Engine, tmp_path: Path
) -> None:
    detail = _future_trip_with_two_visits(demo_engine)
    path = write_trip_calendar(demo_engine, detail.id, tmp_path / "bustur.ics")
    assert path == tmp_path / "bustur.ics"
    data = path.read_bytes()
    calendar = _parse(data)

    assert str(calendar["METHOD"]) == "PUBLISH"
    assert "rfk-trips" in str(calendar["PRODID"])
    events = _by_uid(calendar)
    assert len(events) == 1 + len(detail.visits) == 3

    trip_event = events[trip_uid(_database(demo_engine), detail.id)]
    assert str(trip_event["SUMMARY"]) == detail.title
    assert str(trip_event["LOCATION"]) == detail.meeting_place
    assert detail.meeting_time is not None and detail.return_time is not None
    start, end = trip_event.decoded("DTSTART"), trip_event.decoded("DTEND")
    assert start.tzinfo is not None and end.tzinfo is not None
    assert start == _local(detail.trip_date, detail.meeting_time)
    assert end == _local(detail.trip_date, detail.return_time)
    assert trip_event["DTSTART"].params["TZID"] == "Europe/Copenhagen"
    description = str(trip_event["DESCRIPTION"])
    for item in detail.programme:
        assert f"{item.time} {item.text}" in description.splitlines()
    for member in detail.staff:
        assert member.name in description
    assert trip_event.sequence == detail.version
    stamp = trip_event.decoded("DTSTAMP")
    assert stamp.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - stamp) < timedelta(minutes=5)

    for visit in detail.visits:
        event = events[visit_uid(_database(demo_engine), visit.id)]
        assert str(event["SUMMARY"]) == f"Besøg: {visit.company_name}"
        assert str(event["LOCATION"]) == visit.address
        assert event.decoded("DTSTART") == _local(detail.trip_date, visit.start_time)
        assert event.decoded("DTEND") == _local(detail.trip_date, visit.end_time)
        assert event["DTSTART"].params["TZID"] == "Europe/Copenhagen"
        assert visit.showing in str(event["DESCRIPTION"])
        assert visit.host_contact in str(event["DESCRIPTION"])

    # æøå are written as UTF-8, not mangled or escaped.
    assert "SUMMARY:Besøg: " in data.decode("utf-8")
    zones = list(calendar.walk("VTIMEZONE"))
    assert [str(zone["TZID"]) for zone in zones] == ["Europe/Copenhagen"]
    assert calendar.get_missing_tzids() == set()


def test_the_calendar_names_no_citizen(demo_engine: Engine) -> None:
    detail = _future_trip_with_two_visits(demo_engine)
    text = _unfolded(trip_calendar(demo_engine, detail.id))
    assert detail.participants
    for person in detail.participants:  # participants and reserves
        assert person.name not in text
        assert not person.phone or person.phone not in text
    for need in ACCOMMODATION_NEEDS:
        assert need not in text


def test_the_timezone_is_outlooks_yearly_rule_and_agrees_with_the_tz_database() -> None:
    zone = copenhagen_timezone()
    ical = zone.to_ical().decode()
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in ical
    assert "RDATE" not in ical
    rules = zone.to_tz(lookup_tzid=False)  # from the component itself, not the tz database
    moment = datetime(2025, 1, 1, 12)
    while moment.year < 2031:
        assert rules.utcoffset(moment) == moment.replace(tzinfo=COPENHAGEN).utcoffset(), moment
        moment += timedelta(days=1)
    # Either side of the changes (last Sunday of March and of October).
    for before, after in ((datetime(2026, 3, 29, 1, 30), datetime(2026, 3, 29, 3, 30)),):
        assert rules.utcoffset(before) == timedelta(hours=1)
        assert rules.utcoffset(after) == timedelta(hours=2)
    assert rules.utcoffset(datetime(2026, 10, 25, 1, 30)) == timedelta(hours=2)
    assert rules.utcoffset(datetime(2026, 10, 25, 3, 30)) == timedelta(hours=1)


def test_uids_stay_and_sequence_grows_when_the_trip_changes(demo_engine: Engine) -> None:
    detail = _future_trip_with_two_visits(demo_engine)
    first = _parse(trip_calendar(demo_engine, detail.id))
    again = _parse(trip_calendar(demo_engine, detail.id))
    assert set(_by_uid(first)) == set(_by_uid(again))

    values = details_form_values(demo_engine, detail.id)
    values["meeting_place"] = "Kulturhuset Ålholm, Østergade 5, 4800 Nykøbing F"
    values["return_time"] = ""  # no return time: the day ends with the last visit
    version = save_details(demo_engine, detail.id, detail.version, values, today=TODAY)
    assert version > detail.version

    changed = _by_uid(_parse(trip_calendar(demo_engine, detail.id)))
    assert set(changed) == set(_by_uid(first))
    for uid, event in changed.items():
        assert event.sequence == version > _by_uid(first)[uid].sequence
    trip_event = changed[trip_uid(_database(demo_engine), detail.id)]
    assert str(trip_event["LOCATION"]) == "Kulturhuset Ålholm, Østergade 5, 4800 Nykøbing F"
    last_visit_end = max(visit.end_time for visit in detail.visits)
    assert trip_event.decoded("DTEND") == _local(detail.trip_date, last_visit_end)


def test_a_cancelled_trip_is_cancelled_in_the_calendar(demo_engine: Engine) -> None:
    detail = _future_trip_with_two_visits(demo_engine)
    trip_service.cancel_trip(demo_engine, detail.id)
    events = _events(_parse(trip_calendar(demo_engine, detail.id)))
    assert len(events) == 3
    for event in events:
        assert str(event["STATUS"]) == "CANCELLED"
        assert str(event["SUMMARY"]).startswith("AFLYST: ")
        assert str(event["TRANSP"]) == "TRANSPARENT"
        assert event.sequence == detail.version + 1


def test_a_trip_without_times_is_a_whole_day(demo_engine: Engine) -> None:
    trip_id = trip_service.create_trip(
        demo_engine, format_code="custom", trip_date=date(2026, 12, 8), title="Åben tur"
    )
    values = details_form_values(demo_engine, trip_id)
    values["meeting_time"] = values["return_time"] = ""
    save_details(demo_engine, trip_id, 1, values, today=TODAY)
    calendar = _parse(trip_calendar(demo_engine, trip_id))
    (event,) = _events(calendar)
    assert event.decoded("DTSTART") == date(2026, 12, 8)
    assert event.decoded("DTEND") == date(2026, 12, 9)
    assert str(event["STATUS"]) == "TENTATIVE"


def test_the_calendar_is_only_written_as_ics(demo_engine: Engine, tmp_path: Path) -> None:
    detail = _future_trip_with_two_visits(demo_engine)
    with pytest.raises(UserError) as refused:
        write_trip_calendar(demo_engine, detail.id, tmp_path / "bustur.txt")
    assert "ics" in refused.value.message and "».txt«" in refused.value.message
    assert not (tmp_path / "bustur.txt").exists()
    # Upper case is an .ics file too (Windows users type it).
    assert write_trip_calendar(demo_engine, detail.id, tmp_path / "TUR.ICS").exists()


# --- reminders ----------


def _excuse_one_and_drop_a_phone(engine: Engine, detail: TripDetail) -> tuple[str, str]:
    participants = [p for p in detail.participants if p.role == ParticipantRole.PARTICIPANT]
    excused, without_phone = participants[0], participants[1]
    with session_scope(engine) as session:
        session.execute(
            update(Participation)
            .where(
                col(Participation.trip_id) == detail.id,
                col(Participation.citizen_id) == excused.citizen_id,
            )
            .values(attendance=Attendance.EXCUSED)
        )
        citizen = session.get(Citizen, without_phone.citizen_id)
        assert citizen is not None
        citizen.phone = ""
        session.add(citizen)
    return excused.name, without_phone.name


def test_reminders_csv_has_two_rows_per_participant_still_coming(
    demo_engine: Engine, tmp_path: Path
) -> None:
    detail = _future_trip_with_two_visits(demo_engine)
    excused, without_phone = _excuse_one_and_drop_a_phone(demo_engine, detail)
    result = write_reminders(demo_engine, detail.id, tmp_path / "påmindelser.csv")

    raw = result.path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Danish Excel reads UTF-8 only with the BOM
    text = raw.decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert tuple(header) == REMINDER_HEADERS

    coming = {
        p.name
        for p in detail.participants
        if p.role == ParticipantRole.PARTICIPANT and p.name != excused
    }
    assert {row[0] for row in rows} == coming
    # The day before, then the morning of the trip (R19): two messages each.
    assert len(rows) == 2 * result.rows == 2 * len(coming)
    assert result.without_phone == 1 and result.names_without_phone == [without_phone]
    assert [row[1] for row in rows if row[0] == without_phone] == ["", ""]
    day_before, morning = rows[: len(coming)], rows[len(coming) :]
    assert {row[2] for row in day_before} == {
        (detail.trip_date - timedelta(days=1)).strftime("%d-%m-%Y 16:00")
    }
    assert {row[2][:10] for row in morning} == {detail.trip_date.strftime("%d-%m-%Y")}

    lead = next(member for member in detail.staff if member.is_lead)
    weekday = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag")[detail.trip_date.weekday()]
    month = MONTHS_DA[detail.trip_date.month - 1]
    assert detail.meeting_time is not None
    for _name, _phone, _when, message in day_before:
        assert message.startswith("Husk busturen ")
        assert f"{weekday} {detail.trip_date.day}. {month}" in message
    for _name, _phone, _when, message in morning:
        assert message.startswith("I dag er det busturen")
    for _name, _phone, _when, message in rows:
        assert f"kl. {detail.meeting_time.strftime('%H:%M')}" in message
        assert f"Vi mødes: {detail.meeting_place}." in message
        assert f"Ring til {lead.name.split()[0]} på {lead.phone}" in message
        assert len(message) <= SMS_MAX_LENGTH

    messages = "\n".join(row[3] for row in rows)
    for person in detail.participants:  # nobody's name in any text, reserves not at all
        assert person.name not in messages
        if person.role == ParticipantRole.RESERVE:
            assert person.name not in text
    assert excused not in text
    for need in ACCOMMODATION_NEEDS:
        assert need not in text
    for group in BenefitGroup:
        assert label(group).lower() not in text.lower()


def test_reminders_are_danish_whatever_the_staff_language(demo_engine: Engine) -> None:
    detail = _future_trip_with_two_visits(demo_engine)
    month = format_date_long(detail.trip_date).split()[-2]  # "december": still Danish here
    set_language("en")
    rows = reminder_rows(demo_engine, detail.id)
    assert rows and all(
        row.message.startswith(("Husk busturen ", "I dag er det busturen")) for row in rows
    )
    assert month in rows[0].message and "Ring til" in rows[0].message


def test_a_long_meeting_place_is_shortened_to_fit_two_sms(demo_engine: Engine) -> None:
    detail = _future_trip_with_two_visits(demo_engine)
    long_place = "Indgang C ved den store parkeringsplads bag hallen, " * 5
    message = reminder_text(replace(detail, meeting_place=long_place.strip()))
    assert len(message) <= SMS_MAX_LENGTH
    assert "Vi mødes: Indgang C" in message and "..." in message
    assert message.endswith("hvis du ikke kan komme.")


def test_reminders_refuse_other_files_and_closed_trips(demo_engine: Engine, tmp_path: Path) -> None:
    detail = _future_trip_with_two_visits(demo_engine)
    for name in ("påmindelser.json", "påmindelser.txt", "påmindelser"):
        with pytest.raises(UserError) as refused:
            write_reminders(demo_engine, detail.id, tmp_path / name)
        assert ".csv eller .xlsx" in refused.value.message
        assert not (tmp_path / name).exists()

    xlsx = write_reminders(demo_engine, detail.id, tmp_path / "påmindelser.xlsx")
    from openpyxl import load_workbook

    workbook = load_workbook(xlsx.path, read_only=True)
    sheet = workbook.worksheets[0]
    assert sheet.title == "Påmindelser"  # the data's name, not the file's
    assert next(sheet.iter_rows(values_only=True)) == REMINDER_HEADERS
    workbook.close()

    trip_service.cancel_trip(demo_engine, detail.id)
    with pytest.raises(UserError) as refused:
        reminder_rows(demo_engine, detail.id)
    assert "aflyst" in refused.value.message


# --- the commands ----------


def _invoke(db_path: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*db_option(db_path), "--lang", "da", *args])
    return result.exit_code, result.stdout, result.stderr


def test_the_commands_write_the_files_and_say_where(
    demo_engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    detail = _future_trip_with_two_visits(demo_engine)
    _excuse_one_and_drop_a_phone(demo_engine, detail)

    ics = tmp_path / "tur.ics"
    code, out, _ = _invoke(db_path, "ics", str(detail.id), "-o", str(ics))
    assert code == 0, out
    assert str(ics) in out and "3 aftaler" in out
    assert len(_events(_parse(ics.read_bytes()))) == 3

    sms = tmp_path / "sms.csv"
    code, out, _ = _invoke(db_path, "reminders", str(detail.id), "--output", str(sms))
    assert code == 0, out
    assert str(sms) in out
    assert "1 deltager(e) har intet telefonnummer" in out

    code, out, err = _invoke(db_path, "ics", str(detail.id), "-o", str(tmp_path / "tur.csv"))
    assert code == 1
    assert "Kalenderen gemmes som en .ics-fil" in err
    code, _, err = _invoke(db_path, "reminders", "999999", "-o", str(sms))
    assert code == 1 and "Der findes ingen tur med id 999999" in err
    code, _, err = _invoke(db_path, "reminders", str(detail.id))
    assert code == 2 and "--output" in err


def test_should_the_clock_rules_change_the_exact_transitions_are_written() -> None:
    from datetime import timezone

    from rfk_trips.documents.calendar_export import _timezone_for

    summer = datetime(2026, 7, 1, 12, tzinfo=COPENHAGEN)
    assert "RRULE" in _timezone_for([summer], summer.date()).to_ical().decode()
    # A summer without summer time (what an EU decision could bring): the yearly rule is wrong.
    no_dst = datetime(2026, 7, 1, 12, tzinfo=timezone(timedelta(hours=1)))
    zone = _timezone_for([no_dst], no_dst.date())
    assert str(zone["TZID"]) == "Europe/Copenhagen"
    assert "RRULE" not in zone.to_ical().decode()
