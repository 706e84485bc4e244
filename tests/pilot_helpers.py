"""Driving the app with Textual's Pilot, the same way in every screen test (not a test module).

`settle` is the one way a test waits for the app: it never sleeps, it waits for the workers
and lets the messages run until nothing new is started.
"""

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static
from textual.worker import WorkerCancelled

from rfk_trips.app.application import RfkTripsApp, make_app
from screens.registers.register_screen import RegisterScreen
from screens.shell.home import HomeScreen
from tests.database_choice import url_for

SIZE = (140, 45)
AppPilot = Pilot[None]

# A worker's result can post a message whose handler starts the next worker, or refresh a
# table whose refresh posts another message. The screen tests each had a copy of `settle`
# waiting two or three such rounds; all now get three, and the loop after them waits on
# while a chain of workers keeps going (as the register tests' copy did).
SETTLE_ROUNDS = 3
MAX_SETTLE_ROUNDS = 10


def start(db_path: Path, lang: str = "da") -> RfkTripsApp:
    return make_app(database_url=url_for(db_path), lang=lang)


async def _workers_done(app: App[Any]) -> None:
    # An exclusive worker replaced by a newer one (the live lists read again when the change
    # watcher reports, at a moment of its own): the newer is waited for next round.
    with contextlib.suppress(WorkerCancelled):
        await app.workers.wait_for_complete()


async def settle(app: App[Any], pilot: Pilot[Any]) -> None:
    """Let messages run and every worker finish, until nothing new is started."""
    for _ in range(SETTLE_ROUNDS):
        await _workers_done(app)
        await pilot.pause()
    for _ in range(MAX_SETTLE_ROUNDS):
        if all(worker.is_finished for worker in app.workers):
            return
        await _workers_done(app)
        await pilot.pause()
    raise AssertionError("workers kept starting")


async def settle_for_snapshot(pilot: Pilot[Any]) -> None:
    """`settle`, then hold every input's cursor steady (snap_compare's `run_before`).

    A blinking cursor is caught on or off by chance, so the inputs hold it steady.
    """
    await settle(pilot.app, pilot)
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


async def pause_until(
    pilot: Pilot[Any], condition: Callable[[], bool], within_s: float = 10.0
) -> None:
    """Let the app run until `condition` holds: for what Textual does on a timer of its own."""
    deadline = time.monotonic() + within_s
    while not condition():
        assert time.monotonic() < deadline, f"still not so after {within_s} s"
        await pilot.pause(0.02)


async def wait_for_home(app: RfkTripsApp, pilot: Pilot[Any]) -> HomeScreen:
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, HomeScreen)
    return screen


async def type_text(pilot: AppPilot, text: str) -> None:
    """Type like a quick typist: a key event per character, then wait once.

    `pilot.press` waits for the app to go idle after every key (~70 ms each); sending the
    same key events back to back keeps the file fast and, in the search box, also checks
    that search-as-you-type ends on the last text typed.
    """
    for character in text:
        key = character if character.isalnum() else _character_to_key(character)
        pilot.app.post_message(events.Key(key, character))
    await pilot.pause()  # the app has routed every key to the focused widget ...
    await pilot.pause()  # ... and that widget has handled them


async def clear_input(pilot: AppPilot) -> None:
    await pilot.press("end", "ctrl+u")


def static_text(widget: Static) -> str:
    return str(widget.render())


# --- the register lists ----------


async def open_register(app: RfkTripsApp, pilot: AppPilot, key: str) -> RegisterScreen:
    await settle(app, pilot)
    assert isinstance(app.screen, HomeScreen)
    await pilot.press(key)
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, RegisterScreen)
    return screen


def row_keys(screen: RegisterScreen) -> list[str]:
    table = screen.query_one("#table", DataTable)
    return [str(row.key.value) for row in table.ordered_rows]
