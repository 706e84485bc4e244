"""The register lists (companies, citizens, staff), driven with Pilot like a user would.

Each test starts the whole app against a real SQLite file, presses keys, waits for the
workers (never sleeps) and checks both what the widgets show and what the database holds.
"""

import re
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, DataTable, Input, OptionList, Select, Static, TextArea

from rfk_trips.app.application import make_app
from rfk_trips.exchange.demo_data import ACCOMMODATION_NEEDS
from rfk_trips.i18n.catalogue import t
from rfk_trips.registers import citizen_service, company_service, staff_service
from rfk_trips.registers.company_service import CompanyFilter, QualificationFilter
from rfk_trips.registers.paging import PAGE_SIZE
from screens.dialogs.confirm import ConfirmModal
from screens.dialogs.record_form import RecordFormScreen
from screens.registers.register_screen import RegisterScreen
from screens.shell.help import HelpScreen
from screens.shell.home import HomeScreen
from screens.widgets.filter_choice import ChoiceDialog, FilterChoice
from storage.codes import Attendance, ParticipantRole, TripStatus
from storage.models import (
    Citizen,
    Company,
    Municipality,
    Participation,
    Staff,
    Trip,
    TripFormat,
)
from storage.sessions import session_scope
from tests.conftest import TODAY
from tests.database_choice import url_for
from tests.pilot_helpers import (
    SIZE,
    AppPilot,
    clear_input,
    open_register,
    row_keys,
    settle,
    start,
    static_text,
    type_text,
)
from tests.trip_builders import free_valid_cvrs

# --- helpers ----------


async def focus_field(pilot: AppPilot, form: RecordFormScreen, key: str) -> Widget:
    """Click the field `key`, as a user does (clicking a Select also opens its list)."""
    target = form.query_one(f"#input-{key}")
    await pilot.click(target)
    assert target.has_focus_within
    return target


async def tab_to(pilot: AppPilot, form: RecordFormScreen, key: str) -> None:
    """Tab to the next field, which must be `key`."""
    await pilot.press("tab")
    assert form.focused is form.query_one(f"#input-{key}")


