"""The planning rules as pure functions: facts in, findings out."""

from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rfk_trips.rules.company import Criterion, HostFacts, criteria_met, qualifies
from rfk_trips.rules.formats import CUSTOM, GULDBORGSUND, LOLLAND, ProgrammeItem
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
from storage.codes import ProgrammeKind, StaffRole
from tests.trip_facts import A_TUESDAY, TODAY, citizens, staff

EXPERIENCED = HostFacts(1, "Nakskov Stål A/S", placement_experience=True)
RESPONSIBLE = HostFacts(2, "Maribo Kro", social_responsibility=True, max_visitors=30)
SHORT_WITH_TASKS = HostFacts(3, "Rødby Lager", labour_shortage=True, tasks=("pakning",))
SHORT_NO_TASKS = HostFacts(4, "Holeby Byg", labour_shortage=True)


def guldborgsund_trip(**changes: object) -> TripFacts:
    facts = TripFacts(
        trip_id=1,
        trip_date=A_TUESDAY,
        today=TODAY,
        format=GULDBORGSUND,
        participants=citizens(8, cohort=""),
        staff=staff(2, StaffRole.COMPANY_CONSULTANT),
        visits=(
            VisitFacts(1, EXPERIENCED, time(9, 15), time(10, 45)),
            VisitFacts(2, RESPONSIBLE, time(13, 0), time(14, 30)),
        ),
        meeting_time=time(8, 30),
        return_time=time(15, 30),
        bus_seats=20,
    )
    return replace(facts, **changes)  # type: ignore[arg-type]


def lolland_trip(**changes: object) -> TripFacts:
    facts = TripFacts(
        trip_id=2,
        trip_date=A_TUESDAY,
        today=TODAY,
        format=LOLLAND,
        participants=citizens(13),
        staff=staff(3, StaffRole.JOB_BROKER),
        visits=(VisitFacts(3, RESPONSIBLE, time(13, 45), time(15, 15)),),
        meeting_time=time(13, 0),
        return_time=time(16, 0),
    )
    return replace(facts, **changes)  # type: ignore[arg-type]


def codes(facts: TripFacts) -> dict[str, Severity]:
    return {finding.code: finding.severity for finding in check_trip(facts)}


def test_well_planned_trips_have_no_findings() -> None:
    assert check_trip(guldborgsund_trip()) == []
    assert check_trip(lolland_trip()) == []


# --- company qualification (R05) ----------


def test_each_criterion_alone_qualifies_a_host() -> None:
    assert criteria_met(EXPERIENCED) == (Criterion.PLACEMENT_EXPERIENCE,)
    assert criteria_met(RESPONSIBLE) == (Criterion.SOCIAL_RESPONSIBILITY,)
    assert criteria_met(SHORT_WITH_TASKS) == (Criterion.LABOUR_SHORTAGE_WITH_TASKS,)
    assert all(qualifies(host) for host in (EXPERIENCED, RESPONSIBLE, SHORT_WITH_TASKS))


def test_labour_shortage_without_tasks_does_not_qualify() -> None:
    assert criteria_met(SHORT_NO_TASKS) == ()
    assert not qualifies(SHORT_NO_TASKS)
    assert not qualifies(replace(SHORT_NO_TASKS, tasks=("  ",)))


def test_archived_company_never_qualifies() -> None:
    assert not qualifies(replace(EXPERIENCED, archived=True))


@given(
    experience=st.booleans(),
    social=st.booleans(),
    shortage=st.booleans(),
    tasks=st.lists(st.text(min_size=1, max_size=10).filter(str.strip), max_size=3),
)
def test_qualifies_iff_at_least_one_criterion(
    experience: bool, social: bool, shortage: bool, tasks: list[str]
) -> None:
    host = HostFacts(9, "X", experience, social, shortage, tuple(tasks))
    assert qualifies(host) == (experience or social or (shortage and bool(tasks)))


