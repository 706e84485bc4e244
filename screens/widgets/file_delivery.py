"""Files that leave the app for the person using it: saved here in a terminal, downloaded in
a browser.

In a terminal the app runs on the user's own machine and saves files there (the programme's
PDF in the documents folder, then the printer; a screenshot in the working folder). In a
browser session (`rfk-trips serve`) it runs on a server: a file saved there would reach nobody,
and the server's printer is not the user's. There every file is offered to the browser instead,
with Textual's `App.deliver_binary`, and printing is downloading the PDF. Screens ask
`in_browser` which way a file goes, and hand a browser's file to `offer_download`.
"""

from datetime import datetime
from io import BytesIO
from typing import Any

from textual.app import App

from rfk_trips.documents.downloads import Download
from rfk_trips.i18n.catalogue import t


def in_browser(app: App[Any]) -> bool:
    """Whether the app runs in a browser (textual-serve's web driver), not a terminal."""
    return app.is_web


def offer_download(app: App[Any], download: Download) -> None:
    """Let the browser download `download`, and say so; call on the app's own thread."""
    _deliver(app, download)
    app.notify(t("serve.download_offered", name=download.name), markup=False)


def offer_screenshot(app: App[Any]) -> None:
    """The screen in front as SVG, downloaded (F12 in a browser session).

    Not Textual's `deliver_screenshot`, which tells of the delivery in English.
    """
    stamp = datetime.now().strftime("%Y-%m-%d_%H-%M-%S")
    svg = app.export_screenshot()
    _deliver(app, Download(f"rfk-trips-{stamp}.svg", svg.encode("utf-8"), "image/svg+xml"))
    app.notify(t("serve.screenshot_offered"), markup=False)


def _deliver(app: App[Any], download: Download) -> None:
    app.deliver_binary(
        BytesIO(download.data),
        save_filename=download.name,
        mime_type=download.mime_type,
        open_method="download",
    )
