"""Exporting registers and trips to .csv, .xlsx and .json, from demo data in real SQLite."""

import csv
import io
import json
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, Literal

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from rfk_trips.database.opening import open_database
from rfk_trips.exchange.demo_data import ACCOMMODATION_NEEDS, load_demo
from rfk_trips.exchange.exporting import EXPORT_KINDS, ExportKind, export_file
from rfk_trips.exchange.importing import import_file
from rfk_trips.i18n.catalogue import get_language, set_language
from rfk_trips.rules.errors import UserError
from storage.codes import Attendance, BenefitGroup, Industry, TripStatus
from storage.models import Citizen, Company, Participation, Staff, Trip
from storage.sessions import session_scope
from storage.tabular_files import write_table
from tests.database_choice import url_for

TODAY = date(2026, 11, 23)
SUFFIXES = (".csv", ".xlsx", ".json")
MODEL_OF: dict[str, type[SQLModel]] = {
    "companies": Company,
    "citizens": Citizen,
    "staff": Staff,
    "trips": Trip,
    "participants": Participation,
}
ID_COLUMN: dict[str, Any] = {
    "companies": Company.id,
    "citizens": Citizen.id,
    "staff": Staff.id,
    "trips": Trip.id,
    "participants": Participation.id,
}


@pytest.fixture(autouse=True)
def _danish() -> Iterator[None]:
    previous = get_language()
    set_language("da")
    yield
    set_language(previous)


def _demo_engine(folder: Path) -> Engine:
    db = open_database(url_for(folder / "t.db"))
    load_demo(db.engine, scale=1, seed=1, today=TODAY)
    return db.engine


@pytest.fixture(scope="module")
def demo_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """Demo data loaded once; the tests that use it only read."""
    engine = _demo_engine(tmp_path_factory.mktemp("demo"))
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def exported(
    demo_engine: Engine, tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], tuple[Path, int]]:
    """Every kind in every format: (kind, suffix) -> (file, rows reported)."""
    folder = tmp_path_factory.mktemp("export")
    files: dict[tuple[str, str], tuple[Path, int]] = {}
    for kind in EXPORT_KINDS:
        for suffix in SUFFIXES:
            path = folder / f"{kind}{suffix}"
            files[(kind, suffix)] = (path, export_file(demo_engine, kind, path))
    return files


def company_tasks(engine: Engine, name: str) -> list[str]:
    with session_scope(engine) as session:
        return list(session.scalars(select(Company).where(Company.name == name)).one().tasks)


def count(engine: Engine, model: type[SQLModel]) -> int:
    with session_scope(engine) as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def read_back(path: Path) -> tuple[list[str], list[dict[str, Any]]]:
    """Headers and records of an exported file, read independently of the project's reader."""
    if path.suffix == ".csv":
        text = path.read_bytes().decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        headers = rows[0]
        return headers, [dict(zip(headers, row, strict=True)) for row in rows[1:]]
    if path.suffix == ".xlsx":
        workbook = load_workbook(path, read_only=True)
        try:
            sheet_rows = list(workbook.worksheets[0].iter_rows(values_only=True))
        finally:
            workbook.close()
        headers = [str(h) for h in sheet_rows[0]]
        return headers, [dict(zip(headers, row, strict=True)) for row in sheet_rows[1:]]
    records = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(records, list)
    headers = list(records[0]) if records else []
    return headers, records


def all_text(path: Path) -> str:
    """Everything a reader of the file could see, as one string."""
    headers, records = read_back(path)
    parts = list(headers)
    for record in records:
        parts.extend("" if v is None else str(v) for v in record.values())
    if path.suffix != ".xlsx":
        parts.append(path.read_text(encoding="utf-8-sig"))
    return "\n".join(parts)


# --- every kind, every format ------------------------------------------------------------


