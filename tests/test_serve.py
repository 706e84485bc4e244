"""`rfk-trips serve`: who may be served where, the command each session runs, and a page that
asks no other site for anything (textual-serve's own fetches its font from a font site)."""

import inspect
import re
import shlex
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from click.testing import CliRunner

pytest.importorskip("textual_serve", reason="the serve extra (rfk-trips[serve]) is not installed")

from textual_serve.server import Server

from rfk_trips.app.serving import session_command
from rfk_trips.cli.main import cli
from tests.serve_process import fetch, serving

_REFERENCE = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']|url\(\s*["']?([^"')]+)""")
_ANY_URL = re.compile(r"""\b(?:https?|wss?):/?/?[^\s"'<>)]+|//[a-z0-9.-]+\.[a-z]{2,}/""", re.I)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "rfk.kommune.dk"])
def test_a_sqlite_file_is_served_on_this_machine_only(tmp_path: Path, host: str) -> None:
    db = tmp_path / "rfk.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "serve", "--host", host])
    assert result.exit_code == 1
    assert f"På en SQLite-fil lytter rfk-trips serve kun på 127.0.0.1, ikke på {host}" in (
        result.output
    )
    assert "eget login" in result.output
    assert "Traceback" not in result.output
    assert not db.exists()  # refused before anything was opened


def test_each_session_runs_this_rfk_trips_on_the_same_database_without_its_login() -> None:
    url = "postgresql+psycopg://rfk_ejer:hemmelig@db.kommune.dk/rfk"
    command = shlex.split(session_command(url, lang="en", key_file="nøgle.txt"))
    assert command[:3] == [sys.executable, "-m", "rfk_trips"]
    assert command[command.index("--database-url") + 1] == "postgresql+psycopg://db.kommune.dk/rfk"
    assert command[command.index("--lang") + 1] == "en"
    assert command[command.index("--key-file") + 1] == str(Path("nøgle.txt").resolve())
    assert command[-1] == "--served"
    assert "hemmelig" not in " ".join(command)


def test_the_parts_of_textual_serve_the_server_builds_on_are_there() -> None:
    """`rfk_trips.app.web_server` extends `Server._make_app`, which is not public: an
    upgrade of textual-serve that drops it fails here, by name."""
    assert inspect.iscoroutinefunction(Server._make_app)
    assert inspect.iscoroutinefunction(Server.on_startup)
    parameters = inspect.signature(Server.__init__).parameters
    assert {"command", "host", "port", "title", "templates_path"} <= set(parameters)


def _references(text: str, base: str) -> list[str]:
    return [urljoin(base, a or b) for a, b in _REFERENCE.findall(text)]


def test_the_served_page_and_all_it_loads_come_from_this_server(tmp_path: Path) -> None:
    with serving(["--db", str(tmp_path / "rfk.db")], tmp_path) as base:
        status, page = fetch(base + "/")
        assert status == 200
        html = page.decode("utf-8")
        assert '<html lang="da">' in html and "Sessionen er slut." in html
        loaded = _references(html, base + "/")
        assert any(url.endswith(".ttf") for url in loaded), loaded  # the fonts, from here
        assert any(url.endswith("textual.js") for url in loaded), loaded
        stylesheets = []
        for url in loaded:
            assert urlsplit(url).netloc == urlsplit(base).netloc, url
            status, body = fetch(url)
            assert status == 200, url
            if url.endswith(".css"):
                stylesheets.append((url, body.decode("utf-8")))
        for url, css in stylesheets:
            for reference in _references(css, url):
                assert urlsplit(reference).netloc == urlsplit(base).netloc, reference
        other = [
            found
            for found in _ANY_URL.findall(html)
            if urlsplit(found).netloc not in ("", urlsplit(base).netloc)
        ]
        assert not other, other


def test_textual_serves_own_page_would_have_asked_a_font_site() -> None:
    """What the check above is for: textual-serve's page fetches its font from elsewhere."""
    own = Path(inspect.getfile(Server)).with_name("templates") / "app_index.html"
    hosts = {urlsplit(url).netloc for url in _ANY_URL.findall(own.read_text(encoding="utf-8"))}
    assert "fonts.googleapis.com" in hosts
