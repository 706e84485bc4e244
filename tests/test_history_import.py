"""The history imports' rules, one at a time, on a small register in real SQLite.

What history may say and what it may not: the planning rules (a date in the past, a weekend)
do not refuse it, the data rules (an unknown company, a citizen on two trips a day, a
completed trip in the future) do, each on its line and column, and nothing of the file is
written. The whole history's round trip is tests/test_history_roundtrip.py's.
"""

import csv
import io
from collections.abc import Iterator, Sequence
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel, col

from rfk_trips.database.opening import open_database
from rfk_trips.exchange import import_reading
from rfk_trips.exchange.exporting import export_file
from rfk_trips.exchange.history_fields import company_ref, company_refs, trip_cell, trip_ref
from rfk_trips.exchange.importing import import_file
from rfk_trips.rules.errors import UserError
from rfk_trips.trips.check_in import checkin_sheet, record
from rfk_trips.trips.trip_service import create_trip
from storage.codes import Attendance, OutcomeKind, TripStatus
from storage.models import (
    AuditEntry,
    Citizen,
    Company,
    Outcome,
    Participation,
    Staff,
    Trip,
    TripStaff,
    Visit,
)
from storage.sessions import session_scope
from tests.database_choice import url_for

TODAY = date(2026, 11, 23)
SATURDAY = date(2024, 3, 2)
TUESDAY = date(2024, 3, 5)

TRIP_HEADER = ["dato", "titel", "format", "kommune", "virksomhed", "fra", "til", "tovholder",
               "medarbejdere", "status", "bus", "noter"]  # fmt: skip
ATTENDANCE_HEADER = ["dato", "titel", "borger", "telefon", "status", "begrundelse"]
OUTCOME_HEADER = ["borger", "telefon", "resultat", "start", "slut", "virksomhed",
                  "timer_pr_uge", "tur", "mål", "noter"]  # fmt: skip


def write_csv(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return path


def read_table_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))
    return rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def count(engine: Engine, model: type[SQLModel]) -> int:
    with session_scope(engine) as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    """A register of three colleagues, four companies (two Maribo Kro told apart by their
    postcode) and four citizens (two Anna Hansen told apart by their phone)."""
    db = open_database(url_for(tmp_path / "t.db"))
    registers = {
        "staff": [
            ["navn", "initialer", "rolle", "kommune"],
            ["Ole Jensen", "OJ", "jobformidler", "Lolland"],
            ["Pia Holm", "PH", "virksomhedskonsulent", "Lolland"],
            ["Rasmus Ry", "RR", "jobformidler", "Guldborgsund"],
        ],
        "companies": [
            ["navn", "cvr", "postnr", "kommune"],
            ["Nordic Sugar", "10150817", "4900", "Lolland"],
            ["Maribo Kro", "", "4930", "Lolland"],
            ["Maribo Kro", "", "4900", "Lolland"],
            ["Nykøbing Byggemarked", "12345674", "4800", "Guldborgsund"],
        ],
        "citizens": [
            ["navn", "telefon", "kommune"],
            ["Anna Hansen", "20 00 00 01", "Lolland"],
            ["Anna Hansen", "20 00 00 02", "Lolland"],
            ["Bo Jensen", "20 00 00 03", "Lolland"],
            ["Åse Ærø", "20 00 00 04", "Guldborgsund"],
        ],
    }
    for kind, rows in registers.items():
        import_file(db.engine, kind, write_csv(tmp_path / f"{kind}.csv", rows), today=TODAY)  # type: ignore[arg-type]
    yield db.engine
    db.engine.dispose()


