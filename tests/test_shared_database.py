"""A job centre on one PostgreSQL server: ids after the demo, backups, passwords, logins.

The tests marked postgresql_only run on the real server `.ci/postgres` starts; the colleagues'
logins they make are roles of that throwaway server, dropped again at the end.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError

from rfk_trips.cli.main import cli
from rfk_trips.database.opening import open_database
from rfk_trips.privacy.audit_log import audit_lines
from rfk_trips.registers.staff_service import save_staff, staff_form_values
from rfk_trips.rules.errors import UserError
from rfk_trips.trips import trip_service
from storage.models import AuditEntry, Trip
from storage.sequences import realign_sequences
from storage.server_roles import COLLEAGUES
from storage.sessions import session_scope
from tests.conftest import TODAY
from tests.database_choice import db_option
from tests.trip_builders import DAY


def run(db: Path, *args: str, url: str | None = None) -> Result:
    option = ["--database-url", url] if url else db_option(db)
    return CliRunner().invoke(cli, [*option, *args])


def test_a_new_trip_after_the_demo_gets_an_id_of_its_own(demo_engine: Engine) -> None:
    """The demo writes explicit ids; PostgreSQL's sequences must be moved past them."""
    with session_scope(demo_engine) as session:
        highest = max(session.scalars(select(Trip.id)), key=lambda value: value or 0) or 0
    trip_id = trip_service.create_trip(demo_engine, format_code="lolland", trip_date=DAY)
    assert trip_id == highest + 1


def test_sequences_move_only_where_there_are_sequences(engine: Engine) -> None:
    with engine.begin() as connection:
        moved = realign_sequences(connection)
    assert (moved > 0) == (engine.dialect.name == "postgresql")


@pytest.mark.parametrize(
    "args",
    [
        ("db", "path"),
        ("db", "encrypt"),
        ("db", "check"),
        ("backup", "kopi.dump"),
        ("trips",),
    ],
)
def test_no_message_shows_the_password_of_a_server_url(args: tuple[str, ...]) -> None:
    url = "postgresql+psycopg://planner:hemmeligt-kodeord@127.0.0.1:1/rfk"
    result = CliRunner().invoke(cli, ["--database-url", url, *args])
    assert "hemmeligt-kodeord" not in result.output
    assert "Traceback" not in result.output


# --- backups with PostgreSQL's tools ------------------------------------------------------


@pytest.mark.postgresql_only
def test_backup_and_restore_bring_the_database_back(demo_engine: Engine, db_path: Path) -> None:
    dump = db_path.parent / "kopi.dump"
    assert run(db_path, "backup", str(dump)).exit_code == 0
    assert dump.stat().st_size > 0
    trip_id = trip_service.create_trip(demo_engine, format_code="lolland", trip_date=DAY)
    demo_engine.dispose()

    refused = run(db_path, "restore", str(dump))
    assert refused.exit_code == 1
    assert "efter sikkerhedskopien blev taget" in refused.output

    restored = run(db_path, "restore", str(dump), "--force")
    assert restored.exit_code == 0, restored.output
    assert "Den tidligere database er gemt i" in restored.output
    with session_scope(demo_engine) as session:
        assert session.get(Trip, trip_id) is None  # the trip made after the backup is gone
    safety = list(db_path.parent.glob("*.før-gendannelse-*.dump"))
    assert len(safety) == 1 and safety[0].stat().st_size > 0


@pytest.mark.postgresql_only
def test_a_file_that_is_no_dump_is_refused_and_nothing_changes(
    demo_engine: Engine, db_path: Path
) -> None:
    note = db_path.parent / "noter.dump"
    note.write_text("indkøbsliste", encoding="utf-8")
    result = run(db_path, "restore", str(note), "--force")
    assert result.exit_code == 1
    assert "er ikke en rfk-trips-sikkerhedskopi" in result.output
    with session_scope(demo_engine) as session:
        assert session.scalars(select(Trip)).first() is not None


@pytest.mark.postgresql_only
def test_without_pg_dump_the_backup_says_what_to_install(
    engine: Engine, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(db_path.parent))
    target = db_path.parent / "kopi.dump"
    result = run(db_path, "backup", str(target))
    assert result.exit_code == 1
    assert "pg_dump" in result.output and "postgresql-client" in result.output
    assert not target.exists()


