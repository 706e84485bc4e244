"""Host rotation (R08): how many trips one company may host in 12 months before a warning.

The limit is the job centre's, stored in the database (`database_info`) so every planner
sharing it sees the same warning; Indstillinger changes it. Three by default: the evaluation
saw the same few companies carry the project (DOMAIN.md R08).
"""

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError
from storage.audit import record_readout
from storage.codes import TripStatus
from storage.models import DatabaseInfo, Trip, Visit
from storage.sessions import session_scope

HOST_TRIP_LIMIT_KEY = "host_trip_limit"
DEFAULT_HOST_TRIP_LIMIT = 3
HOST_TRIP_LIMIT_RANGE = (1, 52)
ROTATION_DAYS = 365


def check_limit(limit: int) -> int:
    low, high = HOST_TRIP_LIMIT_RANGE
    if not low <= limit <= high:
        raise UserError(t("settings.host_limit_range", low=low, high=high))
    return limit


def host_trip_limit(session: Session) -> int:
    """The stored limit; the default when none was set or it cannot be read."""
    info = session.get(DatabaseInfo, HOST_TRIP_LIMIT_KEY)
    try:
        return check_limit(int(info.value)) if info is not None else DEFAULT_HOST_TRIP_LIMIT
    except (ValueError, UserError):
        return DEFAULT_HOST_TRIP_LIMIT


def read_host_trip_limit(engine: Engine) -> int:
    with session_scope(engine) as session:
        return host_trip_limit(session)


def set_host_trip_limit(engine: Engine, limit: int) -> None:
    """Store the limit for everyone using this database, and log the change."""
    check_limit(limit)
    with session_scope(engine) as session:
        info = session.get(DatabaseInfo, HOST_TRIP_LIMIT_KEY) or DatabaseInfo(
            key=HOST_TRIP_LIMIT_KEY, value=""
        )
        info.value = str(limit)
        session.add(info)
        record_readout(session, "setting", HOST_TRIP_LIMIT_KEY, detail=str(limit))


def host_trips_before(
    session: Session, company_ids: list[int], trip_id: int, trip_date: date
) -> dict[int, int]:
    """Each company's other trips, not cancelled, in the 12 months up to `trip_date`."""
    if not company_ids:
        return {}
    rows = session.execute(
        select(col(Visit.company_id), func.count(func.distinct(col(Visit.trip_id))))
        .join(Trip, col(Trip.id) == col(Visit.trip_id))
        .where(
            col(Visit.company_id).in_(company_ids),
            col(Trip.id) != trip_id,
            col(Trip.status) != TripStatus.CANCELLED,
            col(Trip.trip_date) > trip_date - timedelta(days=ROTATION_DAYS),
            col(Trip.trip_date) <= trip_date,
        )
        .group_by(col(Visit.company_id))
    ).all()
    return {company_id: count for company_id, count in rows}
