"""A database file that cannot be read: the sentence that says so, and the copy to restore."""

from pathlib import Path

from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError
from storage.backup import backup_candidates, looks_damaged
from storage.cipher import looks_encrypted


def damaged_database_error(path: Path) -> UserError:
    """What to do with a database file that cannot be read: restore, never overwrite it."""
    latest = latest_backup(path)
    message = t("error.database_damaged", path=path)
    if latest is not None:
        message += " " + t("error.database_latest_backup", path=path, backup=latest)
    return UserError(message)


def latest_backup(path: Path) -> Path | None:
    """The newest sound-looking copy: upgrade and restore copies beside it, daily ones;
    encrypted copies count, as they cannot be told from damage without their key."""
    candidates = [
        p
        for p in backup_candidates(path)
        if p.stat().st_size and (not looks_damaged(p) or looks_encrypted(p))
    ]
    return max(candidates, key=lambda p: p.stat().st_mtime, default=None)
