"""Backup, restore and integrity check of the embedded SQLite database, on real files."""

import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from rfk_trips.database import backups
from rfk_trips.database.backups import backup_to, check_database, restore_from
from rfk_trips.database.opening import open_database
from rfk_trips.exchange.importing import import_file
from rfk_trips.i18n.catalogue import get_language, set_language
from rfk_trips.rules.errors import UserError
from storage import migrate
from storage.models import Company
from storage.sessions import session_scope
from tests.database_choice import url_for

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _danish() -> Iterator[None]:
    previous = get_language()
    set_language("da")
    yield
    set_language(previous)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "t.db"


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    db = open_database(url_for(db_path))
    with session_scope(db.engine) as session:
        session.add(Company(name="Nakskov Æblemost", cvr="10150817", postcode="4900"))
        session.add(Company(name="Rødby Havn Kro", postcode="4970"))
    yield db.engine
    db.engine.dispose()


def company_names(engine: Engine) -> list[str]:
    with session_scope(engine) as session:
        return sorted(session.scalars(select(Company.name)))


def file_company_names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return sorted(r[0] for r in conn.execute("SELECT name FROM company"))


def add_company(engine: Engine, name: str) -> None:
    with session_scope(engine) as session:
        session.add(Company(name=name))


# --- backup -----------------------------------------------------------------------------------


def test_backup_is_a_private_standalone_copy_with_the_same_data(
    engine: Engine, tmp_path: Path
) -> None:
    target = tmp_path / "kopier" / "t-backup.db"  # the folder does not exist yet

    result = backup_to(engine, target)

    assert result == target
    assert target.exists()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    # The rows written through the open engine (still in its WAL) are in the copy.
    assert file_company_names(target) == ["Nakskov Æblemost", "Rødby Havn Kro"]
    with closing(sqlite3.connect(target)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            migrate.HEAD_REVISION
        )
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert sorted(p.name for p in target.parent.iterdir()) == ["t-backup.db"]
    # The live database is untouched and still usable.
    add_company(engine, "Efter kopien")
    assert "Efter kopien" in company_names(engine)
    assert "Efter kopien" not in file_company_names(target)


def test_backup_never_overwrites_an_existing_file(engine: Engine, tmp_path: Path) -> None:
    target = tmp_path / "vigtig.db"
    target.write_bytes(b"noget vigtigt")

    with pytest.raises(UserError) as caught:
        backup_to(engine, target)

    assert "findes allerede" in caught.value.message
    assert target.read_bytes() == b"noget vigtigt"


# --- restore ----------------------------------------------------------------------------------


def test_restore_refused_when_database_changed_after_backup(engine: Engine, tmp_path: Path) -> None:
    backup = backup_to(engine, tmp_path / "b.db")
    add_company(engine, "Ny efter backup")

    with pytest.raises(UserError) as caught:
        restore_from(engine, backup)

    assert "ændret" in caught.value.message
    assert "--force" in caught.value.message
    assert "Ny efter backup" in company_names(engine)
    assert list(tmp_path.glob("*før-gendannelse*")) == []


