"""Exports never carry a live spreadsheet formula, and our own exports import again exactly."""

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from storage.tabular_files import (
    FORMULA_STARTS,
    neutralise_formula,
    read_table,
    strip_formula_mark,
    write_table,
)

DANGEROUS = ["=1+1", '=HYPERLINK("http://x","klik")', "+45 12 34 56 78", "-2+3", "@SUM(A1)"]
HEADERS = ["navn", "antal"]


def _raw_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


@pytest.mark.parametrize("text", [*DANGEROUS, "\tfaneblad", "\rvognretur"])
def test_csv_text_starting_like_a_formula_gets_an_apostrophe(tmp_path: Path, text: str) -> None:
    path = tmp_path / "ud.csv"
    write_table(path, HEADERS, [[text, 3]], sheet="Ark1")

    cell = _raw_csv(path)[1][0]

    assert cell == "'" + text


def test_csv_numbers_stay_numbers_even_negative(tmp_path: Path) -> None:
    path = tmp_path / "ud.csv"
    write_table(path, HEADERS, [["Nakskov", -5], ["Rødby", 2.5], ["Maribo", -3.0]], sheet="Ark1")

    rows = _raw_csv(path)[1:]

    assert [row[1] for row in rows] == [
        "-5",
        "2,5",
        "-3",
    ]  # decimal comma: Danish Excel reads it as a number


def test_csv_ordinary_text_is_written_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "ud.csv"
    write_table(path, HEADERS, [["Æblemost A/S", 1], ["4900 Nakskov", 2]], sheet="Ark1")

    assert [row[0] for row in _raw_csv(path)[1:]] == ["Æblemost A/S", "4900 Nakskov"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_xlsx_formula_looking_text_is_a_text_cell(tmp_path: Path, text: str) -> None:
    path = tmp_path / "ud.xlsx"
    write_table(path, HEADERS, [[text, -5]], sheet="Ark1")

    sheet = load_workbook(path).worksheets[0]

    assert sheet["A2"].value == text
    assert sheet["A2"].data_type == "s"
    assert sheet["A2"].quotePrefix
    assert sheet["B2"].value == -5
    assert sheet["B2"].data_type == "n"


def test_xlsx_holds_no_formula_at_all(tmp_path: Path) -> None:
    path = tmp_path / "ud.xlsx"
    write_table(path, HEADERS, [[text, 1] for text in DANGEROUS], sheet="Ark1")

    sheet = load_workbook(path).worksheets[0]

    assert not [cell for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]


def test_xlsx_control_characters_are_left_out_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "ud.xlsx"
    write_table(path, HEADERS, [["Nak\x00skov\x07", 1]], sheet="Ark1")

    assert load_workbook(path).worksheets[0]["A2"].value == "Nakskov"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_own_export_reads_back_without_the_marks(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"ud{suffix}"
    rows = [[text, index] for index, text in enumerate([*DANGEROUS, "'=allerede mærket"])]
    write_table(path, HEADERS, rows, sheet="Ark1")

    table = read_table(path)

    assert [row.cells["navn"] for row in table.rows] == [row[0] for row in rows]
    assert [row.cells["antal"] for row in table.rows] == [str(row[1]) for row in rows]


def test_mark_is_stripped_only_before_a_formula_character() -> None:
    assert strip_formula_mark("'=1") == "=1"
    assert strip_formula_mark("'Nakskov") == "'Nakskov"
    assert strip_formula_mark("'") == "'"
    assert neutralise_formula("Nakskov") == "Nakskov"


# Cells as stored in the database: stripped, no control characters (xlsx turns CR into LF).
_cell = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(FORMULA_STARTS[:4]),
    max_size=30,
).map(str.strip)
_start = st.sampled_from(["", "'", "''", *FORMULA_STARTS[:4]])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    texts=st.lists(st.tuples(_start, _cell).map("".join).map(str.strip), min_size=1, max_size=6),
    numbers=st.lists(st.integers(-(10**6), 10**6), min_size=6, max_size=6),
    suffix=st.sampled_from([".csv", ".xlsx"]),
)
def test_property_any_text_and_number_round_trips(
    tmp_path: Path, texts: list[str], numbers: list[int], suffix: str
) -> None:
    path = tmp_path / f"egen{suffix}"
    rows = [[text, numbers[i]] for i, text in enumerate(texts) if text]
    if not rows:
        return
    write_table(path, HEADERS, rows, sheet="Ark1")

    table = read_table(path)

    assert [(r.cells["navn"], r.cells["antal"]) for r in table.rows] == [
        (text, str(number)) for text, number in rows
    ]
