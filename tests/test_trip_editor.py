"""Planning whole trips in the terminal UI, by keys, with the database checked after."""

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from textual.widgets import DataTable, Input, Static, TabbedContent

from rfk_trips.app.application import RfkTripsApp, make_app
from rfk_trips.trips import trip_service
from screens.dialogs.trip_dialogs import NewTripDialog
from screens.trips.trip_editor.screen import TripEditorScreen
from storage.codes import StaffRole, TripStatus
from storage.models import Citizen, Company, Participation, Staff, Trip, TripStaff, Visit
from storage.sessions import session_scope
from tests.conftest import REFERRED
from tests.database_choice import url_for
from tests.pilot_helpers import settle

LOLLAND_COHORT = "Springbrættet 2026 uge 48"


def seed(engine: Engine) -> None:
    """Two municipalities' worth of a small register: hosts, citizens and staff."""
    with session_scope(engine) as session:
        session.add_all(
            [
                Company(name="Nakskov Stål A/S", town="Nakskov", placement_experience=True,
                        tasks=["pakning"]),
                Company(name="Maribo Kro", town="Maribo", social_responsibility=True,
                        tasks=["køkkenhjælp"]),
                Company(name="Holeby Byg", town="Holeby", labour_shortage=True),
            ]
        )  # fmt: skip
        session.add_all(
            Citizen(
                referral_date=REFERRED,
                name=f"Guldborgsund Borger {i:02d}",
                phone=f"3000 00{i:02d}",
                job_goals=["køkken"],
            )
            for i in range(14)
        )
        session.add_all(
            Citizen(
                referral_date=REFERRED,
                name=f"Lolland Borger {i:02d}",
                phone=f"4000 00{i:02d}",
                cohort=LOLLAND_COHORT,
            )
            for i in range(14)
        )
        session.add_all(
            Staff(name=f"Konsulent {i}", initials=f"K{i}", role=StaffRole.JOB_BROKER)
            for i in range(3)
        )


async def new_trip_in_ui(
    app: RfkTripsApp, pilot: Any, format_code: str, title: str
) -> TripEditorScreen:
    await settle(app, pilot)
    await pilot.press("f5")
    await settle(app, pilot)
    await pilot.press("ctrl+n")
    await settle(app, pilot)
    dialog = app.screen
    assert isinstance(dialog, NewTripDialog)
    dialog.query_one("#new-format").value = format_code  # type: ignore[attr-defined]
    dialog.query_one("#new-date", Input).value = "8/12"
    dialog.query_one("#new-title", Input).value = title
    await pilot.press("f10")
    await settle(app, pilot)
    editor = app.screen
    assert isinstance(editor, TripEditorScreen)
    return editor


def show_tab(editor: TripEditorScreen, tab: str) -> None:
    editor.query_one("#tabs", TabbedContent).active = tab


async def add_from(editor: TripEditorScreen, app: RfkTripsApp, pilot: Any, table_id: str,
                   count: int, search: tuple[str, str] | None = None) -> None:  # fmt: skip
    if search is not None:
        box = editor.query_one(f"#{search[0]}", Input)
        box.value = search[1]
        await settle(app, pilot)
    table = editor.query_one(f"#{table_id}", DataTable)
    table.focus()
    for _ in range(count):
        await settle(app, pilot)
        table.move_cursor(row=0)
        await pilot.press("enter")
        await settle(app, pilot)


def findings_codes(editor: TripEditorScreen) -> set[str]:
    assert editor.state is not None
    return {checked.finding.code for checked in editor.state.findings}


