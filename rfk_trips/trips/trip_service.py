"""A trip as a whole: creating it, its status, its check and the trip as read.

Each function is one user action in one transaction: it takes the engine, opens a session
for the action, and hands back plain read models (dataclasses), never live ORM rows. Rules
are not implemented here: the facts are gathered and `rfk_trips.rules.trip.check_trip`
decides. What is on the trip (visits, group, staff) is changed in `planning`.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label, normalise
from rfk_trips.registers.what_counts_sql import citizens_trip
from rfk_trips.rules.company import HostFacts
from rfk_trips.rules.errors import NotFoundError, StaleVersionError, UserError
from rfk_trips.rules.formats import (
    FormatSpec,
    ProgrammeItem,
    programme_from_stored,
    programme_to_stored,
)
from rfk_trips.rules.trip import (
    CitizenFacts,
    Finding,
    SameDayBookings,
    StaffFacts,
    TripFacts,
    VisitFacts,
    check_trip,
    has_errors,
)
from rfk_trips.trips.host_rotation import host_trip_limit, host_trips_before
from storage.codes import Attendance, ParticipantRole, StaffRole, TripStatus
from storage.models import (
    Citizen,
    Company,
    Municipality,
    Participation,
    Staff,
    Trip,
    TripFormat,
    TripStaff,
    Visit,
    utc_now,
)
from storage.sessions import session_scope

CLOSED_STATUSES = (TripStatus.COMPLETED, TripStatus.CANCELLED)


# --- read models ----------


@dataclass(frozen=True)
class VisitRead:
    id: int
    position: int
    company_id: int
    company_name: str
    address: str
    start_time: time
    end_time: time
    showing: str
    host_contact: str
    confirmed: bool
    agreed_on: date | None = None


@dataclass(frozen=True)
class ParticipationDetails:
    """One participant's day as staff record it (R20, R22): the transport allowance (kroner),
    a pick-up on the bus's way, the way to the meeting place in minutes, and two plain
    markers. `participation_details` reads and saves them."""

    transport_allowance: bool = False
    transport_amount: int | None = None
    pickup_place: str = ""
    pickup_time: time | None = None
    travel_minutes: int | None = None
    unsure: bool = False
    prepared: bool = False


@dataclass(frozen=True)
class ParticipantRead:
    citizen_id: int
    name: str
    phone: str
    role: ParticipantRole
    attendance: Attendance
    cohort: str
    # Getting there (R20) and preparation (R22): staff's record, plain markers only.
    details: ParticipationDetails = field(default_factory=ParticipationDetails)
    # The citizen's own markers: R24's physical limitation, R16's referral.
    physical_limitation: bool = False
    referred: bool = True


@dataclass(frozen=True)
class TripStaffRead:
    staff_id: int
    name: str
    initials: str
    role: str
    phone: str
    is_lead: bool


@dataclass(frozen=True)
class TripDetail:
    id: int
    title: str
    trip_date: date
    status: TripStatus
    format_code: str
    format_name: str
    municipality: str
    municipality_id: int | None
    meeting_place: str
    meeting_time: time | None
    return_time: time | None
    bus_operator: str
    bus_reference: str
    bus_seats: int | None
    catering_count: int | None
    catering_notes: str
    programme: tuple[ProgrammeItem, ...]
    notes: str
    version: int
    visits: list[VisitRead] = field(default_factory=list)
    participants: list[ParticipantRead] = field(default_factory=list)
    staff: list[TripStaffRead] = field(default_factory=list)
    jobcentre_phone: str = ""


def coming(participants: list[ParticipantRead]) -> list[ParticipantRead]:
    """The participants still coming: reserves and those who sent word (afbud) left out;
    whom the reminders go to and whose transport the day must arrange."""
    return [
        p
        for p in participants
        if p.role == ParticipantRole.PARTICIPANT and p.attendance != Attendance.EXCUSED
    ]


# --- helpers ----------


def get_trip(session: Session, trip_id: int) -> Trip:
    trip = session.get(Trip, trip_id)
    if trip is None:
        raise NotFoundError(t("error.not_found", what=t("what.trip"), id=trip_id))
    return trip


def editable_trip(session: Session, trip_id: int, expected_version: int | None) -> Trip:
    """The trip, locked against concurrent edits: bumps its version or refuses a stale one."""
    trip = get_trip(session, trip_id)
    if trip.status in CLOSED_STATUSES:
        raise UserError(t("trip.not_editable", status=label(trip.status).lower()))
    condition = col(Trip.id) == trip_id
    if expected_version is not None:
        condition = condition & (col(Trip.version) == expected_version)
    # `exec`, not `execute`: SQLModel types an UPDATE's result as the CursorResult it is.
    result = session.exec(
        update(Trip).where(condition).values(version=col(Trip.version) + 1, updated_at=utc_now())
    )
    if result.rowcount != 1:
        raise StaleVersionError(t("error.stale_version"))
    session.refresh(trip)
    return trip


def format_spec(row: TripFormat) -> FormatSpec:
    return FormatSpec(
        code=row.code,
        name=row.name,
        min_participants=row.min_participants,
        max_participants=row.max_participants,
        visits=row.visits,
        start_time=row.start_time,
        end_time=row.end_time,
        min_staff=row.min_staff,
        requires_experienced_host=row.requires_experienced_host,
        single_cohort=row.single_cohort,
        trips_per_citizen=row.trips_per_citizen,
        programme=programme_from_stored(row.programme),
        staff_roles=staff_roles_from_stored(row.staff_roles),
    )


def staff_roles_from_stored(stored: dict[str, int]) -> dict[StaffRole, int]:
    """A format's wanted roles as stored; a code this version does not know is left out."""
    known = {role.value: role for role in StaffRole}
    return {known[code]: int(count) for code, count in stored.items() if code in known}


