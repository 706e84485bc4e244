"""Exporting registers and trips to the files staff open in Excel (.csv, .xlsx) or scripts (.json).

Every register record carries its `id`, the one the other commands take. Column headers are
the same Danish names the import reads, so an exported register can be edited and imported
again; the history files (trips, attendance, outcomes) are made by `history_export` in the
shape their import reads.

Each export is a read-out in the audit log, naming the citizens the file names. Skånehensyn
(sensitive) leaves only on request (`sensitive=True`, citizens only), in a file whose name
says it is sensitive (`-følsomme`), and the audit line names the field.
"""

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from rfk_trips.database.failures import file_error
from rfk_trips.exchange.history_export import attendance_table, code_cell, trips_table
from rfk_trips.i18n.catalogue import t
from rfk_trips.privacy.read_outs import write_recorded
from rfk_trips.registers.record_fields import (
    CITIZEN_FIELDS,
    COMPANY_FIELDS,
    STAFF_FIELDS,
    RegisterFields,
)
from rfk_trips.rules.errors import UserError
from storage.models import (
    Citizen,
    CitizenBenefitPeriod,
    Company,
    Municipality,
    Participation,
    Staff,
    Trip,
)
from storage.sessions import session_scope
from storage.tabular_files import UnsupportedFileType, write_table

ExportKind = Literal["companies", "citizens", "staff", "trips", "attendance", "participants"]
EXPORT_KINDS: tuple[ExportKind, ...] = (
    "companies",
    "citizens",
    "staff",
    "trips",
    "attendance",
    "participants",
)
# The column holding the citizen a row names, for the exports that name citizens.
CITIZEN_COLUMN: dict[str, str] = {
    "citizens": "id",
    "participants": "borger_id",
    "attendance": "borger_id",
    "followups": "borger_id",
    "outcomes": "borger_id",
}
SENSITIVE_FIELD = "accommodation_needs"
SENSITIVE_COLUMN = CITIZEN_FIELDS.column(SENSITIVE_FIELD)
# What a file name must hold when the file carries skånehensyn (ASCII spellings too).
SENSITIVE_MARKERS = ("følsom", "foelsom", "folsom")
SENSITIVE_SUFFIX = "-følsomme"


@dataclass(frozen=True)
class ExportTable:
    headers: list[str]
    rows: list[list[Any]]


def codes_for(path: Path) -> bool:
    """JSON keeps stored codes (for scripts); CSV and Excel show Danish labels (for people)."""
    return path.suffix.lower() == ".json"


def build_table(
    engine: Engine, kind: ExportKind, *, codes: bool, sensitive: bool = False
) -> ExportTable:
    with session_scope(engine) as session:
        cells = _Cells(
            codes=codes,
            municipalities={m.id: m.name for m in session.scalars(select(Municipality))},
            staff={s.id: s for s in session.scalars(select(Staff))},
        )
        if kind == "citizens":
            return _citizens_table(session, cells, sensitive=sensitive)
        return _TABLES[kind](session, cells)


@dataclass(frozen=True)
class _Cells:
    """What every table's cells are made with: codes or labels, and the names of ids."""

    codes: bool
    municipalities: dict[int | None, str]
    staff: dict[int | None, Staff]

    def show(self, value: Any) -> Any:
        return code_cell(value, codes=self.codes)


def _headings(fields: RegisterFields, *keys: str) -> list[str]:
    """The columns of the fields `keys`, headed as the import reads them (the order is the
    export's own: each table lists its cells in the same order)."""
    return [fields.column(key) for key in keys]


def _companies_table(session: Session, cells: _Cells) -> ExportTable:
    """Every company, by id."""
    headers = [
        "id",
        *_headings(
            COMPANY_FIELDS,
            "name",
            "cvr",
            "industry",
            "address",
            "postcode",
            "town",
            "municipality",
            "contact_person",
            "phone",
            "email",
            "employees",
            "sector",
            "placement_experience",
            "social_responsibility",
            "labour_shortage",
            "tasks",
            "ambassador",
            "max_visitors",
            "offers_placement",
            "inclusion_resources",
            "notes",
        ),
        "arkiveret",
    ]
    rows = [
        [
            c.id,
            c.name,
            c.cvr or "",
            cells.show(c.industry),
            c.address,
            c.postcode,
            c.town,
            cells.municipalities.get(c.municipality_id, ""),
            c.contact_person,
            c.phone,
            c.email,
            c.employees,
            cells.show(c.sector),
            c.placement_experience,
            c.social_responsibility,
            c.labour_shortage,
            list(c.tasks),
            c.ambassador,
            c.max_visitors,
            c.offers_placement,
            c.inclusion_resources,
            c.notes,
            c.archived,
        ]
        for c in session.scalars(select(Company).order_by(col(Company.id)))
    ]
    return ExportTable(headers, rows)


def _citizens_table(session: Session, cells: _Cells, *, sensitive: bool) -> ExportTable:
    """Every citizen, by id; skånehensyn only when `sensitive`."""
    # Skånehensyn (sensitive) is left out unless asked for: files travel by e-mail.
    headers = [
        "id",
        *_headings(
            CITIZEN_FIELDS,
            "name",
            "phone",
            "municipality",
            "benefit_group",
            "benefit_since",
            "caseworker",
            "cohort",
            "job_goals",
            "attendance_duty",
            "physical_limitation",
            "referral_date",
            "birth_year",
            "gender",
        ),
        "arkiveret",
        *([SENSITIVE_COLUMN] if sensitive else []),
    ]
    # The first day of each citizen's open benefit period, which the import reads back.
    benefit_since: dict[int, date] = dict(
        session.execute(
            select(col(CitizenBenefitPeriod.citizen_id), col(CitizenBenefitPeriod.since)).where(
                col(CitizenBenefitPeriod.until).is_(None)
            )
        ).all()
    )
    rows = [
        [
            c.id,
            c.name,
            c.phone,
            cells.municipalities.get(c.municipality_id, ""),
            cells.show(c.benefit_group),
            benefit_since.get(c.id or 0),
            cells.staff[c.caseworker_id].initials if c.caseworker_id in cells.staff else "",
            c.cohort,
            list(c.job_goals),
            c.attendance_duty,
            c.physical_limitation,
            c.referral_date,
            c.birth_year,
            cells.show(c.gender),
            c.archived,
            *([c.accommodation_needs] if sensitive else []),
        ]
        for c in session.scalars(select(Citizen).order_by(col(Citizen.id)))
    ]
    return ExportTable(headers, rows)


