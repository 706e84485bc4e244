"""The readings of `rfk_trips.rules.what_counts` as SQL conditions, over any columns.

Each function takes the columns it reads, so the table models' (`col(Trip.status)`) and the
Core tables' (`storage.core_tables`, which the home screen reads before the ORM has loaded)
get the same condition. For that reason this module imports neither the models nor the ORM.
`tests/test_what_counts.py` holds each condition to its Python reading over real rows.
"""

from datetime import date
from typing import Any

from sqlalchemy import and_, func
from sqlalchemy.sql.elements import ColumnElement

from rfk_trips.rules.what_counts import NOT_ATTENDED, NOT_RUN
from storage.codes import ParticipantRole
from storage.host_criteria import BLANK

# Sorted, so that the statement (and its cache key) reads the same on every run.
_NOT_ATTENDED = sorted(NOT_ATTENDED)
_NOT_RUN = sorted(NOT_RUN)


def trip_runs(status: Any) -> ColumnElement[bool]:
    """The trip of this status runs (or ran): it is not cancelled."""
    runs: ColumnElement[bool] = status.not_in(_NOT_RUN)
    return runs


def citizens_trip(role: Any, attendance: Any, status: Any) -> ColumnElement[bool]:
    """`what_counts.is_citizens_trip` over a participation's role and attendance and its
    trip's status."""
    return and_(
        role == ParticipantRole.PARTICIPANT,
        attendance.not_in(_NOT_ATTENDED),
        trip_runs(status),
    )


def visit_had(status: Any, trip_date: Any, *, today: date) -> ColumnElement[bool]:
    """`what_counts.visit_had` over the visit's trip's status and date."""
    return and_(trip_runs(status), trip_date <= today)


def visit_booked(status: Any, trip_date: Any, *, today: date) -> ColumnElement[bool]:
    """`what_counts.visit_booked` over the visit's trip's status and date."""
    return and_(trip_runs(status), trip_date > today)


def has_accommodation_needs(notes: Any) -> ColumnElement[bool]:
    """`what_counts.has_accommodation_needs` over the citizen's column: not only whitespace."""
    return func.trim(notes, BLANK) != ""
