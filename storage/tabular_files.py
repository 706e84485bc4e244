"""Reading and writing the tables staff keep in Excel: CSV the Danish way, XLSX and JSON.

Reading hands back text cells with the line number each row had in the file, so that an
import can name the line of every bad row, one row at a time (`open_table`), so that a big file
never sits in memory whole. Writing is atomic: a half-written file never replaces a good one.
"""

import codecs
import csv
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from itertools import chain
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
    "xlsx_protected", "xlsx_damaged", and for a workbook beyond its `UnpackLimits`
    "xlsx_unpacked" (`amount`: the MB it would unpack to) and "xlsx_ratio" (`amount`: how many
    times a part is packed). The caller turns them into sentences.
    """

    def __init__(self, reason: str, line: int | None = None, amount: int | None = None) -> None:
        super().__init__(reason, line)
        self.reason = reason
        self.line = line
        self.amount = amount


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


@dataclass(frozen=True)
class TableStream:
    """A table being read: its header, and its rows as they are read from the file."""

    headers: list[str]
    rows: Iterator[TableRow]
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
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# A UTF-8 sequence for a letter beyond ASCII (æ is C3 A6): seen in a file that is not UTF-8,
# part of the file was saved as UTF-8 and part as Windows-1252.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")
# The five bytes Windows-1252 leaves undefined: a file holding one is not Windows-1252 either.
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
# A file is checked this much at a time, so that a big one never sits in memory whole.
_CHUNK = 1024 * 1024


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


def _file_chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        yield from iter(lambda: handle.read(_CHUNK), b"")


def _text_encoding(head: bytes, chunks: Callable[[], Iterable[bytes]]) -> str:
    """UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text"), else Windows-1252.

    Windows-1252 is what older Danish Excel writes. A file that is neither, or is half
    UTF-8 and half something else, is refused with the line of the first bad byte. `head` is
    the start of the file; `chunks` reads all of it, a piece at a time, to check every byte
    before a row is read.
    """
    if head.startswith(ZIP_MAGIC):
        raise TableReadError("csv_is_zip")
    utf16 = "utf-16" if head.startswith(_UTF16_BOMS) else _looks_like_utf16(head)
    if utf16 is not None:
        _check_utf16(chunks(), utf16)
        return utf16
    return _single_byte_encoding(chunks())


def _check_utf16(chunks: Iterable[bytes], encoding: str) -> None:
    """NUL characters mean binary data, not text a spreadsheet wrote."""
    decoder = codecs.getincrementaldecoder(encoding)()
    lines_before = 0
    try:
        for chunk in chunks:
            text = decoder.decode(chunk)
            if (nul := text.find("\x00")) >= 0:
                raise TableReadError("nul", lines_before + text.count("\n", 0, nul) + 1)
            lines_before += text.count("\n")
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise TableReadError("encoding") from exc


def _single_byte_encoding(chunks: Iterable[bytes]) -> str:
    """ "utf-8-sig" or "cp1252", or why the bytes are neither (NUL bytes: not text at all)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    nul_line: int | None = None
    bad_utf8_line: int | None = None
    bad_cp1252_line: int | None = None
    has_utf8_sequence = False
    lines_before = 0
    previous = b""  # the last byte of the chunk before: a sequence may be split between two
    for chunk in chunks:
        if nul_line is None and (nul := chunk.find(b"\x00")) >= 0:
            nul_line = lines_before + chunk.count(b"\n", 0, nul) + 1
        if bad_utf8_line is None:
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                # A bad sequence begun in the chunk before holds no line break.
                at = max(exc.start - pending, 0)
                bad_utf8_line = lines_before + chunk.count(b"\n", 0, at) + 1
        if not has_utf8_sequence:
            has_utf8_sequence = _UTF8_SEQUENCE.search(previous + chunk) is not None
        if bad_cp1252_line is None and (undefined := _CP1252_UNDEFINED.search(chunk)):
            bad_cp1252_line = lines_before + chunk.count(b"\n", 0, undefined.start()) + 1
        lines_before += chunk.count(b"\n")
        previous = chunk[-1:]
    if bad_utf8_line is None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:  # the file ends inside a sequence
            bad_utf8_line = lines_before + 1
    if nul_line is not None:
        raise TableReadError("nul", nul_line)
    if bad_utf8_line is None:
        return "utf-8-sig"
    if has_utf8_sequence:
        raise TableReadError("mixed_encoding", bad_utf8_line)
    if bad_cp1252_line is not None:
        raise TableReadError("encoding", bad_cp1252_line)
    return "cp1252"


def _delimiter(first_line: str) -> str:
    counts = {sep: first_line.count(sep) for sep in (";", ",", "\t")}
    if counts["\t"] > max(counts[";"], counts[","]):
        return "\t"  # Excel's "Unicode text" (UTF-16) is tab separated
    return ";" if counts[";"] >= counts[","] else ","


