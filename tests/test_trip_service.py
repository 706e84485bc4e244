"""Planning a trip against a real SQLite database: one transaction per action."""

from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from rfk_trips.rules.errors import NotFoundError, StaleVersionError, UserError
from rfk_trips.rules.trip import Severity
from rfk_trips.trips import planning, trip_editing, trip_listing, trip_service
from storage.codes import Attendance, ProgrammeKind, StaffRole, TripStatus
from storage.models import Citizen, Company, Participation, Staff, Trip, Visit
from storage.sessions import session_scope
from tests.conftest import REFERRED

TODAY = date(2026, 11, 23)
DAY = date(2026, 12, 8)


def add_companies(engine: Engine) -> list[int]:
    with session_scope(engine) as session:
        rows = [
            Company(name="Nakskov Stål A/S", postcode="4900", placement_experience=True),
            Company(name="Maribo Kro", postcode="4930", social_responsibility=True),
            Company(name="Holeby Byg", postcode="4960", labour_shortage=True),
            Company(name="Lukket ApS", postcode="4900", social_responsibility=True, archived=True),
        ]
        session.add_all(rows)
        session.flush()
        return [row.id or 0 for row in rows]


def add_citizens(engine: Engine, n: int, cohort: str = "Springbrættet 2026 uge 48") -> list[int]:
    with session_scope(engine) as session:
        rows = [
            Citizen(
                referral_date=REFERRED,
                name=f"Borger {i:02d}",
                phone=f"2000 00{i:02d}",
                cohort=cohort,
            )
            for i in range(n)
        ]
        session.add_all(rows)
        session.flush()
        return [row.id or 0 for row in rows]


def add_staff(engine: Engine, n: int) -> list[int]:
    with session_scope(engine) as session:
        rows = [
            Staff(name=f"Ansat {i}", initials=f"AN{i}", role=StaffRole.JOB_BROKER) for i in range(n)
        ]
        session.add_all(rows)
        session.flush()
        return [row.id or 0 for row in rows]


def planned_lolland(
    engine: Engine, company: int, citizens: list[int], staff: list[int], day: date = DAY
) -> int:
    trip_id = trip_service.create_trip(engine, format_code="lolland", trip_date=day)
    planning.add_visit(
        engine, trip_id, company_id=company, start=time(13, 45), end=time(15, 15), confirmed=True
    )
    planning.add_participants(engine, trip_id, citizens)
    planning.add_staff(engine, trip_id, staff[:1], lead=True)
    planning.add_staff(engine, trip_id, staff[1:3])
    return trip_id


def test_new_trip_takes_the_format_defaults(engine: Engine) -> None:
    trip_id = trip_service.create_trip(engine, format_code="guldborgsund", trip_date=DAY)
    detail = trip_service.trip_detail(engine, trip_id)
    assert detail.status is TripStatus.DRAFT
    assert detail.meeting_time == time(8, 30)
    assert detail.municipality == "Guldborgsund"
    kinds = [item.kind for item in detail.programme]
    assert ProgrammeKind.OPEN_AGENDA.value in kinds
    assert ProgrammeKind.OUTING.value in kinds
    assert detail.title == "Bustur 08-12-2026"


def test_unknown_format_is_refused_with_the_choices(engine: Engine) -> None:
    with pytest.raises(UserError, match="guldborgsund"):
        trip_service.create_trip(engine, format_code="bornholm", trip_date=DAY)


def test_a_planned_lolland_trip_checks_clean_and_confirms(engine: Engine) -> None:
    companies = add_companies(engine)
    trip_id = planned_lolland(engine, companies[1], add_citizens(engine, 13), add_staff(engine, 3))
    assert trip_service.check(engine, trip_id, today=TODAY) == []
    assert trip_service.confirm_trip(engine, trip_id, today=TODAY) == []
    assert trip_service.trip_detail(engine, trip_id).status is TripStatus.CONFIRMED


def test_confirm_is_refused_while_an_error_stands(engine: Engine) -> None:
    companies = add_companies(engine)
    trip_id = planned_lolland(engine, companies[2], add_citizens(engine, 13), add_staff(engine, 3))
    with pytest.raises(UserError) as refused:
        trip_service.confirm_trip(engine, trip_id, today=TODAY)
    assert any("Holeby Byg" in detail for detail in refused.value.details)
    assert trip_service.trip_detail(engine, trip_id).status is TripStatus.DRAFT


