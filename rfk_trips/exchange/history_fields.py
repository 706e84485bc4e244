"""The columns of the three history files (trips, attendance, outcomes) and how a cell is read.

One definition per file, used by the import and by the export, so that an exported file is
headed as the import reads it and imports back unchanged. Headings are Danish and normalised
as `header_key` reads them (`Mål` → `maal`, `Timer pr. uge` → `timer_pr_uge`).

A cell that names something (a company, a citizen, a trip) is only split into its parts here;
finding what it names is `rfk_trips.exchange.history_index`'s.
"""

import re
from dataclasses import dataclass
from datetime import date

from rfk_trips.registers.record_fields import RecordField, RegisterFields
from rfk_trips.rules.danish_dates import format_date, parse_date

# `id` and `borger_id` are numbers in the database the file was exported from, which scripts
# use. The import reads neither: a number from another database would name another record (or
# none), so history is matched on what the rows say (date and title, name and phone).
_SOURCE_ID = RecordField("source_id", "id")
_SOURCE_CITIZEN = RecordField("source_citizen_id", "borger_id")

TRIP_FIELDS = RegisterFields(
    (
        _SOURCE_ID,
        RecordField("date", "dato", required=True),
        RecordField("title", "titel", required=True),
        RecordField("format", "format"),
        RecordField("municipality", "kommune"),
        RecordField("companies", "virksomhed"),
        RecordField("company_1", "virksomhed_1"),
        RecordField("company_2", "virksomhed_2"),
        RecordField("start", "fra"),
        RecordField("end", "til"),
        RecordField("lead", "tovholder"),
        RecordField("staff", "medarbejdere"),
        RecordField("status", "status"),
        RecordField("bus", "bus"),
        RecordField("meeting_place", "moedested"),
        RecordField("notes", "noter"),
    )
)
ATTENDANCE_FIELDS = RegisterFields(
    (
        RecordField("date", "dato"),
        RecordField("title", "titel"),
        # Read only when `dato` and `titel` are blank (a file from this database's scripts).
        RecordField("trip_id", "tur_id"),
        RecordField("citizen", "borger", required=True),
        RecordField("phone", "telefon"),
        RecordField("status", "status", required=True),
        RecordField("reason", "begrundelse"),
        RecordField("role", "rolle"),
        _SOURCE_CITIZEN,
    )
)
OUTCOME_FIELDS = RegisterFields(
    (
        _SOURCE_ID,
        RecordField("citizen", "borger", required=True),
        RecordField("phone", "telefon"),
        RecordField("kind", "resultat", required=True),
        RecordField("start", "start", required=True),
        RecordField("end", "slut"),
        RecordField("company", "virksomhed"),
        RecordField("hours", "timer_pr_uge"),
        RecordField("trip", "tur"),
        # Read only when `tur` is blank, as `tur_id` of the attendance file when its date
        # and title are: the export writes both, and the number is another database's.
        RecordField("trip_id", "tur_id"),
        RecordField("aim", "maal"),
        RecordField("review", "revurdering"),
        RecordField("ended_early", "stoppet_tidligt"),
        RecordField("end_reason", "slutaarsag"),
        RecordField("notes", "noter"),
        _SOURCE_CITIZEN,
    )
)

# Two visits at most: both municipal formats visit one or two companies (DOMAIN.md §1).
MAX_VISITS = 2
# `Nordic Sugar, 4900` or `Nordic Sugar (4900)`: a name with the postcode that tells it apart.
_NAME_AND_POSTCODE = re.compile(r"^(?P<name>.+?)\s*(?:,\s*|\(\s*)(?P<postcode>\d{4})\s*\)?$")
_CVR = re.compile(r"^\d{8}$")


@dataclass(frozen=True)
class CompanyRef:
    """A company as a cell names it: by CVR, or by name (and postcode, when two share a name)."""

    text: str
    cvr: str | None = None
    name: str = ""
    postcode: str = ""


def company_ref(text: str) -> CompanyRef:
    cleaned = " ".join(text.split())
    digits = cleaned.replace(" ", "")
    if _CVR.match(digits):
        return CompanyRef(cleaned, cvr=digits)
    if match := _NAME_AND_POSTCODE.match(cleaned):
        return CompanyRef(cleaned, name=match["name"], postcode=match["postcode"])
    return CompanyRef(cleaned, name=cleaned)


def company_refs(*cells: str) -> list[CompanyRef]:
    """The companies of a trip: `A; B` in one cell, or one per cell (virksomhed_1, _2)."""
    parts = [part for cell in cells for part in re.split(r"[;\n]", cell)]
    return [company_ref(part) for part in parts if part.strip()]


def initials_list(text: str) -> list[str]:
    """`AB, CD; EF` → `["AB", "CD", "EF"]`: staff named by initials."""
    return [part for part in re.split(r"[;,\s]+", text) if part]


@dataclass(frozen=True)
class TripRef:
    """A trip as an outcome's `tur` cell names it: its number, or its date and title (the
    title may be left out when the citizen was on one trip that day)."""

    text: str
    trip_id: int | None = None
    day: date | None = None
    title: str = ""


def trip_ref(text: str, today: date) -> TripRef:
    """`17`, `03-03-2026 Bustur til Nordic Sugar` or `03-03-2026`; UserError otherwise."""
    cleaned = " ".join(text.split())
    if cleaned.isdigit():
        return TripRef(cleaned, trip_id=int(cleaned))
    first, _, rest = cleaned.partition(" ")
    return TripRef(cleaned, day=parse_date(first, today), title=rest.strip())


def trip_cell(day: date, title: str) -> str:
    """The `tur` cell the export writes and `trip_ref` reads back."""
    return f"{format_date(day)} {title}"
