"""The figures of `rfk-trips stats` and `Resultater`: facts loaded in one session, then counted.

The counting rules live in `rfk_trips.rules.outcome_figures`; this module only picks the trips
(completed ones, by date, municipality and format), loads what they need and shapes JSON.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.benefit_history import BenefitPeriod
from rfk_trips.rules.danish_dates import format_date
from rfk_trips.rules.errors import UserError
from rfk_trips.rules.evaluation import Evaluation, EvaluationRow, hidden_cells, with_evaluation
from rfk_trips.rules.outcome_figures import (
    PRIORITY,
    SMALL_CELL,
    AttendanceFact,
    CitizenFact,
    Counts,
    Facts,
    Figures,
    Host,
    OutcomeCounts,
    OutcomeFact,
    TripFact,
    compute_figures,
    suppress_count,
)
from rfk_trips.trips.trip_service import format_by_code, municipality_by_name
from storage.codes import ParticipantRole, TripStatus
from storage.models import (
    Citizen,
    CitizenBenefitPeriod,
    Company,
    Municipality,
    Outcome,
    Participation,
    Trip,
    TripFormat,
    Visit,
)
from storage.sessions import session_scope

__all__ = [
    "Figures",
    "ResultFilter",
    "check_period",
    "figures_as_json",
    "load_facts",
    "load_figures",
]


@dataclass(frozen=True)
class ResultFilter:
    date_from: date | None = None
    date_to: date | None = None
    municipality: str | None = None
    trip_format: str | None = None
    trip_id: int | None = None


def _trip_query(session: Session, where: ResultFilter) -> Any:
    query = select(col(Trip.id)).where(col(Trip.status) == TripStatus.COMPLETED)
    if where.date_from is not None:
        query = query.where(col(Trip.trip_date) >= where.date_from)
    if where.date_to is not None:
        query = query.where(col(Trip.trip_date) <= where.date_to)
    if where.municipality:
        query = query.where(
            col(Trip.municipality_id) == municipality_by_name(session, where.municipality).id
        )
    if where.trip_format:
        query = query.where(col(Trip.format_id) == format_by_code(session, where.trip_format).id)
    if where.trip_id is not None:
        query = query.where(col(Trip.id) == where.trip_id)
    return query


def load_facts(session: Session, where: ResultFilter) -> Facts:
    """The selected trips with their hosts, seats, citizens and the outcomes that may count."""
    trip_ids = _trip_query(session, where).scalar_subquery()
    hosts: dict[int, list[Host]] = {}
    for trip_id, company_id, name in session.execute(
        select(col(Visit.trip_id), col(Company.id), col(Company.name))
        .join(Company, col(Company.id) == col(Visit.company_id))
        .where(col(Visit.trip_id).in_(trip_ids))
        .order_by(col(Visit.trip_id), col(Visit.position))
    ):
        hosts.setdefault(trip_id, []).append(Host(company_id, name))
    trips = tuple(
        TripFact(trip_id, trip_date, code, municipality, tuple(hosts.get(trip_id, ())), title)
        for trip_id, trip_date, code, municipality, title in session.execute(
            select(
                col(Trip.id),
                col(Trip.trip_date),
                col(TripFormat.code),
                col(Municipality.name),
                col(Trip.title),
            )
            .join(TripFormat, col(TripFormat.id) == col(Trip.format_id))
            .outerjoin(Municipality, col(Municipality.id) == col(Trip.municipality_id))
            .where(col(Trip.id).in_(trip_ids))
        )
    )
    attendance = tuple(
        AttendanceFact(trip_id, citizen_id, status, role == ParticipantRole.RESERVE)
        for trip_id, citizen_id, status, role in session.execute(
            select(
                col(Participation.trip_id),
                col(Participation.citizen_id),
                col(Participation.attendance),
                col(Participation.role),
            ).where(col(Participation.trip_id).in_(trip_ids))
        )
    )
    on_trips = select(col(Participation.citizen_id)).where(col(Participation.trip_id).in_(trip_ids))
    outcomes = tuple(
        OutcomeFact(citizen_id, kind, start, end, trip_id, company_id, company_name or "")
        for citizen_id, kind, start, end, trip_id, company_id, company_name in session.execute(
            select(
                col(Outcome.citizen_id),
                col(Outcome.kind),
                col(Outcome.start_date),
                col(Outcome.end_date),
                col(Outcome.trip_id),
                col(Outcome.company_id),
                col(Company.name),
            )
            .outerjoin(Company, col(Company.id) == col(Outcome.company_id))
            .where(
                or_(
                    col(Outcome.trip_id).in_(trip_ids),
                    col(Outcome.trip_id).is_(None) & col(Outcome.citizen_id).in_(on_trips),
                )
            )
            .order_by(col(Outcome.id))
        )
    )
    wanted = on_trips.union(
        select(col(Outcome.citizen_id)).where(col(Outcome.trip_id).in_(trip_ids))
    ).scalar_subquery()
    citizens = tuple(
        CitizenFact(citizen_id, birth_year, gender, benefit_group)
        for citizen_id, birth_year, gender, benefit_group in session.execute(
            select(
                col(Citizen.id),
                col(Citizen.birth_year),
                col(Citizen.gender),
                col(Citizen.benefit_group),
            ).where(col(Citizen.id).in_(wanted))
        )
    )
    return Facts(trips, attendance, outcomes, citizens, benefits=_benefits(session, wanted))


def _benefits(session: Session, wanted: Any) -> dict[int, tuple[BenefitPeriod, ...]]:
    """The benefit periods of the citizens in the facts, oldest first; a citizen with none
    (written without the register) is left out, and counts with their benefit today."""
    periods: dict[int, list[BenefitPeriod]] = {}
    for citizen_id, group, since, until in session.execute(
        select(
            col(CitizenBenefitPeriod.citizen_id),
            col(CitizenBenefitPeriod.benefit_group),
            col(CitizenBenefitPeriod.since),
            col(CitizenBenefitPeriod.until),
        )
        .where(col(CitizenBenefitPeriod.citizen_id).in_(wanted))
        .order_by(col(CitizenBenefitPeriod.citizen_id), col(CitizenBenefitPeriod.since))
    ):
        periods.setdefault(citizen_id, []).append(BenefitPeriod(group, since, until))
    return {citizen_id: tuple(found) for citizen_id, found in periods.items()}


def check_period(where: ResultFilter) -> None:
    """Refuse a period that ends before it starts, with a Danish sentence."""
    if where.date_from and where.date_to and where.date_from > where.date_to:
        raise UserError(
            t(
                "results.bad_period",
                start=format_date(where.date_from),
                end=format_date(where.date_to),
            )
        )


def load_figures(
    engine: Engine,
    where: ResultFilter | None = None,
    *,
    on: date | None = None,
    today: date,
) -> Figures:
    """Figures of the completed trips matching `where`; ages at `on`, the end date or today.

    An unknown municipality or trip format raises UserError with a Danish sentence.
    """
    return load_facts_and_figures(engine, where, on=on, today=today)[1]


def load_facts_and_figures(
    engine: Engine,
    where: ResultFilter | None = None,
    *,
    on: date | None = None,
    today: date,
) -> tuple[Facts, Figures]:
    """`load_figures`, with the facts they were counted from (for charts of the same data)."""
    where = where or ResultFilter()
    check_period(where)
    with session_scope(engine) as session:
        facts = load_facts(session, where)
    reference = on or (min(where.date_to, today) if where.date_to else today)
    figures = compute_figures(facts, on=on, reference_date=reference)
    return facts, with_evaluation(figures, facts)


# --- JSON -------------------------------------------------------------------------------


Cell = Callable[[int], int | str]


def _keep(count: int) -> int | str:
    return count


def _outcomes_json(counts: OutcomeCounts, cell: Cell) -> dict[str, Any]:
    return {
        "outcomes": {kind.value: cell(counts.by_kind[kind]) for kind in PRIORITY},
        "headline": {kind.value: cell(counts.headline[kind]) for kind in PRIORITY},
        "citizens_with_outcome": cell(counts.citizens),
        "in_paid_work": cell(counts.in_paid_work),
    }


def _rate(counts: Counts, suppress: bool) -> float | None:
    if counts.attendance_rate is None:
        return None
    expected = counts.invited - counts.excused
    if suppress and (0 < counts.attended < SMALL_CELL or expected < SMALL_CELL):
        return None  # the rate would give a small cell away
    return round(counts.attendance_rate, 3)


def _counts_json(counts: Counts, cell: Cell, suppress: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "trips": counts.trips,  # trips are not people: never suppressed
        "invited": cell(counts.invited),
        "attended": cell(counts.attended),
        "late": cell(counts.late),
        "left_early": cell(counts.left_early),
        "excused": cell(counts.excused),
        "no_show": cell(counts.no_show),
        "pending": cell(counts.pending),
        "citizens_attended": cell(counts.citizens_attended),
        "attendance_rate": _rate(counts, suppress),
        **_outcomes_json(counts.ever, cell),
    }
    data["status_on"] = None if counts.on is None else _outcomes_json(counts.on, cell)
    return data


def _evaluation_rows(rows: tuple[EvaluationRow, ...], suppress: bool) -> list[dict[str, Any]]:
    hidden = hidden_cells([row.count for row in rows]) if suppress else {}
    return [
        {
            "category": row.category,
            "count": hidden.get(i, row.count),
            # A per cent gives a hidden count away as surely as the count.
            "percent": None if i in hidden else row.percent,
        }
        for i, row in enumerate(rows)
    ]


def evaluation_as_json(evaluation: Evaluation | None, *, suppress_small: bool) -> Any:
    """The evaluation's two tables (003 Tab 6.10, 6.11); suppressed with secondary cells."""
    if evaluation is None:
        return None
    population: int | str = evaluation.population
    if suppress_small:
        population = suppress_count(evaluation.population)
    return {
        "population": population,
        "date": evaluation.status_date,
        "ever": _evaluation_rows(evaluation.ever, suppress_small),
        "on_date": _evaluation_rows(evaluation.on_date, suppress_small),
    }


