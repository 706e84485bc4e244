"""Opfølgning by keys: record what was agreed, an outcome and its end; the figures follow."""

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from textual.widgets import DataTable, Input, Select, Static
from textual.widgets.data_table import ColumnKey

from rfk_trips.after_trip.follow_up_desk import (
    FollowUpForm,
    OutcomeForm,
    citizen_history,
    parse_hours,
    save_follow_up,
    save_outcome,
)
from rfk_trips.app.application import RfkTripsApp, make_app
from rfk_trips.results.results_service import load_figures
from rfk_trips.rules.errors import UserError
from rfk_trips.trips import check_in
from screens.after_trip.follow_up import FollowUpScreen
from screens.dialogs.follow_up_dialogs import (
    EndOutcomeDialog,
    FollowUpDialog,
    LearningCaseDialog,
    OutcomeDialog,
)
from storage.codes import FollowUpKind, OutcomeKind
from storage.models import Citizen, Company, FollowUp, LearningCase, Outcome
from storage.sessions import session_scope
from tests.conftest import TODAY
from tests.database_choice import url_for
from tests.pilot_helpers import settle
from tests.trip_builders import held_trip, hosts


@pytest.fixture
def completed(engine: Engine) -> tuple[int, list[int]]:
    """Held today and completed: six came (tasks in 14 days), one no-show (task in 2 days)."""
    trip_id, citizens = held_trip(engine)
    check_in.complete_trip(engine, trip_id, today=TODAY)
    return trip_id, citizens


async def open_follow_ups(app: RfkTripsApp, pilot: Any) -> FollowUpScreen:
    await settle(app, pilot)
    await pilot.press("f8")
    await settle(app, pilot)
    assert isinstance(app.screen, FollowUpScreen)
    return app.screen


def listed(screen: FollowUpScreen) -> list[str]:
    table = screen.query_one("#followups-list", DataTable)
    return [str(table.get_row_at(index)[2]) for index in range(table.row_count)]