def table_rows(screen: RegisterScreen) -> list[list[str]]:
    table = screen.query_one("#table", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def summary_total(screen: RegisterScreen) -> int:
    text = str(screen.query_one("#summary", Static).render())
    found = re.search(r"(?:af|of) (\d+)\.", text)
    assert found, text
    return int(found.group(1))


def column_index(screen: RegisterScreen, key: str) -> int:
    return [column.key for column in screen.spec.columns].index(key)


def active_company_count(engine: Engine) -> int:
    with session_scope(engine) as session:
        return (
            session.scalar(
                select(func.count()).select_from(Company).where(Company.archived.is_(False))
            )
            or 0
        )


def company_snapshot(engine: Engine, company_id: int) -> dict[str, Any]:
    with session_scope(engine) as session:
        company = session.get(Company, company_id)
        assert company is not None
        return company.model_dump()


# --- companies ----------


async def test_f3_lists_the_companies_and_searches_as_you_type(
    db_path: Path, demo_engine: Engine
) -> None:
    oelby_id = company_service.save_company(
        demo_engine,
        None,
        {"name": "Ølby Stål A/S", "town": "Køge", "postcode": "4600"},
        today=TODAY,
    )
    active = active_company_count(demo_engine)
    with session_scope(demo_engine) as session:
        in_nakskov = sum(
            1
            for company in session.scalars(select(Company).where(Company.archived.is_(False)))
            if "nakskov" in f"{company.name} {company.town}".casefold()
        )
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(app, pilot, "f3")
        assert screen.id == "screen-companies"
        table = screen.query_one("#table", DataTable)
        headers = [str(column.label) for column in table.columns.values()]
        assert headers == ["Navn", "By", "Branche", "Kvalificeret", "Amb.", "Sidste besøg"]
        assert summary_total(screen) == active
        assert table.row_count == min(active, PAGE_SIZE)
        assert static_text(screen.query_one("#summary", Static)).startswith(
            f"Viser 1–{min(active, PAGE_SIZE)} af {active}."
        )
        names = [row[0] for row in table_rows(screen)]
        assert names == sorted(names)
        qualifies = {row[column_index(screen, "qualifies")] for row in table_rows(screen)}
        assert "✗ nej" in qualifies and any(cell.startswith("✓ ") for cell in qualifies)
        assert app.focused is screen.query_one("#search", Input)

        await type_text(pilot, "nak")
        await settle(app, pilot)
        assert screen.query_one("#search", Input).value == "nak"
        assert 0 < summary_total(screen) == in_nakskov < active
        rows = table_rows(screen)
        assert len(rows) == in_nakskov
        name, town = column_index(screen, "name"), column_index(screen, "town")
        for row in rows:
            assert "nakskov" in f"{row[name]} {row[town]}".casefold(), row

        for query in ("ølby", "ØLBY", "ål ølb"):  # any case, any order, parts of words
            await pilot.press("ctrl+u")
            await type_text(pilot, query)
            await settle(app, pilot)
            assert screen.query_one("#search", Input).value == query
            assert row_keys(screen) == [str(oelby_id)], query
            assert table_rows(screen)[0][:2] == ["Ølby Stål A/S", "Køge"]
            assert summary_total(screen) == 1

        await type_text(pilot, " zz")  # a word no company has
        await settle(app, pilot)
        assert table.row_count == 0
        assert static_text(screen.query_one("#summary", Static)).startswith("Viser 0–0 af 0")


async def test_turning_pages_keeps_the_total_and_the_rows_come_before_the_count(
    db_path: Path, demo_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    active = active_company_count(demo_engine)
    assert active > PAGE_SIZE
    counts: list[str] = []  # the search text of each count
    real_count = company_service.count_companies

    def counted(engine: Engine, flt: CompanyFilter, **kwargs: Any) -> int:
        counts.append(flt.text)
        return real_count(engine, flt, **kwargs)

    def matching(text: str) -> int:
        return real_count(demo_engine, CompanyFilter(text=text), today=TODAY)

    monkeypatch.setattr(company_service, "count_companies", counted)
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(app, pilot, "f3")
        assert len(counts) == 1
        first_page = row_keys(screen)
        screen.query_one("#table", DataTable).focus()
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert static_text(screen.query_one("#summary", Static)).startswith(
            f"Viser {PAGE_SIZE + 1}–{min(active, 2 * PAGE_SIZE)} af {active}."
        )
        assert not set(row_keys(screen)) & set(first_page)
        assert len(counts) == 1  # the same filter: the total is not counted again
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        assert row_keys(screen) == first_page and len(counts) == 1

        # The rows of a new search show while its count is still running.
        many = next(letter for letter in "eanrs" if matching(letter) > PAGE_SIZE)
        release = threading.Event()
        monkeypatch.setattr(
            company_service,
            "count_companies",
            lambda *a, **k: release.wait(30) and counted(*a, **k),
        )
        await pilot.press("slash")
        await type_text(pilot, many)
        for _ in range(200):
            await pilot.pause(0.01)
            if row_keys(screen) != first_page:
                break
        rows = table_rows(screen)
        name = column_index(screen, "name")
        assert len(rows) == PAGE_SIZE
        assert "af … (tæller)." in static_text(screen.query_one("#summary", Static))
        release.set()
        await settle(app, pilot)
        assert len(counts) == 2
        assert summary_total(screen) == matching(many)

        # A search that fits on one page is not counted: its rows are all there is.
        await clear_input(pilot)
        await settle(app, pilot)
        await type_text(pilot, "nak")
        await settle(app, pilot)
        rows = table_rows(screen)
        town = column_index(screen, "town")
        assert 0 < len(rows) < PAGE_SIZE
        assert all("nak" in f"{row[name]} {row[town]}".casefold() for row in rows)
        assert summary_total(screen) == len(rows) == matching("nak")
        assert "nak" not in counts


async def test_qualification_filter_changes_the_rows_and_english_is_spoken(
    db_path: Path, demo_engine: Engine
) -> None:
    """The filter works in SQL whatever the language; run in English to check that too."""
    with session_scope(demo_engine) as session:
        qualifying_ids = {
            str(c.id)
            for c in session.scalars(select(Company).where(Company.archived.is_(False)))
            if c.placement_experience
            or c.social_responsibility
            or (c.labour_shortage and any(task.strip() for task in c.tasks))
        }
    app = start(db_path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(app, pilot, "f3")
        table = screen.query_one("#table", DataTable)
        headers = [str(column.label) for column in table.columns.values()]
        assert headers == ["Name", "Town", "Industry", "Qualifies", "Amb.", "Last visit"]
        assert static_text(screen.query_one("#summary", Static)).startswith("Showing 1–")
        everyone = summary_total(screen)
        qualifies = column_index(screen, "qualifies")
        chooser = screen.query_one("#filter-qualification", FilterChoice)

        chooser.value = QualificationFilter.NOT_QUALIFYING
        await settle(app, pilot)
        assert summary_total(screen) == everyone - len(qualifying_ids)
        assert {row[qualifies] for row in table_rows(screen)} == {"✗ no"}
        assert not set(row_keys(screen)) & qualifying_ids

        chooser.value = QualificationFilter.QUALIFYING
        await settle(app, pilot)
        assert summary_total(screen) == len(qualifying_ids)
        assert all(row[qualifies].startswith("✓ ") for row in table_rows(screen))
        assert set(row_keys(screen)) <= qualifying_ids

        chooser.clear()
        await settle(app, pilot)
        assert summary_total(screen) == everyone


async def test_ctrl_n_creates_a_company(db_path: Path, demo_engine: Engine) -> None:
    cvr = next(free_valid_cvrs(demo_engine))
    with session_scope(demo_engine) as session:
        holder = session.scalars(
            select(Company).where(Company.cvr.is_not(None)).order_by(Company.id)
        ).first()
        assert holder is not None and holder.cvr
        taken_cvr, holder_name = holder.cvr, holder.name
    before = active_company_count(demo_engine)
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(app, pilot, "f3")
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RecordFormScreen)
        assert static_text(form.query_one("#form-title", Static)) == "Ny virksomhed"
        assert form.focused is form.query_one("#input-name", Input)
        await type_text(pilot, "Tip ApS")
        await tab_to(pilot, form, "cvr")
        await type_text(pilot, taken_cvr)
        await focus_field(pilot, form, "postcode")
        await type_text(pilot, "4900")

        # Another company's CVR number is refused under the field.
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is form
        error = form.query_one("#error-cvr", Static)
        assert error.has_class("shown")
        assert static_text(error) == (
            f"CVR-nummeret {taken_cvr} er allerede registreret på {holder_name}."
        )
        assert form.focused is form.query_one("#input-cvr", Input)
        assert active_company_count(demo_engine) == before

        await clear_input(pilot)
        await type_text(pilot, cvr)
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is screen
        assert summary_total(screen) == before + 1
        search = screen.query_one("#search", Input)
        assert app.focused is search  # back where the user was before Ctrl+N
        await type_text(pilot, "tip")
        await settle(app, pilot)
        assert [row[:2] for row in table_rows(screen)] == [["Tip ApS", ""]]
    with session_scope(demo_engine) as session:
        company = session.scalars(select(Company).where(Company.name == "Tip ApS")).one()
        assert (company.cvr, company.postcode, company.archived) == (cvr, "4900", False)
        assert company.search_text == f"tip aps 4900 {cvr}"


async def test_a_refused_edit_keeps_the_form_open_and_the_row_unchanged(
    db_path: Path, demo_engine: Engine
) -> None:
    cvr = next(free_valid_cvrs(demo_engine))
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(app, pilot, "f3")
        await pilot.press("enter")  # from the search box to the table
        assert app.focused is screen.query_one("#table", DataTable)
        await pilot.press("down")
        row = screen.selected_row()
        assert row is not None
        before = company_snapshot(demo_engine, row.id)
        await pilot.press("enter")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RecordFormScreen)
        assert static_text(form.query_one("#form-title", Static)) == "Redigér virksomhed"
        assert form.query_one("#input-name", Input).value == row.name

        await tab_to(pilot, form, "cvr")
        await clear_input(pilot)
        await type_text(pilot, "1234")
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is form
        error = form.query_one("#error-cvr", Static)
        assert error.has_class("shown")
        assert static_text(error) == "CVR-nummeret skal være 8 cifre, fx 12345678."
        assert form.query_one("#input-cvr", Input).value == "1234"
        message = form.query_one("#form-message", Static)
        assert message.has_class("shown") and "Ikke gemt" in static_text(message)
        assert form.focused is form.query_one("#input-cvr", Input)
        assert not form.query_one("#error-name").has_class("shown")
        assert not form.query_one("#save", Button).disabled
        assert company_snapshot(demo_engine, row.id) == before

        await clear_input(pilot)
        await type_text(pilot, cvr)
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is screen
    after = company_snapshot(demo_engine, row.id)
    assert after["cvr"] == cvr
    assert after["updated_at"] != before["updated_at"]
    untouched = ("cvr", "updated_at", "search_text")
    assert {k: v for k, v in after.items() if k not in untouched} == {
        k: v for k, v in before.items() if k not in untouched
    }


# --- archiving ----------


async def test_archiving_asks_first_and_only_ja_archives(
    db_path: Path, demo_engine: Engine
) -> None:
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(app, pilot, "f3")
        everyone = summary_total(screen)
        await pilot.press("enter")  # to the table
        row = screen.selected_row()
        assert row is not None
        key = str(row.id)

        await pilot.press("delete")
        await settle(app, pilot)
        modal = app.screen
        assert isinstance(modal, ConfirmModal)
        assert static_text(modal.query_one("#confirm-question", Static)).startswith(
            f"Arkivér {row.name}?"
        )
        no = modal.query_one("#no", Button)
        assert app.focused is no and str(no.label) == "Nej"
        await pilot.press("enter")  # "Nej" has focus
        await settle(app, pilot)
        assert app.screen is screen
        assert company_snapshot(demo_engine, row.id)["archived"] is False
        assert key in row_keys(screen)
        assert summary_total(screen) == everyone

        await pilot.press("delete")
        await settle(app, pilot)
        modal = app.screen
        assert isinstance(modal, ConfirmModal)
        await pilot.press("shift+tab")
        assert app.focused is modal.query_one("#yes", Button)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen
        assert company_snapshot(demo_engine, row.id)["archived"] is True
        assert key not in row_keys(screen)
        assert summary_total(screen) == everyone - 1

        screen.query_one("#filter-archived", FilterChoice).value = True
        await settle(app, pilot)
        with session_scope(demo_engine) as session:
            archived = session.scalars(select(Company.id).where(Company.archived.is_(True))).all()
        assert key in row_keys(screen)
        assert sorted(row_keys(screen)) == sorted(str(i) for i in archived)
        assert summary_total(screen) == len(archived)

    assert active_company_count(demo_engine) == everyone - 1


# --- citizens ----------


def quota_trips_by_citizen(engine: Engine) -> dict[int, int]:
    """Trips taken or booked in a format with a per-citizen quota, counted in the database."""
    with session_scope(engine) as session:
        rows = session.execute(
            select(Participation.citizen_id, func.count())
            .join(Trip, Trip.id == Participation.trip_id)
            .join(TripFormat, TripFormat.id == Trip.format_id)
            .where(
                Participation.role == ParticipantRole.PARTICIPANT,
                Participation.attendance.not_in([Attendance.EXCUSED, Attendance.NO_SHOW]),
                Trip.status != TripStatus.CANCELLED,
                TripFormat.trips_per_citizen.is_not(None),
            )
            .group_by(Participation.citizen_id)
        ).all()
        return {citizen_id: n for citizen_id, n in rows}


async def test_citizen_list_hides_accommodation_needs_that_the_form_keeps(
    db_path: Path, demo_engine: Engine
) -> None:
    with session_scope(demo_engine) as session:
        municipality = {m.id: m.name for m in session.scalars(select(Municipality))}
        citizens = {
            c.id: (municipality.get(c.municipality_id), c.accommodation_needs)
            for c in session.scalars(select(Citizen).where(Citizen.archived.is_(False)))
        }
        sample = session.scalars(
            select(Citizen)
            .where(Citizen.accommodation_needs != "", Citizen.caseworker_id.is_not(None))
            .order_by(Citizen.id)
        ).first()
        assert sample is not None
        before = sample.model_dump()
    trips = quota_trips_by_citizen(demo_engine)
    assert any(trips.get(cid, 0) for cid, (town, _) in citizens.items() if town == "Lolland")
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(app, pilot, "f4")
        assert screen.id == "screen-citizens"
        assert summary_total(screen) == len(citizens)
        needs_col, trips_col = column_index(screen, "needs"), column_index(screen, "trips")
        await pilot.press("enter")  # to the table, where ] turns the page
        seen: set[int] = set()
        while True:
            for key, row in zip(row_keys(screen), table_rows(screen), strict=True):
                citizen_id = int(key)
                seen.add(citizen_id)
                town, needs = citizens[citizen_id]
                for cell in row:
                    assert not any(text in cell for text in ACCOMMODATION_NEEDS), row
                assert row[needs_col] == ("⚑ ja" if needs.strip() else "")
                taken = trips.get(citizen_id, 0)
                assert row[trips_col] == (f"{taken}/2" if town == "Lolland" else str(taken))
            if len(seen) >= len(citizens):
                break
            await pilot.press("right_square_bracket")
            await settle(app, pilot)
        assert seen == set(citizens)

        # Only the form, one citizen at a time, shows what the needs are.
        await pilot.press("slash")  # back to the search box
        await type_text(pilot, before["phone"].replace(" ", ""))
        await settle(app, pilot)
        assert row_keys(screen) == [str(before["id"])]
        await pilot.press("enter", "enter")  # to the table, then open the row
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RecordFormScreen)
        needs_area = form.query_one("#input-accommodation_needs", TextArea)
        assert needs_area.text == before["accommodation_needs"]
        assert form.query_one("#field-accommodation_needs").has_class("sensitive")
        await pilot.press("f10")  # saving what the form shows changes nothing
        await settle(app, pilot)
        assert app.screen is screen
    with session_scope(demo_engine) as session:
        after = session.get(Citizen, before["id"])
        assert after is not None
        changed = {
            key
            for key, value in after.model_dump().items()
            if value != before[key] and key != "updated_at"
        }
    assert changed == set()


