"""The columns the home screen reads, as SQLAlchemy Core clauses that need no table models.

Defining the table models (`storage.models`) costs SQLModel, pydantic and the ORM a good
part of a second's start-up on a slow laptop; the home screen's figures are read through
these instead while Textual starts, and the models load after the home screen shows. Each
clause names only the columns read here; `tests/test_core_tables.py` holds every one to
the models' own table, name and type.
"""

from sqlalchemy import JSON, Boolean, Date, Integer, String, column, table
from sqlalchemy.sql.elements import ColumnElement

from storage import company_criteria
from storage.codes import FollowUpKind, ParticipantRole, TripStatus
from storage.column_types import CodeColumn, UTCDateTime

trip = table(
    "trip",
    column("id", Integer),
    column("title", String),
    column("trip_date", Date),
    column("status", CodeColumn(TripStatus)),
    column("format_id", Integer),
    column("municipality_id", Integer),
)
trip_format = table(
    "trip_format",
    column("id", Integer),
    column("code", String),
    column("min_participants", Integer),
)
municipality = table("municipality", column("id", Integer), column("name", String))
participation = table(
    "participation",
    column("trip_id", Integer),
    column("role", CodeColumn(ParticipantRole)),
)
visit = table(
    "visit",
    column("trip_id", Integer),
    column("company_id", Integer),
    column("confirmed", Boolean),
)
company = table(
    "company",
    column("id", Integer),
    column("name", String),
    column("archived", Boolean),
    column("placement_experience", Boolean),
    column("social_responsibility", Boolean),
    column("labour_shortage", Boolean),
    column("tasks", JSON),
)
citizen = table(
    "citizen",
    column("id", Integer),
    column("name", String),
    column("archived", Boolean),
    column("anonymised_at", UTCDateTime()),
    column("search_text", String),
    column("sort_name", String),
)
staff = table("staff", column("id", Integer), column("initials", String))
# Read-outs of a trip (the reminders made for it), for the home screen.
audit_entry = table(
    "audit_entry",
    column("action", String),
    column("entity", String),
    column("entity_id", Integer),
)
follow_up = table(
    "follow_up",
    column("id", Integer),
    column("citizen_id", Integer),
    column("trip_id", Integer),
    column("staff_id", Integer),
    column("kind", CodeColumn(FollowUpKind)),
    column("due_date", Date),
    column("company_id", Integer),
    column("next_step", String),
    column("note", String),
    column("done_at", UTCDateTime()),
)

TABLES = (trip, trip_format, municipality, participation, visit, company, citizen, staff, follow_up)


def company_qualifies() -> ColumnElement[bool]:
    """R05 over these columns, as `storage.models.company_qualifies` over the model's."""
    return company_criteria.qualifies(
        company.c.placement_experience,
        company.c.social_responsibility,
        company.c.labour_shortage,
        company.c.tasks,
    )
