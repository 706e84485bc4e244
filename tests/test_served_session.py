"""One browser session of `rfk-trips serve`: the login on a server database, and files that
go to the browser instead of the server's disk (its printer, its folders).

The app runs under Pilot here; `is_web` (true under textual-serve's web driver) is set by the
tests that play the browser. tests/test_serve_browser.py drives the real thing in Chromium.
"""

import os
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session
from textual.widgets import Button

from rfk_trips.app.application import RfkTripsApp, make_app
from rfk_trips.app.context import AppContext
from rfk_trips.app.serving import session_url
from rfk_trips.privacy.acting_user import acting_user
from rfk_trips.privacy.audit_log import audit_lines
from rfk_trips.rules.errors import UserError
from rfk_trips.trips import trip_listing
from screens.dialogs.print_dialog import PrintDialog
from screens.shell.home import HomeScreen
from screens.shell.login import LoginScreen
from screens.trips.trip_editor.screen import TripEditorScreen
from storage.codes import TripStatus
from storage.models import PrintRecord
from tests.colleague_logins import colleague_login
from tests.conftest import TODAY
from tests.database_choice import url_for
from tests.pilot_helpers import SIZE, settle, static_text, type_text

# --- the login, on a server database ----------------------------------------------------


@pytest.fixture
def anne(engine: Engine) -> Iterator[tuple[str, str]]:
    with colleague_login(engine, "anne") as login:
        yield login


def served(database_url: str) -> RfkTripsApp:
    """The app as `serve` starts it for a session: the server's URL without any login."""
    return make_app(database_url=session_url(database_url), served=True)


def error_text(app: RfkTripsApp) -> str:
    return static_text(app.screen.query_one("#login-error"))


async def log_in(app: RfkTripsApp, pilot: Any, login: str, password: str) -> None:
    await settle(app, pilot)
    await type_text(pilot, login)
    await pilot.press("enter")  # on to the password
    await type_text(pilot, password)
    await pilot.press("enter")
    await settle(app, pilot)


@pytest.mark.postgresql_only
async def test_a_session_opens_nothing_before_the_login_and_then_acts_as_that_login(
    engine: Engine, database_url: str, anne: tuple[str, str]
) -> None:
    login, password = anne
    app = served(database_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, LoginScreen)
        await pilot.press("f3", "ctrl+p")  # no screen, no palette before the login
        await settle(app, pilot)
        assert isinstance(app.screen, LoginScreen)
        assert app.context._opened is None

        await log_in(app, pilot, login, "forkert")
        assert isinstance(app.screen, LoginScreen)
        assert error_text(app) == "Forkert login eller adgangskode. Prøv igen."
        assert app.screen.query_one("#login-password").value == ""

        await pilot.press("ctrl+u")  # the login stays as typed: only the password again
        await type_text(pilot, password)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        opened = app.context.database()
        assert opened.engine.url.username == login
        assert acting_user() == login  # who printed a run sheet, too: not the server's user
        await pilot.press("f3")
        await settle(app, pilot)
        assert app.screen.id != "screen-home"
        from rfk_trips.registers.company_service import save_company

        save_company(
            opened.engine, None, {"name": "Browserens Bageri", "postcode": "4930"}, today=TODAY
        )
    assert audit_lines(engine, limit=1)[0].actor == login


@pytest.mark.postgresql_only
async def test_an_unknown_login_or_an_empty_field_is_refused_in_words(
    database_url: str, anne: tuple[str, str]
) -> None:
    app = served(database_url)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(app, pilot, "ingen_her", "kode")
        assert error_text(app) == "Forkert login eller adgangskode. Prøv igen."
        await pilot.click("#login-name")
        await pilot.press("end", "ctrl+u", "enter", "enter")
        await settle(app, pilot)
        assert error_text(app) == "Skriv dit login."
        assert isinstance(app.screen, LoginScreen)


@pytest.mark.postgresql_only
def test_a_login_outside_the_colleagues_group_is_told_it_has_no_access(
    engine: Engine, database_url: str
) -> None:
    stranger = f"fremmed_{os.getpid()}"
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f"DROP ROLE IF EXISTS {stranger}"))
        connection.execute(text(f"CREATE ROLE {stranger} LOGIN PASSWORD 'kode'"))
    try:
        context = AppContext(session_url(database_url), login_required=True)
        with pytest.raises(UserError) as refused:
            context.log_in(stranger.upper(), "kode")
        assert refused.value.message.startswith(f"Login {stranger} må ikke bruge")
        assert context._opened is None and context.login_required
    finally:
        engine.dispose()
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text(f"DROP ROLE IF EXISTS {stranger}"))


