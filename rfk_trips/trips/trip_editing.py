"""Editing a trip from the planner: details, programme, visits, staff and acknowledged warnings.

Every function is one user action in one transaction, and takes the version the user saw:
a save based on a stale copy is refused (StaleVersionError), never silently overwritten.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, time
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Engine
from sqlmodel import col

from rfk_trips.i18n.catalogue import t
from rfk_trips.registers.company_service import last_visit_subquery
from rfk_trips.registers.paging import (
    PAGE_SIZE,
    Page,
    count_query,
    last_page_total,
    like_pattern,
    search_words,
)
from rfk_trips.rules import programme_shift
from rfk_trips.rules.company import HostFacts, criteria_met
from rfk_trips.rules.danish_dates import format_date, format_time, parse_date, parse_time
from rfk_trips.rules.errors import UserError
from rfk_trips.rules.fields import parse_optional_int
from rfk_trips.rules.formats import (
    FormatSpec,
    ProgrammeItem,
    programme_from_stored,
    programme_to_stored,
)
from rfk_trips.rules.host_ranking import HostCandidate, RankedHost, rank_hosts
from rfk_trips.rules.open_agenda import open_agenda_refusal
from rfk_trips.rules.time_order import ends_before_start
from rfk_trips.rules.trip import Finding, check_trip
from rfk_trips.trips.trip_listing import TripSummary, list_trips
from rfk_trips.trips.trip_service import (
    TripDetail,
    editable_trip,
    format_by_code,
    format_spec,
    gather_facts,
    get_trip,
    municipality_by_name,
    trip_detail,
)
from storage.codes import ProgrammeKind, TripStatus
from storage.models import (
    Citizen,
    Company,
    FindingAcknowledgement,
    Municipality,
    Participation,
    Trip,
    TripFormat,
    Visit,
    company_qualifies,
    utc_now,
)
from storage.sessions import session_scope

DETAIL_KEYS = (
    "title", "date", "format", "municipality", "meeting_place", "meeting_time", "return_time",
    "bus", "bus_reference", "seats", "catering", "catering_notes", "notes",
)  # fmt: skip


@dataclass(frozen=True)
class CheckedFinding:
    """A finding with what staff said about it, if they acknowledged it."""

    finding: Finding
    acknowledged_reason: str | None

    @property
    def open_error(self) -> bool:
        return self.finding.is_error


def details_form_values(engine: Engine, trip_id: int) -> dict[str, str]:
    with session_scope(engine) as session:
        trip = get_trip(session, trip_id)
        fmt = session.get(TripFormat, trip.format_id)
        municipality = (
            session.get(Municipality, trip.municipality_id) if trip.municipality_id else None
        )
        return {
            "title": trip.title,
            "date": format_date(trip.trip_date),
            "format": fmt.code if fmt else "",
            "municipality": municipality.name if municipality else "",
            "meeting_place": trip.meeting_place,
            "meeting_time": format_time(trip.meeting_time),
            "return_time": format_time(trip.return_time),
            "bus": trip.bus_operator,
            "bus_reference": trip.bus_reference,
            "seats": "" if trip.bus_seats is None else str(trip.bus_seats),
            "catering": "" if trip.catering_count is None else str(trip.catering_count),
            "catering_notes": trip.catering_notes,
            "notes": trip.notes,
        }


def _field(errors: dict[str, str], key: str, parse: Callable[[str], object], text: str) -> object:
    try:
        return parse(text)
    except UserError as exc:
        errors[key] = exc.message
        return None


def save_details(
    engine: Engine, trip_id: int, expected_version: int, values: dict[str, str], *, today: date
) -> int:
    """Save the details form; returns the new version. UserError with per-field errors."""
    errors: dict[str, str] = {}
    title = " ".join(values.get("title", "").split())
    if not title:
        errors["title"] = t("field.required", field=t("trip.field.title"))
    trip_date = _field(errors, "date", lambda s: parse_date(s, today), values.get("date", ""))
    meeting = _field(
        errors,
        "meeting_time",
        lambda s: parse_time(s) if s.strip() else None,
        values.get("meeting_time", ""),
    )
    back = _field(
        errors,
        "return_time",
        lambda s: parse_time(s) if s.strip() else None,
        values.get("return_time", ""),
    )
    seats = _field(
        errors,
        "seats",
        lambda s: parse_optional_int(s, t("trip.field.seats"), positive=True),
        values.get("seats", ""),
    )
    catering = _field(
        errors,
        "catering",
        lambda s: parse_optional_int(s, t("trip.field.catering"), positive=True),
        values.get("catering", ""),
    )
    if isinstance(meeting, time) and isinstance(back, time) and ends_before_start(meeting, back):
        errors["return_time"] = t("trip.return_before_meeting")
    if errors:
        raise UserError(t("form.refused"), list(errors.values()), errors)
    with session_scope(engine) as session:
        trip = editable_trip(session, trip_id, expected_version)
        code = values.get("format", "").strip()
        if code:
            try:
                trip.format_id = format_by_code(session, code).id or trip.format_id
            except UserError as exc:
                raise UserError(exc.message, [exc.message], {"format": exc.message}) from exc
        municipality = values.get("municipality", "").strip()
        try:
            trip.municipality_id = (
                municipality_by_name(session, municipality).id if municipality else None
            )
        except UserError as exc:
            raise UserError(exc.message, [exc.message], {"municipality": exc.message}) from exc
        assert isinstance(trip_date, date)
        trip.title = title
        trip.trip_date = trip_date
        trip.meeting_place = values.get("meeting_place", "").strip()
        trip.meeting_time = meeting if isinstance(meeting, time) else None
        trip.return_time = back if isinstance(back, time) else None
        trip.bus_operator = values.get("bus", "").strip()
        trip.bus_reference = values.get("bus_reference", "").strip()
        trip.bus_seats = seats if isinstance(seats, int) else None
        trip.catering_count = catering if isinstance(catering, int) else None
        trip.catering_notes = values.get("catering_notes", "").strip()
        trip.notes = values.get("notes", "").strip()
        session.add(trip)
        return trip.version


def apply_format_defaults(engine: Engine, trip_id: int, expected_version: int, code: str) -> int:
    """Switch the trip to a format and take its times and programme."""
    with session_scope(engine) as session:
        trip = editable_trip(session, trip_id, expected_version)
        fmt = format_by_code(session, code)
        trip.format_id = fmt.id or trip.format_id
        trip.meeting_time = fmt.start_time
        trip.return_time = fmt.end_time
        trip.programme = programme_to_stored(programme_from_stored(fmt.programme))
        session.add(trip)
        return trip.version


@dataclass(frozen=True)
class ProgrammeMoved:
    version: int
    minutes: int  # later when positive
    meeting: time


def move_programme_to_meeting(
    engine: Engine, trip_id: int, expected_version: int | None
) -> ProgrammeMoved:
    """Move every time of the programme alike, so that it starts at the trip's meeting time.

    `expected_version` is the version the editor shows (a stale copy is refused); None for
    a command that reads and changes the trip in this one transaction.

    Refused, with what to do, when the trip has no meeting time, when the programme already
    starts at it, or when a time would pass midnight.
    """
    with session_scope(engine) as session:
        # First: a closed trip or a stale copy is refused as such. A refusal below rolls the
        # version bump back with the rest of the transaction.
        trip = editable_trip(session, trip_id, expected_version)
        meeting = trip.meeting_time
        if meeting is None:
            raise UserError(t("programme.shift_no_meeting"))
        moved = programme_shift.moved_to_meeting(programme_from_stored(trip.programme), meeting)
        if moved.minutes == 0:
            raise UserError(t("programme.shift_not_needed", meeting=format_time(meeting)))
        trip.programme = programme_to_stored(moved.items)
        session.add(trip)
        return ProgrammeMoved(trip.version, moved.minutes, meeting)


def moved_text(moved: ProgrammeMoved) -> str:
    """What a move did, for the user: "Programmet er flyttet 45 min. senere: …"."""
    direction = t("programme.later" if moved.minutes > 0 else "programme.earlier")
    return t(
        "programme.shifted",
        minutes=abs(moved.minutes),
        direction=direction,
        meeting=format_time(moved.meeting),
    )


def save_programme(
    engine: Engine, trip_id: int, expected_version: int, lines: Sequence[ProgrammeItem]
) -> int:
    """Replace the programme with `lines`, in the order given. Times must read as HH:MM."""
    errors = []
    cleaned: list[ProgrammeItem] = []
    for number, line in enumerate(lines, start=1):
        try:
            at = parse_time(line.time).strftime("%H:%M") if line.time.strip() else ""
        except UserError as exc:
            errors.append(t("trip.programme_line", number=number, message=exc.message))
            continue
        if not line.text.strip():
            errors.append(
                t("trip.programme_line", number=number, message=t("field.required", field="Tekst"))
            )
            continue
        cleaned.append(replace(line, time=at, text=line.text.strip()))
    if errors:
        raise UserError(errors[0], errors)
    with session_scope(engine) as session:
        trip = editable_trip(session, trip_id, expected_version)
        fmt = session.get(TripFormat, trip.format_id)
        format_programme = programme_from_stored(fmt.programme) if fmt is not None else ()
        refusal = open_agenda_refusal(
            format_programme, programme_from_stored(trip.programme), cleaned
        )
        if refusal:
            raise UserError(refusal)
        trip.programme = programme_to_stored(cleaned)
        session.add(trip)
        return trip.version


def acknowledge(
    engine: Engine, trip_id: int, finding: Finding, reason: str, *, by: str = ""
) -> None:
    """Store that staff accept a warning, and why. Errors cannot be acknowledged."""
    if finding.is_error:
        raise UserError(t("trip.cannot_acknowledge_error"))
    if not reason.strip():
        raise UserError(t("trip.acknowledge_reason_required"))
    with session_scope(engine) as session:
        existing = session.scalars(
            select(FindingAcknowledgement).where(
                col(FindingAcknowledgement.trip_id) == trip_id,
                col(FindingAcknowledgement.code) == finding.code,
                col(FindingAcknowledgement.subject) == finding.subject,
            )
        ).first()
        row = existing or FindingAcknowledgement(
            trip_id=trip_id, code=finding.code, subject=finding.subject, reason=reason
        )
        row.reason = reason.strip()
        row.acknowledged_by = by
        row.acknowledged_at = utc_now()
        session.add(row)


def checked_findings(engine: Engine, trip_id: int, *, today: date) -> list[CheckedFinding]:
    """The trip's findings, each with its acknowledgement if staff gave one."""
    with session_scope(engine) as session:
        findings = check_trip(gather_facts(session, trip_id, today))
        reasons = {
            (row.code, row.subject): row.reason
            for row in session.scalars(
                select(FindingAcknowledgement).where(col(FindingAcknowledgement.trip_id) == trip_id)
            )
        }
    return [
        CheckedFinding(f, None if f.is_error else reasons.get((f.code, f.subject)))
        for f in findings
    ]


