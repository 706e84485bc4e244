"""Backup and restore of the embedded SQLite database, through SQLite's online backup API.

The backup API copies a consistent snapshot even while the app has the file open in WAL
mode, which a plain file copy does not.
"""

import os
import sqlite3
import time
from contextlib import closing, suppress
from datetime import date, datetime
from pathlib import Path

from storage.cipher import SQLITE_MAGIC as SQLITE_MAGIC  # one definition, used via backup too
from storage.cipher import as_sqlite_errors, connect
from storage.engine import LAST_CHANGE_KEY
from storage.private_files import (
    PRIVATE_FILE_MODE,
    create_private_file,
    private_folder,
    private_replacement,
)


class NotABackup(ValueError):
    pass


_SIDECARS = ("-wal", "-shm", "-journal")


def looks_damaged(path: Path) -> bool:
    """The file is not SQLite, or shorter than its own header says (cut off in a copy).

    Read from the header alone, without SQLite, so that nothing is ever written to a file
    that is not a database. An empty file is a new database, not a damaged one.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except OSError:
        return False  # not there or not ours to read: SQLite will say so itself
    if not header:
        return False
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return True
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    change_counter = header[24:28]
    pages = int.from_bytes(header[28:32], "big")
    # The page count in the header is only to be trusted when written with the counter.
    if header[92:96] != change_counter or pages == 0:
        return False
    return size < page_size * pages


def move_aside(path: Path, target: Path) -> None:
    """Rename a database and its journal files to `target`, byte for byte as they are."""
    os.replace(path, target)
    for end in _SIDECARS:
        sidecar = path.with_name(path.name + end)
        if sidecar.exists():
            os.replace(sidecar, target.with_name(target.name + end))


def unused_path(folder: Path, stem: str, suffix: str) -> Path:
    """`stem-<time>suffix` in `folder`, numbered on if a file of that name is already there."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{stem}-{stamp}{suffix}"
    number = 1
    while candidate.exists():
        number += 1
        candidate = folder / f"{stem}-{stamp}-{number}{suffix}"
    return candidate


def copy_database(
    source: Path, target: Path, *, standalone: bool = True, key: str | None = None
) -> None:
    """A consistent copy of `source` at `target`, created readable by its owner only.

    A `standalone` copy (a backup file) is switched out of WAL so it is one self-contained
    file; restoring onto a live database keeps that database's own journal mode. With a
    `key` both files are SQLCipher databases under that key, so a backup stays encrypted.
    """
    if not target.exists():
        create_private_file(target)
    with as_sqlite_errors():
        with closing(connect(source, key)) as src, closing(connect(target, key)) as dst:
            src.backup(dst)
        if standalone:
            with closing(connect(target, key)) as dst:
                dst.execute("PRAGMA journal_mode=DELETE")
    os.chmod(target, PRIVATE_FILE_MODE)


def last_change(path: Path, key: str | None = None) -> datetime | None:
    """When the data in the file last changed, as recorded by `storage.sessions.session_scope`."""
    try:
        with as_sqlite_errors(), closing(connect(path, key, read_only=True)) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                raise NotABackup(str(path))
            if "database_info" not in tables:
                return None
            row = conn.execute(
                "SELECT value FROM database_info WHERE key = ?", (LAST_CHANGE_KEY,)
            ).fetchone()
    except sqlite3.DatabaseError as exc:
        raise NotABackup(str(path)) from exc
    return datetime.fromisoformat(row[0]) if row else None


def integrity_problems(path: Path, key: str | None = None) -> list[str]:
    """SQLite's integrity and foreign-key checks; an empty list means the file is sound."""
    with as_sqlite_errors(), closing(connect(path, key)) as conn:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
        problems += [
            f"foreign key {table}.{rowid} -> {parent}"
            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
        ]
    return problems


# --- daily backups ----------
# Beside the database in one folder, named `<stem>.dagligt-<YYYY-MM-DD><suffix>` on the same
# `<stem>.<what>-<when><suffix>` pattern as the pre-upgrade and pre-restore copies, so one
# glob (`backup_candidates`) finds them all. Only the daily copies are ever pruned.
BACKUP_FOLDER = "sikkerhedskopier"
DAILY_WORD = "dagligt"
DAILY_KEEP = 14
# A temporary copy this old belongs to a process that died mid-copy, not to one copying now.
_ABANDONED_AFTER_S = 600


def backup_folder(path: Path) -> Path:
    return path.parent / BACKUP_FOLDER


def daily_backup_path(path: Path, day: date) -> Path:
    return backup_folder(path) / f"{path.stem}.{DAILY_WORD}-{day.isoformat()}{path.suffix}"


def backup_candidates(path: Path) -> list[Path]:
    """Every copy of the database rfk-trips made: beside it and in its backup folder."""
    pattern = f"{path.stem}.*{path.suffix}"
    found = [*path.parent.glob(pattern), *backup_folder(path).glob(pattern)]
    return [p for p in found if p != path and p.is_file()]


def daily_backups(path: Path) -> list[Path]:
    """The daily copies of the database, oldest first (the ISO date in the name sorts)."""
    days = backup_folder(path).glob(f"{path.stem}.{DAILY_WORD}-????-??-??{path.suffix}")
    return sorted(p for p in days if p.is_file())


def daily_backup_due(path: Path, day: date) -> bool:
    """True when `path` holds data and has no copy from `day` yet: two stats, no SQLite."""
    try:
        if path.stat().st_size == 0:
            return False
    except OSError:
        return False
    return not daily_backup_path(path, day).exists()


def take_daily_backup(
    path: Path, day: date, *, keep: int = DAILY_KEEP, key: str | None = None
) -> Path:
    """Today's consistent copy in the backup folder (0600 in 0700), then prune old daily ones.

    The copy is made under a temporary name and renamed into place, so a copy cut short (a
    full disk, a killed process) never passes for today's backup and leaves nothing behind.
    Raises OSError or sqlite3.Error when the copy cannot be written.
    """
    target = daily_backup_path(path, day)
    folder = private_folder(target.parent)
    _remove_abandoned_copies(folder)
    try:
        with private_replacement(target, folder_must_exist=True) as temporary:
            copy_database(path, temporary, key=key)
    finally:
        for file in folder.glob(f".{target.name}.*.tmp-journal"):
            file.unlink(missing_ok=True)
    prune_daily_backups(path, keep=keep)
    return target


def prune_daily_backups(path: Path, *, keep: int = DAILY_KEEP) -> list[Path]:
    """Delete all but the newest `keep` daily copies; other copies are never touched."""
    old = daily_backups(path)[:-keep] if keep > 0 else daily_backups(path)
    for file in old:
        file.unlink(missing_ok=True)
    return old


def _remove_abandoned_copies(folder: Path) -> None:
    now = time.time()
    for file in folder.glob(".*.tmp*"):
        with suppress(OSError):
            if now - file.stat().st_mtime > _ABANDONED_AFTER_S:
                file.unlink()
