"""What a history file's rows name, found among the records already in the database.

Loaded once per import (a few queries, whatever the file's length), so that a 10,000-row file
is matched in memory: companies on CVR or name (+ postcode), citizens on name + phone, staff on
initials, trips on date + title (or their number), as the register imports match.

Each `find_…` answers the record's id or raises UserError with the Danish sentence that says
what to write instead; the caller puts it on the row's line and column.
"""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from sqlalchemy import select
from sqlmodel import Session, col

from rfk_trips.exchange.history_fields import CompanyRef, TripRef
from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import normalise
from rfk_trips.rules.danish_dates import format_date
from rfk_trips.rules.errors import UserError
from rfk_trips.rules.fields import normalise_phone
from storage.codes import ParticipantRole, TripStatus
from storage.models import Citizen, Company, Municipality, Participation, Staff, Trip, TripFormat


@dataclass(frozen=True)
class TripKey:
    """A trip as history names it: its day and its title (normalised)."""

    day: date
    title: str

    @classmethod
    def of(cls, day: date, title: str) -> "TripKey":
        return cls(day, normalise(title))


@dataclass
class KnownTrip:
    id: int
    day: date
    title: str
    status: TripStatus


@dataclass
class HistoryIndex:
    companies_by_cvr: dict[str, int] = field(default_factory=dict)
    companies_by_name: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    citizens_by_name: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    citizen_names: dict[int, str] = field(default_factory=dict)
    staff_by_initials: dict[str, int] = field(default_factory=dict)
    formats: dict[str, TripFormat] = field(default_factory=dict)  # by code and by name
    formats_by_id: dict[int, TripFormat] = field(default_factory=dict)
    municipalities: dict[str, Municipality] = field(default_factory=dict)
    trips: dict[TripKey, list[KnownTrip]] = field(default_factory=dict)
    trips_by_id: dict[int, KnownTrip] = field(default_factory=dict)

    # --- companies, citizens, staff ---

    def find_company(self, ref: CompanyRef) -> int:
        if ref.cvr is not None:
            found = self.companies_by_cvr.get(ref.cvr)
            if found is None:
                raise UserError(t("history.company_cvr_unknown", cvr=ref.cvr))
            return found
        same_name = self.companies_by_name.get(normalise(ref.name), [])
        if ref.postcode:
            same_name = [(id_, code) for id_, code in same_name if code == ref.postcode]
        if not same_name:
            raise UserError(t("history.company_unknown", name=ref.text))
        if len(same_name) > 1:
            raise UserError(t("history.company_ambiguous", name=ref.text, count=len(same_name)))
        return same_name[0][0]

    def find_citizen(self, name: str, phone_text: str) -> int:
        """Name + phone; the name alone when the phone is left blank and one citizen has it."""
        same_name = self.citizens_by_name.get(normalise(name), [])
        if not same_name:
            raise UserError(t("history.citizen_unknown", name=name))
        if phone_text.strip():
            phone = normalise_phone(phone_text)
            same = [id_ for id_, known in same_name if known == phone]
            if not same:
                raise UserError(t("history.citizen_phone", name=name, phone=phone_text))
            if len(same) == 1:
                return same[0]
        elif len(same_name) == 1:
            return same_name[0][0]
        raise UserError(t("history.citizen_ambiguous", name=name, count=len(same_name)))

    def find_staff(self, initials: str) -> int:
        found = self.staff_by_initials.get(normalise(initials))
        if found is None:
            raise UserError(t("history.staff_unknown", initials=initials))
        return found

    # --- formats and municipalities ---

    def find_format(self, text: str) -> TripFormat:
        found = self.formats.get(normalise(text))
        if found is None:
            codes = ", ".join(sorted({f.code for f in self.formats.values()}))
            raise UserError(t("trip.unknown_format", code=text, choices=codes))
        return found

    def find_municipality(self, text: str) -> Municipality:
        found = self.municipalities.get(normalise(text))
        if found is None:
            names = ", ".join(sorted({m.name for m in self.municipalities.values()}))
            raise UserError(t("trip.unknown_municipality", name=text, choices=names))
        return found

    def format_of(self, municipality: Municipality | None) -> TripFormat | None:
        """The format a municipality's trips have when the file does not say: the one its
        name gives (as `trip new` chooses), or its only one."""
        if municipality is None:
            return None
        named = self.formats.get(normalise(municipality.name))
        if named is not None:
            return named
        codes = list(municipality.format_codes)
        return self.formats.get(normalise(codes[0])) if len(codes) == 1 else None

    # --- trips ---

    def add_trip(self, trip: KnownTrip) -> None:
        self.trips.setdefault(TripKey.of(trip.day, trip.title), []).append(trip)
        self.trips_by_id[trip.id] = trip

    def trip_named(self, day: date, title: str) -> KnownTrip | None:
        """The trip of that day and title; UserError when two trips share them."""
        same = self.trips.get(TripKey.of(day, title), [])
        if len(same) > 1:
            raise UserError(t("history.trip_ambiguous", date=format_date(day), title=title))
        return same[0] if same else None

    def find_trip(self, day: date, title: str) -> KnownTrip:
        found = self.trip_named(day, title)
        if found is None:
            raise UserError(t("history.trip_unknown", date=format_date(day), title=title))
        return found

    def find_trip_id(self, trip_id: int) -> KnownTrip:
        found = self.trips_by_id.get(trip_id)
        if found is None:
            raise UserError(t("history.trip_id_unknown", id=trip_id))
        return found

    def find_trip_ref(self, ref: TripRef, on_day: dict[date, list[int]]) -> KnownTrip:
        """The trip an outcome's `tur` names; by its day alone among `on_day`, the trips the
        citizen was on, by day."""
        if ref.trip_id is not None:
            return self.find_trip_id(ref.trip_id)
        assert ref.day is not None
        if ref.title:
            return self.find_trip(ref.day, ref.title)
        theirs = on_day.get(ref.day, [])
        if len(theirs) == 1:
            return self.trips_by_id[theirs[0]]
        key = "history.trip_day_none" if not theirs else "history.trip_day_several"
        raise UserError(t(key, date=format_date(ref.day)))


