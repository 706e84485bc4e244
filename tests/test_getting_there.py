"""Getting people there and preparing the day (issue 21), through the services on a real
database: the referral gate, the open agenda slot, host rotation, dated agreements."""

from dataclasses import replace
from datetime import time, timedelta

import pytest
from sqlalchemy.engine import Engine

from rfk_trips.rules.errors import UserError
from rfk_trips.trips import host_rotation, planning, trip_editing, trip_service
from storage.codes import ProgrammeKind, TripStatus
from storage.models import Citizen
from storage.sessions import session_scope
from tests.conftest import TODAY
from tests.trip_builders import DAY, planned_trip


def _codes(engine: Engine, trip_id: int) -> set[str]:
    return {f.code for f in trip_service.check(engine, trip_id, today=TODAY)}


def test_a_citizen_without_a_referral_cannot_be_added_and_nothing_is_added(
    engine: Engine,
) -> None:
    """R16: the whole change is refused with the Danish reason and what to do."""
    trip_id, citizens = planned_trip(engine)
    with session_scope(engine) as session:
        unreferred = Citizen(name="Ulla Uvisiteret", phone="2999 0000")
        session.add(unreferred)
        session.flush()
        unreferred_id = unreferred.id or 0
    planning.remove_participant(engine, trip_id, citizens[0])
    before = trip_service.trip_detail(engine, trip_id)
    for reserve in (False, True):
        with pytest.raises(UserError) as refused:
            planning.add_participants(
                engine, trip_id, [citizens[0], unreferred_id], reserve=reserve
            )
        assert refused.value.message == (
            "Ulla Uvisiteret kan ikke komme med: borgeren er ikke visiteret til tilbuddet. "
            "Skriv visitationsdatoen på borgeren under Borgere (F3), og tilføj så borgeren igen."
        )
    after = trip_service.trip_detail(engine, trip_id)
    assert after.participants == before.participants and after.version == before.version


def test_the_open_agenda_slot_stays_on_the_trip_and_is_not_filled_in_beforehand(
    engine: Engine,
) -> None:
    """R10: the participants' own slot can be moved, not deleted or written over."""
    trip_id, _ = planned_trip(engine)
    detail = trip_service.trip_detail(engine, trip_id)
    programme = list(detail.programme)
    slot = next(i for i, item in enumerate(programme) if item.kind is ProgrammeKind.OPEN_AGENDA)
    without = programme[:slot] + programme[slot + 1 :]
    with pytest.raises(UserError, match="kan ikke slettes"):
        trip_editing.save_programme(engine, trip_id, detail.version, without)
    filled = [*programme]
    filled[slot] = replace(programme[slot], text="Snak om løn og arbejdstider")
    with pytest.raises(UserError, match="udfyldes af deltagerne på dagen"):
        trip_editing.save_programme(engine, trip_id, detail.version, filled)
    assert trip_service.trip_detail(engine, trip_id).programme == detail.programme
    moved = [*programme]
    moved[slot] = replace(programme[slot], time="11:00")
    trip_editing.save_programme(engine, trip_id, detail.version, moved)
    assert trip_service.trip_detail(engine, trip_id).programme[slot].time == "11:00"


def test_a_programme_save_keeps_what_is_physically_demanding(engine: Engine) -> None:
    trip_id, _ = planned_trip(engine)
    detail = trip_service.trip_detail(engine, trip_id)
    assert [item.text for item in detail.programme if item.demanding] == ["Skovtur"]
    lines = [replace(item, text=f" {item.text} ") for item in detail.programme]
    trip_editing.save_programme(engine, trip_id, detail.version, lines)
    again = trip_service.trip_detail(engine, trip_id).programme
    assert [item.text for item in again if item.demanding] == ["Skovtur"]


def test_confirming_a_visit_dates_the_agreement_and_withdrawing_it_clears_the_date(
    engine: Engine,
) -> None:
    trip_id, _ = planned_trip(engine)
    visit = trip_service.trip_detail(engine, trip_id).visits[0]
    assert "agreement_undated" not in _codes(engine, trip_id)
    planning.toggle_visit_confirmed(engine, trip_id, visit.id)
    assert trip_service.trip_detail(engine, trip_id).visits[0].agreed_on == TODAY
    planning.toggle_visit_confirmed(engine, trip_id, visit.id)
    assert trip_service.trip_detail(engine, trip_id).visits[0].agreed_on is None


def test_a_host_with_three_trips_in_twelve_months_is_warned_of_at_the_fourth(
    engine: Engine,
) -> None:
    """R08: cancelled trips and trips more than 12 months before do not count."""
    trip_id, _ = planned_trip(engine)
    company_id = trip_service.trip_detail(engine, trip_id).visits[0].company_id

    def earlier(days_before: int, status: TripStatus = TripStatus.COMPLETED) -> None:
        other = trip_service.create_trip(
            engine, format_code="custom", trip_date=DAY - timedelta(days=days_before)
        )
        planning.add_visit(engine, other, company_id, start=time(10), end=time(11))
        if status is not TripStatus.DRAFT:
            trip_service.set_status(engine, other, status)

    earlier(30)
    earlier(200)
    earlier(400)  # more than a year before: not counted
    earlier(60, TripStatus.CANCELLED)
    assert "host_often" not in _codes(engine, trip_id)
    earlier(364)
    findings = trip_service.check(engine, trip_id, today=TODAY)
    assert [f.message for f in findings if f.code == "host_often"] == [
        "Nakskov Stål A/S har haft 3 ture de seneste 12 måneder (grænse 3): overvej en anden "
        "virksomhed, så flere kommer med."
    ]
    host_rotation.set_host_trip_limit(engine, 4)
    assert host_rotation.read_host_trip_limit(engine) == 4
    assert "host_often" not in _codes(engine, trip_id)
    with pytest.raises(UserError):
        host_rotation.set_host_trip_limit(engine, 0)


def test_the_agreement_date_is_typed_kept_and_never_after_today(engine: Engine) -> None:
    """R12: Enter on a visit writes the day the host said yes; an edit that leaves it out keeps
    it; a day after today is refused and changes nothing."""
    trip_id, _ = planned_trip(engine)
    visit = trip_service.trip_detail(engine, trip_id).visits[0]

    def edit(**changes: object) -> None:
        values: dict[str, object] = {
            "start": visit.start_time, "end": visit.end_time, "showing": "",
            "host_contact": "", "confirmed": True, **changes,
        }  # fmt: skip
        planning.update_visit(engine, trip_id, visit.id, **values)  # type: ignore[arg-type]

    edit(agreed_on=TODAY - timedelta(days=10))
    assert trip_service.trip_detail(engine, trip_id).visits[0].agreed_on == TODAY - timedelta(10)
    edit(showing="Lageret")  # agreed_on not given: kept
    assert trip_service.trip_detail(engine, trip_id).visits[0].agreed_on == TODAY - timedelta(10)
    with pytest.raises(UserError, match="efter i dag"):
        edit(agreed_on=TODAY + timedelta(days=1))
    assert trip_service.trip_detail(engine, trip_id).visits[0].agreed_on == TODAY - timedelta(10)
    edit(confirmed=False, agreed_on=TODAY)  # withdrawn: no date
    assert trip_service.trip_detail(engine, trip_id).visits[0].agreed_on is None
