"""The home screen's read models: counts, the trips coming up, and what needs attention."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Engine
from sqlmodel import col

from rfk_trips import registers, trip_service
from rfk_trips.follow_ups import FollowUpRow, count_due, list_follow_ups
from rfk_trips.registers import Counts
from rfk_trips.trip_service import TripSummary
from storage.codes import ParticipantRole, TripStatus
from storage.models import Company, Participation, Trip, TripFormat, Visit, company_qualifies
from storage.sessions import session_scope

UPCOMING_LIMIT = 50
# The most pressing follow-ups on the home screen; the rest are one key (F8) away.
FOLLOW_UPS_SHOWN = 5
# Visits on trips this close must be agreed with the host by now.
CONFIRM_WITHIN_DAYS = 21
# A qualifying company not visited for this long is worth a call.
QUIET_COMPANY_DAYS = 365
OPEN_STATUSES = (TripStatus.DRAFT, TripStatus.PLANNED, TripStatus.CONFIRMED)


@dataclass(frozen=True)
class Attention:
    unconfirmed_visits: int
    trips_below_minimum: int
    quiet_companies: int


@dataclass(frozen=True)
class Overview:
    counts: Counts
    upcoming: list[TripSummary]
    today: list[TripSummary]
    attention: Attention
    database: str
    follow_ups_due: list[FollowUpRow]
    follow_ups_due_count: int


@dataclass(frozen=True)
class TripFindingCount:
    trip_id: int
    errors: int
    warnings: int


def load_overview(engine: Engine, *, today: date, database: str) -> Overview:
    upcoming = [
        trip
        for trip in trip_service.list_trips(engine, date_from=today, limit=UPCOMING_LIMIT * 2)
        if trip.status in OPEN_STATUSES
    ][:UPCOMING_LIMIT]
    return Overview(
        counts=registers.counts(engine, today=today),
        upcoming=upcoming,
        today=[trip for trip in upcoming if trip.trip_date == today],
        attention=attention(engine, today=today),
        database=database,
        follow_ups_due=list_follow_ups(engine, today=today, due_only=True, limit=FOLLOW_UPS_SHOWN),
        follow_ups_due_count=count_due(engine, today=today),
    )


def attention(engine: Engine, *, today: date) -> Attention:
    soon = today + timedelta(days=CONFIRM_WITHIN_DAYS)
    open_trip = and_(Trip.trip_date >= today, Trip.status.in_(OPEN_STATUSES))
    participants = (
        select(func.count())
        .where(Participation.trip_id == Trip.id, Participation.role == ParticipantRole.PARTICIPANT)
        .scalar_subquery()
    )
    with session_scope(engine) as session:
        unconfirmed = session.scalar(
            select(func.count())
            .select_from(Visit)
            .join(Trip, Trip.id == Visit.trip_id)
            .where(open_trip, Trip.trip_date <= soon, Visit.confirmed.is_(False))
        )
        below = session.scalar(
            select(func.count())
            .select_from(Trip)
            .join(TripFormat, TripFormat.id == Trip.format_id)
            .where(open_trip, participants < TripFormat.min_participants)
        )
        # "No visit since the cut-off" rather than "latest visit before it": the trips since
        # the cut-off are few and found by date, where grouping every visit there is to get
        # each company's latest took most of the home screen's time on a large register.
        visited_since = (
            select(Visit.company_id)
            .join(Trip, Trip.id == Visit.trip_id)
            .where(
                Trip.status != TripStatus.CANCELLED,
                Trip.trip_date >= today - timedelta(days=QUIET_COMPANY_DAYS),
            )
        )
        quiet = session.scalar(
            select(func.count())
            .select_from(Company)
            .where(
                Company.archived.is_(False),
                company_qualifies(),
                col(Company.id).not_in(visited_since),
            )
        )
    return Attention(unconfirmed or 0, below or 0, quiet or 0)


def finding_counts(
    engine: Engine,
    trip_ids: list[int],
    *,
    today: date,
    stop: Callable[[], bool] = lambda: False,
) -> list[TripFindingCount]:
    """Errors and warnings per trip; slower than the list itself, so loaded after it.

    `stop` is asked between trips, so a screen that closes does not wait for the rest.
    """
    result = []
    for trip_id in trip_ids:
        if stop():
            break
        findings = trip_service.check(engine, trip_id, today=today)
        errors = sum(1 for f in findings if f.is_error)
        result.append(TripFindingCount(trip_id, errors, len(findings) - errors))
    return result
