"""The Textual application and its factory: the composition root wiring screens to the domain."""

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from rfk_trips.app_context import AppContext
from rfk_trips.i18n import set_language, t
from screens.bindings import translate_bindings
from screens.home import HomeScreen


class RfkTripsApp(App[None]):
    """rfk-trips in the terminal."""

    CSS_PATH = "../screens/app.tcss"
    TITLE = "rfk-trips"
    BINDINGS = [
        Binding("ctrl+q", "quit", "app.quit", id="quit", priority=True),
        Binding("f2", "save_screenshot", "app.screenshot_binding", id="screenshot"),
    ]

    def __init__(
        self,
        context: AppContext,
        *,
        exit_when_ready: bool = False,
        screenshot: Path | None = None,
    ) -> None:
        super().__init__()
        translate_bindings(self)
        self.context = context
        self.exit_when_ready = exit_when_ready
        self.screenshot = screenshot
        self.title = t("app.title")

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.context))

    def on_home_screen_ready(self, _message: HomeScreen.Ready) -> None:
        if self.screenshot is not None:
            self.call_after_refresh(self._save_screenshot_and_exit, self.screenshot)
        elif self.exit_when_ready:
            self.call_after_refresh(self.exit)

    def _save_screenshot_and_exit(self, target: Path) -> None:
        self.save_screenshot(filename=target.name, path=str(target.parent.resolve()))
        self.exit()

    def action_save_screenshot(self) -> None:
        path = self.save_screenshot(path=str(Path.cwd()))
        self.notify(t("app.screenshot", path=path))

    def on_unmount(self) -> None:
        self.context.close()


def make_app(
    *,
    database_url: str,
    lang: str = "da",
    exit_when_ready: bool = False,
    screenshot: Path | None = None,
) -> RfkTripsApp:
    set_language(lang)
    return RfkTripsApp(
        AppContext(database_url), exit_when_ready=exit_when_ready, screenshot=screenshot
    )