def history_texts(screen: FollowUpScreen) -> list[str]:
    table = screen.query_one("#followups-history", DataTable)
    return [" | ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


def text_of(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_the_list_shows_tasks_by_due_date_and_the_citizens_history(
    engine: Engine, db_path: Path, completed: tuple[int, list[int]]
) -> None:
    del completed  # the scenario is in the database
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_follow_ups(app, pilot)
        names = listed(screen)
        # The no-show is called first (in 2 days), then the six who came.
        assert names[0] == "Borger 06"
        assert sorted(names[1:]) == [f"Borger {i:02d}" for i in range(6)]
        assert "Borger 06" in text_of(screen, "#followups-heading")
        assert any("Tur" in row and "Udeblevet" in row for row in history_texts(screen))
        await pilot.press("down")
        await settle(app, pilot)
        assert listed(screen)[1] in text_of(screen, "#followups-heading")
        assert any("Mødt" in row or "Kom for sent" in row for row in history_texts(screen))


@pytest.mark.parametrize("lang", ["da", "en"])
async def test_no_column_waits_for_an_automatic_width(
    demo_engine: Engine, db_path: Path, lang: str
) -> None:
    """An automatic width is set only after the first drawing, which then showed the
    history's statuses cut to the heading ("Status"); every column is fixed and wide
    enough for what it holds from the start."""
    del demo_engine  # the demo's follow-ups are in the database
    app = make_app(database_url=url_for(db_path), lang=lang)
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_follow_ups(app, pilot)
        history = screen.query_one("#followups-history", DataTable)
        assert history.row_count
        for selector, key in (("#followups-list", "trip"), ("#followups-history", "status")):
            table = screen.query_one(selector, DataTable)
            assert not any(column.auto_width for column in table.ordered_columns)
            column = table.columns[ColumnKey(key)]
            widest = max(cell_len(str(cell)) for cell in table.get_column(ColumnKey(key)))
            assert column.width >= widest


def test_the_status_width_holds_every_status_a_history_row_can_show() -> None:
    from rfk_trips.i18n.catalogue import set_language, t
    from rfk_trips.i18n.labels import label
    from rfk_trips.rules.danish_dates import format_date
    from screens.after_trip.follow_up import history_status_width
    from storage.codes import Attendance

    for lang in ("da", "en"):
        set_language(lang)
        width = history_status_width()
        day = format_date(TODAY)
        assert width >= cell_len(t("followups.row.ended_early", date=day))
        assert width >= max(cell_len(label(attendance)) for attendance in Attendance)


async def test_recording_a_follow_up_closes_it_and_schedules_the_next_step(
    engine: Engine, db_path: Path, completed: tuple[int, list[int]]
) -> None:
    trip_id, citizens = completed
    company_id = hosts(engine, trip_id)[0]
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_follow_ups(app, pilot)
        await pilot.press("down")  # the first of those who came
        await settle(app, pilot)
        name = listed(screen)[1]
        await pilot.press("enter")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, FollowUpDialog)
        await pilot.press(*"Vil gerne prøve lageret")
        dialog.query_one("#fu-company", Select).value = company_id
        dialog.query_one("#fu-next-step", Input).value = "Praktiksamtale"
        dialog.query_one("#fu-next-due", Input).value = "30-11-2026"
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is screen
        assert f"Opfølgningen for {name} er registreret" in text_of(screen, "#followups-note")
        assert "30-11-2026" in text_of(screen, "#followups-note")

    rows = [
        row
        for row in _tasks(engine)
        if row.citizen_id == citizens[int(name.split()[-1])] and row.trip_id == trip_id
    ]
    done = next(row for row in rows if row.kind is FollowUpKind.AFTER_TRIP)
    assert done.done_at is not None
    assert (done.note, done.company_id) == ("Vil gerne prøve lageret", company_id)
    following = next(row for row in rows if row.kind is FollowUpKind.NEXT_STEP)
    assert (following.next_step, following.due_date) == ("Praktiksamtale", TODAY + timedelta(7))
    assert following.done_at is None


def _tasks(engine: Engine) -> list[FollowUp]:
    with session_scope(engine) as session:
        rows = list(session.scalars(select(FollowUp)))
        session.expunge_all()
        return rows


async def test_a_refused_follow_up_keeps_what_was_typed(
    engine: Engine, db_path: Path, completed: tuple[int, list[int]]
) -> None:
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        await open_follow_ups(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, FollowUpDialog)
        await pilot.press(*"Ringet op")
        dialog.query_one("#fu-next-step", Input).value = "Møde på jobcentret"
        dialog.query_one("#fu-next-due", Input).value = "31-02-2026"
        await pilot.press("f10")
        await settle(app, pilot)
        again = app.screen
        assert isinstance(again, FollowUpDialog) and again is not dialog
        error = text_of(again, "#dialog-error")
        assert "Frist for næste skridt" in error and "31-02-2026" in error
        assert again.query_one("#fu-note", Input).value == "Ringet op"
        assert again.query_one("#fu-next-step", Input).value == "Møde på jobcentret"
        await pilot.press("escape")
        await settle(app, pilot)
    assert all(row.done_at is None for row in _tasks(engine))


async def test_an_outcome_is_recorded_after_the_trip_and_counts_in_the_figures(
    engine: Engine, db_path: Path, completed: tuple[int, list[int]]
) -> None:
    trip_id, citizens = completed
    company_id = hosts(engine, trip_id)[0]
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_follow_ups(app, pilot)
        await pilot.press("down")
        await settle(app, pilot)
        name = listed(screen)[1]
        await pilot.press("o")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, OutcomeDialog)
        # Start today and the trip the follow-up came from are filled in.
        assert dialog.query_one("#oc-start", Input).value == "23-11-2026"
        assert dialog.query_one("#oc-trip", Select).value == trip_id
        dialog.query_one("#oc-kind", Select).value = OutcomeKind.INTERNSHIP.value
        dialog.query_one("#oc-company", Select).value = company_id
        dialog.query_one("#oc-hours", Input).value = "7,5"
        await pilot.press("f10")
        await settle(app, pilot)
        # An internship needs its aim: asked for, and the rest is still there.
        again = app.screen
        assert isinstance(again, OutcomeDialog)
        assert "mål" in text_of(again, "#dialog-error")
        assert again.query_one("#oc-hours", Input).value == "7,5"
        assert again.query_one("#oc-company", Select).value == company_id
        again.query_one("#oc-aim", Input).value = "Lønnede timer efter 8 uger"
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is screen
        assert "Virksomhedspraktik er registreret" in text_of(screen, "#followups-note")
        assert any("Virksomhedspraktik" in row for row in history_texts(screen))

    with session_scope(engine) as session:
        outcome = session.scalars(select(Outcome)).one()
        assert outcome.citizen_id == citizens[int(name.split()[-1])]
        assert (outcome.kind, outcome.trip_id, outcome.company_id) == (
            OutcomeKind.INTERNSHIP,
            trip_id,
            company_id,
        )
        assert outcome.hours_per_week == 7.5
        assert outcome.review_date == TODAY + timedelta(weeks=13)
    figures = load_figures(engine, on=TODAY, today=TODAY)
    assert figures.total.ever.by_kind[OutcomeKind.INTERNSHIP] == 1