def host_suggestions(
    engine: Engine, trip_id: int, text: str, *, today: date, limit: int = 60
) -> list[RankedHost]:
    """Qualifying, active companies not yet on the trip, ranked for the group's job goals."""
    visits = last_visit_subquery(today)
    conditions: list[Any] = [col(Company.archived).is_(False), company_qualifies()]
    for word in search_words(text):
        conditions.append(col(Company.search_text).like(like_pattern(word), escape="\\"))
    with session_scope(engine) as session:
        trip = get_trip(session, trip_id)
        if trip.municipality_id is not None and not text.strip():
            # Without a search, the trip's own municipality (and companies with none set);
            # a search reaches every company, neighbours included.
            conditions.append(
                or_(
                    col(Company.municipality_id) == trip.municipality_id,
                    col(Company.municipality_id).is_(None),
                )
            )
        on_trip = select(col(Visit.company_id)).where(col(Visit.trip_id) == trip_id)
        conditions.append(col(Company.id).not_in(on_trip))
        goals: set[str] = set()
        for job_goals in session.scalars(
            select(col(Citizen.job_goals))
            .join(Participation, col(Participation.citizen_id) == col(Citizen.id))
            .where(col(Participation.trip_id) == trip_id)
        ):
            goals.update(job_goals)
        rows = session.execute(
            select(
                col(Company.id),
                col(Company.name),
                col(Company.town),
                col(Company.industry),
                col(Company.placement_experience),
                col(Company.social_responsibility),
                col(Company.labour_shortage),
                col(Company.tasks),
                col(Company.max_visitors),
                visits.c.last_visit,
            )
            .outerjoin(visits, visits.c.company_id == col(Company.id))
            .where(*conditions)
        ).all()
    candidates = [
        HostCandidate(
            company_id=row.id,
            name=row.name,
            town=row.town,
            industry=row.industry,
            criteria=criteria_met(
                HostFacts(
                    row.id,
                    row.name,
                    row.placement_experience,
                    row.social_responsibility,
                    row.labour_shortage,
                    tuple(row.tasks),
                )
            ),
            tasks=tuple(row.tasks),
            last_visit=row.last_visit,
            max_visitors=row.max_visitors,
        )
        for row in rows
    ]
    return rank_hosts(candidates, goals, today=today)[:limit]