# --- each colleague known -----------------------------------------------------------------


@pytest.fixture
def logins(engine: Engine, database_url: str) -> Iterator[dict[str, str]]:
    """Two colleagues' own logins (members of the colleagues' role) and the owner's URL."""
    suffix = os.getpid()
    names = {"anne": f"anne_{suffix}", "bo": f"bo_{suffix}"}
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        # Test workers run side by side on one server, and roles are the server's, not a
        # database's: the second to create the group finds it made.
        connection.execute(
            text(
                f"DO $$ BEGIN CREATE ROLE {COLLEAGUES} NOLOGIN; "
                "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
            )
        )
        for name in names.values():
            connection.execute(text(f"DROP ROLE IF EXISTS {name}"))
            connection.execute(
                text(f"CREATE ROLE {name} LOGIN PASSWORD 'kode-{name}' IN ROLE {COLLEAGUES}")
            )
    assert run(Path(), "db", "grant", url=database_url).exit_code == 0
    base = make_url(database_url)
    urls = {
        person: base.set(username=name, password=f"kode-{name}").render_as_string(
            hide_password=False
        )
        for person, name in names.items()
    }
    yield {**urls, **{f"{person}_login": name for person, name in names.items()}}
    engine.dispose()
    with create_engine(database_url, isolation_level="AUTOCOMMIT").connect() as connection:
        for name in names.values():
            connection.execute(text(f"DROP OWNED BY {name}"))
            connection.execute(text(f"DROP ROLE IF EXISTS {name}"))


