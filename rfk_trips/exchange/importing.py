"""Importing registers from Excel (.xlsx) or CSV: all rows or none.

Every row is checked before anything is written. One bad row and nothing is imported: the
user gets every bad row with its line number and a Danish reason. Importing the same file
twice changes nothing the second time, because records are matched to the ones already
there (companies on CVR, else name + postcode; citizens on name + phone; staff on initials).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

from rfk_trips.exchange.import_checks import cell_problems, length_problems, one_line
from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import normalise
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
    Table,
    TableReadError,
    UnsupportedFileType,
    read_table,
)

ImportKind = Literal["companies", "citizens", "staff"]
IMPORT_KINDS: tuple[ImportKind, ...] = ("companies", "citizens", "staff")
# A municipality's whole citizen register is well under a megabyte; a bigger file is a
# mistake (a log, a database, a video), and reading it would stall the laptop.
MAX_IMPORT_MB = 20


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


def import_file(
    engine: Engine, kind: ImportKind, path: Path, *, today: date, dry_run: bool = False
) -> ImportReport:
    """Import `path` into the `kind` register in one transaction; UserError on any bad row."""
    spec = _SPECS[kind]
    table = _read(path)
    report = ImportReport(kind, dry_run=dry_run)
    columns = {header: header_key(header) for header in table.headers if header.strip()}
    _refuse_duplicate_headers(table.headers)
    # Each heading the register knows → the key of its field, which the parser reads.
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
    if not table.rows:
        raise UserError(t("import.empty", path=path))
    present = set(keys.values())

    with session_scope(engine) as session:
        lookups = load_lookups(session, today=today)
        errors: list[str] = []
        parsed: list[tuple[int, ParsedRecord]] = []
        first_line: dict[tuple[str, ...], int] = {}
        # A refusal names a column as the file heads it (one the file lacks: as we head it).
        header_of = {f.key: f.column for f in spec.fields.fields} | {
            key: header for header, key in keys.items()
        }
        for row in table.rows:
            problems = cell_problems(row, table.headers, table.delimiter)
            if problems:
                errors.extend(t("import.row_error", line=row.line, message=p) for p in problems)
                continue
            cells = {keys[h]: value for h, value in row.cells.items() if h in keys}
            try:
                record = spec.parse(cells, lookups)
            except UserError as exc:
                errors.append(t("import.row_error", line=row.line, message=exc.message))
                continue
            too_long = length_problems(spec.model, record.values, record.columns, header_of)
            if too_long:
                errors.extend(t("import.row_error", line=row.line, message=p) for p in too_long)
                continue
            identity = _identity(kind, record.values)
            if identity in first_line:
                message = t(
                    "import.duplicate_in_file", what=t(spec.what), other=first_line[identity]
                )
                errors.append(t("import.row_error", line=row.line, message=message))
                continue
            first_line[identity] = row.line
            parsed.append((row.line, record))
        if not errors:
            errors = _write(session, kind, spec, parsed, present, report)
        if errors:
            session.rollback()
            raise UserError(t("import.bad_rows", count=len(errors)), errors)
        if dry_run:
            session.rollback()
    return report


def _read(path: Path) -> Table:
    """The file as a table, or a Danish sentence saying why it cannot be read."""
    if not path.exists():
        raise UserError(t("import.missing_file", path=path))
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UserError(t("import.unreadable", path=path)) from exc
    if size > MAX_IMPORT_MB * 1024 * 1024:
        raise UserError(
            t("import.too_big", path=path, size=round(size / 1024 / 1024), limit=MAX_IMPORT_MB)
        )
    try:
        return read_table(path)
    except UnsupportedFileType as exc:
        raise UserError(t("import.file_type", path=path)) from exc
    except TableReadError as exc:
        raise UserError(_read_error(exc, path)) from exc
    except Exception as exc:  # a damaged or mislabelled file, whatever the reader raises
        raise UserError(t("import.unreadable", path=path)) from exc


def _read_error(exc: TableReadError, path: Path) -> str:
    if exc.reason == "xlsx_damaged":
        return t("import.unreadable", path=path)
    if exc.reason == "encoding":
        where = t("import.read.at_line", line=exc.line) if exc.line else ""
        return t("import.read.encoding", path=path, where=where)
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
) -> list[str]:
    index = _Index(kind)
    for stored in session.scalars(select(spec.model)):
        index.add(stored)
    errors: list[str] = []
    for line, record in parsed:
        values = record.values
        existing = index.find(values)
        holder = index.cvr_holder(values.get("cvr")) if kind == "companies" else None
        if holder is not None and holder is not existing:
            message = t("field.cvr_taken", cvr=values["cvr"], name=holder.name)
            errors.append(t("import.row_error", line=line, message=message))
            continue
        if existing is None:
            new = spec.model(**values)
            session.add(new)
            index.add(new)
            report.created += 1
            continue
        given = record.given(present)
        if kind == "companies" and not given.get("cvr"):
            given.pop("cvr", None)  # a blank CVR cell never erases a known CVR
        changed = {name: v for name, v in given.items() if getattr(existing, name) != v}
        if not changed:
            report.unchanged += 1
            continue
        for name, value in changed.items():
            setattr(existing, name, value)
        if hasattr(existing, "updated_at"):
            existing.updated_at = utc_now()
        session.add(existing)
        report.updated += 1
    session.flush()
    return errors


def supported_suffixes() -> tuple[str, ...]:
    return READABLE_SUFFIXES
