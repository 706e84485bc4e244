"""Reading an import file: its limits, its columns and rows, and the report of what it did.

Shared by the register imports (`rfk_trips.exchange.importing`) and the history imports
(`rfk_trips.exchange.history_import`), so that every file is held to the same limits and
refused in the same Danish sentences, whatever it holds.

The file is read row by row, and held to the limits below before it is parsed, so that a file
too big to be imported is refused at once instead of after minutes of reading.
"""

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Literal

from rfk_trips.exchange.import_checks import one_line
from rfk_trips.i18n.catalogue import number, t
from rfk_trips.registers.record_fields import RegisterFields, header_key
from rfk_trips.rules.errors import UserError
from storage.tabular_files import (
    TableReadError,
    TableRow,
    TableStream,
    UnpackLimits,
    UnsupportedFileType,
    open_table,
)

ImportKind = Literal["companies", "citizens", "staff", "trips", "attendance", "outcomes"]
REGISTER_KINDS: tuple[ImportKind, ...] = ("companies", "citizens", "staff")
# The past brought in from the job centre's spreadsheets (rfk_trips.exchange.history_import).
HISTORY_KINDS: tuple[ImportKind, ...] = ("trips", "attendance", "outcomes")
IMPORT_KINDS: tuple[ImportKind, ...] = REGISTER_KINDS + HISTORY_KINDS
# How often a long import says how far it has come (rows read).
PROGRESS_EVERY = 500


@dataclass(frozen=True)
class ImportStep:
    """How far an import has come: rows read, then (every row checked) records written."""

    read: int
    written: int | None = None  # None while the file is being read
    total: int | None = None  # the records to write, once the file is read

    def text(self) -> str:
        if self.written is None:
            return t("import.progress", rows=number(self.read))
        return t("import.writing", written=number(self.written), total=number(self.total or 0))


Progress = Callable[[ImportStep], None]


class WriteProgress:
    """Tells `progress` of the records written, every PROGRESS_EVERY and at the last: on a big
    register the writing takes longer than the reading, and should not look stalled."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = total

    @staticmethod
    def due(done: int) -> bool:
        """Time to write what is made and say so: every PROGRESS_EVERY records."""
        return done > 0 and done % PROGRESS_EVERY == 0

    def wrote(self, count: int) -> None:
        if self.progress is not None:
            self.progress(ImportStep(self.total, count, self.total))


# --- The limits of one import, all in one place. ------------------------------------------
# A municipality's whole citizen register is well under a megabyte; a bigger file is a
# mistake (a log, a database, a video), and reading it would stall the laptop.
MAX_IMPORT_MB = 20
# The biggest register rfk-trips is built for is `demo --scale 100`: 70,000 citizens, which
# import in under a minute; a municipality has a few thousand. More rows than this are not
# one register (a CPR extract, a log) and would take many minutes to check, so the file is
# refused at the row past the limit.
MAX_IMPORT_ROWS = 100_000
# A workbook is a zip, and unpacks to several times its size: the 70,000 citizens are 5 MB on
# disk and 48 MB unpacked, the widest register (companies) about 1 KB a row, so 100 MB for
# MAX_IMPORT_ROWS rows; half as much again leaves room for long notes. Judged from the sizes
# the zip declares, so a "zip bomb" (a few MB that unpack to gigabytes) is refused unpacked.
MAX_XLSX_UNPACKED_MB = 150
# Sheets with real data pack 5-30 times (the citizens above: 9); deflate can pack a thousand
# times, which only made-up content reaches (one letter repeated). A part is judged only from
# XLSX_RATIO_FROM_MB unpacked: below that, it costs little whatever its ratio.
MAX_XLSX_RATIO = 100
XLSX_RATIO_FROM_MB = 10
# Thousands of bad lines mean a wrong file or one mistake repeated: the first 50 say what to
# fix, and listing every one would only bury them (and take memory and time).
MAX_LISTED_ERROR_LINES = 50

_MB = 1024 * 1024
_UNPACK_LIMITS = UnpackLimits(
    max_bytes=MAX_XLSX_UNPACKED_MB * _MB,
    max_ratio=MAX_XLSX_RATIO,
    ratio_from_bytes=XLSX_RATIO_FROM_MB * _MB,
)


@dataclass
class ImportReport:
    kind: ImportKind
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return t(
            "import.summary",
            kind=t(f"import.kind.{self.kind}"),
            created=number(self.created),
            updated=number(self.updated),
            unchanged=number(self.unchanged),
        )


class RowErrors:
    """The bad lines of a file: every one counted, the first MAX_LISTED_ERROR_LINES listed."""

    def __init__(self) -> None:
        self.lines = 0
        self.listed: list[str] = []

    def __bool__(self) -> bool:
        return self.lines > 0

    def add(self, line: int, messages: list[str]) -> None:
        self.lines += 1
        if self.lines <= MAX_LISTED_ERROR_LINES:
            self.listed.extend(t("import.row_error", line=line, message=m) for m in messages)

    def refusal(self) -> UserError:
        details = list(self.listed)
        if (more := self.lines - MAX_LISTED_ERROR_LINES) > 0:
            details.append(t("import.more_bad_rows", count=number(more)))
        return UserError(t("import.bad_rows", count=number(self.lines)), details)


def column_keys(fields: RegisterFields, headers: list[str], report: ImportReport) -> dict[str, str]:
    """Each heading the file's kind knows → the key of its field, which the parser reads."""
    columns = {header: header_key(header) for header in headers if header.strip()}
    _refuse_duplicate_headers(headers)
    keys = {
        header: key
        for header, column in columns.items()
        if (key := fields.key_of(column)) is not None
    }
    missing = [f.column for f in fields.required if f.key not in keys.values()]
    if missing:
        raise UserError(
            t(
                "import.missing_columns",
                columns=", ".join(missing),
                expected=", ".join(fields.headings),
            )
        )
    unknown = [header for header in columns if header not in keys]
    if unknown:
        report.notes.append(t("import.unknown_columns", columns=", ".join(unknown)))
    return keys