# What a file's rows may name; each file's index reads only its own (a trips file names no
# citizen, and a city's 70,000 citizens take a second to read).
IndexPart = Literal["companies", "citizens", "staff", "formats", "trips"]


def load_index(session: Session, parts: frozenset[IndexPart]) -> HistoryIndex:
    index = HistoryIndex()
    if "companies" in parts:
        for company_id, name, cvr, postcode in session.execute(
            select(col(Company.id), col(Company.name), col(Company.cvr), col(Company.postcode))
        ):
            if cvr:
                index.companies_by_cvr[cvr] = company_id
            index.companies_by_name.setdefault(normalise(name), []).append((company_id, postcode))
    if "citizens" in parts:
        by_name: defaultdict[str, list[tuple[int, str]]] = defaultdict(list)
        for citizen_id, name, phone in session.execute(
            select(col(Citizen.id), col(Citizen.name), col(Citizen.phone))
        ):
            by_name[normalise(name)].append((citizen_id, phone))
            index.citizen_names[citizen_id] = name
        index.citizens_by_name = dict(by_name)
    if "staff" in parts:
        for staff_id, initials in session.execute(select(col(Staff.id), col(Staff.initials))):
            index.staff_by_initials[normalise(initials)] = staff_id
    if "formats" in parts:  # and the municipalities, whose trips have a format
        for fmt in session.scalars(select(TripFormat)):
            index.formats[normalise(fmt.code)] = fmt
            index.formats.setdefault(normalise(fmt.name), fmt)
            index.formats_by_id[fmt.id or 0] = fmt
        for municipality in session.scalars(select(Municipality)):
            index.municipalities[normalise(municipality.name)] = municipality
    if "trips" in parts:
        for trip_id, day, title, status in session.execute(
            select(col(Trip.id), col(Trip.trip_date), col(Trip.title), col(Trip.status))
        ):
            index.add_trip(KnownTrip(trip_id, day, title, status))
    return index


def participant_days(session: Session, *, cancelled: bool) -> Iterator[tuple[int, int, date]]:
    """(citizen, trip, day) for every participant (not reserve) of a trip, those of cancelled
    trips only when `cancelled`: who was on which trip, on which day."""
    query = (
        select(col(Participation.citizen_id), col(Participation.trip_id), col(Trip.trip_date))
        .join(Trip, col(Trip.id) == col(Participation.trip_id))
        .where(col(Participation.role) == ParticipantRole.PARTICIPANT)
    )
    if not cancelled:
        query = query.where(col(Trip.status) != TripStatus.CANCELLED)
    for citizen_id, trip_id, day in session.execute(query):  # noqa: UP028 (Rows, not tuples)
        yield citizen_id, trip_id, day
