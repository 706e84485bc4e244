"""The home screen's "needs attention" counts (rfk_trips/trips/overview.py)."""

from datetime import date, time, timedelta

from sqlalchemy.engine import Engine

from rfk_trips.registers import company_service
from rfk_trips.trips import planning, trip_service
from rfk_trips.trips.overview import QUIET_COMPANY_DAYS, attention
from tests.conftest import TODAY


def company(engine: Engine, name: str, *, qualifies: bool = True, archived: bool = False) -> int:
    values = {"name": name, "placement_experience": "ja" if qualifies else "nej"}
    company_id = company_service.save_company(engine, None, values, today=TODAY)
    if archived:
        company_service.set_archived(engine, company_id, True)
    return company_id


def visited(engine: Engine, company_id: int, on: date, *, cancelled: bool = False) -> None:
    trip_id = trip_service.create_trip(engine, format_code="custom", trip_date=on)
    planning.add_visit(engine, trip_id, company_id=company_id, start=time(10, 0), end=time(11, 0))
    if cancelled:
        trip_service.cancel_trip(engine, trip_id)


def test_quiet_companies_are_qualifying_active_hosts_without_a_visit_in_a_year(
    engine: Engine,
) -> None:
    cut_off = TODAY - timedelta(days=QUIET_COMPANY_DAYS)
    company(engine, "Aldrig besøgt")  # quiet
    long_ago = company(engine, "Besøgt for længe siden")  # quiet
    visited(engine, long_ago, cut_off - timedelta(days=1))
    on_the_day = company(engine, "Besøgt på skæringsdagen")
    visited(engine, on_the_day, cut_off)
    recent = company(engine, "Besøgt for nylig")
    visited(engine, recent, TODAY - timedelta(days=30))
    visited(engine, recent, cut_off - timedelta(days=400))  # an older visit changes nothing
    coming = company(engine, "Besøg planlagt")
    visited(engine, coming, TODAY + timedelta(days=14))
    only_cancelled = company(engine, "Kun aflyst besøg")  # quiet: the trip never ran
    visited(engine, only_cancelled, TODAY - timedelta(days=30), cancelled=True)
    company(engine, "Kvalificerer ikke", qualifies=False)
    company(engine, "Arkiveret", archived=True)

    assert attention(engine, today=TODAY).quiet_companies == 3


def test_a_planned_visit_is_not_the_last_visit_yet(engine: Engine) -> None:
    """The companies list's "Sidste besøg" and the host ranking count visits that happened."""
    from rfk_trips.registers.company_service import CompanyFilter, VisitedFilter, company_rows

    host = company(engine, "Besøgt og booket igen")
    visited(engine, host, TODAY - timedelta(days=40))
    visited(engine, host, TODAY + timedelta(days=14))
    booked_only = company(engine, "Kun booket")
    visited(engine, booked_only, TODAY + timedelta(days=7))
    rows = {row.name: row for row in company_rows(engine, CompanyFilter(), today=TODAY)}
    assert rows["Besøgt og booket igen"].last_visit == TODAY - timedelta(days=40)
    assert rows["Kun booket"].last_visit is None
    never = company_rows(engine, CompanyFilter(visited=VisitedFilter.NEVER), today=TODAY)
    assert [row.name for row in never] == ["Kun booket"]
