"""The planning rules over varied inputs (hypothesis): each finding appears exactly when it should.

`test_trip_rules.py` pins each rule by example; here the counts, flags and cohorts vary and
every rule is held to its definition in the issue and DOMAIN.md R02–R16.
"""

from dataclasses import replace
from datetime import date, time

from hypothesis import given
from hypothesis import strategies as st

from rfk_trips.rules.company import HostFacts
from rfk_trips.rules.danish_holidays import holiday_name
from rfk_trips.rules.formats import BUILTIN_FORMATS, CUSTOM, GULDBORGSUND, LOLLAND
from rfk_trips.rules.trip import (
    CitizenFacts,
    SameDayBookings,
    Severity,
    StaffFacts,
    TripFacts,
    VisitFacts,
    check_trip,
    has_errors,
)
from tests.trip_facts import A_TUESDAY, COHORT, TODAY, citizens, staff

HOST = HostFacts(1, "Nakskov Stål A/S", placement_experience=True)
formats = st.sampled_from(BUILTIN_FORMATS)


def visits_for(n: int) -> tuple[VisitFacts, ...]:
    """`n` visits of an hour each, 09:00, 10:00, …, each at its own experienced host."""
    return tuple(
        VisitFacts(
            i + 1, replace(HOST, company_id=i + 1, name=f"Vært {i}"), time(9 + i), time(10 + i)
        )
        for i in range(n)
    )


def trip(**changes: object) -> TripFacts:
    """A custom-format trip with nothing wrong, for one rule at a time to be broken."""
    facts = TripFacts(
        trip_id=1,
        trip_date=A_TUESDAY,
        today=TODAY,
        format=CUSTOM,
        participants=citizens(8),
        staff=staff(2),
        visits=visits_for(1),
        meeting_time=time(8, 30),
        return_time=time(18, 0),
    )
    return replace(facts, **changes)  # type: ignore[arg-type]


def found(facts: TripFacts) -> dict[str, Severity]:
    return {f.code: f.severity for f in check_trip(facts)}


@given(fmt=formats, n=st.integers(min_value=0, max_value=5))
def test_visit_count_is_an_error_exactly_when_the_format_says_so(fmt: object, n: int) -> None:
    facts = trip(format=fmt, visits=visits_for(n))
    wanted = facts.format.visits
    wrong = n == 0 if wanted is None else n != wanted
    codes = found(facts)
    assert ("visit_count" in codes or "no_visits" in codes) == wrong
    if wrong:
        assert has_errors(check_trip(facts))


@given(
    flags=st.lists(st.booleans(), min_size=1, max_size=3),
    fmt=st.sampled_from([GULDBORGSUND, LOLLAND, CUSTOM]),
)
def test_experienced_host_is_needed_only_where_the_format_demands_it(
    flags: list[bool], fmt: object
) -> None:
    visits = tuple(
        VisitFacts(
            i + 1,
            HostFacts(i + 1, f"Vært {i}", placement_experience=flag, social_responsibility=True),
            time(9 + i),
            time(10 + i),
        )
        for i, flag in enumerate(flags)
    )
    facts = trip(format=fmt, visits=visits)
    missing = facts.format.requires_experienced_host and not any(flags)
    assert (found(facts).get("no_experienced_host") is Severity.ERROR) == missing


@given(
    fmt=formats,
    n=st.integers(min_value=0, max_value=6),
    lead=st.integers(min_value=-1, max_value=5),
)
def test_staff_count_and_lead(fmt: object, n: int, lead: int) -> None:
    members = tuple(StaffFacts(10 + i, f"M{i}", is_lead=i == lead) for i in range(n))
    facts = trip(format=fmt, staff=members, visits=visits_for(1))
    codes = found(facts)
    assert ("too_few_staff" in codes) == (n < facts.format.min_staff)
    assert ("no_lead" in codes) == (n > 0 and not 0 <= lead < n)


@given(
    participants=st.integers(min_value=6, max_value=15),
    members=st.integers(min_value=2, max_value=4),
    seats=st.one_of(st.none(), st.integers(min_value=1, max_value=25)),
    limit=st.one_of(st.none(), st.integers(min_value=1, max_value=25)),
)
def test_group_plus_staff_against_bus_seats_and_host_capacity(
    participants: int, members: int, seats: int | None, limit: int | None
) -> None:
    host = replace(HOST, max_visitors=limit)
    facts = trip(
        participants=citizens(participants),
        staff=staff(members),
        bus_seats=seats,
        visits=(VisitFacts(1, host, time(9), time(10)),),
    )
    people = participants + members
    codes = found(facts)
    assert (codes.get("bus_too_small") is Severity.ERROR) == (seats is not None and people > seats)
    assert (codes.get("host_capacity") is Severity.WARNING) == (
        limit is not None and people > limit
    )


