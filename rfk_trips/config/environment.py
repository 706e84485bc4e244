"""What rfk-trips takes from the machine it runs on: the RFK_TRIPS_* variables and its folders.

Every RFK_TRIPS_* variable is in `VARIABLES`, with what it sets and what holds without it, and
is read here only, each time it is needed (so a test may set it late). An empty variable counts
as unset.

The platform's folders (platformdirs): the user config folder, for the settings, is found here;
the user data folder, for the default database, is `storage.engine.default_db_path`, since
storage places and protects that file itself and may not import rfk_trips. The database
variables are read here and handed down to it (`database_choice`).

Outside these: the OS login names who acts when no initials are set (`storage.actor`), and the
programs rfk-trips starts (`lp`, `lpstat`) inherit the environment as it is.
"""

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

APP_NAME = "rfk-trips"


@dataclass(frozen=True)
class Variable:
    """An environment variable: its name, what it sets, and what holds when it is not set."""

    name: str
    meaning: str
    default: str

    def value(self) -> str | None:
        """The variable's value now; None when it is unset or empty."""
        return os.environ.get(self.name) or None


DATABASE_URL = Variable(
    "RFK_TRIPS_DATABASE_URL",
    "The database as a full SQLAlchemy URL. --database-url and --db go before it.",
    "RFK_TRIPS_DB, else the default database file",
)
DB = Variable(
    "RFK_TRIPS_DB",
    "The database's SQLite file. --database-url, --db and RFK_TRIPS_DATABASE_URL go before it.",
    "rfk-trips.db in the user data folder (storage.engine.default_db_path)",
)
KEY_FILE = Variable(
    "RFK_TRIPS_KEY_FILE",
    "A file (readable by its owner only) with the passphrase of an encrypted database. "
    "--key-file goes before it.",
    "the passphrase is asked for on the terminal",
)
CONFIG_DIR = Variable(
    "RFK_TRIPS_CONFIG_DIR",
    "The folder of the user's settings.json (language, theme, initials).",
    "the user config folder, e.g. ~/.config/rfk-trips on Linux",
)
PRINT_DIR = Variable(
    "RFK_TRIPS_PRINT_DIR",
    "The folder printed programmes are saved in (~ is expanded).",
    "udskrifter beside the default database, in the user data folder",
)
TODAY = Variable(
    "RFK_TRIPS_TODAY",
    "Today's date as YYYY-MM-DD, so tests, snapshots and demos see a fixed day.",
    "the system's date",
)

VARIABLES: tuple[Variable, ...] = (DATABASE_URL, DB, KEY_FILE, CONFIG_DIR, PRINT_DIR, TODAY)


def database_choice(db_path: str | None, database_url: str | None) -> tuple[str | None, str | None]:
    """(path, URL) of the database for `storage.engine.resolve_database_url`: --db and
    --database-url as given, or when neither is, RFK_TRIPS_DB and RFK_TRIPS_DATABASE_URL."""
    if db_path or database_url:
        return db_path, database_url
    return DB.value(), DATABASE_URL.value()


def key_file_given(given: str | Path | None) -> str | Path | None:
    """The passphrase's file: --key-file, else RFK_TRIPS_KEY_FILE; None when neither is given."""
    return given or KEY_FILE.value()


def config_folder() -> Path:
    """The folder of settings.json: RFK_TRIPS_CONFIG_DIR, else the user config folder."""
    if folder := CONFIG_DIR.value():
        return Path(folder)
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def print_folder() -> Path | None:
    """RFK_TRIPS_PRINT_DIR; None when unset, for the default beside the database."""
    configured = PRINT_DIR.value()
    return Path(configured).expanduser() if configured else None


def frozen_today() -> date | None:
    """RFK_TRIPS_TODAY as a date; None when unset, for the system's date."""
    frozen = TODAY.value()
    return date.fromisoformat(frozen) if frozen else None
