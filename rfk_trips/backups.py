"""Backup, restore and integrity check of the embedded database, with Danish refusals."""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from rfk_trips.errors import UserError
from rfk_trips.i18n import t
from storage import backup, migrate
from storage.engine import sqlite_path


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
    backup.copy_database(source, target)
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
    try:
        backup_changed = backup.last_change(source)
    except backup.NotABackup as exc:
        raise UserError(t("restore.not_backup", path=source)) from exc
    current_changed = backup.last_change(target) if target.exists() else None
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
    backup.copy_database(target, safety)
    backup.copy_database(source, target, standalone=False)
    engine.dispose()
    return RestoreResult(safety)


def _stamp(value: datetime) -> str:
    from rfk_trips.danish_dates import danish_moment

    return danish_moment(value).strftime("%d-%m-%Y kl. %H:%M")


@dataclass(frozen=True)
class CheckResult:
    revision: str | None
    problems: list[str]


def check_database(engine: Engine) -> CheckResult:
    path = _require_sqlite(engine)
    return CheckResult(migrate.current_revision(engine), backup.integrity_problems(path))
