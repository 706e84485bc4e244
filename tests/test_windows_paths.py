"""The paths a Windows laptop runs, on a Python without the POSIX-only calls Windows lacks.

Windows has no `os.fchmod` before Python 3.13, no `os.getuid`, `pwd`, `fcntl` or `termios`,
few signals and no `lp`. Each test here takes them away (the list is `POSIX_ONLY`), then
opens and upgrades a database, backs it up, restores it, exports, writes a calendar and
prints, and reads back what was written. The files keep their owner-only mode on this
machine, where the fallback `os.chmod` still means it.

On Windows itself, printing goes through `os.startfile(path, "print")`; this machine has no
`os.startfile`, so that call is staged and what rfk-trips handed it is checked.
"""

import csv
import os
import signal
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from sqlalchemy.engine import Engine

from rfk_trips.database.backups import backup_to, restore_from
from rfk_trips.database.opening import open_database
from rfk_trips.documents import printing
from rfk_trips.documents.calendar_export import write_trip_calendar
from rfk_trips.exchange.demo_data import load_demo
from rfk_trips.exchange.exporting import export_file
from rfk_trips.exchange.exporting_results import export_results_file
from rfk_trips.trips import trip_listing
from storage import actor, migrate
from storage.codes import TripStatus
from storage.engine import make_engine, sqlite_url
from tests.conftest import TODAY

POSIX_ONLY_OS = (
    "fchmod",
    "fchown",
    "chown",
    "lchown",
    "getuid",
    "geteuid",
    "getgid",
    "getegid",
    "getgroups",
    "getpgid",
    "killpg",
    "setsid",
    "fork",
    "sync",
    "statvfs",
    "uname",
    "mkfifo",
)
POSIX_ONLY_SIGNAL = (
    "SIGHUP",
    "SIGKILL",
    "SIGQUIT",
    "SIGUSR1",
    "SIGUSR2",
    "SIGALRM",
    "SIGCHLD",
    "SIGPIPE",
    "alarm",
    "setitimer",
    "pthread_kill",
    "pthread_sigmask",
    "siginterrupt",
)
POSIX_ONLY_MODULES = ("pwd", "grp", "fcntl", "termios", "resource")
OLDER_REVISION = "0016_benefit_periods"


