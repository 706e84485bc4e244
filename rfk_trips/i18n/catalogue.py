"""The translation catalogue: every sentence a user reads, in Danish (default) and English.

`t(key)` looks a key up in the run's language. The sentences are in `messages/`, one module per
key prefix (`trip.created` is in `messages/trip.py`), merged here into `MESSAGES`.
"""

import importlib
from collections.abc import Iterable, Mapping
from typing import Literal

Language = Literal["da", "en"]
LANGUAGES: tuple[Language, ...] = ("da", "en")

_language: Language = "da"


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(language)
    _language = language


def get_language() -> Language:
    return _language


def t(key: str, /, **params: object) -> str:
    """The sentence for `key` in the current language, with `params` filled in."""
    da, en = MESSAGES[key]
    text = en if _language == "en" else da
    return text.format(**params) if params else text


def number(count: int) -> str:
    """A whole number as the language writes it: 10.000 in Danish, 10,000 in English."""
    return f"{count:,}".replace(",", "," if _language == "en" else ".")


# The modules of `messages/` that hold key -> (Danish, English), each named after the prefix of
# its keys. Listed rather than discovered, so that a module is merged only when named here (a
# test checks the list against the files); imported by name because one is called `import`.
CATALOGUES: tuple[str, ...] = (
    "app",
    "audit",
    "backup",
    "calendar",
    "checkin",
    "citizens",
    "cli",
    "col",
    "common",
    "companies",
    "criterion",
    "criterion_short",
    "date",
    "db",
    "demo",
    "editor",
    "encryption",
    "error",
    "export",
    "export_results",
    "field",
    "filter",
    "findings",
    "followup",
    "followups",
    "form",
    "format",
    "glyph",
    "help",
    "history",
    "home",
    "import",
    "import_dialog",
    "label",
    "learning_case",
    "login",
    "nav",
    "never",
    "outcome",
    "palette",
    "participation",
    "printing",
    "privacy",
    "programme",
    "qualification",
    "reason",
    "register",
    "report",
    "restore",
    "results",
    "retention",
    "rule",
    "serve",
    "settings",
    "severity",
    "staff",
    "targets",
    "time",
    "trip",
    "trip_text",
    "trips",
    "visit",
    "visited",
    "what",
)


Catalogue = Mapping[str, tuple[str, str]]


def catalogue(name: str) -> Catalogue:
    """The sentences of `messages/<name>.py`."""
    messages: Catalogue = importlib.import_module(f"rfk_trips.i18n.messages.{name}").MESSAGES
    return messages


def merge(catalogues: Iterable[tuple[str, Catalogue]]) -> dict[str, tuple[str, str]]:
    """The named catalogues in one dictionary; a key defined twice is refused, not overwritten."""
    merged: dict[str, tuple[str, str]] = {}
    defined_in: dict[str, str] = {}
    for name, messages in catalogues:
        clash = sorted(merged.keys() & messages.keys())
        if clash:
            where = ", ".join(f"{key} ({defined_in[key]} and {name})" for key in clash)
            raise RuntimeError(f"message keys defined twice: {where}")
        merged.update(messages)
        defined_in.update(dict.fromkeys(messages, name))
    return merged


MESSAGES: dict[str, tuple[str, str]] = merge((name, catalogue(name)) for name in CATALOGUES)
