"""Printing from the trip editor: the PDF is always saved, and sent to `lp` when there is a
printer; a printer that refuses or hangs is told to the user, never raised."""

import stat
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from rfk_trips.app.application import RfkTripsApp, make_app
from rfk_trips.documents import printing
from rfk_trips.documents.printing import (
    CommandOutcome,
    PrinterLookup,
    documents_folder,
    print_programme,
    run_command,
)
from rfk_trips.rules.danish_dates import format_date_long
from rfk_trips.rules.errors import UserError
from rfk_trips.trips import trip_listing, trip_service
from screens.dialogs.print_dialog import PrintDialog
from screens.trips.trip_editor.screen import TripEditorScreen
from storage.codes import TripStatus
from storage.engine import default_db_path
from storage.models import PrintRecord
from tests.conftest import TODAY
from tests.database_choice import url_for
from tests.pilot_helpers import settle

LP = "/usr/bin/lp"
LPSTAT = "/usr/bin/lpstat"


@dataclass
class FakeMachine:
    """A machine with CUPS staged: what `lpstat` says and how `lp` answers."""

    programs: dict[str, str] = field(default_factory=lambda: {"lp": LP, "lpstat": LPSTAT})
    default: str = "system default destination: Kontor\n"
    printers: str = "printer Kontor is idle.  enabled since Mon 23 Nov 2026 08:00:00\n"
    lp_answer: CommandOutcome | Exception = field(
        default_factory=lambda: CommandOutcome(0, "request id is Kontor-7 (1 file(s))\n", "")
    )
    calls: list[list[str]] = field(default_factory=list)

    def lookup(self) -> PrinterLookup:
        return PrinterLookup(which=self.programs.get, run=self.run)

    def run(self, args: list[str], timeout: float) -> CommandOutcome:
        assert isinstance(args, list) and timeout > 0
        self.calls.append(args)
        if args == [LPSTAT, "-d"]:
            return CommandOutcome(0, self.default, "")
        if args == [LPSTAT, "-p"]:
            return CommandOutcome(0, self.printers, "")
        assert args[0] == LP
        if isinstance(self.lp_answer, Exception):
            raise self.lp_answer
        return self.lp_answer

    @property
    def lp_calls(self) -> list[list[str]]:
        return [call for call in self.calls if call[0] == LP]


def future_trip(engine: Engine) -> trip_listing.TripSummary:
    return next(
        summary
        for summary in trip_listing.list_trips(engine, date_from=TODAY + timedelta(days=1))
        if summary.status != TripStatus.CANCELLED and summary.visits and summary.participants
    )


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "udskrifter"


# --- the service ----------


def test_the_run_sheet_is_saved_in_the_folder_and_sent_to_the_default_printer(
    demo_engine: Engine, folder: Path
) -> None:
    trip = future_trip(demo_engine)
    machine = FakeMachine()
    result = print_programme(
        demo_engine, trip.id, "staff", today=TODAY, folder=folder, printer=machine.lookup()
    )
    expected = folder / f"tur-{trip.id}-koereark-{trip.trip_date.isoformat()}.pdf"
    assert result.path == expected.absolute()
    assert expected.read_bytes().startswith(b"%PDF")
    assert format_date_long(trip.trip_date) in pdf_text(expected)
    assert machine.lp_calls == [[LP, "-d", "Kontor", str(expected.absolute())]]
    assert result.sent and not result.failed
    assert result.printer == "Kontor"
    assert result.message == (
        f"»Køreark for medarbejdere« er sendt til printeren Kontor. "
        f"Filen ligger også i {expected.absolute()}."
    )
    # A new folder is its owner's only; the run sheet names citizens, so it is 0600.
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(expected.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("audience", "word"),
    [
        ("participant", "deltagere"),
        ("staff", "koereark"),
        ("company", "virksomhed"),
        ("bus", "bus"),
    ],
)
def test_each_version_has_its_own_file_name(
    demo_engine: Engine, folder: Path, audience: str, word: str
) -> None:
    trip = future_trip(demo_engine)
    result = print_programme(
        demo_engine, trip.id, audience, today=TODAY, folder=folder, printer=FakeMachine().lookup()
    )
    # A host's letter goes to one company: its file carries the company's number.
    host = f"-{trip_service.trip_detail(demo_engine, trip.id).visits[0].company_id}"
    number = host if audience == "company" else ""
    assert result.path.name == f"tur-{trip.id}-{word}{number}-{trip.trip_date.isoformat()}.pdf"
    assert result.path.is_file()