@given(cohorts=st.lists(st.sampled_from(["uge 10", "uge 11", ""]), min_size=12, max_size=15))
def test_lolland_cohort_rule_flags_everyone_outside_the_main_cohort(cohorts: list[str]) -> None:
    participants = tuple(
        CitizenFacts(100 + i, f"B{i}", cohort=cohort) for i, cohort in enumerate(cohorts)
    )
    facts = trip(format=LOLLAND, participants=participants, staff=staff(3))
    flagged = {
        f.subject: (f.code, f.severity)
        for f in check_trip(facts)
        if f.code in ("cohort_mixed", "cohort_missing")
    }
    named = [c for c in cohorts if c]
    # The group's cohort is the one most of them share (the first named, on a tie).
    main = max(dict.fromkeys(named), key=named.count) if named else ""
    expected = {
        f"citizen:{100 + i}": ("cohort_missing" if not c else "cohort_mixed", Severity.WARNING)
        for i, c in enumerate(cohorts)
        if c != main or not c
    }
    assert flagged == expected
    # The same group in a format without the rule is never flagged for its cohorts.
    assert not any("cohort" in code for code in found(replace(facts, format=GULDBORGSUND)))


@given(earlier=st.lists(st.integers(min_value=0, max_value=4), min_size=12, max_size=15))
def test_trips_per_citizen_warns_past_the_quota(earlier: list[int]) -> None:
    participants = tuple(
        CitizenFacts(100 + i, f"B{i}", cohort=COHORT, earlier_trips_in_format=n)
        for i, n in enumerate(earlier)
    )
    facts = trip(format=LOLLAND, participants=participants, staff=staff(3))
    warned = {f.subject for f in check_trip(facts) if f.code == "trip_quota_exceeded"}
    quota = LOLLAND.trips_per_citizen or 0
    assert warned == {f"citizen:{100 + i}" for i, n in enumerate(earlier) if n >= quota}
    assert not any(
        f.code == "trip_quota_exceeded" for f in check_trip(replace(facts, format=CUSTOM))
    )


@given(
    seen=st.lists(st.frozensets(st.integers(min_value=1, max_value=4)), min_size=6, max_size=10),
    hosts=st.integers(min_value=1, max_value=3),
)
def test_never_the_same_company_twice_for_one_citizen(
    seen: list[frozenset[int]], hosts: int
) -> None:
    participants = tuple(
        CitizenFacts(100 + i, f"B{i}", earlier_company_ids=companies)
        for i, companies in enumerate(seen)
    )
    facts = trip(participants=participants, visits=visits_for(hosts))
    hosts_now = set(range(1, hosts + 1))
    errors = {(f.subject, f.severity) for f in check_trip(facts) if f.code == "same_company_again"}
    expected = {(f"citizen:{100 + i}", Severity.ERROR) for i, c in enumerate(seen) if c & hosts_now}
    assert errors == expected


@given(duty=st.lists(st.booleans(), min_size=6, max_size=15))
def test_every_citizen_without_attendance_duty_is_warned(duty: list[bool]) -> None:
    participants = tuple(
        CitizenFacts(100 + i, f"B{i}", attendance_duty=flag) for i, flag in enumerate(duty)
    )
    findings = check_trip(trip(participants=participants))
    warned = {f.subject for f in findings if f.code == "no_attendance_duty"}
    assert warned == {f"citizen:{100 + i}" for i, flag in enumerate(duty) if not flag}
    assert not has_errors(findings)


@given(
    booked_citizens=st.sets(st.integers(min_value=100, max_value=110)),
    booked_staff=st.sets(st.integers(min_value=10, max_value=12)),
    booked_companies=st.sets(st.integers(min_value=1, max_value=3)),
)
def test_booked_twice_on_one_day(
    booked_citizens: set[int], booked_staff: set[int], booked_companies: set[int]
) -> None:
    bookings = SameDayBookings(
        citizens=dict.fromkeys(booked_citizens, "Anden tur"),
        staff=dict.fromkeys(booked_staff, "Anden tur"),
        companies=dict.fromkeys(booked_companies, "Anden tur"),
    )
    facts = trip(participants=citizens(8), staff=staff(2), visits=visits_for(2), same_day=bookings)
    by_code: dict[str, set[str]] = {}
    for f in check_trip(facts):
        by_code.setdefault(f.code, set()).add(f.subject)
    assert by_code.get("citizen_double_booked", set()) == {
        f"citizen:{i}" for i in booked_citizens if 100 <= i < 108
    }
    assert by_code.get("staff_double_booked", set()) == {
        f"staff:{i}" for i in booked_staff if i < 12
    }
    assert by_code.get("company_double_booked", set()) == {
        f"company:{i}" for i in booked_companies if i <= 2
    }


@given(day=st.dates(min_value=date(2025, 1, 1), max_value=date(2030, 12, 31)))
def test_holidays_and_past_dates_are_warnings_exactly_when_they_apply(day: date) -> None:
    codes = found(trip(trip_date=day))
    assert ("date_holiday" in codes) == (holiday_name(day) is not None)
    assert ("date_past" in codes) == (day < TODAY)
    assert all(codes[c] is Severity.WARNING for c in codes if c.startswith("date_"))
