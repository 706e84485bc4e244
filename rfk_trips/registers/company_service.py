"""The company register (virksomheder): search, form values, save, archive, visit history."""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, func, not_, or_, select
from sqlalchemy import label as sql_label  # `Mapped.label()` is typed Label[Never] in 2.1
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.registers.lookups import load_lookups
from rfk_trips.registers.paging import PAGE_SIZE, Page, count_query, like_pattern, search_words
from rfk_trips.registers.record_fields import parse_company
from rfk_trips.registers.record_forms import SEEN, refuse_if_changed_since, seen_stamp
from rfk_trips.registers.what_counts_sql import visit_had
from rfk_trips.rules.company import Criterion, HostFacts, criteria_met
from rfk_trips.rules.errors import NotFoundError, UserError
from storage.codes import Industry, TripStatus
from storage.engine import reading
from storage.models import (
    Company,
    Municipality,
    Trip,
    Visit,
    company_has_tasks,
    company_qualifies,
    utc_now,
)
from storage.sessions import session_scope


class QualificationFilter(StrEnum):
    ANY = "any"
    QUALIFYING = "qualifying"
    NOT_QUALIFYING = "not_qualifying"
    PLACEMENT_EXPERIENCE = "placement_experience"
    SOCIAL_RESPONSIBILITY = "social_responsibility"
    LABOUR_SHORTAGE_WITH_TASKS = "labour_shortage_with_tasks"


class VisitedFilter(StrEnum):
    ANY = "any"
    NEVER = "never"
    NOT_FOR_SIX_MONTHS = "not_for_six_months"  # never, or last visit over ~6 months ago
    RECENTLY = "recently"  # within the last ~6 months


@dataclass(frozen=True)
class CompanyFilter:
    text: str = ""
    municipality_id: int | None = None
    industry: Industry | None = None
    qualification: QualificationFilter = QualificationFilter.ANY
    ambassador: bool | None = None
    archived: bool = False
    visited: VisitedFilter = VisitedFilter.ANY


@dataclass(frozen=True)
class CompanyRow:
    id: int
    name: str
    town: str
    municipality: str
    industry: Industry
    criteria: tuple[Criterion, ...]
    ambassador: bool
    archived: bool
    last_visit: date | None


@dataclass(frozen=True)
class VisitHistoryRow:
    trip_id: int
    trip_date: date
    title: str
    status: TripStatus
    confirmed: bool


def _visit_had(today: date) -> Any:
    """R08's "the company has had the visit" (`what_counts.visit_had`) over the models."""
    return visit_had(col(Trip.status), col(Trip.trip_date), today=today)


def last_visit_subquery(today: date) -> Any:
    """Each company's latest visit it has had by `today` (for joins over many). A visit
    planned for later is not a visit yet."""
    return (
        select(
            sql_label("company_id", col(Visit.company_id)),
            func.max(col(Trip.trip_date)).label("last_visit"),
        )
        .join(Trip, col(Trip.id) == col(Visit.trip_id))
        .where(_visit_had(today))
        .group_by(col(Visit.company_id))
        .subquery()
    )


def last_visit_of_company(today: date) -> Any:
    """The latest visit by `today` of the company in the outer query, worked out per row.

    Correlated, so a page of 200 rows costs 200 index look-ups instead of grouping
    every visit there is.
    """
    return (
        select(func.max(col(Trip.trip_date)))
        .join(Visit, col(Visit.trip_id) == col(Trip.id))
        .where(col(Visit.company_id) == col(Company.id), _visit_had(today))
        .correlate(Company)
        .scalar_subquery()
    )


def _company_conditions(flt: CompanyFilter, today: date) -> list[Any]:
    last_visit = last_visit_of_company(today)
    conditions: list[Any] = [col(Company.archived).is_(flt.archived)]
    for word in search_words(flt.text):
        conditions.append(col(Company.search_text).like(like_pattern(word), escape="\\"))
    if flt.municipality_id is not None:
        conditions.append(col(Company.municipality_id) == flt.municipality_id)
    if flt.industry is not None:
        conditions.append(col(Company.industry) == flt.industry)
    if flt.ambassador is not None:
        conditions.append(col(Company.ambassador).is_(flt.ambassador))
    match flt.qualification:
        case QualificationFilter.QUALIFYING:
            conditions.append(company_qualifies())
        case QualificationFilter.NOT_QUALIFYING:
            conditions.append(not_(company_qualifies()))
        case QualificationFilter.PLACEMENT_EXPERIENCE:
            conditions.append(col(Company.placement_experience).is_(True))
        case QualificationFilter.SOCIAL_RESPONSIBILITY:
            conditions.append(col(Company.social_responsibility).is_(True))
        case QualificationFilter.LABOUR_SHORTAGE_WITH_TASKS:
            conditions.append(and_(col(Company.labour_shortage).is_(True), company_has_tasks()))
        case QualificationFilter.ANY:
            pass
    half_year_ago = today - timedelta(days=183)
    match flt.visited:
        case VisitedFilter.NEVER:
            conditions.append(last_visit.is_(None))
        case VisitedFilter.NOT_FOR_SIX_MONTHS:
            conditions.append(or_(last_visit.is_(None), last_visit < half_year_ago))
        case VisitedFilter.RECENTLY:
            conditions.append(last_visit >= half_year_ago)
        case VisitedFilter.ANY:
            pass
    return conditions


def search_companies(
    engine: Engine,
    flt: CompanyFilter,
    *,
    today: date,
    limit: int = PAGE_SIZE,
    offset: int = 0,
) -> Page[CompanyRow]:
    """Filter, sort and page in SQL, so the list stays quick at any size."""
    return Page(
        company_rows(engine, flt, today=today, limit=limit, offset=offset),
        count_companies(engine, flt, today=today),
    )


