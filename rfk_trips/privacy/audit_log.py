"""Reading the audit log: what was done, by whom, and what left the app naming a citizen.

Also the reading behind the check of its hash chain (`audit_chain` holds the rule).
"""

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import String, cast, inspect, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session
from sqlmodel import col

from rfk_trips.privacy.audit_chain import (
    BackupLine,
    BreakKind,
    ChainBreak,
    ChainHead,
    ChainRow,
    PostgresTrigger,
    backup_difference,
    chain_findings,
    missing_postgresql_triggers,
    missing_sqlite_triggers,
    verify_chain,
)
from storage.migrate import HEAD_REVISION
from storage.models import AuditChain, AuditCitizen, AuditEntry, Staff
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
        logins = _staff_by_login(session, {entry.actor for entry in entries})
        return [
            AuditLine(
                id=entry.id or 0,
                at=entry.at,
                actor=logins.get(entry.actor, entry.actor),
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


def _staff_by_login(session: Session, actors: set[str]) -> dict[str, str]:
    """A login as the log shows it: `login (initials)` for a colleague whose staff record
    names that login (on a shared database the actor is the login, migration 0017)."""
    if not actors:
        return {}
    found = session.execute(
        select(col(Staff.login), col(Staff.initials)).where(col(Staff.login).in_(sorted(actors)))
    )
    return {str(login): f"{login} ({initials})" for login, initials in found}


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


@dataclass(frozen=True)
class ChainReport:
    """What the check of the hash chain found: nothing when the log is intact."""

    lines: int
    findings: list[ChainBreak]
    # The daily backup the chain was compared with; None when none was (or could be).
    backup: Path | None = None

    @property
    def intact(self) -> bool:
        return not self.findings


def audit_chain_report(engine: Engine, *, against_backup: bool = False) -> ChainReport | None:
    """Check the audit log's hash chain, its head and the triggers protecting it.

    Reads only. `against_backup` also compares with the newest daily backup (`db check`);
    the screen and `rfk-trips audit` leave it out, to stay quick. None when the database
    has no chain (a schema older than the chain, as `db check` may meet before an upgrade).
    """
    with engine.connect() as connection:
        if _revision(connection) != HEAD_REVISION:
            return None
        # At this schema the chain is there; its columns or its head dropped is a break too.
        gone = _missing_structure(connection)
        missing = _missing_triggers(connection)
        if gone:
            found = [ChainBreak(BreakKind.STRUCTURE, trigger=name) for name in gone]
            return ChainReport(0, chain_findings(None, None, missing, structure=found))
        rows = _chain_rows(connection)
        head_row = connection.execute(
            select(col(AuditChain.last_id), col(AuditChain.last_hash)).where(
                col(AuditChain.id) == 1
            )
        ).first()
    head = None if head_row is None else ChainHead(int(head_row[0]), str(head_row[1]))
    backup_break, backup = None, None
    if against_backup:
        backup_break, backup = _against_newest_backup(engine, rows)
    findings = chain_findings(verify_chain(rows, head), backup_break, missing)
    return ChainReport(len(rows), findings, backup)


def _revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _missing_structure(connection: Connection) -> list[str]:
    """The log's tables and the chain's columns, by name, that are not in the database."""
    inspector = inspect(connection)
    tables = (AuditEntry.__tablename__, AuditCitizen.__tablename__, AuditChain.__tablename__)
    gone = [table for table in tables if not inspector.has_table(table)]
    if AuditEntry.__tablename__ not in gone:
        columns = {column["name"] for column in inspector.get_columns(AuditEntry.__tablename__)}
        gone += [
            f"{AuditEntry.__tablename__}.{name}"
            for name in ("prev_hash", "entry_hash")
            if name not in columns
        ]
    return gone


def _chain_rows(connection: Connection) -> list[ChainRow]:
    named: dict[int, list[int]] = {}
    links = select(col(AuditCitizen.audit_id), col(AuditCitizen.citizen_id)).order_by(
        col(AuditCitizen.audit_id), col(AuditCitizen.citizen_id)
    )
    for audit_id, citizen_id in connection.execute(links):
        named.setdefault(audit_id, []).append(citizen_id)
    query = select(
        col(AuditEntry.id),
        # The stored text of the time, parsed in the rule: a value put there with SQL that is
        # no time at all is a changed line, not a failure of the check.
        cast(col(AuditEntry.at), String),
        col(AuditEntry.actor),
        col(AuditEntry.action),
        col(AuditEntry.entity),
        col(AuditEntry.entity_id),
        col(AuditEntry.fields),
        col(AuditEntry.detail),
        col(AuditEntry.prev_hash),
        col(AuditEntry.entry_hash),
    ).order_by(col(AuditEntry.id))
    # The number is the table's primary key: never None in a stored row.
    return [
        ChainRow(
            id=entry_id or 0,
            at=str(at),
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            fields=fields,
            detail=detail,
            citizen_ids=tuple(named.get(entry_id or 0, ())),
            prev_hash=prev_hash,
            entry_hash=entry_hash,
        )
        for (
            entry_id,
            at,
            actor,
            action,
            entity,
            entity_id,
            fields,
            detail,
            prev_hash,
            entry_hash,
        ) in connection.execute(query)
    ]


def _missing_triggers(connection: Connection) -> list[str]:
    dialect = connection.dialect.name
    if dialect == "sqlite":
        found = connection.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        )
        return missing_sqlite_triggers({str(name): str(sql or "") for name, sql in found})
    if dialect == "postgresql":
        found = connection.execute(
            text(
                "SELECT t.tgname, c.relname, t.tgenabled, p.prosrc FROM pg_trigger t"
                " JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid"
                " WHERE NOT t.tgisinternal"
            )
        )
        return missing_postgresql_triggers(
            {
                str(name): PostgresTrigger(str(table), str(enabled) != "D", str(source or ""))
                for name, table, enabled, source in found
            }
        )
    return []


def _against_newest_backup(
    engine: Engine, rows: list[ChainRow]
) -> tuple[ChainBreak | None, Path | None]:
    from rfk_trips.database.backups import newest_backup_chain

    try:
        with newest_backup_chain(engine) as chain:
            if chain is None:
                return None, None
            anchor = BackupLine(chain.last_id, chain.last_hash, chain.last_at)
            return backup_difference(rows, anchor, chain.hash_of), chain.path
    except sqlite3.DatabaseError:
        return None, None  # a backup that cannot be read to the end is no anchor
