"""A damaged or foreign file given as the database: a Danish way out, and the file untouched.

`rfk-trips` must say what to do (restore a backup) instead of a traceback, must never write
to the file (SQLite would, just by switching it to WAL), and `restore` must work over it.
"""

import hashlib
import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func, select

from rfk_trips.app.context import AppContext
from rfk_trips.cli.main import cli
from rfk_trips.database.backups import backup_to
from rfk_trips.database.opening import open_database
from rfk_trips.rules.errors import UserError
from storage.backup import looks_damaged
from storage.models import Company
from storage.sessions import session_scope
from tests.database_choice import db_option, url_for
from tests.refusals import assert_danish_refusal

NAMES = [f"Virksomhed {n:03d}" for n in range(300)]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*db_option(db), *args])


@pytest.fixture
def good_db(tmp_path: Path) -> Path:
    """A database with 300 companies (several pages), closed and checkpointed."""
    path = tmp_path / "rfk.db"
    engine = open_database(url_for(path)).engine
    with session_scope(engine) as session:
        for name in NAMES:
            session.add(Company(name=name, notes="x" * 200))
    engine.dispose()
    return path


@pytest.fixture
def backup_copy(good_db: Path, tmp_path: Path) -> Path:
    engine = open_database(url_for(good_db)).engine
    target = backup_to(engine, tmp_path / "kopier" / "rfk-kopi.db")
    engine.dispose()
    return target


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(6).randbytes(path.stat().st_size))


def text_file(path: Path) -> None:
    path.write_text("Indkøbsliste\nmælk\nrugbrød\n", encoding="utf-8")


def sqlite_header_then_junk(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:16] + random.Random(7).randbytes(len(data) - 16))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": truncate,
    "random_bytes": random_bytes,
    "text_file": text_file,
    "sqlite_header_then_junk": sqlite_header_then_junk,
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
@pytest.mark.parametrize("command", [["trips"], ["db", "check"], ["import", "staff", "x.csv"]])
def test_a_damaged_file_is_refused_in_danish_and_left_as_it_is(
    good_db: Path, damage: str, command: list[str]
) -> None:
    DAMAGE[damage](good_db)
    before = digest(good_db)

    result = run(good_db, *command)

    assert result.exit_code == 1, result.output
    assert_danish_refusal(result.output)
    assert "restore" in result.output and str(good_db) in result.output
    assert digest(good_db) == before
    assert not good_db.with_name("rfk.db-wal").exists()


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_the_app_start_gets_the_same_sentence(good_db: Path, damage: str) -> None:
    DAMAGE[damage](good_db)
    before = digest(good_db)

    with pytest.raises(UserError) as caught:
        AppContext(url_for(good_db)).database()

    assert "restore" in caught.value.message
    assert digest(good_db) == before


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_restore_brings_back_the_backup_and_keeps_the_damaged_file(
    good_db: Path, backup_copy: Path, damage: str
) -> None:
    DAMAGE[damage](good_db)
    damaged = digest(good_db)

    result = run(good_db, "restore", str(backup_copy))

    assert result.exit_code == 0, result.output
    engine = open_database(url_for(good_db)).engine
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(Company)) == len(NAMES)
    engine.dispose()
    kept = [p for p in good_db.parent.glob("rfk.før-gendannelse*.db")]
    assert [digest(p) for p in kept] == [damaged]
    assert run(good_db, "db", "check").exit_code == 0


def test_the_message_names_the_newest_copy_beside_the_database(good_db: Path) -> None:
    engine = open_database(url_for(good_db)).engine
    copy = backup_to(engine, good_db.with_name("rfk.kopi.db"))
    engine.dispose()
    truncate(good_db)

    result = run(good_db, "trips")

    assert f"restore {copy}" in result.output


def test_a_damaged_backup_is_not_restored(good_db: Path, backup_copy: Path) -> None:
    truncate(backup_copy)
    before = digest(good_db)

    result = run(good_db, "restore", str(backup_copy), "--force")

    assert result.exit_code == 1
    assert_danish_refusal(result.output)
    assert digest(good_db) == before


def test_damage_inside_a_file_that_opens_is_a_danish_sentence(good_db: Path) -> None:
    """Pages in the middle overwritten: the header is fine, a query meets the damage."""
    with closing(sqlite3.connect(good_db)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    data = bytearray(good_db.read_bytes())
    junk = random.Random(8).randbytes(page_size * (pages - 4))
    data[page_size * 3 : page_size * (pages - 1)] = junk
    good_db.write_bytes(bytes(data))
    assert not looks_damaged(good_db)

    result = run(good_db, "export", "companies", str(good_db.with_name("ud.csv")))

    assert result.exit_code == 1, result.output
    assert_danish_refusal(result.output)
    assert "restore" in result.output


def test_a_new_empty_file_is_not_damage(tmp_path: Path) -> None:
    empty = tmp_path / "ny.db"
    empty.touch()

    assert not looks_damaged(empty)
    assert run(empty, "trips").exit_code == 0
