"""Who and what is on a trip: its visits, its group and its staff, added, changed and removed.

Every function here is one user action in one transaction, in one style:
`verb(engine, trip_id, what, *, details..., expected_version=None) -> Planned`. With an
`expected_version` the change is refused if a colleague saved the trip in between (the
editor passes the version it shows); without one (a one-shot CLI command) it applies to the
trip as it is. Either way the trip's version goes up by one, and `Planned` says what changed.
"""

from dataclasses import dataclass
from datetime import date, time
from enum import Enum

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from rfk_trips.config import clock
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import NotFoundError, UserError
from rfk_trips.rules.time_order import refuse_visit_ending_before_start
from rfk_trips.trips.trip_service import editable_trip
from storage.codes import ParticipantRole
from storage.models import Citizen, Company, Participation, Staff, TripStaff, Visit
from storage.sessions import session_scope


@dataclass(frozen=True)
class Planned:
    """What one change did to the trip."""

    version: int  # the trip's version after the change: the next change's expected_version
    ids: tuple[int, ...] = ()  # the visit, citizens or staff the change concerned
    names: tuple[str, ...] = ()  # their names (a visit: the company's), for the sentence


# Visits -------------------------------------------------------------------------------------


def add_visit(
    engine: Engine,
    trip_id: int,
    company_id: int,
    *,
    start: time,
    end: time,
    showing: str = "",
    host_contact: str = "",
    confirmed: bool = False,
    expected_version: int | None = None,
) -> Planned:
    """A visit to `company_id`; the company's contact person is the host unless one is given."""
    refuse_visit_ending_before_start(start, end)
    with session_scope(engine) as session:
        trip = editable_trip(session, trip_id, expected_version)
        company = session.get(Company, company_id)
        if company is None:
            raise NotFoundError(t("error.not_found", what=t("what.company"), id=company_id))
        if company.archived:
            raise UserError(t("trip.company_archived", name=company.name))
        position = (
            session.scalar(
                select(func.max(col(Visit.position))).where(col(Visit.trip_id) == trip.id)
            )
            or 0
        ) + 1
        visit = Visit(
            trip_id=trip_id,
            company_id=company_id,
            position=position,
            start_time=start,
            end_time=end,
            showing=showing,
            host_contact=host_contact or company.contact_person,
            confirmed=confirmed,
            agreed_on=clock.today() if confirmed else None,
        )
        session.add(visit)
        session.flush()
        renumber_visits(session, trip_id)
        return Planned(trip.version, (visit.id or 0,), (company.name,))


class _Keep(Enum):
    KEEP = "keep"


# `update_visit(agreed_on=KEEP)`: the agreement's date as it is (dated when first confirmed).
KEEP = _Keep.KEEP


def update_visit(
    engine: Engine,
    trip_id: int,
    visit_id: int,
    *,
    start: time,
    end: time,
    showing: str,
    host_contact: str,
    confirmed: bool,
    agreed_on: date | _Keep | None = KEEP,
    expected_version: int | None = None,
) -> Planned:
    """Change a visit; `agreed_on` is the day the host agreed (R12), kept only while the
    visit is confirmed, and never after today."""
    refuse_visit_ending_before_start(start, end)
    if isinstance(agreed_on, date) and agreed_on > clock.today():
        raise UserError(t("trip.agreed_in_future"))
    with session_scope(engine) as session:
        trip = editable_trip(session, trip_id, expected_version)
        visit = _visit(session, trip_id, visit_id)
        visit.start_time, visit.end_time = start, end
        visit.showing, visit.host_contact = showing, host_contact
        _set_confirmed(visit, confirmed)
        if agreed_on is not KEEP and confirmed:
            visit.agreed_on = agreed_on
        session.add(visit)
        session.flush()
        renumber_visits(session, trip_id)
        return Planned(trip.version, (visit_id,))


def toggle_visit_confirmed(
    engine: Engine, trip_id: int, visit_id: int, *, expected_version: int | None = None
) -> Planned:
    with session_scope(engine) as session:
        trip = editable_trip(session, trip_id, expected_version)
        visit = _visit(session, trip_id, visit_id)
        _set_confirmed(visit, not visit.confirmed)
        session.add(visit)
        return Planned(trip.version, (visit_id,))


def _set_confirmed(visit: Visit, confirmed: bool) -> None:
    """R12: an agreement confirmed today is dated today; one withdrawn loses its date."""
    if confirmed and not visit.confirmed:
        visit.agreed_on = clock.today()
    elif not confirmed:
        visit.agreed_on = None
    visit.confirmed = confirmed


def remove_visit(
    engine: Engine, trip_id: int, visit_id: int, *, expected_version: int | None = None
) -> Planned:
    with session_scope(engine) as session:
        trip = editable_trip(session, trip_id, expected_version)
        session.delete(_visit(session, trip_id, visit_id))
        session.flush()
        renumber_visits(session, trip_id)
        return Planned(trip.version, (visit_id,))


