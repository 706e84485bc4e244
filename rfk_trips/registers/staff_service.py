"""The staff register (medarbejdere): list, form values, save."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy import label as sql_label  # `Mapped.label()` is typed Label[Never] in 2.1
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.registers.lookups import load_lookups
from rfk_trips.registers.paging import PAGE_SIZE, Page, count_query, like_pattern, search_words
from rfk_trips.registers.record_fields import parse_staff
from rfk_trips.registers.record_forms import SEEN, refuse_if_changed_since, seen_stamp
from rfk_trips.rules.errors import NotFoundError, UserError
from storage.codes import StaffRole
from storage.engine import reading
from storage.models import Municipality, Staff, utc_now
from storage.search_text import sort_key
from storage.sessions import session_scope


@dataclass(frozen=True)
class StaffFilter:
    text: str = ""
    municipality_id: int | None = None
    role: StaffRole | None = None
    archived: bool = False


@dataclass(frozen=True)
class StaffRow:
    id: int
    name: str
    initials: str
    role: StaffRole
    phone: str
    email: str
    municipality: str
    archived: bool


def _staff_conditions(flt: StaffFilter) -> list[Any]:
    conditions: list[Any] = [col(Staff.archived).is_(flt.archived)]
    for word in search_words(flt.text):
        conditions.append(col(Staff.search_text).like(like_pattern(word), escape="\\"))
    if flt.municipality_id is not None:
        conditions.append(col(Staff.municipality_id) == flt.municipality_id)
    if flt.role is not None:
        conditions.append(col(Staff.role) == flt.role)
    return conditions


def search_staff(
    engine: Engine, flt: StaffFilter, *, limit: int = PAGE_SIZE, offset: int = 0
) -> Page[StaffRow]:
    return Page(staff_rows(engine, flt, limit=limit, offset=offset), count_staff(engine, flt))


def count_staff(engine: Engine, flt: StaffFilter, *, at_most: int | None = None) -> int:
    query = count_query(Staff, _staff_conditions(flt), at_most)
    with reading(engine) as connection:
        return connection.scalar(query) or 0


def staff_rows(
    engine: Engine, flt: StaffFilter, *, limit: int = PAGE_SIZE, offset: int = 0
) -> list[StaffRow]:
    """One page of the staff the filter matches, by name (the columns shown, see
    company_service.company_rows)."""
    page = (
        select(
            col(Staff.id),
            col(Staff.name),
            col(Staff.initials),
            col(Staff.role),
            col(Staff.phone),
            col(Staff.email),
            sql_label("municipality", col(Municipality.name)),
            col(Staff.archived),
        )
        .outerjoin(Municipality, col(Municipality.id) == col(Staff.municipality_id))
        .where(*_staff_conditions(flt))
        .order_by(col(Staff.sort_name), col(Staff.id))
        .limit(limit)
        .offset(offset)
    )
    with reading(engine) as connection:
        rows = connection.execute(page).all()
    # The columns are labelled as the fields; staff without a municipality read as "".
    return [StaffRow(**(row._asdict() | {"municipality": row.municipality or ""})) for row in rows]


def _get(session: Session, staff_id: int, *, lock: bool = False) -> Staff:
    # Locked for the save: a colleague's save of the same record waits, then sees this one.
    member = session.get(Staff, staff_id, with_for_update=lock, populate_existing=lock)
    if member is None:
        raise NotFoundError(t("error.not_found", what=t("what.staff"), id=staff_id))
    return member


def staff_form_values(engine: Engine, staff_id: int) -> dict[str, str]:
    with session_scope(engine) as session:
        member = _get(session, staff_id)
        municipality = (
            session.get(Municipality, member.municipality_id) if member.municipality_id else None
        )
        return {
            "name": member.name,
            "initials": member.initials,
            "role": label(member.role),
            "phone": member.phone,
            "email": member.email,
            "municipality": municipality.name if municipality else "",
            "login": member.login or "",
            SEEN: seen_stamp(member.updated_at),
        }


def save_staff(engine: Engine, staff_id: int | None, values: dict[str, str], *, today: date) -> int:
    """Create or update; every problem at once (fields and taken initials), or nothing saved."""
    with session_scope(engine) as session:
        field_errors: dict[str, str] = {}
        record = None
        try:
            record = parse_staff(values, load_lookups(session, today=today))
        except UserError as exc:
            field_errors.update(exc.field_errors)
        initials = values.get("initials", "").strip().upper()
        holder = (
            session.scalars(
                select(Staff).where(func.upper(col(Staff.initials)) == initials)
            ).first()
            if initials
            else None
        )
        if holder is not None and holder.id != staff_id:
            field_errors["initials"] = t(
                "field.initials_taken", initials=initials, name=holder.name
            )
        login = record.values.get("login") if record is not None else None
        owner = (
            session.scalars(select(Staff).where(col(Staff.login) == login)).first()
            if login
            else None
        )
        if owner is not None and owner.id != staff_id:
            field_errors["login"] = t("field.login_taken", login=login, name=owner.name)
        if field_errors or record is None:
            messages = list(field_errors.values())
            raise UserError("; ".join(messages), messages, field_errors)
        if staff_id is None:
            member = Staff(**record.values)
        else:
            member = _get(session, staff_id, lock=True)
            refuse_if_changed_since(values, member.updated_at, member.name)
            for name, value in record.values.items():
                setattr(member, name, value)
            member.updated_at = utc_now()
        session.add(member)
        session.flush()
        return member.id or 0


def set_archived(engine: Engine, staff_id: int, archived: bool) -> None:
    with session_scope(engine) as session:
        member = _get(session, staff_id)
        member.archived = archived
        member.updated_at = utc_now()
        session.add(member)


def staff_choices(engine: Engine) -> list[tuple[int, str]]:
    """(id, "Name (INI)") of active staff, for pickers and filters."""
    with session_scope(engine) as session:
        return [
            (s.id or 0, f"{s.name} ({s.initials})")
            for s in session.scalars(
                select(Staff)
                .where(col(Staff.archived).is_(False))
                .order_by(col(Staff.sort_name), col(Staff.id))
            )
        ]


def municipality_choices(engine: Engine) -> list[tuple[int, str]]:
    with session_scope(engine) as session:
        # A handful of names, sorted here: the table keeps no Danish key for them.
        municipalities = session.scalars(select(Municipality)).all()
        return [(m.id or 0, m.name) for m in sorted(municipalities, key=lambda m: sort_key(m.name))]
