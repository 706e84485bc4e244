"""R34 (issue 19): "intet resultat" and a placement left undecided are no next step."""

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.engine import Engine

from rfk_trips.after_trip.follow_ups import stalled_citizens
from rfk_trips.after_trip.outcomes import NewOutcome, add_outcome, end_outcome
from rfk_trips.trips import check_in
from storage.codes import OutcomeKind
from storage.models import FollowUp
from storage.sessions import session_scope
from tests.trip_builders import DAY, held_trip


def _close_tasks(engine: Engine) -> None:
    with session_scope(engine) as session:
        for task in session.scalars(select(FollowUp)):
            task.done_at = task.created_at
            session.add(task)


def test_no_result_without_an_end_date_leaves_the_citizen_stalled(engine: Engine) -> None:
    trip_id, citizens = held_trip(engine)
    check_in.complete_trip(engine, trip_id, today=DAY)
    _close_tasks(engine)
    later = DAY + timedelta(days=30)
    before = {s.citizen_id for s in stalled_citizens(engine, today=later)}
    assert citizens[0] in before
    start = DAY + timedelta(days=5)
    add_outcome(
        engine,
        NewOutcome(citizen_id=citizens[0], kind=OutcomeKind.NONE, start=start, trip_id=trip_id),
    )
    (row,) = stalled_citizens(engine, today=later, citizen_id=citizens[0])
    assert (row.since, row.reason) == (start, "intet næste skridt efter »intet resultat«")
    # A real next step beside it takes them off the list.
    add_outcome(engine, NewOutcome(citizen_id=citizens[0], kind=OutcomeKind.MENTOR, start=start))
    assert stalled_citizens(engine, today=later, citizen_id=citizens[0]) == []


def test_a_placement_past_its_review_date_with_no_decision_is_stalled(engine: Engine) -> None:
    trip_id, citizens = held_trip(engine)
    check_in.complete_trip(engine, trip_id, today=DAY)
    _close_tasks(engine)
    start = DAY + timedelta(days=7)
    placement = add_outcome(
        engine,
        NewOutcome(
            citizen_id=citizens[1], kind=OutcomeKind.INTERNSHIP, start=start, trip_id=trip_id,
            aim="Lønnede timer efter 13 uger",
        ),
    )  # fmt: skip
    review = start + timedelta(weeks=13)
    # Running and before its review: a next step.
    assert stalled_citizens(engine, today=review, citizen_id=citizens[1]) == []
    after = review + timedelta(days=1)
    (row,) = stalled_citizens(engine, today=after, citizen_id=citizens[1])
    assert row.since == review
    assert row.reason == "praktikken er forbi sin evalueringsdato uden en beslutning"
    # A decision (the placement ended) and no next step: stalled after the ended outcome.
    end_outcome(engine, placement, review)
    (row,) = stalled_citizens(engine, today=after, citizen_id=citizens[1])
    assert (row.since, row.reason) == (review, "intet næste skridt efter et afsluttet forløb")
