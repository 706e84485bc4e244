"""Getting there and preparing the day on paper and on the phone (issue 21): a participant's
transport and markers, the run-sheet, the bus's stops, the host's letter, the reminders,
and the home screen's word about tomorrow's reminders."""

import csv
from datetime import time, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.engine import Engine

from rfk_trips.documents import printing
from rfk_trips.documents.programme_service import write_programme
from rfk_trips.documents.trip_files import save_trip_file
from rfk_trips.rules.errors import UserError
from rfk_trips.trips import check_in, format_settings, overview, trip_service
from rfk_trips.trips.participation_details import (
    ParticipationDetails,
    form_values,
    parse_details,
    save_participation,
)
from rfk_trips.trips.transport import pickup_stops, transport_summary
from storage.codes import StaffRole
from storage.models import Citizen, Municipality, Staff, Trip
from storage.sessions import session_scope
from tests.conftest import TODAY
from tests.trip_builders import planned_trip

JOBCENTRE_PHONE = "54 67 00 00"


def _prepared_trip(engine: Engine) -> tuple[int, list[int]]:
    """Guldborgsund's trip of eight: two picked up in Holeby, one in Nysted, two with an
    allowance, one with a physical limitation, one unsure and prepared; a caseworker."""
    trip_id, citizens = planned_trip(engine)
    with session_scope(engine) as session:
        caseworker = Staff(
            name="Sanne Sagsbehandler", initials="SS", role=StaffRole.CASEWORKER, phone="2111 2222"
        )
        session.add(caseworker)
        session.flush()
        for citizen_id in citizens[:3]:
            citizen = session.get(Citizen, citizen_id)
            assert citizen is not None
            citizen.caseworker_id = caseworker.id
        limited = session.get(Citizen, citizens[2])
        assert limited is not None
        limited.physical_limitation = True
        trip = session.get(Trip, trip_id)
        assert trip is not None and trip.municipality_id is not None
        town = session.get(Municipality, trip.municipality_id)
        assert town is not None
        town.jobcentre_phone = JOBCENTRE_PHONE
    holeby = ParticipationDetails(pickup_place="Holeby Station", pickup_time=time(7, 50))
    save_participation(
        engine, trip_id, citizens[0], ParticipationDetails(
            transport_allowance=True, transport_amount=60, pickup_place="Holeby Station",
            pickup_time=time(7, 50),
        ),
    )  # fmt: skip
    save_participation(engine, trip_id, citizens[1], holeby)
    save_participation(
        engine, trip_id, citizens[3], ParticipationDetails(
            pickup_place="Nysted Torv", pickup_time=time(7, 35), travel_minutes=40,
            transport_allowance=True, transport_amount=45, unsure=True, prepared=True,
        ),
    )  # fmt: skip
    return trip_id, citizens


def _text(engine: Engine, trip_id: int, audience: str, path: Path) -> str:
    write_programme(engine, trip_id, audience, path, today=TODAY)
    return " ".join(path.read_text(encoding="utf-8").split())


def test_the_details_form_reads_danish_and_refuses_what_does_not_fit() -> None:
    details = parse_details(
        {"transport_allowance": "ja", "transport_amount": "60", "pickup_place": " Holeby  St. ",
         "pickup_time": "7.50", "travel_minutes": "", "unsure": "nej", "prepared": "ja"}
    )  # fmt: skip
    assert details == ParticipationDetails(True, 60, "Holeby St.", time(7, 50), None, False, True)
    with pytest.raises(UserError) as refused:
        parse_details({"transport_amount": "60", "pickup_time": "08:00", "travel_minutes": "999"})
    assert set(refused.value.field_errors) == {"transport_amount", "pickup_place", "travel_minutes"}
    assert "Et beløb kræver, at transporttilskud er »ja«." in refused.value.details


def test_a_participants_details_are_saved_and_read_back(engine: Engine) -> None:
    trip_id, citizens = _prepared_trip(engine)
    detail = trip_service.trip_detail(engine, trip_id)
    first = next(p for p in detail.participants if p.citizen_id == citizens[0])
    assert form_values(first)["pickup_time"] == "07:50"
    assert (first.details.transport_amount, first.details.pickup_place) == (60, "Holeby Station")
    summary = transport_summary(detail.participants)
    assert (summary.allowances, summary.allowance_total, summary.pickups) == (2, 105, 3)
    assert summary.longest_travel == 40
    stops = pickup_stops(detail.participants)
    assert [(s.at, s.place, len(s.names)) for s in stops] == [
        (time(7, 35), "Nysted Torv", 1),
        (time(7, 50), "Holeby Station", 2),
    ]


def test_a_stale_editor_cannot_overwrite_a_participants_details(engine: Engine) -> None:
    trip_id, citizens = planned_trip(engine)
    version = trip_service.trip_detail(engine, trip_id).version
    save_participation(engine, trip_id, citizens[0], ParticipationDetails(prepared=True))
    with pytest.raises(UserError):
        save_participation(
            engine, trip_id, citizens[0], ParticipationDetails(), expected_version=version
        )
    person = trip_service.trip_detail(engine, trip_id).participants
    assert next(p for p in person if p.citizen_id == citizens[0]).details.prepared


def test_a_physical_limitation_on_the_skovtur_is_warned_of(engine: Engine) -> None:
    trip_id, _ = _prepared_trip(engine)
    findings = trip_service.check(engine, trip_id, today=TODAY)
    assert [f.message for f in findings if f.code == "demanding_item"] == [
        "»Skovtur« er fysisk krævende, og Borger 02 har en fysisk begrænsning: find et "
        "alternativ for dem."
    ]


