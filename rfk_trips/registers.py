"""The registers (companies, citizens, staff, municipalities): counts, look-ups and listing."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from rfk_trips.errors import UserError
from rfk_trips.i18n import t
from rfk_trips.labels import normalise
from rfk_trips.record_fields import Lookups
from storage.codes import TripStatus
from storage.models import Citizen, Company, Municipality, Staff, Trip
from storage.sessions import session_scope


@dataclass(frozen=True)
class Counts:
    companies: int
    citizens: int
    staff: int
    trips: int
    upcoming_trips: int

    @property
    def empty(self) -> bool:
        return not (self.companies or self.citizens or self.staff or self.trips)


def counts(engine: Engine, *, today: date) -> Counts:
    """What the home screen shows: active records and trips still to come."""
    with session_scope(engine) as session:
        return Counts(
            companies=session.scalar(
                select(func.count()).select_from(Company).where(Company.archived.is_(False))
            )
            or 0,
            citizens=session.scalar(
                select(func.count()).select_from(Citizen).where(Citizen.archived.is_(False))
            )
            or 0,
            staff=session.scalar(select(func.count()).select_from(Staff)) or 0,
            trips=session.scalar(select(func.count()).select_from(Trip)) or 0,
            upcoming_trips=session.scalar(
                select(func.count())
                .select_from(Trip)
                .where(
                    Trip.trip_date >= today,
                    Trip.status.not_in([TripStatus.CANCELLED, TripStatus.COMPLETED]),
                )
            )
            or 0,
        )


def load_lookups(session: Session, *, today: date) -> Lookups:
    municipalities = list(session.scalars(select(Municipality).order_by(Municipality.name)))
    staff = list(session.scalars(select(Staff)))
    return Lookups(
        municipalities={normalise(m.name): m.id or 0 for m in municipalities},
        municipality_names=[m.name for m in municipalities],
        staff_by_initials={normalise(s.initials): s.id or 0 for s in staff},
        staff_by_name={normalise(s.name): s.id or 0 for s in staff},
        today=today,
    )


def add_municipality(engine: Engine, name: str, format_codes: list[str]) -> int:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise UserError(t("field.required", field=t("label.municipality")))
    with session_scope(engine) as session:
        for row in session.scalars(select(Municipality)):
            if normalise(row.name) == normalise(cleaned):
                return row.id or 0
        row = Municipality(name=cleaned, format_codes=format_codes)
        session.add(row)
        session.flush()
        return row.id or 0


def set_jobcentre_phone(engine: Engine, municipality_id: int, phone: str) -> None:
    """The number participants call; checked as any phone number (blank clears it)."""
    from rfk_trips.field_validation import normalise_phone

    cleaned = normalise_phone(phone) if phone.strip() else ""
    with session_scope(engine) as session:
        row = session.get(Municipality, municipality_id)
        if row is None:
            raise UserError(t("error.not_found", what=t("what.municipality"), id=municipality_id))
        row.jobcentre_phone = cleaned
        session.add(row)
