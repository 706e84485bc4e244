"""The footer every screen shows: the line Textual's Footer shows, drawn by one widget."""

from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget


class _Key(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str


class _Span(NamedTuple):
    """Where a key was drawn in the last line, so a click at x finds it."""

    start: int
    end: int
    key: _Key


# The keys in the order shown, then the command palette's key (None when it is not shown).
_Shown = tuple[tuple[_Key, ...], _Key | None]


class KeyFooter(Widget):
    """The screen's keys and the command palette's key on one line at the bottom.

    Textual's Footer is a container of one widget per key: opening a register list
    styled, laid out and drew sixteen of them, and rebuilt them all on every bindings
    signal (focus moving, a worker's result and a filter filling in each send one). This
    is a single widget that draws the same line, and draws it again only when what it
    shows differs; signals that arrive together give one check.

    Binding groups (Binding.Group) are drawn as separate keys: no screen uses them.
    """

    ALLOW_SELECT = False

    COMPONENT_CLASSES = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--disabled",
        "key-footer--hover",
        "key-footer--palette-border",
    }

    # The colours and the padding of Textual's FooterKey (the description's padding is
    # drawn as a space here), so the themes colour this footer as they colour Textual's.
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-footer--disabled {
            text-style: dim;
        }
        & > .key-footer--hover {
            background: $block-hover-background;
        }
        & > .key-footer--palette-border {
            color: $foreground 20%;
        }
    }
    """

    _bindings_ready = False
    _check_pending = False
    _shown: _Shown | None = None
    _spans: tuple[_Span, ...] = ()
    _hover: int | None = None  # index in _spans of the key under the mouse

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _keys_shown(self) -> _Shown:
        active = self.screen.active_bindings
        keys: dict[str, _Key] = {}
        for _, binding, enabled, tooltip in active.values():
            # As Textual's Footer: one key per action, the first bound.
            if binding.show and binding.action not in keys:
                display = self.app.get_key_display(binding)
                keys[binding.action] = _Key(
                    binding.key, display, binding.description, enabled, tooltip
                )
        palette: _Key | None = None
        if self.app.ENABLE_COMMAND_PALETTE and self.app.COMMAND_PALETTE_BINDING in active:
            _, binding, enabled, _ = active[self.app.COMMAND_PALETTE_BINDING]
            palette = _Key(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                enabled,
                binding.tooltip or binding.description,
            )
        return tuple(keys.values()), palette

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._check_pending:
            self._check_pending = True
            self.call_after_refresh(self._refresh_if_changed)

    def _refresh_if_changed(self) -> None:
        self._check_pending = False
        if self.is_attached and self._keys_shown() != self._shown:
            self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        # Textual fills the rest of the line with the background alone.
        base = Style(bgcolor=self.rich_style.bgcolor)
        if y or not self._bindings_ready:
            return Strip.blank(width, base)
        shown = self._keys_shown()
        if shown != self._shown:
            self._hover = None  # the index may now name another key
            self._shown = shown
        keys, palette = shown
        palette_segments = self._palette_segments(palette) if palette else []
        keys_width = max(0, width - Strip(palette_segments).cell_length)
        segments: list[Segment] = []
        spans: list[_Span] = []
        x = 0
        for key in keys:
            if x >= keys_width:
                break
            key_segments = self._key_segments(key, hover=len(spans) == self._hover)
            end = x + sum(segment.cell_length for segment in key_segments)
            spans.append(_Span(x, min(end, keys_width), key))
            segments.extend(key_segments)
            x = end
        # A description that runs into the palette's key is cut, not wrapped.
        line = Strip(segments).crop(0, keys_width).extend_cell_length(keys_width, base)
        if palette:
            if len(spans) == self._hover:
                palette_segments = self._palette_segments(palette, hover=True)
            spans.append(_Span(keys_width, width, palette))
            # Docked right as in Textual: a line narrower than the key cuts its left end.
            palette_strip = Strip(palette_segments)
            palette_strip = palette_strip.crop(max(0, palette_strip.cell_length - width))
            line = Strip.join([line, palette_strip])
        self._spans = tuple(spans)
        return line.extend_cell_length(width, base)

    def _style(self, component: str, key: _Key, hover: bool) -> Style:
        style = self.get_component_rich_style(component)
        if not key.enabled:
            style += self.get_component_rich_style("key-footer--disabled", partial=True)
        if hover:
            style += self._hover_background()
        return style

    def _hover_background(self) -> Style:
        return Style(bgcolor=self.get_component_rich_style("key-footer--hover").bgcolor)

    def _key_segments(self, key: _Key, hover: bool = False) -> list[Segment]:
        key_style = self._style("key-footer--key", key, hover)
        if not key.description:
            return [Segment(key.display, key_style)]
        description_style = self._style("key-footer--description", key, hover)
        return [
            Segment(f" {key.display} ", key_style),
            Segment(f"{key.description} ", description_style),
        ]

    def _palette_segments(self, key: _Key, hover: bool = False) -> list[Segment]:
        # Textual draws the palette's key compact, docked right behind a thin border.
        border_style = self.get_component_rich_style("key-footer--palette-border")
        padding_style = (
            self._hover_background() if hover else Style(bgcolor=self.rich_style.bgcolor)
        )
        segments = [Segment("▏", border_style)]
        segments.append(Segment(key.display, self._style("key-footer--key", key, hover)))
        if key.description:
            description_style = self._style("key-footer--description", key, hover)
            segments.append(Segment(f" {key.description}", description_style))
        segments.append(Segment(" ", padding_style))
        return segments

    def _span_at(self, x: int) -> int | None:
        for index, span in enumerate(self._spans):
            if span.start <= x < span.end:
                return index
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._span_at(event.x)
        if index is None:
            return
        key = self._spans[index].key
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover_over(self._span_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._hover_over(None)

    def _hover_over(self, index: int | None) -> None:
        if index == self._hover:
            return
        self._hover = index
        tooltip = self._spans[index].key.tooltip if index is not None else ""
        self.tooltip = tooltip or None
        self.refresh()
