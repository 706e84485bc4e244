"""The user's own settings (language, theme, initials), in a small JSON file in their config."""

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from rfk_trips.config.environment import config_folder


@dataclass
class Preferences:
    lang: str = "da"
    theme: str = "textual-dark"
    # Who the audit log and the print records name; empty means the OS login.
    initials: str = ""


def preferences_path() -> Path:
    return config_folder() / "settings.json"


def load_preferences() -> Preferences:
    """The saved settings; defaults when there are none or the file cannot be read."""
    path = preferences_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Preferences()
    prefs = Preferences()
    if data.get("lang") in ("da", "en"):
        prefs.lang = data["lang"]
    if isinstance(data.get("theme"), str):
        prefs.theme = data["theme"]
    if isinstance(data.get("initials"), str):
        prefs.initials = clean_initials(data["initials"])
    return prefs


INITIALS_MAX = 10


def clean_initials(text: str) -> str:
    """Initials as kept: no surrounding or inner runs of spaces, at most INITIALS_MAX long."""
    return " ".join(text.split())[:INITIALS_MAX]


def save_preferences(prefs: Preferences) -> None:
    path = preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(prefs), indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
