"""Moving the programme with the meeting time: the rule, the service and the editor's key."""

import re
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.engine import Engine
from textual.widgets import DataTable, TabbedContent

from rfk_trips.app.application import make_app
from rfk_trips.rules.errors import StaleVersionError, UserError
from rfk_trips.rules.formats import ProgrammeItem
from rfk_trips.rules.programme_shift import moved_to_meeting
from rfk_trips.trips import trip_editing, trip_service
from screens.trips.trip_editor.screen import TripEditorScreen
from storage.codes import ProgrammeKind
from storage.models import Trip
from storage.sessions import session_scope
from tests.database_choice import db_option, url_for
from tests.pilot_helpers import settle

TRIP_DAY = date(2026, 12, 8)
PROGRAMME_CODES = {"programme_meeting_time", "programme_before_meeting", "programme_after_return"}


def item(at: str, text: str, kind: ProgrammeKind = ProgrammeKind.OTHER) -> ProgrammeItem:
    return ProgrammeItem(at, text, kind)


DAY = (
    item("08:30", "Fremmøde", ProgrammeKind.MEETING),
    item("08:45", "Til bussen", ProgrammeKind.TRANSPORT),
    item("", "Deltagernes dagsorden", ProgrammeKind.OPEN_AGENDA),
    item("12:00", "Frokost", ProgrammeKind.MEAL),
)


def test_every_time_moves_alike_and_the_meeting_lands_on_the_meeting_time() -> None:
    moved = moved_to_meeting(DAY, time(9, 15)).items
    assert [entry.time for entry in moved] == ["09:15", "09:30", "", "12:45"]
    assert [entry.text for entry in moved] == [entry.text for entry in DAY]
    assert moved_to_meeting(DAY, time(9, 15)).minutes == 45
    assert moved_to_meeting(DAY, time(8, 0)).minutes == -30
    assert moved_to_meeting(DAY, time(8, 30)).minutes == 0


def test_without_a_meeting_item_the_first_time_is_the_start() -> None:
    day = (item("", "Fri"), item("10:00", "Besøg", ProgrammeKind.VISIT), item("11:00", "Hjem"))
    assert [entry.time for entry in moved_to_meeting(day, time(9, 0)).items] == [
        "",
        "09:00",
        "10:00",
    ]


def test_a_programme_without_times_or_past_midnight_is_refused_in_danish() -> None:
    with pytest.raises(UserError, match="ingen klokkeslæt"):
        moved_to_meeting((item("", "Deltagernes dagsorden"),), time(9, 0))
    late = (item("22:00", "Fremmøde", ProgrammeKind.MEETING), item("23:30", "Natbus"))
    with pytest.raises(UserError, match=re.escape("»Natbus« kl. 23:30 ville komme over midnat")):
        moved_to_meeting(late, time(23, 0))


minutes = st.integers(min_value=0, max_value=23 * 60 + 59)