def host_facts(company: Company) -> HostFacts:
    return HostFacts(
        company_id=company.id or 0,
        name=company.name,
        placement_experience=company.placement_experience,
        social_responsibility=company.social_responsibility,
        labour_shortage=company.labour_shortage,
        tasks=tuple(company.tasks),
        max_visitors=company.max_visitors,
        archived=company.archived,
    )


def format_by_code(session: Session, code: str) -> TripFormat:
    row = session.scalars(select(TripFormat).where(col(TripFormat.code) == code)).first()
    if row is None:
        # `Guldborgsund` or ` lolland ` is the format staff mean: the codes are lower case.
        wanted = normalise(code)
        row = next(
            (fmt for fmt in session.scalars(select(TripFormat)) if normalise(fmt.code) == wanted),
            None,
        )
    if row is None:
        codes = ", ".join(
            session.scalars(select(col(TripFormat.code)).order_by(col(TripFormat.code)))
        )
        raise UserError(t("trip.unknown_format", code=code, choices=codes))
    return row


def municipality_by_name(session: Session, name: str) -> Municipality:
    rows = list(session.scalars(select(Municipality).order_by(col(Municipality.name))))
    for row in rows:
        if normalise(row.name) == normalise(name):
            return row
    raise UserError(
        t("trip.unknown_municipality", name=name, choices=", ".join(r.name for r in rows))
    )


# --- actions ----------


def create_trip(
    engine: Engine,
    *,
    format_code: str,
    trip_date: date,
    title: str | None = None,
    municipality: str | None = None,
) -> int:
    """A new trip (kladde) with the format's defaults filled in. Returns its id."""
    with session_scope(engine) as session:
        fmt = format_by_code(session, format_code)
        municipality_row = None
        if municipality:
            municipality_row = municipality_by_name(session, municipality)
        else:
            municipality_row = session.scalars(
                select(Municipality).where(col(Municipality.name).ilike(fmt.code))
            ).first()
        trip = Trip(
            title=(title or "").strip() or f"Bustur {trip_date.strftime('%d-%m-%Y')}",
            trip_date=trip_date,
            format_id=fmt.id or 0,
            municipality_id=municipality_row.id if municipality_row else None,
            meeting_time=fmt.start_time,
            return_time=fmt.end_time,
            programme=programme_to_stored(programme_from_stored(fmt.programme)),
        )
        session.add(trip)
        session.flush()
        return trip.id or 0