def next_visit_slot(engine: Engine, trip_id: int) -> tuple[time, time]:
    """Times for a new visit: the programme's next visit item, else after the last visit."""
    with session_scope(engine) as session:
        trip = get_trip(session, trip_id)
        taken = list(
            session.scalars(
                select(col(Visit.start_time))
                .where(col(Visit.trip_id) == trip_id)
                .order_by(col(Visit.start_time))
            )
        )
        slots = [
            parse_time(item.time)
            for item in programme_from_stored(trip.programme)
            if item.kind == ProgrammeKind.VISIT and item.time
        ]
        for start in slots:
            if start not in taken:
                return start, _plus_minutes(start, 90)
        last_end = session.scalar(
            select(col(Visit.end_time))
            .where(col(Visit.trip_id) == trip_id)
            .order_by(col(Visit.end_time).desc())
        )
        start = last_end or trip.meeting_time or time(9, 0)
        return start, _plus_minutes(start, 90)


def _plus_minutes(at: time, minutes: int) -> time:
    total = min(at.hour * 60 + at.minute + minutes, 23 * 60 + 59)
    return time(total // 60, total % 60)


def _trip_conditions(
    text: str, status: TripStatus | None, municipality_id: int | None, period: str, today: date
) -> list[Any]:
    conditions: list[Any] = []
    for word in search_words(text):
        conditions.append(func.lower(col(Trip.title)).like(like_pattern(word), escape="\\"))
    if status is not None:
        conditions.append(col(Trip.status) == status)
    if municipality_id is not None:
        conditions.append(col(Trip.municipality_id) == municipality_id)
    if period == "upcoming":
        conditions.append(col(Trip.trip_date) >= today)
    elif period == "past":
        conditions.append(col(Trip.trip_date) < today)
    return conditions


def search_trips(
    engine: Engine,
    *,
    text: str = "",
    status: TripStatus | None = None,
    municipality_id: int | None = None,
    period: str = "upcoming",
    today: date,
    limit: int = PAGE_SIZE,
    offset: int = 0,
) -> Page[TripSummary]:
    """Trips by date: `upcoming` (today on, soonest first), `past` (latest first) or `all`."""
    conditions = _trip_conditions(text, status, municipality_id, period, today)
    order: Any = (col(Trip.trip_date), col(Trip.id))
    if period == "past":
        order = (col(Trip.trip_date).desc(), col(Trip.id).desc())
    with session_scope(engine) as session:
        # A stored trip's id is never None; the model allows None for a trip not yet saved.
        ids = [
            trip_id
            for trip_id in session.scalars(
                select(col(Trip.id)).where(*conditions).order_by(*order).limit(limit).offset(offset)
            )
            if trip_id is not None
        ]
        total = last_page_total(offset, len(ids), limit)
        if total is None:
            total = session.scalar(count_query(Trip, conditions)) or 0
    summaries = {s.id: s for s in list_trips(engine, ids=ids)}
    return Page([summaries[i] for i in ids if i in summaries], total)


def count_past_trips(
    engine: Engine,
    *,
    text: str = "",
    status: TripStatus | None = None,
    municipality_id: int | None = None,
    today: date,
) -> int:
    """The trips before today that the same search finds: what an empty list of upcoming
    trips points to (a history just imported has nothing upcoming)."""
    conditions = _trip_conditions(text, status, municipality_id, "past", today)
    with session_scope(engine) as session:
        return session.scalar(count_query(Trip, conditions)) or 0


@dataclass(frozen=True)
class EditorState:
    """Everything the trip editor shows, read in one go after each change."""

    detail: TripDetail
    format: FormatSpec
    findings: list[CheckedFinding]
    details_form: dict[str, str]

    @property
    def error_count(self) -> int:
        return sum(1 for f in self.findings if f.finding.is_error)

    @property
    def open_warning_count(self) -> int:
        return sum(
            1 for f in self.findings if not f.finding.is_error and f.acknowledged_reason is None
        )


def editor_state(engine: Engine, trip_id: int, *, today: date) -> EditorState:
    detail = trip_detail(engine, trip_id)
    with session_scope(engine) as session:
        fmt = format_by_code(session, detail.format_code)
        spec = format_spec(fmt)
    return EditorState(
        detail=detail,
        format=spec,
        findings=checked_findings(engine, trip_id, today=today),
        details_form=details_form_values(engine, trip_id),
    )
