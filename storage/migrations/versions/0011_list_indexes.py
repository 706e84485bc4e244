"""Indexes for what the home screen and the lists ask at every start and keystroke.

Active records by name (a list page reads them in order) and by search text (a count of
what a search matches reads only the index, not the table), open follow-ups by due date,
and a trip's participants by role (the group-size counts).

Revision ID: 0011_list_indexes
Revises: 0010_audit_log
Create Date: 2026-12-02 08:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011_list_indexes"
down_revision: str | None = "0010_audit_log"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("ix_company_archived_name", "company", ["archived", "name"]),
    ("ix_company_archived_search_text", "company", ["archived", "search_text"]),
    ("ix_citizen_archived_name", "citizen", ["archived", "name"]),
    ("ix_citizen_archived_search_text", "citizen", ["archived", "search_text"]),
    ("ix_follow_up_done_at_due_date", "follow_up", ["done_at", "due_date"]),
    ("ix_participation_trip_id_role", "participation", ["trip_id", "role"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