async def test_new_citizen_with_a_caseworker_from_the_picker(
    db_path: Path, demo_engine: Engine
) -> None:
    # The picker lists active staff as "Name (INI)", by name; the user takes the third.
    choices = staff_service.staff_choices(demo_engine)
    assert all(re.fullmatch(r".+ \([A-ZÆØÅ0-9]+\)", name) for _, name in choices)
    chosen_id, chosen = choices[2]
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(app, pilot, "f4")
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RecordFormScreen)
        assert static_text(form.query_one("#form-title", Static)) == "Ny borger"
        await type_text(pilot, "Ib Holm")

        # A wrong phone number is refused under the field; nothing is saved.
        await tab_to(pilot, form, "phone")
        await type_text(pilot, "123")
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is form
        error = form.query_one("#error-phone", Static)
        assert error.has_class("shown")
        assert static_text(error) == (
            "Telefonnummeret skal være 8 cifre, evt. med +45 foran, fx 54 67 12 34."
        )
        assert form.query_one("#input-phone", Input).value == "123"
        assert form.focused is form.query_one("#input-phone", Input)
        with session_scope(demo_engine) as session:
            assert not session.scalars(select(Citizen).where(Citizen.name == "Ib Holm")).all()

        await clear_input(pilot)
        await type_text(pilot, "+4520304050")
        picker = await focus_field(pilot, form, "caseworker")
        assert isinstance(picker, Select) and picker.value is Select.NULL
        assert picker.expanded  # the click opened the list; "–" (nobody) comes first
        await pilot.press("home", "down", "down", "down", "enter")
        assert not picker.expanded
        assert picker.value == chosen
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is screen
        assert not form.is_attached
    with session_scope(demo_engine) as session:
        citizen = session.scalars(select(Citizen).where(Citizen.name == "Ib Holm")).one()
        assert citizen.caseworker_id == chosen_id
        assert citizen.phone == "20 30 40 50"
        assert citizen.attendance_duty is True
        assert citizen.accommodation_needs == ""