def test_unqualified_host_is_an_error() -> None:
    facts = guldborgsund_trip(
        visits=(
            VisitFacts(1, EXPERIENCED, time(9, 15), time(10, 45)),
            VisitFacts(2, SHORT_NO_TASKS, time(13, 0), time(14, 30)),
        )
    )
    findings = check_trip(facts)
    assert [(f.code, f.subject) for f in findings] == [("host_not_qualified", "company:4")]
    assert "Holeby Byg" in findings[0].message
    assert has_errors(findings)


def test_archived_host_is_an_error() -> None:
    facts = lolland_trip(
        visits=(VisitFacts(3, replace(RESPONSIBLE, archived=True), time(14), time(15)),)
    )
    assert codes(facts) == {"host_archived": Severity.ERROR}


# --- group size (R02) ----------


@given(n=st.integers(min_value=0, max_value=30))
def test_group_size_against_hard_range_and_format(n: int) -> None:
    found = codes(guldborgsund_trip(participants=citizens(n, cohort=""), bus_seats=None))
    if n < 6:
        assert found.get("group_below_minimum") is Severity.ERROR
    elif n > 15:
        assert found.get("group_above_maximum") is Severity.ERROR
    elif n > 12:
        assert found.get("group_above_format") is Severity.WARNING
    else:
        assert not {c for c in found if c.startswith("group_")}


def test_lolland_group_below_twelve_is_a_warning() -> None:
    assert codes(lolland_trip(participants=citizens(10))) == {
        "group_below_format": Severity.WARNING
    }


def test_reserves_are_not_counted_in_the_group() -> None:
    # The facts only carry participants; a trip of five plus reserves is still too small.
    assert "group_below_minimum" in codes(guldborgsund_trip(participants=citizens(5, cohort="")))


# --- visits (R03, R04) ----------


def test_guldborgsund_needs_exactly_two_visits() -> None:
    one = guldborgsund_trip(visits=(VisitFacts(1, EXPERIENCED, time(9, 15), time(10, 45)),))
    assert codes(one) == {"visit_count": Severity.ERROR}


def test_lolland_needs_exactly_one_visit() -> None:
    two = lolland_trip(
        visits=(
            VisitFacts(3, RESPONSIBLE, time(13, 15), time(14, 0)),
            VisitFacts(4, EXPERIENCED, time(14, 30), time(15, 30)),
        )
    )
    assert codes(two) == {"visit_count": Severity.ERROR}


def test_custom_format_needs_at_least_one_visit() -> None:
    facts = guldborgsund_trip(format=CUSTOM, visits=())
    assert codes(facts) == {"no_visits": Severity.ERROR}
    assert "no_visits" not in codes(guldborgsund_trip(format=CUSTOM))


def test_guldborgsund_needs_one_host_with_placement_experience() -> None:
    facts = guldborgsund_trip(
        visits=(
            VisitFacts(1, SHORT_WITH_TASKS, time(9, 15), time(10, 45)),
            VisitFacts(2, RESPONSIBLE, time(13, 0), time(14, 30)),
        )
    )
    assert codes(facts) == {"no_experienced_host": Severity.ERROR}
    # Lolland has no such rule.
    assert (
        check_trip(lolland_trip(visits=(VisitFacts(3, SHORT_WITH_TASKS, time(14), time(15)),)))
        == []
    )


def test_overlapping_visits_are_an_error() -> None:
    facts = guldborgsund_trip(
        visits=(
            VisitFacts(1, EXPERIENCED, time(9, 15), time(11, 0)),
            VisitFacts(2, RESPONSIBLE, time(10, 30), time(12, 0)),
        )
    )
    assert codes(facts) == {"visits_overlap": Severity.ERROR}


def test_visit_ending_before_it_starts_is_an_error() -> None:
    facts = lolland_trip(visits=(VisitFacts(3, RESPONSIBLE, time(15, 0), time(14, 0)),))
    assert codes(facts) == {"visit_ends_before_start": Severity.ERROR}


def test_visit_outside_the_day_is_an_error() -> None:
    facts = lolland_trip(visits=(VisitFacts(3, RESPONSIBLE, time(15, 30), time(16, 30)),))
    assert codes(facts) == {"visit_outside_day": Severity.ERROR}
    early = lolland_trip(visits=(VisitFacts(3, RESPONSIBLE, time(12, 0), time(13, 30)),))
    assert codes(early) == {"visit_outside_day": Severity.ERROR}


