"""The automatic copy on the first start of each day: where, how many, and never in the way."""

import os
import sqlite3
import stat
import time
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from rfk_trips.app.application import make_app
from rfk_trips.app.context import AppContext
from rfk_trips.cli.main import cli
from rfk_trips.database.damage import latest_backup
from rfk_trips.database.opening import open_database
from storage import backup
from storage.models import Company
from storage.sessions import session_scope
from tests.conftest import TODAY
from tests.database_choice import db_option, url_for

# The daily copy is of the SQLite file; a shared server's backups are its operator's (README).
pytestmark = pytest.mark.sqlite_only("copies the SQLite file")


def _database_with_data(path: Path) -> None:
    opened = open_database(url_for(path))
    with session_scope(opened.engine) as session:
        session.add(Company(name="Nakskov Æblemost", postcode="4900"))
    opened.engine.dispose()


def _open_on(path: Path, day: date, monkeypatch: pytest.MonkeyPatch) -> str | None:
    monkeypatch.setenv("RFK_TRIPS_TODAY", day.isoformat())
    opened = open_database(url_for(path), daily_backup=True)
    opened.engine.dispose()
    return opened.daily_backup_warning


def _companies(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [row[0] for row in conn.execute("SELECT name FROM company")]


def test_the_first_open_of_the_day_leaves_a_private_consistent_copy(db_path: Path) -> None:
    _database_with_data(db_path)
    opened = open_database(url_for(db_path), daily_backup=True)
    opened.engine.dispose()
    copy = db_path.parent / "sikkerhedskopier" / "rfk.dagligt-2026-11-23.db"
    assert opened.daily_backup == copy and opened.daily_backup_warning is None
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    assert _companies(copy) == ["Nakskov Æblemost"]
    assert backup.integrity_problems(copy) == []
    # One self-contained file: no WAL sidecars, no temporary copies left in the folder.
    assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]


def test_later_opens_that_day_only_look_for_the_file(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _database_with_data(db_path)
    assert _open_on(db_path, TODAY, monkeypatch) is None

    def no_copy(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a second copy the same day")

    monkeypatch.setattr(backup, "take_daily_backup", no_copy)
    monkeypatch.setattr(backup, "copy_database", no_copy)
    for _ in range(3):
        assert _open_on(db_path, TODAY, monkeypatch) is None
    started = time.perf_counter()
    assert not backup.daily_backup_due(db_path, TODAY)
    assert time.perf_counter() - started < 0.01


def test_a_new_empty_database_gets_no_copy(tmp_path: Path) -> None:
    opened = open_database(url_for(tmp_path / "ny.db"), daily_backup=True)
    opened.engine.dispose()
    assert opened.created and opened.daily_backup is None
    assert not (tmp_path / "sikkerhedskopier").exists()


def test_tests_and_tools_that_do_not_ask_get_no_copy(db_path: Path) -> None:
    _database_with_data(db_path)
    open_database(url_for(db_path)).engine.dispose()
    assert not backup.backup_folder(db_path).exists()


def test_the_newest_14_daily_copies_are_kept_and_no_other_copy_is_touched(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _database_with_data(db_path)
    folder = backup.backup_folder(db_path)
    folder.mkdir(mode=0o700)
    others = [
        db_path.parent / "rfk.før-opgradering-0009_x-20261101-101010.db",
        db_path.parent / "rfk.før-gendannelse-20261102-101010.db",
        folder / "rfk.før-gendannelse-20261103-101010.db",
        folder / "andet.dagligt-2026-01-01.db",  # another database's copy in the same folder
    ]
    for other in others:
        backup.copy_database(db_path, other)
    days = [TODAY + timedelta(days=n) for n in range(20)]
    for day in days:
        assert _open_on(db_path, day, monkeypatch) is None
    kept = [p.name for p in backup.daily_backups(db_path)]
    assert kept == [f"rfk.dagligt-{day.isoformat()}.db" for day in days[-14:]]
    assert all(other.exists() for other in others)
    # The damaged-database advice and restore find the newest copy among them all.
    assert latest_backup(db_path) == folder / f"rfk.dagligt-{days[-1].isoformat()}.db"


def test_a_copy_a_killed_process_left_half_made_is_cleared_away(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _database_with_data(db_path)
    folder = backup.backup_folder(db_path)
    folder.mkdir(mode=0o700)
    abandoned = folder / ".rfk.dagligt-2026-11-22.db.abc123.tmp"
    in_progress = folder / ".rfk.dagligt-2026-11-23.db.def456.tmp"
    abandoned.write_bytes(b"SQLite format 3\x00half")
    in_progress.write_bytes(b"SQLite format 3\x00busy")
    an_hour_ago = time.time() - 3600
    os.utime(abandoned, (an_hour_ago, an_hour_ago))
    # Not a finished copy: today's backup is still due and is made.
    assert backup.daily_backup_due(db_path, TODAY)
    assert _open_on(db_path, TODAY, monkeypatch) is None
    assert not abandoned.exists()
    assert in_progress.exists()  # another process may be copying right now
    assert backup.daily_backup_path(db_path, TODAY).is_file()


def test_a_copy_that_cannot_be_made_is_a_warning_and_the_work_goes_on(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _database_with_data(db_path)
    # Something in the way of the folder: as root, a read-only mode would not stop us.
    backup.backup_folder(db_path).write_text("ikke en mappe")
    warning = _open_on(db_path, TODAY, monkeypatch)
    assert warning is not None
    assert warning.startswith("Advarsel: dagens automatiske sikkerhedskopi kunne ikke gemmes")
    assert "Du kan arbejde videre" in warning
    result = CliRunner().invoke(cli, [*db_option(db_path), "trips"])
    assert result.exit_code == 0, result.output
    assert "Advarsel: dagens automatiske sikkerhedskopi" in result.stderr
    assert "Traceback" not in result.output


def test_every_command_makes_the_days_copy(db_path: Path) -> None:
    _database_with_data(db_path)
    result = CliRunner().invoke(cli, [*db_option(db_path), "trips"])
    assert result.exit_code == 0, result.output
    assert backup.daily_backup_path(db_path, TODAY).is_file()
    assert result.stderr == ""  # a copy that worked is not worth a line


def test_the_app_asks_for_the_copy_and_tells_a_failure_once(db_path: Path) -> None:
    _database_with_data(db_path)
    backup.backup_folder(db_path).write_text("ikke en mappe")
    context = AppContext(url_for(db_path), daily_backup=True)
    context.database()
    warning = context.startup_warning()
    assert warning is not None and "sikkerhedskopi" in warning
    assert context.startup_warning() is None
    context.close()
    assert make_app(database_url=url_for(db_path), daily_backup=True).context.daily_backup


async def test_the_home_screen_shows_the_warning(db_path: Path) -> None:
    _database_with_data(db_path)
    backup.backup_folder(db_path).write_text("ikke en mappe")
    app = make_app(database_url=url_for(db_path), daily_backup=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = [n.message for n in app._notifications]
        assert any("dagens automatiske sikkerhedskopi" in message for message in shown)
