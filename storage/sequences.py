"""Keeping PostgreSQL's id sequences ahead of rows written with explicit ids.

The demo writes its rows in bulk with ids it chose itself, which PostgreSQL's sequences do not
see: the next ordinary insert would then reuse id 1 and fail (`UniqueViolation … pk_trip`).
SQLite has no sequences (it takes max(id) + 1), so there this is nothing to do.
"""

from sqlalchemy import Integer, text
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel


def realign_sequences(connection: Connection) -> int:
    """Move each table's id sequence past its highest id; the number of sequences moved."""
    if connection.dialect.name != "postgresql":
        return 0
    moved = 0
    for table in SQLModel.metadata.sorted_tables:
        key = list(table.primary_key.columns)
        if len(key) != 1 or not isinstance(key[0].type, Integer):
            continue
        name = table.name
        column = key[0].name
        sequence = connection.execute(
            text("SELECT pg_get_serial_sequence(:table, :column)"),
            {"table": name, "column": column},
        ).scalar()
        if sequence is None:
            continue
        # setval(…, max, true) hands out max + 1 next; an empty table starts again at 1.
        connection.execute(
            text(
                f'SELECT setval(:sequence, COALESCE((SELECT MAX("{column}") FROM "{name}"), 1), '
                f'(SELECT MAX("{column}") FROM "{name}") IS NOT NULL)'
            ),
            {"sequence": sequence},
        )
        moved += 1
    return moved