async def option_prompts(app: App[None], pilot: Pilot[None], chooser: FilterChoice) -> list[str]:
    """What the user sees when opening a filter (its dialog lists the choices); closes it."""
    chooser.focus()
    await pilot.press("enter")
    await settle(app, pilot)
    dialog = app.screen
    assert isinstance(dialog, ChoiceDialog)
    options = dialog.query_one(OptionList)
    prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    await pilot.press("escape")
    await settle(app, pilot)
    return prompts


async def test_a_new_cohort_can_be_filtered_on_at_once(db_path: Path, demo_engine: Engine) -> None:
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(app, pilot, "f4")
        cohorts = screen.query_one("#filter-cohort", FilterChoice)
        assert "Servicekursus 2027 hold 9" not in await option_prompts(app, pilot, cohorts)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RecordFormScreen)
        await type_text(pilot, "Ib Holm")
        await focus_field(pilot, form, "cohort")
        await type_text(pilot, "Servicekursus 2027 hold 9")
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is screen
        with session_scope(demo_engine) as session:
            citizen = session.scalars(select(Citizen).where(Citizen.name == "Ib Holm")).one()
            assert citizen.cohort == "Servicekursus 2027 hold 9"
        assert "Servicekursus 2027 hold 9" in await option_prompts(app, pilot, cohorts)


