"""A full disk, a read-only folder or a busy database, told in one Danish sentence wherever it
happens: the CLI, the screens, saving a file or writing to the database.

Database errors are turned into `StorageError` (a `UserError`) on the engine itself, so every
place that already shows a refused action's sentence shows these too, with no traceback. The
transaction they happen in is rolled back by `storage.sessions.session_scope`: nothing is saved.
"""

import errno
import shutil
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine, ExceptionContext
from sqlalchemy.exc import DatabaseError

from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError

DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
READ_ONLY = frozenset({errno.EROFS})
NOT_ALLOWED = frozenset({errno.EACCES, errno.EPERM})
# Less room than this beside the database: SQLite's I/O errors are the disk being full.
_NEARLY_FULL_BYTES = 1024 * 1024


class StorageError(UserError):
    """The disk or the database refused a write; nothing of the action was saved."""


def database_failure(exc: BaseException, folder: Path | None = None) -> str | None:
    """The sentence for SQLite's full-disk, read-only and busy errors; None for anything else.

    Reads SQLite's own words (SQLITE_FULL, SQLITE_READONLY, SQLITE_BUSY), which the driver
    and SQLAlchemy pass on unchanged in the exception text. A full disk met while SQLite
    makes its shared-memory file reads only "disk I/O error": the free space in the
    database's `folder` tells the two apart.
    """
    if isinstance(exc, OSError) and not _is_sqlite_error(exc):
        return _os_failure(exc)
    text = str(exc).lower()
    if "database or disk is full" in text:
        return t("error.disk_full")
    if "readonly database" in text or "read-only file system" in text:
        return t("error.database_read_only")
    if "database is locked" in text or "database is busy" in text:
        return t("error.database_locked")
    if "disk i/o error" in text:
        return t("error.disk_full" if _nearly_full(folder) else "error.disk_io")
    return None


def _nearly_full(folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        return shutil.disk_usage(folder).free < _NEARLY_FULL_BYTES
    except OSError:
        return False


def _is_sqlite_error(exc: BaseException) -> bool:
    return type(exc).__module__.startswith(("sqlite3", "sqlalchemy", "sqlcipher"))


def _os_failure(exc: OSError) -> str | None:
    if exc.errno in DISK_FULL:
        return t("error.disk_full")
    if exc.errno in READ_ONLY:
        return t("error.database_read_only")
    return None


def write_failure(path: Path, exc: BaseException) -> UserError | None:
    """A file that cannot be saved for want of room or rights, in Danish; None otherwise.

    `exc` is what writing raised: an OSError, or SQLite's own error when the file is a copy
    of the database. Callers fall back on their own sentence (file open in Excel, …).
    """
    number = exc.errno if isinstance(exc, OSError) else None
    text = str(exc).lower()
    # SQLite's words for a copy of the database, and the C library's in pg_dump's message.
    if number in DISK_FULL or any(w in text for w in ("database or disk is full", "no space")):
        return UserError(t("error.file_disk_full", path=path))
    if number in READ_ONLY or any(w in text for w in ("readonly database", "read-only file")):
        return UserError(t("error.file_read_only", path=path))
    if number in NOT_ALLOWED:
        return UserError(t("error.file_not_allowed", path=path))
    return None


def file_error(path: Path, exc: BaseException, fallback: str) -> UserError:
    """`write_failure` when the disk or folder is to blame, else the caller's own sentence."""
    return write_failure(path, exc) or UserError(fallback)


def reason_in_words(exc: BaseException) -> str:
    """A short Danish reason for a failed write (for sentences that name the reason)."""
    number = exc.errno if isinstance(exc, OSError) else None
    text = str(exc).lower()
    if number in DISK_FULL or "disk is full" in text:
        return t("reason.disk_full")
    if number in READ_ONLY or "readonly" in text:
        return t("reason.read_only")
    if number in NOT_ALLOWED:
        return t("reason.not_allowed")
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def translate_storage_errors(engine: Engine, folder: Path | None = None) -> None:
    """Make the engine raise `StorageError` with the Danish sentence for these failures.

    `folder` is where the SQLite file lives (None for a database server).
    """

    def as_storage_error(context: ExceptionContext) -> BaseException | None:
        message = database_failure(context.original_exception, folder)
        return StorageError(message) if message is not None else None

    event.listen(engine, "handle_error", as_storage_error)


def failure_message(exc: Exception) -> str:
    """The sentence for a failure that is not the user's doing; nothing of it was saved.

    One place for the CLI and the screens: a full disk, a read-only folder or a database held
    by another user reads as such (database_failure), anything else as the general
    apology (the details belong in --debug, never on screen).
    """

    from rfk_trips.database.failures import database_failure
    from rfk_trips.i18n.catalogue import t

    if isinstance(exc, UserError):
        return exc.message
    if (storage := database_failure(exc)) is not None:
        # A full disk, a read-only folder or a database busy with another user.
        return storage
    if isinstance(exc, DatabaseError) and any(
        words in str(exc).lower() for words in ("malformed", "not a database", "disk image")
    ):
        # Damage found in the middle of the file, after it opened: the same advice as at start.
        return t("error.database_damaged_found")
    return t("error.unexpected")
