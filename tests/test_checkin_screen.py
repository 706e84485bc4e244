"""Indtjekning by keys, as in the bus: every key is in the database before the next is judged."""

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from textual.widgets import Input, Static

from rfk_trips.app.application import RfkTripsApp, make_app
from rfk_trips.trips import check_in
from screens.dialogs.confirm import ConfirmModal
from screens.dialogs.trip_dialogs import ExcuseDialog
from screens.trips.checkin import CheckinScreen, CheckinTable
from storage.codes import Attendance, ParticipantRole, TripStatus
from storage.models import CheckinEvent, Citizen, Participation, Trip
from storage.sessions import session_scope
from tests.conftest import TODAY
from tests.database_choice import url_for
from tests.pilot_helpers import settle
from tests.trip_builders import NAMES, RESERVE, todays_trip


async def open_from_home(app: RfkTripsApp, pilot: Any) -> CheckinScreen:
    await settle(app, pilot)
    await pilot.press("ctrl+t")
    await settle(app, pilot)
    assert isinstance(app.screen, CheckinScreen)
    return app.screen


def statuses(engine: Engine, trip_id: int, leg: int = 0) -> dict[str, Attendance]:
    sheet = check_in.checkin_sheet(engine, trip_id)
    return {
        r.name: r.legs.get(leg, Attendance.PENDING)
        for r in sheet.rows
        if r.role == ParticipantRole.PARTICIPANT
    }


def selected_name(screen: CheckinScreen) -> str:
    row = screen._selected_row()
    assert row is not None
    return row.name


