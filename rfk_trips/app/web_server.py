"""The web server of `rfk-trips serve`: textual-serve's, with rfk-trips' page and fonts.

Imported only by `serving.serve`, once the serve extra (textual-serve, aiohttp) is known to be
there. textual-serve's own page asks a third-party font site for its font and speaks English;
ours (`web/app_index.html`) takes the fonts from this server (`web_fonts`) and speaks the
run's language. `Server._make_app` is textual-serve's, not a public hook: the routes are added
to what it builds, and `tests/test_serve.py` fails by name when it goes away.
"""

from pathlib import Path

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server

from rfk_trips.app.web_fonts import FAMILY, OWN_FONTS_FOLDER, WEB_FONTS
from rfk_trips.i18n.catalogue import get_language, t

WEB_FOLDER = Path(__file__).with_name("web")
FONTS_ROUTE = "/fonts"
TITLE = "rfk-trips"


class RfkServer(Server):
    """textual-serve's server with rfk-trips' page, its fonts, and its words."""

    def __init__(self, command: str, *, host: str, port: int) -> None:
        super().__init__(command, host=host, port=port, title=TITLE, templates_path=WEB_FOLDER)

    async def _make_app(self) -> web.Application:
        # textual-serve's routes (the page, the websocket, downloads, its static files), and
        # ours: the fonts folder, and the page's words in the run's language.
        app = await super()._make_app()
        app.router.add_static(FONTS_ROUTE, OWN_FONTS_FOLDER, name="fonts")
        aiohttp_jinja2.get_env(app).globals.update(page_globals(self.public_url))
        return app

    async def on_startup(self, app: web.Application) -> None:
        # Instead of textual-serve's banner, which shows the command (and the database URL).
        self.console.print(t("serve.listening", url=self.public_url), highlight=False)


def page_globals(public_url: str) -> dict[str, object]:
    """What the page template reads besides textual-serve's own: words and font URLs."""
    fonts = [
        f"{public_url}{'/static' if font.route == 'static' else FONTS_ROUTE}/{font.file_name}"
        for font in WEB_FONTS
    ]
    return {
        "font_family": FAMILY,
        # The browser tries the face declared last first: the fallback is declared first.
        "font_urls": list(reversed(fonts)),
        "lang": get_language(),
        "texts": {
            "starting": t("serve.page_starting"),
            "start": t("serve.page_start"),
            "closed": t("serve.page_closed"),
            "restart": t("serve.page_restart"),
        },
    }