@given(
    starts=st.lists(st.integers(min_value=9 * 60, max_value=14 * 60), min_size=2, max_size=2),
    lengths=st.lists(st.integers(min_value=15, max_value=120), min_size=2, max_size=2),
)
def test_overlap_found_exactly_when_intervals_intersect(
    starts: list[int], lengths: list[int]
) -> None:
    def at(minutes: int) -> time:
        return time(minutes // 60, minutes % 60)

    visits = tuple(
        VisitFacts(i, host, at(s), at(s + n))
        for i, (host, s, n) in enumerate(
            zip((EXPERIENCED, RESPONSIBLE), starts, lengths, strict=True)
        )
    )
    facts = guldborgsund_trip(visits=visits, return_time=time(23, 0))
    (a_start, b_start), (a_len, b_len) = starts, lengths
    intersect = a_start < b_start + b_len and b_start < a_start + a_len
    assert ("visits_overlap" in codes(facts)) == intersect


# --- double bookings ----------


def test_citizen_and_staff_booked_twice_the_same_day_are_errors() -> None:
    bookings = SameDayBookings(
        citizens={100: "Anden tur"}, staff={11: "Anden tur"}, companies={1: "Anden tur"}
    )
    found = check_trip(guldborgsund_trip(same_day=bookings))
    by_code = {f.code: f for f in found}
    assert by_code["citizen_double_booked"].severity is Severity.ERROR
    assert by_code["citizen_double_booked"].subject == "citizen:100"
    assert by_code["staff_double_booked"].severity is Severity.ERROR
    assert by_code["company_double_booked"].severity is Severity.WARNING
    assert "Anden tur" in by_code["citizen_double_booked"].message


# --- staff (R13) ----------


def test_too_few_staff_and_missing_lead() -> None:
    assert codes(lolland_trip(staff=staff(2))) == {"too_few_staff": Severity.ERROR}
    no_lead = tuple(replace(member, is_lead=False) for member in staff(3, StaffRole.JOB_BROKER))
    assert codes(lolland_trip(staff=no_lead)) == {"no_lead": Severity.ERROR}


# --- cohort and trips per citizen (R14, R15) ----------


def test_lolland_participants_from_another_cohort_are_warned() -> None:
    group = (*citizens(12), CitizenFacts(999, "Udefra", cohort="Springbrættet 2026 uge 40"))
    found = check_trip(lolland_trip(participants=group))
    assert [(f.code, f.subject, f.severity) for f in found] == [
        ("cohort_mixed", "citizen:999", Severity.WARNING)
    ]


def test_cohort_rule_applies_only_to_single_cohort_formats() -> None:
    mixed = tuple(CitizenFacts(i, f"B{i}", cohort=f"hold {i}") for i in range(8))
    assert "cohort_mixed" not in codes(guldborgsund_trip(participants=mixed))


def test_third_lolland_trip_is_warned() -> None:
    group = (*citizens(12), CitizenFacts(999, "Tredje gang", "Springbrættet 2026 uge 48", True, 2))
    found = check_trip(lolland_trip(participants=group))
    assert [(f.code, f.severity) for f in found] == [("trip_quota_exceeded", Severity.WARNING)]
    assert "nr. 3" in found[0].message
    second = (*citizens(12), CitizenFacts(999, "Anden gang", "Springbrættet 2026 uge 48", True, 1))
    assert check_trip(lolland_trip(participants=second)) == []


def test_never_the_same_company_twice_for_a_citizen() -> None:
    group = (
        *citizens(12),
        CitizenFacts(999, "Igen", "Springbrættet 2026 uge 48", True, 1, frozenset({2})),
    )
    found = check_trip(lolland_trip(participants=group))
    assert [(f.code, f.subject, f.severity) for f in found] == [
        ("same_company_again", "citizen:999", Severity.ERROR)
    ]
    assert "Maribo Kro" in found[0].message


# --- dates ----------


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (date(2026, 12, 5), "date_weekend"),  # Saturday
        (date(2026, 12, 6), "date_weekend"),  # Sunday
        (date(2026, 12, 25), "date_holiday"),  # Juledag, a Friday
        (date(2027, 3, 25), "date_holiday"),  # Skærtorsdag
    ],
)
def test_weekends_and_holidays_are_warnings(day: date, code: str) -> None:
    found = check_trip(guldborgsund_trip(trip_date=day))
    assert (code, Severity.WARNING) in [(f.code, f.severity) for f in found]
    assert not has_errors(found)