def text_of(screen: CheckinScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_each_key_is_saved_before_the_next(engine: Engine, db_path: Path) -> None:
    trip_id, _ = todays_trip(engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_from_home(app, pilot)
        assert "Bustur i dag" in text_of(screen, "#checkin-heading")
        assert "Afgang: 0/6" in text_of(screen, "#checkin-counts")

        expected: dict[str, Attendance] = {}
        keys = {
            "m": Attendance.PRESENT,
            "s": Attendance.LATE,
            "g": Attendance.LEFT_EARLY,
            "x": Attendance.NO_SHOW,
        }
        for key, status in keys.items():
            name = selected_name(screen)
            await pilot.press(key)
            await settle(app, pilot)
            expected[name] = status
            # In the database after this one key, and the cursor has moved on.
            saved = statuses(engine, trip_id)
            assert {n: saved[n] for n in expected} == expected
            assert selected_name(screen) != name
        assert NAMES[:4] == list(expected)

        # Afbud asks for a reason, which may be given or left out.
        excused = selected_name(screen)
        await pilot.press("a")
        await settle(app, pilot)
        assert isinstance(app.screen, ExcuseDialog)
        await pilot.press(*"ringede", "enter")
        await settle(app, pilot)
        assert statuses(engine, trip_id)[excused] is Attendance.EXCUSED
        with session_scope(engine) as session:
            note = session.scalars(
                select(Participation.note).where(
                    Participation.trip_id == trip_id,
                    Participation.citizen_id
                    == select(Citizen.id).where(Citizen.name == excused).scalar_subquery(),
                )
            ).one()
        assert note == "ringede"

        # Present, late and left early are there at departure; the excused are not expected.
        assert "Afgang: 3/5" in text_of(screen, "#checkin-counts")
        assert excused in text_of(screen, "#checkin-saved")

        # Each change was stamped with its time, in the log.
        with session_scope(engine) as session:
            events = list(
                session.scalars(select(CheckinEvent).where(CheckinEvent.trip_id == trip_id))
            )
        assert len(events) == 5 and all(e.recorded_at is not None for e in events)


async def test_find_a_person_by_typing_and_undo(engine: Engine, db_path: Path) -> None:
    trip_id, _ = todays_trip(engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_from_home(app, pilot)
        await pilot.press("slash", *"ase")  # Åse, typed without å
        await pilot.pause()
        assert selected_name(screen) == "Åse Friis"
        await pilot.press("enter")
        assert isinstance(app.focused, CheckinTable)
        assert screen.query_one("#checkin-find", Input).value == ""
        await pilot.press("m")
        await settle(app, pilot)
        assert statuses(engine, trip_id)["Åse Friis"] is Attendance.PRESENT

        await pilot.press("slash", *"dor", "enter", "x")
        await settle(app, pilot)
        assert statuses(engine, trip_id)["Dorte Krag"] is Attendance.NO_SHOW

        await pilot.press("u")
        await settle(app, pilot)
        assert statuses(engine, trip_id)["Dorte Krag"] is Attendance.PENDING
        assert statuses(engine, trip_id)["Åse Friis"] is Attendance.PRESENT
        assert "Fortrudt: Dorte Krag udeblevet" in text_of(screen, "#checkin-saved")


async def test_a_reserve_walks_in_and_undo_puts_them_back(engine: Engine, db_path: Path) -> None:
    _, ids = todays_trip(engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_from_home(app, pilot)
        await pilot.press("slash", *"rasmus", "enter")
        assert selected_name(screen) == RESERVE
        await pilot.press("m")  # a reserve must be taken in first: said, nothing saved
        await settle(app, pilot)
        assert "reserve" in text_of(screen, "#checkin-saved").lower()
        await pilot.press("i")
        await settle(app, pilot)
        with session_scope(engine) as session:
            row = session.scalars(
                select(Participation).where(Participation.citizen_id == ids[RESERVE])
            ).one()
            assert (row.role, row.attendance) == (ParticipantRole.PARTICIPANT, Attendance.PRESENT)
        assert "Afgang: 1/7" in text_of(screen, "#checkin-counts")

        await pilot.press("u")
        await settle(app, pilot)
        with session_scope(engine) as session:
            row = session.scalars(
                select(Participation).where(Participation.citizen_id == ids[RESERVE])
            ).one()
            assert (row.role, row.attendance) == (ParticipantRole.RESERVE, Attendance.PENDING)


async def test_legs_of_the_day_and_completing_the_trip(engine: Engine, db_path: Path) -> None:
    trip_id, _ = todays_trip(engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_from_home(app, pilot)
        await pilot.press(*"mmmmmm")
        await settle(app, pilot)
        counts = text_of(screen, "#checkin-counts")
        assert "Afgang: 6/6" in counts and "Besøg 1: 0/6" in counts

        # → to the first visit; one of them left after departure.
        await pilot.press("right")
        await settle(app, pilot)
        assert "Besøg 1" in text_of(screen, "#checkin-leg")
        await pilot.press("slash", *"anna", "enter", "g")
        await settle(app, pilot)
        assert statuses(engine, trip_id, leg=1)[NAMES[0]] is Attendance.LEFT_EARLY
        assert statuses(engine, trip_id, leg=0)[NAMES[0]] is Attendance.PRESENT
        # Left during the visit: counted there for it, and the day reads "gik tidligt".
        assert "Besøg 1: 1/6" in text_of(screen, "#checkin-counts")
        row = next(r for r in check_in.checkin_sheet(engine, trip_id).rows if r.name == NAMES[0])
        assert row.overall is Attendance.LEFT_EARLY
        await pilot.press("left")
        assert "Afgang" in text_of(screen, "#checkin-leg")

        # Everyone is registered: F9 completes without asking.
        await pilot.press("f9")
        await settle(app, pilot)
        with session_scope(engine) as session:
            assert session.get(Trip, trip_id).status is TripStatus.COMPLETED  # type: ignore[union-attr]


async def test_later_legs_expect_only_those_on_the_bus_and_the_cursor_skips_the_rest(
    engine: Engine, db_path: Path
) -> None:
    trip_id, _ = todays_trip(engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_from_home(app, pilot)
        # Anna mødt, Bent udeblevet, Camilla afbud, the other three mødt.
        await pilot.press("m", "x", "a")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("m", "m", "m")
        await settle(app, pilot)
        counts = text_of(screen, "#checkin-counts")
        assert "Afgang: 4/5" in counts and "Besøg 1: 0/4" in counts

        await pilot.press("right", "slash", *"anna", "enter")
        await settle(app, pilot)
        # Not with the group on the visit: a dash, not "afventer".
        table, sheet = screen.query_one(CheckinTable), screen.sheet
        assert sheet is not None
        for name in (NAMES[1], NAMES[2]):
            key = str(next(r.citizen_id for r in sheet.rows if r.name == name))
            assert str(table.get_cell(key, "leg-1")) == "–"
        # Four keys tick off the four on the bus, past the no-show and the afbud.
        await pilot.press("m", "m", "m", "m")
        await settle(app, pilot)
        on_visit = statuses(engine, trip_id, leg=1)
        assert {n for n, s in on_visit.items() if s is Attendance.PRESENT} == {
            NAMES[0],
            *NAMES[3:],
        }
        assert "Besøg 1: 4/4" in text_of(screen, "#checkin-counts")


async def test_complete_with_someone_pending_asks_and_no_keeps_it_open(
    engine: Engine, db_path: Path
) -> None:
    trip_id, _ = todays_trip(engine, "lolland")
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_from_home(app, pilot)
        assert "Besøg" not in text_of(screen, "#checkin-counts")  # one visit: one leg
        await pilot.press("m")
        await settle(app, pilot)
        await pilot.press("f9")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("enter")  # "Nej" has the focus
        await settle(app, pilot)
        with session_scope(engine) as session:
            assert session.get(Trip, trip_id).status is not TripStatus.COMPLETED  # type: ignore[union-attr]
        await pilot.press("f9")
        await settle(app, pilot)
        await pilot.press("shift+tab", "enter")  # back to "Ja"
        await settle(app, pilot)
        with session_scope(engine) as session:
            assert session.get(Trip, trip_id).status is TripStatus.COMPLETED  # type: ignore[union-attr]
        assert "gennemført" in text_of(screen, "#checkin-saved")


async def test_no_trip_today_says_where_to_go(engine: Engine, db_path: Path) -> None:
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+t")
        await settle(app, pilot)
        assert not isinstance(app.screen, CheckinScreen)
        assert any("ingen tur i dag" in str(n.message) for n in app._notifications)


async def test_a_past_trip_is_checked_in_from_its_editor(engine: Engine, db_path: Path) -> None:
    """After the fact, from the paper list: the editor opens check-in for its own trip."""
    from datetime import timedelta

    from screens.trips.trip_editor.screen import TripEditorScreen

    trip_id, _ = todays_trip(engine, "lolland")
    with session_scope(engine) as session:
        trip = session.get(Trip, trip_id)
        assert trip is not None
        trip.trip_date = TODAY - timedelta(days=7)
        session.add(trip)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(TripEditorScreen(app.context, trip_id))
        await settle(app, pilot)
        await pilot.press("ctrl+t")
        await settle(app, pilot)
        assert isinstance(app.screen, CheckinScreen)
        await pilot.press(*"mmmmmm")
        await settle(app, pilot)
        await pilot.press("f9")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        editor = app.screen
        assert isinstance(editor, TripEditorScreen)
        assert editor.state is not None and editor.state.detail.status is TripStatus.COMPLETED
    assert set(statuses(engine, trip_id).values()) == {Attendance.PRESENT}


async def test_a_trip_not_held_yet_says_so_and_a_key_neither_saves_nor_moves(
    engine: Engine, db_path: Path
) -> None:
    from datetime import timedelta

    from screens.trips.trip_editor.screen import TripEditorScreen

    trip_id, _ = todays_trip(engine)
    with session_scope(engine) as session:
        trip = session.get(Trip, trip_id)
        assert trip is not None
        trip.trip_date = TODAY + timedelta(days=3)
        session.add(trip)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(TripEditorScreen(app.context, trip_id))
        await settle(app, pilot)
        await pilot.press("ctrl+t")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CheckinScreen)
        # Said as the screen opens, not first when a key is refused.
        assert "ikke kørt endnu" in text_of(screen, "#checkin-saved")
        first = selected_name(screen)
        for key in ("m", "a", "x", "i"):
            await pilot.press(key)
            await settle(app, pilot)
            assert isinstance(app.screen, CheckinScreen)  # no afbud dialog either
            assert selected_name(screen) == first
            assert "ikke kørt endnu" in text_of(screen, "#checkin-saved")
    with session_scope(engine) as session:
        assert not list(session.scalars(select(CheckinEvent)))


async def test_a_database_failure_on_one_key_keeps_the_app_and_says_so(
    engine: Engine, db_path: Path, monkeypatch: Any
) -> None:
    from sqlalchemy.exc import OperationalError

    trip_id, _ = todays_trip(engine)
    real_record = check_in.record_sheet
    calls = {"n": 0}

    def locked_once(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 1:
            raise OperationalError("UPDATE", {}, Exception("database is locked"))
        return real_record(*args, **kwargs)

    monkeypatch.setattr(check_in, "record_sheet", locked_once)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_from_home(app, pilot)
        await pilot.press("m")
        await settle(app, pilot)
        assert app.is_running and app.screen is screen
        assert "optaget af en anden bruger" in text_of(screen, "#checkin-saved")
        assert set(statuses(engine, trip_id).values()) == {Attendance.PENDING}
        # The queue is not stuck: the next key is saved.
        await pilot.press("up", "m")
        await settle(app, pilot)
        assert statuses(engine, trip_id)[NAMES[0]] is Attendance.PRESENT


async def test_help_on_check_in_names_the_leg_keys_in_danish(engine: Engine, db_path: Path) -> None:
    from rfk_trips.i18n.catalogue import t
    from screens.shell.help import HelpScreen

    todays_trip(engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_from_home(app, pilot)
        screen.query_one(CheckinTable).focus()
        await pilot.press("f1")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys", Static).render())
        assert f"←            {t('checkin.key.previous_leg')}" in keys
        assert f"→            {t('checkin.key.next_leg')}" in keys
        assert "checkin.key" not in keys and "Scroll" not in keys
