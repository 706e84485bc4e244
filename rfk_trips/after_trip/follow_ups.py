"""Follow-ups after a trip: a task per participant for the responsible staff member.

A completed trip gives each participant who came an `after_trip` talk (due after a number
of days, 14 by default, DOMAIN.md R25) and each no-show a `contact_no_show` task, sooner.
Whoever has the citizen's case (the caseworker) is responsible; else the trip's tovholder.
Recording a follow-up closes it and may schedule the next step, so no citizen is left
without one (R34).
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select, true
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from rfk_trips.after_trip.outcomes import PLACEMENT_KINDS, moving_on
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import NotFoundError, UserError
from storage.codes import (
    ATTENDED,
    Attendance,
    FollowUpKind,
    OutcomeKind,
    ParticipantRole,
    TripStatus,
)
from storage.models import (
    Citizen,
    Company,
    FollowUp,
    Outcome,
    Participation,
    Staff,
    Trip,
    TripStaff,
    utc_now,
)
from storage.search_text import sort_key
from storage.sessions import session_scope

DEFAULT_FOLLOW_UP_DAYS = 14
# Someone who did not come is called soon, while the day is fresh.
NO_SHOW_CONTACT_DAYS = 2


def create_after_trip(session: Session, trip: Trip, *, days: int = DEFAULT_FOLLOW_UP_DAYS) -> int:
    """The tasks a completed trip leaves behind, in the caller's transaction; how many were new.

    Completing a trip twice (after a correction) adds nothing already there.
    """
    if days < 0:
        raise UserError(t("followup.days_negative"))
    lead = session.scalars(
        select(col(TripStaff.staff_id)).where(
            col(TripStaff.trip_id) == trip.id, col(TripStaff.is_lead)
        )
    ).first()
    existing = {
        (row.citizen_id, row.kind)
        for row in session.scalars(select(FollowUp).where(col(FollowUp.trip_id) == trip.id))
    }
    created = 0
    for participation, citizen in session.execute(
        select(Participation, Citizen)
        .join(Citizen, col(Citizen.id) == col(Participation.citizen_id))
        .where(
            col(Participation.trip_id) == trip.id,
            col(Participation.role) == ParticipantRole.PARTICIPANT,
        )
    ).all():
        if participation.attendance in ATTENDED:
            kind, due = FollowUpKind.AFTER_TRIP, trip.trip_date + timedelta(days=days)
        elif participation.attendance == Attendance.NO_SHOW:
            kind = FollowUpKind.CONTACT_NO_SHOW
            due = trip.trip_date + timedelta(days=NO_SHOW_CONTACT_DAYS)
        else:
            continue  # afbud: they sent word; their caseworker goes on as planned
        if (citizen.id, kind) in existing:
            continue
        session.add(
            FollowUp(
                citizen_id=citizen.id or 0,
                trip_id=trip.id,
                staff_id=citizen.caseworker_id or lead,
                kind=kind,
                due_date=due,
            )
        )
        created += 1
    return created


def record_follow_up(
    engine: Engine,
    follow_up_id: int,
    *,
    today: date,
    note: str = "",
    company_id: int | None = None,
    next_step: str = "",
    next_due: date | None = None,
    next_staff_id: int | None = None,
) -> int | None:
    """Close a follow-up with what was agreed; a next step with a due date becomes a new task.

    Returns the id of the next task, if one was made. One transaction.
    """
    next_step = next_step.strip()
    if next_due is not None and not next_step:
        raise UserError(t("followup.next_step_needed"))
    if next_step and next_due is None:
        raise UserError(t("followup.next_due_needed"))
    if next_due is not None and next_due < today:
        raise UserError(t("followup.next_due_past"))
    with session_scope(engine) as session:
        # Locked: a colleague closing the same task at once waits, then finds it done.
        task = session.get(FollowUp, follow_up_id, with_for_update=True)
        if task is None:
            raise NotFoundError(t("error.not_found", what=t("what.follow_up"), id=follow_up_id))
        if task.done_at is not None:
            raise UserError(t("followup.already_done"))
        if company_id is not None and session.get(Company, company_id) is None:
            raise NotFoundError(t("error.not_found", what=t("what.company"), id=company_id))
        if next_staff_id is not None and session.get(Staff, next_staff_id) is None:
            raise NotFoundError(t("error.not_found", what=t("what.staff"), id=next_staff_id))
        task.done_at = utc_now()
        task.note = note.strip()
        task.company_id = company_id
        task.next_step = next_step
        session.add(task)
        if next_due is None:
            return None
        following = FollowUp(
            citizen_id=task.citizen_id,
            trip_id=task.trip_id,
            staff_id=next_staff_id or task.staff_id,
            kind=FollowUpKind.NEXT_STEP,
            due_date=next_due,
            company_id=company_id,
            next_step=next_step,
        )
        session.add(following)
        session.flush()
        return following.id


def add_next_step(
    engine: Engine,
    citizen_id: int,
    *,
    today: date,
    next_step: str,
    due: date | None,
    staff_id: int | None = None,
    trip_id: int | None = None,
) -> int:
    """A next step for a citizen outside a follow-up (one who has stalled); its task id."""
    next_step = next_step.strip()
    if not next_step:
        raise UserError(t("followup.next_step_needed"))
    if due is None:
        raise UserError(t("followup.next_due_needed"))
    if due < today:
        raise UserError(t("followup.next_due_past"))
    with session_scope(engine) as session:
        citizen = session.get(Citizen, citizen_id)
        if citizen is None:
            raise NotFoundError(t("error.not_found", what=t("what.citizen"), id=citizen_id))
        if staff_id is not None and session.get(Staff, staff_id) is None:
            raise NotFoundError(t("error.not_found", what=t("what.staff"), id=staff_id))
        task = FollowUp(
            citizen_id=citizen_id,
            trip_id=trip_id,
            staff_id=staff_id or citizen.caseworker_id,
            kind=FollowUpKind.NEXT_STEP,
            due_date=due,
            next_step=next_step,
        )
        session.add(task)
        session.flush()
        return task.id or 0


@dataclass(frozen=True)
class StalledCitizen:
    citizen_id: int
    name: str
    since: date  # the trip or the ended outcome after which nothing was planned
    reason: str


# A citizen's latest event: its date, the citizen's name, the reason shown.
_Event = tuple[date, str, str]


def stalled_citizens(
    engine: Engine, *, today: date, citizen_id: int | None = None
) -> list[StalledCitizen]:
    """Citizens with no next step: after a trip they came on, or an outcome that has ended.

    Someone is moving when they have an open follow-up or an outcome still running (R34);
    "intet resultat" and a placement past its review date with no decision are no next step.
    `citizen_id` asks about one citizen only (the Opfølgning screen's flag).
    """

    def only(column: Any) -> Any:
        return true() if citizen_id is None else column == citizen_id

    with Session(engine) as session:
        open_tasks = set(
            session.scalars(
                select(col(FollowUp.citizen_id)).where(
                    col(FollowUp.done_at).is_(None), only(col(FollowUp.citizen_id))
                )
            )
        )
        running = set(
            session.scalars(
                select(col(Outcome.citizen_id)).where(
                    moving_on(today), only(col(Outcome.citizen_id))
                )
            )
        )
        last_event: dict[int, _Event] = {}
        for reader in (_trips_came_on, _ended_outcomes, _dead_ends):
            for event_citizen, event in reader(session, today, only):
                if event_citizen not in last_event or event[0] > last_event[event_citizen][0]:
                    last_event[event_citizen] = event
    return sorted(
        (
            StalledCitizen(citizen_id, name, since, reason)
            for citizen_id, (since, name, reason) in last_event.items()
            if citizen_id not in open_tasks and citizen_id not in running
        ),
        key=lambda s: (s.since, sort_key(s.name)),
    )


def _trips_came_on(
    session: Session, today: date, only: Callable[[Any], Any]
) -> Iterator[tuple[int, _Event]]:
    """Each completed trip a citizen came on, up to today."""
    for citizen_id, name, trip_date in session.execute(
        select(col(Participation.citizen_id), col(Citizen.name), col(Trip.trip_date))
        .join(Trip, col(Trip.id) == col(Participation.trip_id))
        .join(Citizen, col(Citizen.id) == col(Participation.citizen_id))
        .where(
            col(Participation.attendance).in_(ATTENDED),
            col(Trip.trip_date) <= today,
            col(Trip.status) == TripStatus.COMPLETED,
            col(Citizen.archived).is_(False),
            only(col(Participation.citizen_id)),
        )
    ).all():
        yield citizen_id, (trip_date, name, t("followup.stalled_after_trip"))


def _ended_outcomes(
    session: Session, today: date, only: Callable[[Any], Any]
) -> Iterator[tuple[int, _Event]]:
    """Each outcome that has ended before today."""
    for citizen_id, name, end_date in session.execute(
        select(col(Outcome.citizen_id), col(Citizen.name), col(Outcome.end_date))
        .join(Citizen, col(Citizen.id) == col(Outcome.citizen_id))
        .where(
            col(Outcome.end_date).is_not(None),
            col(Outcome.end_date) < today,
            col(Citizen.anonymised_at).is_(None),
            only(col(Outcome.citizen_id)),
        )
    ).all():
        if end_date is not None:
            yield citizen_id, (end_date, name, t("followup.stalled_after_outcome"))


def _dead_ends(
    session: Session, today: date, only: Callable[[Any], Any]
) -> Iterator[tuple[int, _Event]]:
    """Dead ends still running: "intet resultat" from its start, a placement left undecided
    from its review date."""
    for citizen_id, name, kind, start, review in session.execute(
        select(
            col(Outcome.citizen_id),
            col(Citizen.name),
            col(Outcome.kind),
            col(Outcome.start_date),
            col(Outcome.review_date),
        )
        .join(Citizen, col(Citizen.id) == col(Outcome.citizen_id))
        .where(
            col(Outcome.end_date).is_(None),
            col(Outcome.start_date) <= today,
            col(Outcome.kind).in_([OutcomeKind.NONE, *PLACEMENT_KINDS]),
            col(Citizen.anonymised_at).is_(None),
            only(col(Outcome.citizen_id)),
        )
    ).all():
        if kind == OutcomeKind.NONE:
            yield citizen_id, (start, name, t("followup.stalled_no_result"))
        elif review is not None and review < today:
            yield citizen_id, (review, name, t("followup.stalled_review_passed"))
