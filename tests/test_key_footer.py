"""The footer: one widget drawing the screen's keys, redrawn only when they change."""

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets import Input

from screens.widgets.footer import KeyFooter

WIDTH = 80


class _CountingFooter(KeyFooter):
    draws = 0

    def render_line(self, y: int) -> Strip:
        self.draws += 1
        return super().render_line(y)


class _Keys(App[None]):
    BINDINGS = [
        Binding("f5", "edit", "Rediger"),
        Binding("f6", "new", "Ny"),
        Binding("f7", "delete", "Slet"),
    ]
    can_edit = True
    can_delete = True
    new_count = 0
    delete_count = 0
    bells = 0

    def compose(self) -> ComposeResult:
        yield Input()
        yield _CountingFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # False hides the key, as a register list hides Rediger with no row chosen;
        # None shows it dimmed.
        if action == "edit":
            return self.can_edit
        if action == "delete":
            return True if self.can_delete else None
        return True

    def action_new(self) -> None:
        self.new_count += 1

    def action_delete(self) -> None:
        self.delete_count += 1

    def bell(self) -> None:
        self.bells += 1


def _footer(app: App[None]) -> _CountingFooter:
    return app.query_one(_CountingFooter)


def _line(app: App[None]) -> str:
    return _footer(app).render_line(0).text


async def _started(app: _Keys, pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause()


async def test_the_line_shows_each_key_its_description_and_the_palette_key() -> None:
    app = _Keys()
    async with app.run_test(size=(WIDTH, 10)) as pilot:
        await _started(app, pilot)
        line = _line(app)
        assert len(line) == WIDTH
        # Textual's spacing: the key padded one space each side, then the description.
        assert " f5 Rediger  f6 Ny  f7 Slet " in line
        assert line.endswith("▏^p palette ")


async def test_a_hidden_key_disappears_and_a_disabled_key_is_dim() -> None:
    app = _Keys()
    async with app.run_test(size=(WIDTH, 10)) as pilot:
        await _started(app, pilot)
        app.can_edit = False
        app.can_delete = False
        app.refresh_bindings()
        await pilot.pause()
        line = _footer(app).render_line(0)
        assert "Rediger" not in line.text
        assert " f6 Ny  f7 Slet " in line.text
        styles = {segment.text: segment.style for segment in line}
        assert styles["Slet "] is not None and styles["Slet "].dim
        assert styles["Ny "] is not None and not styles["Ny "].dim


async def test_bindings_signals_that_change_nothing_do_not_redraw() -> None:
    app = _Keys()
    async with app.run_test(size=(WIDTH, 10)) as pilot:
        await _started(app, pilot)
        footer = _footer(app)
        before = footer.draws
        for _ in range(5):
            app.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert footer.draws == before

        app.can_edit = False
        for _ in range(5):
            app.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert footer.draws == before + 1  # five signals, one redraw


async def test_a_click_on_a_key_runs_it_and_on_a_disabled_key_rings_the_bell() -> None:
    app = _Keys()
    async with app.run_test(size=(WIDTH, 10)) as pilot:
        await _started(app, pilot)
        await pilot.click(KeyFooter, offset=(_line(app).index("Ny"), 0))
        await pilot.pause()
        assert app.new_count == 1

        app.can_delete = False
        app.refresh_bindings()
        await pilot.pause()
        await pilot.click(KeyFooter, offset=(_line(app).index(" f7 "), 0))
        await pilot.pause()
        assert (app.delete_count, app.bells) == (0, 1)


async def test_a_click_on_the_palette_key_opens_the_palette() -> None:
    app = _Keys()
    async with app.run_test(size=(WIDTH, 10)) as pilot:
        await _started(app, pilot)
        await pilot.hover(KeyFooter, offset=(WIDTH - 3, 0))
        await pilot.pause()
        assert _footer(app).tooltip == "Open the command palette"
        await pilot.click(KeyFooter, offset=(WIDTH - 3, 0))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_descriptions_that_do_not_fit_are_cut_before_the_palette_key() -> None:
    app = _Keys()
    async with app.run_test(size=(30, 10)) as pilot:
        await _started(app, pilot)
        line = _line(app)
        assert len(line) == 30
        assert line == " f5 Rediger  f6 Ny▏^p palette "  # " f6 Ny " cut at 18 columns