def trip_row(
    day: date = SATURDAY, title: str = "Bustur til Nordic Sugar", **cells: str
) -> list[str]:
    values = {
        "dato": day.strftime("%d-%m-%Y"), "titel": title, "format": "lolland",
        "kommune": "Lolland", "virksomhed": "Nordic Sugar; Maribo Kro, 4930", "fra": "08:30",
        "til": "14:30", "tovholder": "OJ", "medarbejdere": "PH", "status": "gennemført",
        "bus": "Lolland Bus", "noter": "",
    } | cells  # fmt: skip
    return [values[h] for h in TRIP_HEADER]


def import_rows(
    engine: Engine, tmp_path: Path, kind: str, header: list[str], rows: list[list[str]]
) -> import_reading.ImportReport:
    path = write_csv(tmp_path / f"{kind}-in.csv", [header, *rows])
    return import_file(engine, kind, path, today=TODAY)  # type: ignore[arg-type]


def refusal(
    engine: Engine, tmp_path: Path, kind: str, header: list[str], rows: list[list[str]]
) -> str:
    with pytest.raises(UserError) as raised:
        import_rows(engine, tmp_path, kind, header, rows)
    assert raised.value.message.startswith("Intet er importeret")
    return "\n".join(raised.value.details)


def two_trips(engine: Engine, tmp_path: Path) -> None:
    import_rows(engine, tmp_path, "trips", TRIP_HEADER, [
        trip_row(),
        trip_row(TUESDAY, "Bustur til Maribo Kro", virksomhed="Maribo Kro (4900)"),
    ])  # fmt: skip


# --- cells -------------------------------------------------------------------------------


def test_a_company_is_named_by_cvr_name_or_name_and_postcode() -> None:
    assert company_ref("10 15 08 17").cvr == "10150817"
    assert (company_ref("Maribo Kro, 4930").name, company_ref("Maribo Kro, 4930").postcode) == (
        "Maribo Kro",
        "4930",
    )
    assert company_ref("Maribo Kro (4900)").postcode == "4900"
    assert company_ref("Bager Hansen, Nakskov").name == "Bager Hansen, Nakskov"
    assert [r.text for r in company_refs("A; B", "", "C")] == ["A", "B", "C"]


@given(
    day=st.dates(date(2000, 1, 1), date(2099, 12, 31)),
    title=st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40),
)
def test_a_trip_cell_reads_back_as_the_trip_it_names(day: date, title: str) -> None:
    clean = " ".join(title.split())
    ref = trip_ref(trip_cell(day, clean), TODAY)
    assert (ref.day, ref.title) == (day, clean)


def test_a_trip_cell_may_be_a_number_or_refused_in_danish() -> None:
    assert trip_ref("17", TODAY).trip_id == 17
    with pytest.raises(UserError, match="er ikke en dato"):
        trip_ref("tirsdag Bustur", TODAY)


# --- trips -------------------------------------------------------------------------------


def test_a_past_trip_on_a_weekend_comes_in_with_its_visits_and_staff(
    engine: Engine, tmp_path: Path
) -> None:
    report = import_rows(engine, tmp_path, "trips", TRIP_HEADER, [trip_row()])
    assert (report.created, report.updated, report.unchanged) == (1, 0, 0)
    with session_scope(engine) as session:
        trip = session.scalars(select(Trip)).one()
        assert (trip.trip_date, trip.status, trip.bus_operator) == (
            SATURDAY, TripStatus.COMPLETED, "Lolland Bus",
        )  # fmt: skip
        assert (trip.meeting_time, trip.return_time) == (time(8, 30), time(14, 30))
        visits = list(session.scalars(select(Visit).order_by(col(Visit.position))))
        names = [session.get(Company, v.company_id).name for v in visits]  # type: ignore[union-attr]
        postcodes = [session.get(Company, v.company_id).postcode for v in visits]  # type: ignore[union-attr]
        assert names == ["Nordic Sugar", "Maribo Kro"] and postcodes == ["4900", "4930"]
        assert time(8, 30) <= visits[0].start_time < visits[0].end_time <= visits[1].start_time
        assert visits[1].end_time <= time(14, 30)
        team = {
            session.get(Staff, row.staff_id).initials: row.is_lead  # type: ignore[union-attr]
            for row in session.scalars(select(TripStaff))
        }
        assert team == {"OJ": True, "PH": False}
        # Written as any change is: in the audit log, which names the records, not values.
        logged = set(
            session.scalars(
                select(col(AuditEntry.entity)).where(col(AuditEntry.action) == "create")
            )
        )
        assert {"trip", "visit", "trip_staff"} <= logged


