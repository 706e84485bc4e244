"""Turning what staff type (in a form or an Excel file) into clean register records.

One definition per register, used by the import and by the screens' forms, so a field is
checked the same way wherever it is entered. The parsers read the fields by their English keys
(`RegisterFields`); the import turns a file's Danish headings into those keys first. Each
parser returns the clean values or raises UserError listing every bad field of the record,
keyed like the fields.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import choices, normalise, parse_code
from rfk_trips.rules.danish_dates import format_date, parse_date
from rfk_trips.rules.errors import UserError
from rfk_trips.rules.fields import (
    normalise_cvr,
    normalise_email,
    normalise_login,
    normalise_phone,
    normalise_postcode,
    parse_bool,
    parse_optional_int,
    require,
    split_list,
)
from storage.codes import BenefitGroup, Gender, Industry, Sector, StaffRole


@dataclass
class Lookups:
    """Names that records refer to, keyed by their normalised form."""

    municipalities: dict[str, int] = field(default_factory=dict)
    municipality_names: list[str] = field(default_factory=list)
    staff_by_initials: dict[str, int] = field(default_factory=dict)
    staff_by_name: dict[str, int] = field(default_factory=dict)
    today: date = field(default_factory=date.today)


@dataclass(frozen=True)
class RecordField:
    """One field of a register record: the key forms, services and field errors use, and the
    heading of its column in the files staff import and export.

    The heading is Danish and normalised as `header_key` reads it: staff's spreadsheets (and
    every sentence naming a column) keep it whatever the code calls the field.
    """

    key: str
    column: str
    required: bool = False  # a file without this column is refused


@dataclass(frozen=True)
class RegisterFields:
    """One register's fields, in the order the import lists its columns."""

    fields: tuple[RecordField, ...]

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(f.column for f in self.fields)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    @property
    def required(self) -> tuple[RecordField, ...]:
        return tuple(f for f in self.fields if f.required)

    def column(self, key: str) -> str:
        """The heading of the field `key` in a file."""
        return next(f.column for f in self.fields if f.key == key)

    def key_of(self, column: str) -> str | None:
        """The field read from a column (a heading as `header_key` gives it), if any."""
        return next((f.key for f in self.fields if f.column == column), None)


COMPANY_FIELDS = RegisterFields(
    (
        RecordField("name", "navn", required=True),
        RecordField("cvr", "cvr"),
        RecordField("industry", "branche"),
        RecordField("address", "adresse"),
        RecordField("postcode", "postnr"),
        RecordField("town", "by"),
        RecordField("municipality", "kommune"),
        RecordField("contact_person", "kontaktperson"),
        RecordField("phone", "telefon"),
        RecordField("email", "email"),
        RecordField("employees", "antal_ansatte"),
        RecordField("sector", "sektor"),
        RecordField("placement_experience", "erfaring_fra_kanten"),
        RecordField("social_responsibility", "socialt_ansvar"),
        RecordField("labour_shortage", "mangler_arbejdskraft"),
        RecordField("tasks", "opgaver"),
        RecordField("ambassador", "ambassadoer"),
        RecordField("max_visitors", "max_besoegende"),
        RecordField("offers_placement", "tilbyder_praktikplads"),
        RecordField("inclusion_resources", "ressourcer_til_inklusion"),
        RecordField("notes", "noter"),
    )
)
CITIZEN_FIELDS = RegisterFields(
    (
        RecordField("name", "navn", required=True),
        RecordField("phone", "telefon"),
        RecordField("municipality", "kommune"),
        RecordField("benefit_group", "ydelse"),
        # The day the benefit in `ydelse` began; read only when the benefit changes (and for
        # a new citizen): see registers.benefit_periods.
        RecordField("benefit_since", "ydelse_fra"),
        RecordField("caseworker", "sagsbehandler"),
        RecordField("cohort", "forloeb"),
        RecordField("job_goals", "jobmaal"),
        RecordField("attendance_duty", "moedepligt"),
        RecordField("physical_limitation", "fysisk_begraensning"),
        RecordField("accommodation_needs", "skaanehensyn"),
        RecordField("birth_year", "foedselsaar"),
        RecordField("gender", "koen"),
        RecordField("referral_date", "visitationsdato"),
    )
)
STAFF_FIELDS = RegisterFields(
    (
        RecordField("name", "navn", required=True),
        RecordField("initials", "initialer", required=True),
        RecordField("role", "rolle", required=True),
        RecordField("phone", "telefon"),
        RecordField("email", "email"),
        RecordField("municipality", "kommune"),
        RecordField("login", "login"),
    )
)

