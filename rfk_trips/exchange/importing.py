"""Importing registers from Excel (.xlsx) or CSV: all rows or none.

Every row is checked before anything is written. One bad row and nothing is imported: the
user gets the bad rows with their line numbers and a Danish reason (the first
MAX_LISTED_ERROR_LINES, then how many more). Importing the same file twice changes nothing the
second time, because records are matched to the ones already there (companies on CVR, else
name + postcode; citizens on name + phone; staff on initials).

The file is read row by row, and held to the limits below before it is parsed, so that a file
too big to be a register is refused at once instead of after minutes of reading.
"""

from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from itertools import chain
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

from rfk_trips.exchange.import_checks import cell_problems, length_problems, one_line
from rfk_trips.i18n.catalogue import number, t
from rfk_trips.i18n.labels import normalise
from rfk_trips.registers.benefit_periods import BENEFIT_SINCE, change_benefit, start_history
from rfk_trips.registers.lookups import load_lookups
from rfk_trips.registers.record_fields import (
    CITIZEN_FIELDS,
    COMPANY_FIELDS,
    STAFF_FIELDS,
    Lookups,
    ParsedRecord,
    RegisterFields,
    header_key,
    parse_citizen,
    parse_company,
    parse_staff,
)
from rfk_trips.rules.errors import UserError
from storage.models import Citizen, Company, Staff, utc_now
from storage.sessions import session_scope
from storage.tabular_files import (
    READABLE_SUFFIXES,
    TableReadError,
    TableRow,
    TableStream,
    UnpackLimits,
    UnsupportedFileType,
    open_table,
)

ImportKind = Literal["companies", "citizens", "staff"]
IMPORT_KINDS: tuple[ImportKind, ...] = ("companies", "citizens", "staff")

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
            created=self.created,
            updated=self.updated,
            unchanged=self.unchanged,
        )


@dataclass(frozen=True)
class _Spec:
    model: type[SQLModel]
    fields: RegisterFields
    parse: Callable[[Mapping[str, str], Lookups], ParsedRecord]
    what: str


_SPECS: dict[ImportKind, _Spec] = {
    "companies": _Spec(Company, COMPANY_FIELDS, parse_company, "what.company"),
    "citizens": _Spec(Citizen, CITIZEN_FIELDS, parse_citizen, "what.citizen"),
    "staff": _Spec(Staff, STAFF_FIELDS, parse_staff, "what.staff"),
}


def _identity(kind: ImportKind, values: Mapping[str, Any]) -> tuple[str, ...]:
    """What makes two rows the same record: CVR (else name + postcode), name + phone, initials."""
    if kind == "companies":
        if values.get("cvr"):
            return ("cvr", values["cvr"])
        return ("name", normalise(values["name"]), values.get("postcode") or "")
    if kind == "citizens":
        return ("name", normalise(values["name"]), values.get("phone") or "")
    return ("initials", normalise(values["initials"]))


class _Index:
    """The records already there, found the way `_identity` says.

    A company row with a CVR matches the company with that CVR; failing that, a company of
    the same name and postcode that has no CVR yet (so a CVR can be added by re-importing).
    Two companies with different CVRs are different companies, whatever their names.
    """

    def __init__(self, kind: ImportKind) -> None:
        self.kind = kind
        self.by_identity: dict[tuple[str, ...], Any] = {}
        self.by_name: dict[tuple[str, ...], list[Any]] = {}

    def add(self, record: Any) -> None:
        values = record.model_dump()
        self.by_identity.setdefault(_identity(self.kind, values), record)
        if self.kind == "companies":
            name_key = ("name", normalise(values["name"]), values.get("postcode") or "")
            self.by_name.setdefault(name_key, []).append(record)

    def find(self, values: Mapping[str, Any]) -> Any:
        found = self.by_identity.get(_identity(self.kind, values))
        if found is not None or self.kind != "companies":
            return found
        same_name = self._same_name(values)
        if values.get("cvr"):
            return next((company for company in same_name if not company.cvr), None)
        return next(iter(same_name), None)

    def _same_name(self, values: Mapping[str, Any]) -> list[Any]:
        return self.by_name.get(
            ("name", normalise(values["name"]), values.get("postcode") or ""), []
        )

    def cvr_holder(self, cvr: str | None) -> Any:
        return self.by_identity.get(("cvr", cvr)) if cvr else None


class _RowErrors:
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


def import_file(
    engine: Engine, kind: ImportKind, path: Path, *, today: date, dry_run: bool = False
) -> ImportReport:
    """Import `path` into the `kind` register in one transaction; UserError on any bad row."""
    spec = _SPECS[kind]
    report = ImportReport(kind, dry_run=dry_run)
    with ExitStack() as open_file:
        table = _open(path, open_file)
        keys = _column_keys(spec, table.headers, report)
        rows = _rows(table, path)
        first_row = next(rows, None)
        if first_row is None:
            raise UserError(t("import.empty", path=path))
        with session_scope(engine) as session:
            lookups = load_lookups(session, today=today)
            errors = _RowErrors()
            parsed = _checked(kind, spec, table, chain([first_row], rows), keys, lookups, errors)
            if not errors:
                _write(session, kind, spec, parsed, set(keys.values()), report, errors, today=today)
            if errors:
                session.rollback()
                raise errors.refusal()
            if dry_run:
                session.rollback()
    return report