def test_the_same_file_again_changes_nothing_and_a_changed_cell_updates(
    engine: Engine, tmp_path: Path
) -> None:
    import_rows(engine, tmp_path, "trips", TRIP_HEADER, [trip_row()])
    again = import_rows(engine, tmp_path, "trips", TRIP_HEADER, [trip_row()])
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    changed = import_rows(
        engine,
        tmp_path,
        "trips",
        TRIP_HEADER,
        [trip_row(virksomhed="Nordic Sugar", bus="Falster Bus")],
    )
    assert (changed.created, changed.updated) == (0, 1)
    with session_scope(engine) as session:
        trip = session.scalars(select(Trip)).one()
        assert trip.bus_operator == "Falster Bus" and trip.version == 2
        assert count(engine, Visit) == 1


@pytest.mark.parametrize(
    ("cells", "column", "words"),
    [
        ({"virksomhed": "Bager Bent"}, "virksomhed", "findes ikke i registret"),
        ({"virksomhed": "Maribo Kro"}, "virksomhed", "postnummer"),
        ({"virksomhed": "44444445"}, "virksomhed", "CVR 44444445"),
        ({"virksomhed": "Nordic Sugar; Nordic Sugar"}, "virksomhed", "to gange"),
        ({"tovholder": "XY"}, "tovholder", "initialerne »XY«"),
        ({"medarbejdere": "PH, QQ"}, "medarbejdere", "initialerne »QQ«"),
        ({"format": "bornholm"}, "format", "findes ikke"),
        ({"kommune": "Bornholm"}, "kommune", "findes ikke"),
        ({"status": "planlagt"}, "status", "gennemført eller aflyst"),
        ({"status": "måske"}, "status", "Aflyst"),
        ({"fra": "14:00", "til": "09:00"}, "til", "før den begynder"),
        ({"dato": "31-02-2024"}, "dato", "er ikke en dato"),
        ({"titel": ""}, "titel", "skal udfyldes"),
    ],
)
def test_a_bad_trip_row_refuses_the_file_on_its_line_and_column(
    engine: Engine, tmp_path: Path, cells: dict[str, str], column: str, words: str
) -> None:
    rows = [trip_row(TUESDAY, "God tur"), trip_row(SATURDAY, "Bustur til Nordic Sugar", **cells)]
    details = refusal(engine, tmp_path, "trips", TRIP_HEADER, rows)
    assert details.startswith(f"Linje 3: kolonnen {column}: ")
    assert words in details
    assert count(engine, Trip) == 0  # not even the good row


def test_a_completed_trip_cannot_lie_in_the_future_but_a_cancelled_one_can(
    engine: Engine, tmp_path: Path
) -> None:
    future = TODAY + timedelta(days=7)
    details = refusal(engine, tmp_path, "trips", TRIP_HEADER, [trip_row(future)])
    assert details.startswith(
        "Linje 2: kolonnen dato: en gennemført tur kan ikke ligge i fremtiden"
    )
    report = import_rows(
        engine, tmp_path, "trips", TRIP_HEADER, [trip_row(future, status="aflyst")]
    )
    assert report.created == 1


def test_history_does_not_change_a_trip_being_planned(engine: Engine, tmp_path: Path) -> None:
    create_trip(
        engine, format_code="lolland", trip_date=TODAY + timedelta(days=10), title="Næste tur"
    )
    row = trip_row(TODAY + timedelta(days=10), "Næste tur", status="aflyst")
    details = refusal(engine, tmp_path, "trips", TRIP_HEADER, [row])
    assert "kolonnen status: turen findes allerede i rfk-trips og er kladde" in details
    with session_scope(engine) as session:
        assert session.scalars(select(col(Trip.status))).one() == TripStatus.DRAFT


