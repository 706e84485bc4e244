"""Targets (måltal, DOMAIN.md R35): a number per municipality, half-year and measure, and how
far the logged outcomes have come towards it.

The achieved figure is read from the same `load_figures` as `rfk-trips stats`, for the
municipality's completed trips in the half-year. An outcome counts towards the half-year of the
trip that led to it, even when it starts after the half-year. The one figure those cannot tell
is `new_hosts`: whether a company's first visit ever (any municipality, any date) lies in the
half-year, which `count_new_hosts` asks of every completed trip.
"""

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label, parse_code
from rfk_trips.results.results_service import ResultFilter, load_figures
from rfk_trips.rules.errors import UserError
from rfk_trips.rules.outcome_figures import Figures
from rfk_trips.trips.trip_service import municipality_by_name
from storage.codes import OutcomeKind, TargetMeasure, TripStatus
from storage.models import Municipality, Target, Trip, Visit, utc_now
from storage.sessions import session_scope

_FIRST_YEAR, _LAST_YEAR = 2000, 2100
# 2026H1, 2026-h2, 2026-1, 2026/2, H1 2026, H1-2026, 1. halvår 2026, 2 halvår 2026.
_YEAR_FIRST = re.compile(r"^(\d{4})\s*[-/ ]?\s*h?([12])$")
_HALF_FIRST = re.compile(r"^h([12])\s*[-/ ]?\s*(\d{4})$")
_DANISH = re.compile(r"^([12])\.?\s*halv(?:å|aa|a)r\s+(\d{4})$")


@dataclass(frozen=True, order=True)
class HalfYear:
    """A half-year: `half` 1 is 1 January – 30 June, 2 is 1 July – 31 December."""

    year: int
    half: int

    @classmethod
    def of(cls, day: date) -> "HalfYear":
        return cls(day.year, 1 if day.month <= 6 else 2)

    @property
    def start(self) -> date:
        return date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    @property
    def code(self) -> str:
        return f"{self.year}H{self.half}"

    def label(self) -> str:
        """`1. halvår 2026` (`H1 2026` in English)."""
        return t("targets.half_label", half=self.half, year=self.year)


def parse_half_year(text: str) -> HalfYear:
    """Read `2026H1`, `2026-1`, `H2 2026` or `1. halvår 2026`; a Danish UserError otherwise."""
    folded = " ".join(text.strip().casefold().split())
    for pattern, year_group, half_group in (
        (_YEAR_FIRST, 1, 2),
        (_HALF_FIRST, 2, 1),
        (_DANISH, 2, 1),
    ):
        match = pattern.match(folded)
        if match:
            year = int(match.group(year_group))
            if _FIRST_YEAR <= year <= _LAST_YEAR:
                return HalfYear(year, int(match.group(half_group)))
    raise UserError(t("targets.bad_half", text=text.strip()))


def parse_measure(text: str) -> TargetMeasure:
    """A measure from its code or label (`in_paid_work`, `I lønnet arbejde`, `praktik`)."""
    measure = parse_code(TargetMeasure, text)
    if measure is None:
        raise UserError(
            t(
                "targets.bad_measure",
                text=text.strip(),
                choices=", ".join(m.value for m in TargetMeasure),
            )
        )
    return measure


def achieved(figures: Figures, measure: TargetMeasure, *, new_hosts: int | None = None) -> int:
    """The figure a measure is compared with: distinct citizens (trips for `trips`, companies
    for the host measures). `new_hosts` is `count_new_hosts`' answer, which the figures lack."""
    total = figures.total
    if measure is TargetMeasure.HOSTS_VISITED:
        # `by_company` also holds companies that only received an outcome: not hosts.
        return sum(1 for company in figures.by_company if company.counts.trips > 0)
    if measure is TargetMeasure.NEW_HOSTS:
        if new_hosts is None:
            raise ValueError("new_hosts is counted by count_new_hosts(), not from figures")
        return new_hosts
    if measure is TargetMeasure.IN_PAID_WORK:
        return total.ever.in_paid_work
    if measure is TargetMeasure.ATTENDED:
        return total.citizens_attended
    if measure is TargetMeasure.TRIPS:
        return total.trips
    if measure is TargetMeasure.CITIZENS_WITH_OUTCOME:
        return total.ever.citizens
    return total.ever.by_kind[OutcomeKind(measure.value)]


