"""What the companies, citizens and staff lists show and how they search: `RegisterSpec`s."""

from collections.abc import Callable
from typing import Any

from rfk_trips.app.services import RegisterServices
from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.registers import citizen_service, company_service, staff_service
from rfk_trips.registers.company_service import CompanyFilter, QualificationFilter, VisitedFilter
from rfk_trips.registers.paging import COUNT_AT_MOST
from rfk_trips.registers.record_forms import (
    CITIZEN_FORM,
    COMPANY_FORM,
    STAFF_FORM,
    blank_values,
    enum_options,
)
from rfk_trips.rules.danish_dates import format_date
from rfk_trips.rules.vocabularies import BenefitGroup, Gender, Industry, Sector, StaffRole
from screens.registers.register_screen import Column, FilterSpec, RegisterSpec


def municipality_filter_choices(services: RegisterServices) -> list[tuple[str, Any]]:
    """(name, id) of each municipality, as every list's municipality filter offers them."""
    return [(name, mid) for mid, name in services.municipality_choices()]


def _enum_filter(enum_cls: Any) -> Callable[[RegisterServices], list[tuple[str, Any]]]:
    def options(_services: RegisterServices) -> list[tuple[str, Any]]:
        return [(label(member), member) for member in enum_cls]

    return options


def _form_choices(services: RegisterServices) -> dict[str, list[str]]:
    municipalities = [name for _, name in services.municipality_choices()]
    return {
        "municipality": municipalities,
        "industry": enum_options(Industry),
        "sector": enum_options(Sector),
        "benefit_group": enum_options(BenefitGroup),
        "gender": enum_options(Gender),
        "role": enum_options(StaffRole),
        "caseworker": [name for _, name in services.staff_choices()],
    }


# --- companies ----------


def _company_filter(text: str, filters: dict[str, Any], archived: bool) -> CompanyFilter:
    return CompanyFilter(
        text=text,
        municipality_id=filters.get("municipality"),
        industry=filters.get("industry"),
        qualification=filters.get("qualification") or QualificationFilter.ANY,
        ambassador=filters.get("ambassador"),
        archived=archived,
        visited=filters.get("visited") or VisitedFilter.ANY,
    )


def _company_cells(row: company_service.CompanyRow) -> tuple[str, ...]:
    qualifies = (
        t("glyph.qualifies") + " " + ", ".join(_short_criterion(c) for c in row.criteria)
        if row.criteria
        else t("glyph.not_qualifies")
    )
    return (
        row.name,
        row.town,
        label(row.industry),
        qualifies,
        "★" if row.ambassador else "",
        format_date(row.last_visit) if row.last_visit else t("never"),
    )


def _short_criterion(criterion: Any) -> str:
    return t(f"criterion_short.{criterion.value}")


def _qualification_options(_services: RegisterServices) -> list[tuple[str, Any]]:
    return [
        (t("qualification.qualifying"), QualificationFilter.QUALIFYING),
        (t("qualification.not_qualifying"), QualificationFilter.NOT_QUALIFYING),
        (t("criterion_short.placement_experience"), QualificationFilter.PLACEMENT_EXPERIENCE),
        (t("criterion_short.social_responsibility"), QualificationFilter.SOCIAL_RESPONSIBILITY),
        (
            t("criterion_short.labour_shortage_with_tasks"),
            QualificationFilter.LABOUR_SHORTAGE_WITH_TASKS,
        ),
    ]


def _company_history(services: RegisterServices, company_id: int) -> list[str]:
    return [
        f"  {format_date(row.trip_date)}  {row.title} ({label(row.status).lower()})"
        for row in services.visit_history(company_id)
    ]


COMPANIES = RegisterSpec(
    mode="companies",
    search_placeholder_key="companies.search_placeholder",
    title_key="companies.title",
    columns=(
        Column("name", "col.name", 34),
        Column("town", "col.town", 14),
        Column("industry", "col.industry", 22),
        Column("qualifies", "col.qualifies", 24),
        Column("ambassador", "col.ambassador", 5),
        Column("last_visit", "col.last_visit", 12),
    ),
    filters=(
        FilterSpec("municipality", "filter.municipality", municipality_filter_choices),
        FilterSpec("industry", "filter.industry", _enum_filter(Industry)),
        FilterSpec("qualification", "filter.qualification", _qualification_options),
        FilterSpec(
            "ambassador",
            "filter.ambassador",
            lambda _e: [(t("common.yes"), True), (t("common.no"), False)],
        ),
        FilterSpec(
            "visited",
            "filter.visited",
            lambda _e: [(t(f"visited.{v.value}"), v) for v in list(VisitedFilter)[1:]],
        ),
    ),
    rows=lambda services, query, today: services.company_rows(
        _company_filter(*query.filter), today=today, offset=query.offset
    ),
    count=lambda services, query, today: services.count_companies(
        _company_filter(*query.filter), today=today, at_most=COUNT_AT_MOST
    ),
    cells=_company_cells,
    form_fields=COMPANY_FORM,
    new_title_key="companies.new",
    edit_title_key="companies.edit",
    load_form=RegisterServices.company_form_values,
    save=lambda services, rid, values, today: services.save_company(rid, values, today=today),
    form_choices=_form_choices,
    set_archived=RegisterServices.set_company_archived,
    name_of=lambda row: row.name,
    history=_company_history,
    blank=lambda: blank_values(COMPANY_FORM),
)


