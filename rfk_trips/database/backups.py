"""Backup, restore and integrity check of the embedded database, with Danish refusals."""

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError

from rfk_trips.database.failures import file_error, reason_in_words
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError
from storage import backup, cipher, migrate
from storage.calendar_identity import forget_calendar_id
from storage.engine import engine_key, sqlite_path
from storage.private_files import private_replacement


def _require_sqlite(engine: Engine) -> Path:
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    if path is None:
        raise UserError(t("db.not_sqlite", url=engine.url.render_as_string(hide_password=True)))
    return path


def backup_to(engine: Engine, target: Path) -> Path:
    """A consistent copy of the database at `target`; never overwrites an existing file.

    The copy of an encrypted database is encrypted with the same key; a PostgreSQL database
    is copied with pg_dump."""
    if engine.dialect.name == "postgresql":
        from rfk_trips.database.server_backups import backup_server

        return backup_server(engine, target)
    source = _require_sqlite(engine)
    if target.exists():
        raise UserError(t("backup.exists", path=target))
    try:
        # Copied under a temporary name and renamed: a copy cut short is never left behind.
        with private_replacement(target) as temporary:
            backup.copy_database(source, temporary, key=engine_key(engine))
    except (OSError, sqlite3.Error) as exc:
        raise file_error(
            target, exc, t("backup.failed", path=target, reason=reason_in_words(exc))
        ) from exc
    return target


@dataclass(frozen=True)
class RestoreResult:
    safety_copy: Path
    # The file set aside looked encrypted but the restored one is not: say so.
    now_unencrypted: bool = False


def restore_from(engine: Engine, source: Path, *, force: bool = False) -> RestoreResult:
    """Replace the database with `source`, after a safety copy of what was there.

    Refuses when the database changed after the backup was taken, unless `force`. An
    encrypted backup is restored with the engine's key, and the database stays encrypted. A
    PostgreSQL database is restored with pg_restore.
    """
    if engine.dialect.name == "postgresql":
        from rfk_trips.database import server_backups

        if not source.exists():
            raise UserError(t("import.missing_file", path=source))
        backup_changed = server_backups.backup_change(source)  # refuses a file that is no dump
        if not force:
            refuse_if_newer(server_backups.current_change(engine), backup_changed)
        safety_dump = server_backups.restore_server(engine, source)
        _new_calendar_identity(engine)
        return RestoreResult(safety_dump)
    target = _require_sqlite(engine)
    key = engine_key(engine)
    if not source.exists():
        raise UserError(t("import.missing_file", path=source))
    _refuse_unsuitable(source, key)
    try:
        backup_changed = backup.last_change(source, key)
        source_problems = backup.integrity_problems(source, key)
    except (backup.NotABackup, sqlite3.DatabaseError) as exc:
        raise UserError(t("restore.not_backup", path=source)) from exc
    if source_problems:
        raise UserError(t("restore.backup_damaged", path=source))
    target_key = _key_opening(target, key)
    damaged = target.exists() and (target_key is _UNREADABLE or _unreadable(target, target_key))
    current_changed = (
        backup.last_change(target, _as_key(target_key)) if target.exists() and not damaged else None
    )
    if not force:
        refuse_if_newer(current_changed, backup_changed)
    safety = backup.unused_path(target.parent, f"{target.stem}.før-gendannelse", target.suffix)
    engine.dispose()
    if target.exists():
        # A file of the other kind (plaintext where the backup is encrypted, or the other way
        # round) is moved aside whole, so the restored file is made fresh under the right key.
        moved = damaged or target_key != key
        _keep_current(target, safety, damaged=moved, key=_as_key(target_key))
    was_sealed = safety.exists() and cipher.looks_encrypted(safety)
    backup.copy_database(source, target, standalone=False, key=key)
    engine.dispose()
    _new_calendar_identity(engine)
    engine.dispose()
    return RestoreResult(safety, now_unencrypted=was_sealed and key is None)


def _new_calendar_identity(engine: Engine) -> None:
    """The restored database hands out again the trip and visit numbers it had handed out
    after the backup: events it sends for the first time get UIDs under a new calendar id,
    so they never update an event sent from the data the restore replaced."""
    with engine.begin() as connection:
        forget_calendar_id(connection)


def refuse_if_newer(current_changed: datetime | None, backup_changed: datetime | None) -> None:
    """Restoring would delete changes made after the backup was taken: refused, in Danish."""
    if current_changed is not None and (backup_changed is None or current_changed > backup_changed):
        raise UserError(
            t(
                "restore.newer",
                current=_stamp(current_changed),
                backup=_stamp(backup_changed) if backup_changed else "?",
            )
        )


_UNREADABLE = object()


