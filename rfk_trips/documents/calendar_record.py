"""What a trip's calendar files have sent, event by event (`storage.models.CalendarEvent`).

Read before a file is made, so it keeps the UIDs already in the users' calendars and can
cancel a visit that has been removed since; written in the transaction that writes the file
and its audit line, so the record says exactly what the last file said.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlmodel import col

from storage.models import CalendarEvent

TZID = "Europe/Copenhagen"
COPENHAGEN = ZoneInfo(TZID)

# An event's start and end: two times (with their zone), or two days for a whole-day event.
Span = tuple[datetime, datetime] | tuple[date, date]


@dataclass(frozen=True)
class SentEvent:
    """One event as a calendar file sends it."""

    uid: str
    visit_id: int | None  # None: the trip's own event
    sequence: int
    summary: str  # without the word that marks it cancelled
    location: str
    span: Span
    cancelled: bool


def _moment(text: str) -> date | datetime:
    """The ISO text kept for a start or end: a day, or a time with its offset (then read in
    Copenhagen time, as the file writes it)."""
    if "T" not in text:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text).astimezone(COPENHAGEN)


def _span(starts: str, ends: str) -> Span:
    start, end = _moment(starts), _moment(ends)
    if isinstance(start, datetime) and isinstance(end, datetime):
        return start, end
    # A whole-day event (or, never written so, a mix): the days it covers.
    return _day(start), _day(end)


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def sent_events(session: Session, trip_id: int) -> list[SentEvent]:
    """Every event the trip's files have sent, the trip's own first, then by visit."""
    rows = session.scalars(
        select(CalendarEvent)
        .where(col(CalendarEvent.trip_id) == trip_id)
        .order_by(col(CalendarEvent.visit_id).is_not(None), col(CalendarEvent.visit_id))
    ).all()
    return [
        SentEvent(
            uid=row.uid,
            visit_id=row.visit_id,
            sequence=row.sequence,
            summary=row.summary,
            location=row.location,
            span=_span(row.starts, row.ends),
            cancelled=row.cancelled,
        )
        for row in rows
    ]


def record_sent(session: Session, trip_id: int, events: Sequence[SentEvent]) -> None:
    """Keep `events` as what the trip's latest file sent (by UID: new ones added)."""
    uids = [event.uid for event in events]
    rows = {
        row.uid: row
        for row in session.scalars(select(CalendarEvent).where(col(CalendarEvent.uid).in_(uids)))
    }
    for event in events:
        row = rows.get(event.uid) or CalendarEvent(
            uid=event.uid, trip_id=trip_id, sequence=0, summary="", starts="", ends=""
        )
        row.visit_id = event.visit_id
        row.sequence = event.sequence
        row.summary = event.summary[:300]
        row.location = event.location[:300]
        row.starts = event.span[0].isoformat()
        row.ends = event.span[1].isoformat()
        row.cancelled = event.cancelled
        session.add(row)
