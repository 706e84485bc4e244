"""The PostgreSQL database of the tests: one per run, put back to a known state per test.

The server is the one `.ci/postgres` starts (its admin URL in RFK_TRIPS_TEST_POSTGRES). Creating
a database costs this machine over half a second, so a run makes one (ICU collation da-DK, as
the README sets up a job centre's), migrates it, and keeps copies of its rows in two schemas:
`snap_migrated` (what the migrations seed) and `snap_demo` (the demo data as of the tests'
TODAY). Before each test the tables are emptied and refilled from one of them, with triggers
and foreign keys held off while copying, so audit lines and their hashes come back verbatim.
"""

import os
from datetime import date

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, Engine, make_url

ADMIN_URL_VARIABLE = "RFK_TRIPS_TEST_POSTGRES"
WORK_DATABASE = f"rfk_test_{os.getpid()}"
SNAPSHOTS = ("migrated", "demo")
_state: dict[str, object] = {}


def admin_url() -> str | None:
    return os.environ.get(ADMIN_URL_VARIABLE) or None


def _engine(database: str | None = None, *, autocommit: bool = False) -> Engine:
    url = admin_url()
    assert url is not None
    target = make_url(url) if database is None else make_url(url).set(database=database)
    if autocommit:
        return create_engine(target, isolation_level="AUTOCOMMIT")
    return create_engine(target)


def server_problem() -> str | None:
    """Why no PostgreSQL test database can be had, or None when the server answers."""
    url = admin_url()
    if url is None:
        return f"no PostgreSQL test server: set {ADMIN_URL_VARIABLE} (bash .ci/postgres prints it)"
    try:
        make_url(url)
    except Exception:  # ArgumentError and friends: the message says what was wrong
        # What broke CI once: the server's start-up chatter caught along with the URL.
        return f"{ADMIN_URL_VARIABLE} is not a database URL: {url!r}"
    engine = _engine()
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # the reason is the message: any failure to connect
        return f"PostgreSQL test server at {make_url(url).render_as_string()} refused: {exc}"
    finally:
        engine.dispose()
    return None


def url_of(database: str) -> str:
    url = admin_url()
    assert url is not None
    return make_url(url).set(database=database).render_as_string(hide_password=False)


def create_database(name: str) -> str:
    """A new empty database `name` with the collation a job centre's has; its URL."""
    engine = _engine(autocommit=True)
    try:
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(
                text(
                    f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
                    "LOCALE_PROVIDER icu ICU_LOCALE 'da-DK' LOCALE 'C.UTF-8'"
                )
            )
    finally:
        engine.dispose()
    return url_of(name)


def drop_database(name: str) -> None:
    engine = _engine(autocommit=True)
    try:
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        engine.dispose()


def _tables(connection: Connection, schema: str) -> list[str]:
    return list(
        connection.execute(
            text(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = :schema "
                "AND table_type = 'BASE TABLE' "
                "ORDER BY table_name"
            ),
            {"schema": schema},
        ).scalars()
    )


def _snapshot(connection: Connection, snapshot: str) -> None:
    schema = f"snap_{snapshot}"
    connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
    connection.execute(text(f"CREATE SCHEMA {schema}"))
    for table in _tables(connection, "public"):
        connection.execute(text(f'CREATE TABLE {schema}."{table}" AS TABLE public."{table}"'))


def _prepare(today: date) -> str:
    from rfk_trips.database.opening import open_database
    from rfk_trips.exchange.demo_data import load_demo

    url = create_database(WORK_DATABASE)
    engine = open_database(url).engine
    with engine.begin() as connection:
        _snapshot(connection, "migrated")
    load_demo(engine, scale=1, seed=7, today=today)
    with engine.begin() as connection:
        _snapshot(connection, "demo")
    engine.dispose()
    return url


def _reset_script(connection: Connection, snapshot: str) -> str:
    """One round trip that puts every table back to `snapshot`: DELETE (a small table's is
    far cheaper than TRUNCATE's new files), copy, and each id sequence set past its rows."""
    lines = [
        "SET LOCAL lock_timeout = '10s'",  # a test that left a lock fails here, not hangs
        "SET LOCAL session_replication_role = replica",
    ]
    lines += [f'DELETE FROM public."{table}"' for table in _tables(connection, "public")]
    for table in _tables(connection, f"snap_{snapshot}"):
        lines.append(f'INSERT INTO public."{table}" SELECT * FROM snap_{snapshot}."{table}"')
    from storage.sequences import realign_statements

    lines += realign_statements(connection)
    return ";\n".join(lines)


# What a test could change besides rows: tables, columns, indexes, triggers, functions. A
# test that drops a trigger (to show the check finds it) must not leave the next one without.
_SCHEMA_PRINT = text(
    "SELECT md5(string_agg(x, ',' ORDER BY x)) FROM ("
    " SELECT 't:' || c.relname || ':' || t.tgname || ':' || t.tgenabled::text FROM pg_trigger t"
    "  JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal"
    " UNION ALL SELECT 'a:' || c.relname || '.' || a.attname || ':' || a.atttypid::text"
    "  || ':' || a.attnotnull::text FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
    "  JOIN pg_namespace n ON n.oid = c.relnamespace"
    "  WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped"
    " UNION ALL SELECT 'i:' || indexdef FROM pg_indexes WHERE schemaname = 'public'"
    " UNION ALL SELECT 'f:' || p.proname || ':' || md5(p.prosrc) FROM pg_proc p"
    "  JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'"
    ") AS schema_items(x)"
)


def _schema_print(engine: Engine) -> str:
    with engine.connect() as connection:
        return str(connection.execute(_SCHEMA_PRINT).scalar())


def fresh_database(snapshot: str, today: date) -> str:
    """The work database's URL, its tables holding exactly `snapshot`'s rows."""
    assert snapshot in SNAPSHOTS
    if "url" in _state and _schema_print(_engine_in_use()) != _state["schema"]:
        finish()  # the last test changed more than rows: make the database again
    if "url" not in _state:
        _state["url"] = _prepare(today)
        engine = _engine(WORK_DATABASE)
        _state["engine"] = engine
        with engine.connect() as connection:
            for name in SNAPSHOTS:
                _state[f"script_{name}"] = _reset_script(connection, name)
        _state["schema"] = _schema_print(engine)
    engine = _engine_in_use()
    with engine.begin() as connection:
        connection.exec_driver_sql(str(_state[f"script_{snapshot}"]))
    return str(_state["url"])


def _engine_in_use() -> Engine:
    engine = _state["engine"]
    assert isinstance(engine, Engine)
    return engine


def finish() -> None:
    for name in SNAPSHOTS:
        _state.pop(f"script_{name}", None)
    _state.pop("schema", None)
    engine = _state.pop("engine", None)
    if isinstance(engine, Engine):
        engine.dispose()
    if _state.pop("url", None) is not None:
        drop_database(WORK_DATABASE)
