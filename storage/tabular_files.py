"""Reading and writing the tables staff keep in Excel: CSV the Danish way, XLSX and JSON.

Reading hands back text cells with the line number each row had in the file, so that an
import can name the line of every bad row. Writing is atomic: a half-written file never
replaces a good one.
"""

import csv
import io
import json
import re
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


class TableReadError(ValueError):
    """The file cannot be read as a table; `reason` says why, `line` where (when known).

    Reasons: "encoding", "mixed_encoding", "nul", "csv", "csv_is_zip", "xlsx_is_text",
    "xlsx_protected", "xlsx_damaged". The caller turns them into sentences.
    """

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason, line)
        self.reason = reason
        self.line = line


@dataclass(frozen=True)
class TableRow:
    line: int
    cells: dict[str, str]
    # How many cells the line really had (CSV), to catch lines longer than the header.
    width: int = 0
    # Headers of the cells written as a live formula ("=SUM(A1)", not our marked "'=").
    formulas: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[TableRow]
    # The CSV separator found in the header line; "" for a workbook.
    delimiter: str = ""


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


ZIP_MAGIC = b"PK\x03\x04"
# An OLE2 compound file: a password-protected .xlsx, or an old .xls saved under a new name.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A UTF-8 sequence for a letter beyond ASCII (æ is C3 A6): seen in a file that is not UTF-8,
# part of the file was saved as UTF-8 and part as Windows-1252.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _looks_like_utf16(raw: bytes) -> str | None:
    """UTF-16 without a BOM: nearly every other byte is zero in Danish text."""
    sample = raw[:4000]
    if len(sample) < 8:
        return None
    half = len(sample) // 2
    if sample[1::2].count(0) > 0.9 * half:
        return "utf-16-le"
    if sample[0::2].count(0) > 0.9 * half:
        return "utf-16-be"
    return None


def _decode(raw: bytes) -> str:
    """UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text"), else Windows-1252.

    Windows-1252 is what older Danish Excel writes. A file that is neither, or is half
    UTF-8 and half something else, is refused with the line of the first bad byte.
    """
    if raw.startswith(ZIP_MAGIC):
        raise TableReadError("csv_is_zip")
    utf16 = "utf-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else _looks_like_utf16(raw)
    if utf16 is not None:
        try:
            text = raw.decode(utf16)
        except UnicodeDecodeError as exc:
            raise TableReadError("encoding") from exc
        return _checked_text(text.lstrip("\ufeff"))
    if (nul := raw.find(b"\x00")) >= 0:
        raise TableReadError("nul", _line_of(raw, nul))
    try:
        return _checked_text(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        first_bad = exc.start
        if _UTF8_SEQUENCE.search(raw):
            raise TableReadError("mixed_encoding", _line_of(raw, first_bad)) from exc
    try:
        return _checked_text(raw.decode("cp1252"))
    except UnicodeDecodeError as exc:
        raise TableReadError("encoding", _line_of(raw, exc.start)) from exc


def _checked_text(text: str) -> str:
    """NUL bytes mean binary data, not text a spreadsheet wrote."""
    nul = text.find("\x00")
    if nul >= 0:
        raise TableReadError("nul", text.count("\n", 0, nul) + 1)
    return text


def _delimiter(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    counts = {sep: first_line.count(sep) for sep in (";", ",", "\t")}
    if counts["\t"] > max(counts[";"], counts[","]):
        return "\t"  # Excel's "Unicode text" (UTF-16) is tab separated
    return ";" if counts[";"] >= counts[","] else ","


def read_csv(path: Path) -> Table:
    text = _decode(path.read_bytes())
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers: list[str] | None = None
    rows: list[TableRow] = []
    last_record: list[str] = []
    line = 0
    while True:
        start = line + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # a field beyond the csv module's size limit, and the like
            raise TableReadError("csv", start) from exc
        line = reader.line_num
        if headers is None:
            if not any(cell.strip() for cell in record):
                continue
            # A second BOM (a file saved twice by different tools) is not part of a header.
            headers = [cell.replace("\ufeff", "").strip() for cell in record]
            continue
        if not any(cell.strip() for cell in record):
            continue
        cells = {
            h: (strip_formula_mark(record[i].strip()) if i < len(record) else "")
            for i, h in enumerate(headers)
        }
        last_record = record
        raw = [cell.strip() for cell in record]
        formulas = tuple(h for h, cell in zip(headers, raw, strict=False) if cell.startswith("="))
        rows.append(TableRow(start, cells, len(record), formulas))
    if text.count('"') % 2 and rows and any("\n" in c or "\r" in c for c in last_record):
        # A quotation mark never closed: the csv module swallowed the rest of the file into
        # the last row's cell, which would otherwise be imported as one long name.
        raise TableReadError("csv", rows[-1].line)
    return Table(headers or [], rows, delimiter)


def read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    with path.open("rb") as handle:
        magic = handle.read(len(OLE_MAGIC))
    if magic.startswith(OLE_MAGIC):
        raise TableReadError("xlsx_protected")
    if not magic.startswith(ZIP_MAGIC):
        raise TableReadError("xlsx_is_text" if _is_text(path) else "xlsx_damaged")
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile, KeyError, XML errors: whatever a damaged file raises
        raise TableReadError("xlsx_damaged") from exc
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


def _is_text(path: Path) -> bool:
    try:
        return bool(_decode(path.read_bytes()[:100_000]).strip())
    except TableReadError:
        return False


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


def write_json(path: Path, data: Any) -> None:
    """Any JSON document (not only a table), written atomically like the tables."""
    if path.suffix.lower() != ".json":
        raise UnsupportedFileType(path.suffix.lower())
    with private_replacement(path) as tmp:
        tmp.write_text(
            json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n",
            encoding="utf-8",
        )


def _write_csv(handle: TextIO, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    writer = csv.writer(handle, delimiter=";")
    writer.writerow([neutralise_formula(h) for h in headers])
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _csv_cell(value: Any) -> str:
    """Numbers as written (a negative number stays a number); any text neutralised."""
    if isinstance(value, float) and not value.is_integer():
        # Danish Excel reads 7,5 as a number and 7.5 as text (or a date).
        return str(value).replace(".", ",")
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
    # Built in memory, then written in one go: on a full disk openpyxl's own zip file would be
    # left half closed, failing again when collected.
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(buffer.getvalue())


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
