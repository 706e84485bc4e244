"""What the Opfølgning screen shows and saves: one citizen's road after the trips.

The screen hands over what was typed, as text; the parsing and the rules live here and in
`follow_ups` and `outcomes`, so the CLI and the screen refuse the same things.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from rfk_trips.after_trip.follow_up_listing import FollowUpRow, list_follow_ups
from rfk_trips.after_trip.follow_ups import add_next_step, record_follow_up, stalled_citizens
from rfk_trips.after_trip.learning_cases import NewLearningCase, add_learning_case
from rfk_trips.after_trip.outcomes import (
    EndedOutcome,
    NewOutcome,
    OutcomeRow,
    add_outcome,
    end_outcome,
    list_outcomes,
)
from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.rules.danish_dates import parse_date, parse_optional_date
from rfk_trips.rules.errors import NotFoundError, UserError
from storage.codes import Attendance, OutcomeKind, ParticipantRole
from storage.models import Citizen, Company, Participation, Staff, Trip, Visit


@dataclass(frozen=True)
class TripLine:
    trip_id: int
    trip_date: date
    title: str
    role: ParticipantRole
    attendance: Attendance
    attendance_label: str
    hosts: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class CitizenHistory:
    citizen_id: int
    name: str
    caseworker: str
    trips: list[TripLine]
    outcomes: list[OutcomeRow]
    follow_ups: list[FollowUpRow]
    # Why nothing is planned, when nothing is (R34); empty while the citizen is moving.
    stalled: str = ""

    def companies(self) -> list[tuple[int, str]]:
        """The hosts of the citizen's trips, then the companies of earlier outcomes."""
        seen: dict[int, str] = {}
        for trip in self.trips:
            for company_id, name in trip.hosts:
                seen.setdefault(company_id, name)
        for outcome in self.outcomes:
            if outcome.company_id is not None:
                seen.setdefault(outcome.company_id, outcome.company)
        return list(seen.items())

    def trips_taken_part(self) -> list[TripLine]:
        """Trips an outcome can come from: those the citizen was a participant on."""
        return [trip for trip in self.trips if trip.role == ParticipantRole.PARTICIPANT]


def citizen_history(engine: Engine, citizen_id: int, *, today: date) -> CitizenHistory:
    with Session(engine) as session:
        citizen = session.get(Citizen, citizen_id)
        if citizen is None:
            raise NotFoundError(t("error.not_found", what=t("what.citizen"), id=citizen_id))
        caseworker = session.get(Staff, citizen.caseworker_id) if citizen.caseworker_id else None
        rows = session.execute(
            select(
                col(Trip.id),
                col(Trip.trip_date),
                col(Trip.title),
                col(Participation.role),
                col(Participation.attendance),
            )
            .join(Participation, col(Participation.trip_id) == col(Trip.id))
            .where(col(Participation.citizen_id) == citizen_id)
            .order_by(col(Trip.trip_date).desc(), col(Trip.id).desc())
        ).all()
        hosts: dict[int, list[tuple[int, str]]] = {}
        for trip_id, company_id, company in session.execute(
            select(col(Visit.trip_id), col(Company.id), col(Company.name))
            .join(Company, col(Company.id) == col(Visit.company_id))
            .where(col(Visit.trip_id).in_([row[0] for row in rows]))
            .order_by(col(Visit.trip_id), col(Visit.position))
        ):
            hosts.setdefault(trip_id, []).append((company_id, company))
        name = citizen.name
        caseworker_name = f"{caseworker.name} ({caseworker.initials})" if caseworker else ""
    trips = [
        TripLine(
            trip_id=trip_id,
            trip_date=trip_date,
            title=title,
            role=role,
            attendance=attendance,
            attendance_label=label(attendance),
            hosts=tuple(hosts.get(trip_id, [])),
        )
        for trip_id, trip_date, title, role, attendance in rows
    ]
    return CitizenHistory(
        citizen_id=citizen_id,
        name=name,
        caseworker=caseworker_name,
        trips=trips,
        outcomes=list_outcomes(engine, citizen_id=citizen_id),
        follow_ups=list_follow_ups(engine, today=today, citizen_id=citizen_id, include_done=True),
        stalled=next(
            (row.reason for row in stalled_citizens(engine, today=today, citizen_id=citizen_id)),
            "",
        ),
    )


