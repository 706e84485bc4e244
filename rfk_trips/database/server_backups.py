"""Backup and restore of a shared PostgreSQL database, in the same words as SQLite's.

The copy is PostgreSQL's own (`pg_dump`'s custom format); a restore refuses a backup older than
the database unless forced (`backups.restore_from` asks that, as for SQLite), and first takes a
safety copy of what is there.
"""

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from rfk_trips.database.failures import file_error, reason_in_words, write_failure
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError
from storage import backup, server_dump
from storage.engine import LAST_CHANGE_KEY
from storage.private_files import private_replacement


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _with_tool(step: Callable[[], None], failed: Callable[[str], str]) -> None:
    """Run a tool step; its absence or failure becomes the Danish sentence for it."""
    try:
        step()
    except server_dump.ToolMissing as missing:
        raise UserError(t("backup.server_tool_missing", tool=missing.tool)) from None
    except server_dump.ToolFailed as failure:
        raise UserError(failed(str(failure))) from None


def backup_server(engine: Engine, target: Path) -> Path:
    """A pg_dump of the database at `target`; never overwrites an existing file."""
    if target.exists():
        raise UserError(t("backup.exists", path=target))
    url = _url(engine)

    def step() -> None:
        # Written under a temporary name and renamed: a dump cut short is never left behind.
        with private_replacement(target) as temporary:
            server_dump.dump(url, temporary)

    def failed(reason: str) -> str:
        # pg_dump out of room or rights says so in its own words: the sentence with the way out.
        found = write_failure(target, server_dump.ToolFailed(reason))
        return found.message if found else t("backup.failed", path=target, reason=reason)

    try:
        _with_tool(step, failed)
    except OSError as exc:  # the temporary file itself could not be made
        fallback = t("backup.failed", path=target, reason=reason_in_words(exc))
        raise file_error(target, exc, fallback) from None
    return target


def current_change(engine: Engine) -> datetime | None:
    with engine.connect() as connection:
        value = connection.execute(
            text("SELECT value FROM database_info WHERE key = :key"), {"key": LAST_CHANGE_KEY}
        ).scalar()
    return datetime.fromisoformat(value) if value else None


def backup_change(source: Path) -> datetime | None:
    found: list[str | None] = []

    def step() -> None:
        found.append(server_dump.last_change_in(source))

    _with_tool(step, lambda _reason: t("restore.not_backup", path=source))
    return datetime.fromisoformat(found[0]) if found[0] else None


def restore_server(engine: Engine, source: Path) -> Path:
    """Replace the database's tables with the dump's, after a safety dump; the safety copy.

    The caller has refused a backup older than the database (`backups.restore_from`)."""
    name = engine.url.database or "rfk-trips"
    safety = backup.unused_path(source.parent, f"{name}.før-gendannelse", ".dump")
    backup_server(engine, safety)
    url = _url(engine)
    engine.dispose()
    _with_tool(
        lambda: server_dump.restore(url, source),
        lambda reason: t("restore.server_failed", path=source, reason=reason, safety=safety),
    )
    return safety
