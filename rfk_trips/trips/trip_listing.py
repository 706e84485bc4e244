"""Trips as rows of a list: the home screen's coming trips, `trip list` and the trips' counts.

Read through SQLAlchemy Core (`storage.core_tables`), so the home screen can show its trips
before the table models are loaded.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql.selectable import ScalarSelect

from storage.codes import ParticipantRole, TripStatus
from storage.core_tables import municipality, participation, trip, trip_format, visit
from storage.engine import reading


@dataclass(frozen=True)
class TripSummary:
    id: int
    title: str
    trip_date: date
    status: TripStatus
    format_code: str
    municipality: str
    participants: int
    reserves: int
    visits: int


def list_trips(
    database: Engine | Connection,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    status: TripStatus | None = None,
    limit: int | None = None,
    ids: list[int] | None = None,
) -> list[TripSummary]:
    """Trips by date, with their counts of participants, reserves and visits."""

    def role_count(role: ParticipantRole) -> ScalarSelect[int]:
        return (
            select(func.count())
            .where(participation.c.trip_id == trip.c.id, participation.c.role == role)
            .scalar_subquery()
        )

    visits = select(func.count()).where(visit.c.trip_id == trip.c.id).scalar_subquery()
    query = (
        select(
            trip.c.id,
            trip.c.title,
            trip.c.trip_date,
            trip.c.status,
            trip_format.c.code.label("format_code"),
            municipality.c.name.label("municipality"),
            role_count(ParticipantRole.PARTICIPANT).label("participants"),
            role_count(ParticipantRole.RESERVE).label("reserves"),
            visits.label("visits"),
        )
        .join(trip_format, trip_format.c.id == trip.c.format_id)
        .outerjoin(municipality, municipality.c.id == trip.c.municipality_id)
        .order_by(trip.c.trip_date, trip.c.id)
    )
    if date_from is not None:
        query = query.where(trip.c.trip_date >= date_from)
    if date_to is not None:
        query = query.where(trip.c.trip_date <= date_to)
    if status is not None:
        query = query.where(trip.c.status == status)
    if ids is not None:
        query = query.where(trip.c.id.in_(ids))
    if limit is not None:
        query = query.limit(limit)
    with reading(database) as connection:
        rows = connection.execute(query).all()
    # The columns are labelled as the fields; a trip without a municipality reads as "".
    return [
        TripSummary(**(row._asdict() | {"municipality": row.municipality or ""})) for row in rows
    ]
