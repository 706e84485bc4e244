"""Reading the audit log: what was done, by whom, and what left the app naming a citizen."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlmodel import col

from storage.models import AuditCitizen, AuditEntry
from storage.sessions import session_scope

READ_OUTS = frozenset({"export", "print", "ics", "reminders", "report"})


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None
    fields: tuple[str, ...]
    detail: str
    # The citizens the line concerns: the record changed, or those a read-out names.
    citizen_ids: tuple[int, ...] = ()

    @property
    def is_read_out(self) -> bool:
        return self.action in READ_OUTS


def audit_lines(
    engine: Engine,
    *,
    citizen_id: int | None = None,
    read_outs_only: bool = False,
    limit: int | None = None,
) -> list[AuditLine]:
    """Audit lines, newest first; only those about one citizen when `citizen_id` is given."""
    query = select(AuditEntry).order_by(col(AuditEntry.id).desc())
    if citizen_id is not None:
        query = query.where(
            col(AuditEntry.id).in_(
                select(col(AuditCitizen.audit_id)).where(col(AuditCitizen.citizen_id) == citizen_id)
            )
        )
    if read_outs_only:
        query = query.where(col(AuditEntry.action).in_(READ_OUTS))
    if limit is not None:
        query = query.limit(limit)
    with session_scope(engine) as session:
        entries = list(session.scalars(query))
        named = _citizens_of(session, [entry.id for entry in entries if entry.id is not None])
        return [
            AuditLine(
                id=entry.id or 0,
                at=entry.at,
                actor=entry.actor,
                action=entry.action,
                entity=entry.entity,
                entity_id=entry.entity_id,
                fields=tuple(name for name in entry.fields.split(",") if name),
                detail=entry.detail,
                citizen_ids=tuple(sorted(named.get(entry.id or 0, ()))),
            )
            for entry in entries
        ]


_CHUNK = 500  # well below SQLite's limit on the values of one IN (…)


def _citizens_of(session: Session, audit_ids: list[int]) -> dict[int, list[int]]:
    named: dict[int, list[int]] = {}
    for start in range(0, len(audit_ids), _CHUNK):
        chunk = audit_ids[start : start + _CHUNK]
        query = select(col(AuditCitizen.audit_id), col(AuditCitizen.citizen_id)).where(
            col(AuditCitizen.audit_id).in_(chunk)
        )
        for audit_id, citizen_id in session.execute(query):
            named.setdefault(audit_id, []).append(citizen_id)
    return named
