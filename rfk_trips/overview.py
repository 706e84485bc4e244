"""The home screen's read model: counts and the trips coming up."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy.engine import Engine

from rfk_trips import registers, trip_service
from rfk_trips.registers import Counts
from rfk_trips.trip_service import TripSummary
from storage.codes import TripStatus

UPCOMING_LIMIT = 50


@dataclass(frozen=True)
class Overview:
    counts: Counts
    upcoming: list[TripSummary]
    database: str


def load_overview(engine: Engine, *, today: date, database: str) -> Overview:
    upcoming = [
        trip
        for trip in trip_service.list_trips(engine, date_from=today, limit=UPCOMING_LIMIT * 2)
        if trip.status not in (TripStatus.CANCELLED, TripStatus.COMPLETED)
    ][:UPCOMING_LIMIT]
    return Overview(registers.counts(engine, today=today), upcoming, database)
