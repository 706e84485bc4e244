"""The terminal UI shell, driven with Textual's Pilot against a real database file."""

import contextlib
from pathlib import Path

from sqlalchemy import func, select
from textual.widgets import Button, DataTable, Static
from textual.worker import WorkerCancelled

from rfk_trips.app.application import make_app
from rfk_trips.database.opening import open_database
from rfk_trips.exchange.demo_data import load_demo
from storage.models import Company, Trip
from storage.sessions import session_scope
from tests.conftest import TODAY
from tests.database_choice import is_routed, url_for
from tests.pilot_helpers import settle, wait_for_home


async def test_empty_database_offers_demo_data_and_loads_it(db_path: Path) -> None:
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(100, 30)) as pilot:
        home = await wait_for_home(app, pilot)
        assert "0 virksomheder" in str(home.query_one("#counts", Static).render())
        button = home.query_one("#load-demo", Button)
        assert button.display and home.query_one("#empty").has_class("shown")
        assert app.focused is button
        await pilot.press("enter")
        # settle, not workers.wait_for_complete(): on a loaded machine the change watcher sees
        # the demo arrive while the home screen reads it, and the newer read cancels the older
        # (an exclusive worker), which wait_for_complete raises as WorkerCancelled.
        await settle(app, pilot)
        assert "virksomheder · 700 borgere" in str(home.query_one("#counts", Static).render())
        assert not home.query_one("#empty").has_class("shown")
        assert home.query_one("#upcoming", DataTable).row_count > 0
    opened = open_database(url_for(db_path))
    with session_scope(opened.engine) as session:
        assert session.scalar(select(func.count()).select_from(Company)) == 200
        assert (session.scalar(select(func.count()).select_from(Trip)) or 0) >= 50
    opened.engine.dispose()


async def test_home_shows_counts_and_upcoming_trips(db_path: Path) -> None:
    opened = open_database(url_for(db_path))
    load_demo(opened.engine, scale=1, seed=5, today=TODAY)
    opened.engine.dispose()
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(100, 30)) as pilot:
        home = await wait_for_home(app, pilot)
        counts = str(home.query_one("#counts", Static).render())
        assert "700 borgere" in counts and "kommende ture" in counts
        table = home.query_one("#upcoming", DataTable)
        assert table.row_count > 0
        first_date = str(table.get_row_at(0)[0])
        day, month, year = (int(part) for part in first_date.split("-"))
        assert (year, month, day) >= (TODAY.year, TODAY.month, TODAY.day)
        assert not home.query_one("#empty").has_class("shown")
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        assert table.row_count > 0


async def test_ctrl_q_quits(db_path: Path) -> None:
    app = make_app(database_url=url_for(db_path))
    async with app.run_test() as pilot:
        await wait_for_home(app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_exit_when_ready_quits_once_data_is_shown(db_path: Path) -> None:
    app = make_app(database_url=url_for(db_path), exit_when_ready=True)
    async with app.run_test() as pilot:
        # Quitting once the data is shown cancels the workers still running (the live
        # lists' poll): waiting on them then raises, which is the quit, not a failure.
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
    assert app.return_code == 0
    assert is_routed(db_path) or db_path.exists()  # a new SQLite file is made on first use


async def test_database_from_a_newer_version_shows_a_danish_sentence(db_path: Path) -> None:
    opened = open_database(url_for(db_path))
    with opened.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    opened.engine.dispose()
    app = make_app(database_url=url_for(db_path))
    async with app.run_test() as pilot:
        home = await wait_for_home(app, pilot)
        error = home.query_one("#error", Static)
        assert error.has_class("shown")
        assert "nyere version af rfk-trips" in str(error.render())


async def test_english_ui(db_path: Path) -> None:
    app = make_app(database_url=url_for(db_path), lang="en")
    async with app.run_test() as pilot:
        home = await wait_for_home(app, pilot)
        assert "0 companies" in str(home.query_one("#counts", Static).render())
        assert str(home.query_one("#load-demo", Button).label) == "Load demo data"


async def test_footer_speaks_the_chosen_language(db_path: Path) -> None:
    for lang, quit_word, refresh_word in (("en", "Quit", "Refresh"), ("da", "Afslut", "Opdatér")):
        app = make_app(database_url=url_for(db_path), lang=lang)
        async with app.run_test() as pilot:
            await wait_for_home(app, pilot)
            descriptions = {b.description for _, b, _, _ in app.active_bindings.values()}
            assert {quit_word, refresh_word} <= descriptions


async def test_freeze_gc_keeps_start_up_and_built_screens_out_of_collections(
    db_path: Path,
) -> None:
    import gc

    gc.unfreeze()
    app = make_app(database_url=url_for(db_path), freeze_gc=True)
    try:
        async with app.run_test() as pilot:
            await wait_for_home(app, pilot)
            after_start = gc.get_freeze_count()
            assert after_start > 0
            await pilot.press("f6")  # the staff list, built on first use
            await app.workers.wait_for_complete()
            await pilot.pause()
            staff_screen = app.screen
            assert gc.get_freeze_count() > after_start
            assert not gc.is_tracked(staff_screen) or staff_screen not in gc.get_objects(2)
    finally:
        gc.unfreeze()


async def test_without_freeze_gc_nothing_is_frozen(db_path: Path) -> None:
    import gc

    gc.unfreeze()
    app = make_app(database_url=url_for(db_path))
    async with app.run_test() as pilot:
        await wait_for_home(app, pilot)
        await pilot.press("f6")
        await app.workers.wait_for_complete()
        assert gc.get_freeze_count() == 0


async def test_a_busy_day_lists_four_trips_by_name_and_titles_are_text(db_path: Path) -> None:
    from rfk_trips.trips.trip_service import create_trip

    opened = open_database(url_for(db_path))
    titles = ["[/b] Tur til Maribo", "[red]Kage[/red] i Nakskov"] + [f"Tur {n}" for n in range(5)]
    for title in titles:
        create_trip(opened.engine, format_code="custom", trip_date=TODAY, title=title)
    opened.engine.dispose()
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(100, 40)) as pilot:
        home = await wait_for_home(app, pilot)
        shown = str(home.query_one("#today", Static).render()).splitlines()
        assert shown[0] == "I dag (Ctrl+T tjekker ind):"
        assert len(shown) == 1 + 4 + 1
        assert shown[-1] == "  … og 3 flere i dag (se de kommende ture nedenfor)"
        listed = " ".join(shown)
        assert "[/b] Tur til Maribo (0)" in listed and "[red]Kage[/red] i Nakskov" in listed
        # The upcoming list below still shows on the screen, with every one of the day's trips.
        table = home.query_one("#upcoming", DataTable)
        assert table.row_count == len(titles)
        assert table.region.height > 0 and table.region.y < 40
