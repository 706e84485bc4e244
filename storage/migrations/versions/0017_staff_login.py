"""Each colleague known on a shared database: `staff.login`, and the log's "who" is the login.

On PostgreSQL every colleague connects with a login role of their own. The audit log's actor
is then that login (`session_user`), not initials someone typed into their settings file: a
trigger refuses any audit line whose actor is not the login that writes it, so nobody can
put another person's name into the log. `staff.login` ties a login to the staff member it is,
for showing the log by name. SQLite (one person's file) has no logins: nothing changes there.

Revision ID: 0017_staff_login
Revises: 0016_benefit_periods
Create Date: 2026-12-07 07:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_staff_login"
down_revision: str | None = "0016_benefit_periods"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ACTOR_FUNCTION = (
    "CREATE OR REPLACE FUNCTION audit_actor_is_login() RETURNS trigger AS $$ BEGIN "
    "IF NEW.actor IS DISTINCT FROM session_user::text THEN "
    "RAISE EXCEPTION 'audit actor must be the login that writes it' USING ERRCODE = '42501'; "
    "END IF; RETURN NEW; END $$ LANGUAGE plpgsql"
)
_ACTOR_TRIGGER = (
    "CREATE TRIGGER audit_entry_actor_is_login BEFORE INSERT ON audit_entry "
    "FOR EACH ROW EXECUTE FUNCTION audit_actor_is_login()"
)


def upgrade() -> None:
    # A column and a unique index, not a batch copy of `staff`, which the foreign keys of
    # citizens and trips would refuse on SQLite.
    op.add_column("staff", sa.Column("login", sa.String(length=63), nullable=True))
    op.create_index("ix_staff_login", "staff", ["login"], unique=True)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_ACTOR_FUNCTION)
        op.execute(_ACTOR_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_actor_is_login ON audit_entry")
        op.execute("DROP FUNCTION IF EXISTS audit_actor_is_login()")
    op.drop_index("ix_staff_login", table_name="staff")
    op.execute("ALTER TABLE staff DROP COLUMN login")
