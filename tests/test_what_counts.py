"""Each reading of `rfk_trips.rules.what_counts` agrees wherever it is read, over real SQLite.

R15 (a citizen's trips) is read by the trip check and the citizen register, R08 (a company's
visits) by the companies list, the host suggestions and the home screen, and R22/R23 (a
skånehensyn recorded) by the citizen register and the staff run sheet. Each used to be
written out in each place; these tests would have caught the copies drifting apart.
"""

from datetime import date, time, timedelta
from itertools import product

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import col

from rfk_trips.documents.programme_service import load_extras
from rfk_trips.registers import citizen_service, company_service
from rfk_trips.registers.citizen_service import CitizenFilter
from rfk_trips.registers.company_service import CompanyFilter, VisitedFilter
from rfk_trips.rules.what_counts import has_accommodation_needs, is_citizens_trip, visit_booked
from rfk_trips.rules.what_counts import visit_had as had
from rfk_trips.trips import planning, trip_editing, trip_service
from rfk_trips.trips.overview import QUIET_COMPANY_DAYS, attention
from storage.codes import Attendance, ParticipantRole, TripStatus
from storage.models import Citizen, Company, Participation, Trip
from storage.sessions import session_scope
from tests.conftest import REFERRED, TODAY

DAY = date(2026, 12, 8)


def _companies(engine: Engine, names: list[str]) -> list[int]:
    with session_scope(engine) as session:
        rows = [Company(name=name, placement_experience=True) for name in names]
        session.add_all(rows)
        session.flush()
        return [row.id or 0 for row in rows]


def _citizens(engine: Engine, notes: list[str]) -> list[int]:
    """Citizens stored as given: the form strips its text, an old row or an import may not."""
    with session_scope(engine) as session:
        rows = [
            Citizen(referral_date=REFERRED, name=f"Borger {i:03d}", accommodation_needs=text)
            for i, text in enumerate(notes)
        ]
        session.add_all(rows)
        session.flush()
        return [row.id or 0 for row in rows]


def _trip_with_visit(engine: Engine, company_id: int, on: date, fmt: str = "custom") -> int:
    trip_id = trip_service.create_trip(engine, format_code=fmt, trip_date=on)
    planning.add_visit(engine, trip_id, company_id=company_id, start=time(13, 45), end=time(15, 15))
    return trip_id


def _set_status(engine: Engine, trip_id: int, status: TripStatus) -> None:
    """Straight to the status, whatever the trip's dates: the readings, not the workflow."""
    with session_scope(engine) as session:
        session.execute(update(Trip).where(col(Trip.id) == trip_id).values(status=status))


# --- R15: which trips are the citizen's ----------


def test_the_trip_check_and_the_register_count_the_same_trips_of_a_citizen(
    engine: Engine,
) -> None:
    """One citizen per role, attendance and status of an earlier Lolland trip (a quota
    format), all of them on the trip being checked: the check's earlier trips and the
    register's trips taken (less the one checked) must both be what the rule says."""
    combinations = list(product(ParticipantRole, Attendance, TripStatus))
    *hosts, host_now = _companies(engine, [f"Vært {s}" for s in TripStatus] + ["Værten nu"])
    host_of = dict(zip(TripStatus, hosts, strict=True))
    citizens = _citizens(engine, [""] * len(combinations))
    earlier = {
        status: _trip_with_visit(engine, host, DAY - timedelta(days=7 * (n + 1)), "lolland")
        for n, (status, host) in enumerate(host_of.items())
    }
    for status in TripStatus:
        on_it = [c for c, (_, _, s) in zip(citizens, combinations, strict=True) if s is status]
        planning.add_participants(engine, earlier[status], on_it)
    with session_scope(engine) as session:
        for citizen_id, (role, attendance, status) in zip(citizens, combinations, strict=True):
            session.execute(
                update(Participation)
                .where(
                    col(Participation.trip_id) == earlier[status],
                    col(Participation.citizen_id) == citizen_id,
                )
                .values(role=role, attendance=attendance)
            )
    for status, trip_id in earlier.items():
        _set_status(engine, trip_id, status)
    checked = _trip_with_visit(engine, host_now, DAY, "lolland")
    planning.add_participants(engine, checked, citizens)

    with session_scope(engine) as session:
        gathered = trip_service.gather_facts(session, checked, TODAY)
    facts = {citizen.citizen_id: citizen for citizen in gathered.participants}
    rows = {
        row.id: row
        for row in citizen_service.citizen_rows(engine, CitizenFilter(), limit=len(citizens))
    }
    expected_counted = 0
    for citizen_id, (role, attendance, status) in zip(citizens, combinations, strict=True):
        counts = is_citizens_trip(role, attendance, status)
        expected_counted += counts
        seen = {host_of[status]} if counts else set()
        case = (role, attendance, status)
        assert facts[citizen_id].earlier_trips_in_format == int(counts), case
        assert facts[citizen_id].earlier_company_ids == seen, case
        assert rows[citizen_id].quota_trips == 1 + int(counts), case  # the checked one too
    # The register's filter on trips taken counts the same way.
    two_or_more = citizen_service.count_citizens(engine, CitizenFilter(quota_trips=2))
    assert two_or_more == expected_counted
    # The rule itself: a participant on a trip that runs, unless afbud or udeblevet.
    assert expected_counted == 1 * 4 * 4  # participant × 4 attendances × 4 statuses that run