def test_a_printer_that_refuses_leaves_the_file_and_says_why(
    demo_engine: Engine, folder: Path
) -> None:
    trip = future_trip(demo_engine)
    machine = FakeMachine(
        lp_answer=CommandOutcome(1, "", "lp: The printer or class does not exist.\n")
    )
    result = print_programme(
        demo_engine, trip.id, "bus", today=TODAY, folder=folder, printer=machine.lookup()
    )
    assert not result.sent and result.failed
    assert result.printer == "Kontor"
    assert result.path.is_file()
    assert result.message == (
        "Printeren Kontor tog ikke imod udskriften (The printer or class does not exist.). "
        f"Filen ligger stadig i {result.path}; prøv igen, eller udskriv den derfra."
    )


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (subprocess.TimeoutExpired([LP], 20), "intet svar inden for 20 sekunder"),
        (PermissionError(13, "Adgang nægtet"), "Adgang nægtet"),
        (CommandOutcome(2, "", ""), "lp sluttede med fejlkode 2"),
    ],
)
def test_a_printer_that_hangs_or_cannot_run_is_an_answer_not_an_error(
    demo_engine: Engine, folder: Path, answer: CommandOutcome | Exception, reason: str
) -> None:
    trip = future_trip(demo_engine)
    machine = FakeMachine(lp_answer=answer)
    result = print_programme(
        demo_engine, trip.id, "participant", today=TODAY, folder=folder, printer=machine.lookup()
    )
    assert result.failed and not result.sent
    assert f"({reason})" in result.message
    assert str(result.path) in result.message
    assert result.path.is_file()


def test_without_lp_the_file_is_saved_and_the_message_says_where(
    demo_engine: Engine, folder: Path
) -> None:
    trip = future_trip(demo_engine)
    machine = FakeMachine(programs={})
    result = print_programme(
        demo_engine, trip.id, "participant", today=TODAY, folder=folder, printer=machine.lookup()
    )
    assert machine.calls == []
    assert not result.sent and not result.failed and result.printer is None
    assert result.path.is_file()
    assert result.message == (
        "Der er ingen standardprinter på denne maskine, så »Program for deltagere« er ikke "
        f"udskrevet. Filen ligger i {result.path}."
    )


def test_the_only_printer_is_used_when_there_is_no_default(
    demo_engine: Engine, folder: Path
) -> None:
    trip = future_trip(demo_engine)
    machine = FakeMachine(
        default="no system default destination\n",
        printers="printer Gang disabled since Mon 23 Nov 2026 -\n\treason unknown\n"
        "printer Kontor is idle.  enabled since Mon 23 Nov 2026\n",
    )
    result = print_programme(
        demo_engine, trip.id, "bus", today=TODAY, folder=folder, printer=machine.lookup()
    )
    assert result.sent and result.printer == "Kontor"
    assert machine.lp_calls[0][:3] == [LP, "-d", "Kontor"]


def test_several_printers_and_no_default_prints_nothing(demo_engine: Engine, folder: Path) -> None:
    trip = future_trip(demo_engine)
    machine = FakeMachine(
        default="no system default destination\n",
        printers="printer Gang is idle.  enabled since x\n"
        "printer Kontor is idle.  enabled since x\n",
    )
    result = print_programme(
        demo_engine, trip.id, "staff", today=TODAY, folder=folder, printer=machine.lookup()
    )
    assert machine.lp_calls == []
    assert not result.sent and not result.failed
    assert "ingen standardprinter" in result.message


