"""The audit log as a hash chain: each line's hash covers its content and the line before.

Adds `prev_hash` and `entry_hash` to every line and the one-row `audit_chain` head, hashes
the lines already there in number order, and protects the head like the log: it can only
move forward. The log's update trigger is dropped for the one pass that writes the hashes
and created again exactly as it was, in the same transaction.

Revision ID: 0015_audit_chain
Revises: 0014_sort_key_digits
Create Date: 2026-12-04 09:00:00
"""

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0015_audit_chain"
down_revision: str | None = "0014_sort_key_digits"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# storage.audit_chain as it was when this revision was written (version 1 of the hash).
GENESIS = "0" * 64
_REFUSAL = "SELECT RAISE(ABORT, 'audit log is append-only')"
_SQLITE_UPDATE_TRIGGER = (
    f"CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry BEGIN {_REFUSAL}; END"
)
_SQLITE_HEAD_TRIGGERS = (
    f"CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain BEGIN {_REFUSAL}; END",
    "CREATE TRIGGER audit_chain_forward_only BEFORE UPDATE ON audit_chain "
    "WHEN NEW.last_id < OLD.last_id "
    "OR (NEW.last_id = OLD.last_id AND NEW.last_hash IS NOT OLD.last_hash) "
    f"BEGIN {_REFUSAL}; END",
)
_POSTGRESQL_UPDATE_TRIGGER = (
    "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
    "FOR EACH ROW EXECUTE FUNCTION audit_append_only()"
)


def _time_text(at: datetime) -> str:
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.isoformat(sep=" ", timespec="microseconds")


def _entry_hash(row: Sequence[Any], citizen_ids: list[int], prev_hash: str) -> str:
    entry_id, at, actor, action, entity, entity_id, fields, detail = row
    content = [
        "rfk-trips audit line",
        1,
        entry_id,
        _time_text(datetime.fromisoformat(str(at))),
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


def _hash_the_lines() -> tuple[int, str]:
    """Every line's hashes, in number order; the last line's number and hash."""
    connection = op.get_bind()
    entries = sa.table(
        "audit_entry",
        sa.column("id", sa.Integer()),
        sa.column("at", sa.DateTime()),
        sa.column("actor", sa.String()),
        sa.column("action", sa.String()),
        sa.column("entity", sa.String()),
        sa.column("entity_id", sa.Integer()),
        sa.column("fields", sa.String()),
        sa.column("detail", sa.String()),
    )
    named: dict[int, list[int]] = {}
    for audit_id, citizen_id in connection.execute(
        sa.text("SELECT audit_id, citizen_id FROM audit_citizen")
    ):
        named.setdefault(audit_id, []).append(citizen_id)
    c = entries.c
    query = sa.select(
        c.id,
        sa.cast(c.at, sa.String()),  # the stored text, read as the check reads it
        c.actor,
        c.action,
        c.entity,
        c.entity_id,
        c.fields,
        c.detail,
    ).order_by(c.id)
    last_id, prev_hash = 0, GENESIS
    hashes: list[dict[str, object]] = []
    for row in connection.execute(query):
        digest = _entry_hash(row, named.get(row[0], []), prev_hash)
        hashes.append({"line": row[0], "prev": prev_hash, "hash": digest})
        last_id, prev_hash = row[0], digest
    if hashes:
        connection.execute(
            sa.text(
                "UPDATE audit_entry SET prev_hash = :prev, entry_hash = :hash WHERE id = :line"
            ),
            hashes,
        )
    return last_id, prev_hash


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name in ("prev_hash", "entry_hash"):
        op.add_column(
            "audit_entry",
            sa.Column(name, sa.String(length=64), nullable=False, server_default=""),
        )
    op.create_table(
        "audit_chain",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain")),
    )
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry")
    last_id, last_hash = _hash_the_lines()
    if dialect == "sqlite":
        op.execute(_SQLITE_UPDATE_TRIGGER)
    elif dialect == "postgresql":
        op.execute(_POSTGRESQL_UPDATE_TRIGGER)
    op.get_bind().execute(
        sa.text("INSERT INTO audit_chain (id, last_id, last_hash) VALUES (1, :last, :hash)"),
        {"last": last_id, "hash": last_hash},
    )
    if dialect == "sqlite":
        for statement in _SQLITE_HEAD_TRIGGERS:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_chain_forward_only() RETURNS trigger AS $$ BEGIN "
            "IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'audit log is append-only'; END IF; "
            "IF NEW.last_id < OLD.last_id OR (NEW.last_id = OLD.last_id "
            "AND NEW.last_hash IS DISTINCT FROM OLD.last_hash) THEN "
            "RAISE EXCEPTION 'audit log is append-only'; END IF; "
            "RETURN NEW; END $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER audit_chain_forward_only BEFORE UPDATE OR DELETE ON audit_chain "
            "FOR EACH ROW EXECUTE FUNCTION audit_chain_forward_only()"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_chain_no_delete")
        op.execute("DROP TRIGGER IF EXISTS audit_chain_forward_only")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_chain_forward_only ON audit_chain")
        op.execute("DROP FUNCTION IF EXISTS audit_chain_forward_only()")
    op.drop_table("audit_chain")
    # Plain DROP COLUMN: a batch copy of the table would lose the log's triggers.
    for name in ("entry_hash", "prev_hash"):
        op.execute(f"ALTER TABLE audit_entry DROP COLUMN {name}")
