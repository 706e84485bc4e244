"""The home screen's read models: counts, the trips coming up, and what needs attention."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Connection, Engine

from rfk_trips.after_trip.follow_up_listing import FollowUpRow, count_due, list_follow_ups
from rfk_trips.registers.paging import count_query
from rfk_trips.registers.what_counts_sql import visit_booked, visit_had
from rfk_trips.trips.trip_listing import TripSummary, list_trips
from storage.codes import ParticipantRole, TripStatus
from storage.core_tables import (
    audit_entry,
    citizen,
    company,
    company_qualifies,
    participation,
    staff,
    trip,
    trip_format,
    visit,
)
from storage.engine import reading

UPCOMING_LIMIT = 50
# The most pressing follow-ups on the home screen; the rest are one key (F8) away.
FOLLOW_UPS_SHOWN = 5
# Visits on trips this close must be agreed with the host by now.
CONFIRM_WITHIN_DAYS = 21
# A qualifying company not visited for this long is worth a call.
QUIET_COMPANY_DAYS = 365
OPEN_STATUSES = (TripStatus.DRAFT, TripStatus.PLANNED, TripStatus.CONFIRMED)


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


@dataclass(frozen=True)
class Attention:
    unconfirmed_visits: int
    trips_below_minimum: int
    quiet_companies: int
    # Tomorrow's trips with participants whose reminders (R19) are not made yet.
    reminders_missing: int = 0


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
    """Everything the home screen shows, read on one connection (one transaction on
    PostgreSQL; Python's sqlite3 begins none for reads, so each read sees the latest data).

    Through SQLAlchemy Core (`storage.core_tables`): at start-up this runs while Textual
    builds the home screen, before the table models and the ORM are loaded.
    """
    with engine.connect() as connection, connection.begin():
        upcoming = [
            summary
            for summary in list_trips(connection, date_from=today, limit=UPCOMING_LIMIT * 2)
            if summary.status in OPEN_STATUSES
        ][:UPCOMING_LIMIT]
        return Overview(
            counts=counts(connection, today=today),
            upcoming=upcoming,
            today=[summary for summary in upcoming if summary.trip_date == today],
            attention=attention(connection, today=today),
            database=database,
            follow_ups_due=list_follow_ups(
                connection, today=today, due_only=True, limit=FOLLOW_UPS_SHOWN
            ),
            follow_ups_due_count=count_due(connection, today=today),
        )


def counts(database: Engine | Connection, *, today: date) -> Counts:
    """Active records and trips still to come."""
    with reading(database) as connection:

        def count(table: Any, *where: Any) -> int:
            return connection.scalar(count_query(table, list(where))) or 0

        return Counts(
            companies=count(company, company.c.archived.is_(False)),
            citizens=count(citizen, citizen.c.archived.is_(False)),
            staff=count(staff),
            trips=count(trip),
            upcoming_trips=count(
                trip,
                trip.c.trip_date >= today,
                trip.c.status.not_in([TripStatus.CANCELLED, TripStatus.COMPLETED]),
            ),
        )


def attention(database: Engine | Connection, *, today: date) -> Attention:
    soon = today + timedelta(days=CONFIRM_WITHIN_DAYS)
    open_trip = and_(trip.c.trip_date >= today, trip.c.status.in_(OPEN_STATUSES))
    participants = (
        select(func.count())
        .where(
            participation.c.trip_id == trip.c.id,
            participation.c.role == ParticipantRole.PARTICIPANT,
        )
        .scalar_subquery()
    )
    unconfirmed_visits = (
        select(func.count())
        .select_from(visit)
        .join(trip, trip.c.id == visit.c.trip_id)
        .where(open_trip, trip.c.trip_date <= soon, visit.c.confirmed.is_(False))
    )
    below_minimum = (
        select(func.count())
        .select_from(trip)
        .join(trip_format, trip_format.c.id == trip.c.format_id)
        .where(open_trip, participants < trip_format.c.min_participants)
    )
    # Quiet: no visit had since the cut-off (R08, as the companies list's "Sidste besøg"
    # reads it) and none booked either: a company with a visit coming needs no call.
    # "No visit since the cut-off" rather than "latest visit before it": the trips since
    # the cut-off are few and found by date, where grouping every visit there is to get
    # each company's latest took most of the home screen's time on a large register.
    visited_since = (
        select(visit.c.company_id)
        .join(trip, trip.c.id == visit.c.trip_id)
        .where(
            trip.c.trip_date >= today - timedelta(days=QUIET_COMPANY_DAYS),
            or_(
                visit_had(trip.c.status, trip.c.trip_date, today=today),
                visit_booked(trip.c.status, trip.c.trip_date, today=today),
            ),
        )
    )
    quiet_companies = (
        select(func.count())
        .select_from(company)
        .where(
            company.c.archived.is_(False),
            company_qualifies(),
            company.c.id.not_in(visited_since),
        )
    )
    reminded = select(audit_entry.c.entity_id).where(
        audit_entry.c.action == "reminders", audit_entry.c.entity == "trip"
    )
    reminders_missing = (
        select(func.count())
        .select_from(trip)
        .where(
            trip.c.trip_date == today + timedelta(days=1),
            trip.c.status.in_(OPEN_STATUSES),
            participants > 0,
            trip.c.id.not_in(reminded),
        )
    )
    with reading(database) as connection:
        return Attention(
            connection.scalar(unconfirmed_visits) or 0,
            connection.scalar(below_minimum) or 0,
            connection.scalar(quiet_companies) or 0,
            connection.scalar(reminders_missing) or 0,
        )


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
    from rfk_trips.trips import trip_service  # after the home screen shows: it loads the models

    result = []
    for trip_id in trip_ids:
        if stop():
            break
        findings = trip_service.check(engine, trip_id, today=today)
        errors = sum(1 for f in findings if f.is_error)
        result.append(TripFindingCount(trip_id, errors, len(findings) - errors))
    return result