@dataclass(frozen=True)
class FollowUpForm:
    """What was agreed at a follow-up, as typed."""

    note: str = ""
    company_id: int | None = None
    next_step: str = ""
    next_due: str = ""
    staff_id: int | None = None


@dataclass(frozen=True)
class NextTask:
    follow_up_id: int
    due_date: date


def save_follow_up(
    engine: Engine, follow_up_id: int, form: FollowUpForm, *, today: date
) -> NextTask | None:
    """Record the follow-up; the next task when a next step with a date was agreed."""
    due = parse_optional_date(form.next_due, today, t("followup.field.next_due"))
    next_id = record_follow_up(
        engine,
        follow_up_id,
        today=today,
        note=form.note,
        company_id=form.company_id,
        next_step=form.next_step,
        next_due=due,
        next_staff_id=form.staff_id,
    )
    return NextTask(next_id, due) if next_id is not None and due is not None else None


@dataclass(frozen=True)
class OutcomeForm:
    """A new outcome, as typed."""

    kind: str
    start: str
    end: str = ""
    trip_id: int | None = None
    company_id: int | None = None
    hours: str = ""
    aim: str = ""
    note: str = ""


def save_outcome(engine: Engine, citizen_id: int, form: OutcomeForm, *, today: date) -> int:
    try:
        kind = OutcomeKind(form.kind)
    except ValueError:
        raise UserError(t("outcome.kind_needed")) from None
    if not form.start.strip():
        raise UserError(t("outcome.start_needed"))
    start = parse_date(form.start, today)
    end = parse_optional_date(form.end, today, t("outcome.field.end"))
    return add_outcome(
        engine,
        NewOutcome(
            citizen_id=citizen_id,
            kind=kind,
            start=start,
            end=end,
            trip_id=form.trip_id,
            company_id=form.company_id,
            hours_per_week=parse_hours(form.hours),
            note=form.note,
            aim=form.aim,
        ),
    )


def finish_outcome(
    engine: Engine, outcome_id: int, end_text: str, reason: str, *, today: date
) -> EndedOutcome:
    if not end_text.strip():
        raise UserError(t("outcome.end_needed"))
    return end_outcome(engine, outcome_id, parse_date(end_text, today), reason=reason)


def parse_hours(text: str) -> float | None:
    """Hours per week the Danish way (`7,5`) or with a point; empty means not known."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        raise UserError(t("outcome.hours_not_number", text=text.strip())) from None


def write_learning_case(
    engine: Engine,
    outcome_id: int,
    *,
    citizen_view: str = "",
    company_view: str = "",
    caseworker_view: str = "",
    consultant_view: str = "",
    lessons: str = "",
    today: date,
) -> int:
    """A læringscase about an outcome, written today (citizen and company from the outcome)."""
    return add_learning_case(
        engine,
        NewLearningCase(
            written_on=today,
            outcome_id=outcome_id,
            citizen_view=citizen_view,
            company_view=company_view,
            caseworker_view=caseworker_view,
            consultant_view=consultant_view,
            lessons=lessons,
        ),
        today=today,
    )


def save_next_step(
    engine: Engine, citizen_id: int, form: FollowUpForm, *, today: date, trip_id: int | None
) -> NextTask:
    """A next step typed for a citizen with no open task (the note is not used here)."""
    due = parse_optional_date(form.next_due, today, t("followup.field.next_due"))
    if due is None:
        raise UserError(t("followup.next_due_needed"))
    task_id = add_next_step(
        engine,
        citizen_id,
        today=today,
        next_step=form.next_step,
        due=due,
        staff_id=form.staff_id,
        trip_id=trip_id,
    )
    return NextTask(task_id, due)
