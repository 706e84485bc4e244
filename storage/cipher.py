"""Encryption at rest with SQLCipher: opening an encrypted file, and converting a file either way.

An encrypted database is only ever opened through `sqlcipher3`, plaintext ones through the
standard `sqlite3`: two SQLite libraries holding the same file in one process would release
each other's POSIX locks, so a file stays with one library for the life of a process. The one
exception, converting a file, runs while no other connection of ours holds it.

The passphrase is never put in a printed URL or a log line: it travels as the password of the
engine's URL object (rendered as ***) and as bound parameters.
"""

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from storage.private_files import PRIVATE_FILE_MODE

SQLITE_MAGIC = b"SQLite format 3\x00"
# SQLCipher page sizes are powers of two from 512; an encrypted file is whole pages.
_SMALLEST_PAGE = 512


class WrongKey(Exception):
    """The passphrase does not open the file (or the file is damaged: SQLCipher cannot tell)."""


class DatabaseInUse(Exception):
    """Another connection holds the file, so it cannot be converted now."""


class ConversionFailed(Exception):
    """The converted copy did not match the original; the original is untouched."""


def looks_encrypted(path: Path) -> bool:
    """The file could be a SQLCipher database: no SQLite header, whole pages of noise.

    An encrypted file cannot be told from random bytes of the same length; a wrong
    passphrase and a damaged file therefore share their symptom, and messages say both.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError:
        return False
    return size >= _SMALLEST_PAGE and size % _SMALLEST_PAGE == 0 and header != SQLITE_MAGIC


def is_plaintext_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def key_pragma(key: str) -> str:
    """`PRAGMA key` with the passphrase quoted exactly as SQLAlchemy's pysqlcipher dialect
    quotes it, so a file keyed here opens through the engine and the other way round."""
    return 'PRAGMA key = "' + key.replace('"', '""') + '"'


def _module() -> Any:
    import sqlcipher3

    return sqlcipher3


def database_errors() -> tuple[type[Exception], ...]:
    """The DatabaseError classes of both libraries (sqlcipher3 has its own hierarchy)."""
    return (sqlite3.DatabaseError, _module().DatabaseError)


def quiet(connection: Any) -> None:
    """SQLCipher writes a wrong passphrase's HMAC failures to stderr; the user gets our
    sentence instead, and nothing about the data may reach a terminal or log."""
    connection.execute("PRAGMA cipher_log_level = NONE")


def connect(path: Path, key: str | None, *, read_only: bool = False) -> Any:
    """A DB-API connection to `path`: SQLCipher with `key`, the standard sqlite3 without."""
    target: str | Path = f"file:{quote(str(path))}?mode=ro" if read_only else path
    if key is None:
        return sqlite3.connect(target, uri=read_only)
    connection = _module().connect(str(target), uri=read_only, check_same_thread=False)
    quiet(connection)
    connection.execute(key_pragma(key))
    return connection


def check_key(path: Path, key: str) -> None:
    """Raise WrongKey unless `key` opens `path`. Read-only, so a wrong key writes nothing
    (not even the recovery of a journal left by a crash)."""
    try:
        with closing(connect(path, key, read_only=True)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except _module().DatabaseError as exc:
        raise WrongKey(str(path)) from exc


@dataclass(frozen=True)
class Conversion:
    path: Path
    tables: int
    rows: int


def encrypt_file(path: Path, key: str) -> Conversion:
    """Replace the plaintext database at `path` by an encrypted copy keyed with `key`."""
    return _convert(path, source_key=None, target_key=key)


def decrypt_file(path: Path, key: str) -> Conversion:
    """Replace the encrypted database at `path` by a plaintext copy."""
    check_key(path, key)
    return _convert(path, source_key=key, target_key=None)


def rekey_file(path: Path, key: str, new_key: str) -> Conversion:
    """Replace the encrypted database at `path` by a copy encrypted with `new_key`."""
    check_key(path, key)
    return _convert(path, source_key=key, target_key=new_key)


def _convert(path: Path, *, source_key: str | None, target_key: str | None) -> Conversion:
    """Export into a private temporary file beside `path`, check it, then swap it in.

    The source is first taken out of WAL mode, which SQLite only allows when no other
    connection (another rfk-trips) has the file open, and then held under an exclusive
    lock until the new file is in place, so no change can land in the old file meanwhile.
    """
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    temporary = Path(name)
    try:
        with closing(_module().connect(str(path), check_same_thread=False)) as source:
            quiet(source)
            if source_key is not None:
                source.execute(key_pragma(source_key))
            source.execute("PRAGMA busy_timeout = 0")
            _leave_wal(source)
            counts = _row_counts(source)
            source.execute(
                "ATTACH DATABASE ? AS converted KEY ?", (str(temporary), target_key or "")
            )
            source.execute("SELECT sqlcipher_export('converted')")
            version = source.execute("PRAGMA main.user_version").fetchone()[0]
            source.execute(f"PRAGMA converted.user_version = {int(version)}")
            source.execute("DETACH DATABASE converted")
            source.execute("BEGIN EXCLUSIVE")
            _verify(temporary, target_key, counts)
            os.chmod(temporary, PRIVATE_FILE_MODE)
            with open(temporary, "rb+") as handle:
                os.fsync(handle.fileno())
            with open(path, "rb+") as old:
                os.replace(temporary, path)
                if source_key is None:
                    _overwrite(old)
            source.rollback()
    except _module().OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise DatabaseInUse(str(path)) from exc
        raise
    finally:
        temporary.unlink(missing_ok=True)
    _sync_folder(path.parent)
    return Conversion(path, len(counts), sum(counts.values()))


def _leave_wal(connection: Any) -> None:
    mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    if str(mode).lower() != "delete":
        raise DatabaseInUse("journal mode stayed " + str(mode))


def _row_counts(connection: Any) -> dict[str, int]:
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names
    }


def _verify(temporary: Path, key: str | None, expected: dict[str, int]) -> None:
    """The copy opens with its key (or none), is sound, and holds every row of the source."""
    with closing(_module().connect(str(temporary), check_same_thread=False)) as copy:
        quiet(copy)
        if key is not None:
            copy.execute(key_pragma(key))
        problems = [row[0] for row in copy.execute("PRAGMA integrity_check") if row[0] != "ok"]
        if problems or _row_counts(copy) != expected:
            raise ConversionFailed(str(temporary))
    if (key is None) != is_plaintext_sqlite(temporary):
        raise ConversionFailed(str(temporary))


def _overwrite(handle: Any) -> None:
    """Best effort: the replaced plaintext's blocks filled with zeros before they are freed.

    Copy-on-write file systems and SSDs may still keep old blocks; full-disk encryption is
    what closes that gap, and the README says so.
    """
    with suppress(OSError):
        size = os.fstat(handle.fileno()).st_size
        chunk = b"\0" * (1 << 20)
        handle.seek(0)
        written = 0
        while written < size:
            written += handle.write(chunk[: min(len(chunk), size - written)])
        handle.flush()
        os.fsync(handle.fileno())


def _sync_folder(folder: Path) -> None:
    """The rename itself made durable, so a power cut cannot bring the old file back."""
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def as_sqlite_errors() -> Iterator[None]:
    """SQLCipher's errors raised as the standard sqlite3 ones callers already handle."""
    try:
        yield
    except sqlite3.DatabaseError:
        raise
    except Exception as exc:
        if isinstance(exc, _module().DatabaseError):
            raise sqlite3.DatabaseError(str(exc)) from exc
        raise
