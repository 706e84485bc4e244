"""Getting there and preparing the day in the terminal UI (issue 21): the keys a planner and
the staff on the bus press, with the database checked after."""

import csv
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from textual.screen import Screen
from textual.widgets import DataTable, Input, Select, Static, TextArea

from rfk_trips.app.application import RfkTripsApp, make_app
from rfk_trips.documents import printing
from rfk_trips.trips import check_in, host_rotation, trip_service
from screens.dialogs.participation_dialog import ParticipationDialog
from screens.dialogs.record_form import RecordFormScreen
from screens.dialogs.trip_dialogs import AgendaDialog, VisitDialog
from screens.trips.checkin import CheckinScreen
from screens.trips.trip_editor.screen import TripEditorScreen
from storage.models import Citizen, Company
from storage.sessions import session_scope
from tests.conftest import REFERRED
from tests.database_choice import url_for
from tests.pilot_helpers import settle
from tests.trip_builders import planned_trip


async def open_editor(app: RfkTripsApp, pilot: Any, trip_id: int) -> TripEditorScreen:
    await settle(app, pilot)
    editor = TripEditorScreen(app.context, trip_id)
    await app.push_screen(editor)
    await settle(app, pilot)
    return editor


def cells(table: DataTable[Any], row: int) -> list[str]:
    return [str(cell) for cell in table.get_row_at(row)]


async def test_enter_on_a_participant_records_the_pick_up_and_the_markers(
    engine: Engine, db_path: Path
) -> None:
    trip_id, citizens = planned_trip(engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        editor = await open_editor(app, pilot, trip_id)
        table = editor.query_one("#participants", DataTable)
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("enter")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ParticipationDialog)
        dialog.query_one("#participation-transport_allowance", Select).value = "ja"
        dialog.query_one("#participation-transport_amount", Input).value = "60"
        dialog.query_one("#participation-pickup_place", Input).value = "Holeby Station"
        dialog.query_one("#participation-pickup_time", Input).value = "7.50"
        dialog.query_one("#participation-unsure", Select).value = "ja"
        # A time without a place is refused in the dialog, which stays open.
        dialog.query_one("#participation-pickup_place", Input).value = ""
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is dialog
        assert "Skriv, hvor borgeren afhentes" in str(
            dialog.query_one("#dialog-error", Static).render()
        )
        dialog.query_one("#participation-pickup_place", Input).value = "Holeby Station"
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is editor
        first = cells(table, 0)
        assert first[3] == "07:50 Holeby Station · tilskud 60 kr."
        assert first[2] == "usikker"
        line = str(editor.query_one("#transport-line", Static).render())
        assert line.startswith("Transport: 1 med tilskud (60 kr.), 1 afhentes")
    person = next(
        p for p in trip_service.trip_detail(engine, trip_id).participants
        if p.citizen_id == citizens[0]
    )  # fmt: skip
    details = person.details
    assert (details.pickup_place, details.transport_amount, details.unsure) == (
        "Holeby Station", 60, True,
    )  # fmt: skip


async def test_k_marks_a_programme_item_demanding_and_the_warning_follows(
    engine: Engine, db_path: Path
) -> None:
    trip_id, citizens = planned_trip(engine)
    with session_scope(engine) as session:
        limited = session.get(Citizen, citizens[0])
        assert limited is not None
        limited.physical_limitation = True
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        editor = await open_editor(app, pilot, trip_id)
        assert editor.state is not None
        assert {f.finding.code for f in editor.state.findings} >= {"demanding_item"}
        editor.query_one("#tabs").active = "tab-programme"  # type: ignore[attr-defined]
        await settle(app, pilot)
        table = editor.query_one("#programme", DataTable)
        table.focus()
        skovtur = next(i for i in range(table.row_count) if cells(table, i)[1] == "Skovtur")
        table.move_cursor(row=skovtur)
        assert cells(table, skovtur)[3] == "Ja"
        await pilot.press("k")
        await settle(app, pilot)
        assert cells(table, skovtur)[3] == ""
        assert "demanding_item" not in {f.finding.code for f in editor.state.findings}
    programme = trip_service.trip_detail(engine, trip_id).programme
    assert not any(item.demanding for item in programme)


async def test_p_makes_the_reminders_from_the_editor(
    engine: Engine, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "udskrifter"
    monkeypatch.setenv(printing.ENV_PRINT_DIR, str(folder))
    trip_id, _ = planned_trip(engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        editor = await open_editor(app, pilot, trip_id)
        editor.query_one("#participants", DataTable).focus()
        await pilot.press("p")
        await settle(app, pilot)
        messages = [notice.message for notice in app._notifications]
        assert any("Påmindelser til 8 deltager(e)" in text for text in messages), messages
    files = list(folder.glob(f"tur-{trip_id}-paamindelser-*.csv"))
    assert len(files) == 1
    with files[0].open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle, delimiter=";"))) == 1 + 2 * 8


