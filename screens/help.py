"""F1: help for the screen in front, built from its help text and its live key bindings."""

import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from rfk_trips.i18n import MESSAGES, t
from screens.bindings import translate_bindings

_KEY_NAMES = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "slash": "/",
    "escape": "Esc",
    "enter": "Enter",
    "delete": "Delete",
    "space": "Mellemrum",
}


def key_name(key: str) -> str:
    """`ctrl+n` → `Ctrl+N`, `f1` → `F1`, `slash` → `/`."""
    if key in _KEY_NAMES:
        return _KEY_NAMES[key]
    if key.startswith("ctrl+"):
        return "Ctrl+" + key.removeprefix("ctrl+").upper()
    if re.fullmatch(r"f\d+", key):
        return key.upper()
    return key


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss_help", "help.close", id="help-close"),
        Binding("f1", "dismiss_help", "help.close", id="help-close-f1", show=False),
    ]

    def __init__(self, topic: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        translate_bindings(self)
        self.topic = topic
        self.keys = keys

    def compose(self) -> ComposeResult:
        text_key = f"help.{self.topic}"
        body = t(text_key) if text_key in MESSAGES else t("help.general")
        with Vertical(id="help-dialog", classes="dialog"):
            yield Static(t("help.title"), id="help-title")
            with VerticalScroll():
                yield Static(body, id="help-body")
                lines = [f"  {key_name(key):<12} {description}" for key, description in self.keys]
                yield Static("\n".join([t("help.keys"), *lines]), id="help-keys")

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
