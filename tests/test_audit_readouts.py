"""Every file that leaves the app is in the audit log, naming exactly the citizens it carries."""

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import col

from rfk_trips.config.preferences import Preferences, load_preferences, save_preferences
from rfk_trips.documents.calendar_export import write_trip_calendar
from rfk_trips.documents.programme_service import write_programme
from rfk_trips.documents.reminders import write_reminders
from rfk_trips.exchange.exporting import export_file
from rfk_trips.exchange.exporting_results import export_results_file
from rfk_trips.privacy.acting_user import acting_user, adopt_acting_user
from rfk_trips.privacy.audit_log import AuditLine, audit_lines
from rfk_trips.rules.errors import UserError
from rfk_trips.trips import planning, trip_listing, trip_service
from storage.codes import Attendance, ParticipantRole, TripStatus
from storage.models import Citizen, FollowUp, Outcome, Participation, PrintRecord
from storage.sessions import session_scope
from tests.conftest import TODAY

SECRET = "Angst i store grupper, må ikke sidde bagerst"


def _last(engine: Engine) -> AuditLine:
    return audit_lines(engine, read_outs_only=True, limit=1)[0]


def _ids(engine: Engine, column: object) -> set[int]:
    with session_scope(engine) as session:
        return set(session.scalars(select(column)))  # type: ignore[call-overload]


def _future_trip(engine: Engine) -> trip_service.TripDetail:
    rows = trip_listing.list_trips(engine, date_from=TODAY + timedelta(days=1))
    for row in rows:
        detail = trip_service.trip_detail(engine, row.id)
        if detail.participants and detail.visits and detail.status != TripStatus.CANCELLED:
            return detail
    raise AssertionError("the demo data has an upcoming trip with visits and participants")


@pytest.mark.parametrize(
    ("kind", "column"),
    [
        ("citizens", Citizen.id),
        ("participants", Participation.citizen_id),
        ("companies", None),
        ("staff", None),
        ("trips", None),
    ],
)
def test_each_register_export_names_the_citizens_in_the_file(
    demo_engine: Engine, tmp_path: Path, kind: str, column: object
) -> None:
    path = tmp_path / f"{kind}.csv"
    export_file(demo_engine, kind, path)  # type: ignore[arg-type]
    line = _last(demo_engine)
    assert (line.action, line.entity, line.detail) == ("export", kind, f"{kind}.csv")
    expected = _ids(demo_engine, column) if column is not None else set()
    assert set(line.citizen_ids) == expected
    assert line.fields == ()


@pytest.mark.parametrize(
    ("kind", "column"),
    [("followups", FollowUp.citizen_id), ("outcomes", Outcome.citizen_id), ("stats", None)],
)
def test_each_results_export_names_the_citizens_in_the_file(
    demo_engine: Engine, tmp_path: Path, kind: str, column: object
) -> None:
    export_results_file(demo_engine, kind, tmp_path / f"{kind}.xlsx", today=TODAY)  # type: ignore[arg-type]
    line = _last(demo_engine)
    assert (line.action, line.entity, line.detail) == ("export", kind, f"{kind}.xlsx")
    expected = _ids(demo_engine, column) if column is not None else set()
    assert set(line.citizen_ids) == expected
    if column is not None:
        assert expected  # the demo data has some, so the check above means something


