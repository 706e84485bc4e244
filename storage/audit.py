"""Writing the append-only audit log: every change made through a session, and each read-out.

Changes are caught in one place, the session's flush, so no service can forget to log one.
Only table names, record numbers and field names are written, never values: the log must
be safe to show a data protection officer and must not itself spread personal data.
"""

from collections.abc import Iterable
from typing import Any

from sqlalchemy import insert, inspect
from sqlalchemy.orm import Session

from storage.actor import current_actor
from storage.models import AuditCitizen, AuditEntry, Citizen, utc_now

# Bookkeeping the app itself keeps; a change to these alone is not a user's change.
_NOT_USER_FIELDS = frozenset({"updated_at", "search_text", "sort_name", "version"})
_NOT_AUDITED = frozenset({"audit_entry", "audit_citizen", "database_info", "alembic_version"})


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


def record_flush(session: Session, _context: object) -> None:
    """Session `after_flush` hook: one audit line per record created, changed or deleted.

    After the flush, new rows have their numbers and the attribute history still says which
    fields changed; the lines go through the same connection, so they commit or roll back
    with the change they describe.
    """
    lines: list[tuple[str, object, list[str]]] = []
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
            lines.append((action, obj, fields))
    if not lines:
        return
    connection = session.connection()
    actor = current_actor()
    at = utc_now()
    for action, obj, fields in lines:
        result = connection.execute(
            insert(AuditEntry).values(
                at=at,
                actor=actor,
                action=action,
                entity=str(getattr(obj, "__tablename__", type(obj).__name__.lower())),
                entity_id=_entity_id(obj),
                fields=",".join(fields),
                detail="",
            )
        )
        citizen_id = _citizen_of(obj)
        if citizen_id is not None:
            audit_id = result.inserted_primary_key[0] if result.inserted_primary_key else None
            connection.execute(
                insert(AuditCitizen).values(audit_id=audit_id, citizen_id=citizen_id)
            )


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
    """
    entry = AuditEntry(
        at=utc_now(),
        actor=current_actor(),
        action=action,
        entity=entity,
        entity_id=entity_id,
        fields=",".join(sorted(set(fields))),
        detail=detail[:260],
    )
    session.add(entry)
    session.flush()
    assert entry.id is not None
    for citizen_id in sorted(set(citizen_ids)):
        session.add(AuditCitizen(audit_id=entry.id, citizen_id=citizen_id))
    return entry