async def test_plan_and_confirm_a_guldborgsund_trip(engine: Engine, db_path: Path) -> None:
    seed(engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        editor = await new_trip_in_ui(app, pilot, "guldborgsund", "Tur til Nakskov og Maribo")
        assert "tirsdag 8. december 2026" in str(editor.query_one("#trip-heading", Static).render())

        await add_from(editor, app, pilot, "candidates", 8, ("citizen-search", "guldborgsund"))
        show_tab(editor, "tab-visits")
        await settle(app, pilot)
        hosts = editor.query_one("#hosts", DataTable)
        # Only qualifying companies are offered: Holeby Byg lacks tasks for its shortage.
        assert {str(hosts.get_row_at(i)[0]) for i in range(hosts.row_count)} == {
            "Nakskov Stål A/S",
            "Maribo Kro",
        }
        # The group wants kitchen work, so the inn is suggested first.
        assert str(hosts.get_row_at(0)[0]) == "Maribo Kro"
        await add_from(editor, app, pilot, "hosts", 2)
        show_tab(editor, "tab-staff")
        await settle(app, pilot)
        await add_from(editor, app, pilot, "staff-candidates", 2)

        assert editor.state is not None
        assert not [f for f in editor.state.findings if f.finding.is_error], editor.state.findings
        summary = str(editor.query_one("#findings-summary", Static).render())
        assert "Ingen fejl" in summary
        await pilot.press("f9")
        await settle(app, pilot)
        assert editor.state.detail.status is TripStatus.CONFIRMED

    with session_scope(engine) as session:
        trip = session.scalars(select(Trip).where(Trip.title == "Tur til Nakskov og Maribo")).one()
        assert trip.status is TripStatus.CONFIRMED
        assert trip.trip_date == date(2026, 12, 8)
        visits = list(session.scalars(select(Visit).where(Visit.trip_id == trip.id)))
        assert len(visits) == 2
        assert sorted(v.start_time.strftime("%H:%M") for v in visits) == ["09:15", "13:00"]
        participants = session.scalars(
            select(Participation).where(Participation.trip_id == trip.id)
        )
        assert len(list(participants)) == 8
        staff = list(session.scalars(select(TripStaff).where(TripStaff.trip_id == trip.id)))
        assert len(staff) == 2 and sum(s.is_lead for s in staff) == 1


async def test_guldborgsund_size_finding_appears_at_13_and_goes_at_12(
    engine: Engine, db_path: Path
) -> None:
    seed(engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        editor = await new_trip_in_ui(app, pilot, "guldborgsund", "Stor gruppe")
        await add_from(editor, app, pilot, "candidates", 12, ("citizen-search", "guldborgsund"))
        assert "group_above_format" not in findings_codes(editor)
        count = editor.query_one("#group-count", Static)
        assert "12" in str(count.render()) and count.has_class("count-ok")

        await add_from(editor, app, pilot, "candidates", 1)
        assert "group_above_format" in findings_codes(editor)
        assert count.has_class("count-warning")
        assert "uden for formatet" in str(count.render())

        participants = editor.query_one("#participants", DataTable)
        participants.focus()
        participants.move_cursor(row=0)
        await pilot.press("delete")
        await settle(app, pilot)
        assert "group_above_format" not in findings_codes(editor)
        assert count.has_class("count-ok")


async def test_plan_a_lolland_trip_from_one_cohort(engine: Engine, db_path: Path) -> None:
    seed(engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        editor = await new_trip_in_ui(app, pilot, "lolland", "Springbrættet til Maribo")
        editor.query_one("#filter-cohort").value = LOLLAND_COHORT  # type: ignore[attr-defined]
        await settle(app, pilot)
        await add_from(editor, app, pilot, "candidates", 13)
        show_tab(editor, "tab-visits")
        await settle(app, pilot)
        await add_from(editor, app, pilot, "hosts", 1, ("host-search", "maribo"))
        assert "visit_unconfirmed" in findings_codes(editor)
        visits = editor.query_one("#visits", DataTable)
        visits.focus()
        await pilot.press("space")  # the host has agreed
        await settle(app, pilot)
        assert "visit_unconfirmed" not in findings_codes(editor)
        show_tab(editor, "tab-staff")
        await settle(app, pilot)
        await add_from(editor, app, pilot, "staff-candidates", 3)
        assert editor.state is not None
        assert editor.state.findings == [], editor.state.findings
        summary = editor.query_one("#findings-summary", Static)
        assert str(summary.render()).endswith("Turen kan bekræftes med F9.")
        await pilot.press("f9")
        await settle(app, pilot)
        # Found in tmux: the line still offered F9 for a trip just confirmed.
        assert str(summary.render()).endswith("Turen er bekræftet.")
        trip_id = editor.trip_id
    detail = trip_service.trip_detail(engine, trip_id)
    assert detail.status is TripStatus.CONFIRMED
    assert {p.cohort for p in detail.participants} == {LOLLAND_COHORT}
    assert len(detail.participants) == 13
    assert [v.company_name for v in detail.visits] == ["Maribo Kro"]
    assert detail.visits[0].confirmed
    assert detail.visits[0].start_time.strftime("%H:%M") == "13:45"
    assert len(detail.staff) == 3


async def test_confirm_is_greyed_out_while_errors_stand(engine: Engine, db_path: Path) -> None:
    seed(engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        editor = await new_trip_in_ui(app, pilot, "guldborgsund", "Tom tur")
        assert editor.state is not None and editor.state.error_count > 0
        assert editor.check_action("confirm_trip", ()) is None
        await pilot.press("f9")
        await settle(app, pilot)
        assert editor.state.detail.status is TripStatus.DRAFT
        summary = editor.query_one("#findings-summary", Static)
        assert summary.has_class("has-errors")


async def test_a_warning_can_be_accepted_with_a_reason(engine: Engine, db_path: Path) -> None:
    seed(engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        editor = await new_trip_in_ui(app, pilot, "guldborgsund", "Lille gruppe")
        await add_from(editor, app, pilot, "candidates", 13, ("citizen-search", "guldborgsund"))
        show_tab(editor, "tab-findings")
        await settle(app, pilot)
        assert editor.state is not None
        index = next(
            i for i, f in enumerate(editor.state.findings) if f.finding.code == "group_above_format"
        )
        table = editor.query_one("#findings", DataTable)
        table.focus()
        table.move_cursor(row=index)
        await pilot.press("enter")
        await settle(app, pilot)
        app.screen.query_one("#reason", Input).value = "Bussen har plads; aftalt med værten"
        await pilot.press("f10")
        await settle(app, pilot)
        checked = next(f for f in editor.state.findings if f.finding.code == "group_above_format")
        assert checked.acknowledged_reason == "Bussen har plads; aftalt med værten"
        assert "ACCEPTERET" in str(table.get_row_at(index)[0])


async def test_f8_and_the_palette_switch_tabs(engine: Engine, db_path: Path) -> None:
    seed(engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        editor = await new_trip_in_ui(app, pilot, "lolland", "Faner")
        tabs = editor.query_one("#tabs", TabbedContent)
        assert tabs.active == "tab-group"
        assert app.focused is editor.query_one("#citizen-search", Input)
        await pilot.press("f8")
        await settle(app, pilot)
        assert tabs.active == "tab-staff"
        assert app.focused is editor.query_one("#staff-search", Input)
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        await pilot.press(*"Fund")
        await settle(app, pilot)
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert tabs.active == "tab-findings"


async def _editor_on(app: RfkTripsApp, pilot: Any, trip_id: int) -> TripEditorScreen:
    await settle(app, pilot)
    editor = TripEditorScreen(app.context, trip_id)
    await app.push_screen(editor)
    await settle(app, pilot)
    tabs = editor.query_one("#tabs", TabbedContent)
    for _ in range(8):  # F8 walks the tabs with the keyboard in each one's first field
        if tabs.active == "tab-details":
            break
        await pilot.press("f8")
        await settle(app, pilot)
    assert tabs.active == "tab-details"
    return editor


def _someone_else_saves(engine: Engine, trip_id: int, **changes: str) -> None:
    """A colleague's save in another window or process, from the trip as stored now."""
    from rfk_trips.trips import trip_editing

    form = trip_editing.details_form_values(engine, trip_id)
    version = trip_service.trip_detail(engine, trip_id).version
    values = {**form, **changes}
    trip_editing.save_details(engine, trip_id, version, values, today=date(2026, 12, 1))


async def test_a_save_over_a_colleagues_change_is_refused_and_the_input_kept(
    engine: Engine, db_path: Path
) -> None:
    trip_id = trip_service.create_trip(engine, format_code="custom", trip_date=date(2026, 12, 8))
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        editor = await _editor_on(app, pilot, trip_id)
        editor.query_one("#d-notes", Input).value = "Husk madpakker"
        _someone_else_saves(engine, trip_id, notes="Bussen holder ved stationen", bus="Lollandsbus")
        await pilot.press("f10")
        await settle(app, pilot)
        message = str(editor.query_one("#details-message", Static).render())
        assert "Turen er ændret af en anden, siden du åbnede den" in message
        assert editor.query_one("#d-notes", Input).value == "Husk madpakker"
        detail = trip_service.trip_detail(engine, trip_id)
        assert detail.notes == "Bussen holder ved stationen"  # nothing overwritten

        # Ctrl+R: the colleague's other change comes in, the user's own text stays.
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert editor.query_one("#d-bus", Input).value == "Lollandsbus"
        assert editor.query_one("#d-notes", Input).value == "Husk madpakker"
        await pilot.press("f10")
        await settle(app, pilot)
    detail = trip_service.trip_detail(engine, trip_id)
    assert (detail.notes, detail.bus_operator) == ("Husk madpakker", "Lollandsbus")


async def test_a_colleagues_change_to_other_fields_is_kept_under_the_users_input(
    engine: Engine, db_path: Path
) -> None:
    trip_id = trip_service.create_trip(engine, format_code="custom", trip_date=date(2026, 12, 8))
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        editor = await _editor_on(app, pilot, trip_id)
        editor.query_one("#d-notes", Input).value = "Husk madpakker"
        _someone_else_saves(engine, trip_id, bus="Lollandsbus")
        # Any later read of the trip (here the user's own change elsewhere) merges the two.
        editor.run_change(None)
        await settle(app, pilot)
        assert editor.query_one("#d-bus", Input).value == "Lollandsbus"
        assert editor.query_one("#d-notes", Input).value == "Husk madpakker"
        await pilot.press("f10")
        await settle(app, pilot)
        assert str(editor.query_one("#details-message", Static).render()) == ""
    detail = trip_service.trip_detail(engine, trip_id)
    assert (detail.notes, detail.bus_operator) == ("Husk madpakker", "Lollandsbus")


async def test_the_new_trip_dialog_shows_a_current_example_date(
    engine: Engine, db_path: Path
) -> None:
    """Not a fixed date that goes stale: a weekday a week from today (23-11-2026 here)."""
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("f5")
        await settle(app, pilot)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert isinstance(app.screen, NewTripDialog)
        date_field = app.screen.query_one("#new-date", Input)
        assert date_field.placeholder == "fx 30-11-2026 eller 30/11"
        assert app.focused is date_field


async def test_after_a_search_enter_takes_the_first_match_not_the_old_line(
    engine: Engine, db_path: Path
) -> None:
    """Found in tmux: the cursor stayed on the line it had before the search, and Enter
    added the second host found."""
    seed(engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        editor = await new_trip_in_ui(app, pilot, "guldborgsund", "Tur med søgning")
        show_tab(editor, "tab-visits")
        await settle(app, pilot)
        hosts = editor.query_one("#hosts", DataTable)
        assert hosts.row_count == 2
        hosts.focus()
        hosts.move_cursor(row=1)
        editor.query_one("#host-search", Input).focus()
        await pilot.press("k")  # both: Nakskov Stål and Maribo Kro
        await settle(app, pilot)
        assert hosts.row_count == 2
        first = str(hosts.get_row_at(0)[0])
        await pilot.press("enter", "enter")  # to the list, and add the match on top
        await settle(app, pilot)
        trip_id = editor.trip_id
    assert [v.company_name for v in trip_service.trip_detail(engine, trip_id).visits] == [first]
