"""The registers (companies, citizens, staff, municipalities): look-ups and listing."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import normalise
from rfk_trips.registers.record_fields import Lookups
from rfk_trips.rules.errors import UserError
from storage.models import Municipality, Staff
from storage.search_text import sort_key
from storage.sessions import session_scope


def load_lookups(session: Session, *, today: date) -> Lookups:
    municipalities = sorted(session.scalars(select(Municipality)), key=lambda m: sort_key(m.name))
    staff = list(session.scalars(select(Staff)))
    return Lookups(
        municipalities={normalise(m.name): m.id or 0 for m in municipalities},
        municipality_names=[m.name for m in municipalities],
        staff_by_initials={normalise(s.initials): s.id or 0 for s in staff},
        staff_by_name={normalise(s.name): s.id or 0 for s in staff},
        today=today,
    )


def add_municipality(engine: Engine, name: str, format_codes: list[str]) -> int:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise UserError(t("field.required", field=t("label.municipality")))
    with session_scope(engine) as session:
        for row in session.scalars(select(Municipality)):
            if normalise(row.name) == normalise(cleaned):
                return row.id or 0
        row = Municipality(name=cleaned, format_codes=format_codes)
        session.add(row)
        session.flush()
        return row.id or 0


def set_jobcentre_phone(engine: Engine, municipality_id: int, phone: str) -> None:
    """The number participants call; checked as any phone number (blank clears it)."""
    from rfk_trips.rules.fields import normalise_phone

    cleaned = normalise_phone(phone) if phone.strip() else ""
    with session_scope(engine) as session:
        row = session.get(Municipality, municipality_id)
        if row is None:
            raise UserError(t("error.not_found", what=t("what.municipality"), id=municipality_id))
        row.jobcentre_phone = cleaned
        session.add(row)
