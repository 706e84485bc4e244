"""Printing a programme from the UI: save the PDF, then hand it to the system's printer.

The PDF is always written first, into the documents folder (`udskrifter` beside the
default database, or `RFK_TRIPS_PRINT_DIR`), so the user has the file whatever the
printer does. Where CUPS is (Linux, macOS) it goes to a printer only when `lpstat` names
one for certain: the system's default destination, or the only printer there is. With
several printers and no default nothing is sent, since a run sheet with names and phone
numbers must not come out of a printer down the corridor. On Windows, which has no `lp`,
the file goes to the default printer the way Explorer's *Udskriv* sends it: the PDF
program's own "print" verb (`os.startfile(path, "print")`). A machine with neither is told
where the file is.

A printer that refuses is an answer, not an error: `PrintResult.message` says so in a
sentence for the user. Nothing is logged; the file names hold no personal data.
"""

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from sqlalchemy.engine import Engine

from rfk_trips.config.environment import PRINT_DIR, print_folder
from rfk_trips.database.failures import reason_in_words
from rfk_trips.documents.programme_service import write_programme
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError
from rfk_trips.trips.trip_service import trip_detail
from storage.engine import default_db_path
from storage.private_files import private_folder

ENV_PRINT_DIR = PRINT_DIR.name  # the old name, which tests still name the variable by
FOLDER_NAME = "udskrifter"
LP_TIMEOUT_SECONDS = 20
LPSTAT_TIMEOUT_SECONDS = 5
_REASON_MAX = 200

# The file name's word for each version (ASCII, so any print queue or mail shows it).
AUDIENCE_FILE_WORDS: dict[str, str] = {
    "participant": "deltagere",
    "staff": "koereark",
    "company": "virksomhed",
    "bus": "bus",
}


@dataclass(frozen=True)
class CommandOutcome:
    returncode: int
    stdout: str
    stderr: str


# Runs one command (a list of arguments, never a shell line) within a timeout in seconds.
CommandRunner = Callable[[list[str], float], CommandOutcome]


