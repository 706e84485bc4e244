"""Keys typed into a field act in the order typed, even while the screen around it is busy.

Textual runs an Input's bindings (Backspace, Delete, the arrows) only once the key has bubbled
up to the app through every container's queue, while a letter goes into the field at once.
In a real terminal, deleting a search and typing it again while the results came in left
"aanm" for "anmo". `TextInput` handles its own keys itself; the first test shows the trouble
it works around is still Textual's (if it fails, Textual has fixed it: drop the workaround).
"""

import asyncio
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from screens.widgets.search_box import SearchBox
from screens.widgets.text_input import TextInput

ROOT = Path(__file__).resolve().parent.parent
KEYS = [("a", "a"), ("b", "b"), ("c", "c"), ("backspace", None), ("d", "d")]


class Busy(Message):
    """Keeps the field's container busy for a moment, as a search's results arriving do."""


class Box(Vertical):
    async def on_busy(self, _message: Busy) -> None:
        await asyncio.sleep(0.3)


class Harness(App[None]):
    def __init__(self, make: Callable[[], Input]) -> None:
        super().__init__()
        self.make = make

    def compose(self) -> ComposeResult:
        with Box(id="box"):
            yield self.make()


async def typed_while_busy(make: Callable[[], Input]) -> str:
    app = Harness(make)
    async with app.run_test() as pilot:
        field = app.query_one(Input)
        field.focus()
        await pilot.pause()
        app.query_one(Box).post_message(Busy())
        await pilot.pause()  # the container is now in its handler
        for key, character in KEYS:
            app.post_message(events.Key(key, character))
        await asyncio.sleep(0.6)
        await pilot.pause()
        return field.value


async def test_textuals_own_input_carries_out_a_backspace_after_the_letters_typed_later() -> None:
    assert await typed_while_busy(Input) == "abc"


@pytest.mark.parametrize("kind", [TextInput, SearchBox])
async def test_a_text_input_carries_out_each_key_in_the_order_typed(kind: type[Input]) -> None:
    assert await typed_while_busy(kind) == "abd"


async def test_enter_still_submits_and_the_arrows_still_move() -> None:
    submitted: list[str] = []

    class Form(Harness):
        def on_input_submitted(self, event: Input.Submitted) -> None:
            submitted.append(event.value)

    app = Form(lambda: TextInput("abc"))
    async with app.run_test() as pilot:
        field = app.query_one(Input)
        field.focus()
        await pilot.press("home", "right", "delete", "x", "end", "enter")
        assert field.value == "axc"
    assert submitted == ["axc"]


def test_every_field_the_screens_make_is_a_text_input() -> None:
    """A plain `Input(` in a screen would bring the lost Backspace back."""
    plain = re.compile(r"(?<![\w.])Input\(")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "screens").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if plain.search(line)
    ]
    assert found == []
