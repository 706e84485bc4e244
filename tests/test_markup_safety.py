"""What people type is shown as typed: a "[" in a name, a title or a date is text, not markup.

Textual reads a plain string in a Static, a Select, a notification or a stock DataTable cell
as markup: "[b]" vanished and an unmatched "[/b]" raised MarkupError and stopped the app.
Each test puts the worst such text where a user or the database can put it, drives the
screen by keys against a real SQLite file and checks what is drawn.
"""

from datetime import date, time
from pathlib import Path

from sqlalchemy.engine import Engine
from textual.widget import Widget
from textual.widgets import DataTable, Input, Select, Static, Tab, TabbedContent

from rfk_trips.app.application import RfkTripsApp
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.formats import ProgrammeItem
from rfk_trips.trips import check_in, planning, trip_editing, trip_service
from screens.after_trip.follow_up import FollowUpScreen
from screens.dialogs.confirm import ConfirmModal
from screens.dialogs.follow_up_dialogs import FollowUpDialog
from screens.dialogs.record_form import RecordFormScreen
from screens.dialogs.trip_dialogs import ExcuseDialog, NewTripDialog, ReasonDialog, VisitDialog
from screens.results.results_screen import ResultsScreen
from screens.shell.help import HelpScreen
from screens.shell.home import HomeScreen
from screens.trips.checkin import CheckinScreen, CheckinTable
from screens.trips.trip_editor.screen import TripEditorScreen
from storage.codes import ProgrammeKind
from storage.models import Citizen, Company, Municipality
from storage.sessions import session_scope
from tests.conftest import REFERRED, TODAY
from tests.pilot_helpers import AppPilot, open_register, settle, start, static_text
from tests.trip_builders import free_valid_cvrs, held_trip, hosts

COMPANY = "[/b] Bygg & Co [red]"
MUNICIPALITY = "[/b] Nørre [i]Alslev"
TITLE = "[/i] Tur"
CITIZEN = "[/b] Ib"
TYPED_DATE = "[/b]"
SIZE = (150, 45)


def drawn(widget: Widget) -> str:
    """Every line of a widget as it is drawn (a table's cells as the user sees them)."""
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


def select_shown(select: Select[object]) -> str:
    return static_text(select.query_one("SelectCurrent #label", Static))


def toasts(app: RfkTripsApp) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query("Toast")]


def add_company(engine: Engine, name: str, **values: object) -> int:
    with session_scope(engine) as session:
        company = Company(name=name, town="Nakskov", **values)
        session.add(company)
        session.flush()
        return company.id or 0


def add_citizen(engine: Engine, name: str, **values: object) -> int:
    with session_scope(engine) as session:
        citizen = Citizen(referral_date=REFERRED, name=name, phone="2000 0000", **values)
        session.add(citizen)
        session.flush()
        return citizen.id or 0


async def open_editor(app: RfkTripsApp, pilot: AppPilot, trip_id: int) -> TripEditorScreen:
    await settle(app, pilot)
    editor = TripEditorScreen(app.context, trip_id)
    await app.push_screen(editor)
    await settle(app, pilot)
    return editor


async def show_tab(app: RfkTripsApp, pilot: AppPilot, editor: TripEditorScreen, tab: str) -> None:
    """F8 until the tab is in front, with the keyboard in its first field or list."""
    tabs = editor.query_one("#tabs", TabbedContent)
    for _ in range(6):
        if tabs.active == tab:
            return
        await pilot.press("f8")
        await settle(app, pilot)
    assert tabs.active == tab


# --- (a) a company's name ----------


async def test_a_company_name_with_brackets_in_the_list_the_form_and_the_archive_question(
    engine: Engine, db_path: Path
) -> None:
    cvr = next(free_valid_cvrs(engine))
    with session_scope(engine) as session:
        municipality = Municipality(name=MUNICIPALITY)
        session.add(municipality)
        session.flush()
        municipality_id = municipality.id
    company_id = add_company(
        engine, COMPANY, cvr=cvr, municipality_id=municipality_id, placement_experience=True
    )
    add_company(engine, "Anden Virksomhed")
    trip_id = trip_service.create_trip(
        engine, format_code="custom", trip_date=date(2026, 12, 8), title=TITLE
    )
    planning.add_visit(engine, trip_id, company_id=company_id, start=time(9), end=time(10))
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(app, pilot, "f3")
        table = screen.query_one("#table", DataTable)
        assert COMPANY in drawn(table)

        await pilot.press("enter")  # from the search box to the list
        table.move_cursor(row=table.get_row_index(str(company_id)))
        await pilot.press("enter")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RecordFormScreen)
        assert form.query_one("#input-name", Input).value == COMPANY
        assert select_shown(form.query_one("#input-municipality", Select)) == MUNICIPALITY
        assert TITLE in static_text(form.query_one("#form-history", Static))
        await pilot.press("escape")
        await settle(app, pilot)

        # Another company given this one's CVR: the refusal names the holder as written.
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RecordFormScreen)
        form.query_one("#input-name", Input).value = "Ny Virksomhed"
        form.query_one("#input-cvr", Input).value = cvr
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is form
        assert static_text(form.query_one("#error-cvr", Static)) == (
            f"CVR-nummeret {cvr} er allerede registreret på {COMPANY}."
        )
        await pilot.press("escape")
        await settle(app, pilot)

        table.focus()
        table.move_cursor(row=table.get_row_index(str(company_id)))
        await pilot.press("delete")
        await settle(app, pilot)
        modal = app.screen
        assert isinstance(modal, ConfirmModal)
        question = static_text(modal.query_one("#confirm-question", Static))
        assert question.startswith(f"Arkivér {COMPANY}? ")