def test_one_file_may_not_hold_a_trip_twice(engine: Engine, tmp_path: Path) -> None:
    details = refusal(engine, tmp_path, "trips", TRIP_HEADER, [trip_row(), trip_row(bus="X")])
    assert details.startswith("Linje 3: kolonnen titel: samme tur (dato og titel) som linje 2")


# --- attendance ----------------------------------------------------------------------------


def attendance_row(
    name: str = "Bo Jensen", status: str = "mødt", *, day: date = SATURDAY,
    title: str = "Bustur til Nordic Sugar", phone: str = "", reason: str = "",
) -> list[str]:  # fmt: skip
    return [day.strftime("%d-%m-%Y"), title, name, phone, status, reason]


def test_attendance_comes_in_with_its_reasons_as_check_in_keeps_them(
    engine: Engine, tmp_path: Path
) -> None:
    two_trips(engine, tmp_path)
    report = import_rows(engine, tmp_path, "attendance", ATTENDANCE_HEADER, [
        attendance_row(),
        attendance_row("Anna Hansen", "afbud", phone="20000002", reason="Syg"),
        attendance_row("aase aeroe", "kom for sent"),
    ])  # fmt: skip
    assert report.created == 3
    with session_scope(engine) as session:
        trip_id = session.scalars(select(col(Trip.id)).where(col(Trip.trip_date) == SATURDAY)).one()
        anna = session.scalars(
            select(col(Citizen.id)).where(col(Citizen.phone) == "20 00 00 02")
        ).one()
    assert trip_id is not None and anna is not None
    sheet = checkin_sheet(engine, trip_id)
    rows = {row.citizen_id: row for row in sheet.rows}
    assert rows[anna].overall == Attendance.EXCUSED and rows[anna].reason == "Syg"
    assert {row.overall for row in sheet.rows} == {
        Attendance.PRESENT, Attendance.EXCUSED, Attendance.LATE,
    }  # fmt: skip
    again = import_rows(engine, tmp_path, "attendance", ATTENDANCE_HEADER, [
        attendance_row("Anna Hansen", "udeblevet", phone="20000002"),
    ])  # fmt: skip
    assert (again.created, again.updated) == (0, 1)
    assert {r.citizen_id: r.overall for r in checkin_sheet(engine, trip_id).rows}[anna] == (
        Attendance.NO_SHOW
    )


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        (attendance_row("Anna Hansen"), "borger", "Skriv borgerens telefonnummer"),
        (attendance_row("Anna Hansen", phone="99999999"), "borger", "telefonnummeret 99999999"),
        (attendance_row("Carl Nielsen"), "borger", "Importér borgerne først"),
        (attendance_row(status="afventer"), "status", "skriv, hvordan det gik"),
        (attendance_row(status="glad"), "status", "Udeblevet"),
        (attendance_row(title="Ukendt tur"), "titel", "der er ingen tur »Ukendt tur«"),
        (attendance_row(day=TUESDAY, title=""), "titel", "skal udfyldes"),
    ],
)
def test_a_bad_attendance_row_refuses_the_file_on_its_line_and_column(
    engine: Engine, tmp_path: Path, row: list[str], column: str, words: str
) -> None:
    two_trips(engine, tmp_path)
    details = refusal(
        engine, tmp_path, "attendance", ATTENDANCE_HEADER, [attendance_row("Åse Ærø"), row]
    )
    assert details.startswith(f"Linje 3: kolonnen {column}: ")
    assert words in details
    assert count(engine, Participation) == 0


