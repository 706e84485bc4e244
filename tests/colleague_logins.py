"""A colleague's own login on the PostgreSQL test server, for the tests of a browser session
(not a test module: tests/test_test_layout.py keeps tests from importing one another).

Roles belong to the server, not to one database, and test workers share the server: each
login carries the worker's process id, and is dropped again afterwards.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.engine import Engine

from storage.server_roles import COLLEAGUES, grant_to_colleagues


@contextmanager
def colleague_login(engine: Engine, person: str) -> Iterator[tuple[str, str]]:
    """(login, password) of a new login in the colleagues' group, with its privileges."""
    login = f"{person}_{os.getpid()}"
    password = f"kode-{login}"
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(
            text(
                f"DO $$ BEGIN CREATE ROLE {COLLEAGUES} NOLOGIN; "
                "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
            )
        )
        connection.execute(text(f"DROP ROLE IF EXISTS {login}"))
        connection.execute(
            text(f"CREATE ROLE {login} LOGIN PASSWORD '{password}' IN ROLE {COLLEAGUES}")
        )
    with engine.begin() as connection:
        assert grant_to_colleagues(connection)
    try:
        yield login, password
    finally:
        engine.dispose()  # the login's own connections are the app's, closed by the test
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text(f"DROP OWNED BY {login}"))
            connection.execute(text(f"DROP ROLE IF EXISTS {login}"))
