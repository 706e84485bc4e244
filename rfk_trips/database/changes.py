"""Whether the database has changed: the stamp every write leaves, read cheaply and often.

Every transaction that writes goes through `storage.sessions.session_scope`, which stamps
`database_info`'s last-change row. The open screens read that one row every second to learn
that a colleague (or the CLI, or this app) has changed something, and read their own data
again only then. One primary-key read through Core, no ORM: it must cost the app nothing,
and it answers the same on SQLite and PostgreSQL. (SQLite's `PRAGMA data_version` would
need the same connection every time, and PostgreSQL's LISTEN a connection held open and a
NOTIFY in every write: the stamp is already written, by every process and every version.)
"""

from sqlalchemy import text
from sqlalchemy.engine import Engine

from storage.engine import LAST_CHANGE_KEY

_STAMP = text("SELECT value FROM database_info WHERE key = :key")


def last_change_stamp(engine: Engine) -> str | None:
    """The stamp of the last write, compared only for equality; None before any write."""
    with engine.connect() as connection:
        value = connection.execute(_STAMP, {"key": LAST_CHANGE_KEY}).scalar()
    return None if value is None else str(value)
