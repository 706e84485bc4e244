"""Initial schema: registers, trip formats, trips, visits, participants, trip staff.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-23 19:12:09.435148
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "database_info",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_database_info")),
    )
    op.create_table(
        "municipality",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("format_codes", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_municipality")),
        sa.UniqueConstraint("name", name=op.f("uq_municipality_name")),
    )
    op.create_table(
        "trip_format",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("min_participants", sa.Integer(), nullable=False),
        sa.Column("max_participants", sa.Integer(), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=True),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("min_staff", sa.Integer(), nullable=False),
        sa.Column("requires_experienced_host", sa.Boolean(), nullable=False),
        sa.Column("single_cohort", sa.Boolean(), nullable=False),
        sa.Column("trips_per_citizen", sa.Integer(), nullable=True),
        sa.Column("programme", sa.JSON(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trip_format")),
        sa.UniqueConstraint("code", name=op.f("uq_trip_format_code")),
    )
    op.create_table(
        "company",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("cvr", sa.String(length=8), nullable=True),
        sa.Column("industry", sa.String(length=40), nullable=False),
        sa.Column("address", sa.String(length=160), nullable=False),
        sa.Column("postcode", sa.String(length=4), nullable=False),
        sa.Column("town", sa.String(length=80), nullable=False),
        sa.Column("municipality_id", sa.Integer(), nullable=True),
        sa.Column("sector", sa.String(length=40), nullable=False),
        sa.Column("employees", sa.Integer(), nullable=True),
        sa.Column("contact_person", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("email", sa.String(length=120), nullable=False),
        sa.Column("placement_experience", sa.Boolean(), nullable=False),
        sa.Column("social_responsibility", sa.Boolean(), nullable=False),
        sa.Column("labour_shortage", sa.Boolean(), nullable=False),
        sa.Column("tasks", sa.JSON(), nullable=False),
        sa.Column("ambassador", sa.Boolean(), nullable=False),
        sa.Column("max_visitors", sa.Integer(), nullable=True),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_company_municipality_id_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_company")),
        sa.UniqueConstraint("cvr", name=op.f("uq_company_cvr")),
    )
    with op.batch_alter_table("company", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_company_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_company_name"), ["name"], unique=False)
        batch_op.create_index("ix_company_postcode_name", ["postcode", "name"], unique=False)

    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("initials", sa.String(length=10), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("email", sa.String(length=120), nullable=False),
        sa.Column("municipality_id", sa.Integer(), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_staff_municipality_id_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("initials", name=op.f("uq_staff_initials")),
    )
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staff_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "trip",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=160), nullable=False),
        sa.Column("trip_date", sa.Date(), nullable=False),
        sa.Column("format_id", sa.Integer(), nullable=False),
        sa.Column("municipality_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("meeting_place", sa.String(length=200), nullable=False),
        sa.Column("meeting_time", sa.Time(), nullable=True),
        sa.Column("return_time", sa.Time(), nullable=True),
        sa.Column("bus_operator", sa.String(length=120), nullable=False),
        sa.Column("bus_reference", sa.String(length=60), nullable=False),
        sa.Column("bus_seats", sa.Integer(), nullable=True),
        sa.Column("catering_count", sa.Integer(), nullable=True),
        sa.Column("catering_notes", sa.String(), nullable=False),
        sa.Column("programme", sa.JSON(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["format_id"], ["trip_format.id"], name=op.f("fk_trip_format_id_trip_format")
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_trip_municipality_id_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trip")),
    )
    with op.batch_alter_table("trip", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_trip_format_id"), ["format_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_trip_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_trip_trip_date"), ["trip_date"], unique=False)

    op.create_table(
        "citizen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("municipality_id", sa.Integer(), nullable=True),
        sa.Column("benefit_group", sa.String(length=40), nullable=False),
        sa.Column("caseworker_id", sa.Integer(), nullable=True),
        sa.Column("cohort", sa.String(length=80), nullable=False),
        sa.Column("job_goals", sa.JSON(), nullable=False),
        sa.Column("attendance_duty", sa.Boolean(), nullable=False),
        sa.Column("referral_date", sa.Date(), nullable=True),
        sa.Column("accommodation_needs", sa.String(), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("gender", sa.String(length=40), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["caseworker_id"],
            ["staff.id"],
            name=op.f("fk_citizen_caseworker_id_staff"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_citizen_municipality_id_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_citizen")),
    )
    with op.batch_alter_table("citizen", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_citizen_caseworker_id"), ["caseworker_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_citizen_cohort"), ["cohort"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_citizen_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_citizen_name"), ["name"], unique=False)
        batch_op.create_index("ix_citizen_name_phone", ["name", "phone"], unique=False)

    op.create_table(
        "trip_staff",
        sa.Column("trip_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("is_lead", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_trip_staff_staff_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["trip_id"], ["trip.id"], name=op.f("fk_trip_staff_trip_id_trip"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("trip_id", "staff_id", name=op.f("pk_trip_staff")),
    )
    with op.batch_alter_table("trip_staff", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_trip_staff_staff_id"), ["staff_id"], unique=False)

    op.create_table(
        "visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trip_id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("showing", sa.String(), nullable=False),
        sa.Column("host_contact", sa.String(length=120), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["company.id"], name=op.f("fk_visit_company_id_company")
        ),
        sa.ForeignKeyConstraint(
            ["trip_id"], ["trip.id"], name=op.f("fk_visit_trip_id_trip"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_company_id"), ["company_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_trip_id"), ["trip_id"], unique=False)

    op.create_table(
        "participation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trip_id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("attendance", sa.String(length=40), nullable=False),
        sa.Column("checked_in_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["citizen_id"], ["citizen.id"], name=op.f("fk_participation_citizen_id_citizen")
        ),
        sa.ForeignKeyConstraint(
            ["trip_id"], ["trip.id"], name=op.f("fk_participation_trip_id_trip"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participation")),
        sa.UniqueConstraint(
            "trip_id", "citizen_id", name=op.f("uq_participation_trip_id_citizen_id")
        ),
    )
    with op.batch_alter_table("participation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_participation_citizen_id"), ["citizen_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_participation_trip_id"), ["trip_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("participation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participation_trip_id"))
        batch_op.drop_index(batch_op.f("ix_participation_citizen_id"))

    op.drop_table("participation")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_trip_id"))
        batch_op.drop_index(batch_op.f("ix_visit_company_id"))

    op.drop_table("visit")
    with op.batch_alter_table("trip_staff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trip_staff_staff_id"))

    op.drop_table("trip_staff")
    with op.batch_alter_table("citizen", schema=None) as batch_op:
        batch_op.drop_index("ix_citizen_name_phone")
        batch_op.drop_index(batch_op.f("ix_citizen_name"))
        batch_op.drop_index(batch_op.f("ix_citizen_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_citizen_cohort"))
        batch_op.drop_index(batch_op.f("ix_citizen_caseworker_id"))

    op.drop_table("citizen")
    with op.batch_alter_table("trip", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trip_trip_date"))
        batch_op.drop_index(batch_op.f("ix_trip_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_trip_format_id"))

    op.drop_table("trip")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_municipality_id"))

    op.drop_table("staff")
    with op.batch_alter_table("company", schema=None) as batch_op:
        batch_op.drop_index("ix_company_postcode_name")
        batch_op.drop_index(batch_op.f("ix_company_name"))
        batch_op.drop_index(batch_op.f("ix_company_municipality_id"))

    op.drop_table("company")
    op.drop_table("trip_format")
    op.drop_table("municipality")
    op.drop_table("database_info")
