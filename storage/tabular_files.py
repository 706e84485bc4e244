"""Reading and writing the tables staff keep in Excel: CSV the Danish way, XLSX and JSON.

Reading hands back text cells with the line number each row had in the file, so that an
import can name the line of every bad row. Writing is atomic: a half-written file never
replaces a good one.
"""

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from storage.private_files import private_replacement

READABLE_SUFFIXES = (".csv", ".xlsx")
WRITABLE_SUFFIXES = (".csv", ".xlsx", ".json")

# A text cell starting with one of these is run as a formula by Excel (and LibreOffice)
# when the file is opened: "=HYPERLINK(...)" in a company name could leak or run anything.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# OWASP's advice for CSV: a leading apostrophe makes the spreadsheet keep the cell as text.
TEXT_MARK = "'"


class UnsupportedFileType(ValueError):
    pass


@dataclass(frozen=True)
class TableRow:
    line: int
    cells: dict[str, str]


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[TableRow]


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, list | tuple):
        return "; ".join(_cell_text(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y") if value.time() == time(0) else value.isoformat()
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value).strip()


def _looks_like_formula(text: str) -> bool:
    """Starts like a formula, after any marks: "=1", "'=1" and "''=1" all do."""
    return text.lstrip(TEXT_MARK).startswith(FORMULA_STARTS)


def neutralise_formula(text: str) -> str:
    """`text` as a CSV cell a spreadsheet shows as text and never runs as a formula.

    Text that already looks marked ("'=") gets a second mark, so reading it back is exact.
    """
    return TEXT_MARK + text if _looks_like_formula(text) else text


def strip_formula_mark(text: str) -> str:
    """Undo `neutralise_formula`, so an exported file imports again unchanged."""
    return text[1:] if text.startswith(TEXT_MARK) and _looks_like_formula(text) else text


def _decode(raw: bytes) -> str:
    """UTF-8 with or without BOM, else Windows-1252 (what older Danish Excel writes)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def _delimiter(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    return ";" if first_line.count(";") >= first_line.count(",") else ","


def read_csv(path: Path) -> Table:
    text = _decode(path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    headers: list[str] | None = None
    rows: list[TableRow] = []
    line = 0
    for record in reader:
        start = line + 1
        line = reader.line_num
        if headers is None:
            headers = [cell.strip() for cell in record]
            continue
        if not any(cell.strip() for cell in record):
            continue
        cells = {
            h: (strip_formula_mark(record[i].strip()) if i < len(record) else "")
            for i, h in enumerate(headers)
        }
        rows.append(TableRow(start, cells))
    return Table(headers or [], rows)


def read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        headers: list[str] | None = None
        rows: list[TableRow] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            texts = [strip_formula_mark(_cell_text(v)) for v in values]
            if headers is None:
                if not any(texts):
                    continue
                headers = texts
                continue
            if not any(texts):
                continue
            cells = {h: (texts[i] if i < len(texts) else "") for i, h in enumerate(headers) if h}
            rows.append(TableRow(number, cells))
        return Table(headers or [], rows)
    finally:
        workbook.close()


def read_table(path: Path) -> Table:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_csv(path)
    if suffix == ".xlsx":
        return read_xlsx(path)
    raise UnsupportedFileType(suffix)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    raise TypeError(type(value))


def write_table(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """`.csv` (`;`, UTF-8 with BOM so Danish Excel opens it), `.xlsx` or `.json`."""
    suffix = path.suffix.lower()
    if suffix not in WRITABLE_SUFFIXES:
        raise UnsupportedFileType(suffix)
    with private_replacement(path) as tmp:
        if suffix == ".csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
                _write_csv(handle, headers, rows)
        elif suffix == ".json":
            records = [dict(zip(headers, row, strict=True)) for row in rows]
            tmp.write_text(
                json.dumps(records, ensure_ascii=False, indent=2, default=_json_default) + "\n",
                encoding="utf-8",
            )
        else:
            _write_xlsx(tmp, headers, rows)


def _write_csv(handle: TextIO, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    writer = csv.writer(handle, delimiter=";")
    writer.writerow([neutralise_formula(h) for h in headers])
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _csv_cell(value: Any) -> str:
    """Numbers as written (a negative number stays a number); any text neutralised."""
    if _is_number(value):
        return _cell_text(value)
    return neutralise_formula(value if isinstance(value, str) else _cell_text(value))


def _write_xlsx(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    title = "".join(ch for ch in path.stem if ch not in "[]:*?/\\")[:31] or "Ark1"
    sheet = workbook.create_sheet(title, 0)
    workbook.remove(workbook.worksheets[1])
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_xlsx_value(v) for v in row])
    for sheet_row in sheet.iter_rows():
        for cell in sheet_row:
            _keep_as_text(cell)
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        width = max([len(str(header))] + [len(_cell_text(r[index - 1])) for r in rows[:200]])
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, 60)
    workbook.save(path)


def _keep_as_text(cell: Any) -> None:
    """A text cell openpyxl would store as a formula ("=...") is stored as the text it is.

    Text starting "+", "-" or "@" is already a string cell, which Excel never evaluates; the
    quote prefix also keeps Excel from turning it into a formula when the cell is edited.
    """
    if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True


def _xlsx_value(value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str):
        # Control characters are not allowed in an .xlsx file; openpyxl would refuse the row.
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        # Reading strips one mark from "'=..."; text that really starts so keeps its own.
        return (
            TEXT_MARK + value
            if value.startswith(TEXT_MARK) and _looks_like_formula(value)
            else value
        )
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return value
