"""A trip as an iCalendar file (.ics) that Outlook imports: the day and each company visit.

The calendar is shared with colleagues, so it names no citizen: the trip's event holds the
programme and the staff, each visit's event what the group will see and whom to contact.
UIDs are fixed per trip and visit and SEQUENCE is the trip's version, so importing the file
again after a change updates the same events instead of adding new ones.
"""

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import col

from rfk_trips.database.failures import file_error
from rfk_trips.i18n.catalogue import t
from rfk_trips.privacy.read_outs import write_recorded
from rfk_trips.rules.errors import UserError
from rfk_trips.trips.trip_service import TripDetail, VisitRead, trip_detail
from storage.codes import TripStatus
from storage.models import Company, TripFormat
from storage.private_files import write_private_file
from storage.sessions import session_scope

TZID = "Europe/Copenhagen"
COPENHAGEN = ZoneInfo(TZID)
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


def trip_uid(trip_id: int) -> str:
    return f"rfk-trips-trip-{trip_id}@{UID_DOMAIN}"


def visit_uid(visit_id: int) -> str:
    return f"rfk-trips-visit-{visit_id}@{UID_DOMAIN}"


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


def _trip_span(
    detail: TripDetail, format_end: time | None
) -> tuple[datetime, datetime] | tuple[date, date]:
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


def _event(
    detail: TripDetail,
    *,
    uid: str,
    summary: str,
    location: str,
    description: str,
    span: tuple[datetime, datetime] | tuple[date, date],
    now: datetime,
) -> Event:
    cancelled = detail.status == TripStatus.CANCELLED
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now)
    event.add("sequence", detail.version)
    # Outlook does not always show STATUS on import; the word in the title always shows.
    event.add("summary", t("calendar.cancelled", summary=summary) if cancelled else summary)
    event.add("dtstart", span[0])
    event.add("dtend", span[1])
    if location:
        event.add("location", location)
    if description:
        event.add("description", description)
    event.add("status", _STATUS[detail.status])
    event.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    return event


def build_calendar(
    detail: TripDetail,
    *,
    format_end: time | None = None,
    company_phones: dict[int, str] | None = None,
    now: datetime | None = None,
) -> Calendar:
    """The trip and its visits as a calendar; pure, from the read model."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    phones = company_phones or {}
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    events = [
        _event(
            detail,
            uid=trip_uid(detail.id),
            summary=detail.title,
            location=detail.meeting_place.strip(),
            description=_trip_description(detail),
            span=_trip_span(detail, format_end),
            now=stamp,
        )
    ]
    events += [
        _event(
            detail,
            uid=visit_uid(visit.id),
            summary=t("calendar.visit_summary", company=visit.company_name),
            location=visit.address,
            description=_visit_description(visit, phones.get(visit.company_id, "")),
            span=(
                _local(detail.trip_date, visit.start_time),
                _local(detail.trip_date, visit.end_time),
            ),
            now=stamp,
        )
        for visit in detail.visits
    ]
    moments = [
        value
        for event in events
        for value in (event.decoded("dtstart"), event.decoded("dtend"))
        if isinstance(value, datetime)
    ]
    if moments:
        calendar.add_component(_timezone_for(moments, detail.trip_date))
    for event in events:
        calendar.add_component(event)
    return calendar


def trip_calendar(engine: Engine, trip_id: int, *, now: datetime | None = None) -> bytes:
    """The .ics file's bytes for one trip (UTF-8, CRLF lines, as RFC 5545 wants)."""
    detail = trip_detail(engine, trip_id)
    with session_scope(engine) as session:
        format_end = session.scalar(
            select(col(TripFormat.end_time)).where(col(TripFormat.code) == detail.format_code)
        )
        company_ids = [visit.company_id for visit in detail.visits]
        phones: dict[int, str] = {}
        if company_ids:
            query = select(col(Company.id), col(Company.phone)).where(
                col(Company.id).in_(company_ids)
            )
            phones = {company_id: phone for company_id, phone in session.execute(query).all()}
    calendar = build_calendar(detail, format_end=format_end, company_phones=phones, now=now)
    data: bytes = calendar.to_ical()
    return data


def write_trip_calendar(
    engine: Engine, trip_id: int, path: Path, *, now: datetime | None = None
) -> Path:
    """Write the trip's .ics file to `path` atomically; refuses any other suffix."""
    path = Path(path)
    if path.suffix.lower() != ".ics":
        raise UserError(t("calendar.file_type", suffix=path.suffix or path.name))
    data = trip_calendar(engine, trip_id, now=now)

    def write() -> None:
        try:
            _write_atomically(path, data)
        except OSError as exc:
            fallback = t("calendar.cannot_write", path=path, reason=exc.strerror or exc)
            raise file_error(path, exc, fallback) from exc

    # On record like every file that leaves the app; the calendar names no citizen.
    write_recorded(engine, path, write, action="ics", entity="trip", entity_id=trip_id)
    return path


def _write_atomically(path: Path, data: bytes) -> None:
    """Write beside `path`, then move into place: a half-written file never replaces a good one."""
    # A folder that is not there is a typo more often than a wish: refuse, as `programme` does.
    # It names the staff on the trip and the companies' contacts: owner only (0600).
    write_private_file(path, data, folder_must_exist=True)
