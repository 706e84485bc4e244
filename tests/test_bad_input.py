"""The bad-input corpus (tests/data/bad): every file is refused in Danish, nothing is written.

Each file goes through `rfk-trips import` as a user would run it. The refusal must be a
Danish sentence with no traceback or Python exception name, name the line and column when
the file has a specific bad cell, and leave the database byte for byte as it was.
"""

import hashlib
import json
import shutil
import sqlite3
import string
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine

from rfk_trips.cli.main import cli
from rfk_trips.database.opening import open_database
from rfk_trips.exchange.import_reading import MAX_IMPORT_MB
from rfk_trips.exchange.importing import import_file
from rfk_trips.rules.errors import UserError
from tests.conftest import TODAY
from tests.database_choice import db_option, url_for
from tests.refusals import assert_danish_refusal

CORPUS = Path(__file__).parent / "data" / "bad"
EXPECTED: dict[str, dict[str, object]] = json.loads(
    (CORPUS / "expected.json").read_text(encoding="utf-8")
)

GOOD_STAFF = "Navn;Initialer;Rolle\r\nÅse Bæk;ÅB;jobformidler\r\n"
GOOD_COMPANIES = "Navn;CVR;Postnr\r\nNakskov Æblemost;10150817;4900\r\nRødby Havn Kro;;4970\r\n"
GOOD_CITIZENS = "Navn;Telefon;Sagsbehandler\r\nSøren Ærø;22334455;ÅB\r\n"


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with some of every register, so an import has something to spoil."""
    folder = tmp_path_factory.mktemp("template")
    path = folder / "rfk.db"
    engine = open_database(url_for(path)).engine
    for kind, content in (
        ("staff", GOOD_STAFF),
        ("companies", GOOD_COMPANIES),
        ("citizens", GOOD_CITIZENS),
    ):
        source = folder / f"{kind}.csv"
        source.write_text(content, encoding="utf-8")
        import_file(engine, kind, source, today=TODAY)  # type: ignore[arg-type]
    engine.dispose()
    return path


@pytest.fixture
def db_copy(template_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "rfk.db"
    shutil.copy(template_db, target)
    return target


def fingerprint(path: Path) -> str:
    """Every row of every table: equal fingerprints mean no change was written."""
    with closing(sqlite3.connect(path)) as conn:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()


def test_the_corpus_is_complete() -> None:
    files = {p.name for p in CORPUS.iterdir() if p.suffix in {".csv", ".xlsx"}}

    assert files == set(EXPECTED), "run tests/data/bad/make_corpus.py again"
    assert len(files) >= 40
    print(f"\nbad-input corpus: {len(files)} files")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_bad_file_is_refused_in_danish_and_changes_nothing(db_copy: Path, name: str) -> None:
    expected = EXPECTED[name]
    before = fingerprint(db_copy)

    result = CliRunner().invoke(
        cli, [*db_option(db_copy), "import", str(expected["kind"]), str(CORPUS / name)]
    )

    assert result.exit_code == 1, result.output
    assert_danish_refusal(result.output)
    for words in expected["mentions"]:  # type: ignore[attr-defined]
        assert words in result.output, (words, result.output)
    assert fingerprint(db_copy) == before


def test_the_whole_corpus_in_one_database_loses_nothing(db_copy: Path) -> None:
    """All files one after another against one database, with the counts the issue asks for."""
    before = fingerprint(db_copy)
    refused = tracebacks = 0
    for name in sorted(EXPECTED):
        kind = str(EXPECTED[name]["kind"])
        result = CliRunner().invoke(cli, [*db_option(db_copy), "import", kind, str(CORPUS / name)])
        refused += result.exit_code == 1
        tracebacks += "Traceback" in result.output
    changed = int(fingerprint(db_copy) != before)
    print(
        f"\nbad-input corpus: {len(EXPECTED)} files tried, {refused} refused, "
        f"{tracebacks} tracebacks, data changed = {changed}"
    )
    assert (refused, tracebacks, changed) == (len(EXPECTED), 0, 0)


@pytest.mark.parametrize("name", ["cvr_7_digits.csv", "nul_bytes.csv", "truncated.xlsx"])
def test_a_dry_run_refuses_the_same_way(db_copy: Path, name: str) -> None:
    before = fingerprint(db_copy)

    result = CliRunner().invoke(
        cli, [*db_option(db_copy), "import", "companies", str(CORPUS / name), "--dry-run"]
    )

    assert result.exit_code == 1
    assert_danish_refusal(result.output)
    assert fingerprint(db_copy) == before


def test_a_50_mb_file_is_refused_before_it_is_read(db_copy: Path, tmp_path: Path) -> None:
    big = tmp_path / "kæmpe.csv"
    row = b"Nakskov \xc3\x86blemost;10150817;4900;Nakskov\r\n"
    with big.open("wb") as handle:
        handle.write(b"Navn;CVR;Postnr;By\r\n")
        handle.write(row * (50 * 1024 * 1024 // len(row) + 1))
    assert big.stat().st_size >= 50 * 1024 * 1024
    before = fingerprint(db_copy)

    result = CliRunner().invoke(cli, [*db_option(db_copy), "import", "companies", str(big)])

    assert result.exit_code == 1
    assert_danish_refusal(result.output)
    assert f"højst {MAX_IMPORT_MB} MB" in result.output
    assert "50 MB" in result.output
    assert fingerprint(db_copy) == before


def test_a_fixed_file_imports_after_the_refusal(db_copy: Path, tmp_path: Path) -> None:
    """The refusal said what to do; doing it works (the 7-digit CVR given its 8th digit)."""
    fixed = tmp_path / "rettet.csv"
    text = (CORPUS / "cvr_7_digits.csv").read_text(encoding="utf-8-sig")
    fixed.write_text(text.replace("1015081;", "20000007;"), encoding="utf-8-sig")

    result = CliRunner().invoke(cli, [*db_option(db_copy), "import", "companies", str(fixed)])

    assert result.exit_code == 0, result.output
    assert "2 ny(e)" in result.output  # Maribo Savværk and Gedser Fiskeri


_cell = st.text(
    alphabet=st.sampled_from(string.printable + "æøåÆØÅ\x00\x07\ufeff\"';,=#"), max_size=12
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    header=st.lists(st.sampled_from(["Navn", "CVR", "Postnr", "By", "Noter", "", "x"]), max_size=5),
    rows=st.lists(st.lists(_cell, max_size=6), max_size=5),
    delimiter=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
    junk=st.binary(max_size=20),
)
# Found by the property: a form feed in a heading broke the refusal in two lines.
@example(header=[], rows=[["0 0", "0\x0c0"]], delimiter=";", encoding="utf-8", junk=b"")
def test_property_generated_csv_never_crashes_the_importer(
    engine: Engine,
    tmp_path: Path,
    header: list[str],
    rows: list[list[str]],
    delimiter: str,
    encoding: str,
    junk: bytes,
) -> None:
    lines = [delimiter.join(header), *(delimiter.join(row) for row in rows)]
    data = "\r\n".join(lines).encode(encoding, errors="replace") + junk
    path = tmp_path / "genereret.csv"
    path.write_bytes(data)

    try:
        import_file(engine, "companies", path, today=TODAY, dry_run=True)
    except UserError as exc:
        assert_danish_refusal("\n".join([exc.message, *exc.details]))