# A heading as staff write it (normalised) → the column it means.
_ALIASES = {
    "e_mail": "email",
    "mail": "email",
    "postnummer": "postnr",
    "post_nr": "postnr",
    "bynavn": "by",
    "tlf": "telefon",
    "tlf_nr": "telefon",
    "telefonnummer": "telefon",
    "cvr_nr": "cvr",
    "cvr_nummer": "cvr",
    "cvrnr": "cvr",
    "ambassador": "ambassadoer",
    "ambassadoervirksomhed": "ambassadoer",
    "ansatte": "antal_ansatte",
    "max_besogende": "max_besoegende",
    "maks_besoegende": "max_besoegende",
    "forlob": "forloeb",
    "jobmal": "jobmaal",
    "modepligt": "moedepligt",
    "fysisk_begransning": "fysisk_begraensning",
    "tilbyder_praktik": "tilbyder_praktikplads",
    "ressourcer": "ressourcer_til_inklusion",
    "skanehensyn": "skaanehensyn",
    "skaanebehov": "skaanehensyn",
    "foedselsar": "foedselsaar",
    "fodselsaar": "foedselsaar",
    "kon": "koen",
    "kommunenavn": "kommune",
    "ydelse_siden": "ydelse_fra",
    "ydelse_fra_dato": "ydelse_fra",
}


def header_key(header: str) -> str:
    """`Skånehensyn` → `skaanehensyn`, `Antal ansatte` → `antal_ansatte`, `E-mail` → `email`."""
    key = normalise(header).replace(" ", "_")
    return _ALIASES.get(key, key)


@dataclass(frozen=True)
class ParsedRecord:
    """Clean field values, and for each the key of the field (form or column) it was read from."""

    values: dict[str, Any]
    columns: dict[str, str]

    def given(self, present: set[str]) -> dict[str, Any]:
        """Only the fields whose key is in `present` (the file's columns): a column left out
        changes nothing."""
        return {name: v for name, v in self.values.items() if self.columns[name] in present}


class _Collector:
    """Runs each field's parser and gathers every error instead of stopping at the first."""

    def __init__(self, row: Mapping[str, str]) -> None:
        self.row = row
        self.errors: list[str] = []
        self.values: dict[str, Any] = {}
        self.columns: dict[str, str] = {}
        self.field_errors: dict[str, str] = {}

    def text(self, key: str) -> str:
        return (self.row.get(key) or "").strip()

    def take(self, key: str, parse: Callable[[str], Any], *, into: str | None = None) -> None:
        """Parse the field `key` into the record's attribute `into` (named like the key)."""
        name = into or key
        self.columns[name] = key
        try:
            self.values[name] = parse(self.text(key))
        except UserError as exc:
            self.errors.append(exc.message)
            self.field_errors.setdefault(key, exc.message)

    def done(self) -> ParsedRecord:
        if self.errors:
            raise UserError("; ".join(self.errors), self.errors, self.field_errors)
        return ParsedRecord(self.values, self.columns)


def code_parser(enum_cls: Any, field_label: str, default: Any = None) -> Callable[[str], Any]:
    """A field holding a code, read from its Danish or English label or a short form; a blank
    field is `default`. Registers and history files read codes with it."""

    def parse(text: str) -> Any:
        if not text.strip():
            return default
        code = parse_code(enum_cls, text)
        if code is None:
            raise UserError(
                t("field.choice", field=field_label, value=text, choices=choices(enum_cls))
            )
        return code

    return parse


def _municipality_parser(lookups: Lookups) -> Callable[[str], int | None]:
    def parse(text: str) -> int | None:
        if not text.strip():
            return None
        found = lookups.municipalities.get(normalise(text))
        if found is None:
            raise UserError(
                t(
                    "trip.unknown_municipality",
                    name=text,
                    choices=", ".join(lookups.municipality_names),
                )
            )
        return found

    return parse


def _bool_parser(field_label: str, default: bool) -> Callable[[str], bool]:
    def parse(text: str) -> bool:
        return default if not text.strip() else parse_bool(text, field_label)

    return parse


def _birth_year(today: date) -> Callable[[str], int | None]:
    def parse(text: str) -> int | None:
        year = parse_optional_int(text, t("label.birth_year"))
        if year is not None and not 1930 <= year <= today.year - 15:
            raise UserError(t("field.birth_year", max_year=today.year - 15))
        return year

    return parse


