"""Getting people there and preparing the day (issue 21, DOMAIN.md R07, R10, R12, R13, R20,
R22, R24).

- `participation`: the transport allowance (yes/no, kroner), a pick-up (where, when), the
  way to the meeting place in minutes, and staff's two plain markers: unsure about the visit,
  prepared for it. No health text anywhere.
- `citizen.physical_limitation`: a plain marker, apart from the skånehensyn text.
- `company.offers_placement`, `company.inclusion_resources`: the host's side.
- `visit.agreed_on`: the day the host agreed to the visit.
- `trip.agenda_notes`: what participants raised in the open agenda slot, noted on the day.
- `trip_format.staff_roles`: the roles a format wants; the built-in formats get theirs
  (Lolland three jobformidlere; Guldborgsund two virksomhedskonsulenter, with accompanying
  arbejdsmarkedskonsulenter on top, DOMAIN.md R13).
- Programme items of kind "outing" (the skovtur) are marked physically demanding, in the
  formats and the trips, as the built-in Guldborgsund programme now marks it.

Revision ID: 0019_getting_there
Revises: 0018_calendar_identity
Create Date: 2026-12-08 00:10:00
"""

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0019_getting_there"
down_revision: str | None = "0018_calendar_identity"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As the built-in formats were written when this revision was.
_BUILTIN_ROLES = {
    "lolland": {"job_broker": 3},
    "guldborgsund": {"company_consultant": 2},
}


def _mark_outings(stored: Any) -> tuple[Any, bool]:
    items = json.loads(stored) if isinstance(stored, str) else stored
    changed = False
    for item in items or []:
        if item.get("kind") == "outing" and item.get("demanding") != "1":
            item["demanding"] = "1"
            changed = True
    return items, changed


def _programmes(table_name: str) -> None:
    connection = op.get_bind()
    table = sa.table(table_name, sa.column("id", sa.Integer()), sa.column("programme", sa.JSON()))
    for row_id, stored in connection.execute(sa.select(table.c.id, table.c.programme)).all():
        items, changed = _mark_outings(stored)
        if changed:
            connection.execute(sa.update(table).where(table.c.id == row_id).values(programme=items))


_COLUMNS: tuple[tuple[str, sa.Column[Any]], ...] = (
    ("participation", sa.Column("transport_allowance", sa.Boolean(), nullable=False,
                                server_default=sa.false())),
    ("participation", sa.Column("transport_amount", sa.Integer(), nullable=True)),
    ("participation", sa.Column("pickup_place", sa.String(length=200), nullable=False,
                                server_default="")),
    ("participation", sa.Column("pickup_time", sa.Time(), nullable=True)),
    ("participation", sa.Column("travel_minutes", sa.Integer(), nullable=True)),
    ("participation", sa.Column("unsure", sa.Boolean(), nullable=False,
                                server_default=sa.false())),
    ("participation", sa.Column("prepared", sa.Boolean(), nullable=False,
                                server_default=sa.false())),
    ("citizen", sa.Column("physical_limitation", sa.Boolean(), nullable=False,
                          server_default=sa.false())),
    ("company", sa.Column("offers_placement", sa.Boolean(), nullable=False,
                          server_default=sa.false())),
    ("company", sa.Column("inclusion_resources", sa.Boolean(), nullable=False,
                          server_default=sa.false())),
    ("visit", sa.Column("agreed_on", sa.Date(), nullable=True)),
    ("trip", sa.Column("agenda_notes", sa.String(), nullable=False, server_default="")),
    ("trip_format", sa.Column("staff_roles", sa.JSON(), nullable=False, server_default="{}")),
)  # fmt: skip


def upgrade() -> None:
    # Plain ADD COLUMN, not a batch copy: copying `citizen`, `trip` or `company` on SQLite
    # would drop the table, which the foreign keys pointing at it refuse.
    for table, column in _COLUMNS:
        op.add_column(table, column)
    connection = op.get_bind()
    formats = sa.table(
        "trip_format",
        sa.column("code", sa.String()),
        sa.column("builtin", sa.Boolean()),
        sa.column("staff_roles", sa.JSON()),
    )
    for code, roles in _BUILTIN_ROLES.items():
        connection.execute(
            sa.update(formats)
            .where(formats.c.code == code, formats.c.builtin == sa.true())
            .values(staff_roles=roles)
        )
    _programmes("trip_format")
    _programmes("trip")


def downgrade() -> None:
    # A plain DROP COLUMN for the same reason (SQLite 3.35 has it).
    for table, column in reversed(_COLUMNS):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column.name}")