@given(st.lists(st.one_of(st.none(), minutes), min_size=1, max_size=8), minutes)
def test_the_gaps_between_the_times_stay_as_they_were(
    starts: list[int | None], meeting: int
) -> None:
    day = tuple(
        item("" if at is None else f"{at // 60:02d}:{at % 60:02d}", f"punkt {number}")
        for number, at in enumerate(starts)
    )
    timed = [at for at in starts if at is not None]
    shift = meeting - timed[0] if timed else 0
    try:
        moved = moved_to_meeting(day, time(meeting // 60, meeting % 60)).items
    except UserError:
        assert not timed or not all(0 <= at + shift < 24 * 60 for at in timed)
        return
    after = [int(e.time[:2]) * 60 + int(e.time[3:]) for e in moved if e.time]
    assert after == [at + shift for at in timed]
    assert after[0] == meeting
    assert [e.time == "" for e in moved] == [at is None for at in starts]


# --- the stored JSON: one boundary, the format unchanged ----------


def test_a_stored_item_reads_as_an_item_and_old_rows_read_as_before() -> None:
    stored = {"time": "08:30", "text": "Fremmøde", "kind": "meeting"}
    assert ProgrammeItem.from_stored(stored) == item("08:30", "Fremmøde", ProgrammeKind.MEETING)
    assert ProgrammeItem.from_stored(stored).as_dict() == stored
    assert list(ProgrammeItem.from_stored(stored).as_dict()) == ["time", "text", "kind"]
    # A row from before the kind was kept, and a kind this version does not know.
    assert ProgrammeItem.from_stored({"time": "09:00", "text": "Kaffe"}).kind is ProgrammeKind.OTHER
    assert ProgrammeItem.from_stored({"time": "", "text": "X", "kind": "?"}).kind == "other"
    assert ProgrammeItem.from_stored({}) == item("", "")


def test_the_stored_json_of_a_moved_programme_keeps_its_format(engine: Engine) -> None:
    trip_id = _trip_meeting_at(engine, time(9, 15))
    with session_scope(engine) as session:
        trip = session.get(Trip, trip_id)
        assert trip is not None
        before = list(trip.programme)
    # "demanding" only on a physically demanding item (the skovtur), after the three.
    assert all(list(entry)[:3] == ["time", "text", "kind"] for entry in before)
    assert all(set(entry) <= {"time", "text", "kind", "demanding"} for entry in before)
    version = trip_service.trip_detail(engine, trip_id).version
    trip_editing.move_programme_to_meeting(engine, trip_id, version)
    with session_scope(engine) as session:
        trip = session.get(Trip, trip_id)
        assert trip is not None
        after = list(trip.programme)
    assert [list(entry) for entry in after] == [list(entry) for entry in before]
    assert [entry["text"] for entry in after] == [entry["text"] for entry in before]
    assert [entry["kind"] for entry in after] == [entry["kind"] for entry in before]
    assert after[0]["time"] == "09:15"


# --- the service ----------


def _trip_meeting_at(engine: Engine, meeting: time | None) -> int:
    trip_id = trip_service.create_trip(
        engine, format_code="guldborgsund", trip_date=TRIP_DAY, title="Tur med ny mødetid"
    )
    with session_scope(engine) as session:
        trip = session.get(Trip, trip_id)
        assert trip is not None
        trip.meeting_time = meeting
        session.add(trip)
    return trip_id


def _programme_codes(engine: Engine, trip_id: int) -> set[str]:
    state = trip_editing.editor_state(engine, trip_id, today=date(2026, 12, 1))
    return {checked.finding.code for checked in state.findings} & PROGRAMME_CODES


def test_the_service_moves_the_programme_in_one_change(engine: Engine) -> None:
    trip_id = _trip_meeting_at(engine, time(9, 15))
    assert "programme_meeting_time" in _programme_codes(engine, trip_id)
    before = trip_service.trip_detail(engine, trip_id)

    moved = trip_editing.move_programme_to_meeting(engine, trip_id, before.version)

    after = trip_service.trip_detail(engine, trip_id)
    assert (moved.minutes, moved.meeting, moved.version) == (45, time(9, 15), after.version)
    assert after.version == before.version + 1
    assert [entry.time for entry in after.programme][:3] == ["09:15", "09:30", "10:00"]
    assert _programme_codes(engine, trip_id) == set()

    with pytest.raises(UserError, match=re.escape("passer allerede med mødetiden 09:15")):
        trip_editing.move_programme_to_meeting(engine, trip_id, after.version)
    assert trip_service.trip_detail(engine, trip_id).version == after.version  # nothing saved


def test_the_service_refuses_a_stale_copy_and_a_trip_without_meeting_time(engine: Engine) -> None:
    trip_id = _trip_meeting_at(engine, time(9, 15))
    version = trip_service.trip_detail(engine, trip_id).version
    with pytest.raises(StaleVersionError):
        trip_editing.move_programme_to_meeting(engine, trip_id, version - 1)
    assert trip_service.trip_detail(engine, trip_id).programme[0].time == "08:30"

    without = _trip_meeting_at(engine, None)
    with pytest.raises(UserError, match="ingen mødetid endnu"):
        trip_editing.move_programme_to_meeting(
            engine, without, trip_service.trip_detail(engine, without).version
        )


def test_a_cancelled_trip_is_refused_as_such_before_anything_else(engine: Engine) -> None:
    trip_id = _trip_meeting_at(engine, None)  # no meeting time either
    trip_service.cancel_trip(engine, trip_id)
    version = trip_service.trip_detail(engine, trip_id).version
    with pytest.raises(UserError, match="aflyst og kan ikke ændres længere"):
        trip_editing.move_programme_to_meeting(engine, trip_id, version)
    assert trip_service.trip_detail(engine, trip_id).version == version


# --- the editor ----------


async def test_t_on_the_programme_tab_moves_it_with_the_meeting_time(
    engine: Engine, db_path: Path
) -> None:
    trip_id = _trip_meeting_at(engine, time(8, 0))
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(app, pilot)
        editor = TripEditorScreen(app.context, trip_id)
        await app.push_screen(editor)
        await settle(app, pilot)
        editor.query_one("#tabs", TabbedContent).active = "tab-programme"
        await settle(app, pilot)
        editor.query_one("#programme", DataTable).focus()
        await settle(app, pilot)
        assert "t Flyt til mødetid" in editor.query_one("KeyFooter").render_line(0).text

        await pilot.press("t")
        await settle(app, pilot)

        programme = trip_service.trip_detail(engine, trip_id).programme
        assert programme[0].time == "08:00" and programme[-1].time == "14:00"
        table = editor.query_one("#programme", DataTable)
        assert str(table.get_row_at(0)[0]) == "08:00"  # the table shows what was saved
        shown = [n.message for n in app._notifications]
        assert "Programmet er flyttet 30 min. tidligere: fremmøde kl. 08:00." in shown
        assert _programme_codes(engine, trip_id) == set()


# --- the command line ----------


def test_the_command_line_moves_it_too(engine: Engine, db_path: Path) -> None:
    from click.testing import CliRunner

    from rfk_trips.cli.main import cli

    trip_id = _trip_meeting_at(engine, time(9, 0))
    args = [*db_option(db_path), "trip", "move-programme", str(trip_id)]
    moved = CliRunner().invoke(cli, args)
    assert moved.exit_code == 0, moved.output
    assert "Programmet er flyttet 30 min. senere: fremmøde kl. 09:00." in moved.output
    assert trip_service.trip_detail(engine, trip_id).programme[0].time == "09:00"

    again = CliRunner().invoke(cli, args)
    assert again.exit_code != 0
    assert "Programmet passer allerede med mødetiden 09:00." in again.output
    assert "Traceback" not in again.output