def test_forced_restore_replaces_data_and_keeps_a_safety_copy(
    engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    backup = backup_to(engine, tmp_path / "b.db")
    add_company(engine, "Ny efter backup")

    result = restore_from(engine, backup, force=True)

    assert company_names(engine) == ["Nakskov Æblemost", "Rødby Havn Kro"]
    safety = result.safety_copy
    assert safety.parent == db_path.parent
    assert safety.name.startswith("t.før-gendannelse-")
    assert safety.suffix == ".db"
    assert stat.S_IMODE(safety.stat().st_mode) == 0o600
    assert "Ny efter backup" in file_company_names(safety)
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    # The restored database takes new changes, and the backup file itself is unchanged.
    add_company(engine, "Efter gendannelse")
    assert "Efter gendannelse" in company_names(engine)
    assert file_company_names(backup) == ["Nakskov Æblemost", "Rødby Havn Kro"]


def test_restore_without_changes_since_backup_needs_no_force(
    engine: Engine, tmp_path: Path
) -> None:
    backup = backup_to(engine, tmp_path / "b.db")

    result = restore_from(engine, backup)

    assert result.safety_copy.exists()
    assert company_names(engine) == ["Nakskov Æblemost", "Rødby Havn Kro"]
    assert check_database(engine).problems == []


def test_restore_of_an_older_backup_after_a_newer_one(engine: Engine, tmp_path: Path) -> None:
    old = backup_to(engine, tmp_path / "gammel.db")
    add_company(engine, "Mellem kopierne")
    backup_to(engine, tmp_path / "ny.db")

    with pytest.raises(UserError):
        restore_from(engine, old)
    restore_from(engine, tmp_path / "ny.db")  # nothing changed since this one

    assert "Mellem kopierne" in company_names(engine)


def test_restoring_a_text_file_is_refused(engine: Engine, tmp_path: Path) -> None:
    source = tmp_path / "noter.db"
    source.write_text("ikke en database\n" * 50, encoding="utf-8")

    with pytest.raises(UserError) as caught:
        restore_from(engine, source, force=True)

    assert "ikke en rfk-trips-sikkerhedskopi" in caught.value.message
    assert company_names(engine) == ["Nakskov Æblemost", "Rødby Havn Kro"]
    assert list(tmp_path.glob("*før-gendannelse*")) == []


def test_restoring_another_sqlite_database_is_refused(engine: Engine, tmp_path: Path) -> None:
    source = tmp_path / "fremmed.db"
    with closing(sqlite3.connect(source)) as conn:
        conn.execute("CREATE TABLE company (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO company (name) VALUES ('Fremmed')")
        conn.commit()

    with pytest.raises(UserError) as caught:
        restore_from(engine, source, force=True)

    assert "ikke en rfk-trips-sikkerhedskopi" in caught.value.message
    assert company_names(engine) == ["Nakskov Æblemost", "Rødby Havn Kro"]


def test_restoring_a_missing_file_is_refused(engine: Engine, tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        restore_from(engine, tmp_path / "findes-ikke.db")
    assert "findes ikke" in caught.value.message


# --- check ------------------------------------------------------------------------------------


def test_check_reports_no_problems_on_a_healthy_database(engine: Engine) -> None:
    result = check_database(engine)
    assert result.revision == migrate.HEAD_REVISION
    assert result.problems == []


def test_check_finds_a_broken_foreign_key(engine: Engine, db_path: Path) -> None:
    """Guard for the test above: the check does report problems when there are some."""
    engine.dispose()
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("UPDATE company SET municipality_id = 999 WHERE name = 'Rødby Havn Kro'")
        conn.commit()

    result = check_database(engine)

    assert len(result.problems) == 1
    assert "company" in result.problems[0]
    assert "municipality" in result.problems[0]


# --- bugs -------------------------------------------------------------------------------------


def test_restore_refused_after_an_import_changed_the_database(
    engine: Engine, tmp_path: Path
) -> None:
    backup = backup_to(engine, tmp_path / "b.db")
    source = tmp_path / "nye.csv"
    source.write_text("navn;postnr\nImporteret ApS;4800\n", encoding="utf-8-sig")
    assert import_file(engine, "companies", source, today=TODAY).created == 1

    with pytest.raises(UserError):
        restore_from(engine, backup)
    assert "Importeret ApS" in company_names(engine)


@pytest.mark.parametrize("folder", ["Sikkerhedskopi #2", "kopi?ny"])
def test_restore_from_a_folder_with_uri_characters(
    engine: Engine, tmp_path: Path, folder: str
) -> None:
    backup = backup_to(engine, tmp_path / folder / "b.db")
    before = set(tmp_path.iterdir())

    restore_from(engine, backup)

    assert company_names(engine) == ["Nakskov Æblemost", "Rødby Havn Kro"]
    new_files = set(tmp_path.iterdir()) - before
    assert all("før-gendannelse" in p.name for p in new_files)


class _FrozenClock(datetime):
    @classmethod
    def now(cls, tz: object = None) -> "_FrozenClock":
        return cls(2026, 11, 23, 10, 0, 0)


def test_two_restores_in_one_second_keep_both_safety_copies(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backups, "datetime", _FrozenClock)
    backup = backup_to(engine, tmp_path / "b.db")
    add_company(engine, "Kun i første sikkerhedskopi")

    first = restore_from(engine, backup, force=True)
    assert "Kun i første sikkerhedskopi" in file_company_names(first.safety_copy)
    second = restore_from(engine, backup, force=True)

    assert "Kun i første sikkerhedskopi" in file_company_names(first.safety_copy)
    assert second.safety_copy != first.safety_copy