@pytest.fixture
def windows_like(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """This Python without what Windows lacks; returns a folder for the files."""
    for name in POSIX_ONLY_OS:
        if hasattr(os, name):
            monkeypatch.delattr(os, name)
    for name in POSIX_ONLY_SIGNAL:
        if hasattr(signal, name):
            monkeypatch.delattr(signal, name)
    for name in POSIX_ONLY_MODULES:
        monkeypatch.setitem(sys.modules, name, None)  # `import pwd` now fails, as on Windows
    # No `lp` or `lpstat` on the PATH, as on Windows.
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    # Windows names its user in USERNAME; the POSIX names are not set there.
    for name in ("LOGNAME", "USER", "LNAME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("USERNAME", "anne")
    files = tmp_path / "Dokumenter"
    files.mkdir()
    return files


def _private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


def _older_database(path: Path) -> None:
    """A database a previous release left, one migration behind, with the demo data in it."""
    engine = make_engine(sqlite_url(path))
    migrate.upgrade(engine, OLDER_REVISION)
    engine.dispose()


def _a_coming_trip(engine: Engine) -> int:
    return next(
        summary.id
        for summary in trip_listing.list_trips(engine, date_from=TODAY)
        if summary.status != TripStatus.CANCELLED and summary.visits and summary.participants
    )


def _demo(folder: Path) -> Engine:
    database = open_database(sqlite_url(folder / "rfk-trips.db"))
    load_demo(database.engine, scale=1, seed=7, today=TODAY)
    return database.engine


def test_the_posix_only_calls_are_gone(windows_like: Path) -> None:
    """The staging holds: what the other tests run without is really not there."""
    assert not hasattr(os, "fchmod") and not hasattr(os, "getuid")
    assert not hasattr(signal, "SIGHUP")
    with pytest.raises(ImportError):
        import pwd  # noqa: F401
    assert printing.shutil.which("lp") is None


def test_a_database_is_created_upgraded_and_opened(windows_like: Path) -> None:
    path = windows_like / "rfk-trips.db"
    _older_database(path)
    database = open_database(sqlite_url(path), daily_backup=True)
    try:
        assert database.upgrade is not None
        assert database.upgrade.from_revision == OLDER_REVISION
        assert migrate.current_revision(database.engine) == migrate.known_revisions()[0]  # head
        before_upgrade = list(windows_like.glob("rfk-trips.før-opgradering-*.db"))
        assert len(before_upgrade) == 1 and _private(before_upgrade[0])
        assert _private(path)
        # The first open of the day leaves a copy in the backup folder.
        assert database.daily_backup is not None and database.daily_backup.is_file()
        assert _private(database.daily_backup)
    finally:
        database.engine.dispose()
    # The audit log names the Windows login, found without pwd or os.getuid.
    assert actor.current_actor() == "anne"


def test_the_actor_is_unknown_rather_than_a_crash_without_any_login_name(
    windows_like: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("USERNAME")
    assert actor.current_actor() == "ukendt"


def test_backup_and_restore(windows_like: Path) -> None:
    engine = _demo(windows_like)
    copy = backup_to(engine, windows_like / "kopi.db")
    assert copy.is_file() and _private(copy)
    result = restore_from(engine, copy, force=True)
    assert result.safety_copy.is_file() and _private(result.safety_copy)
    engine.dispose()


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_exports_are_written_and_read_back(windows_like: Path, suffix: str) -> None:
    engine = _demo(windows_like)
    citizens = windows_like / f"borgere{suffix}"
    rows = export_file(engine, "citizens", citizens)
    follow_ups = windows_like / f"opfølgninger{suffix}"
    export_results_file(engine, "followups", follow_ups, today=TODAY)
    engine.dispose()
    assert rows > 0
    for path in (citizens, follow_ups):
        assert _private(path)
    if suffix == ".xlsx":
        workbook = load_workbook(citizens, read_only=True)
        read = list(workbook["Borgere"].iter_rows(values_only=True))
        workbook.close()
    else:
        with citizens.open(encoding="utf-8-sig", newline="") as handle:
            read = [tuple(row) for row in csv.reader(handle, delimiter=";")]
    assert len(read) == rows + 1 and read[0][0] == "id"


def test_the_calendar_file_is_written_and_parses(windows_like: Path) -> None:
    engine = _demo(windows_like)
    trip_id = _a_coming_trip(engine)
    path = write_trip_calendar(engine, trip_id, windows_like / "tur.ics")
    engine.dispose()
    calendar = Calendar.from_ical(path.read_bytes())
    assert calendar.walk("VEVENT") and _private(path)


def test_printing_without_lp_or_startfile_says_where_the_pdf_is(windows_like: Path) -> None:
    engine = _demo(windows_like)
    trip_id = _a_coming_trip(engine)
    result = printing.print_programme(
        engine, trip_id, "staff", today=TODAY, folder=windows_like / "udskrifter"
    )
    engine.dispose()
    assert not result.sent and not result.failed
    assert result.path.is_file() and _private(result.path)
    assert result.path.read_bytes().startswith(b"%PDF")
    assert str(result.path) in result.message and "ingen standardprinter" in result.message


def _staged_startfile(
    monkeypatch: pytest.MonkeyPatch, answer: OSError | None
) -> list[tuple[str, str]]:
    """`os.startfile` as Windows has it: records the call, or refuses with `answer`."""
    calls: list[tuple[str, str]] = []

    def startfile(path: str, operation: str) -> None:
        calls.append((path, operation))
        if answer is not None:
            raise answer

    start: Callable[[str, str], None] = startfile
    monkeypatch.setattr(os, "startfile", start, raising=False)
    return calls


def test_printing_on_windows_uses_the_default_printer_through_startfile(
    windows_like: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _staged_startfile(monkeypatch, None)
    engine = _demo(windows_like)
    trip_id = _a_coming_trip(engine)
    route = printing.default_printer_lookup()
    assert isinstance(route, printing.WindowsDefaultPrinter)
    result = printing.print_programme(
        engine, trip_id, "participant", today=TODAY, folder=windows_like / "udskrifter"
    )
    engine.dispose()
    assert calls == [(str(result.path.absolute()), "print")]
    assert result.sent and not result.failed
    assert "standardprinteren" in result.message and str(result.path) in result.message


def test_printing_on_windows_without_a_pdf_program_says_where_the_pdf_is(
    windows_like: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refusal = OSError(1155, "Der er ikke knyttet et program til den angivne fil")
    calls = _staged_startfile(monkeypatch, refusal)
    engine = _demo(windows_like)
    trip_id = _a_coming_trip(engine)
    result = printing.print_programme(
        engine, trip_id, "bus", today=TODAY, folder=windows_like / "udskrifter"
    )
    engine.dispose()
    assert len(calls) == 1
    assert result.failed and not result.sent and result.path.is_file()
    assert "Der er ikke knyttet et program" in result.message
    assert str(result.path) in result.message
