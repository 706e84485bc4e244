"""The trips list's pages (rfk_trips.trips.trip_editing.search_trips): rows and total per page."""

from datetime import timedelta

from sqlalchemy.engine import Engine

from rfk_trips.trips import trip_service
from rfk_trips.trips.trip_editing import search_trips
from tests.conftest import TODAY


def test_every_page_has_its_rows_and_the_whole_total(engine: Engine) -> None:
    """The last page's total is its rows and those before it; other pages count."""
    ids = [
        trip_service.create_trip(
            engine,
            format_code="custom",
            trip_date=TODAY + timedelta(days=day),
            title=f"Bustur {day}",
        )
        for day in range(7)
    ]
    trip_service.create_trip(engine, format_code="custom", trip_date=TODAY, title="Anden")
    for limit in range(1, 9):
        for offset in range(10):
            page = search_trips(engine, text="bustur", today=TODAY, limit=limit, offset=offset)
            assert [row.id for row in page.rows] == ids[offset : offset + limit]
            assert page.total == len(ids), (limit, offset)
    assert search_trips(engine, text="ingen", today=TODAY).total == 0
    assert search_trips(engine, today=TODAY).total == len(ids) + 1
