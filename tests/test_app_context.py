"""AppContext: the database opened once, and the home figures read before Textual starts."""

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from rfk_trips.app import context as app_context
from rfk_trips.app.application import make_app
from rfk_trips.app.context import AppContext
from rfk_trips.database.opening import open_database
from rfk_trips.exchange.demo_data import load_demo
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError
from rfk_trips.trips.overview import Overview
from tests.conftest import TODAY
from tests.database_choice import shown_where, url_for
from tests.pilot_helpers import wait_for_home


def test_the_early_read_is_what_the_first_overview_returns(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    real = app_context.load_overview

    def counted(*args: object, **kwargs: object) -> Overview:
        reads.append("read")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app_context, "load_overview", counted)
    context = AppContext(url_for(db_path), today=lambda: TODAY)
    context.read_home_early()
    first = context.overview()
    assert reads == ["read"]  # taken from the thread, not read a second time
    assert first.counts.companies == 0 and first.database == shown_where(db_path)
    second = context.overview()  # a refresh reads anew
    assert reads == ["read", "read"] and second.counts == first.counts
    context.close()


def test_an_error_of_the_early_read_reaches_the_first_overview(tmp_path: Path) -> None:
    damaged = tmp_path / "rfk.db"
    damaged.write_bytes(b"not a database at all" * 100)
    context = AppContext(url_for(damaged), today=lambda: TODAY)
    context.read_home_early()
    with pytest.raises(UserError, match="beskadiget"):
        context.overview()
    with pytest.raises(UserError):  # and again on the next try: nothing was cached
        context.overview()
    assert damaged.read_bytes() == b"not a database at all" * 100


async def test_the_home_screen_shows_the_early_read(db_path: Path) -> None:
    app = make_app(database_url=url_for(db_path), read_home_early=True)
    assert app.context._early_overview is not None
    async with app.run_test(size=(100, 30)) as pilot:
        home = await wait_for_home(app, pilot)
        assert "0 virksomheder" in str(home.query_one("#counts", Static).render())
    assert app.context._early_overview is None


@pytest.mark.sqlite_only("start-up on the file; a server URL loads its dialect on purpose")
def test_start_up_does_not_load_what_the_home_screen_does_not_need(db_path: Path) -> None:
    """Start-up speed: the PostgreSQL dialect, Alembic and openpyxl stay unloaded when the
    app opens a SQLite file that is up to date and shows the home screen; SQLModel, pydantic,
    the ORM and the table models load only after the home screen shows its data."""
    import json
    import os
    import subprocess
    import sys

    from rfk_trips.database.opening import open_database

    open_database(url_for(db_path)).engine.dispose()  # created and upgraded already
    code = f"""
import json, sys
sys.argv = ["rfk-trips", "--db", {str(db_path)!r}, "--exit-when-ready"]
from contextlib import suppress
from rfk_trips.app import application as app
seen = {{}}
shown = app.RfkTripsApp.on_home_screen_ready
def on_ready(self, message):
    seen["ready"] = sorted(sys.modules)
    return shown(self, message)
app.RfkTripsApp.on_home_screen_ready = on_ready
from rfk_trips.cli.main import main
with suppress(SystemExit):  # click ends every run with one
    main()
seen["exit"] = sorted(sys.modules)
print(json.dumps(seen), file=sys.stderr)
"""
    env = dict(os.environ, TEXTUAL_DRIVER="textual.drivers.headless_driver:HeadlessDriver")
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stderr.strip().splitlines()[-1])
    never = ("sqlalchemy.dialects.postgresql", "alembic", "openpyxl", "holidays")
    later = (
        "sqlmodel",
        "pydantic",
        "sqlalchemy.orm",
        "storage.models",
        "rfk_trips.trips.trip_service",
    )
    assert [name for name in seen["exit"] if name.startswith(never)] == []
    assert [name for name in seen["ready"] if name.startswith(later)] == []
    assert "textual.app" in seen["ready"] and "rfk_trips.trips.overview" in seen["ready"]


async def test_the_findings_come_once_the_domain_has_loaded_behind_the_home_screen(
    db_path: Path,
) -> None:
    """Start-up defers the rules and the table models; the findings column waits for them."""
    opened = open_database(url_for(db_path))
    load_demo(opened.engine, scale=1, seed=5, today=TODAY)
    opened.engine.dispose()
    app = make_app(database_url=url_for(db_path), read_home_early=True)
    assert app.context._domain_deferred
    async with app.run_test(size=(120, 30)) as pilot:
        home = await wait_for_home(app, pilot)
        table = home.query_one("#upcoming", DataTable)
        assert table.row_count > 0
        marks = tuple(
            t(f"home.findings_{kind}", errors=1, warnings=1)[0]
            for kind in ("ok", "errors", "warnings")
        )

        def findings() -> list[str]:
            return [str(table.get_cell(key, "findings")) for key in table.rows]

        for _ in range(500):  # the loader is a plain thread, not one of Textual's workers
            await app.workers.wait_for_complete()
            await pilot.pause(0.01)
            if all(text.startswith(marks) for text in findings()):
                break
        assert not app.context._domain_deferred
        assert all(text.startswith(marks) for text in findings()), findings()


def test_a_callback_waits_for_a_deferred_domain_and_runs_at_once_otherwise(
    db_path: Path,
) -> None:
    import threading

    plain = AppContext(url_for(db_path), today=lambda: TODAY)
    calls: list[str] = []
    plain.when_domain_loaded(lambda: calls.append("now"))
    assert calls == ["now"]  # nothing deferred: at once
    loaded = threading.Event()
    plain.load_domain_later(loaded.set)  # the mappers are configured all the same
    assert loaded.wait(30)
    plain.load_domain_later(lambda: calls.append("twice"))  # once per context
    assert calls == ["now"]

    deferred = AppContext(url_for(db_path), today=lambda: TODAY)
    deferred.read_home_early()
    deferred.overview()
    done = threading.Event()
    deferred.when_domain_loaded(done.set)
    assert not done.is_set()  # waits for the loader
    deferred.load_domain_later()
    assert done.wait(30)
    deferred.when_domain_loaded(lambda: calls.append("after"))
    assert calls == ["now", "after"]
    plain.close()
    deferred.close()


async def test_the_app_keeps_the_loaded_domain_out_of_the_collectors_walks(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the models and mappers are loaded, the app freezes them like its built screens."""
    from rfk_trips.app.application import RfkTripsApp

    seen: list[str] = []
    real = RfkTripsApp.on_rfk_trips_app_domain_loaded

    def noted(self: RfkTripsApp, message: RfkTripsApp.DomainLoaded) -> None:
        seen.append("domain")
        real(self, message)

    monkeypatch.setattr(RfkTripsApp, "on_rfk_trips_app_domain_loaded", noted)
    app = make_app(database_url=url_for(db_path), read_home_early=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_home(app, pilot)
        for _ in range(500):
            await pilot.pause(0.01)
            if seen:
                break
    assert seen == ["domain"] and not app.context._domain_deferred
