"""The append-only audit log, and the mark on a citizen whose personal fields were erased.

Revision ID: 0010_audit_log
Revises: 0009_follow_up_days
Create Date: 2026-12-02 04:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_audit_log"
down_revision: str | None = "0009_follow_up_days"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("audit_entry", "audit_citizen")


def upgrade() -> None:
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=60), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("fields", sa.String(), nullable=False),
        sa.Column("detail", sa.String(length=260), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    op.create_index(op.f("ix_audit_entry_at"), "audit_entry", ["at"])
    op.create_index(op.f("ix_audit_entry_action"), "audit_entry", ["action"])
    op.create_table(
        "audit_citizen",
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audit_id"],
            ["audit_entry.id"],
            name=op.f("fk_audit_citizen_audit_id_audit_entry"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("audit_id", "citizen_id", name=op.f("pk_audit_citizen")),
    )
    op.create_index(op.f("ix_audit_citizen_citizen_id"), "audit_citizen", ["citizen_id"])
    with op.batch_alter_table("citizen", schema=None) as batch_op:
        batch_op.add_column(sa.Column("anonymised_at", sa.DateTime(), nullable=True))
    _forbid_changes()


def _forbid_changes() -> None:
    """Append-only in the database itself, so no code path (ours or a tool's) can rewrite it."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in _TABLES:
            for verb in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
                )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_append_only() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION 'audit log is append-only'; END $$ LANGUAGE plpgsql"
        )
        for table in _TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION audit_append_only()"
            )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in _TABLES:
            for verb in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")
    elif dialect == "postgresql":
        for table in _TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        op.execute("DROP FUNCTION IF EXISTS audit_append_only()")
    # A plain DROP COLUMN: a batch copy of `citizen` would have to drop the table, which the
    # foreign keys of participations, follow-ups and outcomes refuse (SQLite 3.35 has it).
    op.execute("ALTER TABLE citizen DROP COLUMN anonymised_at")
    op.drop_index(op.f("ix_audit_citizen_citizen_id"), table_name="audit_citizen")
    op.drop_table("audit_citizen")
    op.drop_index(op.f("ix_audit_entry_action"), table_name="audit_entry")
    op.drop_index(op.f("ix_audit_entry_at"), table_name="audit_entry")
    op.drop_table("audit_entry")