async def test_filter_choices_are_read_when_opened_and_follow_changes_made_elsewhere(
    db_path: Path, demo_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[int] = []
    real_cohorts = citizen_service.cohorts

    def cohorts(engine: Engine) -> list[str]:
        reads.append(1)
        return real_cohorts(engine)

    monkeypatch.setattr(citizen_service, "cohorts", cohorts)
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(app, pilot, "f4")
        for _ in range(2):  # back and forth: the filters read nothing until opened
            await pilot.press("f2")
            await settle(app, pilot)
            await pilot.press("f4")
            await settle(app, pilot)
        assert reads == []
        await option_prompts(app, pilot, screen.query_one("#filter-cohort", FilterChoice))
        assert len(reads) == 1
        # A colleague adds a caseworker (another process, the same database).
        staff_service.save_staff(
            demo_engine,
            None,
            {"name": "Vera Vognmand", "initials": "VEVO", "role": "jobformidler"},
            today=TODAY,
        )
        caseworker = screen.query_one("#filter-caseworker", FilterChoice)
        assert any("Vera Vognmand" in p for p in await option_prompts(app, pilot, caseworker))


async def test_a_filter_is_chosen_by_typing_part_of_a_name(
    db_path: Path, demo_engine: Engine
) -> None:
    with session_scope(demo_engine) as session:
        cohort = session.scalars(
            select(Citizen.cohort).where(Citizen.cohort != "").order_by(Citizen.cohort)
        ).first()
        assert cohort is not None
        members = session.scalar(
            select(func.count())
            .select_from(Citizen)
            .where(Citizen.cohort == cohort, Citizen.archived.is_(False))
        )
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(app, pilot, "f4")
        everyone = summary_total(screen)
        chooser = screen.query_one("#filter-cohort", FilterChoice)
        chooser.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        await type_text(pilot, cohort.upper())  # case does not matter
        await settle(app, pilot)
        assert dialog.shown[0] == (cohort, cohort)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen
        assert chooser.value == cohort
        assert cohort in str(chooser.render())
        assert summary_total(screen) == members < everyone
        # Back to "Alle": the first line of the dialog before anything is typed.
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("down", "home", "enter")
        await settle(app, pilot)
        assert chooser.value is None
        assert summary_total(screen) == everyone


# --- staff ----------


async def test_staff_initials_must_be_unique(db_path: Path, demo_engine: Engine) -> None:
    with session_scope(demo_engine) as session:
        holder = session.scalars(select(Staff).order_by(Staff.id)).first()
        assert holder is not None
        initials, holder_name = holder.initials, holder.name
        count = session.scalar(select(func.count()).select_from(Staff))
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(app, pilot, "f6")
        assert screen.id == "screen-staff"
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RecordFormScreen)
        await type_text(pilot, "Ib Lund")
        await tab_to(pilot, form, "initials")
        await type_text(pilot, initials.lower())
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is form
        error = form.query_one("#error-initials", Static)
        assert error.has_class("shown")
        assert static_text(error) == (
            f"Initialerne {initials} bruges allerede af {holder_name}. Vælg andre initialer."
        )
        assert form.query_one("#input-initials", Input).value == initials.lower()
        with session_scope(demo_engine) as session:
            assert session.scalar(select(func.count()).select_from(Staff)) == count

        # A new staff member's role starts blank and must be chosen: refused beside the
        # initials, both at once.
        role_error = form.query_one("#error-role", Static)
        assert role_error.has_class("shown")
        assert static_text(role_error) == "Rolle skal udfyldes."
        form.query_one("#input-role", Select).value = "Jobformidler"
        await clear_input(pilot)
        await type_text(pilot, "zqx")
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is screen
        assert "ZQX" in [row[column_index(screen, "initials")] for row in table_rows(screen)]
    with session_scope(demo_engine) as session:
        member = session.scalars(select(Staff).where(Staff.initials == "ZQX")).one()
        assert member.name == "Ib Lund"
        assert session.scalar(select(func.count()).select_from(Staff)) == count + 1


