"""`rfk-trips serve` in a real headless Chromium, as a person uses it: (on PostgreSQL) the
login, the home screen, F3 and a search for "ærø", and a programme downloaded as a PDF, with
no request leaving the server.

Debian's chromium, driven by Playwright (no browser is downloaded); the screen is read from
the terminal output (tests/browser_terminal.py). Outside CI a machine without Chromium skips
it; under CI=true it fails.
"""

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy.engine import Engine

from rfk_trips.registers.company_service import CompanyFilter, company_rows, save_company
from tests.browser_terminal import browser_on, need_chromium
from tests.colleague_logins import colleague_login
from tests.conftest import TODAY
from tests.database_choice import db_option, is_routed
from tests.serve_process import serving

NEW_COMPANY = "Ærøskøbing Æblemosteri ApS"


@pytest.fixture
def chromium() -> None:
    need_chromium()


@pytest.fixture
def login(demo_engine: Engine, db_path: Path) -> Iterator[tuple[str, str] | None]:
    """A colleague's own login on PostgreSQL; None on SQLite, which has none."""
    if not is_routed(db_path):
        yield None
        return
    with colleague_login(demo_engine, "browser") as made:
        yield made


def test_a_person_logs_in_finds_a_company_and_downloads_a_programme(
    chromium: None,
    demo_engine: Engine,
    db_path: Path,
    tmp_path: Path,
    login: tuple[str, str] | None,
) -> None:
    save_company(demo_engine, None, {"name": NEW_COMPANY, "postcode": "4930"}, today=TODAY)
    found = company_rows(demo_engine, CompanyFilter(text="ærø"), today=TODAY)
    assert [row.name for row in found] == [NEW_COMPANY]
    first = company_rows(demo_engine, CompanyFilter(), today=TODAY, limit=1)[0].name

    with serving(db_option(db_path), tmp_path) as url, browser_on(url) as terminal:
        terminal.wait_for_text("rfk-trips")
        terminal.focus()
        if login is not None:
            terminal.wait_for_text("Log ind med dit eget databaselogin")
            terminal.type(login[0])
            terminal.press("Enter")
            terminal.type("forkert")
            terminal.press("Enter")
            terminal.wait_for_text("Forkert login eller adgangskode")
            terminal.type(login[1])
            terminal.press("Enter")
        # The home screen with its figures: "201 virksomheder · 700 borgere · 23 kommende ture".
        terminal.wait_for(lambda text: "virksomheder · " in text, "the home screen's figures")

        terminal.press("F3")
        terminal.wait_for_text(first)
        terminal.type("ærø")
        # The search box as typed (æ and ø arrived whole), and the list found by it.
        terminal.wait_for(
            lambda text: "ærø" in text and NEW_COMPANY in text and first not in text,
            f"ærø typed and only {NEW_COMPANY} listed",
        )

        terminal.press("F2")
        terminal.wait_for(lambda text: "virksomheder · " in text, "the home screen again")
        terminal.press("Enter")  # the first upcoming trip, in the editor
        terminal.wait_for_text("Borgere, der kan komme med")  # the editor's first tab
        terminal.press("Control+o")
        terminal.wait_for_text("Hvilken udgave skal udskrives?")
        terminal.press("F10")
        terminal.wait_for(lambda _text: bool(terminal.downloads), "a download")
        download = terminal.downloads[0]
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        terminal.wait_for_text("hentes i browseren")

    assert saved.name.endswith(".pdf") and saved.name.startswith("tur-")
    assert saved.read_bytes().startswith(b"%PDF-")
    from pypdf import PdfReader

    assert len(PdfReader(saved).pages) >= 1
    own = urlsplit(url).netloc
    elsewhere = [request for request in terminal.requests if urlsplit(request).netloc != own]
    assert not elsewhere, elsewhere
