"""`rfk-trips db ...`, `backup` and `restore`: the database file itself."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from rfk_trips.cli.support import (
    CliState,
    pass_state,
)
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError

# --- database ----------


@click.group()
def db() -> None:
    """Databasen: hvor den ligger, opgradering, kontrol og kryptering."""


@db.command("path")
@pass_state
def db_path_command(state: CliState) -> None:
    """Skriv, hvor databasen ligger."""
    from storage.engine import shown_url, sqlite_path

    path = sqlite_path(state.url)
    # A server URL is shown without its password, which may stand in it.
    click.echo(str(path) if path is not None else shown_url(state.url))


@db.command("upgrade")
@pass_state
def db_upgrade(state: CliState) -> None:
    """Opgradér databasen til denne versions skema (med sikkerhedskopi først)."""
    from storage.migrate import HEAD_REVISION

    opened = state.database()
    if opened.created and opened.path is None:
        click.echo(t("db.tables_created", where=opened.describe(), revision=HEAD_REVISION))
    elif opened.created:
        click.echo(t("db.created", path=opened.describe()))
    elif opened.upgrade is None:
        click.echo(t("db.up_to_date", revision=HEAD_REVISION))


@contextmanager
def _database_as_it_is(state: CliState) -> Iterator[Any]:
    """The database file not opened for use (no upgrade), so a damaged one can be checked
    and restored over."""
    from storage.engine import make_engine

    engine = make_engine(state.url, state.key())
    try:
        yield engine
    finally:
        engine.dispose()


@db.command("grant")
@pass_state
def db_grant(state: CliState) -> None:
    """Fælles PostgreSQL-database: giv kollegernes rolle rfk_trips_brugere adgang (som ejer)."""
    from storage.engine import is_sqlite
    from storage.server_roles import COLLEAGUES, grant_to_colleagues

    if is_sqlite(state.url):
        raise UserError(t("db.grant_needs_postgresql"))
    engine = state.engine
    with engine.begin() as connection:
        if not grant_to_colleagues(connection):
            raise UserError(t("db.no_colleagues_role", role=COLLEAGUES))
    click.echo(t("db.granted", role=COLLEAGUES))


@db.command("check")
@pass_state
def db_check(state: CliState) -> None:
    """Kontrollér databasens integritet og fremmednøgler, og at revisionsloggen er ubrudt."""
    from rfk_trips.database.backups import check_database
    from rfk_trips.privacy.audit_log import audit_chain_report
    from rfk_trips.privacy.audit_text import chain_failure, chain_ok
    from storage.migrate import HEAD_REVISION

    chain = None
    with _database_as_it_is(state) as engine:
        result = check_database(engine)
        # An older schema has no chain yet: the upgrade that opening does will start it.
        if not result.problems and result.revision == HEAD_REVISION:
            chain = audit_chain_report(engine, against_backup=True)
    if result.problems:
        raise UserError(t("db.check_failed", problems="; ".join(result.problems[:5])))
    if chain is not None and not chain.intact:
        raise UserError(chain_failure(chain))
    click.echo(t("db.check_ok", revision=result.revision))
    if chain is not None:
        click.echo(chain_ok(chain))


@db.command("encrypt")
@pass_state
def db_encrypt(state: CliState) -> None:
    """Kryptér databasen med SQLCipher (adgangskode fra --key-file, ellers spørges der)."""
    from rfk_trips.cli.support import terminal_asker
    from rfk_trips.database.encryption import encrypt_database

    for line in encrypt_database(state.url, state.key_file, terminal_asker()):
        click.echo(line)


@db.command("decrypt")
@pass_state
def db_decrypt(state: CliState) -> None:
    """Gør en krypteret database ukrypteret igen (kræver adgangskoden)."""
    from rfk_trips.cli.support import terminal_asker
    from rfk_trips.database.encryption import decrypt_database

    for line in decrypt_database(state.url, state.key_file, terminal_asker()):
        click.echo(line)


@db.command("rekey")
@click.option(
    "--new-key-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Fil med den nye adgangskode; ellers spørges der to gange.",
)
@pass_state
def db_rekey(state: CliState, new_key_file: Path | None) -> None:
    """Skift adgangskoden til en krypteret database (den gamle fra --key-file, ellers spørges
    der)."""
    from rfk_trips.cli.support import terminal_asker
    from rfk_trips.database.encryption import rekey_database

    for line in rekey_database(state.url, state.key_file, new_key_file, terminal_asker()):
        click.echo(line)


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_state
def backup(state: CliState, file: Path) -> None:
    """Tag en sikkerhedskopi af databasen til FIL."""
    from rfk_trips.database.backups import backup_to

    backup_to(state.engine, file)
    click.echo(t("backup.done", path=file))


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Gendan, selv om databasen er nyere end kopien.")
@pass_state
def restore(state: CliState, file: Path, force: bool) -> None:
    """Gendan databasen fra en sikkerhedskopi (den nuværende gemmes først)."""
    from rfk_trips.database.backups import restore_from

    # The backup's kind decides: a damaged database (or one of the other kind) is set aside.
    state.key(file, for_database=False)
    with _database_as_it_is(state) as engine:
        result = restore_from(engine, file, force=force)
    click.echo(t("restore.done", path=file, safety=result.safety_copy))
    if result.now_unencrypted:
        from storage.engine import sqlite_path

        click.echo(t("encryption.restored_plain", path=sqlite_path(state.url)))


COMMANDS: tuple[click.Command, ...] = (
    db,
    backup,
    restore,
)