def _staff_table(session: Session, cells: _Cells) -> ExportTable:
    """Every staff member, by id."""
    headers = [
        "id",
        *_headings(STAFF_FIELDS, "name", "initials", "role", "phone", "email", "municipality"),
    ]
    rows = [
        [
            s.id,
            s.name,
            s.initials,
            cells.show(s.role),
            s.phone,
            s.email,
            cells.municipalities.get(s.municipality_id, ""),
        ]
        for s in sorted(cells.staff.values(), key=lambda s: s.id or 0)
    ]
    return ExportTable(headers, rows)


def _trips_table(session: Session, cells: _Cells) -> ExportTable:
    """Every trip, by date, in the shape the trips import reads (history_export)."""
    return ExportTable(*trips_table(session, codes=cells.codes))


def _attendance_table(session: Session, cells: _Cells) -> ExportTable:
    """Who came on each completed trip, in the shape the attendance import reads."""
    return ExportTable(*attendance_table(session, codes=cells.codes))


def _participants_table(session: Session, cells: _Cells) -> ExportTable:
    """Every participation, by trip date, trip and name."""
    headers = [
        "id",
        "tur_id",
        "dato",
        "borger_id",
        "navn",
        "rolle",
        "fremmoede",
        "tjekket_ind",
        "note",
    ]
    query = (
        select(Participation, col(Citizen.name), col(Trip.trip_date))
        .join(Citizen, col(Citizen.id) == col(Participation.citizen_id))
        .join(Trip, col(Trip.id) == col(Participation.trip_id))
        .order_by(
            col(Trip.trip_date),
            col(Participation.trip_id),
            col(Citizen.sort_name),
            col(Citizen.id),
        )
    )
    rows = [
        [
            p.id,
            p.trip_id,
            trip_date,
            p.citizen_id,
            name,
            cells.show(p.role),
            cells.show(p.attendance),
            p.checked_in_at,
            p.note,
        ]
        for p, name, trip_date in session.execute(query).all()
    ]
    return ExportTable(headers, rows)


_TABLES: dict[str, Callable[[Session, _Cells], ExportTable]] = {
    "companies": _companies_table,
    "staff": _staff_table,
    "trips": _trips_table,
    "attendance": _attendance_table,
    "participants": _participants_table,
}


@contextmanager
def export_errors(path: Path) -> Iterator[None]:
    """A file type export cannot write, or a file it cannot write, as a Danish UserError."""
    try:
        yield
    except UnsupportedFileType as exc:
        raise UserError(t("export.file_type", suffix=path.suffix or path.name)) from exc
    except OSError as exc:
        fallback = t("export.cannot_write", path=path, reason=exc.strerror or exc)
        raise file_error(path, exc, fallback) from exc


def citizens_named(kind: str, table: ExportTable) -> list[int]:
    """The citizens the rows of a `kind` export name; none for the exports naming nobody."""
    column = CITIZEN_COLUMN.get(kind)
    if column is None:
        return []
    at = table.headers.index(column)
    return [row[at] for row in table.rows if isinstance(row[at], int)]


def refuse_unmarked_sensitive(kind: str, path: Path) -> None:
    """A file with skånehensyn must say so in its name: refuse one that does not."""
    if kind != "citizens":
        raise UserError(t("export.sensitive_kind"))
    if not any(marker in path.stem.lower() for marker in SENSITIVE_MARKERS):
        suggestion = f"{path.stem}{SENSITIVE_SUFFIX}{path.suffix}"
        raise UserError(t("export.sensitive_name", suggestion=suggestion))


def sheet_name(kind: str) -> str:
    """The tab of a `kind` workbook, named after its data ("Virksomheder"), in Danish."""
    return t(f"export.sheet.{kind}")


def write_export(
    engine: Engine, kind: str, path: Path, table: ExportTable, *, fields: Sequence[str] = ()
) -> None:
    """Write `table` to `path` and log the export, naming its citizens, in one transaction."""

    def write() -> None:
        with export_errors(path):
            write_table(path, table.headers, table.rows, sheet=sheet_name(kind))

    write_recorded(
        engine,
        path,
        write,
        action="export",
        entity=kind,
        citizen_ids=citizens_named(kind, table),
        fields=fields,
    )


def export_file(engine: Engine, kind: ExportKind, path: Path, *, sensitive: bool = False) -> int:
    """Write `kind` to `path` (format from the extension); returns the number of rows.

    `sensitive` adds skånehensyn to the citizens export; the file's name must then say
    `følsom` (refused otherwise), and the audit line names the field.
    """
    if sensitive:
        refuse_unmarked_sensitive(kind, path)
    table = build_table(engine, kind, codes=codes_for(path), sensitive=sensitive)
    fields = [SENSITIVE_FIELD] if sensitive else []
    write_export(engine, kind, path, table, fields=fields)
    return len(table.rows)