def test_a_citizen_is_on_one_trip_a_day(engine: Engine, tmp_path: Path) -> None:
    import_rows(engine, tmp_path, "trips", TRIP_HEADER, [
        trip_row(), trip_row(title="Anden tur samme dag", virksomhed="Nordic Sugar"),
    ])  # fmt: skip
    details = refusal(engine, tmp_path, "attendance", ATTENDANCE_HEADER, [
        attendance_row(), attendance_row(title="Anden tur samme dag"),
    ])  # fmt: skip
    assert details == (
        "Linje 3: kolonnen borger: Bo Jensen er allerede med på turen »Bustur til Nordic "
        "Sugar« den 02-03-2024; en borger kan kun være med på én tur om dagen."
    )


def test_attendance_only_on_a_completed_trip(engine: Engine, tmp_path: Path) -> None:
    import_rows(engine, tmp_path, "trips", TRIP_HEADER, [trip_row(status="aflyst")])
    details = refusal(engine, tmp_path, "attendance", ATTENDANCE_HEADER, [attendance_row()])
    assert "er aflyst; fremmøde importeres kun til gennemførte ture" in details


# --- outcomes ------------------------------------------------------------------------------


def outcome_row(
    kind: str = "praktik", start: str = "10-03-2024", *, name: str = "Bo Jensen",
    end: str = "", company: str = "Nordic Sugar", hours: str = "", trip: str = "02-03-2024",
) -> list[str]:  # fmt: skip
    return [name, "", kind, start, end, company, hours, trip, "", ""]


def with_attendance(engine: Engine, tmp_path: Path) -> None:
    two_trips(engine, tmp_path)
    import_rows(engine, tmp_path, "attendance", ATTENDANCE_HEADER, [
        attendance_row(), attendance_row("Åse Ærø", "udeblevet"),
    ])  # fmt: skip


def test_an_outcome_links_to_the_trip_the_citizen_was_on(engine: Engine, tmp_path: Path) -> None:
    with_attendance(engine, tmp_path)
    report = import_rows(engine, tmp_path, "outcomes", OUTCOME_HEADER, [
        outcome_row(),  # the trip by its date alone: Bo was on one trip that day
        outcome_row("lønnede timer", "01-06-2024", hours="7,5", company="Maribo Kro, 4930",
                    trip="02-03-2024 Bustur til Nordic Sugar"),
        outcome_row("SU", "01-08-2024", company="", trip=""),
    ])  # fmt: skip
    assert report.created == 3
    with session_scope(engine) as session:
        trip_id = session.scalars(select(col(Trip.id)).where(col(Trip.trip_date) == SATURDAY)).one()
        outcomes = list(session.scalars(select(Outcome).order_by(col(Outcome.start_date))))
        assert [(o.kind, o.trip_id) for o in outcomes] == [
            (OutcomeKind.INTERNSHIP, trip_id),
            (OutcomeKind.PAID_HOURS_WITH_BENEFIT, trip_id),
            (OutcomeKind.EDUCATION, None),
        ]
        # A placement without an aim is history's; its review 13 weeks on, as by hand.
        assert outcomes[0].review_date == date(2024, 3, 10) + timedelta(weeks=13)
        assert outcomes[1].hours_per_week == 7.5
    again = import_rows(engine, tmp_path, "outcomes", OUTCOME_HEADER, [
        outcome_row(end="01-05-2024"),
    ])  # fmt: skip
    assert (again.created, again.updated, again.unchanged) == (0, 1, 0)


