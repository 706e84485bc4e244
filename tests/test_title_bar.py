"""The title line: one widget drawing the line Textual's Header draws."""

from collections.abc import Callable

import pytest
from textual.app import App, ComposeResult
from textual.command import CommandPalette
from textual.widget import Widget
from textual.widgets import Header, Static

from rfk_trips.i18n.catalogue import t
from screens.widgets.title_bar import ICON, TitleBar

WIDTH = 80
LONG = "rfk-trips – busture til arbejdsmarkedet for borgere langt fra det ordinære job"


class _Titled(App[None]):
    def __init__(self, bar: Callable[[], Widget], title: str, sub_title: str = "") -> None:
        super().__init__()
        self._bar = bar
        self.title = title
        self.sub_title = sub_title

    def compose(self) -> ComposeResult:
        yield self._bar()
        yield Static("indhold")


async def _first_line(app: _Titled) -> tuple[str, tuple[str | None, ...]]:
    """The top line's text and each cell's colour, as the terminal would get them."""
    async with app.run_test(size=(WIDTH, 5)) as pilot:
        await pilot.pause()
        line = app.screen._compositor.render_strips()[0]
        colours = tuple(
            str(segment.style.bgcolor) if segment.style else None
            for segment in line
            for _ in segment.text
        )
        return line.text, colours


@pytest.mark.parametrize(
    ("title", "sub_title"),
    [("rfk-trips – busture til arbejdsmarkedet", ""), ("rfk-trips", "Revision"), (LONG, "")],
)
async def test_the_line_is_the_one_textuals_header_draws(title: str, sub_title: str) -> None:
    ours = await _first_line(_Titled(TitleBar, title, sub_title))
    # Header with our icon: Header's own (U+2B58) is in no font a browser has.
    textuals = await _first_line(_Titled(lambda: Header(icon=ICON), title, sub_title))
    assert ours == textuals
    assert len(ours[0]) == WIDTH
    if title == LONG:
        assert "…" in ours[0]  # cut to fit, as Header cuts it
    else:
        assert title in ours[0]


async def test_a_new_subtitle_is_drawn() -> None:
    app = _Titled(TitleBar, "rfk-trips")
    async with app.run_test(size=(WIDTH, 5)) as pilot:
        await pilot.pause()
        assert "Check-in" not in app.screen._compositor.render_strips()[0].text
        app.screen.sub_title = "Check-in"
        await pilot.pause()
        assert "rfk-trips — Check-in" in app.screen._compositor.render_strips()[0].text


async def test_a_click_opens_the_command_palette_and_the_tooltip_says_so() -> None:
    app = _Titled(TitleBar, "rfk-trips")
    async with app.run_test(size=(WIDTH, 5)) as pilot:
        await pilot.pause()
        bar = app.query_one(TitleBar)
        assert bar.tooltip == t("app.palette_tooltip")
        assert "kommandopaletten" in str(bar.tooltip)
        assert not isinstance(app.screen, CommandPalette)
        await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
