"""Each municipality's job-centre phone, for the participants' programme.

Revision ID: 0007_jobcentre_phone
Revises: 0006_follow_ups_outcomes
Create Date: 2026-12-01 22:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_jobcentre_phone"
down_revision: str | None = "0006_follow_ups_outcomes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("municipality", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("jobcentre_phone", sa.String(length=30), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("municipality", schema=None) as batch_op:
        batch_op.drop_column("jobcentre_phone")
