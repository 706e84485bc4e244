"""AppContext: the database opened once, and the home figures read before Textual starts."""

from pathlib import Path

import pytest
from textual.widgets import Static

from rfk_trips import app_context
from rfk_trips.app import make_app
from rfk_trips.app_context import AppContext
from rfk_trips.errors import UserError
from rfk_trips.overview import Overview
from storage.engine import sqlite_url
from tests.conftest import TODAY
from tests.test_app import wait_for_home


def test_the_early_read_is_what_the_first_overview_returns(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    real = app_context.load_overview

    def counted(*args: object, **kwargs: object) -> Overview:
        reads.append("read")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app_context, "load_overview", counted)
    context = AppContext(sqlite_url(db_path), today=lambda: TODAY)
    context.read_home_early()
    first = context.overview()
    assert reads == ["read"]  # taken from the thread, not read a second time
    assert first.counts.companies == 0 and first.database == str(db_path)
    second = context.overview()  # a refresh reads anew
    assert reads == ["read", "read"] and second.counts == first.counts
    context.close()


def test_an_error_of_the_early_read_reaches_the_first_overview(tmp_path: Path) -> None:
    damaged = tmp_path / "rfk.db"
    damaged.write_bytes(b"not a database at all" * 100)
    context = AppContext(sqlite_url(damaged), today=lambda: TODAY)
    context.read_home_early()
    with pytest.raises(UserError, match="beskadiget"):
        context.overview()
    with pytest.raises(UserError):  # and again on the next try: nothing was cached
        context.overview()
    assert damaged.read_bytes() == b"not a database at all" * 100


async def test_the_home_screen_shows_the_early_read(db_path: Path) -> None:
    app = make_app(database_url=sqlite_url(db_path), read_home_early=True)
    assert app.context._early_overview is not None
    async with app.run_test(size=(100, 30)) as pilot:
        home = await wait_for_home(app, pilot)
        assert "0 virksomheder" in str(home.query_one("#counts", Static).render())
    assert app.context._early_overview is None


def test_start_up_does_not_load_what_the_home_screen_does_not_need(db_path: Path) -> None:
    """Start-up speed: the PostgreSQL dialect, Alembic and openpyxl stay unloaded when the
    app opens a SQLite file that is up to date and shows the home screen."""
    import os
    import subprocess
    import sys

    from rfk_trips.database import open_database

    open_database(sqlite_url(db_path)).engine.dispose()  # created and upgraded already
    code = f"""
import sys
sys.argv = ["rfk-trips", "--db", {str(db_path)!r}, "--exit-when-ready"]
from contextlib import suppress
from rfk_trips.cli import main
with suppress(SystemExit):  # click ends every run with one
    main()
heavy = ("sqlalchemy.dialects.postgresql", "alembic", "openpyxl", "holidays")
print(sorted({{name.split(".")[0] if not name.startswith("sqlalchemy") else name
              for name in sys.modules if name.startswith(heavy)}}), file=sys.stderr)
"""
    env = dict(os.environ, TEXTUAL_DRIVER="textual.drivers.headless_driver:HeadlessDriver")
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "[]"
