"""Resultater by keys: the figures of `stats`, one trip at a time, and fresh after a change."""

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from textual.widgets import DataTable, Input, Select, Static

from rfk_trips.app.application import RfkTripsApp, make_app
from screens.after_trip.follow_up import FollowUpScreen
from screens.dialogs.follow_up_dialogs import OutcomeDialog
from screens.results.results_screen import ResultsScreen
from storage.codes import OutcomeKind
from tests.database_choice import url_for
from tests.pilot_helpers import settle
from tests.trip_builders import results_world


@pytest.fixture
def world(engine: Engine) -> dict[str, int]:
    return results_world(engine)


async def open_results(app: RfkTripsApp, pilot: Any) -> ResultsScreen:
    await settle(app, pilot)
    await pilot.press("f9")
    await settle(app, pilot)
    assert isinstance(app.screen, ResultsScreen)
    return app.screen


def text_of(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def figure(report: str, name: str) -> str:
    """The number after `name` on its line of the report."""
    line = next(line for line in report.splitlines() if line.strip().startswith(name))
    return line.removeprefix(line[: line.index(name) + len(name)]).split()[0]


async def test_the_overview_is_the_stats_report_and_a_trip_can_be_chosen(
    engine: Engine, db_path: Path, world: dict[str, int]
) -> None:
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_results(app, pilot)
        report = text_of(screen, "#results-overview")
        assert "Resultater af busturene" in report
        assert figure(report, "Ture gennemført") == "2"
        assert figure(report, "Inviterede deltagere") == "5"
        assert "Gennemførte ture: 2" in text_of(screen, "#results-status")

        await pilot.press("2")
        await settle(app, pilot)
        trips = screen.query_one("#results-trips", DataTable)
        assert trips.has_focus and trips.row_count == 2
        # Newest first: the Guldborgsund trip of September, then Lolland in March.
        assert [str(trips.get_row_at(i)[0]) for i in range(2)] == ["01-09-2026", "10-03-2026"]
        await pilot.press("down", "enter")
        await settle(app, pilot)
        report = text_of(screen, "#results-overview")
        assert "Kun turen 10-03-2026" in report
        assert figure(report, "Inviterede deltagere") == "3"
        assert "kun turen" in text_of(screen, "#results-status")

        await pilot.press("escape")  # all trips again, still on the screen
        await settle(app, pilot)
        assert app.screen is screen
        assert figure(text_of(screen, "#results-overview"), "Ture gennemført") == "2"
        await pilot.press("3")
        await settle(app, pilot)
        companies = screen.query_one("#results-companies", DataTable)
        assert {str(companies.get_row_at(i)[0]) for i in range(companies.row_count)} == {
            "Nakskov Stål A/S",
            "Maribo Kro",
        }


async def test_filters_are_read_the_danish_way_and_small_counts_can_be_hidden(
    engine: Engine, db_path: Path, world: dict[str, int]
) -> None:
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_results(app, pilot)
        field = screen.query_one("#results-from", Input)
        field.focus()
        await pilot.press(*"31-02-2026", "enter")
        await settle(app, pilot)
        status = text_of(screen, "#results-status")
        assert "Fra dato" in status and "31-02-2026" in status
        field.value = ""
        await pilot.press(*"1-4-2026", "enter")
        await settle(app, pilot)
        assert figure(text_of(screen, "#results-overview"), "Ture gennemført") == "1"

        screen.query_one("#results-municipality", Select).value = "Lolland"
        await settle(app, pilot)
        # Lolland's only trip was in March, before the period.
        assert "ingen gennemførte ture" in text_of(screen, "#results-overview")
        field.value = ""
        screen.query_one("#results-municipality", Select).clear()
        await settle(app, pilot)
        screen.query_one("#results-overview-scroll").focus()
        await pilot.press("s")
        await settle(app, pilot)
        report = text_of(screen, "#results-overview")
        assert figure(report, "Inviterede deltagere") == "5"  # 5 is shown
        assert figure(report, "Mødt") == "<5"
        assert "<5" in text_of(screen, "#results-status")


async def test_an_outcome_recorded_in_the_ui_shows_in_the_figures_at_once(
    engine: Engine, db_path: Path, world: dict[str, int]
) -> None:
    """The issue's "done when": complete, record, and see the trip's result change."""
    from rfk_trips.trips import check_in

    check_in.complete_trip(engine, world["guld"])  # makes the follow-up tasks, if not yet
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_results(app, pilot)
        before = figure(text_of(screen, "#results-overview"), "Småjob / få timer")
        assert before == "0"

        await pilot.press("f8")
        await settle(app, pilot)
        follow_ups = app.screen
        assert isinstance(follow_ups, FollowUpScreen)
        await pilot.press("o")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, OutcomeDialog)
        dialog.query_one("#oc-kind", Select).value = OutcomeKind.SMALL_JOB.value
        dialog.query_one("#oc-start", Input).value = "20-11-2026"
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is follow_ups

        await pilot.press("f9")
        await settle(app, pilot)
        assert app.screen is screen
        assert figure(text_of(screen, "#results-overview"), "Småjob / få timer") == "1"


async def test_charts_over_time_and_target_progress(
    engine: Engine, db_path: Path, world: dict[str, int]
) -> None:
    from rfk_trips.results.targets import HalfYear, set_target
    from storage.codes import TargetMeasure

    set_target(engine, "Guldborgsund", HalfYear(2026, 2), TargetMeasure.IN_PAID_WORK, 4)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_results(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        trend = text_of(screen, "#results-trend")
        # Credited outcomes start in March (c0's internship) and September (c3's flex job).
        assert "mar 2026" in trend and "sep 2026" in trend
        assert "01-09-2026" in trend and "1/2" in trend  # Guldborgsund: 1 of 2 came
        await pilot.press("5")
        await settle(app, pilot)
        targets = text_of(screen, "#results-targets")
        assert "2. halvår 2026" in targets and "Guldborgsund" in targets
        assert "1/4" in targets and "█" in targets  # c3's flex job counts as paid work
        await pilot.press("s")
        await settle(app, pilot)
        assert "1/2" not in text_of(screen, "#results-trend")
        assert "<5" in text_of(screen, "#results-trend")
