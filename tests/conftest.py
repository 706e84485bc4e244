"""Shared fixtures: a real SQLite database per test, in the test's own folder."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from rfk_trips.database.opening import OpenedDatabase, open_database
from rfk_trips.i18n.catalogue import set_language
from storage.engine import sqlite_url

TODAY = date(2026, 11, 23)


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


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "rfk.db"


@pytest.fixture
def opened(db_path: Path) -> Iterator[OpenedDatabase]:
    database = open_database(sqlite_url(db_path))
    yield database
    database.engine.dispose()


@pytest.fixture
def engine(opened: OpenedDatabase) -> Engine:
    return opened.engine


@pytest.fixture
def demo_engine(engine: Engine) -> Engine:
    from rfk_trips.exchange.demo_data import load_demo

    load_demo(engine, scale=1, seed=7, today=TODAY)
    return engine