def renumber_visits(session: Session, trip_id: int) -> None:
    """Number the visits in the order of the day (a moved time can change the order)."""
    visits = session.scalars(
        select(Visit)
        .where(col(Visit.trip_id) == trip_id)
        .order_by(col(Visit.start_time), col(Visit.id))
    )
    for number, visit in enumerate(visits, start=1):
        visit.position = number


def _visit(session: Session, trip_id: int, visit_id: int) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None or visit.trip_id != trip_id:
        raise NotFoundError(t("error.not_found", what=t("what.visit"), id=visit_id))
    return visit


# The group ----------------------------------------------------------------------------------


def add_participants(
    engine: Engine,
    trip_id: int,
    citizen_ids: list[int],
    *,
    reserve: bool = False,
    expected_version: int | None = None,
) -> Planned:
    """Add citizens as participants (or reserves). All or none: one unknown id adds nobody.

    A citizen already on the trip in the other role moves between participant and reserve.
    """
    with session_scope(engine) as session:
        trip = editable_trip(session, trip_id, expected_version)
        existing = {
            p.citizen_id: p
            for p in session.scalars(
                select(Participation).where(col(Participation.trip_id) == trip_id)
            )
        }
        role = ParticipantRole.RESERVE if reserve else ParticipantRole.PARTICIPANT
        names = []
        unique_ids = tuple(dict.fromkeys(citizen_ids))
        for citizen_id in unique_ids:
            citizen = session.get(Citizen, citizen_id)
            if citizen is None:
                raise NotFoundError(t("error.not_found", what=t("what.citizen"), id=citizen_id))
            if citizen.anonymised_at is not None:
                raise UserError(t("privacy.anonymised_not_plannable", id=citizen_id))
            if citizen.referral_date is None:
                # R16: a reserve may take a seat on the day, so the gate holds for both roles.
                raise UserError(t("trip.not_referred", name=citizen.name))
            names.append(citizen.name)
            if (current := existing.get(citizen_id)) is not None:
                if current.role == role:
                    raise UserError(t("trip.already_on_trip", name=citizen.name))
                current.role = role
                session.add(current)
                continue
            session.add(Participation(trip_id=trip_id, citizen_id=citizen_id, role=role))
        return Planned(trip.version, unique_ids, tuple(names))


def remove_participant(
    engine: Engine, trip_id: int, citizen_id: int, *, expected_version: int | None = None
) -> Planned:
    with session_scope(engine) as session:
        trip = editable_trip(session, trip_id, expected_version)
        citizen = session.get(Citizen, citizen_id)
        if citizen is None:
            raise NotFoundError(t("error.not_found", what=t("what.citizen"), id=citizen_id))
        row = session.scalars(
            select(Participation).where(
                col(Participation.trip_id) == trip_id, col(Participation.citizen_id) == citizen_id
            )
        ).first()
        if row is None:
            raise UserError(t("trip.not_on_trip", name=citizen.name))
        session.delete(row)
        return Planned(trip.version, (citizen_id,), (citizen.name,))


# Staff --------------------------------------------------------------------------------------


def add_staff(
    engine: Engine,
    trip_id: int,
    staff_ids: list[int],
    *,
    lead: bool = False,
    expected_version: int | None = None,
) -> Planned:
    """Add staff; with `lead`, the (single) given staff member becomes the trip's lead."""
    unique_ids = tuple(dict.fromkeys(staff_ids))
    if lead and len(unique_ids) != 1:
        raise UserError(t("trip.lead_only_one"))
    with session_scope(engine) as session:
        trip = editable_trip(session, trip_id, expected_version)
        existing = {
            row.staff_id: row
            for row in session.scalars(select(TripStaff).where(col(TripStaff.trip_id) == trip_id))
        }
        names = []
        for staff_id in unique_ids:
            member = session.get(Staff, staff_id)
            if member is None:
                raise NotFoundError(t("error.not_found", what=t("what.staff"), id=staff_id))
            if staff_id in existing and not lead:
                raise UserError(t("trip.staff_already", name=member.name))
            names.append(member.name)
            if lead:
                for row in existing.values():
                    row.is_lead = False
                    session.add(row)
            row = existing.get(staff_id) or TripStaff(trip_id=trip_id, staff_id=staff_id)
            row.is_lead = lead
            session.add(row)
        return Planned(trip.version, unique_ids, tuple(names))


def remove_staff(
    engine: Engine, trip_id: int, staff_id: int, *, expected_version: int | None = None
) -> Planned:
    """Take a staff member off the trip (nothing to take off is no error: the goal is met)."""
    with session_scope(engine) as session:
        trip = editable_trip(session, trip_id, expected_version)
        row = session.get(TripStaff, (trip_id, staff_id))
        if row is not None:
            session.delete(row)
        return Planned(trip.version, (staff_id,))