async def test_ending_a_placement_early_asks_why(
    engine: Engine, db_path: Path, completed: tuple[int, list[int]]
) -> None:
    trip_id, citizens = completed
    save_outcome(
        engine,
        citizens[0],
        OutcomeForm(kind="internship", start="23-11-2026", trip_id=trip_id, aim="Timer"),
        today=TODAY,
    )
    with session_scope(engine) as session:
        bodil = session.get(Citizen, citizens[0])
        assert bodil is not None
        bodil.name = "Bodil Ørum"  # through the ORM, which keeps the search text
        session.add(bodil)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_follow_ups(app, pilot)
        await pilot.press("slash", *"ØRUM")
        await settle(app, pilot)
        assert listed(screen) == ["Bodil Ørum"]
        await pilot.press("enter")  # to the list
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, EndOutcomeDialog)
        dialog.query_one("#end-date", Input).value = "01-12-2026"
        await pilot.press("f10")
        await settle(app, pilot)
        again = app.screen
        assert isinstance(again, EndOutcomeDialog)
        assert "hvorfor" in text_of(again, "#dialog-error").lower()
        assert again.query_one("#end-date", Input).value == "01-12-2026"
        again.query_one("#end-reason", Input).value = "Ryggen kunne ikke holde til det"
        await pilot.press("f10")
        await settle(app, pilot)
        # Ended early: a læringscase is offered at once.
        case = app.screen
        assert isinstance(case, LearningCaseDialog)
        await pilot.press("f10")  # nothing written: refused, and asked again
        await settle(app, pilot)
        case = app.screen
        assert isinstance(case, LearningCaseDialog)
        assert "perspektiv" in text_of(case, "#dialog-error").lower()
        await pilot.press(*"For tunge løft")
        case.query_one("#lc-lessons", Input).value = "Tal om løft før start"
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is screen
        assert "Læringscase" in text_of(screen, "#followups-note")

    with session_scope(engine) as session:
        outcome = session.scalars(select(Outcome)).one()
        assert outcome.end_date == TODAY + timedelta(days=8)
        assert outcome.ended_early
        assert outcome.end_reason == "Ryggen kunne ikke holde til det"
        written = session.scalars(select(LearningCase)).one()
        assert (written.outcome_id, written.citizen_id) == (outcome.id, citizens[0])
        assert (written.citizen_view, written.lessons) == (
            "For tunge løft",
            "Tal om løft før start",
        )


async def test_due_only_and_the_home_screen_show_what_is_late(
    engine: Engine, db_path: Path, completed: tuple[int, list[int]]
) -> None:
    _, citizens = completed
    with session_scope(engine) as session:
        session.execute(
            update(FollowUp)
            .where(FollowUp.citizen_id == citizens[2])  # type: ignore[arg-type]
            .values(due_date=TODAY - timedelta(days=3))
        )
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        home = text_of(app.screen, "#followups-due")
        assert "frist i dag eller før: 1" in home
        assert "Borger 02" in home and "Forfalden" in home
        screen = await open_follow_ups(app, pilot)
        assert len(listed(screen)) == 7
        await pilot.press("d")
        await settle(app, pilot)
        assert listed(screen) == ["Borger 02"]
        assert "Forfalden" in str(screen.query_one("#followups-list", DataTable).get_row_at(0)[1])
        await pilot.press("d")
        await settle(app, pilot)
        assert len(listed(screen)) == 7