def set_status(engine: Engine, trip_id: int, status: TripStatus) -> None:
    with session_scope(engine) as session:
        trip = editable_trip(session, trip_id, None)
        trip.status = status
        session.add(trip)


def confirm_trip(engine: Engine, trip_id: int, *, today: date) -> list[Finding]:
    """Confirm when no error stands; returns the remaining warnings. Raises with the errors."""
    with session_scope(engine) as session:
        findings = check_trip(gather_facts(session, trip_id, today))
        if has_errors(findings):
            errors = [f.message for f in findings if f.is_error]
            raise UserError(t("trip.confirm_blocked"), errors)
        trip = editable_trip(session, trip_id, None)
        trip.status = TripStatus.CONFIRMED
        session.add(trip)
        return [f for f in findings if not f.is_error]


def cancel_trip(engine: Engine, trip_id: int) -> None:
    with session_scope(engine) as session:
        trip = get_trip(session, trip_id)
        if trip.status == TripStatus.COMPLETED:
            raise UserError(t("trip.cancel_completed"))
        if trip.status == TripStatus.CANCELLED:
            return
        trip = editable_trip(session, trip_id, None)
        trip.status = TripStatus.CANCELLED
        session.add(trip)


# --- checking ----------


def check(engine: Engine, trip_id: int, *, today: date) -> list[Finding]:
    with session_scope(engine) as session:
        return check_trip(gather_facts(session, trip_id, today))


def gather_facts(session: Session, trip_id: int, today: date) -> TripFacts:
    """Everything the rules need to know of one trip, read in a handful of queries."""
    trip = get_trip(session, trip_id)
    fmt = session.get(TripFormat, trip.format_id)
    assert fmt is not None  # the foreign key guarantees it
    participant_rows = session.execute(
        select(Participation, Citizen)
        .join(Citizen, col(Citizen.id) == col(Participation.citizen_id))
        .where(
            col(Participation.trip_id) == trip_id,
            col(Participation.role) == ParticipantRole.PARTICIPANT,
        )
        .order_by(col(Citizen.sort_name), col(Citizen.id))
    ).all()
    citizen_ids = [citizen.id for _, citizen in participant_rows]
    history = _citizen_history(session, trip, citizen_ids)
    participants = tuple(
        CitizenFacts(
            citizen_id=citizen.id or 0,
            name=citizen.name,
            cohort=citizen.cohort,
            attendance_duty=citizen.attendance_duty,
            earlier_trips_in_format=history.trips_in_format.get(citizen.id or 0, 0),
            earlier_company_ids=frozenset(history.companies.get(citizen.id or 0, ())),
            referred=citizen.referral_date is not None,
            physical_limitation=citizen.physical_limitation,
        )
        for _, citizen in participant_rows
    )
    staff = tuple(
        StaffFacts(member.id or 0, member.name, row.is_lead, member.role)
        for row, member in session.execute(
            select(TripStaff, Staff)
            .join(Staff, col(Staff.id) == col(TripStaff.staff_id))
            .where(col(TripStaff.trip_id) == trip_id)
        ).all()
    )
    visit_rows = session.execute(
        select(Visit, Company)
        .join(Company, col(Company.id) == col(Visit.company_id))
        .where(col(Visit.trip_id) == trip_id)
        .order_by(col(Visit.position))
    ).all()
    hosted = host_trips_before(
        session, [company.id or 0 for _, company in visit_rows], trip_id, trip.trip_date
    )
    visits = tuple(
        VisitFacts(
            visit.id or 0,
            host_facts(company),
            visit.start_time,
            visit.end_time,
            visit.confirmed,
            agreement_dated=visit.agreed_on is not None,
            host_trips_last_year=hosted.get(company.id or 0, 0),
        )
        for visit, company in visit_rows
    )
    return TripFacts(
        trip_id=trip_id,
        trip_date=trip.trip_date,
        today=today,
        format=format_spec(fmt),
        participants=participants,
        staff=staff,
        visits=visits,
        meeting_time=trip.meeting_time,
        return_time=trip.return_time,
        programme=programme_from_stored(trip.programme),
        bus_seats=trip.bus_seats,
        same_day=_same_day_bookings(session, trip),
        completed=trip.status == TripStatus.COMPLETED,
        bus_booked=bool(trip.bus_operator.strip() or trip.bus_reference.strip()),
        catering_count=trip.catering_count,
        host_trip_limit=host_trip_limit(session),
    )


