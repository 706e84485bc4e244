"""Sessions: one transaction per user action, audited, stamping the last change."""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import ORMExecuteState
from sqlmodel import Session

from storage.audit import record_flush
from storage.engine import LAST_CHANGE_KEY
from storage.models import DatabaseInfo, utc_now


def _note_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.new or session.dirty or session.deleted:
        session.info["changed"] = True


def _note_statement(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info["changed"] = True


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction for one user action: commit on success, roll back on any error.

    Any write in the action, flushed early or sent as a bulk statement, stamps the
    database's last-change time, which restore uses to refuse overwriting newer data.
    """
    session = Session(engine, expire_on_commit=False)
    event.listen(session, "before_flush", _note_flush)
    event.listen(session, "do_orm_execute", _note_statement)
    event.listen(session, "after_flush", record_flush)
    try:
        yield session
        if session.new or session.dirty or session.deleted or session.info.get("changed"):
            _record_change(session)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def _record_change(session: Session) -> None:
    info = session.get(DatabaseInfo, LAST_CHANGE_KEY)
    stamp = utc_now().isoformat(timespec="microseconds")
    if info is None:
        session.add(DatabaseInfo(key=LAST_CHANGE_KEY, value=stamp))
    else:
        info.value = stamp
        session.add(info)


# Enough ids per query for any database (SQLite's oldest limit is 999 parameters).
_ID_CHUNK = 900


def id_chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    """`ids` in pieces a query's `IN (…)` takes on any database."""
    for start in range(0, len(ids), _ID_CHUNK):
        yield list(ids[start : start + _ID_CHUNK])
