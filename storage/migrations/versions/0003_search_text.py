"""Search text: name, town, phone and the like folded to lower case for search-as-you-type.

SQLite folds only ASCII letters in LIKE, so searching "ølby" would miss "Ølby"; each register
row now keeps a folded copy of the fields people search by. Existing rows are filled in.

Revision ID: 0003_search_text
Revises: 0002_finding_ack
Create Date: 2026-11-23 19:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_search_text"
down_revision: str | None = "0002_finding_ack"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The fields folded per table, as they were when this revision was written.
_FIELDS = {
    "company": ("name", "town", "postcode", "cvr", "contact_person"),
    "citizen": ("name", "phone", "cohort"),
    "staff": ("name", "initials"),
}


def _fold(*parts: object) -> str:
    return " ".join(" ".join(str(part) for part in parts if part).casefold().split())


def upgrade() -> None:
    for table in _FIELDS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("search_text", sa.String(), nullable=False, server_default="")
            )
    connection = op.get_bind()
    for table, fields in _FIELDS.items():
        rows = connection.execute(sa.text(f"SELECT id, {', '.join(fields)} FROM {table}")).all()
        for row in rows:
            values = list(row[1:])
            if table == "citizen":
                values[1] = (values[1] or "").replace(" ", "")
            connection.execute(
                sa.text(f"UPDATE {table} SET search_text = :text WHERE id = :id"),
                {"text": _fold(*values), "id": row[0]},
            )


def downgrade() -> None:
    for table in _FIELDS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("search_text")
