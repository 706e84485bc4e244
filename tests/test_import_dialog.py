"""Indstillinger → Importér: a file imported from the terminal app, checked first, with progress.

The import itself is tested in test_importing.py; here the dialog around it: the key and the
palette command that open it, the dry run that writes nothing, the import that writes, the
refusal with its lines, the rows read while it runs, and no traceback for the unexpected.
"""

import csv
import io
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from textual.widgets import Button, Input, ProgressBar, Select, Static

from rfk_trips.app.application import RfkTripsApp
from rfk_trips.exchange import importing
from rfk_trips.exchange.import_reading import IMPORT_KINDS, ImportKind, ImportReport, ImportStep
from rfk_trips.i18n.catalogue import set_language
from screens.config.settings import SettingsScreen
from screens.dialogs.import_dialog import ImportDialog, typed_path
from screens.registers.register_screen import RegisterScreen
from screens.shell.palette import RfkCommandPalette
from screens.widgets.footer import KeyFooter
from storage.models import Citizen
from storage.sessions import session_scope
from tests.pilot_helpers import (
    SIZE,
    AppPilot,
    pause_until,
    row_keys,
    settle,
    start,
    static_text,
    type_text,
)

HEADER = ["navn", "telefon", "kommune"]
CITIZENS = [
    ["Mette Jørgensen", "20 30 40 50", "Lolland"],
    ["Ali Hassan", "21 31 41 51", "Guldborgsund"],
    ["Søren [b]Å[/b]gård", "22 32 42 52", "Lolland"],  # brackets: shown as written
]


