"""Every symbol the app shows has a glyph in the fonts the served page gives the browser.

A browser draws the terminal with the fonts `rfk_trips.app.web_fonts` serves; a character
in none of them would come out as an empty box (as Textual's ⭘ and the old ⓘ did). Every
character past ASCII in the sources of `screens` and `rfk_trips` (their texts, glyphs and
styles) is looked up in those fonts' character maps.
"""

from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="the serve extra (rfk-trips[serve]) is not installed")

from fontTools.ttLib import TTFont

from rfk_trips.app.web_fonts import WEB_FONTS, font_path

ROOT = Path(__file__).resolve().parent.parent
# Drawn by the browser's terminal (xterm.js) itself, whatever the font: box and block lines.
DRAWN_BY_THE_TERMINAL = range(0x2500, 0x25A0)


def _characters_in_sources() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for room in ("screens", "rfk_trips"):
        for path in sorted((ROOT / room).rglob("*")):
            if path.suffix not in {".py", ".tcss", ".html"}:
                continue
            for character in path.read_text(encoding="utf-8"):
                if ord(character) > 0x7F and ord(character) not in DRAWN_BY_THE_TERMINAL:
                    found.setdefault(character, set()).add(str(path.relative_to(ROOT)))
    return found


def _covered() -> set[int]:
    covered: set[int] = set()
    for font in WEB_FONTS:
        covered |= set(TTFont(font_path(font)).getBestCmap())
    return covered


def test_every_character_the_app_shows_is_in_the_served_fonts() -> None:
    covered = _covered()
    missing = {
        f"{character} U+{ord(character):04X}": sorted(paths)
        for character, paths in _characters_in_sources().items()
        if ord(character) not in covered and character.isprintable()
    }
    assert not missing, f"no served font has these (use a common symbol instead): {missing}"


def test_the_check_finds_a_glyph_no_served_font_has() -> None:
    # Textual's own title icon, which the title bar no longer shows: in neither font.
    assert ord("⭘") not in _covered()
    assert ord("ⓘ") not in _covered()
    assert {ord(c) for c in "æøåÆØÅ✓✗⚑⚠→"} <= _covered()
