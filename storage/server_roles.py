"""What the colleagues' logins may do on a shared PostgreSQL database.

The tables belong to the owner role that runs the migrations. Each colleague logs in with a
role of their own, a member of COLLEAGUES, which may read and write the data but not change
the tables: so nobody but the owner can drop the audit log's triggers. The audit log itself
may be added to and read, never rewritten (no UPDATE or DELETE on its lines); the chain's head
row may be moved on, which its own trigger allows only forwards.

The grants are given again after every upgrade (new tables get them too), when the group role
exists: the README's set-up creates it.
"""

from sqlalchemy import text
from sqlalchemy.engine import Connection

COLLEAGUES = "rfk_trips_brugere"
APPEND_ONLY = ("audit_entry", "audit_citizen")
HEAD = "audit_chain"


def colleagues_role_exists(connection: Connection) -> bool:
    found = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": COLLEAGUES}
    ).first()
    return found is not None


def grant_statements(tables: list[str]) -> list[str]:
    """The grants for the tables there are: data to read and write, the log to add to."""
    statements = [f"GRANT USAGE ON SCHEMA public TO {COLLEAGUES}"]
    for table in tables:
        statements.append(f'REVOKE ALL ON TABLE public."{table}" FROM {COLLEAGUES}')
        if table in APPEND_ONLY:
            privileges = "SELECT, INSERT"
        elif table == HEAD:
            privileges = "SELECT, UPDATE"
        elif table == "alembic_version":
            privileges = "SELECT"
        else:
            privileges = "SELECT, INSERT, UPDATE, DELETE"
        statements.append(f'GRANT {privileges} ON TABLE public."{table}" TO {COLLEAGUES}')
    statements.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {COLLEAGUES}")
    return statements


def grant_to_colleagues(connection: Connection) -> bool:
    """Give COLLEAGUES its privileges on every table; False when there is no such role."""
    if connection.dialect.name != "postgresql" or not colleagues_role_exists(connection):
        return False
    tables = list(
        connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        ).scalars()
    )
    for statement in grant_statements(tables):
        connection.execute(text(statement))
    return True
