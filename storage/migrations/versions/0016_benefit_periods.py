"""A citizen's benefit group gets a history: the `benefit_period` table.

Every citizen already there gets one open period of the benefit group the register holds.
It starts on the citizen's referral date (visitationsdato) when there is one: the project
counts a citizen from the referral on (DOMAIN.md §5.2), so the benefit before it enters no
figure. Without one it starts on EARLIEST, the project's start: nothing is known of when
the benefit began, and today's value is the best knowledge for the whole time the app could
hold trips for. The record's last edit (`updated_at`) is not used: it moves with any change
(a new phone number) and says nothing about the benefit.

The backup of the file before the upgrade is `storage.migrate.upgrade`'s, as for every
revision.

Revision ID: 0016_benefit_periods
Revises: 0015_audit_chain
Create Date: 2026-12-05 09:00:00
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0016_benefit_periods"
down_revision: str | None = "0015_audit_chain"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The start of the project's evaluation period (August 2018, DOMAIN.md §5.2); kept here as
# it was when this revision was written.
EARLIEST = date(2018, 8, 1)


def _open_periods() -> None:
    connection = op.get_bind()
    periods = sa.table(
        "benefit_period",
        sa.column("citizen_id", sa.Integer()),
        sa.column("benefit_group", sa.String()),
        sa.column("since", sa.Date()),
        sa.column("until", sa.Date()),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    citizens = sa.table(
        "citizen",
        sa.column("id", sa.Integer()),
        sa.column("benefit_group", sa.String()),
        sa.column("referral_date", sa.Date()),
    )
    now = datetime.now(UTC)
    rows = [
        {
            "citizen_id": citizen_id,
            "benefit_group": group,
            "since": referral or EARLIEST,
            "until": None,
            "created_at": now,
        }
        for citizen_id, group, referral in connection.execute(
            sa.select(citizens.c.id, citizens.c.benefit_group, citizens.c.referral_date).order_by(
                citizens.c.id
            )
        )
    ]
    if rows:
        connection.execute(sa.insert(periods), rows)


def upgrade() -> None:
    op.create_table(
        "benefit_period",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("benefit_group", sa.String(length=40), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("until IS NULL OR until >= since", name=op.f("ck_benefit_period_dates")),
        sa.ForeignKeyConstraint(
            ["citizen_id"], ["citizen.id"], name=op.f("fk_benefit_period_citizen_id_citizen")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_benefit_period")),
    )
    with op.batch_alter_table("benefit_period", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_benefit_period_citizen_id"), ["citizen_id"], unique=False
        )
    _open_periods()


def downgrade() -> None:
    # Citizen.benefit_group holds the current value throughout: only the history goes.
    with op.batch_alter_table("benefit_period", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_benefit_period_citizen_id"))
    op.drop_table("benefit_period")
