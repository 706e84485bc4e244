"""Importing from Excel (.xlsx) or CSV: all rows or none. Registers here; the past (trips,
attendance, outcomes) in `rfk_trips.exchange.history_import`.

Every row is checked before anything is written. One bad row and nothing is imported: the
user gets the bad rows with their line numbers and a Danish reason (the first
MAX_LISTED_ERROR_LINES, then how many more). Importing the same file twice changes nothing the
second time, because records are matched to the ones already there (companies on CVR, else
name + postcode; citizens on name + phone; staff on initials).

The file is read and held to its limits by `rfk_trips.exchange.import_reading`.
"""

from collections.abc import Callable, Mapping
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

from rfk_trips.exchange.history_import import import_history
from rfk_trips.exchange.import_checks import cell_problems, length_problems
from rfk_trips.exchange.import_reading import (
    HISTORY_KINDS,
    ImportKind,
    ImportReport,
    OpenedFile,
    Progress,
    RowErrors,
    WriteProgress,
    open_rows,
)
from rfk_trips.i18n.catalogue import t
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
    parse_citizen,
    parse_company,
    parse_staff,
)
from rfk_trips.rules.errors import UserError
from storage.models import Citizen, Company, Staff, utc_now
from storage.sessions import session_scope
from storage.tabular_files import READABLE_SUFFIXES


@dataclass(frozen=True)
class _Spec:
    model: type[SQLModel]
    fields: RegisterFields
    parse: Callable[[Mapping[str, str], Lookups], ParsedRecord]
    what: str


_SPECS: dict[str, _Spec] = {
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
    engine: Engine,
    kind: ImportKind,
    path: Path,
    *,
    today: date,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import `path` as `kind` in one transaction; UserError on any bad row.

    `progress` hears how far it has come (`ImportStep`): rows read, then records written.
    """
    if kind in HISTORY_KINDS:
        return import_history(engine, kind, path, today=today, dry_run=dry_run, progress=progress)
    spec = _SPECS[kind]
    report = ImportReport(kind, dry_run=dry_run)
    with ExitStack() as stack:
        opened = open_rows(path, spec.fields, report, stack, progress)
        with session_scope(engine) as session:
            lookups = load_lookups(session, today=today)
            errors = RowErrors()
            parsed = _checked(kind, spec, opened, lookups, errors)
            if not errors:
                _write(
                    session,
                    kind,
                    spec,
                    parsed,
                    set(opened.keys.values()),
                    report,
                    errors,
                    today=today,
                    progress=progress,
                )
            if errors:
                session.rollback()
                raise errors.refusal()
            if dry_run:
                session.rollback()
    return report


def _checked(
    kind: ImportKind,
    spec: _Spec,
    opened: OpenedFile,
    lookups: Lookups,
    errors: RowErrors,
) -> list[tuple[int, ParsedRecord]]:
    """Every row checked as it is read: the clean records, or the bad lines in `errors`."""
    parsed: list[tuple[int, ParsedRecord]] = []
    first_line: dict[tuple[str, ...], int] = {}
    # A refusal names a column as the file heads it (one the file lacks: as we head it).
    header_of = opened.header_of(spec.fields)
    table, keys = opened.table, opened.keys
    for row in opened.rows:
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


def _write(
    session: Session,
    kind: ImportKind,
    spec: _Spec,
    parsed: list[tuple[int, ParsedRecord]],
    present: set[str],
    report: ImportReport,
    errors: RowErrors,
    *,
    today: date,
    progress: Progress | None,
) -> None:
    index = _Index(kind)
    for stored in session.scalars(select(spec.model)):
        index.add(stored)
    # New citizens, whose first benefit period needs their number (after the flush).
    new_citizens: list[tuple[Citizen, date | None]] = []
    written = WriteProgress(progress, len(parsed))
    for done, (line, record) in enumerate(parsed):
        if written.due(done):
            session.flush()  # written as it goes, so what it says is written is
            written.wrote(done)
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
    written.wrote(len(parsed))


def supported_suffixes() -> tuple[str, ...]:
    return READABLE_SUFFIXES
