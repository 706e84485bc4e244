"""Snapshots of the main screens: fixed size, seeded data, frozen clock.

Update them on purpose, in their own commit: `pytest tests/test_snapshots.py --snapshot-update`,
then copy the four the README shows to docs/ (tests/test_docs_screenshots.py names them).
"""

from pathlib import Path
from typing import Any

import pytest

from rfk_trips.app.application import make_app
from rfk_trips.database.opening import open_database
from rfk_trips.exchange.demo_data import load_demo
from tests.conftest import TODAY
from tests.pilot_helpers import settle_for_snapshot


@pytest.fixture
def relative_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A database URL whose shown path is the same on every machine."""
    monkeypatch.chdir(tmp_path)
    return "sqlite:///rfk.db"


def test_home_with_demo_data(snap_compare: Any, relative_db: str) -> None:
    opened = open_database(relative_db)
    load_demo(opened.engine, scale=1, seed=2026, today=TODAY)
    opened.engine.dispose()
    assert snap_compare(
        make_app(database_url=relative_db), terminal_size=(110, 34), run_before=settle_for_snapshot
    )


def test_home_on_an_empty_database(snap_compare: Any, relative_db: str) -> None:
    assert snap_compare(
        make_app(database_url=relative_db), terminal_size=(100, 24), run_before=settle_for_snapshot
    )


def _demo(relative_db: str) -> None:
    opened = open_database(relative_db)
    load_demo(opened.engine, scale=1, seed=2026, today=TODAY)
    opened.engine.dispose()


def test_companies_list(snap_compare: Any, relative_db: str) -> None:
    _demo(relative_db)

    async def open_companies(pilot: Any) -> None:
        await settle_for_snapshot(pilot)
        await pilot.press("f3")
        await settle_for_snapshot(pilot)
        await pilot.press(*"nakskov")
        await settle_for_snapshot(pilot)

    app = make_app(database_url=relative_db)
    assert snap_compare(app, terminal_size=(130, 36), run_before=open_companies)


def test_trip_editor_group_tab(snap_compare: Any, relative_db: str) -> None:
    _demo(relative_db)

    async def open_first_trip(pilot: Any) -> None:
        await settle_for_snapshot(pilot)
        await pilot.press("f5")
        await settle_for_snapshot(pilot)
        await pilot.press("tab", "tab", "tab", "tab", "enter")
        await settle_for_snapshot(pilot)
        await settle_for_snapshot(pilot)

    app = make_app(database_url=relative_db)
    assert snap_compare(app, terminal_size=(150, 42), run_before=open_first_trip)


def test_checkin_on_the_day(snap_compare: Any, relative_db: str) -> None:
    """Today's Guldborgsund trip half checked in, with the times of the changes fixed."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import update

    from rfk_trips.trips import check_in
    from storage.codes import Attendance
    from storage.models import CheckinEvent
    from tests.trip_builders import todays_trip

    opened = open_database(relative_db)
    trip_id, ids = todays_trip(opened.engine)
    marks = [Attendance.PRESENT, Attendance.LATE, Attendance.PRESENT, Attendance.EXCUSED]
    for citizen_id, status in zip(list(ids.values())[:4], marks, strict=True):
        check_in.record(opened.engine, trip_id, citizen_id, status, reason="")
    start = datetime(2026, 11, 23, 7, 28, tzinfo=UTC)
    with opened.engine.begin() as connection:
        for minute, event_id in enumerate(range(1, 5)):
            connection.execute(
                update(CheckinEvent)
                .where(CheckinEvent.id == event_id)
                .values(recorded_at=start + timedelta(minutes=minute))
            )
    opened.engine.dispose()

    async def open_checkin(pilot: Any) -> None:
        await settle_for_snapshot(pilot)
        await pilot.press("ctrl+t")
        await settle_for_snapshot(pilot)

    app = make_app(database_url=relative_db)
    assert snap_compare(app, terminal_size=(120, 30), run_before=open_checkin)


def test_results_on_demo_data(snap_compare: Any, relative_db: str) -> None:
    _demo(relative_db)

    async def open_results(pilot: Any) -> None:
        await settle_for_snapshot(pilot)
        await pilot.press("f9")
        await settle_for_snapshot(pilot)

    app = make_app(database_url=relative_db)
    assert snap_compare(app, terminal_size=(130, 40), run_before=open_results)


def test_follow_ups_on_demo_data(snap_compare: Any, relative_db: str) -> None:
    _demo(relative_db)

    async def open_follow_ups(pilot: Any) -> None:
        await settle_for_snapshot(pilot)
        await pilot.press("f8")
        await settle_for_snapshot(pilot)

    app = make_app(database_url=relative_db)
    assert snap_compare(app, terminal_size=(130, 40), run_before=open_follow_ups)


def test_audit_log_on_demo_data(
    snap_compare: Any, relative_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC, datetime

    from rfk_trips.config.preferences import Preferences, save_preferences
    from rfk_trips.documents.programme_service import write_programme
    from rfk_trips.exchange.exporting import export_file
    from storage import actor, audit

    # A fixed clock and fixed initials, so the lines read the same on every machine.
    monkeypatch.setattr(audit, "utc_now", lambda: datetime(2026, 11, 23, 8, 30, tzinfo=UTC))
    save_preferences(Preferences(initials="HH"))
    actor.set_actor("HH")
    _demo(relative_db)
    opened = open_database(relative_db)
    export_file(opened.engine, "citizens", Path("borgere.xlsx"))
    write_programme(opened.engine, 1, "staff", Path("koereark.pdf"), today=TODAY)
    write_programme(opened.engine, 1, "bus", Path("bus.txt"), today=TODAY)
    opened.engine.dispose()

    async def open_audit(pilot: Any) -> None:
        await settle_for_snapshot(pilot)
        await pilot.press("f11")
        await settle_for_snapshot(pilot)

    app = make_app(database_url=relative_db)
    assert snap_compare(app, terminal_size=(130, 36), run_before=open_audit)