def test_demo_data_has_every_kind(demo_engine: Engine) -> None:
    assert count(demo_engine, Company) == 200
    assert count(demo_engine, Citizen) == 700
    assert count(demo_engine, Staff) == 25
    # 30 Lolland trips and up to 30 in Guldborgsund, as far as its first-timers go round.
    assert 55 <= count(demo_engine, Trip) <= 60
    assert count(demo_engine, Participation) > 0


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("kind", [kind for kind in EXPORT_KINDS if kind in MODEL_OF])
def test_every_record_exported_with_its_id(
    demo_engine: Engine,
    exported: dict[tuple[str, str], tuple[Path, int]],
    kind: ExportKind,
    suffix: str,
) -> None:
    path, reported = exported[(kind, suffix)]
    expected = count(demo_engine, MODEL_OF[kind])
    assert reported == expected

    headers, records = read_back(path)

    assert headers[0] == "id"
    assert len(records) == expected
    ids = [int(record["id"]) for record in records]
    assert all(i > 0 for i in ids)
    assert len(set(ids)) == len(ids)
    with session_scope(demo_engine) as session:
        stored_ids = set(session.scalars(select(ID_COLUMN[kind])))
    assert set(ids) == stored_ids


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_attendance_is_every_checked_in_place_on_a_completed_trip(
    demo_engine: Engine, exported: dict[tuple[str, str], tuple[Path, int]], suffix: str
) -> None:
    """The attendance file is history: a trip still being planned has none yet."""
    path, reported = exported[("attendance", suffix)]
    with session_scope(demo_engine) as session:
        expected = [
            (day, name)
            for day, name in session.execute(
                select(Trip.trip_date, Citizen.name)
                .join(Participation, Participation.trip_id == Trip.id)  # type: ignore[arg-type]
                .join(Citizen, Citizen.id == Participation.citizen_id)  # type: ignore[arg-type]
                .where(
                    Trip.status == TripStatus.COMPLETED,
                    Participation.attendance != Attendance.PENDING,
                )
            )
        ]
    headers, records = read_back(path)
    assert headers[:4] == ["dato", "titel", "tur_id", "borger"]
    assert reported == len(records) == len(expected) > 300
    assert sorted(r["borger"] for r in records) == sorted(name for _, name in expected)


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("kind", EXPORT_KINDS)
def test_exported_files_are_private(
    exported: dict[tuple[str, str], tuple[Path, int]], kind: str, suffix: str
) -> None:
    path, _ = exported[(kind, suffix)]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("kind", EXPORT_KINDS)
def test_csv_is_danish_excel_csv(
    exported: dict[tuple[str, str], tuple[Path, int]], kind: str
) -> None:
    path, _ = exported[(kind, ".csv")]
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header_line = raw[3:].split(b"\r\n", 1)[0].decode("utf-8")
    # Attendance is headed by the trip it was on: it has no number of its own.
    assert header_line.startswith("dato;" if kind == "attendance" else "id;")
    assert "," not in header_line


def test_no_temporary_files_left_beside_exports(
    exported: dict[tuple[str, str], tuple[Path, int]],
) -> None:
    folder = next(iter(exported.values()))[0].parent
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(p.name for p, _ in exported.values())


def test_csv_and_excel_show_danish_labels_json_keeps_codes(
    exported: dict[tuple[str, str], tuple[Path, int]],
) -> None:
    _, csv_records = read_back(exported[("citizens", ".csv")][0])
    _, xlsx_records = read_back(exported[("citizens", ".xlsx")][0])
    _, json_records = read_back(exported[("citizens", ".json")][0])
    danish = {"Kontanthjælp (aktivitetsparat)", "Uddannelseshjælp", "Ressourceforløb"}
    assert danish & {r["ydelse"] for r in csv_records}
    assert danish & {r["ydelse"] for r in xlsx_records}
    assert {r["ydelse"] for r in json_records} <= {b.value for b in BenefitGroup}
    assert {r["moedepligt"] for r in csv_records} <= {"ja", "nej"}
    assert all(isinstance(r["moedepligt"], bool) for r in json_records)

    _, companies = read_back(exported[("companies", ".json")][0])
    assert {r["branche"] for r in companies} <= {i.value for i in Industry}
    assert all(isinstance(r["opgaver"], list) for r in companies)


