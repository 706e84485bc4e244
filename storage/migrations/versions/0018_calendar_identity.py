"""Calendar UIDs of the database's own: the `calendar_event` table, what each file sent.

Before this revision a trip's calendar file named its events `rfk-trips-trip-<id>` and
`rfk-trips-visit-<id>`, the same in every database: two job centres' trip 1, or a restored
database's new trip that got the number of one lost with the newer data, would update each
other's events in Outlook. From now on the UID of an event sent for the first time carries
the database's random calendar id (`storage.calendar_identity`, drawn when a file first
needs it), and each event sent is kept here, so the next file keeps its UID and sends a
visit that has been removed as cancelled.

The events already in the users' calendars keep their old UIDs: for every trip whose
calendar file the audit log records (an `ics` read-out), the trip and its visits as they
are now are entered here under the old UIDs, with the trip's version as their SEQUENCE, so
the next file updates them instead of adding them a second time. A visit removed before
this upgrade is not known to have been sent and is not cancelled.

Revision ID: 0018_calendar_identity
Revises: 0017_staff_login
Create Date: 2026-12-08 00:30:00
"""

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision: str = "0018_calendar_identity"
down_revision: str | None = "0017_staff_login"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As rfk_trips.documents.calendar_export wrote them up to this revision.
LEGACY_DOMAIN = "rfk-trips.local"
COPENHAGEN = ZoneInfo("Europe/Copenhagen")
VISIT_SUMMARY = "Besøg: {company}"


def _as_time(value: Any) -> time:
    """SQLite hands a TIME back as text through a bare table(); PostgreSQL as a time."""
    return value if isinstance(value, time) else time.fromisoformat(str(value))


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _legacy_events() -> list[dict[str, Any]]:
    connection = op.get_bind()
    audit = sa.table(
        "audit_entry",
        sa.column("action", sa.String()),
        sa.column("entity", sa.String()),
        sa.column("entity_id", sa.Integer()),
    )
    trip = sa.table(
        "trip",
        sa.column("id", sa.Integer()),
        sa.column("title", sa.String()),
        sa.column("trip_date", sa.Date()),
        sa.column("meeting_place", sa.String()),
        sa.column("version", sa.Integer()),
    )
    visit = sa.table(
        "visit",
        sa.column("id", sa.Integer()),
        sa.column("trip_id", sa.Integer()),
        sa.column("company_id", sa.Integer()),
        sa.column("start_time", sa.Time()),
        sa.column("end_time", sa.Time()),
    )
    company = sa.table(
        "company",
        sa.column("id", sa.Integer()),
        sa.column("name", sa.String()),
        sa.column("address", sa.String()),
        sa.column("postcode", sa.String()),
        sa.column("town", sa.String()),
    )
    sent = (
        sa.select(audit.c.entity_id)
        .where(audit.c.action == "ics", audit.c.entity == "trip")
        .where(audit.c.entity_id.is_not(None))
        .distinct()
    )
    rows: list[dict[str, Any]] = []
    trips = connection.execute(sa.select(trip).where(trip.c.id.in_(sent)).order_by(trip.c.id)).all()
    for trip_id, title, trip_date, meeting_place, version in trips:
        day = _as_date(trip_date)
        rows.append(
            {
                "uid": f"rfk-trips-trip-{trip_id}@{LEGACY_DOMAIN}",
                "trip_id": trip_id,
                "visit_id": None,
                "sequence": version,
                "summary": title,
                "location": meeting_place or "",
                # The trip's own event is always sent from the trip as it is; its day will do.
                "starts": day.isoformat(),
                "ends": (day + timedelta(days=1)).isoformat(),
                "cancelled": False,
            }
        )
        visits = connection.execute(
            sa.select(
                visit.c.id,
                visit.c.start_time,
                visit.c.end_time,
                company.c.name,
                company.c.address,
                company.c.postcode,
                company.c.town,
            )
            .join(company, company.c.id == visit.c.company_id)
            .where(visit.c.trip_id == trip_id)
            .order_by(visit.c.id)
        ).all()
        for visit_id, start, end, name, address, postcode, town in visits:
            place = " ".join(part for part in (postcode or "", town or "") if part)
            rows.append(
                {
                    "uid": f"rfk-trips-visit-{visit_id}@{LEGACY_DOMAIN}",
                    "trip_id": trip_id,
                    "visit_id": visit_id,
                    "sequence": version,
                    "summary": VISIT_SUMMARY.format(company=name),
                    "location": ", ".join(part for part in (address or "", place) if part),
                    "starts": _moment(day, _as_time(start)),
                    "ends": _moment(day, _as_time(end)),
                    "cancelled": False,
                }
            )
    return rows


def _moment(day: date, at: time) -> str:
    return datetime.combine(day, at, tzinfo=COPENHAGEN).isoformat()


def upgrade() -> None:
    op.create_table(
        "calendar_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=200), nullable=False),
        sa.Column("trip_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("starts", sa.String(length=40), nullable=False),
        sa.Column("ends", sa.String(length=40), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["trip_id"],
            ["trip.id"],
            name=op.f("fk_calendar_event_trip_id_trip"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_event")),
    )
    with op.batch_alter_table("calendar_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_calendar_event_trip_id"), ["trip_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_calendar_event_uid"), ["uid"], unique=True)
    rows = _legacy_events()
    if rows:
        events = sa.table(
            "calendar_event",
            *(sa.column(name) for name in rows[0]),
        )
        op.get_bind().execute(sa.insert(events), rows)


def downgrade() -> None:
    with op.batch_alter_table("calendar_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_event_uid"))
        batch_op.drop_index(batch_op.f("ix_calendar_event_trip_id"))
    op.drop_table("calendar_event")
    op.execute("DELETE FROM database_info WHERE key = 'calendar_id'")
