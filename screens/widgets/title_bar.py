"""The title line every screen shows: the line Textual's Header shows, drawn by one widget."""

from textual import events
from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

from rfk_trips.i18n.catalogue import t

# Textual's Header: an icon docked left in 8 cells (padded by one), the title centred in
# what remains beside the 10 cells its clock space keeps on the right. Header's own icon
# (U+2B58, a heavy circle) is in almost no font a browser has: this circle is in all of them.
ICON = "●"
ICON_CELLS = 8
RIGHT_CELLS = 10


class TitleBar(Widget):
    """The app's title and the screen's subtitle, with the icon that opens the palette.

    Textual's Header is four widgets (itself, icon, title, clock space): a fifth of what
    opening a register list styled and laid out. This one draws the same line alone; a
    click on it opens the command palette, as a click on Header's icon does, and its
    tooltip says so in the user's language, not in English.
    """

    ALLOW_SELECT = False

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        self.tooltip = t("app.palette_tooltip")
        for node in (self.app, self.screen):
            self.watch(node, "title", self._retitle, init=False)
            self.watch(node, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def _title(self) -> Content:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        return app.format_title(title, sub_title)

    def render(self) -> RenderResult:
        title_cells = max(0, self.size.width - ICON_CELLS - RIGHT_CELLS)
        icon = Content(f" {ICON}").pad_right(ICON_CELLS - 2)
        title = self._title().truncate(title_cells, ellipsis=True).center(title_cells)
        return Content.assemble(icon, title, " " * RIGHT_CELLS)

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        await self.run_action("app.command_palette")