def test_dates_danish_in_csv_iso_in_json(
    demo_engine: Engine, exported: dict[tuple[str, str], tuple[Path, int]]
) -> None:
    with session_scope(demo_engine) as session:
        trips = {t.id: t.trip_date for t in session.scalars(select(Trip))}
    _, csv_trips = read_back(exported[("trips", ".csv")][0])
    _, json_trips = read_back(exported[("trips", ".json")][0])
    for record in csv_trips:
        assert record["dato"] == trips[int(record["id"])].strftime("%d-%m-%Y")
    for record in json_trips:
        assert record["dato"] == trips[record["id"]].isoformat()


# --- sensitive data ------------------------------------------------------------------------


def test_demo_data_holds_accommodation_needs(demo_engine: Engine) -> None:
    """Guard for the next test: there is something sensitive that could leak."""
    with session_scope(demo_engine) as session:
        needs = set(session.scalars(select(Citizen.accommodation_needs)))
    assert set(ACCOMMODATION_NEEDS) <= needs


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("kind", EXPORT_KINDS)
def test_no_export_contains_accommodation_needs(
    exported: dict[tuple[str, str], tuple[Path, int]], kind: str, suffix: str
) -> None:
    path, _ = exported[(kind, suffix)]
    text = all_text(path)
    assert text  # something was read
    for need in ACCOMMODATION_NEEDS:
        assert need not in text
    headers, _ = read_back(path)
    assert not {"skaanehensyn", "accommodation_needs", "skånehensyn"} & {
        h.casefold() for h in headers
    }


# --- export, edit, import again --------------------------------------------------------------

OWN_COMPANIES = [
    ["Navn", "CVR", "Branche", "Postnr", "By", "Kommune", "Telefon", "Opgaver"],
    ["Nakskov Æblemost", "10150817", "Industri", "4900", "Nakskov", "Lolland", "54671234",
     "lager; pakning"],
    ["Rødby Havn Kro", "", "hotel", "4970", "Rødby", "Lolland", "", ""],
    ["Gedser Fiskeri", "12345674", "", "4874", "Gedser", "Guldborgsund", "", ""],
]  # fmt: skip


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_exported_companies_import_again_unchanged(tmp_path: Path, suffix: str) -> None:
    engine = open_database(url_for(tmp_path / "t.db")).engine
    source = tmp_path / "own.csv"
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";").writerows(OWN_COMPANIES)
    source.write_text(buffer.getvalue(), encoding="utf-8-sig")
    assert import_file(engine, "companies", source, today=TODAY).created == 3
    assert company_tasks(engine, "Nakskov Æblemost") == ["lager", "pakning"]
    path = tmp_path / f"virksomheder{suffix}"
    assert export_file(engine, "companies", path) == 3

    report = import_file(engine, "companies", path, today=TODAY)

    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    assert count(engine, Company) == 3
    engine.dispose()


def test_exported_staff_import_again_unchanged(tmp_path: Path) -> None:
    engine = _demo_engine(tmp_path)
    path = tmp_path / "medarbejdere.xlsx"
    export_file(engine, "staff", path)

    report = import_file(engine, "staff", path, today=TODAY)

    assert (report.created, report.updated, report.unchanged) == (0, 0, 25)
    engine.dispose()


def test_exported_demo_companies_xlsx_import_again_unchanged(tmp_path: Path) -> None:
    engine = _demo_engine(tmp_path)
    path = tmp_path / "virksomheder.xlsx"
    export_file(engine, "companies", path)

    report = import_file(engine, "companies", path, today=TODAY)

    assert (report.created, report.updated) == (0, 0)
    assert report.unchanged == 200
    engine.dispose()


def test_exported_citizens_import_again_keeps_accommodation_needs(tmp_path: Path) -> None:
    engine = _demo_engine(tmp_path)
    with session_scope(engine) as session:
        before = {c.id: c.accommodation_needs for c in session.scalars(select(Citizen))}
    assert any(before.values())
    path = tmp_path / "borgere.xlsx"
    export_file(engine, "citizens", path)

    report = import_file(engine, "citizens", path, today=TODAY)

    with session_scope(engine) as session:
        after = {c.id: c.accommodation_needs for c in session.scalars(select(Citizen))}
    assert after == before
    assert (report.created, report.updated) == (0, 0)
    engine.dispose()


