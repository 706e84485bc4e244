"""The data model the Foundation asks for, as a new database holds it.

Each table carries the fields issue 2 lists, and the three built-in trip formats are written
with exactly the values of the two municipal variants (DOMAIN.md §1.3) and custom.
"""

from datetime import time

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from storage.codes import Attendance, Industry, ParticipantRole, Sector, StaffRole, TripStatus
from storage.models import Municipality, TripFormat

# table -> the columns the issue names for it (in English, as the code names them).
FIELDS: dict[str, set[str]] = {
    "municipality": {"name", "format_codes"},
    "company": {
        "name", "cvr", "industry", "address", "postcode", "town", "municipality_id", "sector",
        "employees", "contact_person", "phone", "email", "placement_experience",
        "social_responsibility", "labour_shortage", "tasks", "ambassador", "max_visitors",
        "notes", "archived",
    },
    "citizen": {
        "name", "phone", "municipality_id", "benefit_group", "caseworker_id", "cohort",
        "job_goals", "attendance_duty", "referral_date", "accommodation_needs", "birth_year",
        "gender",
    },
    "staff": {"name", "initials", "role", "phone", "email", "municipality_id"},
    "trip_format": {
        "code", "name", "min_participants", "max_participants", "visits", "start_time",
        "end_time", "min_staff", "requires_experienced_host", "single_cohort",
        "trips_per_citizen", "programme",
    },
    "trip": {
        "title", "trip_date", "format_id", "municipality_id", "status", "meeting_place",
        "meeting_time", "return_time", "bus_operator", "bus_reference", "bus_seats",
        "catering_count", "catering_notes", "programme", "notes", "version",
    },
    "visit": {
        "trip_id", "company_id", "position", "start_time", "end_time", "showing",
        "host_contact", "confirmed",
    },
    "participation": {"trip_id", "citizen_id", "role", "attendance", "checked_in_at", "note"},
    "trip_staff": {"trip_id", "staff_id", "is_lead"},
}  # fmt: skip


@pytest.mark.parametrize("table", sorted(FIELDS))
def test_every_table_has_the_fields_the_issue_lists(engine: Engine, table: str) -> None:
    columns = {column["name"] for column in inspect(engine).get_columns(table)}
    assert FIELDS[table] <= columns


def test_no_cpr_number_is_stored(engine: Engine) -> None:
    columns = {column["name"] for column in inspect(engine).get_columns("citizen")}
    assert not {name for name in columns if "cpr" in name}


def test_cvr_is_unique_and_initials_are_unique(engine: Engine) -> None:
    def unique_columns(table: str) -> set[str]:
        inspector = inspect(engine)
        found = {tuple(u["column_names"]) for u in inspector.get_unique_constraints(table)}
        found |= {tuple(i["column_names"]) for i in inspector.get_indexes(table) if i["unique"]}
        return {columns[0] for columns in found if len(columns) == 1}

    assert "cvr" in unique_columns("company")
    assert "initials" in unique_columns("staff")


def test_the_closed_vocabularies_are_the_issues() -> None:
    assert len([i for i in Industry if i is not Industry.OTHER]) == 10
    assert {s.value for s in Sector} == {"private", "public", "other"}
    assert len(StaffRole) == 6
    assert [s.value for s in TripStatus] == [
        "draft", "planned", "confirmed", "completed", "cancelled",
    ]  # fmt: skip
    assert {r.value for r in ParticipantRole} == {"participant", "reserve"}
    assert len(Attendance) == 6  # afventer, mødt, kom for sent, gik tidligt, afbud, udeblevet


def formats(engine: Engine) -> dict[str, TripFormat]:
    with Session(engine) as session:
        return {row.code: row for row in session.scalars(select(TripFormat))}


def test_the_guldborgsund_format(engine: Engine) -> None:
    fmt = formats(engine)["guldborgsund"]
    assert (fmt.min_participants, fmt.max_participants, fmt.visits) == (6, 12, 2)
    assert fmt.requires_experienced_host is True
    assert fmt.start_time == time(8, 30)
    assert fmt.single_cohort is False and fmt.trips_per_citizen is None
    kinds = [item["kind"] for item in fmt.programme]
    assert kinds[0] == "meeting" and fmt.programme[0]["time"] == "08:30"
    assert {"outing", "meal", "open_agenda"} <= set(kinds)  # skovtur, forplejning, dagsorden
    assert kinds.count("visit") == 2
    assert any("Skovtur" in item["text"] for item in fmt.programme)


def test_the_lolland_format(engine: Engine) -> None:
    fmt = formats(engine)["lolland"]
    assert (fmt.min_participants, fmt.max_participants, fmt.visits) == (12, 15, 1)
    assert (fmt.start_time, fmt.end_time) == (time(13, 0), time(16, 0))
    assert fmt.min_staff == 3
    assert fmt.single_cohort is True and fmt.trips_per_citizen == 2
    assert fmt.requires_experienced_host is False
    kinds = [item["kind"] for item in fmt.programme]
    assert kinds.count("visit") == 1 and "open_agenda" in kinds


def test_the_custom_format(engine: Engine) -> None:
    fmt = formats(engine)["custom"]
    assert (fmt.min_participants, fmt.max_participants) == (6, 15)
    assert fmt.visits is None
    assert not fmt.requires_experienced_host and not fmt.single_cohort


def test_the_municipalities_and_the_formats_they_use(engine: Engine) -> None:
    with Session(engine) as session:
        uses = {m.name: set(m.format_codes) for m in session.scalars(select(Municipality))}
    assert uses["Guldborgsund"] >= {"guldborgsund"}
    assert uses["Lolland"] >= {"lolland"}
