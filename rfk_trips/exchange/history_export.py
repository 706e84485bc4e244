"""Exporting the history files (trips, attendance, outcomes) in the shape their import reads.

Each table is headed by the import's own fields (`history_fields`), so an exported file opened
in Excel and imported again changes nothing, into this database or into another with the same
registers. A company is named as the import finds it: by its name where no other company has
it, else by its CVR, else by its name and postcode. A citizen is named by name, and by phone
number too only where another citizen has the same name (`shared_names`).
"""

from collections import Counter
from functools import partial
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from rfk_trips.exchange.history_fields import (
    ATTENDANCE_FIELDS,
    OUTCOME_FIELDS,
    TRIP_FIELDS,
    trip_cell,
)
from rfk_trips.i18n.labels import label, normalise
from rfk_trips.registers.record_fields import RegisterFields
from rfk_trips.trips.check_in import shown_reasons
from storage.codes import Attendance, TripStatus
from storage.models import (
    Citizen,
    Company,
    Municipality,
    Outcome,
    Participation,
    Staff,
    Trip,
    TripFormat,
    TripStaff,
    Visit,
)

# `ExportTable` is the exports' (exporting.py imports this module): a plain pair here.
Table = tuple[list[str], list[list[Any]]]


def _headings(fields: RegisterFields, skip: tuple[str, ...] = ()) -> list[str]:
    return [f.column for f in fields.fields if f.key not in skip]


def code_cell(value: Any, *, codes: bool) -> Any:
    """A stored code as an export's cell: the code itself for JSON (scripts), its label in the
    current language for CSV and Excel (people); nothing known is a blank cell."""
    if value is None:
        return None if codes else ""
    return value.value if codes else label(value)


def company_names(session: Session) -> dict[int, str]:
    """Each company as a cell names it so that the import finds that one company."""
    rows = list(
        session.execute(
            select(col(Company.id), col(Company.name), col(Company.cvr), col(Company.postcode))
        )
    )
    same_name = Counter(normalise(name) for _, name, _, _ in rows)
    same_place = Counter((normalise(name), postcode) for _, name, _, postcode in rows)
    names: dict[int, str] = {}
    for company_id, name, cvr, postcode in rows:
        if same_name[normalise(name)] == 1:
            names[company_id] = name
        elif cvr:
            names[company_id] = cvr
        elif same_place[(normalise(name), postcode)] == 1 and postcode:
            names[company_id] = f"{name}, {postcode}"
        else:  # two of a name without CVR or postcode: the import will ask which
            names[company_id] = name
    return names


def shared_names(session: Session) -> set[str]:
    """The (normalised) names more than one citizen has. Only there does a history file carry
    the phone number, which then tells them apart: a file of outcomes travels by e-mail, and a
    phone number it does not need is personal data it should not hold."""
    counts = Counter(normalise(name) for name in session.scalars(select(col(Citizen.name))))
    return {name for name, count in counts.items() if count > 1}


def trips_table(session: Session, *, codes: bool) -> Table:
    """Every trip, by date, with its companies in visiting order and its staff."""
    show = partial(code_cell, codes=codes)
    formats = {f.id: f.code for f in session.scalars(select(TripFormat))}
    municipalities = {m.id: m.name for m in session.scalars(select(Municipality))}
    companies = company_names(session)
    visits: dict[int, list[str]] = {}
    for trip_id, company_id in session.execute(
        select(col(Visit.trip_id), col(Visit.company_id)).order_by(
            col(Visit.trip_id), col(Visit.position), col(Visit.id)
        )
    ):
        visits.setdefault(trip_id, []).append(companies.get(company_id, ""))
    lead: dict[int, str] = {}
    team: dict[int, list[str]] = {}
    for trip_id, initials, is_lead in session.execute(
        select(col(TripStaff.trip_id), col(Staff.initials), col(TripStaff.is_lead))
        .join(Staff, col(Staff.id) == col(TripStaff.staff_id))
        .order_by(col(TripStaff.trip_id), col(Staff.initials))
    ):
        if is_lead:
            lead[trip_id] = initials
        else:
            team.setdefault(trip_id, []).append(initials)
    rows = [
        [
            trip.id,
            trip.trip_date,
            trip.title,
            formats.get(trip.format_id, ""),
            municipalities.get(trip.municipality_id, ""),
            visits.get(trip.id or 0, []),
            trip.meeting_time,
            trip.return_time,
            lead.get(trip.id or 0, ""),
            team.get(trip.id or 0, []),
            show(trip.status),
            trip.bus_operator,
            trip.meeting_place,
            trip.notes,
        ]
        for trip in session.scalars(select(Trip).order_by(col(Trip.trip_date), col(Trip.id)))
    ]
    return _headings(TRIP_FIELDS, skip=("company_1", "company_2")), rows


def attendance_table(session: Session, *, codes: bool) -> Table:
    """Who came on each completed trip (the trips still being planned have no history yet)."""
    show = partial(code_cell, codes=codes)
    shared = shared_names(session)
    reasons = shown_reasons(session)
    query = (
        select(
            Participation,
            col(Trip.trip_date),
            col(Trip.title),
            col(Citizen.name),
            col(Citizen.phone),
        )
        .join(Trip, col(Trip.id) == col(Participation.trip_id))
        .join(Citizen, col(Citizen.id) == col(Participation.citizen_id))
        .where(
            col(Trip.status) == TripStatus.COMPLETED,
            col(Participation.attendance) != Attendance.PENDING,
        )
        .order_by(col(Trip.trip_date), col(Trip.id), col(Citizen.sort_name), col(Citizen.id))
    )
    rows = [
        [
            day,
            title,
            p.trip_id,
            name,
            phone if normalise(name) in shared else "",
            show(p.attendance),
            reasons.get((p.trip_id, p.citizen_id), ""),
            show(p.role),
            p.citizen_id,
        ]
        for p, day, title, name, phone in session.execute(query).all()
    ]
    return _headings(ATTENDANCE_FIELDS), rows


def outcomes_table(session: Session, *, codes: bool) -> Table:
    """Every outcome, by start date, with the trip that led to it."""
    show = partial(code_cell, codes=codes)
    shared = shared_names(session)
    companies = company_names(session)
    trips = {
        trip_id: (day, title)
        for trip_id, day, title in session.execute(
            select(col(Trip.id), col(Trip.trip_date), col(Trip.title))
        )
    }
    query = (
        select(Outcome, col(Citizen.name), col(Citizen.phone))
        .join(Citizen, col(Citizen.id) == col(Outcome.citizen_id))
        .order_by(col(Outcome.start_date), col(Outcome.id))
    )
    rows = [
        [
            o.id,
            name,
            phone if normalise(name) in shared else "",
            show(o.kind),
            o.start_date,
            o.end_date,
            companies.get(o.company_id, "") if o.company_id is not None else "",
            o.hours_per_week,
            trip_cell(*trips[o.trip_id]) if o.trip_id in trips else "",
            o.trip_id,
            o.aim,
            o.review_date,
            o.ended_early,
            o.end_reason,
            o.note,
            o.citizen_id,
        ]
        for o, name, phone in session.execute(query).all()
    ]
    return _headings(OUTCOME_FIELDS), rows
