"""Keeping PostgreSQL's id sequences ahead of rows written with explicit ids.

The demo writes its rows in bulk with ids it chose itself, which PostgreSQL's sequences do not
see: the next ordinary insert would then reuse id 1 and fail (`UniqueViolation … pk_trip`).
SQLite has no sequences (it takes max(id) + 1), so there this is nothing to do.
"""

from sqlalchemy import text
from sqlalchemy.engine import Connection

# Every column of a table in the schema that an id sequence fills.
_SERIAL_COLUMNS = text(
    "SELECT c.relname, a.attname, pg_get_serial_sequence(quote_ident(c.relname), a.attname) "
    "FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 "
    "AND NOT a.attisdropped "
    "AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL "
    "ORDER BY c.relname"
)


def realign_statements(connection: Connection) -> list[str]:
    """One `setval` per id sequence: past the table's highest id, or back to 1 when empty."""
    if connection.dialect.name != "postgresql":
        return []
    return [
        # setval(…, max, true) hands out max + 1 next; an empty table starts again at 1.
        f'SELECT setval(\'{sequence}\', COALESCE((SELECT MAX("{column}") FROM "{table}"), 1), '
        f'(SELECT MAX("{column}") FROM "{table}") IS NOT NULL)'
        for table, column, sequence in connection.execute(_SERIAL_COLUMNS)
    ]


def realign_sequences(connection: Connection) -> int:
    """Move each table's id sequence past its highest id; the number of sequences moved."""
    statements = realign_statements(connection)
    for statement in statements:
        connection.execute(text(statement))
    return len(statements)