# --- navigation, help, palette ----------


async def test_help_escape_and_the_command_palette(db_path: Path, demo_engine: Engine) -> None:
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(app, pilot, "f3")

        screen.query_one("#table", DataTable).focus()  # in the search box Delete deletes text
        await pilot.press("f1")
        await settle(app, pilot)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert static_text(help_screen.query_one("#help-body", Static)) == t("help.companies")
        assert "Virksomhedsregistret" in static_text(help_screen.query_one("#help-body", Static))
        keys = static_text(help_screen.query_one("#help-keys", Static))
        assert "Ctrl+N" in keys and "Delete" in keys and "F10" not in keys
        assert f"Enter        {t('help.key.select')}" in keys  # the table's Enter opens
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen

        # Escape first empties a search, then leaves the list.
        await pilot.press("slash")
        await type_text(pilot, "nak")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen
        assert screen.query_one("#search", Input).value == ""
        assert summary_total(screen) == active_company_count(demo_engine)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)

        await pilot.press("ctrl+p")
        await settle(app, pilot)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await type_text(pilot, "virk")
        await settle(app, pilot)
        results = palette.query_one(CommandList)
        prompts = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        assert any("Virksomheder" in prompt for prompt in prompts), prompts
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert app.screen is screen


async def test_help_speaks_danish_about_the_keys_of_the_search_box(
    db_path: Path, demo_engine: Engine
) -> None:
    """F1 in a search field: our keys and Tab in Danish, none of Textual's English ones."""
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_register(app, pilot, "f3")
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press("f1")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        keys = static_text(app.screen.query_one("#help-keys", Static))
        assert "Ctrl+N" in keys and f"Tab          {t('help.key.focus_next')}" in keys
        assert t("register.archive") not in keys  # Delete deletes a character here
        for english in ("Move cursor", "Scroll", "Focus Next", "Delete character", "Go to"):
            assert english not in keys, english