async def test_a_company_name_with_brackets_in_the_trip_editors_visits(
    engine: Engine, db_path: Path
) -> None:
    # A host meeting no criterion: the trip's first error names it, under the tabs.
    company_id = add_company(engine, COMPANY)
    group = [add_citizen(engine, f"Borger {number}") for number in range(6)]
    trip_id = trip_service.create_trip(engine, format_code="custom", trip_date=date(2026, 12, 8))
    planning.add_visit(engine, trip_id, company_id=company_id, start=time(9), end=time(10))
    planning.add_participants(engine, trip_id, group)
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(app, pilot, trip_id)
        summary = static_text(editor.query_one("#findings-summary", Static))
        assert f" · {COMPANY} opfylder ingen af kriterierne" in summary
        await show_tab(app, pilot, editor, "tab-visits")
        visits = editor.query_one("#visits", DataTable)
        assert COMPANY in drawn(visits)

        visits.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, VisitDialog)
        assert static_text(dialog.query_one(".dialog-title", Static)) == f"Besøg hos {COMPANY}"
        dialog.query_one("#visit-start", Input).value = TYPED_DATE
        await pilot.press("f10")
        await settle(app, pilot)
        again = app.screen
        assert isinstance(again, VisitDialog) and again is not dialog
        error = static_text(again.query_one("#dialog-error", Static))
        assert error.startswith(f"»{TYPED_DATE}« er ikke et klokkeslæt.")
        await pilot.press("escape")
        await settle(app, pilot)

        visits.focus()
        await pilot.press("delete")
        await settle(app, pilot)
        modal = app.screen
        assert isinstance(modal, ConfirmModal)
        question = static_text(modal.query_one("#confirm-question", Static))
        assert question.startswith(f"Fjern besøget hos {COMPANY} fra turen?")


# --- (b) a trip's title ----------


async def test_a_trip_title_with_brackets_in_the_editors_heading_tabs_and_programme(
    engine: Engine, db_path: Path
) -> None:
    trip_id = trip_service.create_trip(
        engine, format_code="custom", trip_date=date(2026, 12, 8), title=TITLE
    )
    item = "[b]Frokost[/b] i [/i] kantinen"
    version = trip_service.trip_detail(engine, trip_id).version
    # The participants' own slot stays (R10): a programme without it is refused.
    slot = ProgrammeItem("11:00", "Deltagernes dagsorden", ProgrammeKind.OPEN_AGENDA)
    trip_editing.save_programme(
        engine, trip_id, version, [slot, ProgrammeItem("12:00", item, ProgrammeKind.MEAL)]
    )
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(app, pilot, trip_id)
        heading = static_text(editor.query_one("#trip-heading", Static))
        assert heading.startswith(f"{TITLE} · tirsdag 8. december 2026 · ")
        tabs = [str(tab.label) for tab in editor.query(Tab)]
        names = ("details", "programme", "visits", "group", "staff", "findings")
        assert tabs == [t(f"editor.tab.{name}") for name in names]

        await show_tab(app, pilot, editor, "tab-programme")
        assert item in drawn(editor.query_one("#programme", DataTable))
        await show_tab(app, pilot, editor, "tab-details")
        assert editor.query_one("#d-title", Input).value == TITLE