def test_archived_company_cannot_be_added_as_host(engine: Engine) -> None:
    companies = add_companies(engine)
    trip_id = trip_service.create_trip(engine, format_code="lolland", trip_date=DAY)
    with pytest.raises(UserError, match="arkiveret"):
        planning.add_visit(engine, trip_id, company_id=companies[3], start=time(14), end=time(15))
    with pytest.raises(NotFoundError):
        planning.add_visit(engine, trip_id, company_id=9999, start=time(14), end=time(15))


def test_adding_participants_is_all_or_nothing(engine: Engine) -> None:
    citizens = add_citizens(engine, 3)
    trip_id = trip_service.create_trip(engine, format_code="lolland", trip_date=DAY)
    with pytest.raises(NotFoundError, match="9999"):
        planning.add_participants(engine, trip_id, [*citizens, 9999])
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(Participation)) == 0
    assert len(planning.add_participants(engine, trip_id, citizens).ids) == 3
    with pytest.raises(UserError, match="allerede"):
        planning.add_participants(engine, trip_id, citizens[:1])


def test_reserve_can_be_moved_in_and_removed(engine: Engine) -> None:
    citizens = add_citizens(engine, 2)
    trip_id = trip_service.create_trip(engine, format_code="lolland", trip_date=DAY)
    planning.add_participants(engine, trip_id, citizens[:1], reserve=True)
    planning.add_participants(engine, trip_id, citizens[:1])
    roles = {
        p.citizen_id: p.role.value for p in trip_service.trip_detail(engine, trip_id).participants
    }
    assert roles == {citizens[0]: "participant"}
    assert planning.remove_participant(engine, trip_id, citizens[0]).names == ("Borger 00",)
    with pytest.raises(UserError, match="ikke med"):
        planning.remove_participant(engine, trip_id, citizens[1])


def test_only_one_lead(engine: Engine) -> None:
    staff = add_staff(engine, 3)
    trip_id = trip_service.create_trip(engine, format_code="lolland", trip_date=DAY)
    with pytest.raises(UserError):
        planning.add_staff(engine, trip_id, staff[:2], lead=True)
    planning.add_staff(engine, trip_id, staff[:2])
    planning.add_staff(engine, trip_id, staff[1:2], lead=True)
    planning.add_staff(engine, trip_id, staff[0:1], lead=True)
    leads = [s.staff_id for s in trip_service.trip_detail(engine, trip_id).staff if s.is_lead]
    assert leads == [staff[0]]


def test_double_booking_across_trips_the_same_day(engine: Engine) -> None:
    companies = add_companies(engine)
    citizens = add_citizens(engine, 14)
    staff = add_staff(engine, 4)
    first = planned_lolland(engine, companies[0], citizens[:13], staff[:3])
    second = trip_service.create_trip(
        engine, format_code="lolland", trip_date=DAY, title="Anden tur"
    )
    planning.add_participants(engine, second, [citizens[0]])
    planning.add_staff(engine, second, [staff[0]], lead=True)
    planning.add_visit(engine, second, company_id=companies[0], start=time(13, 45), end=time(15))
    found = {(f.code, f.subject) for f in trip_service.check(engine, first, today=TODAY)}
    assert ("citizen_double_booked", f"citizen:{citizens[0]}") in found
    assert ("staff_double_booked", f"staff:{staff[0]}") in found
    assert ("company_double_booked", f"company:{companies[0]}") in found
    trip_service.cancel_trip(engine, second)
    assert trip_service.check(engine, first, today=TODAY) == []


def test_lolland_quota_and_same_company_use_the_citizens_history(engine: Engine) -> None:
    companies = add_companies(engine)
    citizens = add_citizens(engine, 13)
    staff = add_staff(engine, 3)
    planned_lolland(engine, companies[0], citizens, staff, day=date(2026, 10, 6))
    planned_lolland(engine, companies[1], citizens, staff, day=date(2026, 10, 20))
    third = planned_lolland(engine, companies[0], citizens, staff)
    found = trip_service.check(engine, third, today=TODAY)
    by_citizen = {(f.code, f.subject): f.severity for f in found}
    assert by_citizen[("trip_quota_exceeded", f"citizen:{citizens[0]}")] is Severity.WARNING
    assert by_citizen[("same_company_again", f"citizen:{citizens[0]}")] is Severity.ERROR


def test_excused_trips_do_not_count_against_the_citizen(engine: Engine) -> None:
    companies = add_companies(engine)
    citizens = add_citizens(engine, 13)
    staff = add_staff(engine, 3)
    earlier = planned_lolland(engine, companies[0], citizens, staff, day=date(2026, 10, 6))
    with session_scope(engine) as session:
        for row in session.scalars(select(Participation).where(Participation.trip_id == earlier)):
            row.attendance = Attendance.EXCUSED
    again = planned_lolland(engine, companies[0], citizens, staff)
    assert trip_service.check(engine, again, today=TODAY) == []