@dataclass
class _History:
    trips_in_format: dict[int, int]
    companies: dict[int, set[int]]


def _citizen_history(session: Session, trip: Trip, citizen_ids: list[int | None]) -> _History:
    ids = [i for i in citizen_ids if i is not None]
    if not ids:
        return _History({}, {})
    attended = (
        select(col(Participation.citizen_id), col(Participation.trip_id), col(Trip.format_id))
        .join(Trip, col(Trip.id) == col(Participation.trip_id))
        .where(
            col(Participation.citizen_id).in_(ids),
            col(Participation.trip_id) != trip.id,
            # The trips that count against the quota and for the companies seen (R15): the
            # same reading as the citizen register's "trips taken".
            citizens_trip(col(Participation.role), col(Participation.attendance), col(Trip.status)),
        )
    )
    trips_in_format: dict[int, int] = defaultdict(int)
    trip_ids_by_citizen: dict[int, set[int]] = defaultdict(set)
    for citizen_id, other_trip_id, format_id in session.execute(attended).all():
        trip_ids_by_citizen[citizen_id].add(other_trip_id)
        if format_id == trip.format_id:
            trips_in_format[citizen_id] += 1
    all_trip_ids = set().union(*trip_ids_by_citizen.values()) if trip_ids_by_citizen else set()
    companies_by_trip: dict[int, set[int]] = defaultdict(set)
    if all_trip_ids:
        for other_trip_id, company_id in session.execute(
            select(col(Visit.trip_id), col(Visit.company_id)).where(
                col(Visit.trip_id).in_(all_trip_ids)
            )
        ).all():
            companies_by_trip[other_trip_id].add(company_id)
    companies = {
        citizen_id: set().union(*(companies_by_trip[tid] for tid in trip_ids))
        for citizen_id, trip_ids in trip_ids_by_citizen.items()
    }
    return _History(dict(trips_in_format), companies)


def _same_day_bookings(session: Session, trip: Trip) -> SameDayBookings:
    others = {
        row.id: row.title
        for row in session.scalars(
            select(Trip).where(
                col(Trip.trip_date) == trip.trip_date,
                col(Trip.id) != trip.id,
                col(Trip.status) != TripStatus.CANCELLED,
            )
        )
    }
    if not others:
        return SameDayBookings()
    ids = list(others)
    citizens = {
        citizen_id: others[trip_id]
        for citizen_id, trip_id in session.execute(
            select(col(Participation.citizen_id), col(Participation.trip_id)).where(
                col(Participation.trip_id).in_(ids),
                col(Participation.role) == ParticipantRole.PARTICIPANT,
            )
        ).all()
    }
    staff = {
        staff_id: others[trip_id]
        for staff_id, trip_id in session.execute(
            select(col(TripStaff.staff_id), col(TripStaff.trip_id)).where(
                col(TripStaff.trip_id).in_(ids)
            )
        ).all()
    }
    companies = {
        company_id: others[trip_id]
        for company_id, trip_id in session.execute(
            select(col(Visit.company_id), col(Visit.trip_id)).where(col(Visit.trip_id).in_(ids))
        ).all()
    }
    return SameDayBookings(citizens, staff, companies)


# --- reading ----------