def write_csv(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    """A CSV as Danish Excel saves it: semicolons, CRLF, UTF-8 with a BOM."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return path


def citizen_count(engine: Engine) -> int:
    with session_scope(engine) as session:
        return session.scalar(select(func.count()).select_from(Citizen)) or 0


def result_text(dialog: ImportDialog) -> str:
    return static_text(dialog.query_one("#import-result-text", Static))


async def open_settings(app: RfkTripsApp, pilot: AppPilot) -> SettingsScreen:
    await settle(app, pilot)
    await pilot.press("f7")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


async def open_dialog(app: RfkTripsApp, pilot: AppPilot) -> ImportDialog:
    await open_settings(app, pilot)
    await pilot.press("i")
    await settle(app, pilot)
    dialog = app.screen
    assert isinstance(dialog, ImportDialog)
    return dialog


async def choose(app: RfkTripsApp, pilot: AppPilot, dialog: ImportDialog, kind: str) -> None:
    """Open the list of kinds with Enter and go down to `kind`, as a user does."""
    select: Select[str] = dialog.query_one("#import-kind", Select)
    assert select.selection == IMPORT_KINDS[0]  # the list opens on the first kind
    select.focus()
    await pilot.press("enter")
    await settle(app, pilot)
    await pilot.press(*["down"] * IMPORT_KINDS.index(kind), "enter")
    await settle(app, pilot)
    assert select.selection == kind


async def type_path(app: RfkTripsApp, pilot: AppPilot, dialog: ImportDialog, path: Path) -> None:
    field = dialog.query_one("#import-path", Input)
    field.focus()
    await type_text(pilot, str(path))
    assert field.value == str(path)


async def press(app: RfkTripsApp, pilot: AppPilot, dialog: ImportDialog, button: str) -> None:
    await pilot.click(dialog.query_one(button, Button))
    await settle(app, pilot)


async def test_check_then_import_three_citizens_from_settings(
    db_path: Path, engine: Engine, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "borgere.csv", [HEADER, *CITIZENS])
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        await choose(app, pilot, dialog, "citizens")
        assert "Borgere" in static_text(
            dialog.query_one("#import-kind").query_one("SelectCurrent #label", Static)
        )
        await type_path(app, pilot, dialog, path)

        await press(app, pilot, dialog, "#import-check")
        assert result_text(dialog).splitlines()[:2] == [
            "Borgere: 3 ny(e), 0 opdateret, 0 uændret.",
            "Prøvekørsel: intet er skrevet til databasen.",
        ]
        assert not dialog.query_one("#import-result-text").has_class("refused")
        assert citizen_count(engine) == 0
        # What checked out is one key away: the focus is on Importér.
        assert app.focused is dialog.query_one("#import-run", Button)

        await press(app, pilot, dialog, "#import-run")
        assert result_text(dialog).splitlines()[0] == "Borgere: 3 ny(e), 0 opdateret, 0 uændret."
        assert "Prøvekørsel" not in result_text(dialog)
        assert citizen_count(engine) == 3

        # The same file again changes nothing.
        await press(app, pilot, dialog, "#import-run")
        assert result_text(dialog).splitlines()[0] == "Borgere: 0 ny(e), 0 opdateret, 3 uændret."
        assert citizen_count(engine) == 3

        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, SettingsScreen)

        # The citizens list shows them.
        await pilot.press("f4")
        await settle(app, pilot)
        assert isinstance(app.screen, RegisterScreen)
        assert len(row_keys(app.screen)) == 3


async def test_a_list_opened_before_the_import_shows_the_new_citizens(
    db_path: Path, engine: Engine, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "borgere.csv", [HEADER, *CITIZENS])
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        citizens = app.screen
        assert isinstance(citizens, RegisterScreen)
        assert row_keys(citizens) == []
        dialog = await open_dialog(app, pilot)
        await choose(app, pilot, dialog, "citizens")
        await type_path(app, pilot, dialog, path)
        await press(app, pilot, dialog, "#import-run")
        assert citizen_count(engine) == 3
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        assert len(row_keys(citizens)) == 3
        assert app.screen is citizens  # the same list, read again


async def test_a_bad_row_is_refused_with_its_line_and_nothing_is_written(
    db_path: Path, engine: Engine, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "borgere.csv", [HEADER, ["Bent", "123", "Lolland"], *CITIZENS])
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        await choose(app, pilot, dialog, "citizens")
        await type_path(app, pilot, dialog, path)
        for button in ("#import-check", "#import-run"):
            await press(app, pilot, dialog, button)
            lines = result_text(dialog).splitlines()
            assert lines[0].startswith("Intet er importeret: 1 række(r) har fejl.")
            assert lines[1].startswith("Linje 2: ")
            assert "Telefonnummeret skal være 8 cifre" in lines[1]
            assert dialog.query_one("#import-result-text").has_class("refused")
            assert citizen_count(engine) == 0
        assert not any(b.disabled for b in dialog.query(Button))


async def test_a_missing_file_and_no_file_are_said_in_danish(
    db_path: Path, engine: Engine, tmp_path: Path
) -> None:
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        await press(app, pilot, dialog, "#import-check")
        assert result_text(dialog) == "Skriv stien til den fil, der skal importeres."

        missing = tmp_path / "findes-ikke.csv"
        await type_path(app, pilot, dialog, missing)
        await pilot.press("enter")  # Enter in the field checks the file
        await settle(app, pilot)
        assert result_text(dialog) == f"Filen {missing} findes ikke."
        assert "Traceback" not in result_text(dialog)


async def test_the_rows_read_show_while_it_runs_and_nothing_can_be_pressed(
    db_path: Path, engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long import, held halfway: the bar, the count, the buttons and Esc while it runs."""
    go_on = threading.Event()
    go_on_writing = threading.Event()

    def held_import(
        _engine: Engine, kind: ImportKind, _path: Path, *, dry_run: bool, progress: Any, **_: Any
    ) -> ImportReport:
        progress(ImportStep(1500))
        assert go_on.wait(10)
        progress(ImportStep(1500, 500, 1500))
        assert go_on_writing.wait(10)
        return ImportReport(kind, created=1500, dry_run=dry_run)

    monkeypatch.setattr(importing, "import_file", held_import)
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        await type_path(app, pilot, dialog, tmp_path / "stor.csv")
        await pilot.click(dialog.query_one("#import-run", Button))
        rows = dialog.query_one("#import-rows", Static)
        await pause_until(pilot, lambda: static_text(rows) == "1.500 rækker læst …")
        assert dialog.has_class("running")
        assert dialog.query_one("#import-progress").display
        assert dialog.query_one(ProgressBar).total is None  # no total: it sweeps
        assert all(button.disabled for button in dialog.query(Button))
        await pilot.press("escape")  # refused while it runs
        await pilot.pause()
        assert app.screen is dialog

        go_on.set()  # every row read and checked: the writing fills the bar
        await pause_until(
            pilot, lambda: static_text(rows) == "Alle rækker er i orden; skriver 500 af 1.500 …"
        )
        assert (dialog.query_one(ProgressBar).total, dialog.query_one(ProgressBar).progress) == (
            1500,
            500,
        )
        assert all(button.disabled for button in dialog.query(Button))
        go_on_writing.set()
        await settle(app, pilot)
        assert not dialog.has_class("running")
        assert not dialog.query_one("#import-progress").display
        assert not any(button.disabled for button in dialog.query(Button))
        assert result_text(dialog) == "Virksomheder: 1.500 ny(e), 0 opdateret, 0 uændret."
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, SettingsScreen)


