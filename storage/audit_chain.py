"""The hash chain that makes the audit log tamper-evident: how one line's hash is made.

Each line's `entry_hash` is SHA-256 over a canonical serialisation of what the line says
(its number, time, actor, action, record, fields, detail and the citizens it names) and the
hash of the line before it (`prev_hash`; the first line chains to GENESIS). A line changed,
deleted or slipped in afterwards no longer fits the hashes around it. Pure: no database, so
the writer (`storage.audit`) and the check (`rfk_trips.privacy.audit_chain`) share one rule.

The serialisation is versioned: a later format gets a new CHAIN_VERSION and leaves lines
hashed under this one readable as they are. Migration 0015 keeps its own frozen copy.
"""

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime

CHAIN_VERSION = 1
# What the first line of every log chains to: no line came before it.
GENESIS = "0" * 64
_TAG = "rfk-trips audit line"

# The triggers that keep the log append-only, as the migrations create them (SQLite keeps a
# trigger's CREATE statement as written). A trigger missing or rewritten means the database
# no longer refuses a change, so the check asks for each of these by name and text.
SQLITE_TRIGGERS: dict[str, str] = {
    **{
        f"{table}_no_{verb.lower()}": (
            f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
        )
        for table in ("audit_entry", "audit_citizen", "audit_chain")
        for verb in ("UPDATE", "DELETE")
        if (table, verb) != ("audit_chain", "UPDATE")
    },
    # The head moves forward only: the no-op update that takes the write lock passes.
    "audit_chain_forward_only": (
        "CREATE TRIGGER audit_chain_forward_only BEFORE UPDATE ON audit_chain "
        "WHEN NEW.last_id < OLD.last_id "
        "OR (NEW.last_id = OLD.last_id AND NEW.last_hash IS NOT OLD.last_hash) "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    ),
}
# PostgreSQL: trigger name -> table; their functions raise on every update or delete.
POSTGRESQL_TRIGGERS: dict[str, str] = {
    "audit_entry_append_only": "audit_entry",
    "audit_citizen_append_only": "audit_citizen",
    "audit_chain_forward_only": "audit_chain",
    # The actor of a line is the login writing it (migration 0017).
    "audit_entry_actor_is_login": "audit_entry",
}


def stored_time(at: datetime) -> datetime:
    """The time as the log stores it: UTC without a zone, to the microsecond.

    Written so on purpose, so that what is hashed is what is read back on SQLite and on
    PostgreSQL alike (a zone-aware value would be shifted by PostgreSQL's session zone).
    """
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at


def time_text(at: datetime) -> str:
    return stored_time(at).isoformat(sep=" ", timespec="microseconds")


def entry_hash(
    *,
    entry_id: int,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    fields: str,
    detail: str,
    citizen_ids: Iterable[int],
    prev_hash: str,
) -> str:
    """The line's hash, in hex: version 1 of the serialisation (a compact JSON array)."""
    content = [
        _TAG,
        CHAIN_VERSION,
        entry_id,
        time_text(at),
        actor,
        action,
        entity,
        entity_id,
        fields,
        detail,
        sorted(citizen_ids),
        prev_hash,
    ]
    serialised = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(serialised.encode("utf-8")).hexdigest()
