"""Backup, restore and integrity check of the embedded database, with Danish refusals."""

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError

from rfk_trips.errors import UserError
from rfk_trips.i18n import t
from rfk_trips.storage_errors import file_error, reason_in_words
from storage import backup, migrate
from storage.engine import sqlite_path
from storage.private_files import private_replacement


def _require_sqlite(engine: Engine) -> Path:
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    if path is None:
        raise UserError(t("db.not_sqlite", url=engine.url.render_as_string(hide_password=True)))
    return path


def backup_to(engine: Engine, target: Path) -> Path:
    """A consistent copy of the database at `target`; never overwrites an existing file."""
    source = _require_sqlite(engine)
    if target.exists():
        raise UserError(t("backup.exists", path=target))
    try:
        # Copied under a temporary name and renamed: a copy cut short is never left behind.
        with private_replacement(target) as temporary:
            backup.copy_database(source, temporary)
    except (OSError, sqlite3.Error) as exc:
        raise file_error(
            target, exc, t("backup.failed", path=target, reason=reason_in_words(exc))
        ) from exc
    return target


@dataclass(frozen=True)
class RestoreResult:
    safety_copy: Path


def restore_from(engine: Engine, source: Path, *, force: bool = False) -> RestoreResult:
    """Replace the database with `source`, after a safety copy of what was there.

    Refuses when the database changed after the backup was taken, unless `force`.
    """
    target = _require_sqlite(engine)
    if not source.exists():
        raise UserError(t("import.missing_file", path=source))
    if backup.looks_damaged(source):
        with source.open("rb") as handle:
            sqlite_file = handle.read(len(backup.SQLITE_MAGIC)) == backup.SQLITE_MAGIC
        key = "restore.backup_damaged" if sqlite_file else "restore.not_backup"
        raise UserError(t(key, path=source))
    try:
        backup_changed = backup.last_change(source)
        source_problems = backup.integrity_problems(source)
    except (backup.NotABackup, sqlite3.DatabaseError) as exc:
        raise UserError(t("restore.not_backup", path=source)) from exc
    if source_problems:
        raise UserError(t("restore.backup_damaged", path=source))
    damaged = target.exists() and _unreadable(target)
    current_changed = backup.last_change(target) if target.exists() and not damaged else None
    if (
        not force
        and current_changed is not None
        and (backup_changed is None or current_changed > backup_changed)
    ):
        raise UserError(
            t(
                "restore.newer",
                current=_stamp(current_changed),
                backup=_stamp(backup_changed) if backup_changed else "?",
            )
        )
    safety = backup.unused_path(target.parent, f"{target.stem}.før-gendannelse", target.suffix)
    engine.dispose()
    if target.exists():
        _keep_current(target, safety, damaged=damaged)
    backup.copy_database(source, target, standalone=False)
    engine.dispose()
    return RestoreResult(safety)


def _unreadable(path: Path) -> bool:
    """Damaged, not SQLite, or not an rfk-trips database: nothing to compare dates with."""
    if backup.looks_damaged(path):
        return True
    try:
        backup.last_change(path)
    except backup.NotABackup:
        return True
    return False


def _keep_current(target: Path, safety: Path, *, damaged: bool) -> None:
    """What is there now, kept beside it before the backup takes its place.

    A sound database is copied through SQLite; a damaged one is moved aside untouched (SQLite
    could not copy it), so the restore never destroys the only copy of anything.
    """
    if not damaged:
        try:
            backup.copy_database(target, safety)
            return
        except sqlite3.DatabaseError:
            safety.unlink(missing_ok=True)
    backup.move_aside(target, safety)


def _stamp(value: datetime) -> str:
    from rfk_trips.danish_dates import danish_moment

    return danish_moment(value).strftime("%d-%m-%Y kl. %H:%M")


@dataclass(frozen=True)
class CheckResult:
    revision: str | None
    problems: list[str]


def check_database(engine: Engine) -> CheckResult:
    """Integrity and foreign keys; a file that is no database at all is refused in Danish."""
    from rfk_trips.database import damaged_database_error

    path = _require_sqlite(engine)
    if backup.looks_damaged(path):
        raise damaged_database_error(path)
    try:
        return CheckResult(migrate.current_revision(engine), backup.integrity_problems(path))
    except (sqlite3.DatabaseError, DatabaseError) as exc:
        raise damaged_database_error(path) from exc
