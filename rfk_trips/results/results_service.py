"""The figures of `rfk-trips stats` and `Resultater`: facts loaded in one session, then counted.

The counting rules live in `rfk_trips.rules.outcome_figures`; this module only picks the trips
(completed ones, by date, municipality and format), loads what they need and shapes JSON.
"""

from collections.abc import Iterator
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
from rfk_trips.rules.evaluation import (
    SECONDARY,
    Evaluation,
    EvaluationRow,
    HoursRow,
    hidden_cells,
    with_evaluation,
)
from rfk_trips.rules.outcome_figures import (
    PRIORITY,
    SMALL_CELL,
    SUPPRESSED,
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
from rfk_trips.rules.outcome_figures import Cell as BreakdownCell
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
        OutcomeFact(citizen_id, kind, start, end, trip_id, company_id, company_name or "", hours)
        for citizen_id, kind, start, end, trip_id, company_id, company_name, hours in (
            session.execute(
                select(
                    col(Outcome.citizen_id),
                    col(Outcome.kind),
                    col(Outcome.start_date),
                    col(Outcome.end_date),
                    col(Outcome.trip_id),
                    col(Outcome.company_id),
                    col(Company.name),
                    col(Outcome.hours_per_week),
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

# Keys whose numbers are not counts of people: never suppressed (R36).
_NOT_PEOPLE = frozenset({"trips", "trip_id", "company_id", "attendance_rate"})


def _outcomes_json(counts: OutcomeCounts) -> dict[str, Any]:
    return {
        "outcomes": {kind.value: counts.by_kind[kind] for kind in PRIORITY},
        "headline": {kind.value: counts.headline[kind] for kind in PRIORITY},
        "citizens_with_outcome": counts.citizens,
        "in_paid_work": counts.in_paid_work,
    }


def _counts_json(counts: Counts) -> dict[str, Any]:
    data: dict[str, Any] = {
        "trips": counts.trips,
        "invited": counts.invited,
        "attended": counts.attended,
        "late": counts.late,
        "left_early": counts.left_early,
        "excused": counts.excused,
        "no_show": counts.no_show,
        "pending": counts.pending,
        "citizens_attended": counts.citizens_attended,
        "attendance_rate": None
        if counts.attendance_rate is None
        else round(counts.attendance_rate, 3),
        **_outcomes_json(counts.ever),
    }
    data["status_on"] = None if counts.on is None else _outcomes_json(counts.on)
    return data


def _cells_json(cells: tuple[BreakdownCell, ...]) -> dict[str, Any]:
    return {
        c.key: {
            "attended": c.attended,
            "with_outcome": c.with_outcome,
            "in_paid_work": c.in_paid_work,
        }
        for c in cells
    }


# --- suppression (R36) ------------------------------------------------------------------


Path = tuple[str | int, ...]


def _leaves(block: Any, path: Path = ()) -> Iterator[tuple[Path, int]]:
    """Every count of people in a block of the JSON (lists too), by its path of keys."""
    if isinstance(block, dict):
        for key, value in block.items():
            if key not in _NOT_PEOPLE:
                yield from _leaves(value, (*path, key))
    elif isinstance(block, list):
        for i, value in enumerate(block):
            yield from _leaves(value, (*path, i))
    elif isinstance(block, int) and not isinstance(block, bool):
        yield path, block


def _put(block: Any, path: Path, value: int | str) -> None:
    for key in path[:-1]:
        block = block[key]
    block[path[-1]] = value


def _hidden(count: int | str) -> bool:
    return isinstance(count, str) or 0 < count < SMALL_CELL


def _hide_rate(block: dict[str, Any]) -> None:
    """A rate is left out when a count it is built on is hidden, or would be: with the
    others shown, attended / (invited − excused) tells the hidden one."""
    attended, invited, excused = block["attended"], block["invited"], block["excused"]
    hidden = any(_hidden(n) for n in (attended, invited, excused))
    if hidden or invited - excused < SMALL_CELL:
        block["attendance_rate"] = None


def _hide_across(blocks: list[dict[str, Any]]) -> None:
    """Blocks that split one total (municipalities, trips, one breakdown): each count is
    hidden as `hidden_cells` says over its column, so no hidden one can be worked out."""
    if not blocks:
        return
    columns: dict[Path, list[int]] = {}
    for block in blocks:
        for path, count in _leaves(block):
            columns.setdefault(path, []).append(count)
    for path, counts in columns.items():
        if len(counts) != len(blocks):
            continue  # not in every block (status_on is None in all or none): left alone
        for i, mark in hidden_cells(counts).items():
            _put(blocks[i], path, mark)


def _hide_small(block: Any) -> None:
    """Every count of people still shown as a number: 1–4 becomes "<5"."""
    for path, count in list(_leaves(block)):
        _put(block, path, suppress_count(count))


def _suppress(data: dict[str, Any]) -> None:
    rated = [data, *data["by_municipality"].values(), *data["by_trip_format"].values()]
    rated += [*data["by_company"], *data["by_trip"]]
    for block in rated:
        _hide_rate(block)  # on the true counts, before any is hidden
    _hide_across(list(data["by_municipality"].values()))
    _hide_across(list(data["by_trip_format"].values()))
    _hide_across(data["by_trip"])
    for cells in data["breakdowns"].values():
        _hide_across(list(cells.values()))
    for dimensions in data["breakdowns_by_municipality"].values():
        for cells in dimensions.values():
            _hide_across(list(cells.values()))
    for block in rated:
        _hide_rate(block)  # again: a secondary "x" hides the rate too
    evaluation = data.pop("evaluation")
    _hide_small(data)
    data["evaluation"] = evaluation


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


def _hours_rows(evaluation: Evaluation, suppress: bool) -> list[dict[str, Any]]:
    """Table 6.16's shape. Suppressed: n and "without hours" add up to the row's count in the
    ever table, so they are hidden as `hidden_cells` says over the two, and both when that
    count is hidden there; a mean (and SD, hours a week) of 1–4 people is hidden too."""
    ever = [row.count for row in evaluation.ever]
    hidden_rows = {evaluation.ever[i].category for i in hidden_cells(ever)} if suppress else set()

    def one(row: HoursRow) -> dict[str, Any]:
        counts = [row.n, row.without_hours]
        hidden = hidden_cells(counts) if suppress else {}
        if row.category in hidden_rows:
            hidden = {i: SUPPRESSED if n < SMALL_CELL else SECONDARY for i, n in enumerate(counts)}
        few = suppress and 0 < row.n < SMALL_CELL
        return {
            "category": row.category,
            "mean": None if few else row.mean,
            "sd": None if few else row.sd,
            "n": hidden.get(0, row.n),
            "without_hours": hidden.get(1, row.without_hours),
            "per_week": None if few else row.per_week,
        }

    return [one(row) for row in evaluation.hours_per_month]


def evaluation_as_json(evaluation: Evaluation | None, *, suppress_small: bool) -> Any:
    """The evaluation's two tables (003 Tab 6.10, 6.11) and hours per month (Tab 6.16's
    shape); suppressed with secondary cells."""
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
        "hours_per_month": _hours_rows(evaluation, suppress_small),
    }


def figures_as_json(figures: Figures, *, suppress_small: bool = False) -> dict[str, Any]:
    """The figures as plain JSON; `suppress_small` applies R36's discretion rule.

    Suppressed, every count of people of 1–4 shows as "<5", and where the parts of a total
    (municipalities, trip formats, trips, the cells of a breakdown) would give a hidden count
    away, one more is hidden ("<5", or "x" for 5 or more). The number of trips and the ids
    are shown as they are. A rate built on a small or hidden cell is left out (None).
    """
    data: dict[str, Any] = {
        "on": figures.on,
        "reference_date": figures.reference_date,
        "suppressed": suppress_small,
        **_counts_json(figures.total),
        "by_municipality": {g.key: _counts_json(g.counts) for g in figures.by_municipality},
        "by_trip_format": {g.key: _counts_json(g.counts) for g in figures.by_trip_format},
        "by_company": [
            {
                "company_id": row.company_id,
                "name": row.name,
                **_counts_json(row.counts),
                "at_company": _outcomes_json(row.at_company),
            }
            for row in figures.by_company
        ],
        "by_trip": [
            {
                "trip_id": row.trip_id,
                "date": row.trip_date,
                "title": row.title,
                **_counts_json(row.counts),
            }
            for row in figures.by_trip
        ],
        "breakdowns": {
            dimension: _cells_json(cells) for dimension, cells in figures.breakdowns.items()
        },
        "breakdowns_by_municipality": {
            name: {dimension: _cells_json(cells) for dimension, cells in dimensions.items()}
            for name, dimensions in figures.breakdowns_by_municipality.items()
        },
        "evaluation": evaluation_as_json(figures.evaluation, suppress_small=suppress_small),
    }
    if suppress_small:
        _suppress(data)
    return data