def test_holiday_warning_names_the_holiday() -> None:
    found = check_trip(guldborgsund_trip(trip_date=date(2026, 12, 25)))
    assert any("Juledag" in f.message for f in found)


def test_past_date_is_a_warning_not_an_error_unless_completed() -> None:
    past = guldborgsund_trip(trip_date=date(2026, 10, 6))
    assert codes(past) == {"date_past": Severity.WARNING}
    assert codes(replace(past, completed=True)) == {}


@given(day=st.dates(min_value=date(2025, 1, 1), max_value=date(2030, 12, 31)))
def test_date_findings_are_never_errors(day: date) -> None:
    found = [f for f in check_trip(guldborgsund_trip(trip_date=day)) if f.code.startswith("date_")]
    assert all(f.severity is Severity.WARNING for f in found)
    assert ("date_weekend" in {f.code for f in found}) == (day.weekday() >= 5)


# --- capacity (R07, R12) ----------


def test_bus_too_small_is_an_error_and_host_capacity_a_warning() -> None:
    assert codes(guldborgsund_trip(bus_seats=9)) == {"bus_too_small": Severity.ERROR}
    small_host = replace(RESPONSIBLE, max_visitors=8)
    facts = guldborgsund_trip(
        visits=(
            VisitFacts(1, EXPERIENCED, time(9, 15), time(10, 45)),
            VisitFacts(2, small_host, time(13, 0), time(14, 30)),
        )
    )
    assert codes(facts) == {"host_capacity": Severity.WARNING}


# --- attendance duty (R16) ----------


def test_citizen_without_attendance_duty_is_warned() -> None:
    group = (*citizens(7, cohort=""), CitizenFacts(999, "Frivillig", attendance_duty=False))
    found = check_trip(guldborgsund_trip(participants=group))
    assert [(f.code, f.subject) for f in found] == [("no_attendance_duty", "citizen:999")]


def test_errors_come_before_warnings() -> None:
    facts = guldborgsund_trip(trip_date=date(2026, 12, 5), staff=staff(1))
    severities = [f.severity for f in check_trip(facts)]
    assert severities == sorted(severities, key=lambda s: s is not Severity.ERROR)
    assert severities[0] is Severity.ERROR and severities[-1] is Severity.WARNING


def test_a_visit_not_confirmed_by_the_host_is_a_warning_until_the_trip_is_done() -> None:
    unconfirmed = VisitFacts(3, RESPONSIBLE, time(13, 45), time(15, 15), confirmed=False)
    facts = lolland_trip(visits=(unconfirmed,))
    assert [(f.code, f.subject, f.severity) for f in check_trip(facts)] == [
        ("visit_unconfirmed", "visit:3", Severity.WARNING)
    ]
    assert "Maribo Kro" in check_trip(facts)[0].message
    assert check_trip(replace(facts, completed=True)) == []


def _programme_findings(facts: TripFacts) -> list[tuple[str, str, Severity]]:
    return [
        (f.code, f.subject, f.severity)
        for f in check_trip(facts)
        if f.code.startswith("programme_")
    ]


def test_the_formats_own_programmes_agree_with_their_times() -> None:
    for facts in (
        guldborgsund_trip(programme=GULDBORGSUND.programme),
        lolland_trip(programme=LOLLAND.programme),
    ):
        assert _programme_findings(facts) == []


