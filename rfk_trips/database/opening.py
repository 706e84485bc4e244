"""Opening the database for a user action: upgrade (with backup) and built-in reference data."""

import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DatabaseError, OperationalError

from rfk_trips.database.daily_backup import backup_once_a_day
from rfk_trips.database.damage import damaged_database_error
from rfk_trips.database.failures import database_failure, translate_storage_errors
from rfk_trips.database.keys import check_file_for_key
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError
from rfk_trips.rules.formats import BUILTIN_FORMATS, BUILTIN_MUNICIPALITIES, programme_to_stored
from storage import migrate
from storage.backup import looks_damaged
from storage.cipher import looks_encrypted
from storage.engine import make_engine, sqlite_path


@dataclass
class OpenedDatabase:
    engine: Engine
    url: str
    created: bool
    upgrade: migrate.UpgradeResult | None
    # The day's automatic copy: where it went, or the Danish warning when it could not be made.
    daily_backup: Path | None = field(default=None)
    daily_backup_warning: str | None = field(default=None)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    def describe(self) -> str:
        """Where the data lives, without a password."""
        if self.path is not None:
            return str(self.path)
        return self.engine.url.render_as_string(hide_password=True)


INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL's SQLSTATE for "permission denied"


def open_database(
    url: str, key: str | None = None, *, daily_backup: bool = False
) -> OpenedDatabase:
    """Open `url`, bring its schema up to date and make sure the built-in formats exist.

    With a `key` the file is a SQLCipher database (a new one is created encrypted). With
    `daily_backup` (the app and the command line ask for it; tests' many short opens do
    not), the first open of the day also leaves a copy in the backup folder.
    """
    path = sqlite_path(url)
    created = path is not None and not path.exists()
    where = path or make_url(url).render_as_string(hide_password=True)
    if path is not None and (key is not None or looks_encrypted(path)):
        check_file_for_key(path, key)  # a wrong key is refused without writing, like damage
    elif path is not None and looks_damaged(path):
        # Refused before SQLite touches it: opening sets WAL mode, which writes to the file.
        raise damaged_database_error(path)
    try:
        engine = make_engine(url, key)
    except (ModuleNotFoundError, ImportError) as exc:
        raise UserError(t("error.database_driver", where=where)) from exc
    except OSError as exc:  # a new file in a full or read-only folder
        message = database_failure(exc, path.parent if path else None)
        message = message or t("error.database_unreadable", path=where)
        raise UserError(message) from exc
    try:
        upgrade = migrate.upgrade(engine)
        if upgrade is not None:
            ensure_reference_data(engine)
    except migrate.NoDumpBeforeUpgradeError as exc:
        engine.dispose()
        raise UserError(t("error.no_dump_before_upgrade", where=where, reason=exc.args[0])) from exc
    except migrate.DatabaseTooNewError as exc:
        engine.dispose()
        raise UserError(t("error.database_too_new", revision=exc.args[0])) from exc
    except OperationalError as exc:
        engine.dispose()
        if (storage := database_failure(exc, path.parent if path else None)) is not None:
            raise UserError(storage) from exc  # busy, full or read-only: not damaged
        if path is not None and path.is_file() and not os.access(path.parent, os.W_OK):
            # SQLite cannot make its WAL files beside a database on a read-only drive.
            raise UserError(t("error.database_read_only")) from exc
        if path is None:
            raise UserError(t("error.database_connect", where=where)) from exc
        if path.is_file():
            raise damaged_database_error(path) from exc
        raise UserError(t("error.database_unreadable", path=where)) from exc
    except DatabaseError as exc:
        engine.dispose()
        if getattr(exc.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
            # A colleague's login opening a database that needs an upgrade: only the owner
            # may change the tables.
            raise UserError(t("error.database_upgrade_needs_owner", where=where)) from exc
        if path is not None and path.is_file():
            raise damaged_database_error(path) from exc
        raise UserError(t("error.database_unreadable", path=where)) from exc
    translate_storage_errors(engine, path.parent if path is not None else None)
    # A server database the administrator made empty gets its tables now: new to the user too.
    created = created or (upgrade is not None and upgrade.from_revision is None)
    opened = OpenedDatabase(engine, url, created, upgrade)
    if daily_backup and path is not None and not created:
        opened.daily_backup, opened.daily_backup_warning = backup_once_a_day(path, key)
    return opened


def ensure_reference_data(engine: Engine) -> None:
    """Write the built-in trip formats and municipalities where they are missing."""
    # Only after an upgrade: an up-to-date file opens without the ORM and the table models.
    from sqlmodel import col

    from storage.models import Municipality, TripFormat
    from storage.sessions import session_scope

    with session_scope(engine) as session:
        have_formats = set(session.scalars(select(col(TripFormat.code))))
        for spec in BUILTIN_FORMATS:
            if spec.code in have_formats:
                continue
            session.add(
                TripFormat(
                    code=spec.code,
                    name=spec.name,
                    min_participants=spec.min_participants,
                    max_participants=spec.max_participants,
                    visits=spec.visits,
                    start_time=spec.start_time,
                    end_time=spec.end_time,
                    min_staff=spec.min_staff,
                    requires_experienced_host=spec.requires_experienced_host,
                    single_cohort=spec.single_cohort,
                    trips_per_citizen=spec.trips_per_citizen,
                    programme=programme_to_stored(spec.programme),
                    staff_roles={role.value: count for role, count in spec.staff_roles.items()},
                    builtin=True,
                )
            )
        have_municipalities = set(session.scalars(select(col(Municipality.name))))
        for name, codes in BUILTIN_MUNICIPALITIES.items():
            if name not in have_municipalities:
                session.add(Municipality(name=name, format_codes=list(codes)))