# --- refusals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "shown"), [("eksport.pdf", ".pdf"), ("eksport.txt", ".txt")])
def test_unknown_suffix_is_refused(
    demo_engine: Engine, tmp_path: Path, name: str, shown: str
) -> None:
    with pytest.raises(UserError) as caught:
        export_file(demo_engine, "companies", tmp_path / name)
    assert "Eksport kan skrive .csv, .xlsx eller .json" in caught.value.message
    assert f"»{shown}«" in caught.value.message
    assert list(tmp_path.iterdir()) == []


def test_unwritable_target_is_a_user_error_and_leaves_no_temp_file(
    demo_engine: Engine, tmp_path: Path
) -> None:
    target = tmp_path / "staff.csv"
    target.mkdir()  # a folder where the file should go
    with pytest.raises(UserError) as caught:
        export_file(demo_engine, "staff", target)
    assert "kan ikke skrives" in caught.value.message
    assert [p.name for p in tmp_path.iterdir()] == ["staff.csv"]


# The tab of each export's workbook: what the rows are, whatever the file is called.
SHEET_OF: dict[str, str] = {
    "companies": "Virksomheder",
    "citizens": "Borgere",
    "staff": "Medarbejdere",
    "trips": "Ture",
    "attendance": "Fremmøde",
    "participants": "Deltagere",
    "followups": "Opfølgninger",
    "outcomes": "Resultater",
    "stats": "Nøgletal",
}


def sheet_names(path: Path) -> list[str]:
    workbook = load_workbook(path, read_only=True)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


@pytest.mark.parametrize("kind", EXPORT_KINDS)
def test_the_excel_sheet_is_named_after_the_data_not_the_file(
    exported: dict[tuple[str, str], tuple[Path, int]], kind: str
) -> None:
    """Not `companies` (the file) nor `.companies.xlsx.xn6ds14t` (the temporary file)."""
    path, _ = exported[(kind, ".xlsx")]
    assert sheet_names(path) == [SHEET_OF[kind]]


@pytest.mark.parametrize("kind", ["followups", "outcomes", "stats"])
def test_the_results_workbooks_first_sheet_is_named_after_the_data(
    demo_engine: Engine, tmp_path: Path, kind: Literal["followups", "outcomes", "stats"]
) -> None:
    from rfk_trips.exchange.exporting_results import export_results_file

    path = tmp_path / f".{kind} [kopi].xlsx"
    export_results_file(demo_engine, kind, path, today=TODAY)
    assert sheet_names(path)[0] == SHEET_OF[kind]


def test_the_sheet_names_are_ones_excel_accepts() -> None:
    """At most 31 characters, none of []:*?/\\, no apostrophe at either end."""
    from rfk_trips.exchange.exporting import sheet_name

    for kind in SHEET_OF:
        for language in ("da", "en"):
            set_language(language)
            name = sheet_name(kind)
            assert 0 < len(name) <= 31
            assert not set(name) & set("[]:*?/\\")
            assert name.strip("' ") == name
    set_language("da")


@pytest.mark.parametrize(
    ("name", "sheet"),
    [
        (
            "Medarbejdere [uge 47]: *udkast?* til Lolland\\Guldborgsund",
            "Medarbejdere uge 47 udkast til",
        ),
        ("'kopi' af listen", "kopi' af listen"),
        ("[*?]", "Ark1"),
        ("Opfølgning 2026", "Opfølgning 2026"),
    ],
)
def test_a_sheet_name_is_made_one_excel_accepts(tmp_path: Path, name: str, sheet: str) -> None:
    """Excel's forbidden characters gone, 31 characters at most, no apostrophe at either
    end, and a name that strips to nothing becomes Excel's own."""
    path = tmp_path / "liste.xlsx"
    write_table(path, ["navn"], [["Åse"]], sheet=name)
    assert sheet_names(path) == [sheet]
    assert len(sheet) <= 31
