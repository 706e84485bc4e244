"""Live lists: a colleague's change shows in the open screen by itself, nothing else moves.

The colleague is a second engine on the same database, writing through the services as
their own rfk-trips would: the app sees it only through the database. It looks once a
second; the requirement is 2 s, and the tests allow 3 for a busy machine. What must not
move: the cursor (on the same record, at the same height on the screen), and whatever the
user is typing, in a search box, the editor's form or a dialog over the list.
"""

import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from textual.widgets import DataTable, Input, Static, TabbedContent

from rfk_trips.app.application import make_app
from rfk_trips.app.context import AppContext
from rfk_trips.database.changes import last_change_stamp
from rfk_trips.database.opening import open_database
from rfk_trips.registers import company_service
from rfk_trips.trips import check_in, planning, trip_editing, trip_service
from screens.dialogs.record_form import RecordFormScreen
from screens.trips.checkin import CheckinScreen
from screens.trips.trip_editor.screen import TripEditorScreen
from screens.trips.trip_list import TripsScreen
from storage.codes import Attendance
from storage.engine import sqlite_url
from storage.models import Citizen
from storage.sessions import session_scope
from tests.conftest import REFERRED, TODAY
from tests.database_choice import url_for
from tests.pilot_helpers import (
    SIZE,
    open_register,
    pause_until,
    row_keys,
    settle,
    start,
    type_text,
)
from tests.trip_builders import todays_trip

LIVE_WITHIN_S = 3.0
# Sorts before every demo company: a row added above the cursor.
FIRST_NAME = "0 Første Vognmand ApS"


def cursor_key(table: DataTable[Any]) -> str:
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


def keys_of(table: DataTable[Any]) -> list[str]:
    return [str(row.key.value) for row in table.ordered_rows]


def colleague_adds_company(engine: Engine, name: str) -> int:
    return company_service.save_company(engine, None, {"name": name}, today=TODAY)


# --- the watcher ----------


def test_the_watcher_calls_once_per_change_and_never_after_close(
    engine: Engine, database_url: str
) -> None:
    context = AppContext(database_url)
    context.database()
    changes: list[int] = []
    heard = threading.Event()

    def changed() -> None:
        changes.append(1)
        heard.set()

    context.watch_changes(changed, every_s=0.05)
    time.sleep(0.3)
    assert changes == []  # what the screens were read from is no change
    colleague_adds_company(engine, "Maribo Maskinstation")
    assert heard.wait(LIVE_WITHIN_S)
    time.sleep(0.3)
    assert changes == [1]
    context.close()
    colleague_adds_company(engine, "Rødby Rør")
    time.sleep(0.3)
    assert changes == [1]


