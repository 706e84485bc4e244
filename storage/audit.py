"""Writing the append-only audit log: every change made through a session, and each read-out.

Changes are caught in one place, the session's flush, so no service can forget to log one.
Only table names, record numbers and field names are written, never values: the log must
be safe to show a data protection officer and must not itself spread personal data. Every
line is hashed onto the one before (`storage.audit_chain`) in the transaction that writes it.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from sqlalchemy import DateTime, bindparam, func, insert, inspect, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlmodel import col

from storage.actor import current_actor
from storage.audit_chain import GENESIS, entry_hash, stored_time
from storage.models import AuditChain, AuditCitizen, AuditEntry, Citizen, utc_now

# Bookkeeping the app itself keeps; a change to these alone is not a user's change.
_NOT_USER_FIELDS = frozenset({"updated_at", "search_text", "sort_name", "version"})
# calendar_event: what a calendar file sent, kept with the file's own "ics" read-out line.
_NOT_AUDITED = frozenset(
    {
        "audit_entry",
        "audit_citizen",
        "audit_chain",
        "database_info",
        "alembic_version",
        "calendar_event",
    }
)
_HEAD_ID = 1  # the chain head's one row


def changed_fields(obj: object) -> list[str]:
    """The names of the user-visible fields of `obj` that this flush changes."""
    state: Any = inspect(obj)
    return sorted(
        attr.key
        for attr in state.attrs
        if attr.key not in _NOT_USER_FIELDS and attr.history.has_changes()
    )


def _citizen_of(obj: object) -> int | None:
    if isinstance(obj, Citizen):
        return obj.id
    citizen_id = getattr(obj, "citizen_id", None)
    return citizen_id if isinstance(citizen_id, int) else None


def _entity_id(obj: object) -> int | None:
    value = getattr(obj, "id", None)
    return value if isinstance(value, int) else None


def _log_order(obj: object) -> tuple[str, int]:
    return (str(getattr(obj, "__tablename__", "")), _entity_id(obj) or 0)


@dataclass(frozen=True)
class _Line:
    action: str
    entity: str
    entity_id: int | None
    fields: str
    detail: str
    citizen_ids: tuple[int, ...]


def _lock_chain_head(connection: Connection) -> tuple[int, str]:
    """The head of the hash chain (last line's number and hash), locked until the commit.

    Two writers must never both chain to the same line. On SQLite the database's single write
    lock serialises them: once a transaction has written anything it holds that lock until it
    commits, and no other connection can write meanwhile. A change's lines are written after
    its flush, when the lock is already held; a read-out may not have written yet, so the
    no-op update below takes the lock first (waiting out busy_timeout for another writer),
    and the head is read only then, in the same transaction. On PostgreSQL, where writers run
    side by side, `FOR UPDATE` makes every other writer wait on this one row until the commit.
    """
    this_head = col(AuditChain.id) == _HEAD_ID
    if connection.dialect.name == "sqlite":
        connection.execute(
            update(AuditChain).where(this_head).values(last_id=col(AuditChain.last_id))
        )
    row = connection.execute(
        select(col(AuditChain.last_id), col(AuditChain.last_hash))
        .where(this_head)
        .with_for_update()
    ).first()
    if row is None:
        # Only a database whose head row was deleted (its trigger dropped first): start it
        # again, so work goes on; the check reports the break this leaves in the chain.
        connection.execute(insert(AuditChain).values(id=_HEAD_ID, last_id=0, last_hash=GENESIS))
        return 0, GENESIS
    return int(row[0]), str(row[1])


def _actor(connection: Connection) -> str:
    """Who the line names: on PostgreSQL the login writing it (its trigger refuses any other
    name, migration 0017); on one person's SQLite file the initials or the OS login."""
    if connection.dialect.name == "postgresql":
        # Kept with the pooled connection: its login does not change while it lives.
        if "session_user" not in connection.info:
            connection.info["session_user"] = str(
                connection.execute(text("SELECT session_user")).scalar()
            )
        return str(connection.info["session_user"])
    return current_actor()


def _append(connection: Connection, lines: list[_Line]) -> list[dict[str, Any]]:
    """Write `lines` at the end of the log, each hashed onto the one before; the rows written.

    Numbers are given here, not by the database, because each number is part of the hash.
    The next one follows the head and any line slipped in after it, so a line added with SQL
    cannot block the log; the chain itself goes on from the head, which leaves such a line
    outside it for the check to find.
    """
    last_id, prev_hash = _lock_chain_head(connection)
    highest = connection.execute(select(func.max(col(AuditEntry.id)))).scalar()
    next_id = max(last_id, int(highest or 0)) + 1
    actor = _actor(connection)
    at = stored_time(utc_now())
    rows: list[dict[str, Any]] = []
    named: list[dict[str, int]] = []
    for number, line in enumerate(lines, start=next_id):
        digest = entry_hash(
            entry_id=number,
            at=at,
            actor=actor,
            action=line.action,
            entity=line.entity,
            entity_id=line.entity_id,
            fields=line.fields,
            detail=line.detail,
            citizen_ids=line.citizen_ids,
            prev_hash=prev_hash,
        )
        rows.append(
            {
                "id": number,
                "at_utc": at,
                "actor": actor,
                "action": line.action,
                "entity": line.entity,
                "entity_id": line.entity_id,
                "fields": line.fields,
                "detail": line.detail,
                "prev_hash": prev_hash,
                "entry_hash": digest,
            }
        )
        named.extend({"audit_id": number, "citizen_id": c} for c in line.citizen_ids)
        prev_hash = digest
    # The time goes in as naive UTC through a plain DateTime, so the column holds exactly the
    # time that was hashed (the model's zone-aware type would let PostgreSQL shift it).
    connection.execute(insert(AuditEntry).values(at=bindparam("at_utc", type_=DateTime())), rows)
    if named:
        connection.execute(insert(AuditCitizen), named)
    connection.execute(
        update(AuditChain)
        .where(col(AuditChain.id) == _HEAD_ID)
        .values(last_id=next_id + len(lines) - 1, last_hash=prev_hash)
    )
    return rows


def record_flush(session: Session, _context: object) -> None:
    """Session `after_flush` hook: one audit line per record created, changed or deleted.

    After the flush, new rows have their numbers and the attribute history still says which
    fields changed; the lines go through the same connection, so they commit or roll back
    with the change they describe.
    """
    lines: list[_Line] = []
    for action, objects in (
        ("create", session.new),
        ("update", session.dirty),
        ("delete", session.deleted),
    ):
        # Sets have no order: sort, so one flush always logs its lines in the same order.
        for obj in sorted(objects, key=_log_order):
            if getattr(obj, "__tablename__", "") in _NOT_AUDITED:
                continue
            fields = changed_fields(obj) if action == "update" else []
            if action == "update" and not fields:
                continue
            citizen_id = _citizen_of(obj)
            lines.append(
                _Line(
                    action=action,
                    entity=str(getattr(obj, "__tablename__", type(obj).__name__.lower())),
                    entity_id=_entity_id(obj),
                    fields=",".join(fields),
                    detail="",
                    citizen_ids=() if citizen_id is None else (citizen_id,),
                )
            )
    if lines:
        _append(session.connection(), lines)


def record_readout(
    session: Session,
    action: str,
    entity: str,
    *,
    detail: str = "",
    citizen_ids: Iterable[int] = (),
    entity_id: int | None = None,
    fields: Iterable[str] = (),
) -> AuditEntry:
    """Log that data left the app (an export, a print, a calendar file, …) and whom it names.

    `detail` is a file name or a count, never content; `fields` names sensitive fields the
    read-out carries (skånehensyn), so they can be found in the log. Call it inside the
    session that produced the data, so the log line and the action share one transaction.
    The returned entry is a copy of the line written, not one the session tracks.
    """
    line = _Line(
        action=action,
        entity=entity,
        entity_id=entity_id,
        fields=",".join(sorted(set(fields))),
        detail=detail[:260],
        citizen_ids=tuple(sorted(set(citizen_ids))),
    )
    (row,) = _append(session.connection(), [line])
    # As when the line was an object the session wrote: the change is stamped at the commit,
    # and what is pending is flushed now, its own lines after this one.
    session.info["changed"] = True
    session.flush()
    return AuditEntry(
        **{key: value for key, value in row.items() if key != "at_utc"},
        at=row["at_utc"].replace(tzinfo=UTC),
    )
