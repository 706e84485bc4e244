"""The fonts the served page gives the browser, so that it fetches none from elsewhere.

textual-serve's terminal asks for the family "Roboto Mono", which its page would fetch from a
third-party font site. rfk-trips serves it from here instead: textual-serve's own copy of Roboto
Mono (Apache-2.0) first, and the DejaVu Sans shipped for the printed programmes (Bitstream Vera
licence, free to redistribute) under the same family name for what Roboto Mono lacks (✓, ✗, ⚑,
⚠, arrows). The browser takes each character from the first of these that has it, so no glyph
the app shows depends on the fonts of the machine the browser runs on.
"""

from dataclasses import dataclass
from pathlib import Path

from rfk_trips.documents.programme_pdf import FONT_DIR

FAMILY = "Roboto Mono"  # the family textual-serve's terminal (textual.js) asks for


@dataclass(frozen=True)
class WebFont:
    """A font file the page serves, by the route it is served under and its file name."""

    route: str  # "static" (textual-serve's folder) or "fonts" (ours)
    file_name: str


# In the order the browser tries them for a character.
WEB_FONTS: tuple[WebFont, ...] = (
    WebFont("static", "fonts/RobotoMono-VariableFont_wght.ttf"),
    WebFont("fonts", "DejaVuSans.ttf"),
)
OWN_FONTS_FOLDER = FONT_DIR


def font_path(font: WebFont) -> Path:
    """Where the served font lies on this machine."""
    if font.route == "fonts":
        return OWN_FONTS_FOLDER / font.file_name
    import textual_serve

    return Path(textual_serve.__file__).parent / "static" / font.file_name