def _key_opening(path: Path, key: str | None) -> object:
    """The key `path` opens with (None for plaintext), or _UNREADABLE."""
    if not path.exists() or cipher.is_plaintext_sqlite(path):
        return None
    if key is None or not cipher.looks_encrypted(path):
        return _UNREADABLE
    try:
        cipher.check_key(path, key)
    except cipher.WrongKey:
        return _UNREADABLE
    return key


def _as_key(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _refuse_unsuitable(source: Path, key: str | None) -> None:
    """A backup that is damaged, no database, or needs another key than the one given."""
    from rfk_trips.database.keys import needs_key_error, wrong_key_error

    if cipher.is_plaintext_sqlite(source):
        if backup.looks_damaged(source):
            raise UserError(t("restore.backup_damaged", path=source))
        if key is not None:
            raise UserError(t("encryption.plain_backup_with_key", path=source))
        return
    if not cipher.looks_encrypted(source):
        raise UserError(t("restore.not_backup", path=source))
    if key is None:
        raise needs_key_error(source)
    try:
        cipher.check_key(source, key)
    except cipher.WrongKey as exc:
        raise wrong_key_error(source) from exc


def _unreadable(path: Path, key: object = None) -> bool:
    """Damaged, not SQLite, or not an rfk-trips database: nothing to compare dates with."""
    if key is None and backup.looks_damaged(path):
        return True
    try:
        backup.last_change(path, _as_key(key))
    except backup.NotABackup:
        return True
    return False


def _keep_current(target: Path, safety: Path, *, damaged: bool, key: str | None = None) -> None:
    """What is there now, kept beside it before the backup takes its place.

    A sound database is copied through SQLite; a damaged one is moved aside untouched (SQLite
    could not copy it), so the restore never destroys the only copy of anything.
    """
    if not damaged:
        try:
            backup.copy_database(target, safety, key=key)
            return
        except sqlite3.DatabaseError:
            safety.unlink(missing_ok=True)
    backup.move_aside(target, safety)


def _stamp(value: datetime) -> str:
    from rfk_trips.rules.danish_dates import danish_moment

    return danish_moment(value).strftime("%d-%m-%Y kl. %H:%M")


@dataclass(frozen=True)
class CheckResult:
    revision: str | None
    problems: list[str]


def check_database(engine: Engine) -> CheckResult:
    """Integrity and foreign keys; a file that is no database at all is refused in Danish.

    A PostgreSQL server keeps its own pages and keys sound (it refuses a broken foreign key
    when it is written): there, the check is the schema's version and the audit chain.
    """
    from rfk_trips.database.damage import damaged_database_error

    if engine.dialect.name == "postgresql":
        return CheckResult(migrate.current_revision(engine), [])
    from rfk_trips.database.keys import check_file_for_key

    path = _require_sqlite(engine)
    key = engine_key(engine)
    if key is not None or cipher.looks_encrypted(path):
        check_file_for_key(path, key)
    elif backup.looks_damaged(path):
        raise damaged_database_error(path)
    try:
        return CheckResult(migrate.current_revision(engine), backup.integrity_problems(path, key))
    except (sqlite3.DatabaseError, DatabaseError) as exc:
        raise damaged_database_error(path) from exc


@dataclass(frozen=True)
class BackupChain:
    """The audit chain of the newest daily backup: its last line, and a look-up of others."""

    path: Path
    last_id: int
    last_hash: str
    last_at: str
    hash_of: Callable[[int], str | None]


@contextmanager
def newest_backup_chain(engine: Engine) -> Iterator[BackupChain | None]:
    """The newest daily backup's audit chain, opened read-only for as long as the block runs.

    None when there is no such backup, it cannot be opened with the database's key (taken
    before a new passphrase), or it holds no hashed line yet (taken before the chain began).
    A look-up that fails later raises sqlite3.DatabaseError.
    """
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    copies = backup.daily_backups(path) if path is not None else []
    if not copies:
        yield None
        return
    newest = copies[-1]
    try:
        with cipher.as_sqlite_errors():
            connection: Any = cipher.connect(newest, engine_key(engine), read_only=True)
    except sqlite3.Error:
        yield None
        return
    with closing(connection):
        try:
            with cipher.as_sqlite_errors():
                last = connection.execute(
                    "SELECT id, entry_hash, CAST(at AS TEXT) FROM audit_entry"
                    " WHERE entry_hash != '' ORDER BY id DESC LIMIT 1"
                ).fetchone()
        except sqlite3.Error:
            last = None
        if last is None:
            yield None
            return

        def hash_of(entry_id: int) -> str | None:
            with cipher.as_sqlite_errors():
                row = connection.execute(
                    "SELECT entry_hash FROM audit_entry WHERE id = ?", (entry_id,)
                ).fetchone()
            return None if row is None else str(row[0])

        yield BackupChain(newest, int(last[0]), str(last[1]), str(last[2]), hash_of)
