"""Acknowledged rule warnings: staff can accept a warning on a trip with a stored reason.

Revision ID: 0002_finding_ack
Revises: 0001_initial
Create Date: 2026-11-23 19:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_finding_ack"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "finding_acknowledgement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trip_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("subject", sa.String(length=60), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("acknowledged_by", sa.String(length=10), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["trip_id"],
            ["trip.id"],
            name=op.f("fk_finding_acknowledgement_trip_id_trip"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding_acknowledgement")),
        sa.UniqueConstraint(
            "trip_id",
            "code",
            "subject",
            name=op.f("uq_finding_acknowledgement_trip_id_code_subject"),
        ),
    )
    with op.batch_alter_table("finding_acknowledgement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_finding_acknowledgement_trip_id"), ["trip_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("finding_acknowledgement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finding_acknowledgement_trip_id"))

    op.drop_table("finding_acknowledgement")