def test_a_session_without_its_login_refuses_to_open_the_database(database_url: str) -> None:
    context = AppContext(session_url(database_url), login_required=True)
    with pytest.raises(UserError, match="Log ind først"):
        context.database()


def test_the_session_gets_the_server_without_the_login_of_whoever_started_serve() -> None:
    url = session_url("postgresql+psycopg://rfk_ejer:hemmelig@db.kommune.dk:5432/rfk")
    assert make_url(url).username is None and make_url(url).password is None
    assert "hemmelig" not in url and "rfk_ejer" not in url
    assert make_url(url).host == "db.kommune.dk" and make_url(url).database == "rfk"
    assert session_url("sqlite:////data/rfk.db") == "sqlite:////data/rfk.db"


@pytest.mark.sqlite_only(reason="a session on a SQLite file, which has no logins")
async def test_a_sqlite_session_starts_at_home_without_a_login(db_path: Path) -> None:
    app = make_app(database_url=url_for(db_path), served=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)


# --- files to the browser ---------------------------------------------------------------


class Browser:
    """What the app hands to the browser (`deliver_binary`), caught instead of sent."""

    def __init__(self) -> None:
        self.files: list[tuple[str, bytes, str | None]] = []

    def deliver_binary(self, file: BytesIO, **options: Any) -> str:
        self.files.append((options["save_filename"], file.read(), options.get("mime_type")))
        return "key"


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Browser:
    caught = Browser()
    monkeypatch.setattr(RfkTripsApp, "is_web", property(lambda _app: True))
    monkeypatch.setattr(
        RfkTripsApp, "deliver_binary", lambda _app, file, **kw: caught.deliver_binary(file, **kw)
    )
    return caught