def test_the_citizens_export_leaves_skaanehensyn_out_by_default(
    demo_engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "borgere.csv"
    export_file(demo_engine, "citizens", path)
    header = path.read_text(encoding="utf-8-sig").splitlines()[0]
    assert "skaanehensyn" not in header


def test_a_sensitive_export_must_say_so_in_its_name(demo_engine: Engine, tmp_path: Path) -> None:
    before = len(audit_lines(demo_engine))
    with pytest.raises(UserError) as refused:
        export_file(demo_engine, "citizens", tmp_path / "borgere.xlsx", sensitive=True)
    assert "borgere-følsomme.xlsx" in refused.value.message
    assert not (tmp_path / "borgere.xlsx").exists()
    assert len(audit_lines(demo_engine)) == before
    with pytest.raises(UserError, match="Kun borgereksporten"):
        export_file(
            demo_engine, "participants", tmp_path / "deltagere-følsomme.csv", sensitive=True
        )


def test_a_sensitive_export_carries_the_field_and_the_log_names_it(
    demo_engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "borgere-følsomme.csv"
    export_file(demo_engine, "citizens", path, sensitive=True)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].split(";")[-1] == "skaanehensyn"
    line = _last(demo_engine)
    assert line.fields == ("accommodation_needs",)
    assert line.detail == "borgere-følsomme.csv"
    assert set(line.citizen_ids) == _ids(demo_engine, Citizen.id)


def test_the_staff_run_sheet_names_participants_and_reserves_and_the_others_none(
    demo_engine: Engine, tmp_path: Path
) -> None:
    detail = _future_trip(demo_engine)
    reserve = next(
        cid
        for cid in sorted(_ids(demo_engine, Citizen.id))
        if cid not in {p.citizen_id for p in detail.participants}
    )
    planning.add_participants(demo_engine, detail.id, [reserve], reserve=True)
    detail = trip_service.trip_detail(demo_engine, detail.id)
    assert any(p.role == ParticipantRole.RESERVE for p in detail.participants)

    write_programme(demo_engine, detail.id, "staff", tmp_path / "koereark.txt", today=TODAY)
    line = _last(demo_engine)
    assert (line.action, line.entity, line.entity_id) == ("print", "staff", detail.id)
    assert set(line.citizen_ids) == {p.citizen_id for p in detail.participants}
    assert reserve in line.citizen_ids

    for audience in ("participant", "company", "bus"):
        write_programme(demo_engine, detail.id, audience, tmp_path / f"{audience}.txt", today=TODAY)
        line = _last(demo_engine)
        assert (line.action, line.entity, line.detail) == ("print", audience, f"{audience}.txt")
        assert line.citizen_ids == ()


def test_the_calendar_file_is_logged_naming_no_citizen(demo_engine: Engine, tmp_path: Path) -> None:
    detail = _future_trip(demo_engine)
    write_trip_calendar(demo_engine, detail.id, tmp_path / "tur.ics")
    line = _last(demo_engine)
    assert (line.action, line.entity, line.entity_id, line.detail) == (
        "ics",
        "trip",
        detail.id,
        "tur.ics",
    )
    assert line.citizen_ids == ()


def test_a_file_that_cannot_be_written_leaves_no_log_line(
    demo_engine: Engine, tmp_path: Path
) -> None:
    detail = _future_trip(demo_engine)
    before = len(audit_lines(demo_engine))
    with pytest.raises(UserError):
        write_trip_calendar(demo_engine, detail.id, tmp_path / "findes-ikke" / "tur.ics")
    assert len(audit_lines(demo_engine)) == before


def test_reminders_name_each_participant_in_the_file(demo_engine: Engine, tmp_path: Path) -> None:
    detail = _future_trip(demo_engine)
    excused = detail.participants[0].citizen_id
    with session_scope(demo_engine) as session:
        row = session.scalars(
            select(Participation).where(
                col(Participation.trip_id) == detail.id, col(Participation.citizen_id) == excused
            )
        ).one()
        row.attendance = Attendance.EXCUSED
        session.add(row)
    result = write_reminders(demo_engine, detail.id, tmp_path / "sms.csv")
    line = _last(demo_engine)
    assert (line.action, line.entity, line.entity_id) == ("reminders", "trip", detail.id)
    coming = {
        p.citizen_id
        for p in detail.participants
        if p.role == ParticipantRole.PARTICIPANT and p.citizen_id != excused
    }
    assert set(line.citizen_ids) == coming
    assert len(line.citizen_ids) == result.rows


@pytest.mark.sqlite_only("initials name the actor on the file; on the server the login does")
def test_initials_from_settings_name_who_acts_on_prints_and_in_the_log(
    demo_engine: Engine, tmp_path: Path
) -> None:
    save_preferences(Preferences(initials="  HH  "))
    assert load_preferences().initials == "HH"
    assert adopt_acting_user() == "HH" == acting_user()
    detail = _future_trip(demo_engine)
    write_programme(demo_engine, detail.id, "staff", tmp_path / "koereark.txt", today=TODAY)
    assert _last(demo_engine).actor == "HH"
    with session_scope(demo_engine) as session:
        record = session.scalars(select(PrintRecord)).one()
    assert record.printed_by == "HH"
    # Cleared initials fall back to the computer's login.
    assert adopt_acting_user("") != "HH"


def test_no_sensitive_value_reaches_any_audit_line(demo_engine: Engine, tmp_path: Path) -> None:
    from rfk_trips.registers.citizen_service import citizen_form_values, save_citizen

    citizen_id = min(_ids(demo_engine, Citizen.id))
    values = citizen_form_values(demo_engine, citizen_id)
    values["accommodation_needs"] = SECRET
    save_citizen(demo_engine, citizen_id, values, today=TODAY)
    export_file(demo_engine, "citizens", tmp_path / "borgere-følsomme.csv", sensitive=True)
    assert SECRET in (tmp_path / "borgere-følsomme.csv").read_text(encoding="utf-8-sig")
    export_file(demo_engine, "participants", tmp_path / "deltagere.csv")
    detail = _future_trip(demo_engine)
    write_programme(demo_engine, detail.id, "staff", tmp_path / "koereark.txt", today=TODAY)

    lines = audit_lines(demo_engine)
    changed = next(line for line in lines if line.action == "update" and line.entity == "citizen")
    assert "accommodation_needs" in changed.fields
    text = repr(lines)
    assert SECRET not in text and "Angst" not in text
