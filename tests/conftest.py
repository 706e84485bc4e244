"""Shared fixtures: a real database per test, SQLite in the test's own folder and PostgreSQL.

Every test that asks for a database (`opened`, `engine`, `demo_engine`, `database_url`) runs
twice, `[sqlite]` and `[postgresql]`, the second on the server `.ci/postgres` starts. A test
marked `sqlite_only` (with the reason: it reads the file, its sidecars or SQLite's own
pragmas) runs on SQLite alone. Without a server the PostgreSQL runs are skipped with the
reason, except under CI, where a missing server fails the run.
"""

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from rfk_trips.database.opening import OpenedDatabase, open_database
from rfk_trips.i18n.catalogue import set_language
from storage.engine import sqlite_url
from tests import database_choice

TODAY = date(2026, 11, 23)
# A referral date (visitationsdato) for test citizens who go on trips (R16: only the referred
# are planned); the project's first day, so it changes no figure counted from a referral.
REFERRED = date(2018, 8, 1)


@pytest.fixture(autouse=True)
def danish() -> Iterator[None]:
    """Every test starts in Danish, whatever an earlier test switched to."""
    set_language("da")
    yield
    set_language("da")


@pytest.fixture(autouse=True)
def nobody_acting() -> Iterator[None]:
    """Initials one test acts under never leak into the next one's audit lines."""
    from storage import actor

    actor.set_actor("")
    yield
    actor.set_actor("")


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch: pytest.MonkeyPatch) -> date:
    monkeypatch.setenv("RFK_TRIPS_TODAY", TODAY.isoformat())
    monkeypatch.delenv("RFK_TRIPS_DB", raising=False)
    monkeypatch.delenv("RFK_TRIPS_DATABASE_URL", raising=False)
    return TODAY


@pytest.fixture(autouse=True)
def own_preferences(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Tests never read or write the real user's settings file."""
    folder = tmp_path / "config"
    monkeypatch.setenv("RFK_TRIPS_CONFIG_DIR", str(folder))
    return folder


BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): the test reads SQLite's file or pragmas on purpose"
    )
    config.addinivalue_line(
        "markers", "postgresql_only: the test is about the shared server (logins, pg_dump)"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        return  # the backend fixture's default: SQLite, and the test keeps its plain name
    if metafunc.definition.get_closest_marker("postgresql_only") is not None:
        metafunc.parametrize("backend", ["postgresql"], indirect=True)
        return
    metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[None]:
    from tests import postgres_databases

    problem = postgres_databases.server_problem()
    if problem is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs the PostgreSQL test server: {problem}")
        pytest.skip(problem)
    yield
    postgres_databases.finish()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    name: str = getattr(request, "param", "sqlite")
    if name == "postgresql":
        request.getfixturevalue("postgres_server")
    return name


@pytest.fixture(autouse=True)
def no_routes_left() -> Iterator[None]:
    yield
    database_choice.forget_routes()


@pytest.fixture
def db_path(tmp_path: Path, backend: str) -> Path:
    """The test's database by name: a SQLite file in its folder, or (`[postgresql]`) a path
    routed to the PostgreSQL test database, emptied to what the migrations seed."""
    path = tmp_path / "rfk.db"
    if backend == "postgresql":
        from tests import postgres_databases

        database_choice.route(path, postgres_databases.fresh_database("migrated", TODAY))
    return path


@pytest.fixture
def database_url(db_path: Path) -> str:
    """The URL of the test's database (see `db_path`)."""
    return database_choice.url_for(db_path)


@pytest.fixture
def opened(database_url: str) -> Iterator[OpenedDatabase]:
    database = open_database(database_url)
    yield database
    database.engine.dispose()


@pytest.fixture
def engine(opened: OpenedDatabase) -> Engine:
    return opened.engine


@pytest.fixture
def demo_engine(backend: str, db_path: Path) -> Iterator[Engine]:
    """The demo data (scale 1, seed 7, as of TODAY); on PostgreSQL copied back from a snapshot."""
    if backend == "sqlite":
        from rfk_trips.exchange.demo_data import load_demo

        database = open_database(sqlite_url(db_path))
        load_demo(database.engine, scale=1, seed=7, today=TODAY)
        yield database.engine
        database.engine.dispose()
        return
    from tests import postgres_databases

    url = postgres_databases.fresh_database("demo", TODAY)
    database_choice.route(db_path, url)
    database = open_database(url)
    yield database.engine
    database.engine.dispose()
