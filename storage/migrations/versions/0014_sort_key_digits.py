"""Danish order under a Danish PostgreSQL collation too: the sort key in digits.

0013 wrote each character of a name as two letters, a space as "aa". A PostgreSQL database
created with a Danish collation (da_DK) reads "aa" as "å" and would have sorted "Anne
Hansen" after "Annette"; digits order alike under every collation. The keys are written
again, and a few letters without a decomposition (Ł, Đ, Ð, Œ, Þ) now sort as the letters
they resemble instead of vanishing from the key.

Revision ID: 0014_sort_key_digits
Revises: 0013_danish_order
Create Date: 2026-12-03 15:00:00
"""

import importlib
import unicodedata
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_sort_key_digits"
down_revision: str | None = "0013_danish_order"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("company", "citizen", "staff")

# storage.search_text.sort_key as it was when this revision was written.
_RANKS = {c: rank for rank, c in enumerate(" 0123456789abcdefghijklmnopqrstuvwxyzæøå")}
_CODES = [f"{rank:02d}" for rank in range(len(_RANKS))]
_SORTED_AS = {
    "ä": "æ", "ö": "ø", "ő": "ø", "ü": "y", "ű": "y", "œ": "ø",
    "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
}  # fmt: skip
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


def _rekey(key: Callable[[str], str]) -> None:
    connection = op.get_bind()
    for table in TABLES:
        rows = connection.execute(sa.text(f"SELECT id, name FROM {table}")).all()
        if rows:
            connection.execute(
                sa.text(f"UPDATE {table} SET sort_name = :key WHERE id = :id"),
                [{"key": key(name or ""), "id": row_id} for row_id, name in rows],
            )


def upgrade() -> None:
    _rekey(_sort_key)
    if op.get_bind().dialect.name == "postgresql":
        # The models give the column no default: a row always gets its key from its name.
        for table in TABLES:
            op.alter_column(table, "sort_name", server_default=None)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.alter_column(table, "sort_name", server_default="")
    # Back to the keys 0013 writes, which the code of that revision writes for new rows.
    previous = importlib.import_module("storage.migrations.versions.0013_danish_order")
    _rekey(previous._sort_key)