async def test_a_trip_title_and_a_citizen_name_with_brackets_at_check_in(
    engine: Engine, db_path: Path
) -> None:
    host = add_company(engine, "Nakskov Stål A/S", placement_experience=True)
    ib = add_citizen(engine, CITIZEN)
    anna = add_citizen(engine, "Anna Holm")
    trip_id = trip_service.create_trip(engine, format_code="lolland", trip_date=TODAY, title=TITLE)
    planning.add_visit(engine, trip_id, company_id=host, start=time(9), end=time(10))
    planning.add_participants(engine, trip_id, [ib, anna])
    app = start(db_path)
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert f"  {TITLE} (2)" in static_text(home.query_one("#today", Static))
        await pilot.press("ctrl+t")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CheckinScreen)
        heading = static_text(screen.query_one("#checkin-heading", Static))
        assert heading == f"Indtjekning · {TITLE} · mandag 23. november 2026"
        table = screen.query_one(CheckinTable)
        assert CITIZEN in drawn(table)

        table.move_cursor(row=table.get_row_index(str(ib)))
        await pilot.press("a")  # afbud, with a reason
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ExcuseDialog)
        assert static_text(dialog.query_one(".dialog-title", Static)) == f"Afbud fra {CITIZEN}"
        dialog.query_one("#reason", Input).value = "[/b] syg"
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is screen
        saved = static_text(screen.query_one("#checkin-saved", Static))
        assert f": {CITIZEN} – afbud (" in saved
        assert "[/b] syg" in drawn(table)
    sheet = check_in.checkin_sheet(engine, trip_id)
    assert sheet.row(ib).reason == "[/b] syg"


async def test_a_pending_name_with_brackets_in_the_question_before_completing(
    engine: Engine, db_path: Path
) -> None:
    host = add_company(engine, "Nakskov Stål A/S", placement_experience=True)
    ib = add_citizen(engine, CITIZEN)
    trip_id = trip_service.create_trip(engine, format_code="lolland", trip_date=TODAY)
    planning.add_visit(engine, trip_id, company_id=host, start=time(9), end=time(10))
    planning.add_participants(engine, trip_id, [ib])
    app = start(db_path)
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+t")
        await settle(app, pilot)
        assert isinstance(app.screen, CheckinScreen)
        await pilot.press("f9")
        await settle(app, pilot)
        modal = app.screen
        assert isinstance(modal, ConfirmModal)
        question = static_text(modal.query_one("#confirm-question", Static))
        assert question.startswith(f"1 deltager(e) afventer stadig: {CITIZEN}.")


async def test_a_title_a_markup_escape_would_lose_is_shown_on_the_home_screen(
    engine: Engine, db_path: Path
) -> None:
    # rich.markup.escape leaves "[Ib]" and "[B]" alone, and Textual still reads them as tags.
    trip_service.create_trip(engine, format_code="custom", trip_date=TODAY, title="[Ib] og [B]")
    app = start(db_path)
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert "  [Ib] og [B] (0)" in static_text(home.query_one("#today", Static)).splitlines()


# --- (c) a citizen's name ----------


async def test_a_citizen_name_with_brackets_in_the_trip_editors_group_and_findings(
    engine: Engine, db_path: Path
) -> None:
    # Without mødepligt the trip warns about the citizen by name.
    ib = add_citizen(engine, CITIZEN, attendance_duty=False, cohort="[b]Hold 1")
    trip_id = trip_service.create_trip(engine, format_code="custom", trip_date=date(2026, 12, 8))
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(app, pilot, trip_id)
        assert editor.query_one("#tabs", TabbedContent).active == "tab-group"
        candidates = editor.query_one("#candidates", DataTable)
        assert CITIZEN in drawn(candidates) and "[b]Hold 1" in drawn(candidates)
        candidates.focus()
        candidates.move_cursor(row=candidates.get_row_index(str(ib)))
        await pilot.press("enter")
        await settle(app, pilot)
        assert CITIZEN in drawn(editor.query_one("#participants", DataTable))

        await show_tab(app, pilot, editor, "tab-findings")
        assert editor.state is not None
        index = next(
            i
            for i, checked in enumerate(editor.state.findings)
            if checked.finding.code == "no_attendance_duty"
        )
        findings = editor.query_one("#findings", DataTable)
        assert CITIZEN in drawn(findings)
        findings.focus()
        findings.move_cursor(row=index)
        await pilot.press("enter")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ReasonDialog)
        warning = static_text(dialog.query_one(".dialog-text", Static))
        assert warning == editor.state.findings[index].finding.message
        assert CITIZEN in warning


