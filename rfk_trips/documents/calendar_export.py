"""A trip as an iCalendar file (.ics) that Outlook imports: the day and each company visit.

The calendar is shared with colleagues, so it names no citizen: the trip's event holds the
programme and the staff, each visit's event what the group will see and whom to contact.

Each event's UID is the database's own (`storage.calendar_identity`: a random id drawn once
per database, in the UID of every event sent for the first time) and is kept, with what the
event said, in `calendar_event` when the file is written. The next file for the trip keeps
those UIDs and sends SEQUENCE as the trip's version (never lower than a file already sent), so
importing it updates the same events instead of adding new ones; a visit removed since is
sent once more, as cancelled (STATUS:CANCELLED, same UID, a higher SEQUENCE), in every
later file of the trip. Two databases' trip 1 never share a UID.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from rfk_trips.database.failures import file_error
from rfk_trips.documents.calendar_record import (
    COPENHAGEN,
    TZID,
    SentEvent,
    Span,
    record_sent,
    sent_events,
)
from rfk_trips.i18n.catalogue import t
from rfk_trips.privacy.read_outs import write_recorded_in
from rfk_trips.rules.errors import UserError
from rfk_trips.trips.trip_service import TripDetail, VisitRead, trip_detail
from storage.calendar_identity import calendar_id
from storage.codes import TripStatus
from storage.models import Company, Trip, TripFormat
from storage.private_files import write_private_file
from storage.sessions import session_scope

UID_DOMAIN = "rfk-trips.local"
PRODID = "-//rfk-trips//Busture til arbejdsmarkedet//DA"
# When neither the trip, its format nor a visit says when the day ends.
DEFAULT_LENGTH = timedelta(hours=3)

_STATUS = {
    TripStatus.DRAFT: "TENTATIVE",
    TripStatus.PLANNED: "TENTATIVE",
    TripStatus.CONFIRMED: "CONFIRMED",
    TripStatus.COMPLETED: "CONFIRMED",
    TripStatus.CANCELLED: "CANCELLED",
}


def trip_uid(database: str, trip_id: int) -> str:
    """The UID of a trip's event first sent by the database whose calendar id is `database`."""
    return f"rfk-trips-{database}-trip-{trip_id}@{UID_DOMAIN}"


def visit_uid(database: str, visit_id: int) -> str:
    return f"rfk-trips-{database}-visit-{visit_id}@{UID_DOMAIN}"


def copenhagen_timezone() -> Timezone:
    """Europe/Copenhagen as a VTIMEZONE with yearly rules (the EU's last Sundays).

    Outlook reads only DTSTART, RRULE and the offsets of a VTIMEZONE and ignores RDATE, so
    the transition-by-transition form icalendar generates would import an hour off in
    summer; this is the form Outlook and Google write themselves.
    """
    daylight = TimezoneDaylight()
    daylight.add("dtstart", datetime(1970, 3, 29, 2, 0))
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    daylight.add("tzoffsetfrom", timedelta(hours=1))
    daylight.add("tzoffsetto", timedelta(hours=2))
    daylight.add("tzname", "CEST")
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 10, 25, 3, 0))
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    standard.add("tzoffsetfrom", timedelta(hours=2))
    standard.add("tzoffsetto", timedelta(hours=1))
    standard.add("tzname", "CET")
    zone = Timezone()
    zone.add("tzid", TZID)
    zone.add("x-lic-location", TZID)
    zone.add_component(standard)
    zone.add_component(daylight)
    return zone


def _timezone_for(moments: Iterable[datetime], around: date) -> Timezone:
    """The yearly-rule VTIMEZONE, unless the tz database disagrees with it on our times
    (should Denmark ever change its clock rules); then icalendar's exact transitions."""
    zone = copenhagen_timezone()
    rules = zone.to_tz(lookup_tzid=False)
    if all(
        rules.utcoffset(moment.replace(tzinfo=None)) == moment.utcoffset() for moment in moments
    ):
        return zone
    return Timezone.from_tzid(
        TZID,
        first_date=around - timedelta(days=366),
        last_date=around + timedelta(days=366),
    )


def _local(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=COPENHAGEN)


