"""Bringing a database to the current schema, with a backup of an older file first."""

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from storage.backup import copy_database, unused_path
from storage.engine import engine_key, sqlite_path
from storage.server_roles import grant_to_colleagues

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

# The newest revision in migrations/versions. Start-up compares against this constant so
# that opening an up-to-date database never has to import Alembic; a test keeps it true.
HEAD_REVISION = "0019_getting_there"


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


class DatabaseTooNewError(Exception):
    """The database was written by a newer rfk-trips than this one."""


class NoDumpBeforeUpgradeError(Exception):
    """A PostgreSQL database needs an upgrade, and no dump of it could be taken first (the
    argument: the missing tool's name, or pg_dump's own words)."""


def server_backup_folder() -> Path:
    """Where the dumps taken before upgrading a server's database go: beside the default file."""
    from storage.engine import default_db_path

    return default_db_path().parent / "server-kopier"


def backup_server_before_upgrade(engine: Engine, revision: str) -> Path:
    from storage import server_dump
    from storage.private_files import private_folder

    folder = private_folder(server_backup_folder())
    name = engine.url.database or "rfk"
    target = unused_path(folder, f"{name}.før-opgradering-{revision}", ".dump")
    try:
        server_dump.dump(engine.url.render_as_string(hide_password=False), target)
    except server_dump.ToolMissing as exc:
        raise NoDumpBeforeUpgradeError(f"{exc.tool}: not found") from exc
    except server_dump.ToolFailed as exc:
        raise NoDumpBeforeUpgradeError(str(exc)) from exc
    return target


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def is_empty(engine: Engine) -> bool:
    with engine.connect() as conn:
        return not inspect(conn).get_table_names()


def _alembic_config(engine: Engine) -> "object":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # Never the passphrase of an encrypted file: the connection is handed over instead (and
    # the config parser would read a "%" in it as interpolation).
    url = engine.url.render_as_string(hide_password=True).replace("%", "%%")
    config.set_main_option("sqlalchemy.url", url)
    return config


def known_revisions() -> list[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return [rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions()]


def backup_before_upgrade(path: Path, revision: str | None, key: str | None = None) -> Path:
    """A consistent, private copy of the file beside it, named with the time and revision.

    The copy of an encrypted database is encrypted with the same key."""
    target = unused_path(
        path.parent, f"{path.stem}.før-opgradering-{revision or 'tom'}", path.suffix
    )
    copy_database(path, target, key=key)
    return target


def upgrade(engine: Engine, revision: str = "head") -> UpgradeResult | None:
    """Upgrade to `revision`; None when already there. Backs up an older SQLite file first."""
    before = current_revision(engine)
    if revision == "head" and before == HEAD_REVISION:
        return None
    from alembic import command

    if before is not None and before not in known_revisions():
        raise DatabaseTooNewError(before)
    backup = None
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    if path is not None and before is not None and path.exists():
        backup = backup_before_upgrade(path, before, engine_key(engine))
    elif before is not None and engine.dialect.name == "postgresql":
        backup = backup_server_before_upgrade(engine, before)
    config = _alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn  # type: ignore[attr-defined]
        command.upgrade(config, revision)  # type: ignore[arg-type]
        grant_to_colleagues(conn)
    return UpgradeResult(before, current_revision(engine) or "", backup)