async def test_a_real_long_file_reports_the_rows_read(
    db_path: Path, engine: Engine, tmp_path: Path
) -> None:
    rows = [[f"Borger {n}", f"2{n:07d}", "Lolland"] for n in range(1, 1201)]
    path = write_csv(tmp_path / "mange.csv", [HEADER, *rows])
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        await choose(app, pilot, dialog, "citizens")
        await type_path(app, pilot, dialog, path)
        await press(app, pilot, dialog, "#import-check")
        assert result_text(dialog).startswith("Borgere: 1.200 ny(e)")
        # The step last heard from the import (every 500 rows, and the last), in Danish numerals.
        assert static_text(dialog.query_one("#import-rows", Static)) == (
            "Alle rækker er i orden; skriver 1.200 af 1.200 …"
        )
        assert citizen_count(engine) == 0


async def test_an_unexpected_failure_is_a_danish_sentence_not_a_traceback(
    db_path: Path, engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> ImportReport:
        raise RuntimeError("internal detail [b]")

    monkeypatch.setattr(importing, "import_file", broken)
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        await type_path(app, pilot, dialog, tmp_path / "v.csv")
        await press(app, pilot, dialog, "#import-run")
        text = result_text(dialog)
        assert text.startswith("Der skete en uventet fejl, og handlingen blev ikke gemt.")
        assert "internal detail" not in text and "Traceback" not in text
        assert app.screen is dialog


async def test_the_key_is_in_the_footer_and_the_command_in_the_palette(
    db_path: Path, engine: Engine
) -> None:
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        settings = await open_settings(app, pilot)
        assert "i Importér…" in settings.query_one(KeyFooter).render_line(0).text
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        assert isinstance(app.screen, RfkCommandPalette)
        await type_text(pilot, "importér")
        await settle(app, pilot)
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ImportDialog)


async def test_in_english(db_path: Path, engine: Engine, tmp_path: Path) -> None:
    app = start(db_path, lang="en")
    try:
        async with app.run_test(size=SIZE) as pilot:
            settings = await open_settings(app, pilot)
            assert "i Import…" in settings.query_one(KeyFooter).render_line(0).text
            dialog = await open_dialog(app, pilot)
            assert dialog.query_one("#import-path", Input).placeholder == (
                "Path to an .xlsx or .csv file"
            )
            assert str(dialog.query_one("#import-check", Button).label) == "Check the file"
    finally:
        set_language("da")


@pytest.mark.parametrize(
    ("typed", "path"),
    [
        ("  /tmp/borgere.csv ", Path("/tmp/borgere.csv")),
        ("'/tmp/mine filer/borgere.csv'", Path("/tmp/mine filer/borgere.csv")),
        ('"/tmp/borgere.xlsx"', Path("/tmp/borgere.xlsx")),
        ("~/borgere.csv", Path.home() / "borgere.csv"),
        ("   ", None),
    ],
)
def test_the_typed_path_as_a_terminal_pastes_it(typed: str, path: Path | None) -> None:
    assert typed_path(typed) == path
