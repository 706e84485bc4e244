"""Check-in on the day: who came, leg by leg, each keypress saved in its own transaction.

Every change is a row in the check-in log (`CheckinEvent`), so closing the lid or pulling
the power loses nothing already shown, undo is exact, and the time of each change is kept.
A participant's overall attendance (on `Participation`) is worked out from their legs by
`overall_attendance`, a pure rule.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from rfk_trips.after_trip.follow_ups import DEFAULT_FOLLOW_UP_DAYS, create_after_trip
from rfk_trips.config.clock import today as clock_today
from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.rules.errors import NotFoundError, UserError
from rfk_trips.trips.trip_service import get_trip
from storage.codes import ATTENDED, Attendance, ParticipantRole, TripStatus
from storage.models import CheckinEvent, Citizen, Participation, Trip, TripFormat, Visit, utc_now
from storage.sessions import id_chunks, session_scope


def leg_names(visits: int) -> list[str]:
    """The legs of the day: one for a one-visit trip; afgang, each visit and hjemkomst else."""
    if visits <= 1:
        return [t("checkin.leg.departure")]
    return [
        t("checkin.leg.departure"),
        *(t("checkin.leg.visit", number=n) for n in range(1, visits + 1)),
        t("checkin.leg.return"),
    ]


def overall_attendance(legs: dict[int, Attendance]) -> Attendance:
    """One status for the day from the legs: how they started, and whether they stayed."""
    first = legs.get(0, Attendance.PENDING)
    if first not in ATTENDED:
        return first
    later = [status for leg, status in legs.items() if leg > 0]
    if any(status in (Attendance.LEFT_EARLY, Attendance.NO_SHOW) for status in later):
        return Attendance.LEFT_EARLY
    return first


# On a leg after one of these the person is no longer with the group: they never came
# (udeblevet), sent word (afbud) or went home (gik tidligt).
_GONE_AFTER = frozenset({Attendance.NO_SHOW, Attendance.EXCUSED, Attendance.LEFT_EARLY})


def expected_on_leg(legs: dict[int, Attendance], leg: int) -> bool:
    """Whether a participant is still expected on this leg of the day.

    An afbud leaves them out of every leg; otherwise they are expected until a leg before
    this one says they did not come or went home. Pending legs keep them expected: a
    person not yet ticked off may still be on the bus.
    """
    if overall_attendance(legs) == Attendance.EXCUSED:
        return False
    return not any(status in _GONE_AFTER for number, status in legs.items() if number < leg)


@dataclass(frozen=True)
class CheckinRow:
    citizen_id: int
    name: str
    role: ParticipantRole
    legs: dict[int, Attendance]
    overall: Attendance
    reason: str
    changed_at: datetime | None


@dataclass(frozen=True)
class LegCount:
    leg: int
    name: str
    there: int
    expected: int


@dataclass(frozen=True)
class CheckinSheet:
    trip_id: int
    title: str
    trip_date: date
    status: TripStatus
    legs: list[str]
    rows: list[CheckinRow]
    counts: list[LegCount]
    # What the participants raised in their open agenda slot (R10), noted on the day.
    agenda_notes: str = ""

    def row(self, citizen_id: int) -> CheckinRow:
        return next(r for r in self.rows if r.citizen_id == citizen_id)

    @property
    def pending(self) -> list[CheckinRow]:
        return [
            r
            for r in self.rows
            if r.role == ParticipantRole.PARTICIPANT and r.overall == Attendance.PENDING
        ]


class ReserveNotTakenIn(UserError):
    """A status for a reserve, who must be taken in as a participant first (`walk_in`).

    The message is the screen's (it names the key); the name lets the command line say it
    in its own words (--walk-in) without reading the sheet first.
    """

    def __init__(self, name: str) -> None:
        super().__init__(t("checkin.reserve_first"))
        self.name = name


def _check_in_possible(trip: Trip, today: date | None) -> None:
    """Check-in is for the day itself, or afterwards from the paper list; never in advance."""
    if trip.status == TripStatus.CANCELLED:
        raise UserError(t("checkin.cancelled_trip"))
    if trip.trip_date > (today or clock_today()):
        raise UserError(t("checkin.not_held_yet"))


def _live_events(session: Session, trip_id: int) -> list[CheckinEvent]:
    return list(
        session.scalars(
            select(CheckinEvent)
            .where(col(CheckinEvent.trip_id) == trip_id, col(CheckinEvent.undone).is_(False))
            .order_by(col(CheckinEvent.id))
        )
    )


def shown_reasons(
    session: Session, trip_ids: Sequence[int] | None = None
) -> dict[tuple[int, int], str]:
    """(trip, citizen) → the reason a check-in sheet shows on the person's row: that of their
    latest live check-in line, whatever its leg (`checkin_sheet` keeps the same in its loop).
    For `trip_ids` only, or every trip; the history files export and import it."""
    query = (
        select(col(CheckinEvent.trip_id), col(CheckinEvent.citizen_id), col(CheckinEvent.reason))
        .where(col(CheckinEvent.undone).is_(False))
        .order_by(col(CheckinEvent.id))
    )
    chosen = (
        [query]
        if trip_ids is None
        else [query.where(col(CheckinEvent.trip_id).in_(chunk)) for chunk in id_chunks(trip_ids)]
    )
    reasons: dict[tuple[int, int], str] = {}
    for each in chosen:
        for trip_id, citizen_id, reason in session.execute(each):
            reasons[(trip_id, citizen_id)] = reason
    return reasons


def _visit_count(session: Session, trip: Trip) -> int:
    visits = len(list(session.scalars(select(col(Visit.id)).where(col(Visit.trip_id) == trip.id))))
    if visits:
        return visits
    fmt = session.get(TripFormat, trip.format_id)
    return fmt.visits or 1 if fmt else 1


def checkin_sheet(engine: Engine, trip_id: int) -> CheckinSheet:
    with session_scope(engine) as session:
        trip = get_trip(session, trip_id)
        names = leg_names(_visit_count(session, trip))
        per_person: dict[int, dict[int, Attendance]] = {}
        reasons: dict[int, str] = {}
        changed: dict[int, datetime] = {}
        for event in _live_events(session, trip_id):
            per_person.setdefault(event.citizen_id, {})[event.leg] = event.status
            reasons[event.citizen_id] = event.reason
            changed[event.citizen_id] = event.recorded_at
        rows = []
        for participation, citizen in session.execute(
            select(Participation, Citizen)
            .join(Citizen, col(Citizen.id) == col(Participation.citizen_id))
            .where(col(Participation.trip_id) == trip_id)
            .order_by(col(Participation.role), col(Citizen.sort_name), col(Citizen.id))
        ).all():
            legs = per_person.get(citizen.id or 0, {})
            if not legs and participation.attendance != Attendance.PENDING:
                legs = {0: participation.attendance}  # registered before the log (or imported)
            rows.append(
                CheckinRow(
                    citizen_id=citizen.id or 0,
                    name=citizen.name,
                    role=participation.role,
                    legs=legs,
                    overall=overall_attendance(legs),
                    reason=reasons.get(citizen.id or 0, participation.note),
                    changed_at=changed.get(citizen.id or 0, participation.checked_in_at),
                )
            )
        counts = []
        participants = [r for r in rows if r.role == ParticipantRole.PARTICIPANT]
        for leg, name in enumerate(names):
            expected = [r for r in participants if expected_on_leg(r.legs, leg)]
            there = [r for r in expected if r.legs.get(leg, Attendance.PENDING) in ATTENDED]
            counts.append(LegCount(leg, name, len(there), len(expected)))
        return CheckinSheet(
            trip_id, trip.title, trip.trip_date, trip.status, names, rows, counts,
            trip.agenda_notes,
        )  # fmt: skip


def save_agenda_notes(engine: Engine, trip_id: int, text: str, *, today: date) -> None:
    """R10: what the participants raised in their own slot, written on the day or after it,
    never before (the slot is theirs to fill)."""
    with session_scope(engine) as session:
        trip = get_trip(session, trip_id)
        _check_in_possible(trip, today)
        trip.agenda_notes = text.strip()
        session.add(trip)


def _participation(session: Session, trip_id: int, citizen_id: int) -> Participation:
    row = session.scalars(
        select(Participation).where(
            col(Participation.trip_id) == trip_id, col(Participation.citizen_id) == citizen_id
        )
    ).first()
    if row is None:
        citizen = session.get(Citizen, citizen_id)
        if citizen is None:
            raise NotFoundError(t("error.not_found", what=t("what.citizen"), id=citizen_id))
        raise UserError(t("trip.not_on_trip", name=citizen.name))
    return row


def _refresh_overall(session: Session, participation: Participation) -> None:
    legs: dict[int, Attendance] = {}
    first_at: datetime | None = None
    for event in _live_events(session, participation.trip_id):
        if event.citizen_id != participation.citizen_id:
            continue
        legs[event.leg] = event.status
        if event.leg == 0:
            first_at = event.recorded_at if event.status in ATTENDED else None
    participation.attendance = overall_attendance(legs)
    participation.checked_in_at = first_at
    session.add(participation)


def record(
    engine: Engine,
    trip_id: int,
    citizen_id: int,
    status: Attendance,
    *,
    leg: int = 0,
    reason: str = "",
    by: str = "",
    today: date | None = None,
) -> CheckinRow:
    """Save one status at once (its own transaction) and hand back the person's new row."""
    sheet = record_sheet(
        engine, trip_id, citizen_id, status, leg=leg, reason=reason, by=by, today=today
    )
    return sheet.row(citizen_id)