def open_file(path: Path, stack: ExitStack) -> TableStream:
    """The file open as a table, or a Danish sentence saying why it cannot be read."""
    if not path.exists():
        raise UserError(t("import.missing_file", path=path))
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UserError(t("import.unreadable", path=path)) from exc
    if size > MAX_IMPORT_MB * _MB:
        raise UserError(t("import.too_big", path=path, size=round(size / _MB), limit=MAX_IMPORT_MB))
    try:
        return stack.enter_context(open_table(path, unpack_limits=_UNPACK_LIMITS))
    except UnsupportedFileType as exc:
        raise UserError(t("import.file_type", path=path)) from exc
    except TableReadError as exc:
        raise UserError(_read_error(exc, path)) from exc
    except Exception as exc:  # a damaged or mislabelled file, whatever the reader raises
        raise UserError(t("import.unreadable", path=path)) from exc


def read_rows(
    table: TableStream, path: Path, progress: Progress | None = None
) -> Iterator[TableRow]:
    """The file's rows as they are read, refused at the row past MAX_IMPORT_ROWS or where the
    reader finds the file cannot be read; `progress` hears the count every PROGRESS_EVERY."""
    count = 0
    while True:
        try:
            row = next(table.rows)
        except StopIteration:
            return
        except TableReadError as exc:
            raise UserError(_read_error(exc, path)) from exc
        except Exception as exc:  # a file damaged further on, whatever the reader raises
            raise UserError(t("import.unreadable", path=path)) from exc
        count += 1
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(ImportStep(count))
        if count > MAX_IMPORT_ROWS:
            raise UserError(t("import.too_many_rows", path=path, limit=number(MAX_IMPORT_ROWS)))
        yield row


def _read_error(exc: TableReadError, path: Path) -> str:
    if exc.reason == "xlsx_damaged":
        return t("import.unreadable", path=path)
    if exc.reason == "encoding":
        where = t("import.read.at_line", line=exc.line) if exc.line else ""
        return t("import.read.encoding", path=path, where=where)
    if exc.reason == "xlsx_unpacked":
        size = number(exc.amount or 0)
        return t("import.read.xlsx_unpacked", path=path, size=size, limit=MAX_XLSX_UNPACKED_MB)
    if exc.reason == "xlsx_ratio":
        ratio = number(exc.amount or 0)
        return t("import.read.xlsx_ratio", path=path, ratio=ratio, limit=MAX_XLSX_RATIO)
    return t(f"import.read.{exc.reason}", path=path, line=exc.line)


def _refuse_duplicate_headers(headers: list[str]) -> None:
    seen: set[str] = set()
    for header in headers:
        key = header_key(header) if header.strip() else ""
        if key and key in seen:
            raise UserError(t("import.duplicate_header", column=one_line(header)))
        seen.add(key)


@dataclass(frozen=True)
class OpenedFile:
    """A file open for import: its table, each known heading's field, and its rows (the first
    already read, so that a file of headings only is refused before the database is asked)."""

    table: TableStream
    keys: dict[str, str]
    rows: Iterator[TableRow]

    def header_of(self, fields: RegisterFields) -> dict[str, str]:
        """Each field → its column as the file heads it (a column the file lacks: as we do)."""
        return {f.key: f.column for f in fields.fields} | {
            key: header for header, key in self.keys.items()
        }


def open_rows(
    path: Path,
    fields: RegisterFields,
    report: ImportReport,
    stack: ExitStack,
    progress: Progress | None = None,
) -> OpenedFile:
    """`path` opened, its headings read for `fields`, and its first row read; UserError else."""
    table = open_file(path, stack)
    keys = column_keys(fields, table.headers, report)
    rows = read_rows(table, path, progress)
    first_row = next(rows, None)
    if first_row is None:
        raise UserError(t("import.empty", path=path))
    return OpenedFile(table, keys, chain([first_row], rows))
