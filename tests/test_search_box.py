"""SearchBox: typing redraws the box, not the screen, and a long text still scrolls."""

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Static

from screens.widgets.search_box import SearchBox

TYPED = "virksomheder i guldborgsund kommune"


class Boxes(App[None]):
    CSS = "Input { width: 20; }"

    def __init__(self, box: type[Input]) -> None:
        super().__init__()
        self.box = box

    def compose(self) -> ComposeResult:
        yield Static("Søg")
        yield self.box(id="find")


async def layouts_while_typing(box: type[Input], monkeypatch: pytest.MonkeyPatch) -> int:
    app = Boxes(box)
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.pause()
        layouts = 0
        real = Screen._refresh_layout

        def counted(self: Screen[None], *args: object, **kwargs: object) -> None:
            nonlocal layouts
            layouts += 1
            real(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        field = app.query_one("#find", Input)
        field.focus()
        for character in TYPED:
            await pilot.press("space" if character == " " else character)
        await pilot.pause()
        assert field.value == TYPED
        shown = "".join(segment.text for segment in field.render_line(0))
        assert TYPED[-8:] in shown  # scrolled to the end of what was typed
        assert field.scroll_x > 0
        monkeypatch.setattr(Screen, "_refresh_layout", real)
        return layouts


async def test_typing_in_a_search_box_lays_out_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    assert await layouts_while_typing(SearchBox, monkeypatch) == 0
    # The stock Input lays the screen out again as its text grows: what SearchBox avoids.
    assert await layouts_while_typing(Input, monkeypatch) > len(TYPED) // 2