def count_companies(
    engine: Engine, flt: CompanyFilter, *, today: date, at_most: int | None = None
) -> int:
    """How many companies the filter matches (a scan: see count_citizens)."""
    query = count_query(Company, _company_conditions(flt, today), at_most)
    with reading(engine) as connection:
        return connection.scalar(query) or 0


def company_rows(
    engine: Engine,
    flt: CompanyFilter,
    *,
    today: date,
    limit: int = PAGE_SIZE,
    offset: int = 0,
) -> list[CompanyRow]:
    """One page of the companies the filter matches, by name.

    The columns the list shows, read on a plain connection: building a hundred ORM objects
    with every column took more than half of each search keystroke's query.
    """
    page = (
        select(
            col(Company.id),
            col(Company.name),
            col(Company.town),
            sql_label("municipality", col(Municipality.name)),
            col(Company.industry),
            col(Company.placement_experience),
            col(Company.social_responsibility),
            col(Company.labour_shortage),
            col(Company.tasks),
            col(Company.ambassador),
            col(Company.archived),
            last_visit_of_company(today).label("last_visit"),
        )
        .outerjoin(Municipality, col(Municipality.id) == col(Company.municipality_id))
        .where(*_company_conditions(flt, today))
        .order_by(col(Company.sort_name), col(Company.id))
        .limit(limit)
        .offset(offset)
    )
    with reading(engine) as connection:
        rows = connection.execute(page).all()
    return [_company_row(row._asdict()) for row in rows]


def _company_row(columns: dict[str, Any]) -> CompanyRow:
    """A row from the columns labelled as its fields, and the criteria from the flags."""
    host = HostFacts(
        company_id=columns["id"],
        name=columns["name"],
        placement_experience=columns.pop("placement_experience"),
        social_responsibility=columns.pop("social_responsibility"),
        labour_shortage=columns.pop("labour_shortage"),
        tasks=tuple(columns.pop("tasks") or ()),
    )
    return CompanyRow(
        **(columns | {"municipality": columns["municipality"] or ""}),
        criteria=criteria_met(host),
    )


def _get(session: Session, company_id: int, *, lock: bool = False) -> Company:
    # Locked for the save: a colleague's save of the same record waits, then sees this one.
    company = session.get(Company, company_id, with_for_update=lock, populate_existing=lock)
    if company is None:
        raise NotFoundError(t("error.not_found", what=t("what.company"), id=company_id))
    return company


def _yes_no(value: bool) -> str:
    return "ja" if value else "nej"


def company_form_values(engine: Engine, company_id: int) -> dict[str, str]:
    """The record as the text a form shows, keyed like the fields the import reads."""
    with session_scope(engine) as session:
        company = _get(session, company_id)
        municipality = (
            session.get(Municipality, company.municipality_id) if company.municipality_id else None
        )
        return {
            "name": company.name,
            "cvr": company.cvr or "",
            "industry": label(company.industry),
            "address": company.address,
            "postcode": company.postcode,
            "town": company.town,
            "municipality": municipality.name if municipality else "",
            "contact_person": company.contact_person,
            "phone": company.phone,
            "email": company.email,
            "employees": "" if company.employees is None else str(company.employees),
            "sector": label(company.sector),
            "placement_experience": _yes_no(company.placement_experience),
            "social_responsibility": _yes_no(company.social_responsibility),
            "labour_shortage": _yes_no(company.labour_shortage),
            "tasks": "; ".join(company.tasks),
            "ambassador": _yes_no(company.ambassador),
            "max_visitors": "" if company.max_visitors is None else str(company.max_visitors),
            "offers_placement": _yes_no(company.offers_placement),
            "inclusion_resources": _yes_no(company.inclusion_resources),
            "notes": company.notes,
            SEEN: seen_stamp(company.updated_at),
        }


def save_company(
    engine: Engine, company_id: int | None, values: dict[str, str], *, today: date
) -> int:
    """Create (id None) or update a company from form text; UserError with field errors."""
    with session_scope(engine) as session:
        record = parse_company(values, load_lookups(session, today=today))
        cvr = record.values.get("cvr")
        if cvr:
            holder = session.scalars(select(Company).where(col(Company.cvr) == cvr)).first()
            if holder is not None and holder.id != company_id:
                message = t("field.cvr_taken", cvr=cvr, name=holder.name)
                raise UserError(message, [message], {"cvr": message})
        if company_id is None:
            company = Company(**record.values)
        else:
            company = _get(session, company_id, lock=True)
            refuse_if_changed_since(values, company.updated_at, company.name)
            for name, value in record.values.items():
                setattr(company, name, value)
            company.updated_at = utc_now()
        session.add(company)
        session.flush()
        return company.id or 0


def set_archived(engine: Engine, company_id: int, archived: bool) -> None:
    with session_scope(engine) as session:
        company = _get(session, company_id)
        company.archived = archived
        company.updated_at = utc_now()
        session.add(company)


def visit_history(engine: Engine, company_id: int) -> list[VisitHistoryRow]:
    with session_scope(engine) as session:
        _get(session, company_id)
        rows = session.execute(
            select(
                col(Trip.id),
                col(Trip.trip_date),
                col(Trip.title),
                col(Trip.status),
                col(Visit.confirmed),
            )
            .join(Visit, col(Visit.trip_id) == col(Trip.id))
            .where(col(Visit.company_id) == company_id)
            .order_by(col(Trip.trip_date).desc())
        ).all()
        return [VisitHistoryRow(*row) for row in rows]
