"""Reading and writing the tables staff keep in Excel: CSV the Danish way, XLSX and JSON.

Reading hands back text cells with the line number each row had in the file, so that an
import can name the line of every bad row. Writing is atomic: a half-written file never
replaces a good one.
"""

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, TextIO

READABLE_SUFFIXES = (".csv", ".xlsx")
WRITABLE_SUFFIXES = (".csv", ".xlsx", ".json")


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
        cells = {h: (record[i].strip() if i < len(record) else "") for i, h in enumerate(headers)}
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
            texts = [_cell_text(v) for v in values]
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


@contextmanager
def _atomic_target(path: Path) -> Iterator[Path]:
    """Write to a temporary file beside `path`, then move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        tmp.chmod(0o600)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    raise TypeError(type(value))


def write_table(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """`.csv` (`;`, UTF-8 with BOM so Danish Excel opens it), `.xlsx` or `.json`."""
    suffix = path.suffix.lower()
    if suffix not in WRITABLE_SUFFIXES:
        raise UnsupportedFileType(suffix)
    with _atomic_target(path) as tmp:
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
    with _atomic_target(path) as tmp:
        tmp.write_text(
            json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n",
            encoding="utf-8",
        )


def _csv_cell(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, float) and not value.is_integer():
        # Danish Excel reads 7,5 as a number and 7.5 as text (or a date).
        return str(value).replace(".", ",")
    return _cell_text(value)


def _write_csv(handle: TextIO, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    writer = csv.writer(handle, delimiter=";")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])


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
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        width = max([len(str(header))] + [len(_cell_text(r[index - 1])) for r in rows[:200]])
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, 60)
    workbook.save(path)


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return value
