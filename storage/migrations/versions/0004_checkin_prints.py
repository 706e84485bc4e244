"""Check-in events per leg of the day, and a record of every printed document naming citizens.

Revision ID: 0004_checkin_prints
Revises: 0003_search_text
Create Date: 2026-11-23 20:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_checkin_prints"
down_revision: str | None = "0003_search_text"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "checkin_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trip_id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("leg", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=10), nullable=False),
        sa.Column("undone", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["citizen_id"], ["citizen.id"], name=op.f("fk_checkin_event_citizen_id_citizen")
        ),
        sa.ForeignKeyConstraint(
            ["trip_id"], ["trip.id"], name=op.f("fk_checkin_event_trip_id_trip"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkin_event")),
    )
    with op.batch_alter_table("checkin_event", schema=None) as batch_op:
        batch_op.create_index(
            "ix_checkin_event_trip_id_citizen_id", ["trip_id", "citizen_id"], unique=False
        )
    op.create_table(
        "print_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trip_id", sa.Integer(), nullable=False),
        sa.Column("audience", sa.String(length=20), nullable=False),
        sa.Column("trip_version", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("printed_by", sa.String(length=60), nullable=False),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["trip_id"], ["trip.id"], name=op.f("fk_print_record_trip_id_trip"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_record")),
    )
    with op.batch_alter_table("print_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_print_record_trip_id"), ["trip_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("print_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_print_record_trip_id"))
    op.drop_table("print_record")
    with op.batch_alter_table("checkin_event", schema=None) as batch_op:
        batch_op.drop_index("ix_checkin_event_trip_id_citizen_id")
    op.drop_table("checkin_event")