def parse_company(row: Mapping[str, str], lookups: Lookups) -> ParsedRecord:
    c = _Collector(row)
    c.take("name", lambda s: require(s, t("label.name")))
    c.take("cvr", normalise_cvr)
    c.take("industry", code_parser(Industry, t("label.industry"), Industry.OTHER))
    c.take("address", lambda s: " ".join(s.split()))
    c.take("postcode", normalise_postcode)
    c.take("town", lambda s: " ".join(s.split()))
    c.take("municipality", _municipality_parser(lookups), into="municipality_id")
    c.take("sector", code_parser(Sector, t("label.sector"), Sector.PRIVATE))
    c.take("employees", lambda s: parse_optional_int(s, t("label.employees")))
    c.take("contact_person", lambda s: " ".join(s.split()))
    c.take("phone", normalise_phone)
    c.take("email", normalise_email)
    c.take("placement_experience", _bool_parser(t("label.placement_experience"), False))
    c.take("social_responsibility", _bool_parser(t("label.social_responsibility"), False))
    c.take("labour_shortage", _bool_parser(t("label.labour_shortage"), False))
    c.take("tasks", split_list)
    c.take("ambassador", _bool_parser(t("label.ambassador"), False))
    c.take("max_visitors", lambda s: parse_optional_int(s, t("label.max_visitors"), positive=True))
    c.take("offers_placement", _bool_parser(t("label.offers_placement"), False))
    c.take("inclusion_resources", _bool_parser(t("label.inclusion_resources"), False))
    c.take("notes", str.strip)
    return c.done()


def _caseworker_parser(lookups: Lookups) -> Callable[[str], int | None]:
    def parse(text: str) -> int | None:
        if not text.strip():
            return None
        key = normalise(text)
        if text.rstrip().endswith(")") and "(" in text:  # "Hanne Holm (HH)", as pickers show
            key = normalise(text.rstrip()[:-1].rsplit("(", 1)[1])
        found = lookups.staff_by_initials.get(key) or lookups.staff_by_name.get(key)
        if found is None:
            raise UserError(t("field.unknown_staff", value=text))
        return found

    return parse


def _benefit_since(today: date) -> Callable[[str], date | None]:
    def parse(text: str) -> date | None:
        if not text.strip():
            return None
        day = parse_date(text, today)
        if day > today:
            raise UserError(t("field.benefit_since_future", date=format_date(today)))
        return day

    return parse


def parse_citizen(row: Mapping[str, str], lookups: Lookups) -> ParsedRecord:
    c = _Collector(row)
    c.take("name", lambda s: require(s, t("label.name")))
    c.take("phone", normalise_phone)
    c.take("municipality", _municipality_parser(lookups), into="municipality_id")
    c.take(
        "benefit_group",
        code_parser(BenefitGroup, t("label.benefit_group"), BenefitGroup.CASH_ASSISTANCE),
    )
    c.take("benefit_since", _benefit_since(lookups.today))
    c.take("caseworker", _caseworker_parser(lookups), into="caseworker_id")
    c.take("cohort", lambda s: " ".join(s.split()))
    c.take("job_goals", split_list)
    c.take("attendance_duty", _bool_parser(t("label.attendance_duty"), True))
    c.take("physical_limitation", _bool_parser(t("label.physical_limitation"), False))
    c.take("accommodation_needs", str.strip)
    c.take("birth_year", _birth_year(lookups.today))
    c.take("gender", code_parser(Gender, t("label.gender"), None))
    c.take("referral_date", lambda s: parse_date(s, lookups.today) if s.strip() else None)
    return c.done()


def parse_staff(row: Mapping[str, str], lookups: Lookups) -> ParsedRecord:
    c = _Collector(row)
    c.take("name", lambda s: require(s, t("label.name")))
    c.take("initials", lambda s: require(s, t("label.initials")).upper())
    c.take("role", code_parser(StaffRole, t("label.role"), None))
    c.take("phone", normalise_phone)
    c.take("email", normalise_email)
    c.take("municipality", _municipality_parser(lookups), into="municipality_id")
    c.take("login", normalise_login)
    record = c.done()
    if record.values["role"] is None:
        message = t("field.required", field=t("label.role"))
        raise UserError(message, [message], {"role": message})
    return record
