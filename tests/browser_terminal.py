"""The served app in a real headless Chromium, read as the screen a person sees (not a test
module).

Textual in a browser draws into xterm.js's canvas, which holds no text a page query could
read, and textual-serve's page does not turn on xterm's screen-reader tree. What reaches the
canvas is the terminal output on the page's websocket: Playwright hands over every frame,
and `pyte` (a terminal emulator) plays them onto a screen of the browser terminal's size, so
a test reads rows and columns as they stand, not a log of everything ever drawn.
"""

import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

CHROMIUM = os.environ.get("RFK_TRIPS_TEST_CHROMIUM", "/usr/bin/chromium")
# Nothing of the browser's own reaches out: no updates, no sync, no QUIC, no first-run page.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}
# How long a step may take before the test says what the screen showed instead: generous, for
# a CI machine of two cores running the rest of the suite beside it; a good run takes ~1 s.
PATIENCE_S = 30.0


def chromium_problem() -> str | None:
    """Why the browser test cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
        import pyte  # noqa: F401
    except ImportError as exc:
        return f"the browser test needs the test extra: {exc}"
    if shutil.which(CHROMIUM) is None:
        return f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run installs it)"
    return None


def need_chromium() -> None:
    """Skip without Chromium, except under CI, where its absence fails the test."""
    problem = chromium_problem()
    if problem is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs the browser test's Chromium: {problem}")
        pytest.skip(problem)


@dataclass
class BrowserTerminal:
    """The page, the terminal's screen as last drawn, and every request the page made."""

    page: Any
    requests: list[str] = field(default_factory=list)
    downloads: list[Any] = field(default_factory=list)
    _screen: Any = None
    _stream: Any = None

    def attach(self, websocket: Any) -> None:
        import pyte

        size = parse_qs(urlsplit(websocket.url).query)
        columns, rows = int(size["width"][0]), int(size["height"][0])
        self._screen = pyte.Screen(columns, rows)
        self._stream = pyte.ByteStream(self._screen)
        websocket.on("framereceived", self._received)
        websocket.on("framesent", self._sent)

    def _received(self, payload: bytes | str) -> None:
        if isinstance(payload, bytes) and self._stream is not None:
            self._stream.feed(payload)

    def _sent(self, payload: bytes | str) -> None:
        if isinstance(payload, str) and payload.startswith('["resize"'):
            import json

            size = json.loads(payload)[1]
            self._screen.resize(size["height"], size["width"])

    def caught(self, download: Any) -> None:
        self.downloads.append(download)

    def text(self) -> str:
        """The screen's rows, as the person at the browser sees them now."""
        if self._screen is None:
            return ""
        return "\n".join(line.rstrip() for line in self._screen.display)

    def wait_for(
        self, condition: Callable[[str], bool], what: str, within_s: float = PATIENCE_S
    ) -> str:
        """The screen's text, once `condition` holds of it."""
        deadline = time.monotonic() + within_s
        while True:
            shown = self.text()
            if condition(shown):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"never saw {what}; the screen:\n{shown}")
            self.page.wait_for_timeout(100)

    def wait_for_text(self, text: str, within_s: float = PATIENCE_S) -> str:
        return self.wait_for(lambda shown: text in shown, repr(text), within_s)

    def focus(self) -> None:
        """Give the terminal the keyboard, as a person's first click on the page does."""
        self.page.locator(".xterm-helper-textarea").focus()

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text, delay=30)


@contextmanager
def browser_on(url: str) -> Iterator[BrowserTerminal]:
    """Chromium on the served page, with the terminal read as a screen."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
            page = context.new_page()
            terminal = BrowserTerminal(page)
            context.on("request", lambda request: terminal.requests.append(request.url))
            # textual.js opens a download in a new tab; Chromium reports it on the page.
            page.on("download", terminal.caught)
            page.on("websocket", terminal.attach)
            page.goto(url + "/")
            yield terminal
        finally:
            browser.close()