def figures_as_json(figures: Figures, *, suppress_small: bool = False) -> dict[str, Any]:
    """The figures as plain JSON; `suppress_small` shows every count of 1–4 as "<5" (R36).

    Suppression covers every count of people (seats and citizens); the number of trips
    and the ids are shown as they are. A rate built on a small cell is left out (None).
    """
    cell: Cell = suppress_count if suppress_small else _keep
    return {
        "on": figures.on,
        "reference_date": figures.reference_date,
        "suppressed": suppress_small,
        **_counts_json(figures.total, cell, suppress_small),
        "by_municipality": {
            g.key: _counts_json(g.counts, cell, suppress_small) for g in figures.by_municipality
        },
        "by_trip_format": {
            g.key: _counts_json(g.counts, cell, suppress_small) for g in figures.by_trip_format
        },
        "by_company": [
            {
                "company_id": row.company_id,
                "name": row.name,
                **_counts_json(row.counts, cell, suppress_small),
                "at_company": _outcomes_json(row.at_company, cell),
            }
            for row in figures.by_company
        ],
        "by_trip": [
            {
                "trip_id": row.trip_id,
                "date": row.trip_date,
                "title": row.title,
                **_counts_json(row.counts, cell, suppress_small),
            }
            for row in figures.by_trip
        ],
        "breakdowns": {
            dimension: {
                c.key: {
                    "attended": cell(c.attended),
                    "with_outcome": cell(c.with_outcome),
                    "in_paid_work": cell(c.in_paid_work),
                }
                for c in cells
            }
            for dimension, cells in figures.breakdowns.items()
        },
        "evaluation": evaluation_as_json(figures.evaluation, suppress_small=suppress_small),
    }
