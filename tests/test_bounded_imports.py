"""Imports that stay small and quick (issue 26, hostile files).

A 3.9 MB workbook whose sheet unpacked to 1.5 GB was refused, but only after 106 s and 2.5 GB
of memory, with an error listed for every one of its rows. Now a workbook is judged by the sizes
its zip declares before anything is unpacked, every file is read row by row and refused at the
row past the row limit, and a refusal lists the first bad lines and counts the rest. The
workbooks here are written by hand, part by part, so that a huge one stays a few MB on disk
and is written in a second.
"""

import csv
import io
import json
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from rfk_trips.cli.main import cli
from rfk_trips.exchange import import_reading
from rfk_trips.exchange.import_reading import (
    MAX_IMPORT_MB,
    MAX_IMPORT_ROWS,
    MAX_LISTED_ERROR_LINES,
    MAX_XLSX_RATIO,
    MAX_XLSX_UNPACKED_MB,
    XLSX_RATIO_FROM_MB,
)
from rfk_trips.exchange.importing import import_file
from rfk_trips.i18n.catalogue import number
from rfk_trips.rules.errors import UserError
from storage.models import Citizen
from storage.sessions import session_scope
from storage.tabular_files import open_table
from tests.conftest import TODAY
from tests.database_choice import db_option
from tests.refusals import assert_danish_refusal

MB = 1024 * 1024
SHEET = "xl/worksheets/sheet1.xml"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
# The smallest set of parts that Excel and openpyxl read as a workbook with one sheet.
_PARTS = {
    "[Content_Types].xml": (
        f'<Types xmlns="{_TYPES}">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_OFFICE}.sheet.main+xml"/>'
        f'<Override PartName="/{SHEET}" ContentType="{_OFFICE}.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{_PACKAGE}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
        '<sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_PACKAGE}"><Relationship Id="rId1" '
        f'Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}


def sheet_row(cells: Sequence[str]) -> bytes:
    """One row of text cells; without row numbers, a reader counts the rows itself."""
    inline = "".join(f'<c t="inlineStr"><is><t>{escape(c)}</t></is></c>' for c in cells)
    return f"<row>{inline}</row>".encode()


def write_workbook(
    path: Path, rows: Iterable[bytes], *, level: int = 6, dimension: str = ""
) -> Path:
    """A real .xlsx whose sheet is `rows`, streamed through zlib as it is written."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        with archive.open(SHEET, "w") as sheet:
            sheet.write(f'<worksheet xmlns="{_MAIN}">'.encode())
            if dimension:
                sheet.write(f'<dimension ref="{dimension}"/>'.encode())
            sheet.write(b"<sheetData>")
            for row in rows:
                sheet.write(row)
            sheet.write(b"</sheetData></worksheet>")
    return path


def repeated_rows(unpacked_bytes: int) -> Iterable[bytes]:
    """A header, then rows of 1,000 letters, repeated until the sheet unpacks to the size."""
    yield sheet_row(["Navn"])
    block = sheet_row(["x" * 1000]) * 1000
    for _ in range(unpacked_bytes // len(block) + 1):
        yield block


def write_csv(path: Path, rows: Iterable[Sequence[str]]) -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return path


def citizens(engine: Engine) -> int:
    with session_scope(engine) as session:
        return int(session.scalar(select(func.count()).select_from(Citizen)) or 0)


# Runs a command and reports its time and its peak memory: measured in a process of its own,
# whose only child is the command (RUSAGE_CHILDREN is the largest child a process waited for).
_MEASURED = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
peak_mb = peak / (1024 * 1024 if sys.platform == "darwin" else 1024)
report = {"code": done.returncode, "seconds": seconds, "peak_mb": peak_mb}
print(json.dumps(report | {"output": done.stdout + done.stderr}))
"""


def run_measured(args: list[str]) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, *args], capture_output=True, text=True, check=True
    )
    measured: dict[str, object] = json.loads(done.stdout)
    return measured


# --- workbooks that unpack too far --------------------------------------------------------