def test_a_version_that_cannot_be_made_is_refused_before_any_printer(
    demo_engine: Engine, folder: Path
) -> None:
    trip_id = trip_service.create_trip(
        demo_engine, format_code="custom", trip_date=TODAY + timedelta(days=30)
    )
    machine = FakeMachine()
    with pytest.raises(UserError) as caught:
        print_programme(
            demo_engine, trip_id, "company", today=TODAY, folder=folder, printer=machine.lookup()
        )
    assert "intet virksomhedsbesøg" in caught.value.message
    assert machine.calls == []
    with pytest.raises(UserError) as unknown:
        print_programme(demo_engine, trip_id, "kok", today=TODAY, folder=folder)
    assert "»kok«" in unknown.value.message
    with pytest.raises(UserError) as missing:
        print_programme(demo_engine, 99_999, "bus", today=TODAY, folder=folder)
    assert "Der findes ingen tur med id 99999" in missing.value.message


def test_a_folder_that_cannot_be_made_is_refused_in_danish(
    demo_engine: Engine, tmp_path: Path
) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("ikke en mappe")
    trip = future_trip(demo_engine)
    with pytest.raises(UserError) as caught:
        print_programme(
            demo_engine, trip.id, "bus", today=TODAY, folder=blocker / "udskrifter",
            printer=FakeMachine().lookup(),
        )  # fmt: skip
    assert "kunne ikke oprettes" in caught.value.message
    assert "RFK_TRIPS_PRINT_DIR" in caught.value.message


def test_the_documents_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(printing.ENV_PRINT_DIR, raising=False)
    assert documents_folder() == default_db_path().parent / "udskrifter"
    monkeypatch.setenv(printing.ENV_PRINT_DIR, str(tmp_path / "print"))
    assert documents_folder() == tmp_path / "print"


def test_commands_run_without_a_shell() -> None:
    outcome = run_command([sys.executable, "-c", "print('hej; echo nej')"], 10)
    assert outcome == CommandOutcome(0, "hej; echo nej\n", "")


# --- the trip editor ----------


@pytest.fixture
def machine(monkeypatch: pytest.MonkeyPatch, folder: Path) -> FakeMachine:
    staged = FakeMachine()
    monkeypatch.setenv(printing.ENV_PRINT_DIR, str(folder))
    monkeypatch.setattr(printing, "default_printer_lookup", staged.lookup)
    return staged


async def open_editor(app: RfkTripsApp, pilot: Any, trip_id: int) -> TripEditorScreen:
    await settle(app, pilot)
    editor = TripEditorScreen(app.context, trip_id)
    await app.push_screen(editor)
    await settle(app, pilot)
    return editor


async def test_ctrl_o_prints_the_chosen_version_from_the_editor(
    demo_engine: Engine, db_path: Path, folder: Path, machine: FakeMachine
) -> None:
    trip = future_trip(demo_engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        editor = await open_editor(app, pilot, trip.id)
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, PrintDialog)
        assert "med navne og telefonnumre" in str(dialog.query_one("#print-staff").label)
        await pilot.press("down", "enter")  # the second version: the run sheet
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is editor
        target = folder / f"tur-{trip.id}-koereark-{trip.trip_date.isoformat()}.pdf"
        assert target.is_file()
        assert format_date_long(trip.trip_date) in pdf_text(target)
        assert machine.lp_calls == [[LP, "-d", "Kontor", str(target.absolute())]]
        messages = [notice.message for notice in app._notifications]
        assert any("sendt til printeren Kontor" in text for text in messages)
    with Session(demo_engine) as session:
        records = session.scalars(select(PrintRecord).where(PrintRecord.trip_id == trip.id)).all()
    assert [record.audience for record in records] == ["staff"]


async def test_a_refusing_printer_is_shown_as_an_error_and_escape_prints_nothing(
    demo_engine: Engine, db_path: Path, folder: Path, machine: FakeMachine
) -> None:
    trip = future_trip(demo_engine)
    machine.lp_answer = CommandOutcome(1, "", "lp: Unable to connect to server\n")
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        await open_editor(app, pilot, trip.id)
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert not folder.exists()
        # From the command palette this time; the participants' programme is chosen already.
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        await pilot.press(*"Udskriv")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PrintDialog)
        await pilot.press("f10")
        await settle(app, pilot)
        target = folder / f"tur-{trip.id}-deltagere-{trip.trip_date.isoformat()}.pdf"
        assert target.is_file()
        errors = [notice for notice in app._notifications if notice.severity == "error"]
        assert len(errors) == 1
        assert "Unable to connect to server" in errors[0].message
        assert str(target.absolute()) in errors[0].message