def test_a_meeting_moved_later_leaves_the_programme_behind() -> None:
    # Staff moved the meeting to 09:00 on the details tab; the programme still says 08:30.
    facts = guldborgsund_trip(programme=GULDBORGSUND.programme, meeting_time=time(9, 0))
    assert _programme_findings(facts) == [
        ("programme_meeting_time", "programme:1", Severity.WARNING),
        ("programme_before_meeting", "programme:2", Severity.WARNING),
    ]
    first = next(f for f in check_trip(facts) if f.code == "programme_meeting_time")
    assert first.message == (
        "Programmet siger kl. 08:30 for »Fremmøde og præsentation af dagens program«, men "
        "mødetiden er 09:00. Ret tiden i programmet eller mødetiden."
    )


def test_a_meeting_moved_earlier_and_an_item_after_the_return() -> None:
    facts = lolland_trip(
        programme=LOLLAND.programme, meeting_time=time(12, 45), return_time=time(15, 20)
    )
    assert _programme_findings(facts) == [
        ("programme_meeting_time", "programme:1", Severity.WARNING),
        ("programme_after_return", "programme:5", Severity.WARNING),
    ]


def test_untimed_items_and_a_trip_without_times_give_no_programme_findings() -> None:
    untimed = (ProgrammeItem("", "Deltagernes dagsorden", ProgrammeKind.OPEN_AGENDA),)
    assert _programme_findings(guldborgsund_trip(programme=untimed)) == []
    no_times = guldborgsund_trip(
        programme=GULDBORGSUND.programme, meeting_time=None, return_time=None
    )
    assert _programme_findings(no_times) == []


@given(
    st.lists(st.times().map(lambda at: at.replace(second=0, microsecond=0)), max_size=8),
    st.times().map(lambda at: at.replace(second=0, microsecond=0)),
)
def test_every_timed_item_before_the_meeting_is_flagged_once(
    times: list[time], meeting: time
) -> None:
    programme = tuple(
        ProgrammeItem(at.strftime("%H:%M"), f"Punkt {n}", ProgrammeKind.OTHER)
        for n, at in enumerate(times)
    )
    found = _programme_findings(
        guldborgsund_trip(programme=programme, meeting_time=meeting, return_time=None)
    )
    early = [f"programme:{n}" for n, at in enumerate(times, start=1) if at < meeting]
    assert [subject for _, subject, _ in found] == early


# --- getting there and preparing the day (issue 21) ----------


def test_a_format_short_of_a_wanted_role_warns_per_role() -> None:
    """R13: Lolland wants three jobformidlere; two and a caseworker is a warning, not an error."""
    team = (
        *staff(2, StaffRole.JOB_BROKER),
        StaffFacts(20, "Sara Sagsbehandler", False, StaffRole.CASEWORKER),
    )
    findings = [f for f in check_trip(lolland_trip(staff=team)) if f.code == "staff_role_short"]
    assert [(f.severity, f.subject) for f in findings] == [(Severity.WARNING, "role:job_broker")]
    assert "3 jobformidler" in findings[0].message and "har 2" in findings[0].message
    # Guldborgsund's two virksomhedskonsulenter: met; accompanying AMKs on top change nothing.
    assert "staff_role_short" not in codes(guldborgsund_trip())
    amk = StaffFacts(21, "Anders Arbejdsmarked", False, StaffRole.LABOUR_MARKET_CONSULTANT)
    with_amk = (*staff(2, StaffRole.COMPANY_CONSULTANT), amk)
    assert "staff_role_short" not in codes(guldborgsund_trip(staff=with_amk))


def test_a_bus_not_booked_a_week_ahead_is_warned_of_but_not_earlier() -> None:
    """R12: eight days before the trip it is too early to nag; seven days before it is not."""
    day = A_TUESDAY
    unbooked = {"bus_booked": False, "trip_date": day}
    assert "bus_not_booked" not in codes(lolland_trip(today=day - timedelta(days=8), **unbooked))
    warned = check_trip(lolland_trip(today=day - timedelta(days=7), **unbooked))
    assert [f.message for f in warned if f.code == "bus_not_booked"] == [
        "Der er 7 dag(e) til turen, og ingen bus er bestilt: skriv busselskab eller "
        "bookingnummer under Detaljer."
    ]
    assert "bus_not_booked" not in codes(lolland_trip(today=day - timedelta(days=2)))
    assert "bus_not_booked" not in codes(
        lolland_trip(today=day - timedelta(days=2), bus_booked=False, completed=True)
    )


