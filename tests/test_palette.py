"""Textual's own words in the user's language: the command palette, and the hint Ctrl+C gives."""

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from textual.command import CommandInput, CommandList
from textual.widgets import Select

from rfk_trips.app.application import RfkTripsApp
from rfk_trips.config.preferences import load_preferences
from rfk_trips.i18n.catalogue import set_language, t
from screens.shell.home import HomeScreen
from screens.shell.palette import RfkCommandPalette
from screens.widgets.footer import KeyFooter
from tests.pilot_helpers import SIZE, AppPilot, pause_until, settle, start, type_text

# What Textual's palette says in English; none of it may reach a Danish user.
TEXTUAL_ENGLISH = ("Theme", "Quit", "Keys", "Screenshot", "Maximize", "No matches found")


def shown(palette: RfkCommandPalette) -> list[str]:
    """Each line of the palette's list: the command and its help, or a notice."""
    results = palette.query_one(CommandList)
    return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]


async def open_palette(app: RfkTripsApp, pilot: AppPilot) -> RfkCommandPalette:
    await settle(app, pilot)
    assert isinstance(app.screen, HomeScreen)
    await pilot.press("ctrl+p")
    await settle(app, pilot)
    palette = app.screen
    assert isinstance(palette, RfkCommandPalette)
    return palette


async def test_the_palette_and_its_key_are_danish(db_path: Path, demo_engine: Engine) -> None:
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert (
            app.screen.query_one(KeyFooter).render_line(0).text.rstrip().endswith("^p kommandoer")
        )
        palette = await open_palette(app, pilot)
        assert palette.query_one(CommandInput).placeholder == "Søg efter en kommando …"
        listed = "\n".join(shown(palette))
        assert "Farvetema" in listed and "Afslut" in listed and "Virksomheder" in listed
        for english in TEXTUAL_ENGLISH:
            assert english not in listed

        await type_text(pilot, "zzqx")
        results = palette.query_one(CommandList)
        # The palette waits half a second on a timer of its own before it says so.
        await pause_until(
            pilot, lambda: results.option_count > 0 and results.get_option_at_index(0).disabled
        )
        await pilot.pause()
        notice = results.get_option_at_index(0)
        assert notice.disabled
        assert str(notice.prompt.renderable) == "Ingen kommandoer passer"


async def test_english_when_the_user_chose_english(db_path: Path, demo_engine: Engine) -> None:
    app = start(db_path, lang="en")
    try:
        async with app.run_test(size=SIZE) as pilot:
            palette = await open_palette(app, pilot)
            assert palette.query_one(CommandInput).placeholder == "Search for a command …"
            assert "Colour theme" in "\n".join(shown(palette))
    finally:
        set_language("da")


async def test_the_theme_command_opens_the_settings_at_the_theme(
    db_path: Path, demo_engine: Engine
) -> None:
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_palette(app, pilot)
        await type_text(pilot, "farvetema")
        await settle(app, pilot)
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert app.current_mode == "settings"
        theme = app.screen.query_one("#theme", Select)
        assert app.focused is theme

        # Chosen there, the theme is kept for the next start.
        other = next(name for name in sorted(app.available_themes) if name != app.theme)
        theme.value = other
        await settle(app, pilot)
        assert app.theme == other
        assert load_preferences().theme == other


@pytest.mark.parametrize("lang", ["da", "en"])
async def test_quit_from_the_palette(db_path: Path, demo_engine: Engine, lang: str) -> None:
    app = start(db_path, lang=lang)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await open_palette(app, pilot)
            await type_text(pilot, t("app.quit"))
            await settle(app, pilot)
            assert not app._exit
            await pilot.press("down", "enter")
            await pilot.pause()
            assert app._exit  # App.exit was called: the app is closing
    finally:
        set_language("da")


async def test_ctrl_c_says_in_danish_how_to_quit(db_path: Path, demo_engine: Engine) -> None:
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        shown = [(n.title, n.message) for n in app._notifications]
        assert ("Vil du afslutte?", "Tryk Ctrl+Q for at afslutte rfk-trips.") in shown
        assert app.is_running  # a hint, not a quit
