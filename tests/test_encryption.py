"""Encryption at rest (SQLCipher), opt-in: real files, the real CLI, the demo data.

SQLCipher derives the key slowly on purpose (about 0.2 s per connection), so the encrypted
demo database is built once per module and copied per test.
"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func, select

from rfk_trips.app.context import AppContext
from rfk_trips.cli import support as cli_support
from rfk_trips.cli.main import cli
from rfk_trips.database.backups import backup_to, check_database, restore_from
from rfk_trips.database.keys import ENV_KEY_FILE
from rfk_trips.database.opening import open_database
from rfk_trips.exchange.demo_data import load_demo
from rfk_trips.rules.errors import UserError
from storage import cipher, migrate
from storage.engine import make_engine
from storage.models import Citizen
from storage.sessions import session_scope
from tests.conftest import TODAY
from tests.database_choice import db_option, url_for
from tests.refusals import assert_danish_refusal

KEY = 'hemmelig "kode" med æøå og 100%'
REAL_KDF_ITERATIONS = 256000  # SQLCipher 4's default


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(db: Path, *args: str, key_file: Path | None = None, stdin: str | None = None) -> Result:
    prefix = [*db_option(db)] + (["--key-file", str(key_file)] if key_file else [])
    return CliRunner().invoke(cli, [*prefix, *args], input=stdin)


def write_key_file(path: Path, key: str = KEY) -> Path:
    path.write_text(key + "\n", encoding="utf-8")
    os.chmod(path, 0o600)
    return path


def dump(path: Path, key: str | None = None) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, so a conversion can be shown to keep all data."""
    with closing(cipher.connect(path, key)) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in tables
        }


def set_default_kdf_iterations(count: int) -> None:
    """SQLCipher's process-wide default for new connections (files and keys are unchanged)."""
    with closing(cipher.connect(Path(":memory:"), "x")) as conn:
        conn.execute(f"PRAGMA cipher_default_kdf_iter = {count}")


@pytest.fixture(scope="module", autouse=True)
def fast_key_derivation() -> Iterator[None]:
    """Cheaper key derivation for this module's many opens; the default comes back after."""
    set_default_kdf_iterations(4000)
    yield
    set_default_kdf_iterations(REAL_KDF_ITERATIONS)


@pytest.fixture
def real_key_derivation() -> Iterator[None]:
    set_default_kdf_iterations(REAL_KDF_ITERATIONS)
    yield
    set_default_kdf_iterations(4000)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The demo data once as plaintext and once created encrypted from the start."""
    folder = tmp_path_factory.mktemp("built")
    made = {}
    for name, key in (("plain", None), ("encrypted", KEY)):
        path = folder / f"{name}.db"
        opened = open_database(url_for(path), key)
        load_demo(opened.engine, scale=1, seed=7, today=TODAY)
        opened.engine.dispose()
        made[name] = path
    return made


@pytest.fixture
def plain_db(built: dict[str, Path], tmp_path: Path) -> Path:
    return Path(shutil.copy(built["plain"], tmp_path / "rfk.db"))


@pytest.fixture
def encrypted_db(built: dict[str, Path], tmp_path: Path) -> Path:
    return Path(shutil.copy(built["encrypted"], tmp_path / "rfk.db"))


@pytest.fixture
def other_plain_db(built: dict[str, Path], tmp_path: Path) -> Path:
    target = tmp_path / "andet" / "rfk.db"
    target.parent.mkdir()
    return Path(shutil.copy(built["plain"], target))


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    return write_key_file(tmp_path / "nøgle.txt")


@pytest.fixture
def citizen_name(built: dict[str, Path]) -> str:
    with closing(sqlite3.connect(built["plain"])) as conn:
        name = conn.execute("SELECT name FROM citizen ORDER BY id LIMIT 1").fetchone()[0]
    assert isinstance(name, str) and len(name) > 5
    return name


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if rfk-trips ran in a terminal: the passphrase prompt reads CliRunner's input."""
    monkeypatch.setattr(cli_support, "terminal_is_interactive", lambda: True)


def assert_sealed(path: Path, citizen_name: str) -> None:
    data = path.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert citizen_name.encode() not in data
    with closing(sqlite3.connect(path)) as conn, pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    assert path.stat().st_mode & 0o777 == 0o600


# --- creating and opening ----------