def record_sheet(
    engine: Engine,
    trip_id: int,
    citizen_id: int,
    status: Attendance,
    *,
    leg: int = 0,
    reason: str = "",
    by: str = "",
    today: date | None = None,
) -> CheckinSheet:
    """As `record`, handing back the whole saved sheet: the screen redraws from one read."""
    with session_scope(engine) as session:
        trip = get_trip(session, trip_id)
        _check_in_possible(trip, today)
        legs = leg_names(_visit_count(session, trip))
        if not 0 <= leg < len(legs):
            raise UserError(t("checkin.no_such_leg", leg=leg, last=len(legs) - 1))
        participation = _participation(session, trip_id, citizen_id)
        if participation.role == ParticipantRole.RESERVE:
            citizen = session.get(Citizen, citizen_id)
            raise ReserveNotTakenIn(citizen.name if citizen else "")
        session.add(
            CheckinEvent(
                trip_id=trip_id,
                citizen_id=citizen_id,
                leg=leg,
                status=status,
                reason=reason.strip(),
                recorded_by=by,
                recorded_at=utc_now(),
            )
        )
        session.flush()
        if reason.strip():
            participation.note = reason.strip()
        _refresh_overall(session, participation)
    return checkin_sheet(engine, trip_id)


def walk_in(
    engine: Engine, trip_id: int, citizen_id: int, *, by: str = "", today: date | None = None
) -> None:
    """A reserve who turns up takes a seat: participant from now, and mødt on departure."""
    with session_scope(engine) as session:
        trip = get_trip(session, trip_id)
        _check_in_possible(trip, today)
        participation = _participation(session, trip_id, citizen_id)
        if participation.role != ParticipantRole.RESERVE:
            raise UserError(t("checkin.not_a_reserve"))
        participation.role = ParticipantRole.PARTICIPANT
        session.add(participation)
        session.add(
            CheckinEvent(
                trip_id=trip_id,
                citizen_id=citizen_id,
                leg=0,
                status=Attendance.PRESENT,
                reason=t("checkin.walk_in_note"),
                recorded_by=by,
                recorded_at=utc_now(),
                walk_in=True,
            )
        )
        session.flush()
        _refresh_overall(session, participation)


