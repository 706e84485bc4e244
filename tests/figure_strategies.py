"""Hypothesis strategies for the outcome figures: any small set of trips, seats and outcomes.

Shared by the figure properties and the export properties (not a test module).
"""

from datetime import date, timedelta

from hypothesis import strategies as st

from rfk_trips.rules.outcome_figures import AttendanceFact, Facts, OutcomeFact, TripFact
from storage.codes import Attendance, OutcomeKind

START = date(2026, 1, 1)
days = st.integers(min_value=0, max_value=200).map(lambda n: START + timedelta(days=n))
trip_ids = st.integers(min_value=1, max_value=4)
citizen_ids = st.integers(min_value=1, max_value=8)


@st.composite
def facts(draw: st.DrawFn) -> Facts:
    trips = tuple(
        TripFact(i, draw(days), draw(st.sampled_from(["lolland", "guldborgsund"])), None)
        for i in draw(st.sets(trip_ids, min_size=1))
    )
    seats = draw(st.sets(st.tuples(trip_ids, citizen_ids), max_size=20))
    attendance = tuple(
        AttendanceFact(trip, citizen, draw(st.sampled_from(list(Attendance))), draw(st.booleans()))
        for trip, citizen in seats
    )
    outcomes = []
    for _ in range(draw(st.integers(min_value=0, max_value=25))):
        start = draw(days)
        end = draw(st.none() | st.integers(0, 120).map(lambda n, s=start: s + timedelta(days=n)))
        outcomes.append(
            OutcomeFact(
                draw(citizen_ids),
                draw(st.sampled_from(list(OutcomeKind))),
                start,
                end,
                draw(st.none() | st.integers(min_value=1, max_value=6)),
            )
        )
    return Facts(trips, attendance, tuple(outcomes))