def test_two_placements_may_start_on_one_day_at_two_companies(
    engine: Engine, tmp_path: Path
) -> None:
    """Found at demo scale 100: its export held two such, which a re-import took for one."""
    with_attendance(engine, tmp_path)
    rows = [outcome_row(), outcome_row(company="Maribo Kro, 4930")]
    assert import_rows(engine, tmp_path, "outcomes", OUTCOME_HEADER, rows).created == 2
    again = import_rows(engine, tmp_path, "outcomes", OUTCOME_HEADER, rows)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    # Without the company column the file cannot say which of the two it means.
    header = [h for h in OUTCOME_HEADER if h != "virksomhed"]
    details = refusal(engine, tmp_path, "outcomes", header, [outcome_row()[:5] + outcome_row()[6:]])
    assert details.startswith("Linje 2: borgeren har 2 resultater af den slags")


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        (outcome_row(trip="05-03-2024 Bustur til Maribo Kro"), "tur", "Bo Jensen var ikke med"),
        (outcome_row(start="01-03-2024"), "start", "starter før turen den 02-03-2024"),
        (outcome_row(trip="03-03-2024"), "tur", "ikke med på nogen tur den 03-03-2024"),
        (outcome_row("forfremmelse"), "resultat", "Virksomhedspraktik"),
        (outcome_row(end="01-03-2024", start="05-03-2024"), "slut", "slut"),
        (outcome_row("lønnede timer", hours="90"), "timer_pr_uge", "80"),
        (outcome_row(hours="mange"), "timer_pr_uge", "mange"),
        (outcome_row(company="Bager Bent"), "virksomhed", "findes ikke i registret"),
    ],
)
def test_a_bad_outcome_row_refuses_the_file_on_its_line_and_column(
    engine: Engine, tmp_path: Path, row: list[str], column: str, words: str
) -> None:
    with_attendance(engine, tmp_path)
    details = refusal(engine, tmp_path, "outcomes", OUTCOME_HEADER, [outcome_row(), row])
    assert details.startswith(f"Linje 3: kolonnen {column}: "), details
    assert words in details
    assert count(engine, Outcome) == 0


# --- the file as a whole ---------------------------------------------------------------------


def test_a_dry_run_writes_nothing_and_a_long_file_says_how_far_it_has_come(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_reading, "PROGRESS_EVERY", 2)
    rows = [trip_row(SATURDAY - timedelta(days=7 * n), f"Tur {n}") for n in range(5)]
    path = write_csv(tmp_path / "ture.csv", [TRIP_HEADER, *rows])
    heard: list[import_reading.ImportStep] = []
    report = import_file(engine, "trips", path, today=TODAY, dry_run=True, progress=heard.append)
    assert (report.created, report.dry_run) == (5, True)
    assert [step.text() for step in heard] == [
        "2 rækker læst …",
        "4 rækker læst …",
        "Alle rækker er i orden; skriver 2 af 5 …",
        "Alle rækker er i orden; skriver 4 af 5 …",
        "Alle rækker er i orden; skriver 5 af 5 …",
    ]
    assert count(engine, Trip) == count(engine, Visit) == 0


def test_the_reason_exported_is_the_one_the_check_in_sheet_shows(
    engine: Engine, tmp_path: Path
) -> None:
    """A reason recorded later on the day (the second visit, leg 1) is the row's reason."""
    with_attendance(engine, tmp_path)
    with session_scope(engine) as session:
        trip_id = session.scalars(select(col(Trip.id)).where(col(Trip.trip_date) == SATURDAY)).one()
        bo = session.scalars(select(col(Citizen.id)).where(col(Citizen.name) == "Bo Jensen")).one()
    assert trip_id is not None and bo is not None
    record(engine, trip_id, bo, Attendance.LEFT_EARLY, leg=1, reason="Gik hjem", today=TODAY)
    shown = {row.citizen_id: row.reason for row in checkin_sheet(engine, trip_id).rows}
    path = tmp_path / "fremmoede.csv"
    export_file(engine, "attendance", path)
    _, rows = read_table_rows(path)
    exported = {r["borger"]: r["begrundelse"] for r in rows}
    assert shown[bo] == exported["Bo Jensen"] == "Gik hjem"
    again = import_file(engine, "attendance", path, today=TODAY)
    assert (again.created, again.updated) == (0, 0)
