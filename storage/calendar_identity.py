"""The database's own calendar id: what makes its events' UIDs its own.

Two job centres' databases both have a trip 1, and a database restored from a backup hands
out again the trip and visit numbers it had handed out after that backup. A calendar UID made
of the number alone would then update, in Outlook, an event that belongs to another trip. So
each database draws a random id the first time a calendar file needs one, keeps it in
`database_info`, and puts it into the UID of every event it sends for the first time.

A restore forgets the id (`forget_calendar_id`): the events already sent keep their UIDs
(they are in `calendar_event`, restored with the rest), and whatever is sent for the first
time afterwards gets UIDs under a new id, which no event sent after the backup can have.
"""

import uuid

from sqlalchemy import delete, inspect, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlmodel import col

from storage.models import DatabaseInfo

CALENDAR_ID_KEY = "calendar_id"


def calendar_id(session: Session) -> str:
    """The database's calendar id, drawn and stored in this transaction if it has none.

    Two colleagues' first calendar files at once both try to store one; the second insert
    does nothing, and both then read the one that was stored.
    """
    found = _stored(session)
    if found is not None:
        return found
    values = {"key": CALENDAR_ID_KEY, "value": uuid.uuid4().hex}
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(dialect.insert(DatabaseInfo).values(**values).on_conflict_do_nothing())
    # Inserted just now, or by the colleague who came first.
    return _stored(session) or values["value"]


def _stored(session: Session) -> str | None:
    query = select(col(DatabaseInfo.value)).where(col(DatabaseInfo.key) == CALENDAR_ID_KEY)
    return session.scalars(query).first()


def forget_calendar_id(connection: Connection) -> None:
    """After a restore: the next calendar file draws a new id. Not a change of the data, so
    the last-change stamp a further restore compares with is left as the backup had it."""
    if "database_info" in inspect(connection).get_table_names():
        connection.execute(delete(DatabaseInfo).where(col(DatabaseInfo.key) == CALENDAR_ID_KEY))