def test_an_encrypted_database_opens_with_its_key_and_hides_its_contents(
    encrypted_db: Path, citizen_name: str
) -> None:
    assert_sealed(encrypted_db, citizen_name)

    opened = open_database(url_for(encrypted_db), KEY)
    with session_scope(opened.engine) as session:
        names = set(session.scalars(select(Citizen.name)))
    description = opened.describe() + repr(opened.engine)
    opened.engine.dispose()

    assert citizen_name in names
    assert KEY not in description and "hemmelig" not in description


def test_a_new_database_is_created_encrypted_through_the_cli(
    tmp_path: Path, key_file: Path, real_key_derivation: None
) -> None:
    db = tmp_path / "ny.db"

    result = run(db, "db", "upgrade", key_file=key_file)

    assert result.exit_code == 0, result.output
    assert cipher.looks_encrypted(db)
    cipher.check_key(db, KEY)
    assert db.stat().st_mode & 0o777 == 0o600
    with closing(cipher.connect(db, KEY)) as conn:
        assert conn.execute("PRAGMA kdf_iter").fetchone()[0] == str(REAL_KDF_ITERATIONS)


def test_a_wrong_key_is_refused_in_danish_and_the_file_is_untouched(
    encrypted_db: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    before = digest(encrypted_db)
    wrong = write_key_file(tmp_path / "forkert.txt", "ikke den rigtige")

    result = run(encrypted_db, "trips", key_file=wrong)
    with pytest.raises(UserError) as caught:
        AppContext(url_for(encrypted_db), key="heller ikke").database()

    assert result.exit_code == 1
    assert_danish_refusal(result.output)
    assert "Adgangskoden passer ikke" in result.output
    assert "Adgangskoden passer ikke" in caught.value.message
    assert "beskadiget og kan ikke" not in result.output
    assert digest(encrypted_db) == before
    assert not encrypted_db.with_name("rfk.db-wal").exists()
    # SQLCipher's own HMAC complaints never reach the terminal.
    assert "hmac" not in capfd.readouterr().err.lower()


def test_without_a_key_or_a_terminal_the_message_says_how_to_give_it(
    encrypted_db: Path,
) -> None:
    before = digest(encrypted_db)

    result = run(encrypted_db, "trips")

    assert result.exit_code == 1
    assert_danish_refusal(result.output)
    assert "--key-file" in result.output and ENV_KEY_FILE in result.output
    assert digest(encrypted_db) == before


def test_the_passphrase_is_asked_for_on_a_terminal_and_not_echoed(
    encrypted_db: Path, terminal: None
) -> None:
    result = run(encrypted_db, "db", "check", stdin=KEY + "\n")

    assert result.exit_code == 0, result.output
    assert "Adgangskode til" in result.output
    assert KEY not in result.output


class StartedApp:
    """Stands in for the Textual app: records what the CLI built it with and that it ran."""

    def __init__(self, **kwargs: object) -> None:
        self.kwargs = kwargs
        self.ran = False
        STARTED.append(self)

    def run(self, headless: bool = False) -> None:
        self.ran = True


STARTED: list[StartedApp] = []


def test_the_app_start_asks_for_the_passphrase_before_the_app_runs(
    encrypted_db: Path, terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rfk_trips.app.application

    monkeypatch.setattr(rfk_trips.app.application, "make_app", StartedApp)
    STARTED.clear()

    wrong = run(encrypted_db, stdin="forkert\n")
    right = run(encrypted_db, stdin=KEY + "\n")

    assert wrong.exit_code == 1
    assert "Adgangskoden passer ikke" in wrong.output
    assert right.exit_code == 0, right.output
    assert [(app.kwargs["key"], app.ran) for app in STARTED] == [(KEY, True)]


def test_the_key_file_can_come_from_the_environment(
    encrypted_db: Path, key_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_KEY_FILE, str(key_file))

    result = run(encrypted_db, "trips")

    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("content", "mode", "expected"),
    [
        (KEY, 0o644, "chmod 600"),
        ("   \n", 0o600, "er tom"),
    ],
)
def test_a_key_file_others_can_read_or_an_empty_one_is_refused(
    encrypted_db: Path, tmp_path: Path, content: str, mode: int, expected: str
) -> None:
    key_file = tmp_path / "nøgle.txt"
    key_file.write_text(content, encoding="utf-8")
    os.chmod(key_file, mode)

    result = run(encrypted_db, "trips", key_file=key_file)

    assert result.exit_code == 1
    assert_danish_refusal(result.output)
    assert expected in result.output


def test_a_missing_key_file_is_a_danish_sentence(encrypted_db: Path, tmp_path: Path) -> None:
    result = run(encrypted_db, "trips", key_file=tmp_path / "findes-ikke.txt")

    assert result.exit_code == 1
    assert_danish_refusal(result.output)
    assert "findes ikke" in result.output


def test_a_key_given_for_a_plaintext_database_is_refused(plain_db: Path, key_file: Path) -> None:
    before = digest(plain_db)

    result = run(plain_db, "trips", key_file=key_file)

    assert result.exit_code == 1
    assert_danish_refusal(result.output)
    assert "db encrypt" in result.output
    assert digest(plain_db) == before


# --- db encrypt / db decrypt ----------


def test_encrypt_then_decrypt_keeps_every_row(
    plain_db: Path, key_file: Path, citizen_name: str
) -> None:
    original = dump(plain_db)

    encrypted = run(plain_db, "db", "encrypt", key_file=key_file)

    assert encrypted.exit_code == 0, encrypted.output
    assert "er nu krypteret" in encrypted.output
    assert_sealed(plain_db, citizen_name)
    assert dump(plain_db, KEY) == original
    assert sorted(p.name for p in plain_db.parent.iterdir()) == ["nøgle.txt", "rfk.db"]
    assert run(plain_db, "db", "check", key_file=key_file).exit_code == 0

    decrypted = run(plain_db, "db", "decrypt", key_file=key_file)

    assert decrypted.exit_code == 0, decrypted.output
    assert "er nu ukrypteret" in decrypted.output
    assert plain_db.read_bytes().startswith(b"SQLite format 3")
    assert dump(plain_db) == original
    assert plain_db.stat().st_mode & 0o777 == 0o600
    assert run(plain_db, "db", "check").exit_code == 0


def test_encrypt_with_a_typed_passphrase_asks_twice(plain_db: Path, terminal: None) -> None:
    mismatch = run(plain_db, "db", "encrypt", stdin="abc123\nabc124\n")
    before = digest(plain_db)

    assert mismatch.exit_code == 1
    assert "ikke ens" in mismatch.output
    assert plain_db.read_bytes().startswith(b"SQLite format 3")

    result = run(plain_db, "db", "encrypt", stdin="abc123\nabc123\n")

    assert result.exit_code == 0, result.output
    assert digest(plain_db) != before
    cipher.check_key(plain_db, "abc123")


def test_encrypt_names_the_unencrypted_backups_left_beside(plain_db: Path, key_file: Path) -> None:
    assert run(plain_db, "backup", str(plain_db.with_name("rfk.kopi.db"))).exit_code == 0

    result = run(plain_db, "db", "encrypt", key_file=key_file)

    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    # The copy beside it, and the daily copy that opening the database for `backup` took.
    assert "2 ældre sikkerhedskopier er stadig ukrypterede" in said
    assert str(plain_db.with_name("rfk.kopi.db")) in said


def test_encrypting_twice_or_decrypting_plaintext_is_refused(
    encrypted_db: Path, other_plain_db: Path, key_file: Path
) -> None:
    other = other_plain_db
    before = digest(encrypted_db), digest(other)

    twice = run(encrypted_db, "db", "encrypt", key_file=key_file)
    plain = run(other, "db", "decrypt", key_file=key_file)

    assert twice.exit_code == 1 and "allerede krypteret" in twice.output
    assert plain.exit_code == 1 and "ikke krypteret" in plain.output
    assert_danish_refusal(twice.output)
    assert_danish_refusal(plain.output)
    assert (digest(encrypted_db), digest(other)) == before


def test_decrypt_with_the_wrong_key_changes_nothing(encrypted_db: Path, tmp_path: Path) -> None:
    before = digest(encrypted_db)
    wrong = write_key_file(tmp_path / "forkert.txt", "forkert")

    result = run(encrypted_db, "db", "decrypt", key_file=wrong)

    assert result.exit_code == 1
    assert "Adgangskoden passer ikke" in result.output
    assert digest(encrypted_db) == before
    assert sorted(p.name for p in encrypted_db.parent.iterdir()) == ["forkert.txt", "rfk.db"]


def test_encrypt_creates_a_new_encrypted_database_where_there_is_none(
    tmp_path: Path, key_file: Path
) -> None:
    db = tmp_path / "data" / "ny.db"

    result = run(db, "db", "encrypt", key_file=key_file)

    assert result.exit_code == 0, result.output
    assert "Ny krypteret database" in result.output
    cipher.check_key(db, KEY)


@pytest.fixture
def held_open(plain_db: Path) -> Iterator[None]:
    """Another process (another rfk-trips) with the database open."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('PRAGMA journal_mode=WAL'); c.execute('SELECT 1 FROM citizen').fetchall(); "
            "print('klar', flush=True); sys.stdin.read()",
            str(plain_db),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "klar"
    yield
    assert holder.stdin is not None
    holder.stdin.close()
    holder.wait(timeout=10)


def test_encrypt_is_refused_while_another_program_has_the_file_open(
    plain_db: Path, key_file: Path, held_open: None
) -> None:
    original = dump(plain_db)

    result = run(plain_db, "db", "encrypt", key_file=key_file)

    assert result.exit_code == 1
    assert_danish_refusal(result.output)
    assert "åben i et andet program" in result.output
    assert plain_db.read_bytes().startswith(b"SQLite format 3")
    assert dump(plain_db) == original
    assert not [p for p in plain_db.parent.iterdir() if p.suffix == ".tmp"]


# --- backup, restore, check, migrations ----------


def test_backup_restore_and_check_of_an_encrypted_database(
    encrypted_db: Path, key_file: Path, tmp_path: Path, citizen_name: str
) -> None:
    copy = tmp_path / "kopier" / "rfk-kopi.db"

    made = run(encrypted_db, "backup", str(copy), key_file=key_file)
    checked = run(encrypted_db, "db", "check", key_file=key_file)
    restored = run(encrypted_db, "restore", str(copy), key_file=key_file)

    assert made.exit_code == 0, made.output
    assert_sealed(copy, citizen_name)
    assert dump(copy, KEY) == dump(encrypted_db, KEY)
    assert checked.exit_code == 0, checked.output
    assert restored.exit_code == 0, restored.output
    safety = list(tmp_path.glob("rfk.før-gendannelse*.db"))
    assert len(safety) == 1
    assert_sealed(safety[0], citizen_name)
    assert_sealed(encrypted_db, citizen_name)
    assert run(encrypted_db, "db", "check", key_file=key_file).exit_code == 0


def test_restoring_an_encrypted_backup_needs_its_key(
    encrypted_db: Path, other_plain_db: Path
) -> None:
    target = other_plain_db
    before = digest(target)

    result = run(target, "restore", str(encrypted_db))

    assert result.exit_code == 1
    assert "--key-file" in result.output
    assert digest(target) == before


def test_a_plaintext_backup_is_not_restored_under_a_key(
    encrypted_db: Path, other_plain_db: Path
) -> None:
    engine = make_engine(url_for(encrypted_db), KEY)
    before = digest(encrypted_db)

    with pytest.raises(UserError) as caught:
        restore_from(engine, other_plain_db, force=True)
    engine.dispose()

    assert "ikke krypteret" in caught.value.message
    assert digest(encrypted_db) == before


def test_a_plaintext_backup_restored_without_a_key_says_the_result_is_unencrypted(
    encrypted_db: Path, other_plain_db: Path
) -> None:
    sealed = digest(encrypted_db)

    result = run(encrypted_db, "restore", str(other_plain_db))

    assert result.exit_code == 0, result.output
    assert "ikke krypteret" in result.output and "db encrypt" in result.output
    kept = list(encrypted_db.parent.glob("rfk.før-gendannelse*.db"))
    assert [digest(p) for p in kept] == [sealed]
    assert encrypted_db.read_bytes().startswith(b"SQLite format 3")


def test_restoring_an_encrypted_backup_over_a_plaintext_database_keeps_it_aside(
    encrypted_db: Path, other_plain_db: Path, citizen_name: str
) -> None:
    target = other_plain_db
    engine = make_engine(url_for(target), KEY)

    result = restore_from(engine, encrypted_db, force=True)
    engine.dispose()

    assert result.safety_copy.read_bytes().startswith(b"SQLite format 3")
    assert_sealed(target, citizen_name)
    assert dump(target, KEY) == dump(encrypted_db, KEY)


def test_check_with_the_wrong_key_is_not_reported_as_damage(encrypted_db: Path) -> None:
    engine = make_engine(url_for(encrypted_db), "forkert")
    with pytest.raises(UserError) as caught:
        check_database(engine)
    engine.dispose()

    assert "Adgangskoden passer ikke" in caught.value.message


def test_an_older_encrypted_database_is_upgraded_with_an_encrypted_backup(
    tmp_path: Path,
) -> None:
    db = tmp_path / "gammel.db"
    engine = make_engine(url_for(db), KEY)
    migrate.upgrade(engine, "0001_initial")
    engine.dispose()

    opened = open_database(url_for(db), KEY)
    copy = backup_to(opened.engine, tmp_path / "efter.db")
    opened.engine.dispose()

    assert opened.upgrade is not None and opened.upgrade.backup is not None
    assert opened.upgrade.to_revision == migrate.HEAD_REVISION
    backup = opened.upgrade.backup
    assert cipher.looks_encrypted(backup) and cipher.looks_encrypted(copy)
    cipher.check_key(backup, KEY)
    with closing(cipher.connect(db, KEY)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            migrate.HEAD_REVISION,
        )
        assert conn.execute("SELECT count(*) FROM trip_format").fetchone()[0] > 0
    with closing(cipher.connect(backup, KEY)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0001_initial",
        )


def test_an_encrypted_file_is_not_mistaken_for_sqlite_and_counts_for_the_citizens(
    encrypted_db: Path,
) -> None:
    opened = open_database(url_for(encrypted_db), KEY)
    with session_scope(opened.engine) as session:
        count = session.scalar(select(func.count()).select_from(Citizen))
    opened.engine.dispose()

    assert count and count > 10
    assert cipher.looks_encrypted(encrypted_db)
    assert not cipher.is_plaintext_sqlite(encrypted_db)


def test_the_days_backup_of_an_encrypted_database_is_encrypted_too(
    encrypted_db: Path, citizen_name: str
) -> None:
    from rfk_trips.database.opening import open_database
    from storage.backup import daily_backups

    opened = open_database(url_for(encrypted_db), KEY, daily_backup=True)
    opened.engine.dispose()
    assert opened.daily_backup_warning is None
    (copy,) = daily_backups(encrypted_db)
    assert_sealed(copy, citizen_name)
    assert dump(copy, KEY) == dump(encrypted_db, KEY)


# --- changing the passphrase ----------


def test_rekey_changes_the_passphrase_and_keeps_every_row(
    encrypted_db: Path, key_file: Path, tmp_path: Path, citizen_name: str
) -> None:
    original = dump(encrypted_db, KEY)
    # A backup taken before the change keeps the old passphrase.
    assert run(encrypted_db, "backup", str(encrypted_db.with_name("rfk.kopi.db")),
               key_file=key_file).exit_code == 0  # fmt: skip
    new_file = write_key_file(tmp_path / "ny-nøgle.txt", "ny kode æøå")

    result = run(encrypted_db, "db", "rekey", "--new-key-file", str(new_file), key_file=key_file)

    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "er nu krypteret med den nye adgangskode" in said
    assert "2 sikkerhedskopier er stadig krypteret med den gamle adgangskode" in said
    assert_sealed(encrypted_db, citizen_name)
    assert dump(encrypted_db, "ny kode æøå") == original
    with pytest.raises(cipher.WrongKey):
        cipher.check_key(encrypted_db, KEY)
    cipher.check_key(encrypted_db.with_name("rfk.kopi.db"), KEY)
    assert run(encrypted_db, "db", "check", key_file=new_file).exit_code == 0
    # No copy of the data is left behind, encrypted or not.
    assert not list(encrypted_db.parent.glob(".rfk.db.*"))


def test_rekey_typed_asks_for_the_old_then_the_new_twice(
    encrypted_db: Path, terminal: None
) -> None:
    before = digest(encrypted_db)
    mismatch = run(encrypted_db, "db", "rekey", stdin=f"{KEY}\nny123\nny124\n")
    assert mismatch.exit_code == 1 and "ikke ens" in mismatch.output
    assert digest(encrypted_db) == before

    result = run(encrypted_db, "db", "rekey", stdin=f"{KEY}\nny123\nny123\n")

    assert result.exit_code == 0, result.output
    cipher.check_key(encrypted_db, "ny123")


def test_rekey_refuses_a_wrong_old_key_the_same_key_and_a_plain_database(
    encrypted_db: Path, other_plain_db: Path, key_file: Path, tmp_path: Path
) -> None:
    before = digest(encrypted_db), digest(other_plain_db)
    wrong = write_key_file(tmp_path / "forkert.txt", "forkert")
    same = run(encrypted_db, "db", "rekey", "--new-key-file", str(key_file), key_file=key_file)
    bad_old = run(encrypted_db, "db", "rekey", "--new-key-file", str(key_file), key_file=wrong)
    plain = run(other_plain_db, "db", "rekey", "--new-key-file", str(key_file))

    assert same.exit_code == 1 and "den samme som den gamle" in same.output
    assert bad_old.exit_code == 1
    assert plain.exit_code == 1 and "ikke krypteret" in plain.output
    for result in (same, bad_old, plain):
        assert_danish_refusal(result.output)
    assert (digest(encrypted_db), digest(other_plain_db)) == before
