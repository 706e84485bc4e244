"""Citizens' data lands in files only their owner can read (0600), in folders only they open (0700).

Every test runs under the umask a laptop usually has (022), which would otherwise give 0644.
"""

import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlalchemy.engine import Engine

from rfk_trips.cli.main import cli
from rfk_trips.database.backups import backup_to
from rfk_trips.database.opening import open_database
from rfk_trips.documents.calendar_export import write_trip_calendar
from rfk_trips.documents.reminders import write_reminders
from rfk_trips.exchange.exporting import export_file
from rfk_trips.trips.trip_listing import list_trips
from storage.codes import TripStatus
from storage.private_files import (
    create_private_file,
    make_folder_private,
    private_folder,
    write_private_file,
)
from tests.database_choice import url_for

TODAY = date(2026, 11, 23)
OPEN = (TripStatus.PLANNED, TripStatus.CONFIRMED)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def laptop_umask() -> Iterator[None]:
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_private_folder_creates_every_missing_level_0700(tmp_path: Path) -> None:
    folder = private_folder(tmp_path / "a" / "b" / "c")

    assert [mode(p) for p in (folder, folder.parent, folder.parent.parent)] == [0o700] * 3


def test_private_folder_leaves_an_existing_folder_as_it_was(tmp_path: Path) -> None:
    shared = tmp_path / "Dokumenter"
    shared.mkdir(mode=0o755)

    private_folder(shared)

    assert mode(shared) == 0o755


def test_private_file_is_0600_even_under_a_wide_umask(tmp_path: Path) -> None:
    os.umask(0)
    target = tmp_path / "ny" / "fil.db"

    create_private_file(target)
    write_private_file(tmp_path / "ny" / "data.ics", b"BEGIN:VCALENDAR")

    assert mode(target) == 0o600
    assert mode(tmp_path / "ny" / "data.ics") == 0o600
    assert mode(tmp_path / "ny") == 0o700


def test_make_folder_private_closes_an_open_folder(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)

    make_folder_private(folder)

    assert mode(folder) == 0o700


def test_new_database_its_folder_and_its_wal_files_are_private(tmp_path: Path) -> None:
    path = tmp_path / "data" / "rfk.db"
    database = open_database(url_for(path))
    with database.engine.connect() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
        conn.commit()
        sidecars = [path.with_name(path.name + end) for end in ("-wal", "-shm")]
        assert all(sidecar.exists() for sidecar in sidecars)
        assert [mode(sidecar) for sidecar in sidecars] == [0o600, 0o600]
    database.engine.dispose()

    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700


def test_an_existing_database_left_open_to_others_is_closed(tmp_path: Path) -> None:
    path = tmp_path / "rfk.db"
    open_database(url_for(path)).engine.dispose()
    path.chmod(0o644)

    open_database(url_for(path)).engine.dispose()

    assert mode(path) == 0o600


def test_the_default_data_folder_is_created_0700(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))

    result = CliRunner().invoke(cli, ["trips"])

    assert result.exit_code == 0, result.output
    data = tmp_path / "xdg" / "rfk-trips"
    assert mode(data) == 0o700
    assert mode(data / "rfk-trips.db") == 0o600


def test_backup_into_a_new_folder(engine: Engine, tmp_path: Path) -> None:
    target = tmp_path / "kopier" / "rfk-backup.db"

    backup_to(engine, target)

    assert (mode(target), mode(target.parent)) == (0o600, 0o700)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
def test_export_into_a_new_folder(demo_engine: Engine, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / "udtræk" / f"borgere{suffix}"

    export_file(demo_engine, "citizens", target)

    assert (mode(target), mode(target.parent)) == (0o600, 0o700)


def test_calendar_and_reminders_are_private(demo_engine: Engine, tmp_path: Path) -> None:
    coming = list_trips(demo_engine, date_from=TODAY)
    trip = next(row for row in coming if row.participants and row.status in OPEN)

    ics = write_trip_calendar(demo_engine, trip.id, tmp_path / "tur.ics")
    sms = write_reminders(demo_engine, trip.id, tmp_path / "sms" / "påmindelser.csv").path

    assert mode(ics) == 0o600
    assert (mode(sms), mode(sms.parent)) == (0o600, 0o700)
    assert not [p for p in tmp_path.rglob(".*.tmp")]