def test_catering_for_another_count_than_participants_and_staff_is_a_warning() -> None:
    assert "catering_count" not in codes(lolland_trip(catering_count=16))  # 13 + 3
    assert codes(lolland_trip(catering_count=14))["catering_count"] is Severity.WARNING
    assert "catering_count" not in codes(lolland_trip(catering_count=None))


def test_a_confirmed_agreement_without_its_date_is_a_warning() -> None:
    undated = VisitFacts(3, RESPONSIBLE, time(13, 45), time(15, 15), agreement_dated=False)
    findings = check_trip(lolland_trip(visits=(undated,)))
    assert [(f.code, f.subject) for f in findings] == [("agreement_undated", "visit:3")]
    unconfirmed = replace(undated, confirmed=False)
    assert "agreement_undated" not in codes(lolland_trip(visits=(unconfirmed,)))


@pytest.mark.parametrize(("earlier", "warned"), [(2, False), (3, True), (7, True)])
def test_a_host_past_its_share_of_trips_in_a_year_is_warned_of(earlier: int, warned: bool) -> None:
    """R08: with the default limit of 3, a fourth trip in 12 months is one too many."""
    visit = VisitFacts(3, RESPONSIBLE, time(13, 45), time(15, 15), host_trips_last_year=earlier)
    assert ("host_often" in codes(lolland_trip(visits=(visit,)))) is warned
    assert "host_often" not in codes(lolland_trip(visits=(visit,), host_trip_limit=earlier + 1))


def test_a_physical_limitation_on_a_demanding_item_asks_for_an_alternative() -> None:
    """R24: one warning per demanding item, naming whom it concerns; none without either."""
    limited = replace(citizens(8, cohort="")[0], physical_limitation=True)
    group = (limited, *citizens(8, cohort="")[1:])
    programme = (
        ProgrammeItem("08:30", "Fremmøde", ProgrammeKind.MEETING),
        ProgrammeItem("11:15", "Skovtur", ProgrammeKind.OUTING, demanding=True),
        ProgrammeItem("13:00", "Produktionshallen", ProgrammeKind.VISIT, demanding=True),
    )
    findings = [
        f
        for f in check_trip(guldborgsund_trip(participants=group, programme=programme))
        if f.code == "demanding_item"
    ]
    assert [(f.severity, f.subject) for f in findings] == [
        (Severity.WARNING, "programme:2"),
        (Severity.WARNING, "programme:3"),
    ]
    assert findings[0].message == (
        "»Skovtur« er fysisk krævende, og Borger 0 har en fysisk begrænsning: find et "
        "alternativ for dem."
    )
    assert "demanding_item" not in codes(guldborgsund_trip(programme=programme))
    easy = tuple(replace(item, demanding=False) for item in programme)
    assert "demanding_item" not in codes(guldborgsund_trip(participants=group, programme=easy))


def test_the_built_in_skovtur_is_physically_demanding() -> None:
    outing = [item for item in GULDBORGSUND.programme if item.kind is ProgrammeKind.OUTING]
    assert [item.demanding for item in outing] == [True]
    assert outing[0].as_dict()["demanding"] == "1"
    assert "demanding" not in GULDBORGSUND.programme[0].as_dict()
    assert ProgrammeItem.from_stored(outing[0].as_dict()) == outing[0]


def test_a_participant_without_a_referral_is_an_error_while_planning_only() -> None:
    """R16: the planner is stopped; an imported past trip of unreferred people is history."""
    group = (replace(citizens(13)[0], referred=False), *citizens(13)[1:])
    assert codes(lolland_trip(participants=group))["no_referral"] is Severity.ERROR
    assert "no_referral" not in codes(lolland_trip(participants=group, completed=True))