def _trip_span(detail: TripDetail, format_end: time | None) -> Span:
    """From the meeting time (else the first visit) to the return time, else the later of the
    format's end and the last visit's end; a whole-day event when no time is known at all."""
    day = detail.trip_date
    begins = detail.meeting_time or min((v.start_time for v in detail.visits), default=None)
    if begins is None:
        return day, day + timedelta(days=1)
    start = _local(day, begins)
    if detail.return_time is not None and detail.return_time > begins:
        return start, _local(day, detail.return_time)
    candidates = [end for end in (format_end, *(v.end_time for v in detail.visits)) if end]
    later = [end for end in candidates if end > begins]
    if later:
        return start, _local(day, max(later))
    return start, start + DEFAULT_LENGTH


def _trip_description(detail: TripDetail) -> str:
    lines: list[str] = []
    programme = [f"{item.time} {item.text}".strip() for item in detail.programme]
    if programme:
        lines += [t("calendar.programme"), *programme]
    if detail.staff:
        names = [
            t("calendar.lead", name=member.name) if member.is_lead else member.name
            for member in detail.staff
        ]
        if lines:
            lines.append("")
        lines.append(t("calendar.staff", names=", ".join(names)))
    return "\n".join(lines)


def _visit_description(visit: VisitRead, company_phone: str) -> str:
    lines = []
    if visit.showing.strip():
        lines.append(t("calendar.visit_showing", showing=visit.showing.strip()))
    if visit.host_contact.strip():
        lines.append(t("calendar.visit_contact", contact=visit.host_contact.strip()))
    if company_phone.strip():
        lines.append(t("calendar.visit_phone", phone=company_phone.strip()))
    return "\n".join(lines)


@dataclass(frozen=True)
class PlannedEvent:
    """An event of the next file: what is kept of it (`sent`), and what only the file says."""

    sent: SentEvent
    description: str
    status: str  # STATUS: TENTATIVE, CONFIRMED or CANCELLED


def plan_events(
    detail: TripDetail,
    *,
    database: str,
    sent: Sequence[SentEvent] = (),
    format_end: time | None = None,
    company_phones: dict[int, str] | None = None,
) -> list[PlannedEvent]:
    """The events of the trip's next file; pure, from the read model and what was sent.

    `database` is the calendar id, for the UIDs of events sent for the first time; `sent` what
    the trip's earlier files sent (their UIDs are kept; a visit no longer on the trip is
    cancelled).
    """
    before = {event.visit_id: event for event in sent}
    cancelled = detail.status == TripStatus.CANCELLED
    phones = company_phones or {}

    def current(
        visit_id: int | None, uid: str, summary: str, location: str, description: str, span: Span
    ) -> PlannedEvent:
        earlier = before.get(visit_id)
        sequence = detail.version
        if earlier is not None:
            uid = earlier.uid
            # Never lower than a file already sent; higher when it turns cancelled or back.
            turned = 1 if earlier.cancelled != cancelled else 0
            sequence = max(sequence, earlier.sequence + turned)
        event = SentEvent(uid, visit_id, sequence, summary, location, span, cancelled)
        return PlannedEvent(event, description, _STATUS[detail.status])

    planned = [
        current(
            None,
            trip_uid(database, detail.id),
            detail.title,
            detail.meeting_place.strip(),
            _trip_description(detail),
            _trip_span(detail, format_end),
        )
    ]
    planned += [
        current(
            visit.id,
            visit_uid(database, visit.id),
            t("calendar.visit_summary", company=visit.company_name),
            visit.address,
            _visit_description(visit, phones.get(visit.company_id, "")),
            (
                _local(detail.trip_date, visit.start_time),
                _local(detail.trip_date, visit.end_time),
            ),
        )
        for visit in detail.visits
    ]
    present = {None, *(visit.id for visit in detail.visits)}
    for earlier in sent:
        if earlier.visit_id in present:
            continue
        # A visit taken off the trip: cancelled once with a higher SEQUENCE, then as it was.
        sequence = (
            earlier.sequence if earlier.cancelled else max(detail.version, earlier.sequence + 1)
        )
        removed = replace(earlier, sequence=sequence, cancelled=True)
        planned.append(PlannedEvent(removed, t("calendar.visit_removed"), "CANCELLED"))
    return planned


def _event(planned: PlannedEvent, *, now: datetime) -> Event:
    sent = planned.sent
    event = Event()
    event.add("uid", sent.uid)
    event.add("dtstamp", now)
    event.add("sequence", sent.sequence)
    # Outlook does not always show STATUS on import; the word in the title always shows.
    summary = t("calendar.cancelled", summary=sent.summary) if sent.cancelled else sent.summary
    event.add("summary", summary)
    event.add("dtstart", sent.span[0])
    event.add("dtend", sent.span[1])
    if sent.location:
        event.add("location", sent.location)
    if planned.description:
        event.add("description", planned.description)
    event.add("status", planned.status)
    event.add("transp", "TRANSPARENT" if sent.cancelled else "OPAQUE")
    return event


