"""A full disk or a read-only drive: one clear Danish sentence, nothing half written, and the
database as it was. On real small tmpfs mounts (mounting needs root, as in this project's
test machines; skipped with the reason elsewhere), each unmounted after its test.
"""

import errno
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from rfk_trips.cli.main import cli
from rfk_trips.database.failures import StorageError
from rfk_trips.database.opening import open_database
from rfk_trips.exchange.importing import import_file
from rfk_trips.rules.errors import UserError
from rfk_trips.trips import check_in
from storage import backup
from storage.codes import Attendance
from storage.models import Company, Participation
from storage.sessions import session_scope
from tests.conftest import TODAY
from tests.database_choice import db_option, url_for
from tests.trip_builders import planned_trip

DISK_FULL = "Disken er fuld, så ændringen blev ikke gemt; databasen er som før."
FILE_DISK_FULL = "Der er ikke plads på disken til filen"
READ_ONLY_DB = "Databasen ligger i en mappe eller på et drev, der kun kan læses"
READ_ONLY_FILE = "kan kun læses, så filen blev ikke gemt"


def _mount(folder: Path, options: str) -> None:
    folder.mkdir(exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("a small tmpfs needs root to mount (mount -t tmpfs); run the suite as root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {done.stderr.strip()}")


def _unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB drive of its own, to be filled up by the test."""
    folder = tmp_path / "lille-drev"
    _mount(folder, "size=4m,mode=0700")
    yield folder
    _unmount(folder)


@pytest.fixture
def read_only_drive(tmp_path: Path) -> Iterator[Path]:
    """A drive that can only be read, with a database on it (made before it turned read-only)."""
    folder = tmp_path / "kun-laes"
    _mount(folder, "size=4m,mode=0700")
    opened = open_database(url_for(folder / "rfk.db"))
    with session_scope(opened.engine) as session:
        session.add(Company(name="Maribo Kro", postcode="4930"))
    opened.engine.dispose()
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    yield folder
    _unmount(folder)


def fill(folder: Path, *, leave: int = 0, name: str = "fyld") -> Path:
    """Take every free byte of the drive but `leave`; deleting the file gives them back."""
    filler = folder / name
    fd = os.open(filler, os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        for size in (1 << 20, 65536, 4096, 512, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
        if leave:
            os.ftruncate(fd, max(0, os.fstat(fd).st_size - leave))
    finally:
        os.close(fd)
    return filler


def _rest(folder: Path, *, besides: set[str]) -> list[str]:
    """What else is in the folder: a leftover temporary file would show here."""
    return sorted(p.name for p in folder.iterdir() if p.name not in besides)


def _company_count(engine: Engine) -> int:
    with session_scope(engine) as session:
        return session.scalar(select(func.count()).select_from(Company)) or 0


def _company_file(folder: Path, rows: int) -> Path:
    lines = ["Navn;Postnr;By"] + [f"Fuld Disk Firma {n:04d};4900;Nakskov" for n in range(rows)]
    path = folder / "virksomheder.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def _cli(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [*db_option(db), *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


# --- files: exports, programmes, backups ----------


def test_an_export_to_a_full_disk_leaves_the_old_file_and_no_half_file(
    engine: Engine, db_path: Path, small_disk: Path
) -> None:
    planned_trip(engine)
    target = small_disk / "borgere.csv"
    target.write_text("den gamle eksport\n", encoding="utf-8")
    fill(small_disk)
    for name in ("borgere.csv", "borgere.xlsx", "borgere.json"):
        code, output = _cli(db_path, "export", "citizens", str(small_disk / name))
        assert code == 1
        assert FILE_DISK_FULL in output and "Frigør plads" in output
    assert target.read_text(encoding="utf-8") == "den gamle eksport\n"
    assert _rest(small_disk, besides={"fyld", "borgere.csv"}) == []


def test_a_programme_pdf_and_a_backup_to_a_full_disk_are_refused_whole(
    engine: Engine, db_path: Path, small_disk: Path
) -> None:
    trip_id, _ = planned_trip(engine)
    fill(small_disk)
    code, output = _cli(
        db_path, "programme", str(trip_id), "--for", "staff", "-o", str(small_disk / "p.pdf")
    )
    assert code == 1 and FILE_DISK_FULL in output
    # On PostgreSQL pg_dump writes the copy and runs out of room: the same sentence.
    code, output = _cli(db_path, "backup", str(small_disk / "kopi.db"))
    assert code == 1 and FILE_DISK_FULL in output and "Frigør plads" in output
    assert _rest(small_disk, besides={"fyld"}) == []


def test_files_in_a_read_only_folder_are_refused_with_the_way_out(
    engine: Engine, db_path: Path, read_only_drive: Path
) -> None:
    trip_id, _ = planned_trip(engine)
    before = _rest(read_only_drive, besides=set())
    code, output = _cli(db_path, "export", "companies", str(read_only_drive / "v.csv"))
    assert code == 1 and READ_ONLY_FILE in output and "Vælg en anden mappe" in output
    code, output = _cli(
        db_path, "programme", str(trip_id), "--for", "bus", "-o", str(read_only_drive / "b.pdf")
    )
    assert code == 1 and READ_ONLY_FILE in output
    code, output = _cli(db_path, "backup", str(read_only_drive / "kopi.db"))
    assert code == 1 and READ_ONLY_FILE in output
    assert _rest(read_only_drive, besides=set()) == before


@pytest.mark.sqlite_only("the daily copy is of a SQLite file; a server's are its operator's")
def test_the_daily_backup_on_a_full_disk_only_warns(db_path: Path, engine: Engine) -> None:
    planned_trip(engine)
    engine.dispose()
    folder = backup.backup_folder(db_path)
    _mount(folder, "size=1m,mode=0700")
    try:
        fill(folder)
        code, output = _cli(db_path, "trips")
        assert code == 0
        assert "Advarsel: dagens automatiske sikkerhedskopi kunne ikke gemmes" in output
        assert "(disken er fuld)" in output
        assert _rest(folder, besides={"fyld"}) == []
        assert backup.daily_backup_due(db_path, TODAY)  # tried again at the next start
    finally:
        _unmount(folder)


# --- the database itself ----------


@pytest.fixture
def database_on_small_disk(small_disk: Path) -> Iterator[tuple[Engine, Path]]:
    """A database on the small drive, open (as the app keeps it), with an empty WAL."""
    path = small_disk / "rfk.db"
    opened = open_database(url_for(path))
    with opened.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    yield opened.engine, path
    opened.engine.dispose()


def test_an_import_that_fills_the_disk_is_rolled_back_whole(
    database_on_small_disk: tuple[Engine, Path], tmp_path: Path
) -> None:
    engine, path = database_on_small_disk
    trip_id, citizens = planned_trip(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _company_count(engine)
    # Room for part of the import only: the disk fills while it is being written.
    filler = fill(path.parent, leave=96 * 1024)
    with pytest.raises(StorageError) as refused:
        import_file(engine, "companies", _company_file(tmp_path, 1500), today=TODAY)
    assert refused.value.message.startswith(DISK_FULL)
    # The rolled-back import's WAL space would take the next writes: give it back, then fill.
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    rest = fill(path.parent, name="resten")
    with pytest.raises(UserError, match="Disken er fuld"):
        check_in.record(engine, trip_id, citizens[0], Attendance.PRESENT, today=TODAY)
    assert _company_count(engine) == before
    with session_scope(engine) as session:
        assert session.scalars(select(Participation.checked_in_at)).all().count(None) == len(
            citizens
        )
    filler.unlink()
    rest.unlink()
    # With room again, the same actions go through, and the file was never damaged.
    check_in.record(engine, trip_id, citizens[0], Attendance.PRESENT, today=TODAY)
    engine.dispose()
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_the_command_line_on_a_full_disk_says_so_and_changes_nothing(
    database_on_small_disk: tuple[Engine, Path], tmp_path: Path
) -> None:
    engine, path = database_on_small_disk
    trip_id, citizens = planned_trip(engine)
    before = _company_count(engine)
    engine.dispose()
    filler = fill(path.parent)
    code, output = _cli(path, "import", "companies", str(_company_file(tmp_path, 50)))
    assert code == 1 and DISK_FULL in output
    code, output = _cli(path, "checkin", str(trip_id), str(citizens[0]), "--status", "present")
    assert code == 1 and DISK_FULL in output
    filler.unlink()
    reopened = open_database(url_for(path)).engine
    assert _company_count(reopened) == before
    assert check_in.checkin_sheet(reopened, trip_id).row(citizens[0]).overall is Attendance.PENDING
    reopened.dispose()


def test_a_database_on_a_read_only_drive_is_not_called_damaged(read_only_drive: Path) -> None:
    db = read_only_drive / "rfk.db"
    code, output = _cli(db, "trips")
    assert code == 1 and READ_ONLY_DB in output and "beskadiget" not in output
    code, output = _cli(read_only_drive / "ny.db", "trips")
    assert code == 1 and READ_ONLY_DB in output
    assert sorted(p.name for p in read_only_drive.iterdir()) == ["rfk.db"]


async def test_the_app_shows_a_full_disk_in_danish(
    database_on_small_disk: tuple[Engine, Path],
) -> None:
    from textual.widgets import Static

    from rfk_trips.app.application import make_app
    from screens.shell.home import HomeScreen

    engine, path = database_on_small_disk
    filler = fill(path.parent)
    # `engine` stays connected, as a second window would: SQLite's shared files exist.
    with engine.connect():
        app = make_app(database_url=url_for(path))
        async with app.run_test(size=(100, 30)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            home = app.screen
            assert isinstance(home, HomeScreen)
            home.load_demo()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert DISK_FULL in str(home.query_one("#error", Static).render())
    filler.unlink()
    assert _company_count(engine) == 0
