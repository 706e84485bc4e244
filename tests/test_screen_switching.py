"""Switching between the function-key screens: built ahead, kept styled, never stale."""

from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable

from rfk_trips.app.application import WARM_UP_MODES, RfkTripsApp, make_app
from rfk_trips.database.opening import open_database
from rfk_trips.exchange.demo_data import load_demo
from rfk_trips.trips.trip_service import create_trip
from tests.conftest import TODAY
from tests.database_choice import url_for


def _demo(db_path: Path) -> None:
    opened = open_database(url_for(db_path))
    load_demo(opened.engine, scale=1, seed=5, today=TODAY)
    opened.engine.dispose()


def _titles(app: RfkTripsApp) -> list[str]:
    table = app.screen.query_one("#table", DataTable)
    return [str(table.get_row_at(index)[-1]) for index in range(table.row_count)]


async def test_the_list_screens_are_built_and_filled_while_home_is_shown(db_path: Path) -> None:
    _demo(db_path)
    app = make_app(database_url=url_for(db_path), warm_up=True)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(100):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if all(mode in app._screen_stacks for mode in WARM_UP_MODES):
                break
        assert all(mode in app._screen_stacks for mode in WARM_UP_MODES)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.current_mode == "home"  # built behind the home screen, not shown
        companies = app._screen_stacks["companies"][0]
        table = companies.query_one("#table", DataTable)
        assert table.row_count > 0
        # Laid out and drawn behind home: placed at the terminal's size, lines drawn.
        assert companies._compositor.size == app.size
        assert table.region.width > 0 and table._line_cache
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen is companies
        assert table.region.width > 0
        rows_drawn = [table.render_line(y).text for y in range(1, 3)]
        assert all(line.strip() for line in rows_drawn)


async def test_without_warm_up_only_home_is_built(db_path: Path) -> None:
    _demo(db_path)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not set(WARM_UP_MODES) & set(app._screen_stacks)


async def test_coming_back_shows_what_changed_while_away(db_path: Path) -> None:
    _demo(db_path)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        before = _titles(app)
        await pilot.press("f2")
        engine = app.context.database().engine
        create_trip(
            engine, format_code="lolland", trip_date=TODAY + timedelta(days=1), title="Helt ny tur"
        )
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Helt ny tur" in _titles(app) and "Helt ny tur" not in before


async def test_a_theme_chosen_elsewhere_reaches_a_screen_kept_styled(db_path: Path) -> None:
    _demo(db_path)
    app = make_app(database_url=url_for(db_path), theme="textual-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#table", DataTable)
        dark = table.styles.background
        await pilot.press("f2")
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        assert app.screen.query_one("#table", DataTable) is table
        assert table.styles.background != dark


async def test_a_register_shows_what_changed_while_it_was_away(db_path: Path) -> None:
    from rfk_trips.registers.company_service import save_company

    app = make_app(database_url=url_for(db_path), warm_up=True)
    async with app.run_test(size=(120, 40)) as pilot:
        # Built ahead while the database was still empty, as on a first start.
        for _ in range(100):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if "companies" in app._screen_stacks:
                break
        companies = app._screen_stacks["companies"][0]
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert companies.query_one("#table", DataTable).row_count == 0
        engine = app.context.database().engine
        load_demo(engine, scale=1, seed=5, today=TODAY)
        await pilot.press("f3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#table", DataTable)
        assert app.screen is companies and table.row_count > 0
        # A colleague adds a company while the list is away; coming back shows it (first:
        # a digit sorts before every letter, where "Aa" would be Å, at the end).
        await pilot.press("f2")
        save_company(engine, None, {"name": "A1 Allerførste ApS", "town": "Maribo"}, today=TODAY)
        await pilot.press("f3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert str(table.get_row_at(0)[0]) == "A1 Allerførste ApS"
