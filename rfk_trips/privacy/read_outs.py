"""Writing a file that leaves the app and logging it as one action (DOMAIN.md §2.3).

The audit line naming the citizens a file carries is written in the same transaction as the
file: when writing fails nothing is logged, and when the log cannot be committed the file
is removed again, so no file leaves the app without its line in the audit log.
"""

from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

from storage.audit import record_readout
from storage.sessions import session_scope


def write_recorded(
    engine: Engine,
    target: Path,
    write: Callable[[], None],
    *,
    action: str,
    entity: str,
    citizen_ids: Iterable[int] = (),
    entity_id: int | None = None,
    fields: Iterable[str] = (),
) -> None:
    """Run `write` (which writes `target`) and log the read-out by its file name."""
    write_recorded_in(
        engine,
        target,
        lambda _session: write(),
        action=action,
        entity=entity,
        citizen_ids=citizen_ids,
        entity_id=entity_id,
        fields=fields,
    )


def write_recorded_in(
    engine: Engine,
    target: Path,
    write: Callable[[Session], None],
    *,
    action: str,
    entity: str,
    citizen_ids: Iterable[int] = (),
    entity_id: int | None = None,
    fields: Iterable[str] = (),
) -> None:
    """`write_recorded`, with `write` given the transaction, for a file whose writing is
    itself kept in the database (what a calendar file sent): all of it or none."""
    written = False
    try:
        with session_scope(engine) as session:
            record_readout(
                session,
                action,
                entity,
                detail=target.name,
                citizen_ids=citizen_ids,
                entity_id=entity_id,
                fields=fields,
            )
            write(session)
            written = True
    except BaseException:
        # The log line could not be committed after the file was written: take the file back.
        if written:
            target.unlink(missing_ok=True)
        raise
