"""Danish order: companies, citizens and staff sorted as a Danish reader expects.

The lists were ordered by name as SQLite compares text, byte by byte: Å before Æ before Ø
(Danish: Æ, Ø, Å, all after Z), every lower-case name after every capital, "Émile" after
"Zebra". Each row now keeps its name keyed for Danish order (`sort_name`); the list
indexes by name give way to the same by that key. Existing rows are filled in.

Revision ID: 0013_danish_order
Revises: 0012_overview_indexes
Create Date: 2026-12-03 14:00:00
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_danish_order"
down_revision: str | None = "0012_overview_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("company", "citizen", "staff")
# (old index, new index, table): the list pages read active rows in this order.
LIST_INDEXES = (
    ("ix_company_archived_name", "ix_company_archived_sort_name", "company"),
    ("ix_citizen_archived_name", "ix_citizen_archived_sort_name", "citizen"),
)

# The partial index's condition, as 0012 created it.
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

# storage.search_text.sort_key as it was when this revision was written.
_RANKS = {c: rank for rank, c in enumerate(" 0123456789abcdefghijklmnopqrstuvwxyzæøå")}
_CODES = [chr(ord("a") + rank // 26) + chr(ord("a") + rank % 26) for rank in range(len(_RANKS))]
_SORTED_AS = {"ä": "æ", "ö": "ø", "ő": "ø", "ü": "y", "ű": "y"}
_SEPARATORS = str.maketrans({"-": " ", "/": " ", "_": " ", ".": " "})


def _sort_key(text: str) -> str:
    folded = unicodedata.normalize("NFC", text).casefold().translate(_SEPARATORS)
    kept: list[str] = []
    for character in folded:
        character = " " if character.isspace() else _SORTED_AS.get(character, character)
        if character not in _RANKS:
            decomposed = unicodedata.normalize("NFKD", character)
            character = "".join(c for c in decomposed if not unicodedata.combining(c))
        kept.extend(part for part in character if part in _RANKS)
    words = " ".join("".join(kept).split()).replace("aa", "å")
    return "".join(_CODES[_RANKS[character]] for character in words)


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("sort_name", sa.String(), nullable=False, server_default=""))
    connection = op.get_bind()
    for table in TABLES:
        rows = connection.execute(sa.text(f"SELECT id, name FROM {table}")).all()
        if rows:
            connection.execute(
                sa.text(f"UPDATE {table} SET sort_name = :key WHERE id = :id"),
                [{"key": _sort_key(name or ""), "id": row_id} for row_id, name in rows],
            )
    for old, new, table in LIST_INDEXES:
        op.drop_index(old, table_name=table)
        op.create_index(new, table, ["archived", "sort_name"])
    _qualifying_index_last()


def _qualifying_index_last() -> None:
    """Make the partial index of the qualifying companies (0012) the newest again.

    Without statistics, SQLite weighs two indexes that both match `archived = ?` alike and
    takes the newer one: the home screen's count of quiet qualifying companies would walk
    every active company by the new name key instead of the few qualifying ones.
    """
    op.drop_index("ix_company_qualifying", table_name="company")
    op.create_index(
        "ix_company_qualifying",
        "company",
        ["archived", "id"],
        sqlite_where=sa.text(QUALIFIES["sqlite"]),
        postgresql_where=sa.text(QUALIFIES["postgresql"]),
    )


def downgrade() -> None:
    for old, new, table in LIST_INDEXES:
        op.drop_index(new, table_name=table)
        op.create_index(old, table, ["archived", "name"])
    _qualifying_index_last()
    # A plain DROP COLUMN: a batch copy of `citizen` would have to drop the table, which the
    # foreign keys of participations, follow-ups and outcomes refuse (SQLite 3.35 has it).
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} DROP COLUMN sort_name")