@contextmanager
def _open_csv(path: Path) -> Iterator[TableStream]:
    with path.open("rb") as handle:
        head = handle.read(4000)
    encoding = _text_encoding(head, lambda: _file_chunks(path))
    with path.open("r", encoding=encoding, newline="") as text:
        try:
            first_line = text.readline().lstrip("\ufeff")
        except UnicodeDecodeError as exc:  # the file changed after it was checked
            raise TableReadError("encoding") from exc
        delimiter = _delimiter(first_line)
        quotes = [0]

        def lines() -> Iterator[str]:
            for line in chain([first_line], text):
                quotes[0] += line.count('"')
                yield line

        records = _csv_records(csv.reader(lines(), delimiter=delimiter))
        header = next(records, None)
        # A second BOM (a file saved twice by different tools) is not part of a header.
        headers = [cell.replace("\ufeff", "").strip() for cell in header[1]] if header else []
        yield TableStream(headers, _csv_rows(records, headers, quotes), delimiter)


def _csv_records(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Each record that is not blank, with the line it starts on."""
    line = 0
    while True:
        start = line + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # a field beyond the csv module's size limit, and the like
            raise TableReadError("csv", start) from exc
        except UnicodeDecodeError as exc:  # the file changed after it was checked
            raise TableReadError("encoding", start) from exc
        line = reader.line_num
        if any(cell.strip() for cell in record):
            yield start, record


def _csv_rows(
    records: Iterator[tuple[int, list[str]]], headers: list[str], quotes: list[int]
) -> Iterator[TableRow]:
    last_record: list[str] = []
    last_line = 0
    for start, record in records:
        cells = {
            h: (strip_formula_mark(record[i].strip()) if i < len(record) else "")
            for i, h in enumerate(headers)
        }
        last_record, last_line = record, start
        raw = [cell.strip() for cell in record]
        formulas = tuple(h for h, cell in zip(headers, raw, strict=False) if cell.startswith("="))
        yield TableRow(start, cells, len(record), formulas)
    if quotes[0] % 2 and last_line and any("\n" in c or "\r" in c for c in last_record):
        # A quotation mark never closed: the csv module swallowed the rest of the file into
        # the last row's cell, which would otherwise be imported as one long name.
        raise TableReadError("csv", last_line)


@dataclass(frozen=True)
class UnpackLimits:
    """How far the parts of a workbook may unpack, judged from the zip's own directory."""

    max_bytes: int  # all parts together
    max_ratio: int  # one part's unpacked size over its packed size
    ratio_from_bytes: int  # a part smaller than this is not judged by its ratio


def _check_unpacked(path: Path, limits: UnpackLimits) -> None:
    """Refuse a workbook that would unpack too far, before any of it is unpacked.

    A zip's directory declares each part's size, and Python's zipfile never unpacks more of a
    part than declared (a part holding more fails its checksum), so the declared sizes bound
    what reading the file can cost. Every part counts: openpyxl reads the shared strings and
    styles whole, not only the sheet.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except Exception as exc:  # zipfile, struct or OS errors: whatever a damaged file raises
        raise TableReadError("xlsx_damaged") from exc
    total = sum(part.file_size for part in parts)
    if total > limits.max_bytes:
        raise TableReadError("xlsx_unpacked", amount=-(-total // (1024 * 1024)))
    for part in parts:
        packed = max(part.compress_size, 1)
        if part.file_size >= limits.ratio_from_bytes and part.file_size > limits.max_ratio * packed:
            raise TableReadError("xlsx_ratio", amount=part.file_size // packed)


@contextmanager
def _open_xlsx(path: Path, limits: UnpackLimits | None) -> Iterator[TableStream]:
    from openpyxl import load_workbook

    with path.open("rb") as handle:
        magic = handle.read(len(OLE_MAGIC))
    if magic.startswith(OLE_MAGIC):
        raise TableReadError("xlsx_protected")
    if not magic.startswith(ZIP_MAGIC):
        raise TableReadError("xlsx_is_text" if _is_text(path) else "xlsx_damaged")
    if limits is not None:
        _check_unpacked(path, limits)
    try:
        # Read-only: openpyxl hands the sheet over row by row instead of building it whole.
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile, KeyError, XML errors: whatever a damaged file raises
        raise TableReadError("xlsx_damaged") from exc
    try:
        try:
            sheet: Any = workbook.worksheets[0]
            # The size a sheet claims ("A1:XFD1048576") would pad every row to 16,384 cells.
            sheet.reset_dimensions()
            header_row, headers = _xlsx_header(sheet)
        except Exception as exc:
            raise TableReadError("xlsx_damaged") from exc
        yield TableStream(headers, _xlsx_rows(sheet, header_row, headers))
    finally:
        workbook.close()


def _xlsx_texts(values: Sequence[Any]) -> list[str]:
    return [strip_formula_mark(_cell_text(v)) for v in values]


def _xlsx_header(sheet: Any) -> tuple[int, list[str]]:
    """The number of the first row that is not blank, and its texts; (0, []) for none."""
    rows = sheet.iter_rows(values_only=True)
    try:
        for number, values in enumerate(rows, start=1):
            texts = _xlsx_texts(values)
            if any(texts):
                while not texts[-1]:
                    texts.pop()
                return number, texts
        return 0, []
    finally:
        rows.close()


def _xlsx_rows(sheet: Any, header_row: int, headers: list[str]) -> Iterator[TableRow]:
    if not headers:
        return
    first = header_row + 1
    # Cells right of the header are never read, so a stray cell far out costs nothing.
    rows = sheet.iter_rows(min_row=first, max_col=len(headers), values_only=True)
    try:
        for number, values in enumerate(rows, start=first):
            if values.count(None) == len(values):  # a blank row (or a gap in the sheet)
                continue
            texts = _xlsx_texts(values)
            if not any(texts):
                continue
            cells = {h: (texts[i] if i < len(texts) else "") for i, h in enumerate(headers) if h}
            yield TableRow(number, cells)
    except Exception as exc:  # a sheet damaged further down than its start
        raise TableReadError("xlsx_damaged") from exc
    finally:
        rows.close()


def _is_text(path: Path) -> bool:
    with path.open("rb") as handle:
        sample = handle.read(100_000)
    try:
        encoding = _text_encoding(sample, lambda: [sample])
    except TableReadError:
        return False
    text = sample.decode(encoding)
    return bool((text.lstrip("\ufeff") if encoding.startswith("utf-16") else text).strip())


def open_table(
    path: Path, *, unpack_limits: UnpackLimits | None = None
) -> AbstractContextManager[TableStream]:
    """The file as a table read row by row, open while the `with` block runs.

    The header is read at once; every row is read only when the rows are iterated, so that a
    big file never sits in memory whole. A workbook is first held to `unpack_limits`.
    Refusals are TableReadError (when opening, or on the row where the reader finds them).
    """
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _open_csv(path)
    if suffix == ".xlsx":
        return _open_xlsx(path, unpack_limits)
    raise UnsupportedFileType(suffix)


def read_table(path: Path) -> Table:
    """The whole file as a table, for files known to be small (an import streams instead)."""
    with open_table(path) as stream:
        return Table(stream.headers, list(stream.rows), stream.delimiter)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    raise TypeError(type(value))


def write_table(
    path: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]], *, sheet: str
) -> None:
    """`.csv` (`;`, UTF-8 with BOM so Danish Excel opens it), `.xlsx` or `.json`.

    `sheet` names an `.xlsx` file's tab after what the rows are ("Virksomheder"), as Excel
    takes a tab name; neither the file's name nor the temporary file it is written as.
    """
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
            _write_xlsx(tmp, headers, rows, title=sheet)


@dataclass(frozen=True)
class Sheet:
    """One more sheet of a workbook: its name (cut to Excel's 31 characters), a header, rows."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]


def write_workbook(
    path: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    more: Sequence[Sheet],
    *,
    sheet: str,
) -> None:
    """`write_table` to `.xlsx`, with `more` sheets after the first (named `sheet`), each a
    table of its own."""
    suffix = path.suffix.lower()
    if suffix != ".xlsx":
        raise UnsupportedFileType(suffix)
    with private_replacement(path) as tmp:
        _write_xlsx(tmp, headers, rows, more, title=sheet)


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


def _sheet_title(name: str) -> str:
    """`name` as Excel takes a sheet name: none of `[]:*?/\\`, no apostrophe at either end
    (Excel repairs such a workbook when it opens it), at most 31 characters; else "Ark1"."""
    kept = "".join(ch for ch in name if ch not in "[]:*?/\\").strip(" '")
    return kept[:31].rstrip(" '") or "Ark1"


def _write_xlsx(
    path: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    more: Sequence[Sheet] = (),
    *,
    title: str,
) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.create_sheet(_sheet_title(title), 0)
    workbook.remove(workbook.worksheets[1])
    _fill_sheet(sheet, headers, rows)
    for extra in more:
        _fill_sheet(workbook.create_sheet(_sheet_title(extra.title)), extra.headers, extra.rows)
    # Built in memory, then written in one go: on a full disk openpyxl's own zip file would be
    # left half closed, failing again when collected.
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(buffer.getvalue())


def _fill_sheet(sheet: Any, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

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
