"""The trip list (F5): what its rows show from the first drawing on."""

from datetime import timedelta
from pathlib import Path

from sqlalchemy.engine import Engine
from textual.widgets import DataTable, Static

from rfk_trips.app.application import make_app
from rfk_trips.trips import trip_service
from screens.trips.trip_list import TripsScreen
from tests.conftest import TODAY
from tests.database_choice import url_for

LONG_TITLE = "Springbrættet 2026 uge 49: tur 1 til Søllested Vognmandsforretning og Holeby Bosted"
MARKUP_TITLE = "[b]Tur[/b] med [red]kage"


async def test_whole_titles_show_at_once_and_brackets_are_text(
    engine: Engine, db_path: Path
) -> None:
    for days, title in ((3, LONG_TITLE), (4, MARKUP_TITLE)):
        trip_service.create_trip(
            engine, format_code="custom", trip_date=TODAY + timedelta(days=days), title=title
        )
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(200, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TripsScreen)
        table = screen.query_one("#table", DataTable)
        # As drawn now, before any later pass could widen a column.
        drawn = [table.render_line(y).text for y in range(table.size.height)]
        assert any(LONG_TITLE in line for line in drawn), drawn
        assert any(MARKUP_TITLE in line for line in drawn), drawn


async def test_escape_empties_the_search_before_it_leaves(engine: Engine, db_path: Path) -> None:
    trip_service.create_trip(
        engine, format_code="custom", trip_date=TODAY + timedelta(days=3), title="Tur til Maribo"
    )
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("slash", *"nakskov")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#table", DataTable)
        assert table.row_count == 0
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, TripsScreen)
        assert table.row_count == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "home"


async def test_no_upcoming_trip_points_to_the_earlier_ones(engine: Engine, db_path: Path) -> None:
    """A history just imported has nothing upcoming: the empty list says where its trips are."""
    for days in (30, 60):
        trip_service.create_trip(
            engine, format_code="custom", trip_date=TODAY - timedelta(days=days), title="Før"
        )
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        summary = app.screen.query_one("#summary", Static)
        assert str(summary.render()) == (
            "Ingen kommende ture. 2 tidligere ture: vælg Periode: Tidligere. Ctrl+N: ny tur"
        )
        trip_service.create_trip(
            engine, format_code="custom", trip_date=TODAY + timedelta(days=3), title="Snart"
        )
        await pilot.press("f2", "f5")  # a list shown again is read anew
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert str(summary.render()).startswith("Viser 1 af 1.")
