"""Follow-ups as rows of a list: the follow-up desk, the home screen's due ones, exports.

Read through SQLAlchemy Core (`storage.core_tables`), so the home screen can show what is
due before the table models are loaded.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine

from rfk_trips.i18n.labels import label
from rfk_trips.registers.paging import count_query, like_pattern, search_words
from storage.codes import FollowUpKind
from storage.core_tables import citizen, company, follow_up, staff, trip
from storage.engine import reading


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    kind: FollowUpKind
    kind_label: str
    due_date: date
    overdue: bool
    citizen_id: int
    citizen: str
    trip_id: int | None
    trip: str
    staff_id: int | None
    staff: str  # initials
    company_id: int | None
    company: str
    next_step: str
    note: str
    done_at: datetime | None


def list_follow_ups(
    database: Engine | Connection,
    *,
    today: date,
    due_only: bool = False,
    include_done: bool = False,
    citizen_id: int | None = None,
    staff_id: int | None = None,
    search: str = "",
    limit: int | None = None,
) -> list[FollowUpRow]:
    """Open follow-ups by due date (`due_only`: due today or overdue); the done ones on request.

    `search` keeps those whose citizen's name (or phone, cohort) holds every word typed.
    """
    task = follow_up.c
    query = (
        select(
            task.id,
            task.kind,
            task.due_date,
            task.citizen_id,
            citizen.c.name.label("citizen_name"),
            task.trip_id,
            trip.c.title,
            task.staff_id,
            staff.c.initials,
            task.company_id,
            company.c.name.label("company_name"),
            task.next_step,
            task.note,
            task.done_at,
        )
        .join(citizen, citizen.c.id == task.citizen_id)
        .outerjoin(trip, trip.c.id == task.trip_id)
        .outerjoin(staff, staff.c.id == task.staff_id)
        .outerjoin(company, company.c.id == task.company_id)
        .order_by(task.due_date, citizen.c.sort_name, task.id)
    )
    if not include_done:
        # An anonymised citizen's open tasks cannot be done: no one is left to call.
        query = query.where(task.done_at.is_(None), citizen.c.anonymised_at.is_(None))
    if due_only:
        query = query.where(task.due_date <= today)
    if citizen_id is not None:
        query = query.where(task.citizen_id == citizen_id)
    if staff_id is not None:
        query = query.where(task.staff_id == staff_id)
    for word in search_words(search):
        query = query.where(citizen.c.search_text.like(like_pattern(word), escape="\\"))
    if limit is not None:
        query = query.limit(limit)
    with reading(database) as connection:
        rows = connection.execute(query).all()
    return [
        FollowUpRow(
            id=row.id,
            kind=row.kind,
            kind_label=label(row.kind),
            due_date=row.due_date,
            overdue=row.done_at is None and row.due_date < today,
            citizen_id=row.citizen_id,
            citizen=row.citizen_name,
            trip_id=row.trip_id,
            trip=row.title or "",
            staff_id=row.staff_id,
            staff=row.initials or "",
            company_id=row.company_id,
            company=row.company_name or "",
            next_step=row.next_step,
            note=row.note,
            done_at=row.done_at,
        )
        for row in rows
    ]


def count_due(database: Engine | Connection, *, today: date) -> int:
    """Open follow-ups due today or earlier, for the home screen."""
    query = count_query(
        follow_up.join(citizen, citizen.c.id == follow_up.c.citizen_id),
        [
            follow_up.c.done_at.is_(None),
            follow_up.c.due_date <= today,
            citizen.c.anonymised_at.is_(None),
        ],
    )
    with reading(database) as connection:
        return connection.scalar(query) or 0
