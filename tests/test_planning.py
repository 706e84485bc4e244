"""Planning a trip's visits, group and staff: one module, one style (rfk_trips.trips.planning).

Every operation takes the trip's version as `expected_version`, refuses a stale one without
changing anything, and answers with the trip's new version and what it concerned.
"""

from collections.abc import Callable
from datetime import time

import pytest
from sqlalchemy.engine import Engine

from rfk_trips.rules.errors import StaleVersionError
from rfk_trips.trips import planning, trip_service
from rfk_trips.trips.planning import Planned
from storage.codes import StaffRole
from storage.models import Staff
from storage.sessions import session_scope
from tests.trip_builders import planned_trip

Change = Callable[[Engine, int, int], Planned]


def _world(engine: Engine) -> tuple[int, list[int], list[int], int]:
    """A planned trip, its citizens (the last one not on it), its first visit and a staff id."""
    trip_id, citizens = planned_trip(engine, people=8)
    planning.remove_participant(engine, trip_id, citizens[-1])
    with session_scope(engine) as session:
        member = Staff(name="Lise Lund", initials="LL", role=StaffRole.JOB_BROKER)
        session.add(member)
        session.flush()
        staff_id = member.id or 0
    planning.add_staff(engine, trip_id, [staff_id])
    visit_id = trip_service.trip_detail(engine, trip_id).visits[0].id
    return trip_id, citizens, [visit_id], staff_id


def _changes(citizens: list[int], visit_id: int, staff_id: int) -> dict[str, Change]:
    outsider = citizens[-1]
    return {
        "add_participants": lambda e, trip, v: planning.add_participants(
            e, trip, [outsider], expected_version=v
        ),
        "remove_participant": lambda e, trip, v: planning.remove_participant(
            e, trip, citizens[0], expected_version=v
        ),
        "update_visit": lambda e, trip, v: planning.update_visit(
            e,
            trip,
            visit_id,
            start=time(9, 30),
            end=time(11),
            showing="Lageret",
            host_contact="Jens",
            confirmed=True,
            expected_version=v,
        ),
        "toggle_visit_confirmed": lambda e, trip, v: planning.toggle_visit_confirmed(
            e, trip, visit_id, expected_version=v
        ),
        "remove_visit": lambda e, trip, v: planning.remove_visit(
            e, trip, visit_id, expected_version=v
        ),
        "add_staff_as_lead": lambda e, trip, v: planning.add_staff(
            e, trip, [staff_id], lead=True, expected_version=v
        ),
        "remove_staff": lambda e, trip, v: planning.remove_staff(
            e, trip, staff_id, expected_version=v
        ),
    }


CHANGES = [
    "add_participants",
    "remove_participant",
    "update_visit",
    "toggle_visit_confirmed",
    "remove_visit",
    "add_staff_as_lead",
    "remove_staff",
]


@pytest.mark.parametrize("name", CHANGES)
def test_a_change_answers_with_the_new_version(engine: Engine, name: str) -> None:
    trip_id, citizens, (visit_id,), staff_id = _world(engine)
    before = trip_service.trip_detail(engine, trip_id).version
    planned = _changes(citizens, visit_id, staff_id)[name](engine, trip_id, before)
    after = trip_service.trip_detail(engine, trip_id)
    assert planned.version == after.version == before + 1
    assert planned.ids


@pytest.mark.parametrize("name", CHANGES)
def test_a_stale_version_is_refused_and_changes_nothing(engine: Engine, name: str) -> None:
    trip_id, citizens, (visit_id,), staff_id = _world(engine)
    before = trip_service.trip_detail(engine, trip_id)
    with pytest.raises(StaleVersionError):
        _changes(citizens, visit_id, staff_id)[name](engine, trip_id, before.version - 1)
    assert trip_service.trip_detail(engine, trip_id) == before


def test_adding_says_whom_and_what_it_added(engine: Engine) -> None:
    trip_id, citizens, _visits, staff_id = _world(engine)
    added = planning.add_participants(engine, trip_id, [citizens[-1], citizens[-1]])
    assert added.ids == (citizens[-1],)
    assert added.names == ("Borger 08",)
    detail = trip_service.trip_detail(engine, trip_id)
    visit = planning.add_visit(
        engine, trip_id, detail.visits[0].company_id, start=time(15), end=time(16)
    )
    assert visit.names == ("Nakskov Stål A/S",)
    assert visit.ids[0] in {v.id for v in trip_service.trip_detail(engine, trip_id).visits}
    assert planning.remove_staff(engine, trip_id, staff_id).ids == (staff_id,)