# A colleague's process on the same file: it writes a stamp, says so, and stays open until
# told, as a second rfk-trips would.
COLLEAGUE = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute(
    "UPDATE database_info SET value = ? WHERE key = 'last_change_at'", (sys.argv[2],)
)
print("written", flush=True)
sys.stdin.readline()
connection.close()
"""


def colleague_stamps(path: Path, stamp: str, *, stay: bool) -> "subprocess.Popen[str]":
    process = subprocess.Popen(
        [sys.executable, "-c", COLLEAGUE, str(path), stamp],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline() == "written\n"
    if not stay:
        process.communicate("\n")
    return process


@pytest.mark.sqlite_only("the file's WAL and the locks of the process that has it open")
def test_the_days_first_opening_leaves_colleagues_changes_in_sight(
    tmp_path: Path,
) -> None:
    """The day's first start makes the daily copy with the database open; it must not let go of
    the file's locks, or the next colleague to close deletes the WAL under this process, which
    then never sees another change (and writes where nobody reads)."""
    path = tmp_path / "rfk.db"
    open_database(sqlite_url(path)).engine.dispose()  # made yesterday, say
    opened = open_database(sqlite_url(path), daily_backup=True)
    assert opened.daily_backup is not None  # the first open of the day, as the app's
    with opened.engine.connect():  # this process has the file open, as the app does
        colleague_stamps(path, "first", stay=False)
        assert Path(f"{path}-wal").exists()
        staying = colleague_stamps(path, "second", stay=True)
        try:
            assert last_change_stamp(opened.engine) == "second"
        finally:
            staying.communicate("\n")
    opened.engine.dispose()


# --- the registers ----------


async def test_a_colleagues_company_shows_above_and_the_cursor_stays_on_its_row(
    db_path: Path, demo_engine: Engine
) -> None:
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(app, pilot, "f3")
        table = screen.query_one("#table", DataTable)
        table.focus()
        for _ in range(40):
            await pilot.press("down")
        await settle(app, pilot)
        key, row, scrolled = cursor_key(table), table.cursor_row, int(table.scroll_y)
        assert scrolled > 0  # the cursor is past the first screenful

        new_id = colleague_adds_company(demo_engine, FIRST_NAME)
        await pause_until(pilot, lambda: str(new_id) in row_keys(screen), LIVE_WITHIN_S)
        await settle(app, pilot)
        assert row_keys(screen)[0] == str(new_id)
        assert cursor_key(table) == key
        assert table.cursor_row == row + 1
        # One row came above: the list moved with it, so the record stays where it was seen.
        assert table.cursor_row - int(table.scroll_y) == row - scrolled
        assert table.has_focus


async def test_the_search_being_typed_is_left_alone_while_the_list_follows(
    db_path: Path, demo_engine: Engine
) -> None:
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(app, pilot, "f3")
        search = screen.query_one("#search", Input)
        search.focus()
        await type_text(pilot, "vognm")
        await settle(app, pilot)
        await pilot.press("left")  # the user has gone back a letter to mend it
        position = search.cursor_position

        new_id = colleague_adds_company(demo_engine, "Ølby Vognmand ApS")
        await pause_until(pilot, lambda: str(new_id) in row_keys(screen), LIVE_WITHIN_S)
        await settle(app, pilot)
        assert search.value == "vognm"
        assert search.has_focus
        assert search.cursor_position == position
        await pilot.press("x")
        await settle(app, pilot)
        assert search.value == "vognxm"  # the next key lands where the user left off


async def test_an_open_form_keeps_its_input_while_the_list_under_it_follows(
    db_path: Path, demo_engine: Engine
) -> None:
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(app, pilot, "f3")
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RecordFormScreen)
        name = form.query_one("#input-name", Input)
        name.focus()
        await type_text(pilot, "Min nye virk")
        await settle(app, pilot)

        new_id = colleague_adds_company(demo_engine, FIRST_NAME)
        await pause_until(pilot, lambda: str(new_id) in row_keys(screen), LIVE_WITHIN_S)
        await settle(app, pilot)
        assert app.screen is form
        assert name.value == "Min nye virk"
        assert name.has_focus


# --- the trip list ----------


async def test_a_colleagues_trip_shows_in_the_trip_list(engine: Engine, db_path: Path) -> None:
    ids = [
        trip_service.create_trip(
            engine, format_code="custom", trip_date=TODAY + timedelta(days=days), title=title
        )
        for days, title in ((2, "Tur til Maribo"), (3, "Tur til Nakskov"), (4, "Tur til Rødby"))
    ]
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f5")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, TripsScreen)
        table = screen.query_one("#table", DataTable)
        search = screen.query_one("#search", Input)
        search.focus()
        await type_text(pilot, "tur")
        await settle(app, pilot)
        table.move_cursor(row=1)
        await settle(app, pilot)
        assert cursor_key(table) == str(ids[1])

        # The colleague's trip is tomorrow: it comes first, above the cursor.
        new_id = trip_service.create_trip(
            engine, format_code="lolland", trip_date=TODAY + timedelta(days=1), title="Tur levende"
        )
        await pause_until(pilot, lambda: str(new_id) in keys_of(table), LIVE_WITHIN_S)
        await settle(app, pilot)
        assert keys_of(table) == [str(new_id), *map(str, ids)]
        assert cursor_key(table) == str(ids[1])
        assert (search.value, search.has_focus) == ("tur", True)


# --- the trip editor and check-in ----------


async def test_a_colleagues_changes_show_in_the_open_trip_editor(
    engine: Engine, db_path: Path
) -> None:
    trip_id = trip_service.create_trip(engine, format_code="custom", trip_date=date(2026, 12, 8))
    with session_scope(engine) as session:
        citizen = Citizen(referral_date=REFERRED, name="Gitte Lund", phone="3000 0001")
        session.add(citizen)
        session.flush()
        citizen_id = citizen.id or 0
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        await settle(app, pilot)
        editor = TripEditorScreen(app.context, trip_id)
        await app.push_screen(editor)
        await settle(app, pilot)
        editor.query_one("#tabs", TabbedContent).active = "tab-details"
        await settle(app, pilot)
        notes = editor.query_one("#d-notes", Input)
        notes.focus()
        await type_text(pilot, "Husk madpakker")
        await pilot.press("left", "left")
        position = notes.cursor_position

        # Another planner adds a participant and books the bus, on their own laptop.
        planning.add_participants(engine, trip_id, [citizen_id])
        form = trip_editing.details_form_values(engine, trip_id)
        version = trip_service.trip_detail(engine, trip_id).version
        trip_editing.save_details(
            engine, trip_id, version, {**form, "bus": "Lollandsbus"}, today=TODAY
        )
        participants = editor.query_one("#participants", DataTable)
        bus = editor.query_one("#d-bus", Input)
        await pause_until(
            pilot,
            lambda: keys_of(participants) == [str(citizen_id)] and bus.value == "Lollandsbus",
            LIVE_WITHIN_S,
        )
        await settle(app, pilot)
        assert notes.value == "Husk madpakker"
        assert notes.has_focus
        assert notes.cursor_position == position
        await pilot.press("f10")  # the user's note saved over the colleague's newer trip
        await settle(app, pilot)
        assert str(editor.query_one("#details-message", Static).render()) == ""
    detail = trip_service.trip_detail(engine, trip_id)
    assert (detail.notes, detail.bus_operator) == ("Husk madpakker", "Lollandsbus")


async def test_a_colleagues_check_in_shows_while_the_user_looks_for_someone(
    engine: Engine, db_path: Path
) -> None:
    trip_id, people = todays_trip(engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+t")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CheckinScreen)
        await pilot.press("slash")
        await type_text(pilot, "Erik")
        await settle(app, pilot)
        find = screen.query_one("#checkin-find", Input)
        table = screen.query_one("#checkin-list", DataTable)
        assert cursor_key(table) == str(people["Erik Vang"])

        # A colleague at the other door of the bus checks Anna in.
        check_in.record(engine, trip_id, people["Anna Holm"], Attendance.PRESENT, today=TODAY)
        anna = str(people["Anna Holm"])
        await pause_until(
            pilot,
            lambda: "Mødt" in str(table.get_cell(anna, "leg-0")),
            LIVE_WITHIN_S,
        )
        await settle(app, pilot)
        counts = str(screen.query_one("#checkin-counts", Static).render())
        assert "Afgang: 1/6" in counts
        assert (find.value, find.has_focus) == ("Erik", True)
        assert cursor_key(table) == str(people["Erik Vang"])


# --- the home screen and the follow-ups ----------


async def test_a_colleagues_trip_shows_on_the_home_screen(engine: Engine, db_path: Path) -> None:
    ids = [
        trip_service.create_trip(
            engine, format_code="custom", trip_date=TODAY + timedelta(days=days), title=title
        )
        for days, title in ((2, "Tur til Maribo"), (3, "Tur til Nakskov"))
    ]
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one("#upcoming", DataTable)
        table.move_cursor(row=1)
        assert cursor_key(table) == str(ids[1])
        counts = app.screen.query_one("#counts", Static)
        assert "2 kommende ture" in str(counts.render())

        new_id = trip_service.create_trip(
            engine, format_code="lolland", trip_date=TODAY + timedelta(days=1), title="Ny tur"
        )
        await pause_until(pilot, lambda: str(new_id) in keys_of(table), LIVE_WITHIN_S)
        await settle(app, pilot)
        assert keys_of(table) == [str(new_id), *map(str, ids)]
        assert cursor_key(table) == str(ids[1])
        assert table.has_focus
        assert "3 kommende ture" in str(counts.render())


async def test_a_task_a_colleague_closes_leaves_the_follow_up_list(
    demo_engine: Engine, db_path: Path
) -> None:
    from rfk_trips.after_trip.follow_ups import record_follow_up

    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f8")
        await settle(app, pilot)
        table = app.screen.query_one("#followups-list", DataTable)
        assert table.row_count >= 3
        table.move_cursor(row=2)
        await settle(app, pilot)
        mine, theirs = cursor_key(table), keys_of(table)[0]

        record_follow_up(demo_engine, int(theirs), today=TODAY, note="Ringet op")
        await pause_until(pilot, lambda: theirs not in keys_of(table), LIVE_WITHIN_S)
        await settle(app, pilot)
        assert cursor_key(table) == mine  # on the same task, one line up
        assert table.cursor_row == 1