async def test_each_search_box_says_what_it_searches(db_path: Path) -> None:
    from rfk_trips.i18n.catalogue import set_language

    expected = {
        "f3": "Søg (navn, by, postnr., CVR, kontaktperson)",
        "f4": "Søg (navn, telefon, forløb)",
        "f6": "Søg (navn, initialer)",
    }
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(120, 40)) as pilot:
        for key, placeholder in expected.items():
            await pilot.press(key)
            await app.workers.wait_for_complete()
            assert app.screen.query_one("#search", Input).placeholder == placeholder
    set_language("en")
    app = make_app(database_url=url_for(db_path), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await app.workers.wait_for_complete()
        assert app.screen.query_one("#search", Input).placeholder == "Search (name, phone, cohort)"


async def test_a_save_over_a_colleagues_newer_save_is_refused_and_the_typing_kept(
    db_path: Path, demo_engine: Engine
) -> None:
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(app, pilot, "f3")
        await pilot.press("enter", "down")
        row = screen.selected_row()
        assert row is not None
        await pilot.press("enter")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RecordFormScreen)

        # A colleague saves the same company while the form is open.
        theirs = company_service.company_form_values(demo_engine, row.id)
        theirs["notes"] = "Kollegaens note"
        company_service.save_company(demo_engine, row.id, theirs, today=TODAY)

        await focus_field(pilot, form, "contact_person")
        await clear_input(pilot)
        await type_text(pilot, "Min kontakt")
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is form  # not saved, still open
        message = static_text(form.query_one("#form-message", Static))
        assert "ændret af en kollega" in " ".join(message.split())
        assert form.query_one("#input-contact_person", Input).value == "Min kontakt"
    after = company_snapshot(demo_engine, row.id)
    assert after["notes"] == "Kollegaens note" and after["contact_person"] != "Min kontakt"
