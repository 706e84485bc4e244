"""Indexes for the home screen's counts on a large register.

The qualifying active companies (a partial index: the ones that may host a visit), trips
by date with their status, and the companies each trip visits. With them, counting the
qualifying companies without a visit in a year reads indexes only.

Revision ID: 0012_overview_indexes
Revises: 0011_list_indexes
Create Date: 2026-12-02 13:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_overview_indexes"
down_revision: str | None = "0011_list_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As `storage.models.company_qualifies` renders it, literally: SQLite uses a partial index
# only for a query whose condition reads the same.
QUALIFIES = {
    "sqlite": (
        "company.placement_experience IS 1 OR company.social_responsibility IS 1"
        " OR company.labour_shortage IS 1"
        " AND coalesce(json_array_length(company.tasks), 0) > 0"
    ),
    "postgresql": (
        "company.placement_experience IS true OR company.social_responsibility IS true"
        " OR company.labour_shortage IS true"
        " AND coalesce(json_array_length(company.tasks), 0) > 0"
    ),
}


def upgrade() -> None:
    op.create_index(
        "ix_company_qualifying",
        "company",
        ["archived", "id"],
        sqlite_where=sa.text(QUALIFIES["sqlite"]),
        postgresql_where=sa.text(QUALIFIES["postgresql"]),
    )
    op.create_index("ix_trip_trip_date_status", "trip", ["trip_date", "status"])
    op.create_index("ix_visit_trip_id_company_id", "visit", ["trip_id", "company_id"])


def downgrade() -> None:
    op.drop_index("ix_visit_trip_id_company_id", table_name="visit")
    op.drop_index("ix_trip_trip_date_status", table_name="trip")
    op.drop_index("ix_company_qualifying", table_name="company")
