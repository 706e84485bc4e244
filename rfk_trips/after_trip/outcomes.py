"""Outcomes: what a citizen reached after a trip, each linked to the trip that led to it.

Recording one is a single transaction, checked first: the trip must be one the citizen was
on, dates in order, hours plausible. A work placement (virksomhedspraktik, hybridpraktik)
needs an agreed aim and gets a review date, 13 weeks after its start unless another is
agreed (DOMAIN.md R28). Ending a placement before that date asks why (R29).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.rules.danish_dates import format_date
from rfk_trips.rules.errors import NotFoundError, UserError
from storage.codes import OutcomeKind, ParticipantRole
from storage.models import Citizen, Company, Outcome, Participation, Trip
from storage.sessions import session_scope

PLACEMENT_KINDS = frozenset({OutcomeKind.INTERNSHIP, OutcomeKind.HYBRID_INTERNSHIP})
DEFAULT_PLACEMENT_WEEKS = 13
MAX_HOURS_PER_WEEK = 80


@dataclass(frozen=True)
class NewOutcome:
    citizen_id: int
    kind: OutcomeKind
    start: date
    end: date | None = None
    trip_id: int | None = None
    company_id: int | None = None
    hours_per_week: float | None = None
    note: str = ""
    aim: str = ""
    review_date: date | None = None


def running_on(on: date) -> ColumnElement[bool]:
    """The outcomes going on `on` (begun, and not ended before it), in SQL.

    `outcome_figures.OutcomeFact.running_on` says the same over facts in memory; a test
    holds the two together.
    """
    return (col(Outcome.start_date) <= on) & (
        col(Outcome.end_date).is_(None) | (col(Outcome.end_date) >= on)
    )


def moving_on(on: date) -> ColumnElement[bool]:
    """The outcomes that are a next step on `on` (R34), in SQL: running, and not a dead end.

    "Intet resultat" is no next step however long it runs, and neither is a placement whose
    review date has passed with no decision (no end date set): both leave the citizen stalled.
    """
    review_passed = (
        col(Outcome.kind).in_(PLACEMENT_KINDS)
        & col(Outcome.end_date).is_(None)
        & col(Outcome.review_date).is_not(None)
        & (col(Outcome.review_date) < on)
    )
    return running_on(on) & (col(Outcome.kind) != OutcomeKind.NONE) & ~review_passed


def check_new_outcome(outcome: NewOutcome, *, aim_required: bool = True) -> dict[str, str]:
    """The rules that need no database: field key -> the Danish sentence of what is wrong.

    `aim_required=False` is history's (an imported placement from before the tool seldom has
    its agreed aim on record); a placement recorded now must have one (R28)."""
    problems: dict[str, str] = {}
    if outcome.end is not None and outcome.end < outcome.start:
        problems["end"] = t("outcome.end_before_start")
    hours = outcome.hours_per_week
    if hours is not None and not 0 < hours <= MAX_HOURS_PER_WEEK:
        problems["hours"] = t("outcome.hours_range", most=MAX_HOURS_PER_WEEK)
    if outcome.kind in PLACEMENT_KINDS:
        if aim_required and not outcome.aim.strip():
            problems["aim"] = t("outcome.aim_needed")
        if outcome.review_date is not None and outcome.review_date <= outcome.start:
            problems["review"] = t("outcome.review_before_start")
    return problems


def default_review_date(kind: OutcomeKind, start: date) -> date | None:
    if kind in PLACEMENT_KINDS:
        return start + timedelta(weeks=DEFAULT_PLACEMENT_WEEKS)
    return None


def add_outcome(engine: Engine, outcome: NewOutcome) -> int:
    """Save one outcome; its id. Refused with every problem at once, and nothing saved."""
    problems = check_new_outcome(outcome)
    if problems:
        raise UserError(
            t("outcome.refused", problems=" ".join(problems.values())),
            list(problems.values()),
            problems,
        )
    with session_scope(engine) as session:
        citizen = session.get(Citizen, outcome.citizen_id)
        if citizen is None:
            raise NotFoundError(t("error.not_found", what=t("what.citizen"), id=outcome.citizen_id))
        if outcome.company_id is not None and session.get(Company, outcome.company_id) is None:
            raise NotFoundError(t("error.not_found", what=t("what.company"), id=outcome.company_id))
        if outcome.trip_id is not None:
            trip = session.get(Trip, outcome.trip_id)
            if trip is None:
                raise NotFoundError(t("error.not_found", what=t("what.trip"), id=outcome.trip_id))
            on_trip = session.scalars(
                select(col(Participation.id)).where(
                    col(Participation.trip_id) == trip.id,
                    col(Participation.citizen_id) == citizen.id,
                    # A reserve who never went did not get the outcome from this trip.
                    col(Participation.role) == ParticipantRole.PARTICIPANT,
                )
            ).first()
            if on_trip is None:
                raise UserError(t("outcome.not_on_trip", name=citizen.name, title=trip.title))
            if outcome.start < trip.trip_date:
                raise UserError(t("outcome.before_trip"))
        row = Outcome(
            citizen_id=outcome.citizen_id,
            kind=outcome.kind,
            start_date=outcome.start,
            end_date=outcome.end,
            trip_id=outcome.trip_id,
            company_id=outcome.company_id,
            hours_per_week=outcome.hours_per_week,
            note=outcome.note.strip(),
            aim=outcome.aim.strip(),
            review_date=outcome.review_date or default_review_date(outcome.kind, outcome.start),
        )
        session.add(row)
        session.flush()
        return row.id or 0


@dataclass(frozen=True)
class EndedOutcome:
    outcome_id: int
    ended_early: bool
    # A placement ended early: offer to write a læringscase about it (R29).
    suggest_learning_case: bool


def end_outcome(engine: Engine, outcome_id: int, end: date, *, reason: str = "") -> EndedOutcome:
    """Set the end date; a placement ended before its review date needs the reason."""
    with session_scope(engine) as session:
        # Locked: a colleague ending the same outcome at once waits, then finds it ended.
        row = session.get(Outcome, outcome_id, with_for_update=True, populate_existing=True)
        if row is None:
            raise NotFoundError(t("error.not_found", what=t("what.outcome"), id=outcome_id))
        if row.end_date is not None:
            raise UserError(t("outcome.already_ended", date=format_date(row.end_date)))
        if end < row.start_date:
            raise UserError(t("outcome.end_before_start"))
        early = (
            row.kind in PLACEMENT_KINDS and row.review_date is not None and end < row.review_date
        )
        if early and not reason.strip():
            raise UserError(t("outcome.reason_needed"))
        row.end_date = end
        row.ended_early = early
        row.end_reason = reason.strip()
        session.add(row)
        return EndedOutcome(outcome_id, early, early)


@dataclass(frozen=True)
class OutcomeRow:
    id: int
    citizen_id: int
    citizen: str
    kind: OutcomeKind
    kind_label: str
    start_date: date
    end_date: date | None
    trip_id: int | None
    trip: str
    company_id: int | None
    company: str
    hours_per_week: float | None
    aim: str
    review_date: date | None
    ended_early: bool
    end_reason: str
    note: str


def list_outcomes(
    engine: Engine, *, citizen_id: int | None = None, trip_id: int | None = None
) -> list[OutcomeRow]:
    query = (
        select(Outcome, col(Citizen.name), col(Trip.title), col(Company.name))
        .join(Citizen, col(Citizen.id) == col(Outcome.citizen_id))
        .outerjoin(Trip, col(Trip.id) == col(Outcome.trip_id))
        .outerjoin(Company, col(Company.id) == col(Outcome.company_id))
        .order_by(col(Outcome.start_date), col(Outcome.id))
    )
    if citizen_id is not None:
        query = query.where(col(Outcome.citizen_id) == citizen_id)
    if trip_id is not None:
        query = query.where(col(Outcome.trip_id) == trip_id)
    with Session(engine) as session:
        return [
            OutcomeRow(
                id=row.id or 0,
                citizen_id=row.citizen_id,
                citizen=name,
                kind=row.kind,
                kind_label=label(row.kind),
                start_date=row.start_date,
                end_date=row.end_date,
                trip_id=row.trip_id,
                trip=title or "",
                company_id=row.company_id,
                company=company or "",
                hours_per_week=row.hours_per_week,
                aim=row.aim,
                review_date=row.review_date,
                ended_early=row.ended_early,
                end_reason=row.end_reason,
                note=row.note,
            )
            for row, name, title, company in session.execute(query).all()
        ]