def run_command(args: list[str], timeout: float) -> CommandOutcome:
    """Run `args` without a shell; raises OSError or subprocess.TimeoutExpired."""
    # lpstat's answers are read by pattern, so ask for them untranslated.
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    done = subprocess.run(
        args,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    return CommandOutcome(done.returncode, done.stdout, done.stderr)


@dataclass(frozen=True)
class Printer:
    name: str
    command: str  # the `lp` program that prints to it, or STARTFILE
    system_default: bool = False  # the system's default printer, whose name we do not know


class PrintRoute(Protocol):
    """How this machine's printer is found, and a file handed to it."""

    def find(self) -> Printer | None: ...

    def send(self, printer: Printer, path: Path) -> str | None: ...


STARTFILE = "os.startfile"
# Opens a file with a verb, as Explorer does (`os.startfile` on Windows): path, verb.
StartFile = Callable[[str, str], None]


def system_start_file() -> StartFile | None:
    """`os.startfile` where the system has it (Windows only), else None."""
    start: StartFile | None = getattr(os, "startfile", None)
    return start


@dataclass(frozen=True)
class WindowsDefaultPrinter:
    """Windows: the default printer, through the "print" verb of the program that opens
    PDF files. The verb returns once that program has the file; whether paper comes out
    is the program's and the spooler's business, so the message says where the file is."""

    start: StartFile | None = field(default_factory=system_start_file)

    def find(self) -> Printer | None:
        if self.start is None:
            return None
        return Printer(t("printing.windows_default"), STARTFILE, system_default=True)

    def send(self, printer: Printer, path: Path) -> str | None:
        if self.start is None:
            return t("printing.windows_cannot")
        try:
            self.start(str(path.absolute()), "print")
        except OSError as exc:  # no program is set to print PDF files, or it refused
            return (exc.strerror or type(exc).__name__)[:_REASON_MAX]
        return None


_DEFAULT = re.compile(r"default destination:\s*(\S+)")
_PRINTER = re.compile(r"^printer\s+(\S+)\s*(.*)$")


@dataclass(frozen=True)
class PrinterLookup:
    """How this machine's printer is found and used: CUPS's `lpstat` and `lp`.

    Both the program search and the runner can be swapped, so a test can stage a machine
    with a working printer, one that refuses, or none.
    """

    which: Callable[[str], str | None] = shutil.which
    run: CommandRunner = run_command

    def find(self) -> Printer | None:
        """The default destination, else the only enabled printer; None when unsure."""
        lp = self.which("lp")
        lpstat = self.which("lpstat")
        if lp is None or lpstat is None:
            return None
        answer = self._ask([lpstat, "-d"])
        if answer is not None and (match := _DEFAULT.search(answer)):
            return Printer(match.group(1), lp)
        listing = self._ask([lpstat, "-p"]) or ""
        enabled = [
            match.group(1)
            for line in listing.splitlines()
            if (match := _PRINTER.match(line)) and "disabled" not in match.group(2)
        ]
        return Printer(enabled[0], lp) if len(enabled) == 1 else None

    def send(self, printer: Printer, path: Path) -> str | None:
        """Hand `path` to `printer`; None when it was taken, else the reason it was not."""
        # The path is absolute, so lp cannot read it as an option.
        args = [printer.command, "-d", printer.name, str(path.absolute())]
        try:
            outcome = self.run(args, LP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            return t("printing.timeout", seconds=LP_TIMEOUT_SECONDS)
        except OSError as exc:
            return exc.strerror or type(exc).__name__
        if outcome.returncode == 0:
            return None
        return _reason(outcome) or t("printing.exit_code", code=outcome.returncode)

    def _ask(self, args: list[str]) -> str | None:
        try:
            outcome = self.run(args, LPSTAT_TIMEOUT_SECONDS)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return outcome.stdout if outcome.returncode == 0 else None


def default_printer_lookup() -> PrintRoute:
    """The printer route the UI uses: CUPS's `lp`, or on Windows (which has `os.startfile`
    and no `lp`) the default printer through the PDF program; tests replace this function."""
    if system_start_file() is not None and shutil.which("lp") is None:
        return WindowsDefaultPrinter()
    return PrinterLookup()


def _reason(outcome: CommandOutcome) -> str:
    lines = [line.strip() for line in outcome.stderr.splitlines() if line.strip()]
    if not lines:
        return ""
    last = lines[-1].removeprefix("lp:").strip()
    return last[:_REASON_MAX]


def documents_folder() -> Path:
    """Where printed programmes go: RFK_TRIPS_PRINT_DIR, else `udskrifter` by the database."""
    return print_folder() or default_db_path().parent / FOLDER_NAME


def file_name(trip_id: int, audience: str, trip_date: date, company_id: int | None = None) -> str:
    """`tur-56-koereark-2026-11-27.pdf`: the trip, the version and the day, no names; a
    host's letter carries the company's number (`tur-56-virksomhed-3-2026-11-27.pdf`)."""
    word = AUDIENCE_FILE_WORDS[audience]
    if company_id is not None:
        word = f"{word}-{company_id}"
    return f"tur-{trip_id}-{word}-{trip_date.isoformat()}.pdf"


@dataclass(frozen=True)
class PrintResult:
    path: Path
    sent: bool
    printer: str | None  # the printer it went to, or the one that refused it
    message: str  # what happened, for the user
    failed: bool  # a printer was there and refused
    # Every file written: one, or one per host for the host's version (R37).
    paths: tuple[Path, ...] = ()


def print_programme(
    engine: Engine,
    trip_id: int,
    audience: str,
    *,
    today: date,
    folder: Path | None = None,
    printer: PrintRoute | None = None,
) -> PrintResult:
    """Save the `audience` version of the trip as a PDF in `folder`, then print it if possible.

    Raises UserError (in the current language) when the PDF cannot be made or saved: an
    unknown version, a missing trip, a company version without visits, a folder that
    cannot be created. Whatever the printer does is told in the result instead.
    """
    paths = save_programmes(engine, trip_id, audience, today=today, folder=folder)
    path = paths[0]
    folder_shown = paths[0].parent
    shown = path if len(paths) == 1 else t("printing.files", count=len(paths), folder=folder_shown)
    document = t(f"programme.audience.{audience}")
    lookup = printer if printer is not None else default_printer_lookup()
    found = lookup.find()
    if found is None:
        message = t("printing.no_printer", document=document, path=shown)
        return PrintResult(path, False, None, message, False, paths)
    default = "_default" if found.system_default else ""
    for each in paths:
        reason = lookup.send(found, each)
        if reason is not None:
            message = t(f"printing.refused{default}", printer=found.name, reason=reason, path=shown)
            return PrintResult(path, False, found.name, message, True, paths)
    message = t(f"printing.sent{default}", document=document, printer=found.name, path=shown)
    return PrintResult(path, True, found.name, message, False, paths)


def save_programme(
    engine: Engine,
    trip_id: int,
    audience: str,
    *,
    today: date,
    folder: Path | None = None,
    company_id: int | None = None,
) -> Path:
    """Save the `audience` version of the trip as a PDF in `folder` (default: the documents
    folder), named by `file_name`; its absolute path. UserError as `print_programme`. The
    host's version holds every host's letter, or `company_id`'s only."""
    if audience not in AUDIENCE_FILE_WORDS:
        raise UserError(t("programme.unknown_audience", audience=audience))
    detail = trip_detail(engine, trip_id)
    target_folder = ready_folder(folder)
    return write_programme(
        engine,
        trip_id,
        audience,
        target_folder / file_name(trip_id, audience, detail.trip_date, company_id),
        today=today,
        company_id=company_id,
    ).absolute()


def save_programmes(
    engine: Engine, trip_id: int, audience: str, *, today: date, folder: Path | None = None
) -> tuple[Path, ...]:
    """The files printing makes: one, or for the host's version one per host (R37: a
    letter goes to one company, which should not read the others')."""
    if audience != "company":
        return (save_programme(engine, trip_id, audience, today=today, folder=folder),)
    visits = trip_detail(engine, trip_id).visits
    hosts: list[int | None] = list(dict.fromkeys(v.company_id for v in visits)) or [None]
    return tuple(
        save_programme(engine, trip_id, audience, today=today, folder=folder, company_id=company_id)
        for company_id in hosts
    )


def ready_folder(folder: Path | None = None) -> Path:
    """`folder` (default: the documents folder), created readable by its owner only (0700)
    if it is new; UserError in words when it cannot be."""
    return ensure_folder(folder if folder is not None else documents_folder())


def ensure_folder(folder: Path) -> Path:
    """The folder, created readable by its owner only (0700) if it is new."""
    if folder.is_dir():
        return folder
    try:
        private_folder(folder)
    except OSError as exc:
        reason = reason_in_words(exc)
        raise UserError(t("printing.folder_failed", path=folder, reason=reason)) from exc
    return folder
