"""A list screen opened for the first time is drawn once, with its rows, and read once."""

from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Static

from rfk_trips.app.application import make_app
from rfk_trips.database.opening import open_database
from rfk_trips.exchange.demo_data import load_demo
from rfk_trips.registers import company_service
from rfk_trips.trips import trip_service
from rfk_trips.trips.format_settings import format_form_values, format_rows, save_format
from screens.dialogs.trip_dialogs import NewTripDialog
from screens.trips import trip_list as trips
from screens.widgets import mode_screen
from screens.widgets.mode_screen import ModeScreen
from tests.conftest import TODAY
from tests.database_choice import url_for


class Lists(ModeScreen):
    WAITS_FOR_DATA = True

    def __init__(self) -> None:
        super().__init__()
        self.drawings = 0

    def compose(self) -> ComposeResult:
        yield Static("Indlæser …", id="rows")

    def _compositor_refresh(self) -> None:
        if not self._waiting_for_data:
            self.drawings += 1
        super()._compositor_refresh()


class Home(ModeScreen):
    def compose(self) -> ComposeResult:
        yield Static("Oversigt")


class TwoModes(App[None]):
    MODES = {"home": Home, "lists": Lists}

    def on_mount(self) -> None:
        self.switch_mode("home")


async def test_the_screen_is_drawn_once_its_data_is_in() -> None:
    app = TwoModes()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.switch_mode("lists")
        screen = app.screen
        assert isinstance(screen, Lists)
        for _ in range(3):
            await pilot.pause()
        assert screen._waiting_for_data and screen.drawings == 0
        screen.query_one("#rows", Static).update("100 virksomheder")
        screen.data_shown()
        await pilot.pause(0.1)
        assert not screen._waiting_for_data and screen.drawings >= 1


async def test_a_screen_whose_data_never_comes_is_drawn_anyway(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(mode_screen, "FIRST_PAINT_WAIT_S", 0.05)
    app = TwoModes()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.switch_mode("lists")
        screen = app.screen
        assert isinstance(screen, Lists)
        await pilot.pause(0.3)
        assert not screen._waiting_for_data and screen.drawings >= 1


def _demo(db_path: Path) -> None:
    opened = open_database(url_for(db_path))
    load_demo(opened.engine, scale=1, seed=5, today=TODAY)
    opened.engine.dispose()


def _counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    calls: list[int] = []
    real = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


@pytest.mark.parametrize(("key", "module", "reader"), [
    ("f3", company_service, "company_rows"),
    ("f5", trips, "search_trips"),
])  # fmt: skip
async def test_a_first_opening_reads_its_rows_once_and_shows_them(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, key: str, module: Any, reader: str
) -> None:
    _demo(db_path)
    calls = _counting(monkeypatch, module, reader)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        screen = app.screen
        assert isinstance(screen, ModeScreen) and not screen._waiting_for_data
        table = screen.query_one("#table", DataTable)
        assert table.row_count > 0
        assert len(calls) == 1
        drawn = [table.render_line(y).text for y in range(1, 3)]
        assert all(line.strip() for line in drawn)
        # Coming back reads again: something may have changed meanwhile.
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(calls) == 2


async def test_ctrl_n_offers_the_trip_formats_as_they_are_now(db_path: Path) -> None:
    _demo(db_path)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # A colleague renames a format in Indstillinger while the trip list is open.
        engine = app.context.database().engine
        first = format_rows(engine)[0]
        values = format_form_values(engine, first.id) | {"name": "Guldborgsund, ny udgave"}
        save_format(engine, first.id, values)
        await pilot.press("ctrl+n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NewTripDialog)
        assert (first.code, "Guldborgsund, ny udgave") in dialog.formats
        assert dialog.formats == trip_service.format_choices(engine)


async def test_the_list_screens_styles_are_parsed_before_one_is_opened(db_path: Path) -> None:
    _demo(db_path)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        sources = {read_from[1] for read_from in app.stylesheet.source}
        assert {"Input.DEFAULT_CSS", "Horizontal.DEFAULT_CSS"} <= sources
        parsed = len(app.stylesheet._parse_cache)
        await pilot.press("f3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one("#table", DataTable).row_count > 0
        assert len(app.stylesheet._parse_cache) == parsed  # nothing new to parse on opening
