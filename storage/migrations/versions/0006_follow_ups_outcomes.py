"""Follow-ups after a trip and outcomes linked to the trip that led to them.

Revision ID: 0006_follow_ups_outcomes
Revises: 0005_walk_in
Create Date: 2026-12-01 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_follow_ups_outcomes"
down_revision: str | None = "0005_walk_in"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fk(table: str, column: str, target: str, ondelete: str | None) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete=ondelete,
    )


def upgrade() -> None:
    op.create_table(
        "follow_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("trip_id", sa.Integer(), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("next_step", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("follow_up", "citizen_id", "citizen", None),
        _fk("follow_up", "trip_id", "trip", "SET NULL"),
        _fk("follow_up", "staff_id", "staff", "SET NULL"),
        _fk("follow_up", "company_id", "company", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up")),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        for column in ("citizen_id", "trip_id", "staff_id", "company_id"):
            batch_op.create_index(batch_op.f(f"ix_follow_up_{column}"), [column], unique=False)

    op.create_table(
        "outcome",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("trip_id", sa.Integer(), nullable=True),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("hours_per_week", sa.Float(), nullable=True),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("aim", sa.String(), nullable=False),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("ended_early", sa.Boolean(), nullable=False),
        sa.Column("end_reason", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("outcome", "citizen_id", "citizen", None),
        _fk("outcome", "trip_id", "trip", "SET NULL"),
        _fk("outcome", "company_id", "company", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome")),
    )
    with op.batch_alter_table("outcome", schema=None) as batch_op:
        for column in ("citizen_id", "trip_id", "company_id"):
            batch_op.create_index(batch_op.f(f"ix_outcome_{column}"), [column], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("outcome", schema=None) as batch_op:
        for column in ("citizen_id", "trip_id", "company_id"):
            batch_op.drop_index(batch_op.f(f"ix_outcome_{column}"))
    op.drop_table("outcome")
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        for column in ("citizen_id", "trip_id", "staff_id", "company_id"):
            batch_op.drop_index(batch_op.f(f"ix_follow_up_{column}"))
    op.drop_table("follow_up")