async def test_a_citizen_and_a_company_with_brackets_at_follow_up(
    engine: Engine, db_path: Path
) -> None:
    trip_id, citizens = held_trip(engine)
    check_in.complete_trip(engine, trip_id, today=TODAY)
    company_id = hosts(engine, trip_id)[0]
    with session_scope(engine) as session:
        citizen = session.get(Citizen, citizens[0])
        company = session.get(Company, company_id)
        assert citizen is not None and company is not None
        citizen.name, company.name = CITIZEN, COMPANY
        session.add_all([citizen, company])
    app = start(db_path)
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f8")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, FollowUpScreen)
        table = screen.query_one("#followups-list", DataTable)
        key = next(key for key, row in screen.rows.items() if row.citizen == CITIZEN)
        table.move_cursor(row=table.get_row_index(key))
        await settle(app, pilot)
        assert CITIZEN in static_text(screen.query_one("#followups-heading", Static))
        await pilot.press("enter")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, FollowUpDialog)
        title = static_text(dialog.query_one(".dialog-title", Static))
        assert title == f"Opfølgning: {CITIZEN}"
        # The companies of the citizen's trips are offered: this one hosted their trip.
        dialog.query_one("#fu-company", Select).value = company_id
        await settle(app, pilot)
        assert select_shown(dialog.query_one("#fu-company", Select)) == COMPANY
        dialog.query_one("#fu-note", Input).value = "Ringet op"
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is screen
        note = static_text(screen.query_one("#followups-note", Static))
        assert note.startswith(f"Opfølgningen for {CITIZEN} er registreret.")


# --- (d) typed input quoted in an error ----------


async def test_a_typed_date_with_brackets_is_quoted_under_the_trip_editors_field(
    engine: Engine, db_path: Path
) -> None:
    trip_id = trip_service.create_trip(engine, format_code="custom", trip_date=date(2026, 12, 8))
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(app, pilot, trip_id)
        await show_tab(app, pilot, editor, "tab-details")
        editor.query_one("#d-date", Input).value = TYPED_DATE
        await pilot.press("f10")
        await settle(app, pilot)
        error = editor.query_one("#error-date", Static)
        assert error.has_class("shown")
        assert static_text(error) == (
            f"»{TYPED_DATE}« er ikke en dato. Skriv fx 03-12-2026, 2026-12-03 eller 3/12."
        )
        assert editor.query_one("#d-date", Input).value == TYPED_DATE


async def test_a_typed_date_with_brackets_is_quoted_in_the_new_trip_dialog(
    engine: Engine, db_path: Path
) -> None:
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f5")
        await settle(app, pilot)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, NewTripDialog)
        dialog.query_one("#new-date", Input).value = TYPED_DATE
        await pilot.press("f10")
        await settle(app, pilot)
        again = app.screen
        assert isinstance(again, NewTripDialog) and again is not dialog
        error = static_text(again.query_one("#dialog-error", Static))
        assert error.startswith(f"»{TYPED_DATE}« er ikke en dato.")
        assert again.query_one("#new-date", Input).value == TYPED_DATE


async def test_a_typed_date_with_brackets_is_quoted_under_a_register_forms_field(
    engine: Engine, db_path: Path
) -> None:
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_register(app, pilot, "f4")
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RecordFormScreen)
        form.query_one("#input-name", Input).value = "Ny Borger"
        form.query_one("#input-referral_date", Input).value = TYPED_DATE
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is form
        error = static_text(form.query_one("#error-referral_date", Static))
        assert f"»{TYPED_DATE}« er ikke en dato." in error


async def test_a_typed_date_with_brackets_is_quoted_on_the_results_screen(
    engine: Engine, db_path: Path
) -> None:
    app = start(db_path)
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f9")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        screen.query_one("#results-from", Input).focus()
        screen.query_one("#results-from", Input).value = TYPED_DATE
        await pilot.press("enter")
        await settle(app, pilot)
        status = screen.query_one("#results-status", Static)
        assert status.has_class("error")
        assert f"»{TYPED_DATE}« er ikke en dato." in static_text(status)


async def test_a_refusal_naming_a_company_with_brackets_is_notified_as_written(
    engine: Engine, db_path: Path
) -> None:
    company_id = add_company(engine, COMPANY, placement_experience=True)
    trip_id = trip_service.create_trip(engine, format_code="custom", trip_date=date(2026, 12, 8))
    app = start(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await open_editor(app, pilot, trip_id)
        await show_tab(app, pilot, editor, "tab-visits")
        offered = editor.query_one("#hosts", DataTable)
        assert COMPANY in drawn(offered)
        # A colleague archives the company while it is offered here.
        with session_scope(engine) as session:
            company = session.get(Company, company_id)
            assert company is not None
            company.archived = True
            session.add(company)
        offered.focus()
        offered.move_cursor(row=offered.get_row_index(str(company_id)))
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is editor
        refusal = f"{COMPANY} er arkiveret og kan ikke vælges som vært."
        assert any(refusal in toast for toast in toasts(app))


async def test_help_lists_both_page_keys(db_path: Path) -> None:
    # With "[" listed before "]", the lines between them were read as one tag and vanished.
    app = start(db_path)
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(
            HelpScreen(
                "general", [("left_square_bracket", "Forrige"), ("right_square_bracket", "Næste")]
            )
        )
        await settle(app, pilot)
        keys = static_text(app.screen.query_one("#help-keys", Static))
        assert "  [            Forrige" in keys and "  ]            Næste" in keys