@pytest.fixture
def no_printer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The documents folder of this test, and a printer that must never be asked."""
    from rfk_trips.documents import printing

    def refuse() -> printing.PrinterLookup:
        raise AssertionError("a browser session printed on the server's printer")

    monkeypatch.setattr(printing, "default_printer_lookup", refuse)
    folder = tmp_path / "udskrifter"
    monkeypatch.setenv("RFK_TRIPS_PRINT_DIR", str(folder))
    return folder


async def test_printing_in_a_browser_downloads_the_pdf_and_leaves_nothing_on_the_server(
    demo_engine: Engine, db_path: Path, browser: Browser, no_printer: Path
) -> None:
    trip = next(
        summary
        for summary in trip_listing.list_trips(demo_engine, date_from=TODAY)
        if summary.status != TripStatus.CANCELLED and summary.participants
    )
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        await settle(app, pilot)
        await app.push_screen(TripEditorScreen(app.context, trip.id))
        await settle(app, pilot)
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        assert isinstance(app.screen, PrintDialog)
        await pilot.press("down", "enter", "f10")  # the run sheet, which names citizens
        await settle(app, pilot)
        messages = [notice.message for notice in app._notifications]
    name = f"tur-{trip.id}-koereark-{trip.trip_date.isoformat()}.pdf"
    assert [(file[0], file[2]) for file in browser.files] == [(name, "application/pdf")]
    assert browser.files[0][1].startswith(b"%PDF-")
    assert f"{name} hentes i browseren." in messages
    assert not no_printer.exists()
    with Session(demo_engine) as session:
        records = session.scalars(select(PrintRecord).where(PrintRecord.trip_id == trip.id)).all()
    assert [record.audience for record in records] == ["staff"]  # logged as a saved file is


async def test_f12_in_a_browser_downloads_the_screen_as_svg(
    db_path: Path, browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f12")
        await settle(app, pilot)
        messages = [notice.message for notice in app._notifications]
    [(name, data, mime_type)] = browser.files
    assert name.startswith("rfk-trips-") and name.endswith(".svg")
    assert mime_type == "image/svg+xml" and data.startswith(b"<svg")
    assert "Skærmbilledet hentes i browseren." in messages
    assert not list(tmp_path.glob("*.svg"))


def upcoming_trip(engine: Engine) -> trip_listing.TripSummary:
    return next(
        summary
        for summary in trip_listing.list_trips(engine, date_from=TODAY)
        if summary.status != TripStatus.CANCELLED and summary.participants
    )


async def choose_in_print_dialog(app: RfkTripsApp, pilot: Any, trip_id: int, downs: int) -> None:
    """Ctrl+O in the trip's editor, then the choice `downs` below the participants' version."""
    await settle(app, pilot)
    await app.push_screen(TripEditorScreen(app.context, trip_id))
    await settle(app, pilot)
    await pilot.press("ctrl+o")
    await settle(app, pilot)
    assert isinstance(app.screen, PrintDialog)
    button = str(app.screen.query_one("#ok", Button).label)
    assert button == ("Hent (F10)" if app.is_web else "Udskriv (F10)")
    await pilot.press(*["down"] * downs, "enter", "f10")
    await settle(app, pilot)


async def test_the_calendar_file_from_the_editor_is_saved_beside_the_programmes(
    demo_engine: Engine, db_path: Path, no_printer: Path
) -> None:
    trip = upcoming_trip(demo_engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        await choose_in_print_dialog(app, pilot, trip.id, downs=4)  # after the four versions
        messages = [notice.message for notice in app._notifications]
    saved = no_printer / f"tur-{trip.id}-kalender-{trip.trip_date.isoformat()}.ics"
    assert saved.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert f"Filen er gemt i {saved.absolute()}." in messages


async def test_the_reminders_in_a_browser_are_a_download_with_nothing_left_on_the_server(
    demo_engine: Engine, db_path: Path, browser: Browser, no_printer: Path
) -> None:
    trip = upcoming_trip(demo_engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        await choose_in_print_dialog(app, pilot, trip.id, downs=5)
    [(name, data, mime_type)] = browser.files
    assert name == f"tur-{trip.id}-paamindelser-{trip.trip_date.isoformat()}.csv"
    assert mime_type == "text/csv"
    assert data.decode("utf-8-sig").splitlines()[0].lower().startswith("navn")
    assert len(data.decode("utf-8-sig").splitlines()) > 1
    assert not no_printer.exists()


async def open_companies_and_export(app: RfkTripsApp, pilot: Any, downs: int) -> None:
    """F3, Ctrl+O, and the format `downs` below Excel."""
    await settle(app, pilot)
    await pilot.press("f3")
    await settle(app, pilot)
    await pilot.press("ctrl+o")
    await settle(app, pilot)
    await pilot.press(*["down"] * downs, "enter", "f10")
    await settle(app, pilot)


async def test_a_register_saved_from_its_list_lands_beside_the_programmes(
    demo_engine: Engine, db_path: Path, no_printer: Path
) -> None:
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_companies_and_export(app, pilot, downs=0)
        messages = [notice.message for notice in app._notifications]
    saved = no_printer / f"virksomheder-{TODAY.isoformat()}.xlsx"
    from openpyxl import load_workbook

    rows = load_workbook(saved).active.max_row - 1
    assert rows >= 190
    assert f"{rows} rækker er gemt i {saved.absolute()}." in messages
    lines = [line for line in audit_lines(demo_engine, limit=5) if "virksomheder-" in line.detail]
    assert lines, "the export is logged as a read-out"


async def test_a_register_in_a_browser_is_a_download(
    demo_engine: Engine, db_path: Path, browser: Browser, no_printer: Path
) -> None:
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_companies_and_export(app, pilot, downs=1)  # CSV
    [(name, data, mime_type)] = browser.files
    assert name == f"virksomheder-{TODAY.isoformat()}.csv" and mime_type == "text/csv"
    assert data.startswith("\ufeff".encode()) and b";" in data.splitlines()[0]
    assert not no_printer.exists()


async def open_results_and_export(app: RfkTripsApp, pilot: Any, downs: int) -> None:
    """F9, Ctrl+O, and the format `downs` below Excel."""
    await settle(app, pilot)
    await pilot.press("f9")
    await settle(app, pilot)
    await pilot.press("ctrl+o")
    await settle(app, pilot)
    await pilot.press(*["down"] * downs, "enter", "f10")
    await settle(app, pilot)


async def test_the_figures_saved_from_resultater_land_beside_the_programmes(
    demo_engine: Engine, db_path: Path, no_printer: Path
) -> None:
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_results_and_export(app, pilot, downs=0)
        messages = [notice.message for notice in app._notifications]
    saved = no_printer / f"tal-{TODAY.isoformat()}.xlsx"
    assert saved.is_file()
    assert any(str(saved.absolute()) in message and "rækker" in message for message in messages)


async def test_the_figures_in_a_browser_are_a_download_with_small_counts_hidden(
    demo_engine: Engine, db_path: Path, browser: Browser, no_printer: Path
) -> None:
    import json

    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_results_and_export(app, pilot, downs=2)  # JSON
    [(name, data, mime_type)] = browser.files
    assert name == f"tal-{TODAY.isoformat()}.json" and mime_type == "application/json"
    figures = json.loads(data)
    assert "evaluation" in figures and "<5" in data.decode("utf-8")
    assert not no_printer.exists()
