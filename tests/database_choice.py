"""Which database a test's `db_path` stands for: the SQLite file, or the PostgreSQL database.

Tests name their database by `db_path` (the SQLite file in the test's folder). When the test
runs `[postgresql]`, conftest routes that path to the PostgreSQL test database, and these two
helpers give what the app (`url_for`) and the CLI (`db_option`) should be pointed at. A path no
fixture routed (a second file a test makes itself) stays a SQLite file.
"""

from pathlib import Path

from storage.engine import sqlite_url

_routes: dict[Path, str] = {}


def route(path: Path, url: str) -> None:
    _routes[path] = url


def forget_routes() -> None:
    _routes.clear()


def url_for(path: Path) -> str:
    return _routes.get(path) or sqlite_url(path)


def is_routed(path: Path) -> bool:
    """Whether `path` stands for the PostgreSQL database (the test runs `[postgresql]`)."""
    return path in _routes


def shown_where(path: Path) -> str:
    """Where the app says the database is: the file's path, or the server URL, masked."""
    from storage.engine import shown_url

    url = _routes.get(path)
    return shown_url(url) if url else str(path)


def db_option(path: Path) -> list[str]:
    """The CLI's option for the database `path` stands for."""
    url = _routes.get(path)
    return ["--database-url", url] if url else ["--db", str(path)]
