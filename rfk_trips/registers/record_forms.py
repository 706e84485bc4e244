"""The fields of the register forms, as data: one place says what a form asks for.

The keys are the register fields' keys (`record_fields.COMPANY_FIELDS` and the like, where
each field's Danish column heading is kept), so a form and an Excel file are checked by the same
parser. Screens build their widgets from these descriptions.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Literal

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.rules.errors import StaleVersionError
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
    FormField("name", "label.name", required=True),
    FormField("cvr", "label.cvr", placeholder="12345678"),
    FormField("industry", "label.industry", "choice", choices=Industry),
    FormField("sector", "label.sector", "choice", choices=Sector),
    FormField("address", "label.address"),
    FormField("postcode", "label.postcode", placeholder="4900"),
    FormField("town", "label.town"),
    FormField("municipality", "label.municipality", "choice", choices="municipality"),
    FormField("contact_person", "label.contact_person"),
    FormField("phone", "label.phone", placeholder="54 67 12 34"),
    FormField("email", "label.email"),
    FormField("employees", "label.employees"),
    FormField("placement_experience", "label.placement_experience", "yesno"),
    FormField("social_responsibility", "label.social_responsibility", "yesno"),
    FormField("labour_shortage", "label.labour_shortage", "yesno"),
    FormField("tasks", "label.tasks", placeholder="lager; pakning; rengøring"),
    FormField("ambassador", "label.ambassador", "yesno"),
    FormField("max_visitors", "label.max_visitors"),
    FormField("offers_placement", "label.offers_placement", "yesno"),
    FormField("inclusion_resources", "label.inclusion_resources", "yesno"),
    FormField("notes", "label.notes", "multiline"),
)

CITIZEN_FORM: tuple[FormField, ...] = (
    FormField("name", "label.name", required=True),
    FormField("phone", "label.phone", placeholder="20 30 40 50"),
    FormField("municipality", "label.municipality", "choice", choices="municipality"),
    FormField("benefit_group", "label.benefit_group", "choice", choices=BenefitGroup),
    # Empty: today, when the benefit changes (registers.benefit_periods).
    FormField("benefit_since", "label.benefit_since", placeholder="03-12-2026"),
    FormField("caseworker", "label.caseworker", "choice", choices="staff"),
    FormField("cohort", "label.cohort", placeholder="Springbrættet 2026 uge 48"),
    FormField("job_goals", "label.job_goals", placeholder="køkken; rengøring"),
    FormField("attendance_duty", "label.attendance_duty", "yesno"),
    # A plain marker, no health text (R24): the skånehensyn below holds what it is.
    FormField("physical_limitation", "label.physical_limitation", "yesno"),
    FormField("referral_date", "label.referral_date", placeholder="03-12-2026"),
    FormField("birth_year", "label.birth_year"),
    FormField("gender", "label.gender", "choice", choices=Gender),
    FormField("accommodation_needs", "label.accommodation_needs", "multiline", sensitive=True),
)

STAFF_FORM: tuple[FormField, ...] = (
    FormField("name", "label.name", required=True),
    FormField("initials", "label.initials", required=True),
    FormField("role", "label.role", "choice", required=True, choices=StaffRole),
    FormField("phone", "label.phone"),
    FormField("email", "label.email"),
    FormField("municipality", "label.municipality", "choice", choices="municipality"),
    FormField("login", "label.login"),
)


def blank_values(fields: tuple[FormField, ...]) -> dict[str, str]:
    """What a new record's form starts with."""
    values = {f.key: "" for f in fields}
    for f in fields:
        if f.kind == "yesno":
            values[f.key] = "ja" if f.key == "attendance_duty" else "nej"
    return values


# The form's hidden field: when the record was last saved, as the form found it. A save whose
# record has been saved since (by a colleague) is refused, never written over theirs.
SEEN = "seen"


def seen_stamp(updated_at: datetime) -> str:
    return updated_at.isoformat()


def refuse_if_changed_since(values: Mapping[str, str], updated_at: datetime, name: str) -> None:
    """StaleVersionError when the form was loaded before the record's last save."""
    refuse_if_stamp_moved(values, seen_stamp(updated_at), name)


def refuse_if_stamp_moved(values: Mapping[str, str], stamp: str, name: str) -> None:
    """StaleVersionError when the form's stamp (SEEN) is not the record's `stamp` now.

    A form without the stamp (an import) is not refused: it matches rows to records."""
    seen = values.get(SEEN)
    if seen is not None and seen != stamp:
        raise StaleVersionError(t("register.stale", name=name))
