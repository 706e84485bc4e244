"""The trips file of a history import: past trips, their companies and their staff.

A row is a completed (gennemført, the default) or cancelled (aflyst) trip, matched on date +
title. Its companies become its visits in the order given (times shared out over the day, as
history seldom says more), its staff its team with the tovholder as lead. A trip still in
planning may stand in the file unchanged (so an exported trips file imports back), but history
neither creates one nor changes one: that is planning's, in Ture.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import delete, select
from sqlmodel import Session, col

from rfk_trips.exchange.history_fields import (
    MAX_VISITS,
    TRIP_FIELDS,
    company_refs,
    initials_list,
)
from rfk_trips.exchange.history_index import HistoryIndex, KnownTrip, TripKey
from rfk_trips.exchange.history_rows import (
    Cells,
    HistoryFile,
    RowContext,
)
from rfk_trips.exchange.import_reading import RowErrors
from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.registers.record_fields import code_parser
from rfk_trips.rules.danish_dates import format_date, format_time, parse_date, parse_time
from rfk_trips.rules.errors import UserError
from rfk_trips.rules.time_order import ends_before_start
from storage.codes import TripStatus
from storage.models import Trip, TripStaff, Visit, utc_now
from storage.sessions import id_chunks

HISTORY_STATUSES = frozenset({TripStatus.COMPLETED, TripStatus.CANCELLED})
# A day of visits when the file gives no return time: the time the visits are shared over.
_DAY_WITHOUT_END = timedelta(hours=5)


@dataclass
class PlannedTrip:
    line: int
    key: TripKey
    day: date
    title: str
    status: TripStatus
    # What the row says, field → value, for the fields the file has a column for.
    values: dict[str, object] = field(default_factory=dict)
    companies: list[int] | None = None  # None: the file has no company column
    lead: int | None = None
    staff: list[int] | None = None  # None: the file has no staff column
    existing: KnownTrip | None = None


class TripRows:
    def __init__(self, session: Session, index: HistoryIndex, context: RowContext) -> None:
        self.session = session
        self.index = index
        self.context = context
        self.planned: list[PlannedTrip] = []
        self.first_line: dict[TripKey, int] = {}

    def check(self, line: int, cells: Mapping[str, str]) -> None:
        row = Cells(cells, self.context)
        today = self.context.today
        day = row.need("date", lambda s: parse_date(s, today))
        title = row.need("title", str)
        status = row.take("status", code_parser(TripStatus, "status")) or TripStatus.COMPLETED
        if status == TripStatus.COMPLETED and day is not None and day > today:
            row.problem("date", t("history.completed_future", date=format_date(day)))
        existing = self._existing(row, day, title, status)
        values = self._values(row, creating=existing is None)
        companies = self._companies(row)
        lead, staff = self._staff(row)
        row.refuse_long(
            Trip,
            {
                "title": ("title", title or ""),
                "bus_operator": ("bus", values.get("bus_operator", "")),
                "meeting_place": ("meeting_place", values.get("meeting_place", "")),
            },
        )
        row.done()
        assert day is not None and title is not None
        key = TripKey.of(day, title)
        if key in self.first_line:
            row.problem("title", t("history.same_trip", line=self.first_line[key]))
            row.done()
        self.first_line[key] = line
        self.planned.append(
            PlannedTrip(line, key, day, title, status, values, companies, lead, staff, existing)
        )

    def _values(self, row: Cells, *, creating: bool) -> dict[str, object]:
        """The trip's own fields the row gives, keyed by the trip's attribute. A new trip
        needs its format: the file's, or the one its municipality's trips have."""
        values: dict[str, object] = {}
        municipality = None
        if row.given("municipality"):
            municipality = row.take("municipality", self.index.find_municipality)
            values["municipality_id"] = municipality.id if municipality else None
        fmt = row.take("format", self.index.find_format)
        if fmt is None and creating and not row.text("format"):
            fmt = self.index.format_of(municipality)
            if fmt is None:
                row.problem("format", t("history.format_needed"))
        if fmt is not None:
            values["format_id"] = fmt.id
        start = row.take("start", parse_time) if row.given("start") else None
        end = row.take("end", parse_time) if row.given("end") else None
        if start is not None and end is not None and ends_before_start(start, end):
            row.problem(
                "end", t("history.end_before_start", start=format_time(start), end=format_time(end))
            )
        if row.given("start"):
            values["meeting_time"] = start or (fmt.start_time if fmt else None)
        if row.given("end"):
            values["return_time"] = end or (fmt.end_time if fmt else None)
        for key, attribute in (("bus", "bus_operator"), ("meeting_place", "meeting_place")):
            if row.given(key):
                values[attribute] = row.text(key)
        if row.given("notes"):
            values["notes"] = row.free_text("notes")
        return values

    def _companies(self, row: Cells) -> list[int] | None:
        keys = [key for key in ("companies", "company_1", "company_2") if row.given(key)]
        if not keys:
            return None
        refs = company_refs(*(row.text(key) for key in keys))
        if len(refs) > MAX_VISITS:
            row.problem(keys[0], t("history.too_many_companies", count=len(refs), most=MAX_VISITS))
            return None
        found: list[int] = []
        for ref in refs:
            try:
                company_id = self.index.find_company(ref)
            except UserError as exc:
                row.problem(keys[0], exc.message)
                continue
            if company_id in found:
                row.problem(keys[0], t("history.company_twice", name=ref.text))
            found.append(company_id)
        return found

    def _staff(self, row: Cells) -> tuple[int | None, list[int] | None]:
        lead = row.take("lead", self.index.find_staff) if row.given("lead") else None
        staff: list[int] | None = None
        if row.given("staff") or row.given("lead"):
            staff = [lead] if lead is not None else []
            for initials in initials_list(row.text("staff")):
                try:
                    staff_id = self.index.find_staff(initials)
                except UserError as exc:
                    row.problem("staff", exc.message)
                    continue
                if staff_id not in staff:
                    staff.append(staff_id)
        return lead, staff

    def _existing(
        self, row: Cells, day: date | None, title: str | None, status: TripStatus
    ) -> KnownTrip | None:
        if day is None or title is None:
            return None
        try:
            existing = self.index.trip_named(day, title)
        except UserError as exc:
            row.problem("title", exc.message)
            return None
        if existing is None and status not in HISTORY_STATUSES:
            row.problem("status", t("history.planning_status", status=label(status).lower()))
        # A trip still in planning: only the row as exported, unchanged, is let through
        # (the rest is checked on writing, where the trip's fields are at hand).
        if (
            existing is not None
            and existing.status not in HISTORY_STATUSES
            and status != existing.status
        ):
            row.problem(
                "status", t("history.trip_in_planning", status=label(existing.status).lower())
            )
        return existing

    # --- writing ---

    def write(self, errors: RowErrors) -> None:
        report = self.context.report
        stored = _Stored.load(self.session, [p.existing.id for p in self.planned if p.existing])
        new: list[tuple[Trip, PlannedTrip]] = []
        written = self.context.writing(len(self.planned))
        for done, plan in enumerate(self.planned):
            if written.due(done):
                written.wrote(done)  # flushed at the end: a trip's visits need its number
            if plan.existing is None:
                trip = self._new_trip(plan)
                new.append((trip, plan))
                report.created += 1
                continue
            trip = stored.trips[plan.existing.id]
            changed = self._apply(trip, plan)
            visits_changed = self._visits(trip, plan, stored.visits.get(trip.id or 0, []))
            staff_changed = self._team(trip, plan, stored.team.get(trip.id or 0, {}))
            anything = changed or visits_changed or staff_changed
            if plan.existing.status not in HISTORY_STATUSES:
                if anything:
                    message = t(
                        "history.trip_in_planning", status=label(plan.existing.status).lower()
                    )
                    errors.add(plan.line, [message])
                report.unchanged += 1
            elif anything:
                trip.version += 1
                trip.updated_at = utc_now()
                self.session.add(trip)
                report.updated += 1
            else:
                report.unchanged += 1
        self.session.flush()  # the new trips' numbers, for their visits and staff
        for trip, plan in new:
            self.index.add_trip(KnownTrip(trip.id or 0, plan.day, plan.title, plan.status))
            self._visits(trip, plan, [])
            self._team(trip, plan, {})
        self.session.flush()
        written.wrote(len(self.planned))

    def _new_trip(self, plan: PlannedTrip) -> Trip:
        format_id = plan.values["format_id"]  # a new trip's row is refused without one
        assert isinstance(format_id, int)
        trip = Trip(title=plan.title, trip_date=plan.day, format_id=format_id, status=plan.status)
        self._apply(trip, plan)
        self.session.add(trip)
        return trip

    def _apply(self, trip: Trip, plan: PlannedTrip) -> bool:
        values = dict(plan.values)
        values["status"] = plan.status
        if plan.existing is None:
            fmt = self.index.formats_by_id[trip.format_id]
            if values.get("meeting_time") is None:
                values["meeting_time"] = fmt.start_time
            if values.get("return_time") is None:
                values["return_time"] = fmt.end_time
        changed = False
        for attribute, value in values.items():
            if getattr(trip, attribute) != value:
                setattr(trip, attribute, value)
                changed = True
        if changed:
            self.session.add(trip)
        return changed

    def _visits(self, trip: Trip, plan: PlannedTrip, stored: list[int]) -> bool:
        """The trip's visits made the row's companies, in its order; `stored`: the companies
        visited now."""
        if plan.companies is None or stored == plan.companies:
            return False
        if stored:
            self.session.execute(delete(Visit).where(col(Visit.trip_id) == trip.id))
        for position, (company_id, (start, end)) in enumerate(
            zip(plan.companies, visit_times(trip, len(plan.companies)), strict=True), start=1
        ):
            self.session.add(
                Visit(
                    trip_id=trip.id or 0,
                    company_id=company_id,
                    position=position,
                    start_time=start,
                    end_time=end,
                    confirmed=True,
                )
            )
        return True

    def _team(self, trip: Trip, plan: PlannedTrip, stored: dict[int, bool]) -> bool:
        """The trip's staff made the row's, the tovholder as lead; `stored`: staff → lead."""
        if plan.staff is None:
            return False
        wanted = {staff_id: staff_id == plan.lead for staff_id in plan.staff}
        if stored == wanted:
            return False
        if stored:
            self.session.execute(delete(TripStaff).where(col(TripStaff.trip_id) == trip.id))
        for staff_id, is_lead in wanted.items():
            self.session.add(TripStaff(trip_id=trip.id or 0, staff_id=staff_id, is_lead=is_lead))
        return True


@dataclass
class _Stored:
    """The trips a file matches, with their visits and staff, read in a few queries."""

    trips: dict[int, Trip]
    visits: dict[int, list[int]]  # trip → companies in visiting order
    team: dict[int, dict[int, bool]]  # trip → staff → is lead

    @classmethod
    def load(cls, session: Session, trip_ids: list[int]) -> "_Stored":
        stored = cls({}, {}, {})
        for chunk in id_chunks(sorted(trip_ids)):
            for trip in session.scalars(select(Trip).where(col(Trip.id).in_(chunk))):
                stored.trips[trip.id or 0] = trip
            for trip_id, company_id in session.execute(
                select(col(Visit.trip_id), col(Visit.company_id))
                .where(col(Visit.trip_id).in_(chunk))
                .order_by(col(Visit.trip_id), col(Visit.position), col(Visit.id))
            ):
                stored.visits.setdefault(trip_id, []).append(company_id)
            for trip_id, staff_id, is_lead in session.execute(
                select(
                    col(TripStaff.trip_id), col(TripStaff.staff_id), col(TripStaff.is_lead)
                ).where(col(TripStaff.trip_id).in_(chunk))
            ):
                stored.team.setdefault(trip_id, {})[staff_id] = is_lead
        return stored


def visit_times(trip: Trip, visits: int) -> list[tuple[time, time]]:
    """The day from meeting to return shared out evenly over the visits: history seldom says
    when each visit began, and the figures do not ask."""
    if visits == 0:
        return []
    start = datetime.combine(trip.trip_date, trip.meeting_time or time(9))
    end = (
        datetime.combine(trip.trip_date, trip.return_time)
        if trip.return_time is not None and trip.return_time > start.time()
        else start + _DAY_WITHOUT_END
    )
    if end.date() != start.date():
        end = datetime.combine(trip.trip_date, time(23, 59))
    step = (end - start) / visits
    return [
        ((start + step * n).time().replace(second=0, microsecond=0),
         (start + step * (n + 1)).time().replace(second=0, microsecond=0))
        for n in range(visits)
    ]  # fmt: skip


TRIPS_FILE = HistoryFile(
    TRIP_FIELDS, TripRows, frozenset({"companies", "staff", "formats", "trips"})
)