# --- citizens ----------


def _citizen_filter(
    text: str, filters: dict[str, Any], archived: bool
) -> citizen_service.CitizenFilter:
    return citizen_service.CitizenFilter(
        text=text,
        municipality_id=filters.get("municipality"),
        caseworker_id=filters.get("caseworker"),
        cohort=filters.get("cohort"),
        benefit_group=filters.get("benefit"),
        quota_trips=filters.get("trips"),
        archived=archived,
    )


def _citizen_cells(row: citizen_service.CitizenRow) -> tuple[str, ...]:
    return (
        row.name,
        row.phone,
        label(row.benefit_group),
        row.caseworker,
        row.cohort,
        ", ".join(row.job_goals),
        t("common.yes") if row.attendance_duty else t("common.no"),
        row.trips_text,
        # Only that there are needs, never what they are: the list is seen over shoulders.
        t("glyph.needs") if row.has_accommodation_needs else "",
    )


CITIZENS = RegisterSpec(
    mode="citizens",
    search_placeholder_key="citizens.search_placeholder",
    title_key="citizens.title",
    columns=(
        Column("name", "col.name", 24),
        Column("phone", "col.phone", 11),
        Column("benefit", "col.benefit", 22),
        Column("caseworker", "col.caseworker", 6),
        Column("cohort", "col.cohort", 26),
        Column("job_goals", "col.job_goals", 22),
        Column("duty", "col.duty", 9),
        Column("trips", "col.trips", 5),
        Column("needs", "col.needs", 6),
    ),
    filters=(
        FilterSpec("municipality", "filter.municipality", municipality_filter_choices),
        FilterSpec(
            "caseworker",
            "filter.caseworker",
            lambda services: [(name, sid) for sid, name in services.staff_choices()],
        ),
        FilterSpec(
            "cohort",
            "filter.cohort",
            lambda services: [(name, name) for name in services.cohorts()],
        ),
        FilterSpec("benefit", "filter.benefit", _enum_filter(BenefitGroup)),
        FilterSpec(
            "trips",
            "filter.trips",
            lambda _e: [
                (t("trips.none_taken"), 0),
                (t("trips.one_taken"), 1),
                (t("trips.two_taken"), 2),
            ],
        ),
    ),
    rows=lambda services, query, _today: services.citizen_rows(
        _citizen_filter(*query.filter), offset=query.offset
    ),
    count=lambda services, query, _today: services.count_citizens(
        _citizen_filter(*query.filter), at_most=COUNT_AT_MOST
    ),
    cells=_citizen_cells,
    form_fields=CITIZEN_FORM,
    new_title_key="citizens.new",
    edit_title_key="citizens.edit",
    load_form=RegisterServices.citizen_form_values,
    save=lambda services, rid, values, today: services.save_citizen(rid, values, today=today),
    form_choices=_form_choices,
    set_archived=RegisterServices.set_citizen_archived,
    name_of=lambda row: row.name,
    blank=lambda: blank_values(CITIZEN_FORM),
)


# --- staff ----------


def _staff_filter(text: str, filters: dict[str, Any], archived: bool) -> staff_service.StaffFilter:
    return staff_service.StaffFilter(
        text=text,
        municipality_id=filters.get("municipality"),
        role=filters.get("role"),
        archived=archived,
    )


STAFF = RegisterSpec(
    mode="staff",
    search_placeholder_key="staff.search_placeholder",
    title_key="staff.title",
    columns=(
        Column("name", "col.name", 26),
        Column("initials", "col.initials", 7),
        Column("role", "col.role", 26),
        Column("phone", "col.phone", 12),
        Column("email", "col.email", 28),
        Column("municipality", "col.municipality", 14),
    ),
    filters=(
        FilterSpec("municipality", "filter.municipality", municipality_filter_choices),
        FilterSpec("role", "filter.role", _enum_filter(StaffRole)),
    ),
    rows=lambda services, query, _today: services.staff_rows(
        _staff_filter(*query.filter), offset=query.offset
    ),
    count=lambda services, query, _today: services.count_staff(
        _staff_filter(*query.filter), at_most=COUNT_AT_MOST
    ),
    cells=lambda row: (
        row.name,
        row.initials,
        label(row.role),
        row.phone,
        row.email,
        row.municipality,
    ),
    form_fields=STAFF_FORM,
    new_title_key="staff.new",
    edit_title_key="staff.edit",
    load_form=RegisterServices.staff_form_values,
    save=lambda services, rid, values, today: services.save_staff(rid, values, today=today),
    form_choices=_form_choices,
    set_archived=RegisterServices.set_staff_archived,
    name_of=lambda row: row.name,
    blank=lambda: blank_values(STAFF_FORM),
)
