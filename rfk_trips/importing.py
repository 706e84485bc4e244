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

from rfk_trips.errors import UserError
from rfk_trips.i18n import t
from rfk_trips.labels import normalise
from rfk_trips.record_fields import (
    CITIZEN_HEADERS,
    COMPANY_HEADERS,
    REQUIRED_HEADERS,
    STAFF_HEADERS,
    Lookups,
    header_key,
    parse_citizen,
    parse_company,
    parse_staff,
)
from rfk_trips.registers import load_lookups
from storage.engine import session_scope
from storage.models import Citizen, Company, Staff, utc_now
from storage.tabular_files import READABLE_SUFFIXES, UnsupportedFileType, read_table

ImportKind = Literal["companies", "citizens", "staff"]
IMPORT_KINDS: tuple[ImportKind, ...] = ("companies", "citizens", "staff")


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
    headers: tuple[str, ...]
    parse: Callable[[Mapping[str, str], Lookups], dict[str, Any]]
    what: str


_SPECS: dict[ImportKind, _Spec] = {
    "companies": _Spec(Company, COMPANY_HEADERS, parse_company, "what.company"),
    "citizens": _Spec(Citizen, CITIZEN_HEADERS, parse_citizen, "what.citizen"),
    "staff": _Spec(Staff, STAFF_HEADERS, parse_staff, "what.staff"),
}


def _match_keys(kind: ImportKind, values: Mapping[str, Any]) -> list[tuple[str, ...]]:
    """The keys a record is matched on, strongest first."""
    if kind == "companies":
        keys: list[tuple[str, ...]] = []
        if values.get("cvr"):
            keys.append(("cvr", values["cvr"]))
        keys.append(("name", normalise(values["name"]), values.get("postcode") or ""))
        return keys
    if kind == "citizens":
        return [("name", normalise(values["name"]), values.get("phone") or "")]
    return [("initials", normalise(values["initials"]))]


def import_file(
    engine: Engine, kind: ImportKind, path: Path, *, today: date, dry_run: bool = False
) -> ImportReport:
    """Import `path` into the `kind` register in one transaction; UserError on any bad row."""
    spec = _SPECS[kind]
    if not path.exists():
        raise UserError(t("import.missing_file", path=path))
    try:
        table = read_table(path)
    except UnsupportedFileType as exc:
        raise UserError(t("import.file_type", path=path)) from exc
    except (OSError, ValueError, KeyError) as exc:
        raise UserError(t("import.file_type", path=path)) from exc
    report = ImportReport(kind, dry_run=dry_run)
    keys = {header: header_key(header) for header in table.headers if header.strip()}
    missing = [h for h in REQUIRED_HEADERS[kind] if h not in keys.values()]
    if missing:
        raise UserError(
            t(
                "import.missing_columns",
                columns=", ".join(missing),
                expected=", ".join(spec.headers),
            )
        )
    unknown = [header for header, key in keys.items() if key not in spec.headers]
    if unknown:
        report.notes.append(t("import.unknown_columns", columns=", ".join(unknown)))
    if not table.rows:
        raise UserError(t("import.empty", path=path))

    with session_scope(engine) as session:
        lookups = load_lookups(session, today=today)
        errors: list[str] = []
        parsed: list[tuple[int, dict[str, Any]]] = []
        first_line_by_key: dict[tuple[str, ...], int] = {}
        for row in table.rows:
            cells = {keys[h]: value for h, value in row.cells.items() if h in keys}
            try:
                values = spec.parse(cells, lookups)
            except UserError as exc:
                errors.append(t("import.row_error", line=row.line, message=exc.message))
                continue
            duplicate = next(
                (first_line_by_key[k] for k in _match_keys(kind, values) if k in first_line_by_key),
                None,
            )
            if duplicate is not None:
                message = t("import.duplicate_in_file", what=t(spec.what), other=duplicate)
                errors.append(t("import.row_error", line=row.line, message=message))
                continue
            for k in _match_keys(kind, values):
                first_line_by_key[k] = row.line
            parsed.append((row.line, values))
        if not errors:
            errors = _write(session, kind, spec, parsed, report)
        if errors:
            session.rollback()
            raise UserError(t("import.bad_rows", count=len(errors)), errors)
        if dry_run:
            session.rollback()
    return report


def _write(
    session: Session,
    kind: ImportKind,
    spec: _Spec,
    parsed: list[tuple[int, dict[str, Any]]],
    report: ImportReport,
) -> list[str]:
    existing: dict[tuple[str, ...], Any] = {}
    for stored in session.scalars(select(spec.model)):
        for key in _match_keys(kind, stored.model_dump()):
            existing.setdefault(key, stored)
    errors: list[str] = []
    for line, values in parsed:
        record = next((existing[k] for k in _match_keys(kind, values) if k in existing), None)
        if record is None:
            conflict = _unique_conflict(kind, values, existing, None)
            if conflict:
                errors.append(t("import.row_error", line=line, message=conflict))
                continue
            new = spec.model(**values)
            session.add(new)
            for key in _match_keys(kind, values):
                existing[key] = new
            report.created += 1
            continue
        changed = {k: v for k, v in values.items() if getattr(record, k) != v}
        if not changed:
            report.unchanged += 1
            continue
        conflict = _unique_conflict(kind, values, existing, record)
        if conflict:
            errors.append(t("import.row_error", line=line, message=conflict))
            continue
        for name, value in changed.items():
            setattr(record, name, value)
        if hasattr(record, "updated_at"):
            record.updated_at = utc_now()
        session.add(record)
        report.updated += 1
    session.flush()
    return errors


def _unique_conflict(
    kind: ImportKind, values: Mapping[str, Any], existing: dict[tuple[str, ...], Any], record: Any
) -> str | None:
    """A CVR or initials already held by another record, as the Danish reason."""
    if kind == "companies" and values.get("cvr"):
        holder = existing.get(("cvr", values["cvr"]))
        if holder is not None and holder is not record:
            return t("field.cvr_taken", cvr=values["cvr"], name=holder.name)
    return None


def supported_suffixes() -> tuple[str, ...]:
    return READABLE_SUFFIXES