def build_calendar(
    planned: Sequence[PlannedEvent], *, around: date, now: datetime | None = None
) -> Calendar:
    """The planned events as a calendar (METHOD:PUBLISH), with their time zone."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    events = [_event(item, now=stamp) for item in planned]
    moments = [
        value
        for event in events
        for value in (event.decoded("dtstart"), event.decoded("dtend"))
        if isinstance(value, datetime)
    ]
    if moments:
        calendar.add_component(_timezone_for(moments, around))
    for event in events:
        calendar.add_component(event)
    return calendar


def _plan(session: Session, detail: TripDetail) -> list[PlannedEvent]:
    """The next file's events, read in `session` (which draws the calendar id if need be)."""
    format_end = session.scalar(
        select(col(TripFormat.end_time)).where(col(TripFormat.code) == detail.format_code)
    )
    company_ids = [visit.company_id for visit in detail.visits]
    phones: dict[int, str] = {}
    if company_ids:
        query = select(col(Company.id), col(Company.phone)).where(col(Company.id).in_(company_ids))
        phones = {company_id: phone for company_id, phone in session.execute(query).all()}
    return plan_events(
        detail,
        database=calendar_id(session),
        sent=sent_events(session, detail.id),
        format_end=format_end,
        company_phones=phones,
    )


def _ical(planned: Sequence[PlannedEvent], detail: TripDetail, now: datetime | None) -> bytes:
    data: bytes = build_calendar(planned, around=detail.trip_date, now=now).to_ical()
    return data


def trip_calendar(engine: Engine, trip_id: int, *, now: datetime | None = None) -> bytes:
    """The .ics file's bytes for one trip (UTF-8, CRLF lines, as RFC 5545 wants), as the next
    file would hold them; nothing is kept of it (only the calendar id, when it is new)."""
    detail = trip_detail(engine, trip_id)
    with session_scope(engine) as session:
        planned = _plan(session, detail)
    return _ical(planned, detail, now)


@dataclass(frozen=True)
class CalendarFile:
    path: Path
    title: str
    events: int  # the trip's and its visits' events
    cancelled_visits: int  # visits taken off the trip, sent as cancelled


def write_calendar_file(
    engine: Engine, trip_id: int, path: Path, *, now: datetime | None = None
) -> CalendarFile:
    """Write the trip's .ics file to `path` atomically and keep what it sent, in one
    transaction with its audit line; refuses any other suffix."""
    path = Path(path)
    if path.suffix.lower() != ".ics":
        raise UserError(t("calendar.file_type", suffix=path.suffix or path.name))
    detail = trip_detail(engine, trip_id)
    planned: list[PlannedEvent] = []

    def write(session: Session) -> None:
        # Two colleagues' files for one trip, one after the other: each keeps what it sent.
        session.execute(select(col(Trip.id)).where(col(Trip.id) == trip_id).with_for_update())
        planned.extend(_plan(session, detail))
        data = _ical(planned, detail, now)
        try:
            _write_atomically(path, data)
        except OSError as exc:
            fallback = t("calendar.cannot_write", path=path, reason=exc.strerror or exc)
            raise file_error(path, exc, fallback) from exc
        record_sent(session, trip_id, [item.sent for item in planned])

    # On record like every file that leaves the app; the calendar names no citizen.
    write_recorded_in(engine, path, write, action="ics", entity="trip", entity_id=trip_id)
    removed = sum(1 for item in planned if item.sent.visit_id not in _ids(detail))
    return CalendarFile(path, detail.title, len(planned) - removed, removed)


def _ids(detail: TripDetail) -> set[int | None]:
    return {None, *(visit.id for visit in detail.visits)}


def write_trip_calendar(
    engine: Engine, trip_id: int, path: Path, *, now: datetime | None = None
) -> Path:
    """`write_calendar_file`, for callers that need only where the file went."""
    return write_calendar_file(engine, trip_id, path, now=now).path


def _write_atomically(path: Path, data: bytes) -> None:
    """Write beside `path`, then move into place: a half-written file never replaces a good one."""
    # A folder that is not there is a typo more often than a wish: refuse, as `programme` does.
    # It names the staff on the trip and the companies' contacts: owner only (0600).
    write_private_file(path, data, folder_must_exist=True)