async def test_d_at_check_in_notes_what_the_participants_raised(
    engine: Engine, db_path: Path
) -> None:
    trip_id, _ = planned_trip(engine)  # on TODAY: check-in is open
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        await settle(app, pilot)
        await app.push_screen(CheckinScreen(app.context, trip_id))
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, AgendaDialog)
        dialog.query_one("#agenda", TextArea).text = "Spørgsmål om løntilskud"
        await pilot.press("f10")
        await settle(app, pilot)
        assert isinstance(app.screen, CheckinScreen)
    assert check_in.checkin_sheet(engine, trip_id).agenda_notes == "Spørgsmål om løntilskud"


async def test_the_host_limit_is_set_in_indstillinger(engine: Engine, db_path: Path) -> None:
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("f7")
        await settle(app, pilot)
        field = app.screen.query_one("#host-limit", Input)
        assert field.value == "3"
        field.focus()
        field.value = "0"
        await pilot.press("enter")
        await settle(app, pilot)
        assert "mellem 1 og 52" in str(app.screen.query_one("#host-limit-error", Static).render())
        field.value = "5"
        await pilot.press("enter")
        await settle(app, pilot)
    assert host_rotation.read_host_trip_limit(engine) == 5


async def test_a_marker_set_in_the_register_shows_when_back_in_the_editor(
    engine: Engine, db_path: Path
) -> None:
    """Found in tmux: F4, a citizen's physical limitation saved, F5 back to the trip, and the
    editor showed the trip as before until Ctrl+R."""
    trip_id, citizens = planned_trip(engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        editor = await open_editor(app, pilot, trip_id)
        await app.push_screen(Screen())  # as the register is, over the trips' mode
        await settle(app, pilot)
        with session_scope(engine) as session:
            citizen = session.get(Citizen, citizens[0])
            assert citizen is not None
            citizen.physical_limitation = True
        app.pop_screen()
        await settle(app, pilot)
        assert app.screen is editor
        table = editor.query_one("#participants", DataTable)
        row = table.get_row_index(str(citizens[0]))
        assert cells(table, row)[2] == "fysisk begrænsning"
        assert editor.state is not None
        assert "demanding_item" in {f.finding.code for f in editor.state.findings}


@pytest.mark.parametrize(
    ("key", "field", "table"),
    [
        ("f4", "physical_limitation", Citizen),
        ("f3", "offers_placement", Company),
        ("f3", "inclusion_resources", Company),
    ],
)
async def test_the_registers_new_markers_are_set_in_their_forms(
    engine: Engine, db_path: Path, key: str, field: str, table: type[Citizen | Company]
) -> None:
    """R24's physical limitation on the citizen; R07's placement slot and resources on the
    company: plain yes/no fields in the register's form, saved with F10."""
    with session_scope(engine) as session:
        record: Citizen | Company = (
            Citizen(name="Anna Ager", referral_date=REFERRED)
            if table is Citizen
            else Company(name="Maribo Kro", social_responsibility=True)
        )
        session.add(record)
        session.flush()
        record_id = record.id
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press(key)
        await settle(app, pilot)
        app.screen.query_one("#table", DataTable).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RecordFormScreen)
        choice = form.query_one(f"#input-{field}", Select)
        assert choice.value == "nej"
        choice.value = "ja"
        await pilot.press("f10")
        await settle(app, pilot)
        assert not isinstance(app.screen, RecordFormScreen)
    with session_scope(engine) as session:
        saved = session.get(table, record_id)
        assert saved is not None and getattr(saved, field) is True


async def test_enter_on_a_visit_records_the_day_the_host_agreed(
    engine: Engine, db_path: Path
) -> None:
    trip_id, _ = planned_trip(engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        editor = await open_editor(app, pilot, trip_id)
        editor.query_one("#tabs").active = "tab-visits"  # type: ignore[attr-defined]
        await settle(app, pilot)
        table = editor.query_one("#visits", DataTable)
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("enter")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, VisitDialog)
        dialog.query_one("#visit-confirmed", Select).value = True
        dialog.query_one("#visit-agreed", Input).value = "2/11"
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is editor
        assert cells(table, 0)[4] == "✓ bekræftet 02-11-2026"
    visit = trip_service.trip_detail(engine, trip_id).visits[0]
    assert (visit.confirmed, visit.agreed_on) == (True, date(2026, 11, 2))


async def test_a_dialog_cancelled_reads_the_trip_no_more(
    engine: Engine, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual suspends the editor for a dialog too: reading the trip again on every resume
    read it once more after every dialog, a cancelled one too. A dialog leaves the editor in
    view (its change reads the trip); only a screen in its place makes it read on return."""
    from rfk_trips.trips import trip_editing

    trip_id, _ = planned_trip(engine)
    reads: list[int] = []
    real = trip_editing.editor_state

    def counted(*args: Any, **kwargs: Any) -> Any:
        reads.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(trip_editing, "editor_state", counted)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        editor = await open_editor(app, pilot, trip_id)
        table = editor.query_one("#participants", DataTable)
        table.focus()
        before = len(reads)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ParticipationDialog)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is editor and len(reads) == before
        # A saved dialog's change reads the trip (and shows it) as any change does.
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ParticipationDialog)
        app.screen.query_one("#participation-prepared", Select).value = "ja"
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is editor and len(reads) > before
        assert cells(table, 0)[2] == "forberedt"
