"""Each trip format's days from the trip to the follow-up talk with those who came.

Revision ID: 0009_follow_up_days
Revises: 0008_targets_learning_cases
Create Date: 2026-12-02 01:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_follow_up_days"
down_revision: str | None = "0008_targets_learning_cases"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # 14 days is what every completed trip used before the number became a setting.
    with op.batch_alter_table("trip_format", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("follow_up_days", sa.Integer(), nullable=False, server_default="14")
        )


def downgrade() -> None:
    with op.batch_alter_table("trip_format", schema=None) as batch_op:
        batch_op.drop_column("follow_up_days")