def _column_keys(spec: _Spec, headers: list[str], report: ImportReport) -> dict[str, str]:
    """Each heading the register knows → the key of its field, which the parser reads."""
    columns = {header: header_key(header) for header in headers if header.strip()}
    _refuse_duplicate_headers(headers)
    keys = {
        header: key
        for header, column in columns.items()
        if (key := spec.fields.key_of(column)) is not None
    }
    missing = [f.column for f in spec.fields.required if f.key not in keys.values()]
    if missing:
        raise UserError(
            t(
                "import.missing_columns",
                columns=", ".join(missing),
                expected=", ".join(spec.fields.headings),
            )
        )
    unknown = [header for header in columns if header not in keys]
    if unknown:
        report.notes.append(t("import.unknown_columns", columns=", ".join(unknown)))
    return keys


def _checked(
    kind: ImportKind,
    spec: _Spec,
    table: TableStream,
    rows: Iterator[TableRow],
    keys: dict[str, str],
    lookups: Lookups,
    errors: _RowErrors,
) -> list[tuple[int, ParsedRecord]]:
    """Every row checked as it is read: the clean records, or the bad lines in `errors`."""
    parsed: list[tuple[int, ParsedRecord]] = []
    first_line: dict[tuple[str, ...], int] = {}
    # A refusal names a column as the file heads it (one the file lacks: as we head it).
    header_of = {f.key: f.column for f in spec.fields.fields} | {
        key: header for header, key in keys.items()
    }
    for row in rows:
        problems = cell_problems(row, table.headers, table.delimiter)
        if problems:
            errors.add(row.line, problems)
            continue
        cells = {keys[h]: value for h, value in row.cells.items() if h in keys}
        try:
            record = spec.parse(cells, lookups)
        except UserError as exc:
            errors.add(row.line, [exc.message])
            continue
        too_long = length_problems(spec.model, record.values, record.columns, header_of)
        if too_long:
            errors.add(row.line, too_long)
            continue
        identity = _identity(kind, record.values)
        if identity in first_line:
            message = t("import.duplicate_in_file", what=t(spec.what), other=first_line[identity])
            errors.add(row.line, [message])
            continue
        first_line[identity] = row.line
        if not errors:  # once a row is bad nothing is written: keep no more records
            parsed.append((row.line, record))
    return parsed


def _open(path: Path, open_file: ExitStack) -> TableStream:
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
        return open_file.enter_context(open_table(path, unpack_limits=_UNPACK_LIMITS))
    except UnsupportedFileType as exc:
        raise UserError(t("import.file_type", path=path)) from exc
    except TableReadError as exc:
        raise UserError(_read_error(exc, path)) from exc
    except Exception as exc:  # a damaged or mislabelled file, whatever the reader raises
        raise UserError(t("import.unreadable", path=path)) from exc


def _rows(table: TableStream, path: Path) -> Iterator[TableRow]:
    """The file's rows as they are read, refused at the row past MAX_IMPORT_ROWS or where the
    reader finds the file cannot be read."""
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


def _write(
    session: Session,
    kind: ImportKind,
    spec: _Spec,
    parsed: list[tuple[int, ParsedRecord]],
    present: set[str],
    report: ImportReport,
    errors: _RowErrors,
    *,
    today: date,
) -> None:
    index = _Index(kind)
    for stored in session.scalars(select(spec.model)):
        index.add(stored)
    # New citizens, whose first benefit period needs their number (after the flush).
    new_citizens: list[tuple[Citizen, date | None]] = []
    for line, record in parsed:
        values = record.values
        # Not a column of the register: the day the benefit began (registers.benefit_periods).
        since = values.pop(BENEFIT_SINCE, None) if kind == "citizens" else None
        existing = index.find(values)
        holder = index.cvr_holder(values.get("cvr")) if kind == "companies" else None
        if holder is not None and holder is not existing:
            errors.add(line, [t("field.cvr_taken", cvr=values["cvr"], name=holder.name)])
            continue
        if existing is None:
            new = spec.model(**values)
            session.add(new)
            index.add(new)
            if isinstance(new, Citizen):
                new_citizens.append((new, since))
            report.created += 1
            continue
        given = record.given(present)
        if kind == "companies" and not given.get("cvr"):
            given.pop("cvr", None)  # a blank CVR cell never erases a known CVR
        changed = {name: v for name, v in given.items() if getattr(existing, name) != v}
        if not changed:
            report.unchanged += 1
            continue
        if "benefit_group" in changed:
            try:
                change_benefit(session, existing, changed.pop("benefit_group"), since, today=today)
            except UserError as exc:
                errors.add(line, [exc.message])
                continue
        for name, value in changed.items():
            setattr(existing, name, value)
        if hasattr(existing, "updated_at"):
            existing.updated_at = utc_now()
        session.add(existing)
        report.updated += 1
    session.flush()
    for citizen, since in new_citizens:
        start_history(session, citizen, since, today=today)
    session.flush()


def supported_suffixes() -> tuple[str, ...]:
    return READABLE_SUFFIXES
