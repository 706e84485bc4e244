"""Targets (måltal) per municipality and half-year, and learning cases (læringscases).

Revision ID: 0008_targets_learning_cases
Revises: 0007_jobcentre_phone
Create Date: 2026-12-02 00:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_targets_learning_cases"
down_revision: str | None = "0007_jobcentre_phone"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CASE_INDEXED = ("outcome_id", "citizen_id", "company_id", "written_by")


def _fk(table: str, column: str, target: str, ondelete: str | None) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete=ondelete,
    )


def upgrade() -> None:
    op.create_table(
        "target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("half", sa.Integer(), nullable=False),
        sa.Column("measure", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("target", "municipality_id", "municipality", "CASCADE"),
        sa.CheckConstraint("half IN (1, 2)", name=op.f("ck_target_half")),
        sa.CheckConstraint("value > 0", name=op.f("ck_target_value")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target")),
        sa.UniqueConstraint(
            "municipality_id",
            "year",
            "half",
            "measure",
            name=op.f("uq_target_municipality_id_year_half_measure"),
        ),
    )

    op.create_table(
        "learning_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outcome_id", sa.Integer(), nullable=True),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.Column("citizen_view", sa.String(), nullable=False),
        sa.Column("company_view", sa.String(), nullable=False),
        sa.Column("caseworker_view", sa.String(), nullable=False),
        sa.Column("consultant_view", sa.String(), nullable=False),
        sa.Column("lessons", sa.String(), nullable=False),
        sa.Column("written_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("learning_case", "outcome_id", "outcome", "SET NULL"),
        _fk("learning_case", "citizen_id", "citizen", None),
        _fk("learning_case", "company_id", "company", "SET NULL"),
        _fk("learning_case", "written_by", "staff", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learning_case")),
    )
    with op.batch_alter_table("learning_case", schema=None) as batch_op:
        for column in _CASE_INDEXED:
            batch_op.create_index(batch_op.f(f"ix_learning_case_{column}"), [column], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("learning_case", schema=None) as batch_op:
        for column in _CASE_INDEXED:
            batch_op.drop_index(batch_op.f(f"ix_learning_case_{column}"))
    op.drop_table("learning_case")
    op.drop_table("target")
