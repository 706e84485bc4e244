"""The fields of the register forms, as data: one place says what a form asks for.

The keys are the import's column names, so a form and an Excel file are checked by the same
parser (`record_fields`). Screens build their widgets from these descriptions.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from rfk_trips.i18n.labels import label
from storage.codes import BenefitGroup, Gender, Industry, Sector, StaffRole

FieldKind = Literal["text", "yesno", "choice", "multiline"]
# Where a choice field gets its options: a vocabulary, or rows of a register.
ChoiceSource = Literal["municipality", "staff"] | type[StrEnum] | None


@dataclass(frozen=True)
class FormField:
    key: str
    label_key: str
    kind: FieldKind = "text"
    required: bool = False
    sensitive: bool = False
    choices: ChoiceSource = None
    placeholder: str = ""


def enum_options(enum_cls: type[StrEnum]) -> list[str]:
    return [label(member) for member in enum_cls]


COMPANY_FORM: tuple[FormField, ...] = (
    FormField("navn", "label.name", required=True),
    FormField("cvr", "label.cvr", placeholder="12345678"),
    FormField("branche", "label.industry", "choice", choices=Industry),
    FormField("sektor", "label.sector", "choice", choices=Sector),
    FormField("adresse", "label.address"),
    FormField("postnr", "label.postcode", placeholder="4900"),
    FormField("by", "label.town"),
    FormField("kommune", "label.municipality", "choice", choices="municipality"),
    FormField("kontaktperson", "label.contact_person"),
    FormField("telefon", "label.phone", placeholder="54 67 12 34"),
    FormField("email", "label.email"),
    FormField("antal_ansatte", "label.employees"),
    FormField("erfaring_fra_kanten", "label.placement_experience", "yesno"),
    FormField("socialt_ansvar", "label.social_responsibility", "yesno"),
    FormField("mangler_arbejdskraft", "label.labour_shortage", "yesno"),
    FormField("opgaver", "label.tasks", placeholder="lager; pakning; rengøring"),
    FormField("ambassadoer", "label.ambassador", "yesno"),
    FormField("max_besoegende", "label.max_visitors"),
    FormField("noter", "label.notes", "multiline"),
)

CITIZEN_FORM: tuple[FormField, ...] = (
    FormField("navn", "label.name", required=True),
    FormField("telefon", "label.phone", placeholder="20 30 40 50"),
    FormField("kommune", "label.municipality", "choice", choices="municipality"),
    FormField("ydelse", "label.benefit_group", "choice", choices=BenefitGroup),
    FormField("sagsbehandler", "label.caseworker", "choice", choices="staff"),
    FormField("forloeb", "label.cohort", placeholder="Springbrættet 2026 uge 48"),
    FormField("jobmaal", "label.job_goals", placeholder="køkken; rengøring"),
    FormField("moedepligt", "label.attendance_duty", "yesno"),
    FormField("visitationsdato", "label.referral_date", placeholder="03-12-2026"),
    FormField("foedselsaar", "label.birth_year"),
    FormField("koen", "label.gender", "choice", choices=Gender),
    FormField("skaanehensyn", "label.accommodation_needs", "multiline", sensitive=True),
)

STAFF_FORM: tuple[FormField, ...] = (
    FormField("navn", "label.name", required=True),
    FormField("initialer", "label.initials", required=True),
    FormField("rolle", "label.role", "choice", required=True, choices=StaffRole),
    FormField("telefon", "label.phone"),
    FormField("email", "label.email"),
    FormField("kommune", "label.municipality", "choice", choices="municipality"),
)


def blank_values(fields: tuple[FormField, ...]) -> dict[str, str]:
    """What a new record's form starts with."""
    values = {f.key: "" for f in fields}
    for f in fields:
        if f.kind == "yesno":
            values[f.key] = "ja" if f.key == "moedepligt" else "nej"
    return values