# --- R08: which visits a company has had ----------


def test_a_company_whose_only_visit_is_still_to_come_has_not_been_visited_anywhere(
    engine: Engine,
) -> None:
    """Its "Sidste besøg" is none in the companies list and the host suggestions, the
    "never visited" filter finds it, and the home screen does not count a visit it has not
    had: it leaves the company out of the quiet ones only for the booking, so once the
    booking is cancelled the company is quiet."""
    (coming,) = _companies(engine, ["Kun booket"])
    booked = _trip_with_visit(engine, coming, TODAY + timedelta(days=14))
    suggesting = trip_service.create_trip(engine, format_code="custom", trip_date=DAY)

    (row,) = company_service.company_rows(engine, CompanyFilter(), today=TODAY)
    assert row.last_visit is None
    never = company_service.company_rows(
        engine, CompanyFilter(visited=VisitedFilter.NEVER), today=TODAY
    )
    assert [r.id for r in never] == [coming]
    (host,) = trip_editing.host_suggestions(engine, suggesting, "", today=TODAY)
    assert host.candidate.last_visit is None
    assert attention(engine, today=TODAY).quiet_companies == 0  # booked: no call needed

    trip_service.cancel_trip(engine, booked)
    assert attention(engine, today=TODAY).quiet_companies == 1


def test_every_reading_of_a_companys_last_visit_agrees_with_the_rule(engine: Engine) -> None:
    """One company per status and date of its single visit, around today and the home
    screen's cut-off: the list, its filters, the host suggestions and the quiet count."""
    cut_off = TODAY - timedelta(days=QUIET_COMPANY_DAYS)
    offsets = {
        "før skæringsdagen": cut_off - timedelta(days=1),
        "på skæringsdagen": cut_off,
        "for en måned siden": TODAY - timedelta(days=30),
        "i dag": TODAY,
        "i morgen": TODAY + timedelta(days=1),
        "om to uger": TODAY + timedelta(days=14),
    }
    cases = list(product(TripStatus, offsets.items()))
    names = [f"{status} {when}" for status, (when, _) in cases]
    companies = _companies(engine, names)
    for company_id, (status, (_, on)) in zip(companies, cases, strict=True):
        _set_status(engine, _trip_with_visit(engine, company_id, on), status)
    suggesting = trip_service.create_trip(engine, format_code="custom", trip_date=DAY)

    listed = {
        row.id: row.last_visit
        for row in company_service.company_rows(
            engine, CompanyFilter(), today=TODAY, limit=len(companies)
        )
    }
    never = {
        row.id
        for row in company_service.company_rows(
            engine, CompanyFilter(visited=VisitedFilter.NEVER), today=TODAY, limit=len(companies)
        )
    }
    suggested = {
        host.candidate.company_id: host.candidate.last_visit
        for host in trip_editing.host_suggestions(
            engine, suggesting, "", today=TODAY, limit=len(companies)
        )
    }
    quiet = 0
    for company_id, (status, (when, on)) in zip(companies, cases, strict=True):
        last = on if had(status, on, today=TODAY) else None
        case = (status, when)
        assert listed[company_id] == last, case
        assert suggested[company_id] == last, case
        assert (company_id in never) == (last is None), case
        recently_had = last is not None and last >= cut_off
        quiet += not recently_had and not visit_booked(status, on, today=TODAY)
    assert attention(engine, today=TODAY).quiet_companies == quiet
    # The rule itself: a visit on a trip that runs, on or before today.
    assert sum(last is not None for last in listed.values()) == 4 * 4


# --- R22/R23: whether a skånehensyn is recorded ----------

NOTES = [
    "",
    " ",
    "\n",
    "\t \r\n",
    "\xa0",  # a no-break space, as pasted from a letter
    "\u2003\u3000",
    "\x0b\x0c",
    "Tåler ikke kulde",
    "  Skal sidde forrest i bussen \n",
]


def test_the_register_and_the_run_sheet_mark_the_same_citizens(engine: Engine) -> None:
    """Whitespace alone is no skånehensyn: no ⚑ in the list, no mark on the run sheet."""
    citizens = _citizens(engine, NOTES)
    trip_id = trip_service.create_trip(engine, format_code="custom", trip_date=DAY)
    planning.add_participants(engine, trip_id, citizens)
    detail = trip_service.trip_detail(engine, trip_id)

    rows = citizen_service.citizen_rows(engine, CitizenFilter())
    in_list = {row.id for row in rows if row.has_accommodation_needs}
    with session_scope(engine) as session:
        on_sheet = load_extras(session, detail, "staff", TODAY).needs_attention
    expected = {
        citizen_id
        for citizen_id, text in zip(citizens, NOTES, strict=True)
        if has_accommodation_needs(text)
    }
    assert in_list == expected
    assert on_sheet == expected
    assert len(expected) == 2  # only the two that say something