def test_stale_version_is_refused_and_nothing_is_written(engine: Engine) -> None:
    companies = add_companies(engine)
    trip_id = trip_service.create_trip(engine, format_code="lolland", trip_date=DAY)
    seen = trip_service.trip_detail(engine, trip_id).version
    planning.add_visit(engine, trip_id, company_id=companies[0], start=time(14), end=time(15))
    with pytest.raises(StaleVersionError, match="ændret af en anden"):
        planning.add_visit(
            engine,
            trip_id,
            company_id=companies[1],
            start=time(15),
            end=time(16),
            expected_version=seen,
        )
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(Visit)) == 1
        trip = session.get(Trip, trip_id)
        assert trip is not None and trip.version == seen + 1


def test_cancelled_and_completed_trips_cannot_be_changed(engine: Engine) -> None:
    citizens = add_citizens(engine, 1)
    trip_id = trip_service.create_trip(engine, format_code="lolland", trip_date=DAY)
    trip_service.cancel_trip(engine, trip_id)
    with pytest.raises(UserError, match="aflyst"):
        planning.add_participants(engine, trip_id, citizens)
    done = trip_service.create_trip(engine, format_code="lolland", trip_date=DAY)
    with session_scope(engine) as session:
        trip = session.get(Trip, done)
        assert trip is not None
        trip.status = TripStatus.COMPLETED
    with pytest.raises(UserError, match="gennemført"):
        trip_service.cancel_trip(engine, done)


def test_visits_are_numbered_in_time_order(engine: Engine) -> None:
    companies = add_companies(engine)
    trip_id = trip_service.create_trip(engine, format_code="guldborgsund", trip_date=DAY)
    planning.add_visit(engine, trip_id, company_id=companies[1], start=time(13), end=time(14, 30))
    planning.add_visit(
        engine, trip_id, company_id=companies[0], start=time(9, 15), end=time(10, 45)
    )
    visits = trip_service.trip_detail(engine, trip_id).visits
    assert [(v.position, v.company_name) for v in visits] == [
        (1, "Nakskov Stål A/S"),
        (2, "Maribo Kro"),
    ]
    with pytest.raises(UserError):
        planning.add_visit(engine, trip_id, company_id=companies[0], start=time(11), end=time(10))


def test_list_trips_filters_by_date_and_status(demo_engine: Engine) -> None:
    everything = trip_listing.list_trips(demo_engine)
    assert len(everything) >= 50
    assert [t.trip_date for t in everything] == sorted(t.trip_date for t in everything)
    upcoming = trip_listing.list_trips(demo_engine, date_from=TODAY)
    assert upcoming and all(t.trip_date >= TODAY for t in upcoming)
    completed = trip_listing.list_trips(demo_engine, status=TripStatus.COMPLETED)
    assert completed and all(
        t.status is TripStatus.COMPLETED and t.trip_date < TODAY for t in completed
    )


def test_demo_trips_follow_the_rules(demo_engine: Engine) -> None:
    for trip in trip_listing.list_trips(demo_engine):
        findings = trip_service.check(demo_engine, trip.id, today=TODAY)
        errors = [f.message for f in findings if f.severity is Severity.ERROR]
        assert not errors, (trip.title, errors)


def test_moving_the_meeting_time_is_flagged_until_the_programme_follows(engine: Engine) -> None:
    trip_id = trip_service.create_trip(
        engine, format_code="guldborgsund", trip_date=TODAY + timedelta(days=8), title="Tur"
    )
    values = trip_editing.details_form_values(engine, trip_id)
    version = trip_service.trip_detail(engine, trip_id).version
    version = trip_editing.save_details(
        engine, trip_id, version, values | {"meeting_time": "09:00"}, today=TODAY
    )
    found = {f.code: f.subject for f in trip_service.check(engine, trip_id, today=TODAY)}
    assert found["programme_meeting_time"] == "programme:1"
    assert found["programme_before_meeting"] == "programme:2"
    lines = list(trip_service.trip_detail(engine, trip_id).programme)
    lines[0] = replace(lines[0], time="09:00")
    lines[1] = replace(lines[1], time="09:15")
    trip_editing.save_programme(engine, trip_id, version, lines)
    codes = {f.code for f in trip_service.check(engine, trip_id, today=TODAY)}
    assert not {c for c in codes if c.startswith("programme_")}