def trip_detail(engine: Engine, trip_id: int) -> TripDetail:
    with session_scope(engine) as session:
        trip = get_trip(session, trip_id)
        fmt = session.get(TripFormat, trip.format_id)
        assert fmt is not None
        municipality = (
            session.get(Municipality, trip.municipality_id) if trip.municipality_id else None
        )
        visits = _visit_reads(session, trip_id)
        participants = _participant_reads(session, trip_id)
        staff = _staff_reads(session, trip_id)
        return TripDetail(
            id=trip.id or 0,
            title=trip.title,
            trip_date=trip.trip_date,
            status=trip.status,
            format_code=fmt.code,
            format_name=fmt.name,
            municipality=municipality.name if municipality else "",
            municipality_id=trip.municipality_id,
            meeting_place=trip.meeting_place,
            meeting_time=trip.meeting_time,
            return_time=trip.return_time,
            bus_operator=trip.bus_operator,
            bus_reference=trip.bus_reference,
            bus_seats=trip.bus_seats,
            catering_count=trip.catering_count,
            catering_notes=trip.catering_notes,
            programme=programme_from_stored(trip.programme),
            notes=trip.notes,
            version=trip.version,
            visits=visits,
            participants=participants,
            staff=staff,
            jobcentre_phone=municipality.jobcentre_phone if municipality else "",
        )


def _visit_reads(session: Session, trip_id: int) -> list[VisitRead]:
    return [
        VisitRead(
            id=visit.id or 0,
            position=visit.position,
            company_id=company.id or 0,
            company_name=company.name,
            address=", ".join(
                part
                for part in (company.address, f"{company.postcode} {company.town}".strip())
                if part
            ),
            start_time=visit.start_time,
            end_time=visit.end_time,
            showing=visit.showing,
            host_contact=visit.host_contact,
            confirmed=visit.confirmed,
            agreed_on=visit.agreed_on,
        )
        for visit, company in session.execute(
            select(Visit, Company)
            .join(Company, col(Company.id) == col(Visit.company_id))
            .where(col(Visit.trip_id) == trip_id)
            .order_by(col(Visit.position))
        ).all()
    ]


def _participant_reads(session: Session, trip_id: int) -> list[ParticipantRead]:
    return [
        ParticipantRead(
            citizen_id=citizen.id or 0,
            name=citizen.name,
            phone=citizen.phone,
            role=row.role,
            attendance=row.attendance,
            cohort=citizen.cohort,
            details=ParticipationDetails(
                row.transport_allowance,
                row.transport_amount,
                row.pickup_place,
                row.pickup_time,
                row.travel_minutes,
                row.unsure,
                row.prepared,
            ),
            physical_limitation=citizen.physical_limitation,
            referred=citizen.referral_date is not None,
        )
        for row, citizen in session.execute(
            select(Participation, Citizen)
            .join(Citizen, col(Citizen.id) == col(Participation.citizen_id))
            .where(col(Participation.trip_id) == trip_id)
            .order_by(col(Participation.role), col(Citizen.sort_name), col(Citizen.id))
        ).all()
    ]


def _staff_reads(session: Session, trip_id: int) -> list[TripStaffRead]:
    return [
        TripStaffRead(
            staff_id=member.id or 0,
            name=member.name,
            initials=member.initials,
            role=label(member.role),
            phone=member.phone,
            is_lead=row.is_lead,
        )
        for row, member in session.execute(
            select(TripStaff, Staff)
            .join(Staff, col(Staff.id) == col(TripStaff.staff_id))
            .where(col(TripStaff.trip_id) == trip_id)
            .order_by(col(TripStaff.is_lead).desc(), col(Staff.sort_name), col(Staff.id))
        ).all()
    ]


def format_choices(engine: Engine) -> list[tuple[str, str]]:
    """(code, name) of every trip format, for pickers."""
    with session_scope(engine) as session:
        return [
            (row.code, row.name)
            for row in session.scalars(select(TripFormat).order_by(col(TripFormat.id)))
        ]