def test_the_run_sheet_has_the_transport_the_ticks_and_the_four_points(
    engine: Engine, tmp_path: Path
) -> None:
    trip_id, _ = _prepared_trip(engine)
    staff = _text(engine, trip_id, "staff", tmp_path / "staff.txt")
    for expected in (
        "Transporttilskud: 2 deltager(e), i alt 105 kr.",
        "07:35 Nysted Torv Borger 03",
        "07:50 Holeby Station Borger 00, Borger 01",
        "Borger 00 60 kr.",
        "Længste rejsetid til mødestedet: 40 min.",
        "Tal om, hvorfor det er vigtigt at prøve arbejde af",
        "Borger 03 usikker på besøget ✓",
        "Borger 02 fysisk begrænsning [ ]",
    ):
        assert expected in staff, expected


def test_the_participants_version_shows_no_transport_of_others_and_no_markers(
    engine: Engine, tmp_path: Path
) -> None:
    trip_id, _ = _prepared_trip(engine)
    text = _text(engine, trip_id, "participant", tmp_path / "deltagere.txt")
    for hidden in ("kr.", "Holeby Station", "Nysted Torv", "usikker", "fysisk", "Forberedt"):
        assert hidden not in text, hidden


def test_the_bus_version_has_the_pick_ups_as_stops_without_names(
    engine: Engine, tmp_path: Path
) -> None:
    trip_id, _ = _prepared_trip(engine)
    text = _text(engine, trip_id, "bus", tmp_path / "bus.txt")
    assert "07:35 Afhentning (1 pers.) Nysted Torv" in text
    assert "07:50 Afhentning (2 pers.) Holeby Station" in text
    assert text.index("Nysted Torv") < text.index("Holeby Station") < text.index("Opsamling")
    assert "Borger" not in text and "kr." not in text


def test_each_host_gets_its_own_letter_with_the_job_centres_and_caseworkers_numbers(
    engine: Engine, tmp_path: Path
) -> None:
    trip_id, _ = _prepared_trip(engine)
    nobody = printing.PrinterLookup(which=lambda _name: None)
    result = printing.print_programme(
        engine, trip_id, "company", today=TODAY, folder=tmp_path, printer=nobody
    )
    detail = trip_service.trip_detail(engine, trip_id)
    assert len(result.paths) == len(detail.visits) == 2
    assert "2 filer i" in result.message
    for path, visit in zip(result.paths, detail.visits, strict=True):
        assert path.name == f"tur-{trip_id}-virksomhed-{visit.company_id}-{detail.trip_date}.pdf"
        text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)
        other = next(v for v in detail.visits if v.id != visit.id)
        folded = text.casefold()  # the letter's title is in capitals
        assert visit.company_name.casefold() in folded
        assert other.company_name.casefold() not in folded
        assert JOBCENTRE_PHONE in text
        assert "Sanne Sagsbehandler" in text and "2111 2222" in text
        assert "Borger 0" not in text  # no participant by name


def test_two_reminders_per_participant_with_when_to_send_them(
    engine: Engine, tmp_path: Path
) -> None:
    trip_id, _ = planned_trip(engine)
    with session_scope(engine) as session:
        trip = session.get(Trip, trip_id)
        assert trip is not None
        trip.trip_date, trip.meeting_time = TODAY + timedelta(days=1), time(8, 0)
    assert overview.attention(engine, today=TODAY).reminders_missing == 1
    result = save_trip_file(engine, trip_id, "reminders", folder=tmp_path)
    assert result.path.name.startswith(f"tur-{trip_id}-paamindelser-")
    assert result.note is not None and result.note.startswith("Påmindelser til 8 deltager(e)")
    with result.path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == ["navn", "telefon", "sendes", "besked"]
    assert len(rows) == 1 + 16
    day_before, morning = rows[1], rows[9]
    assert day_before[2] == "23-11-2026 16:00" and day_before[3].startswith("Husk busturen")
    assert morning[2] == "24-11-2026 07:00" and morning[3].startswith("I dag er det busturen")
    assert {row[0] for row in rows[1:9]} == {row[0] for row in rows[9:]}
    assert overview.attention(engine, today=TODAY).reminders_missing == 0


def test_the_agenda_is_noted_on_the_day_and_not_before(engine: Engine) -> None:
    trip_id, _ = planned_trip(engine)
    with pytest.raises(UserError, match="ikke"):
        check_in.save_agenda_notes(engine, trip_id, "Løn", today=TODAY - timedelta(days=1))
    check_in.save_agenda_notes(engine, trip_id, "  Løn og arbejdstider  ", today=TODAY)
    assert check_in.checkin_sheet(engine, trip_id).agenda_notes == "Løn og arbejdstider"


def test_a_formats_roles_read_as_staff_write_them() -> None:
    assert format_settings.parse_staff_roles("3 jobformidlere") == {StaffRole.JOB_BROKER: 3}
    assert format_settings.parse_staff_roles(
        "2 virksomhedskonsulenter; arbejdsmarkedskonsulent"
    ) == {StaffRole.COMPANY_CONSULTANT: 2, StaffRole.LABOUR_MARKET_CONSULTANT: 1}
    assert format_settings.parse_staff_roles("") == {}
    with pytest.raises(UserError, match="er ikke et antal og en rolle"):
        format_settings.parse_staff_roles("2 chauffører")
    text = format_settings.staff_roles_text({StaffRole.JOB_BROKER: 3})
    assert format_settings.parse_staff_roles(text) == {StaffRole.JOB_BROKER: 3}