def test_an_inflating_workbook_is_refused_through_the_cli_in_seconds_and_megabytes(
    engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    bomb = write_workbook(
        tmp_path / "borgere.xlsx", repeated_rows(4 * MAX_XLSX_UNPACKED_MB * MB), level=1
    )
    with zipfile.ZipFile(bomb) as archive:
        declared = archive.getinfo(SHEET).file_size
        unpacked_mb = -(-sum(part.file_size for part in archive.infolist()) // MB)
    # Small enough on disk to pass the file size check: the unpacked size is what refuses it.
    assert bomb.stat().st_size < MAX_IMPORT_MB * MB
    assert declared > 4 * MAX_XLSX_UNPACKED_MB * MB

    measured = run_measured(
        [sys.executable, "-m", "rfk_trips", *db_option(db_path), "import", "citizens", str(bomb)]
    )

    output = str(measured["output"])
    print(
        f"\n{bomb.stat().st_size / MB:.1f} MB unpacking to {declared / MB:.0f} MB: refused in "
        f"{measured['seconds']:.2f} s, peak {measured['peak_mb']:.0f} MB"
    )
    assert measured["code"] == 1, output
    assert_danish_refusal(output)
    assert f"fylder {number(unpacked_mb)} MB, når det pakkes ud" in output
    assert f"højst {MAX_XLSX_UNPACKED_MB} MB" in output
    assert "Del arket op i mindre filer" in output
    # Refused from the archive's directory, before any of it is unpacked: the memory says so.
    # The time is not a speed target (those are in bench/), only a bound far under the
    # minutes that reading 600 MB of sheet XML takes; 3 s failed on a loaded CI machine.
    assert float(str(measured["peak_mb"])) < 200
    assert float(str(measured["seconds"])) < 30
    assert citizens(engine) == 0


def test_a_workbook_packed_tighter_than_real_data_is_refused_unpacked(
    engine: Engine, tmp_path: Path
) -> None:
    """Under the size limit, but packed as only made-up content packs: judged by its ratio."""
    path = write_workbook(tmp_path / "borgere.xlsx", repeated_rows(4 * XLSX_RATIO_FROM_MB * MB))
    with zipfile.ZipFile(path) as archive:
        part = archive.getinfo(SHEET)
    assert XLSX_RATIO_FROM_MB * MB < part.file_size < MAX_XLSX_UNPACKED_MB * MB
    assert part.file_size > MAX_XLSX_RATIO * part.compress_size

    started = time.perf_counter()
    with pytest.raises(UserError) as caught:
        import_file(engine, "citizens", path, today=TODAY)

    assert time.perf_counter() - started < 1
    message = caught.value.message
    assert_danish_refusal(message)
    assert f"pakker ud til {part.file_size // part.compress_size} gange" in message
    assert f"højst {MAX_XLSX_RATIO} gange" in message
    assert "Del arket op i mindre filer, eller gem det som CSV" in message
    assert citizens(engine) == 0


def test_the_unpack_limits_are_told_in_english_too(db_path: Path, tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "borgere.xlsx", repeated_rows(2 * MAX_XLSX_UNPACKED_MB * MB))
    result = CliRunner().invoke(
        cli, ["--lang", "en", *db_option(db_path), "import", "citizens", str(path)]
    )
    assert result.exit_code == 1
    assert f"rfk-trips reads at most {MAX_XLSX_UNPACKED_MB} MB at a time" in result.output
    assert "Split the sheet into smaller files" in result.output


def test_a_sheet_claiming_every_column_and_row_of_excel_costs_nothing(tmp_path: Path) -> None:
    """openpyxl pads every row to the size a sheet claims (16,384 cells a row, and a million
    rows) unless told not to: 10,000 rows read like that took over ten seconds."""
    rows = [sheet_row(["Navn", "Telefon"])]
    rows += [sheet_row([f"Borger {n:05d}", ""]) for n in range(10_000)]
    path = write_workbook(tmp_path / "borgere.xlsx", rows, dimension="A1:XFD1048576")

    started = time.perf_counter()
    with open_table(path) as table:
        read = list(table.rows)

    # Padded, it took over ten seconds on a quiet machine; unpadded a fraction of one. The
    # bound tells the two apart on a loaded one too (2 s failed there, at 2.3 s unpadded).
    assert time.perf_counter() - started < 8
    assert table.headers == ["Navn", "Telefon"]
    assert len(read) == 10_000
    assert read[-1].line == 10_001
    assert read[-1].cells == {"Navn": "Borger 09999", "Telefon": ""}


# --- the row limit ------------------------------------------------------------------------


def names(count: int) -> list[str]:
    return [f"Borger {n:06d}" for n in range(1, count + 1)]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_one_row_past_the_limit_is_refused_with_the_limit(
    engine: Engine, db_path: Path, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"borgere{suffix}"
    rows = names(MAX_IMPORT_ROWS + 1)
    if suffix == ".csv":
        write_csv(path, [["Navn"], *([name] for name in rows)])
    else:
        write_workbook(path, [sheet_row(["Navn"]), *(sheet_row([name]) for name in rows)])

    result = CliRunner().invoke(cli, [*db_option(db_path), "import", "citizens", str(path)])

    assert result.exit_code == 1, result.output
    assert_danish_refusal(result.output)
    assert "har mere end 100.000 rækker" in result.output
    assert "højst 100.000 rækker ad gangen" in result.output
    assert "Del filen op i mindre filer" in result.output
    assert "Linje" not in result.output  # the limit alone, not row errors
    assert citizens(engine) == 0


def test_the_row_limit_refuses_as_soon_as_the_row_past_it_is_read(
    engine: Engine, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_reading, "MAX_IMPORT_ROWS", 5)
    at_limit = write_csv(tmp_path / "fem.csv", [["Navn"], *([n] for n in names(5))])
    assert import_file(engine, "citizens", at_limit, today=TODAY, dry_run=True).created == 5

    # The 7th row is one the reader cannot read (a cell beyond the csv module's limit): the
    # refusal names the limit, so the import stopped at the 6th row and never read the 7th.
    past = write_csv(tmp_path / "seks.csv", [["Navn"], *([n] for n in names(6)), ["x" * 200_000]])
    with pytest.raises(UserError) as caught:
        import_file(engine, "citizens", past, today=TODAY)
    assert "har mere end 5 rækker" in caught.value.message

    result = CliRunner().invoke(
        cli, ["--lang", "en", *db_option(db_path), "import", "citizens", str(past)]
    )
    assert result.exit_code == 1
    assert "has more than 5 rows; rfk-trips imports at most 5 rows at a time" in result.output
    assert "Split the file into smaller files" in result.output
    assert citizens(engine) == 0


# --- bad rows -----------------------------------------------------------------------------


def test_300_bad_rows_list_the_first_50_and_count_the_rest(
    engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    rows = [["Navn", "Telefon"], ["Åse Bæk", "22 33 44 55"]]  # line 2 is fine
    rows += [[name, "12"] for name in names(300)]  # lines 3-302: a phone number too short
    path = write_csv(tmp_path / "borgere.csv", rows)

    result = CliRunner().invoke(cli, [*db_option(db_path), "import", "citizens", str(path)])

    assert result.exit_code == 1
    assert_danish_refusal(result.output)
    assert "Intet er importeret: 300 række(r) har fejl." in result.output
    listed = [line for line in result.output.splitlines() if line.startswith("  - Linje")]
    assert len(listed) == MAX_LISTED_ERROR_LINES == 50
    assert listed[0].startswith("  - Linje 3: Telefonnummeret")
    assert listed[-1].startswith("  - Linje 52: ")
    assert result.output.rstrip().endswith(
        "Yderligere 250 linje(r) har fejl, som ikke er vist her. Ret fejlene ovenfor, og "
        "importér igen for at se resten."
    )
    assert citizens(engine) == 0  # the good line 2 is not written either

    with pytest.raises(UserError) as caught:
        import_file(engine, "citizens", path, today=TODAY)
    assert len(caught.value.details) == MAX_LISTED_ERROR_LINES + 1


def test_up_to_50_bad_rows_are_all_listed_without_a_count(engine: Engine, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "borgere.csv", [["Navn", "Telefon"], *([n, "12"] for n in names(50))]
    )
    with pytest.raises(UserError) as caught:
        import_file(engine, "citizens", path, today=TODAY)
    assert len(caught.value.details) == 50
    assert all(detail.startswith("Linje") for detail in caught.value.details)


# --- a big register that is good ----------------------------------------------------------


def test_a_70000_row_register_still_imports(engine: Engine, tmp_path: Path) -> None:
    """As many citizens as `export citizens` writes at demo --scale 100, in a lean file."""
    rows = [[name, f"{20_000_000 + n:08d}"] for n, name in enumerate(names(70_000))]
    path = write_csv(tmp_path / "borgere.csv", [["Navn", "Telefon"], *rows])

    report = import_file(engine, "citizens", path, today=TODAY)

    assert (report.created, report.updated, report.unchanged) == (70_000, 0, 0)
    assert citizens(engine) == 70_000
