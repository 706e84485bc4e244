"""Check-in events say whether they took a reserve in as a walk-in, so undo can put them back.

Revision ID: 0005_walk_in
Revises: 0004_checkin_prints
Create Date: 2026-12-01 21:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_walk_in"
down_revision: str | None = "0004_checkin_prints"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("checkin_event", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("walk_in", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("checkin_event", schema=None) as batch_op:
        batch_op.drop_column("walk_in")
