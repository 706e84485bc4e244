"""Turning what staff type (in a form or an Excel file) into clean register records.

One definition per register, used by the import and by the screens' forms, so a field is
checked the same way wherever it is entered. Each parser returns the clean values or raises
UserError listing every bad field of the record.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import choices, normalise, parse_code
from rfk_trips.rules.danish_dates import parse_date
from rfk_trips.rules.errors import UserError
from rfk_trips.rules.fields import (
    normalise_cvr,
    normalise_email,
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


# Danish column header (normalised) → accepted spellings.
COMPANY_HEADERS = (
    "navn", "cvr", "branche", "adresse", "postnr", "by", "kommune", "kontaktperson",
    "telefon", "email", "antal_ansatte", "sektor", "erfaring_fra_kanten", "socialt_ansvar",
    "mangler_arbejdskraft", "opgaver", "ambassadoer", "max_besoegende", "noter",
)  # fmt: skip
CITIZEN_HEADERS = (
    "navn", "telefon", "kommune", "ydelse", "sagsbehandler", "forloeb", "jobmaal",
    "moedepligt", "skaanehensyn", "foedselsaar", "koen", "visitationsdato",
)  # fmt: skip
STAFF_HEADERS = ("navn", "initialer", "rolle", "telefon", "email", "kommune")

REQUIRED_HEADERS: dict[str, tuple[str, ...]] = {
    "companies": ("navn",),
    "citizens": ("navn",),
    "staff": ("navn", "initialer", "rolle"),
}

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
    "skanehensyn": "skaanehensyn",
    "skaanebehov": "skaanehensyn",
    "foedselsar": "foedselsaar",
    "fodselsaar": "foedselsaar",
    "kon": "koen",
    "kommunenavn": "kommune",
}


def header_key(header: str) -> str:
    """`Skånehensyn` → `skaanehensyn`, `Antal ansatte` → `antal_ansatte`, `E-mail` → `email`."""
    key = normalise(header).replace(" ", "_")
    return _ALIASES.get(key, key)


@dataclass(frozen=True)
class ParsedRecord:
    """Clean field values, and for each field the column (or form field) it was read from."""

    values: dict[str, Any]
    columns: dict[str, str]

    def given(self, present: set[str]) -> dict[str, Any]:
        """Only the fields whose column was there: a column left out changes nothing."""
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

    def take(self, name: str, key: str, parse: Callable[[str], Any]) -> None:
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


def _code_parser(enum_cls: Any, field_label: str, default: Any) -> Callable[[str], Any]:
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
    c.take("name", "navn", lambda s: require(s, t("label.name")))
    c.take("cvr", "cvr", normalise_cvr)
    c.take("industry", "branche", _code_parser(Industry, t("label.industry"), Industry.OTHER))
    c.take("address", "adresse", lambda s: " ".join(s.split()))
    c.take("postcode", "postnr", normalise_postcode)
    c.take("town", "by", lambda s: " ".join(s.split()))
    c.take("municipality_id", "kommune", _municipality_parser(lookups))
    c.take("sector", "sektor", _code_parser(Sector, t("label.sector"), Sector.PRIVATE))
    c.take("employees", "antal_ansatte", lambda s: parse_optional_int(s, t("label.employees")))
    c.take("contact_person", "kontaktperson", lambda s: " ".join(s.split()))
    c.take("phone", "telefon", normalise_phone)
    c.take("email", "email", normalise_email)
    c.take(
        "placement_experience",
        "erfaring_fra_kanten",
        _bool_parser(t("label.placement_experience"), False),
    )
    c.take(
        "social_responsibility",
        "socialt_ansvar",
        _bool_parser(t("label.social_responsibility"), False),
    )
    c.take(
        "labour_shortage", "mangler_arbejdskraft", _bool_parser(t("label.labour_shortage"), False)
    )
    c.take("tasks", "opgaver", split_list)
    c.take("ambassador", "ambassadoer", _bool_parser(t("label.ambassador"), False))
    c.take(
        "max_visitors",
        "max_besoegende",
        lambda s: parse_optional_int(s, t("label.max_visitors"), positive=True),
    )
    c.take("notes", "noter", str.strip)
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


def parse_citizen(row: Mapping[str, str], lookups: Lookups) -> ParsedRecord:
    c = _Collector(row)
    c.take("name", "navn", lambda s: require(s, t("label.name")))
    c.take("phone", "telefon", normalise_phone)
    c.take("municipality_id", "kommune", _municipality_parser(lookups))
    c.take(
        "benefit_group",
        "ydelse",
        _code_parser(BenefitGroup, t("label.benefit_group"), BenefitGroup.CASH_ASSISTANCE),
    )
    c.take("caseworker_id", "sagsbehandler", _caseworker_parser(lookups))
    c.take("cohort", "forloeb", lambda s: " ".join(s.split()))
    c.take("job_goals", "jobmaal", split_list)
    c.take("attendance_duty", "moedepligt", _bool_parser(t("label.attendance_duty"), True))
    c.take("accommodation_needs", "skaanehensyn", str.strip)
    c.take("birth_year", "foedselsaar", _birth_year(lookups.today))
    c.take("gender", "koen", _code_parser(Gender, t("label.gender"), None))
    c.take(
        "referral_date",
        "visitationsdato",
        lambda s: parse_date(s, lookups.today) if s.strip() else None,
    )
    return c.done()


def parse_staff(row: Mapping[str, str], lookups: Lookups) -> ParsedRecord:
    c = _Collector(row)
    c.take("name", "navn", lambda s: require(s, t("label.name")))
    c.take("initials", "initialer", lambda s: require(s, t("label.initials")).upper())
    c.take("role", "rolle", _code_parser(StaffRole, t("label.role"), None))
    c.take("phone", "telefon", normalise_phone)
    c.take("email", "email", normalise_email)
    c.take("municipality_id", "kommune", _municipality_parser(lookups))
    record = c.done()
    if record.values["role"] is None:
        message = t("field.required", field=t("label.role"))
        raise UserError(message, [message], {"rolle": message})
    return record