def count_new_hosts(engine: Engine, municipality: str, period: HalfYear) -> int:
    """The companies that hosted a visit on the municipality's completed trips in the half-year
    and whose first visit on any completed trip (any municipality) falls in that half-year."""
    completed = col(Trip.status) == TripStatus.COMPLETED
    with session_scope(engine) as session:
        place = municipality_by_name(session, municipality)
        hosts = (
            select(col(Visit.company_id))
            .join(Trip, col(Trip.id) == col(Visit.trip_id))
            .where(
                completed,
                col(Trip.municipality_id) == place.id,
                col(Trip.trip_date).between(period.start, period.end),
            )
        )
        first_visits = (
            select(
                col(Visit.company_id).label("company_id"),
                func.min(col(Trip.trip_date)).label("first_day"),
            )
            .join(Trip, col(Trip.id) == col(Visit.trip_id))
            .where(completed, col(Visit.company_id).in_(hosts))
            .group_by(col(Visit.company_id))
            .subquery()
        )
        new = session.scalar(
            select(func.count())
            .select_from(first_visits)
            .where(first_visits.c.first_day.between(period.start, period.end))
        )
        return new or 0


@dataclass(frozen=True)
class TargetRow:
    id: int
    municipality_id: int
    municipality: str
    year: int
    half: int
    half_label: str
    measure: TargetMeasure
    measure_label: str
    value: int


@dataclass(frozen=True)
class TargetProgress:
    municipality: str
    year: int
    half: int
    measure: TargetMeasure
    measure_label: str
    target: int
    achieved: int
    # achieved / target; above 1 when the target is passed.
    fraction: float


def _find(
    session: Session, municipality_id: int, period: HalfYear, measure: TargetMeasure
) -> Target | None:
    return session.scalars(
        select(Target).where(
            col(Target.municipality_id) == municipality_id,
            col(Target.year) == period.year,
            col(Target.half) == period.half,
            col(Target.measure) == measure,
        )
    ).first()


def set_target(
    engine: Engine, municipality: str, period: HalfYear, measure: TargetMeasure, value: int
) -> int:
    """Create the target, or replace the number of the one already set; its id."""
    if value <= 0:
        raise UserError(t("targets.bad_value", value=value))
    with session_scope(engine) as session:
        place = municipality_by_name(session, municipality)
        row = _find(session, place.id or 0, period, measure)
        if row is None:
            row = Target(
                municipality_id=place.id or 0,
                year=period.year,
                half=period.half,
                measure=measure,
                value=value,
            )
        else:
            row.value = value
            row.updated_at = utc_now()
        session.add(row)
        session.flush()
        return row.id or 0


def remove_target(
    engine: Engine, municipality: str, period: HalfYear, measure: TargetMeasure
) -> None:
    """Delete the target; a Danish UserError when there is none to delete."""
    with session_scope(engine) as session:
        place = municipality_by_name(session, municipality)
        row = _find(session, place.id or 0, period, measure)
        if row is None:
            raise UserError(
                t(
                    "targets.not_set",
                    municipality=place.name,
                    measure=label(measure),
                    half=period.label(),
                )
            )
        session.delete(row)


_MEASURE_ORDER = {measure: rank for rank, measure in enumerate(TargetMeasure)}


def list_targets(
    engine: Engine, *, municipality: str | None = None, period: HalfYear | None = None
) -> list[TargetRow]:
    """The targets by half-year, municipality and measure (in `TargetMeasure` order)."""
    with session_scope(engine) as session:
        query = select(Target, col(Municipality.name)).join(
            Municipality, col(Municipality.id) == col(Target.municipality_id)
        )
        if municipality:
            query = query.where(
                col(Target.municipality_id) == municipality_by_name(session, municipality).id
            )
        if period is not None:
            query = query.where(col(Target.year) == period.year, col(Target.half) == period.half)
        rows = [
            TargetRow(
                id=row.id or 0,
                municipality_id=row.municipality_id,
                municipality=name,
                year=row.year,
                half=row.half,
                half_label=HalfYear(row.year, row.half).label(),
                measure=row.measure,
                measure_label=label(row.measure),
                value=row.value,
            )
            for row, name in session.execute(query.order_by(col(Target.id)))
        ]
    rows.sort(key=lambda r: (r.year, r.half, r.municipality, _MEASURE_ORDER[r.measure]))
    return rows


def target_progress(
    engine: Engine, *, year: int, half: int, municipality: str | None = None, today: date
) -> list[TargetProgress]:
    """Each target of the half-year (of one municipality, or all) with what is achieved."""
    period = HalfYear(year, half)
    targets = list_targets(engine, municipality=municipality, period=period)
    figures: dict[str, Figures] = {}
    progress = []
    for row in targets:
        if row.municipality not in figures:
            where = ResultFilter(period.start, period.end, row.municipality)
            figures[row.municipality] = load_figures(engine, where, today=today)
        new_hosts = None
        if row.measure is TargetMeasure.NEW_HOSTS:  # one target per measure: asked once
            new_hosts = count_new_hosts(engine, row.municipality, period)
        reached = achieved(figures[row.municipality], row.measure, new_hosts=new_hosts)
        progress.append(
            TargetProgress(
                municipality=row.municipality,
                year=row.year,
                half=row.half,
                measure=row.measure,
                measure_label=row.measure_label,
                target=row.value,
                achieved=reached,
                fraction=reached / row.value,
            )
        )
    return progress