def test_history_lists_trips_outcomes_and_follow_ups(
    engine: Engine, completed: tuple[int, list[int]]
) -> None:
    trip_id, citizens = completed
    with session_scope(engine) as session:
        names = [c.name for c in session.scalars(select(Company).order_by(Company.id))]
    history = citizen_history(engine, citizens[0], today=TODAY)
    assert [(trip.trip_id, trip.attendance_label) for trip in history.trips] == [(trip_id, "Mødt")]
    assert [name for _, name in history.companies()] == names
    assert [task.kind for task in history.follow_ups] == [FollowUpKind.AFTER_TRIP]
    # A citizen on the trip as a reserve cannot get an outcome "from" it.
    assert history.trips_taken_part() == history.trips


def test_typed_forms_are_read_the_danish_way(
    engine: Engine, completed: tuple[int, list[int]]
) -> None:
    trip_id, citizens = completed
    assert parse_hours("7,5") == 7.5
    assert parse_hours(" 12 ") == 12.0
    assert parse_hours("") is None
    with pytest.raises(UserError, match="antal timer"):
        parse_hours("halvdelen")
    with pytest.raises(UserError, match="Vælg, hvilket resultat"):
        save_outcome(engine, citizens[0], OutcomeForm(kind="", start="i dag"), today=TODAY)
    with pytest.raises(UserError, match="startdatoen"):
        save_outcome(engine, citizens[0], OutcomeForm(kind="paid_hours", start=""), today=TODAY)
    with pytest.raises(UserError, match="Slutdato"):
        save_outcome(
            engine,
            citizens[0],
            OutcomeForm(kind="paid_hours", start="i dag", end="32-12-2026"),
            today=TODAY,
        )
    outcome_id = save_outcome(
        engine,
        citizens[0],
        OutcomeForm(kind="paid_hours", start="i dag", hours="10", trip_id=trip_id),
        today=TODAY,
    )
    assert outcome_id > 0
    task = next(row for row in _tasks(engine) if row.citizen_id == citizens[1])
    assert save_follow_up(engine, task.id or 0, FollowUpForm(note="Ringet"), today=TODAY) is None


async def test_a_stalled_citizen_is_flagged_and_given_a_next_step(
    engine: Engine, db_path: Path, completed: tuple[int, list[int]]
) -> None:
    trip_id, citizens = completed
    task = next(row for row in _tasks(engine) if row.citizen_id == citizens[0])
    save_follow_up(engine, task.id or 0, FollowUpForm(note="Ringet, intet aftalt"), today=TODAY)
    with session_scope(engine) as session:
        bodil = session.get(Citizen, citizens[0])
        assert bodil is not None
        bodil.name = "Bodil Ørum"
        session.add(bodil)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_follow_ups(app, pilot)
        await pilot.press("slash", *"ørum", "enter")
        await settle(app, pilot)
        assert listed(screen) == ["Bodil Ørum"]  # found by search, though nothing is open
        assert "Står stille" in text_of(screen, "#followups-heading")
        await pilot.press("r")  # the only task is held: nothing to record
        await settle(app, pilot)
        assert "allerede registreret" in text_of(screen, "#followups-note")
        await pilot.press("n")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, FollowUpDialog)
        assert not dialog.query("#fu-note")  # a next step on its own has no talk to note
        await pilot.press(*"Ring om praktik")
        await pilot.press("f10")  # no date: refused, and asked again as typed
        await settle(app, pilot)
        again = app.screen
        assert isinstance(again, FollowUpDialog)
        assert again.query_one("#fu-next-step", Input).value == "Ring om praktik"
        again.query_one("#fu-next-due", Input).value = "i morgen"
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is screen
        assert "24-11-2026" in text_of(screen, "#followups-note")
        assert "Står stille" not in text_of(screen, "#followups-heading")
    step = next(
        row
        for row in _tasks(engine)
        if row.citizen_id == citizens[0] and row.kind is FollowUpKind.NEXT_STEP
    )
    assert (step.next_step, step.due_date, step.trip_id) == (
        "Ring om praktik",
        TODAY + timedelta(1),
        trip_id,
    )
