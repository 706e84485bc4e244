"""The citizen register (borgere): search, form values, save, archive.

The sensitive field (skånehensyn) is never part of a list row or the search text; only the
form, which staff open one citizen at a time, shows it.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy import label as sql_label  # `Mapped.label()` is typed Label[Never] in 2.1
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, col

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.registers.benefit_periods import BENEFIT_SINCE, change_benefit, start_history
from rfk_trips.registers.lookups import load_lookups
from rfk_trips.registers.paging import PAGE_SIZE, Page, count_query, like_pattern, search_words
from rfk_trips.registers.record_fields import parse_citizen
from rfk_trips.registers.record_forms import SEEN, refuse_if_changed_since, seen_stamp
from rfk_trips.registers.what_counts_sql import citizens_trip, has_accommodation_needs
from rfk_trips.rules.danish_dates import format_date
from rfk_trips.rules.errors import NotFoundError, UserError
from storage.codes import BenefitGroup
from storage.engine import reading
from storage.models import Citizen, Municipality, Participation, Staff, Trip, TripFormat, utc_now
from storage.sessions import session_scope


@dataclass(frozen=True)
class CitizenFilter:
    text: str = ""
    municipality_id: int | None = None
    caseworker_id: int | None = None
    cohort: str | None = None
    benefit_group: BenefitGroup | None = None
    # Trips taken (or booked) in formats with a per-citizen quota; 2 means two or more.
    quota_trips: int | None = None
    archived: bool = False
    # Leave out the citizens already on this trip (composing a group).
    not_on_trip_id: int | None = None
    # With a municipality: also those not yet tied to any municipality.
    or_without_municipality: bool = False


@dataclass(frozen=True)
class CitizenRow:
    id: int
    name: str
    phone: str
    municipality: str
    benefit_group: BenefitGroup
    caseworker: str
    cohort: str
    job_goals: tuple[str, ...]
    attendance_duty: bool
    quota_trips: int
    quota: int | None
    has_accommodation_needs: bool
    archived: bool

    @property
    def trips_text(self) -> str:
        """`1/2` where the citizen's municipality gives a number of trips, else `1`."""
        return f"{self.quota_trips}/{self.quota}" if self.quota else str(self.quota_trips)


def _quota_trips_of_citizen() -> Any:
    """Trips taken or booked by the citizen in the outer query, in quota formats (per row)."""
    return (
        select(func.count())
        .select_from(Participation)
        .join(Trip, col(Trip.id) == col(Participation.trip_id))
        .join(TripFormat, col(TripFormat.id) == col(Trip.format_id))
        .where(
            col(Participation.citizen_id) == col(Citizen.id),
            citizens_trip(col(Participation.role), col(Participation.attendance), col(Trip.status)),
            col(TripFormat.trips_per_citizen).is_not(None),
        )
        .correlate(Citizen)
        .scalar_subquery()
    )


def municipality_quotas(connection: Connection) -> dict[int, int]:
    """Per municipality, the trips per citizen of the quota format it uses (Lolland: 2)."""
    quotas: dict[str, int | None] = dict(
        connection.execute(select(col(TripFormat.code), col(TripFormat.trips_per_citizen))).all()
    )
    result: dict[int, int] = {}
    for municipality_id, codes in connection.execute(
        select(col(Municipality.id), col(Municipality.format_codes))
    ):
        assert municipality_id is not None  # a stored primary key
        found = [quota for code in codes or () if (quota := quotas.get(code))]
        if found:
            result[municipality_id] = max(found)
    return result


def _citizen_conditions(flt: CitizenFilter) -> list[Any]:
    conditions: list[Any] = [col(Citizen.archived).is_(flt.archived)]
    for word in search_words(flt.text):
        conditions.append(col(Citizen.search_text).like(like_pattern(word), escape="\\"))
    if flt.municipality_id is not None:
        same: Any = col(Citizen.municipality_id) == flt.municipality_id
        if flt.or_without_municipality:
            same = or_(same, col(Citizen.municipality_id).is_(None))
        conditions.append(same)
    if flt.caseworker_id is not None:
        conditions.append(col(Citizen.caseworker_id) == flt.caseworker_id)
    if flt.cohort is not None:
        conditions.append(col(Citizen.cohort) == flt.cohort)
    if flt.benefit_group is not None:
        conditions.append(col(Citizen.benefit_group) == flt.benefit_group)
    if flt.not_on_trip_id is not None:
        on_trip = select(col(Participation.citizen_id)).where(
            col(Participation.trip_id) == flt.not_on_trip_id
        )
        conditions.append(col(Citizen.id).not_in(on_trip))
    if flt.quota_trips is not None:
        count = _quota_trips_of_citizen()
        conditions.append(count >= 2 if flt.quota_trips >= 2 else count == flt.quota_trips)
    return conditions


def search_citizens(
    engine: Engine, flt: CitizenFilter, *, limit: int = PAGE_SIZE, offset: int = 0
) -> Page[CitizenRow]:
    return Page(citizen_rows(engine, flt, limit=limit, offset=offset), count_citizens(engine, flt))


def count_citizens(engine: Engine, flt: CitizenFilter, *, at_most: int | None = None) -> int:
    """How many citizens the filter matches (`at_most`: see `paging.count_query`): a scan of
    the register at every keystroke, so the list screen asks for it after the rows."""
    query = count_query(Citizen, _citizen_conditions(flt), at_most)
    with reading(engine) as connection:
        return connection.scalar(query) or 0


