"""F1: help for the screen in front, built from its help text and its live key bindings."""

import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from rfk_trips.i18n.catalogue import MESSAGES, t
from screens.widgets.bindings import translate_bindings

_KEY_NAMES = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "slash": "/",
    "escape": "Esc",
    "enter": "Enter",
    "delete": "Delete",
    "space": "Mellemrum",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "super+c": "Cmd+C",
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
}


# Textual's own keys worth telling, in the user's language. The rest (arrows, Home, End, …
# in fields and tables) do what they say on the key, and their descriptions are English.
_TEXTUAL_KEYS = {
    "Focus Next": "help.key.focus_next",
    "Focus Previous": "help.key.focus_previous",
    "Copy selected text": "help.key.copy",
    "Select": "help.key.select",  # Enter in a list: the screen opens what it chose
}


def help_description(binding: Binding) -> str | None:
    """What help says of a key: ours (they have ids) as they read, a few of Textual's
    translated, and None (left out) for Textual's others."""
    if binding.id is not None:
        return binding.description or None
    known = _TEXTUAL_KEYS.get(binding.description)
    return t(known) if known else None


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
                # Text, not markup: the page keys are "[" and "]".
                yield Static("\n".join([t("help.keys"), *lines]), id="help-keys", markup=False)

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
