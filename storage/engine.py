"""Building the engine. Every SQLite detail of rfk-trips lives here.

Core SQLAlchemy only: the home screen reads through it before the ORM and the table
models are loaded (sessions, which need them, are `storage.sessions`).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine, make_url

from storage.private_files import create_private_file, make_folder_private, make_private

DB_FILENAME = "rfk-trips.db"
LAST_CHANGE_KEY = "last_change_at"


def default_db_path() -> Path:
    """The embedded database in the platform's user data directory."""
    from platformdirs import user_data_path

    return user_data_path("rfk-trips", appauthor=False) / DB_FILENAME


def resolve_database_url(db_path: str | Path | None = None, database_url: str | None = None) -> str:
    """Pick the database: the URL, else the path, else the default file.

    The caller reads them from its options or the environment (`rfk_trips.config.environment`):
    storage reads no RFK_TRIPS_* variable itself.
    """
    if database_url:
        return database_url
    if db_path:
        return sqlite_url(Path(db_path))
    return sqlite_url(default_db_path())


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL; None for other databases or in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def shown_url(url: str) -> str:
    """The URL as a message may show it: a password that stands in it becomes ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL at all: show no part of it, it may be all secret
        return "***"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    # FULL: a check-in shown as saved survives pulling the power (NORMAL in WAL mode may lose
    # the last commits then). The cost is one fsync per commit, unnoticeable at human pace.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _close_to_others(path: Path) -> None:
    """A database file (and its WAL sidecars) an older rfk-trips left readable by others."""
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        make_private(file)
    if path.parent == default_db_path().parent:
        make_folder_private(path.parent)


def _quiet_cipher(dbapi_connection: Any, _record: Any) -> None:
    from storage.cipher import quiet

    quiet(dbapi_connection)


def make_engine(url: str, key: str | None = None) -> Engine:
    """An engine for `url`; a new SQLite file is created private (0600) first.

    With a `key` the file is opened through SQLCipher (a new file is created encrypted). The
    key rides as the URL object's password, which SQLAlchemy renders as *** everywhere.
    """
    if is_sqlite(url):
        path = sqlite_path(url)
        if path is not None and not path.exists():
            create_private_file(path)
        elif path is not None:
            _close_to_others(path)
        if key is None:
            engine = create_engine(url, connect_args={"check_same_thread": False})
        else:
            from sqlalchemy.pool import QueuePool

            cipher_url = make_url(url).set(drivername="sqlite+pysqlcipher", password=key)
            # QueuePool like plain SQLite files (the dialect's default would open one
            # connection per thread, each paying the deliberately slow key derivation).
            engine = create_engine(
                cipher_url, connect_args={"check_same_thread": False}, poolclass=QueuePool
            )
            event.listen(engine, "connect", _quiet_cipher, insert=True)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def engine_key(engine: Engine) -> str | None:
    """The SQLCipher passphrase an engine opens its file with; None for a plaintext file."""
    if engine.url.get_driver_name() != "pysqlcipher":
        return None
    return engine.url.password or ""


@contextmanager
def reading(database: Engine | Connection) -> Iterator[Connection]:
    """A connection to read through: the one given, or a new one of the engine given.

    Lets a Core read run on its own or inside a caller's transaction, as the home screen's
    reads share one.
    """
    if isinstance(database, Connection):
        yield database
    else:
        with database.connect() as connection:
            yield connection