def citizen_rows(
    engine: Engine, flt: CitizenFilter, *, limit: int = PAGE_SIZE, offset: int = 0
) -> list[CitizenRow]:
    """One page of the citizens the filter matches, by name.

    The columns the list shows, on a plain connection (see company_service.company_rows);
    of the accommodation needs only whether there are any: the list never shows them.
    """
    page = (
        select(
            col(Citizen.id),
            col(Citizen.name),
            col(Citizen.phone),
            sql_label("municipality", col(Municipality.name)),
            col(Citizen.benefit_group),
            sql_label("caseworker", col(Staff.initials)),
            col(Citizen.cohort),
            col(Citizen.job_goals),
            col(Citizen.attendance_duty),
            _quota_trips_of_citizen().label("quota_trips"),
            col(Citizen.municipality_id),
            has_accommodation_needs(col(Citizen.accommodation_needs)).label(
                "has_accommodation_needs"
            ),
            col(Citizen.archived),
        )
        .outerjoin(Municipality, col(Municipality.id) == col(Citizen.municipality_id))
        .outerjoin(Staff, col(Staff.id) == col(Citizen.caseworker_id))
        .where(*_citizen_conditions(flt))
        .order_by(col(Citizen.sort_name), col(Citizen.id))
        .limit(limit)
        .offset(offset)
    )
    with reading(engine) as connection:
        quotas = municipality_quotas(connection)
        rows = connection.execute(page).all()
    return [_citizen_row(row._asdict(), quotas) for row in rows]


def _citizen_row(columns: dict[str, Any], quotas: dict[int, int]) -> CitizenRow:
    """A row from the columns labelled as its fields; the quota is the municipality's."""
    municipality_id = columns.pop("municipality_id")
    return CitizenRow(
        **columns
        | {
            "municipality": columns["municipality"] or "",
            "caseworker": columns["caseworker"] or "",
            "job_goals": tuple(columns["job_goals"] or ()),
            "has_accommodation_needs": bool(columns["has_accommodation_needs"]),
            "quota": quotas.get(municipality_id or -1),
        }
    )


def cohorts(engine: Engine) -> list[str]:
    """The cohorts in use, newest names last, for a filter's choices."""
    with session_scope(engine) as session:
        return sorted(
            c
            for c in session.scalars(
                select(col(Citizen.cohort)).where(col(Citizen.cohort) != "").distinct()
            )
        )


def _get(session: Session, citizen_id: int, *, lock: bool = False) -> Citizen:
    # Locked for the save: a colleague's save of the same record waits, then sees this one.
    citizen = session.get(Citizen, citizen_id, with_for_update=lock, populate_existing=lock)
    if citizen is None:
        raise NotFoundError(t("error.not_found", what=t("what.citizen"), id=citizen_id))
    return citizen


def citizen_form_values(engine: Engine, citizen_id: int) -> dict[str, str]:
    with session_scope(engine) as session:
        citizen = _get(session, citizen_id)
        municipality = (
            session.get(Municipality, citizen.municipality_id) if citizen.municipality_id else None
        )
        caseworker = session.get(Staff, citizen.caseworker_id) if citizen.caseworker_id else None
        return {
            "name": citizen.name,
            "phone": citizen.phone,
            "municipality": municipality.name if municipality else "",
            "benefit_group": label(citizen.benefit_group),
            # Empty: a change of benefit is dated today unless staff write another day.
            "benefit_since": "",
            # As the caseworker picker offers it, so the form shows the same choice.
            "caseworker": f"{caseworker.name} ({caseworker.initials})" if caseworker else "",
            "cohort": citizen.cohort,
            "job_goals": "; ".join(citizen.job_goals),
            "attendance_duty": "ja" if citizen.attendance_duty else "nej",
            "physical_limitation": "ja" if citizen.physical_limitation else "nej",
            "accommodation_needs": citizen.accommodation_needs,
            "birth_year": "" if citizen.birth_year is None else str(citizen.birth_year),
            "gender": label(citizen.gender) if citizen.gender else "",
            "referral_date": format_date(citizen.referral_date) if citizen.referral_date else "",
            SEEN: seen_stamp(citizen.updated_at),
        }


def save_citizen(
    engine: Engine, citizen_id: int | None, values: dict[str, str], *, today: date
) -> int:
    with session_scope(engine) as session:
        record = parse_citizen(values, load_lookups(session, today=today))
        fields = dict(record.values)
        since = fields.pop(BENEFIT_SINCE)
        group = fields.pop("benefit_group")
        if citizen_id is None:
            citizen = Citizen(**fields, benefit_group=group)
            session.add(citizen)
            session.flush()
            start_history(session, citizen, since, today=today)
        else:
            citizen = _get(session, citizen_id, lock=True)
            refuse_if_changed_since(values, citizen.updated_at, citizen.name)
            for name, value in fields.items():
                setattr(citizen, name, value)
            change_benefit(session, citizen, group, since, today=today)
            citizen.updated_at = utc_now()
            session.add(citizen)
        session.flush()
        return citizen.id or 0


def set_archived(engine: Engine, citizen_id: int, archived: bool) -> None:
    with session_scope(engine) as session:
        citizen = _get(session, citizen_id)
        if not archived and citizen.anonymised_at is not None:
            # No one is left to plan for: the row stays only for the figures.
            raise UserError(t("privacy.anonymised_stays_archived", id=citizen_id))
        citizen.archived = archived
        citizen.updated_at = utc_now()
        session.add(citizen)