@pytest.mark.postgresql_only
def test_the_log_names_the_login_whatever_initials_are_set(
    engine: Engine, logins: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from storage import actor

    actor.set_actor("XX")  # the settings file's initials: not who the server knows
    for person in ("anne", "bo"):
        colleague = open_database(logins[person]).engine
        trip_service.create_trip(colleague, format_code="lolland", trip_date=DAY)
        colleague.dispose()
    actors = [line.actor for line in audit_lines(engine, limit=2)]
    assert actors == [logins["bo_login"], logins["anne_login"]]


@pytest.mark.postgresql_only
def test_a_staff_record_with_the_login_names_the_colleague_in_the_log(
    engine: Engine, logins: dict[str, str]
) -> None:
    save_staff(
        engine,
        None,
        {"name": "Anne Holm", "initials": "AHO", "role": "jobformidler",
         "login": logins["anne_login"].upper()},
        today=TODAY,
    )  # fmt: skip
    colleague = open_database(logins["anne"]).engine
    trip_service.create_trip(colleague, format_code="lolland", trip_date=DAY)
    colleague.dispose()
    assert audit_lines(engine, limit=1)[0].actor == f"{logins['anne_login']} (AHO)"


@pytest.mark.postgresql_only
@pytest.mark.parametrize(
    ("statement", "refusal"),
    [
        (
            "INSERT INTO audit_entry (id, at, actor, action, entity, fields, detail, prev_hash, "
            "entry_hash) VALUES (999999, now(), 'en anden', 'x', 'y', '', '', '', '')",
            "must be the login",
        ),
        ("UPDATE audit_entry SET actor = 'en anden'", "permission denied"),
        ("DELETE FROM audit_entry", "permission denied"),
        ("DELETE FROM audit_citizen", "permission denied"),
        ("DROP TRIGGER audit_entry_append_only ON audit_entry", "must be owner"),
        ("DROP TRIGGER audit_entry_actor_is_login ON audit_entry", "must be owner"),
        ("ALTER TABLE audit_entry DISABLE TRIGGER ALL", "must be owner"),
    ],
)
def test_a_colleague_cannot_rewrite_the_log_or_its_guards(
    engine: Engine, logins: dict[str, str], statement: str, refusal: str
) -> None:
    trip_service.create_trip(engine, format_code="lolland", trip_date=DAY)  # a line to aim at
    colleague = create_engine(logins["anne"])
    with pytest.raises(DBAPIError, match=refusal), colleague.begin() as connection:
        connection.execute(text(statement))
    colleague.dispose()
    with session_scope(engine) as session:
        assert session.scalars(select(AuditEntry)).first() is not None


@pytest.mark.postgresql_only
def test_a_colleague_cannot_change_the_tables(engine: Engine, logins: dict[str, str]) -> None:
    colleague = create_engine(logins["bo"])
    with pytest.raises(DBAPIError), colleague.begin() as connection:
        connection.execute(text("ALTER TABLE trip ADD COLUMN noget text"))
    colleague.dispose()


def test_a_login_is_lower_case_letters_and_taken_once(engine: Engine) -> None:
    member = save_staff(
        engine,
        None,
        {"name": "Anne Holm", "initials": "AHO", "role": "jobformidler", "login": " Anne.Holm "},
        today=TODAY,
    )
    assert staff_form_values(engine, member)["login"] == "anne.holm"
    with pytest.raises(UserError) as taken:
        save_staff(
            engine,
            None,
            {"name": "Anne Hansen", "initials": "AHA", "role": "jobformidler",
             "login": "anne.holm"},
            today=TODAY,
        )  # fmt: skip
    assert "hører allerede til Anne Holm" in taken.value.field_errors["login"]
    with pytest.raises(UserError) as invalid:
        save_staff(
            engine,
            None,
            {"name": "Bo Berg", "initials": "BB", "role": "jobformidler", "login": "bo berg"},
            today=TODAY,
        )
    assert "kan ikke være et databaselogin" in invalid.value.field_errors["login"]


@pytest.mark.sqlite_only("the refusal is SQLite's own")
def test_grant_on_sqlite_says_it_is_for_a_shared_database(db_path: Path) -> None:
    result = run(db_path, "db", "grant")
    assert result.exit_code == 1
    assert "kun på en fælles PostgreSQL-database" in result.output


# --- the audit chain on the server --------------------------------------------------------


def _owner_sql(engine: Engine, *statements: str) -> None:
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


@pytest.mark.postgresql_only
def test_db_check_on_the_server_reads_the_chain_unbroken(engine: Engine, db_path: Path) -> None:
    trip_service.create_trip(engine, format_code="lolland", trip_date=DAY)
    with session_scope(engine) as session:
        lines = len(list(session.scalars(select(AuditEntry))))
    result = run(db_path, "db", "check")
    assert result.exit_code == 0, result.output
    assert f"Revisionsloggen er ubrudt: {lines} linjer" in result.output


@pytest.mark.postgresql_only
def test_db_check_finds_a_line_the_owner_changed_behind_the_triggers(
    engine: Engine, db_path: Path
) -> None:
    trip_service.create_trip(engine, format_code="lolland", trip_date=DAY)
    _owner_sql(
        engine,
        "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only",
        "UPDATE audit_entry SET actor = 'en anden' WHERE id = (SELECT max(id) FROM audit_entry)",
        "ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only",
    )
    result = run(db_path, "db", "check")
    assert result.exit_code == 1
    assert "er ændret" in result.output and "Traceback" not in result.output


@pytest.mark.postgresql_only
@pytest.mark.parametrize(
    "trigger",
    ["audit_entry_append_only", "audit_entry_actor_is_login", "audit_chain_forward_only"],
)
def test_db_check_finds_a_guard_dropped(engine: Engine, db_path: Path, trigger: str) -> None:
    table = "audit_chain" if trigger.startswith("audit_chain") else "audit_entry"
    _owner_sql(engine, f"DROP TRIGGER {trigger} ON {table}")
    result = run(db_path, "db", "check")
    assert result.exit_code == 1
    assert f"udløseren (trigger) »{trigger}« mangler" in " ".join(result.output.split())


@pytest.mark.postgresql_only
def test_db_upgrade_on_a_new_empty_server_database_says_the_tables_are_made(
    engine: Engine,
) -> None:
    """The administrator makes the database; the first `db upgrade` must say what it did."""
    from tests import postgres_databases

    name = f"rfk_test_empty_{os.getpid()}"
    url = postgres_databases.create_database(name)
    try:
        first = run(Path("unused.db"), "db", "upgrade", url=url)
        assert first.exit_code == 0, first.output
        assert "Tabellerne er oprettet i" in first.output
        assert "rfk_test:***@" in first.output  # the password masked
        assert "opdateret" in run(Path("unused.db"), "db", "upgrade", url=url).output
    finally:
        postgres_databases.drop_database(name)