def undo_last(engine: Engine, trip_id: int) -> str | None:
    """Take back the latest change on the trip; a sentence saying what was undone, or None."""
    with session_scope(engine) as session:
        if get_trip(session, trip_id).status == TripStatus.CANCELLED:
            raise UserError(t("checkin.cancelled_trip"))
        event = session.scalars(
            select(CheckinEvent)
            .where(col(CheckinEvent.trip_id) == trip_id, col(CheckinEvent.undone).is_(False))
            .order_by(col(CheckinEvent.id).desc())
        ).first()
        if event is None:
            return None
        event.undone = True
        session.add(event)
        session.flush()
        participation = _participation(session, trip_id, event.citizen_id)
        if event.walk_in:
            participation.role = ParticipantRole.RESERVE
        _refresh_overall(session, participation)
        citizen = session.get(Citizen, event.citizen_id)
        if event.walk_in:
            return t("checkin.walk_in_undone", name=citizen.name if citizen else event.citizen_id)
        return t(
            "checkin.undone",
            name=citizen.name if citizen else event.citizen_id,
            status=label(event.status).lower(),
        )


def complete_trip(
    engine: Engine,
    trip_id: int,
    *,
    force: bool = False,
    follow_up_days: int | None = None,
    today: date | None = None,
) -> int:
    """Mark the trip gennemført; refused while a participant is still afventer, unless forced.

    The same transaction leaves a follow-up task per participant who came or stayed away
    (`rfk_trips.after_trip.follow_ups`); returns how many were made. Those who came are due
    `follow_up_days` after the trip; None takes the trip format's setting (Indstillinger).
    A trip that has not been held yet (dated after today), a cancelled one and one without
    participants are refused.
    """
    sheet = checkin_sheet(engine, trip_id)
    if sheet.status == TripStatus.CANCELLED:
        raise UserError(t("checkin.cancelled_trip_complete"))
    if sheet.trip_date > (today or clock_today()):
        raise UserError(t("checkin.not_held_yet_complete"))
    if not any(r.role == ParticipantRole.PARTICIPANT for r in sheet.rows):
        raise UserError(t("checkin.no_participants_complete"))
    if sheet.pending and not force:
        names = [r.name for r in sheet.pending]
        raise UserError(t("checkin.still_pending", count=len(names)), names)
    with session_scope(engine) as session:
        trip = get_trip(session, trip_id)
        trip.status = TripStatus.COMPLETED
        trip.version += 1
        trip.updated_at = utc_now()
        session.add(trip)
        session.flush()
        if follow_up_days is None:
            trip_format = session.get(TripFormat, trip.format_id)
            follow_up_days = (
                trip_format.follow_up_days if trip_format is not None else DEFAULT_FOLLOW_UP_DAYS
            )
        return create_after_trip(session, trip, days=follow_up_days)
