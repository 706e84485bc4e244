"""Series for the charts of `Resultater` and `stats`: outcomes per month, attendance per trip.

The trips, the outcomes and which trip an outcome is credited to come from the same
`load_facts` and `outcome_figures.attribute` as every other figure, so a chart never tells a
different story from the table beside it.
"""

from collections import defaultdict
from datetime import date
from typing import NamedTuple

from sqlalchemy.engine import Engine

from rfk_trips.results.results_service import ResultFilter, check_period, load_facts
from rfk_trips.rules.outcome_figures import ByTrip, Facts, attribute, counts
from storage.codes import OutcomeKind
from storage.sessions import session_scope


class TripAttendance(NamedTuple):
    trip_date: date
    title: str
    attended: int
    invited: int


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def outcomes_per_month(
    engine: Engine,
    where: ResultFilter | None = None,
    today: date | None = None,
    *,
    kinds: frozenset[OutcomeKind] | None = None,
) -> list[tuple[date, int]]:
    """Distinct citizens per month whose outcome, credited to a selected trip, started then.

    Months run from the first such start to the last, with 0 for a month without one.
    A citizen with two outcomes starting in one month counts once there. Outcomes that start
    after `today` have not happened yet and are left out; `kinds` keeps only those kinds.
    """
    where = where or ResultFilter()
    check_period(where)
    with session_scope(engine) as session:
        facts = load_facts(session, where)
    return months_of(facts, today, kinds=kinds)


def months_of(
    facts: Facts, today: date | None = None, *, kinds: frozenset[OutcomeKind] | None = None
) -> list[tuple[date, int]]:
    """`outcomes_per_month` of facts already loaded (the Resultater screen loads them once)."""
    citizens: dict[date, set[int]] = defaultdict(set)
    for outcome, _trip_id in attribute(facts):
        if today is not None and outcome.start > today:
            continue
        if kinds is not None and outcome.kind not in kinds:
            continue
        citizens[first_of_month(outcome.start)].add(outcome.citizen_id)
    if not citizens:
        return []
    month, last = min(citizens), max(citizens)
    series = []
    while month <= last:
        series.append((month, len(citizens.get(month, ()))))
        month = next_month(month)
    return series


def attendance_per_trip(engine: Engine, where: ResultFilter | None = None) -> list[TripAttendance]:
    """Each selected trip, oldest first: its date, title, seats attended and seats invited.

    Counted as `stats` counts a trip: reserves left out, late and left early count as attended.
    """
    where = where or ResultFilter()
    check_period(where)
    with session_scope(engine) as session:
        facts = load_facts(session, where)
    by_trip = ByTrip.of(facts, [])
    rows = []
    for trip in sorted(facts.trips, key=lambda t: (t.trip_date, t.trip_id)):
        tally = counts({trip.trip_id}, by_trip, None)
        rows.append(TripAttendance(trip.trip_date, trip.title, tally.attended, tally.invited))
    return rows
