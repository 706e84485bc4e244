"""The attendance file of a history import: who came on the trips already held.

A row is one citizen on one completed trip, named by date + title (or `tur_id` when both are
blank) and matched on trip + citizen. Its status is what check-in would have recorded (mødt,
kom for sent, gik tidligt, afbud, udeblevet); the reason goes where check-in keeps it, on a
check-in line of the day (leg 0), so the check-in sheet and the figures read it as their own.
A citizen may be on only one trip a day, counting the trips already in rfk-trips.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlmodel import Session, col

from rfk_trips.exchange.history_fields import ATTENDANCE_FIELDS
from rfk_trips.exchange.history_index import HistoryIndex, KnownTrip, participant_days
from rfk_trips.exchange.history_rows import (
    Cells,
    HistoryFile,
    RowContext,
)
from rfk_trips.exchange.import_reading import RowErrors
from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.registers.record_fields import code_parser
from rfk_trips.rules.danish_dates import format_date, parse_date
from rfk_trips.rules.errors import UserError
from rfk_trips.rules.fields import parse_optional_int
from rfk_trips.trips.check_in import shown_reasons
from storage.codes import Attendance, ParticipantRole, TripStatus
from storage.models import CheckinEvent, Participation
from storage.sessions import id_chunks


@dataclass(frozen=True)
class PlannedAttendance:
    line: int
    trip: KnownTrip
    citizen_id: int
    status: Attendance
    reason: str | None  # None: the file has no begrundelse column
    role: ParticipantRole | None  # None: the file has no rolle column


class AttendanceRows:
    def __init__(self, session: Session, index: HistoryIndex, context: RowContext) -> None:
        self.session = session
        self.index = index
        self.context = context
        self.planned: list[PlannedAttendance] = []
        self.first_line: dict[tuple[int, int], int] = {}
        # Each citizen's trips, as a participant, by day: those stored, then the file's.
        self.on_day: dict[tuple[int, date], set[int]] = {}
        for citizen_id, trip_id, day in participant_days(session, cancelled=False):
            self.on_day.setdefault((citizen_id, day), set()).add(trip_id)

    def check(self, line: int, cells: Mapping[str, str]) -> None:
        row = Cells(cells, self.context)
        trip = self._trip(row)
        citizen_id = None
        try:
            citizen_id = self.index.find_citizen(row.text("citizen"), row.text("phone"))
        except UserError as exc:
            row.problem("citizen", exc.message)
        status = row.need("status", code_parser(Attendance, "status"))
        if status == Attendance.PENDING:
            row.problem("status", t("history.attendance_pending"))
        role = (
            row.take("role", code_parser(ParticipantRole, "rolle")) if row.given("role") else None
        )
        reason = row.free_text("reason") if row.given("reason") else None
        row.done()
        assert trip is not None and citizen_id is not None and status is not None
        pair = (trip.id, citizen_id)
        if pair in self.first_line:
            row.problem("citizen", t("history.same_attendance", line=self.first_line[pair]))
            row.done()
        if (role or ParticipantRole.PARTICIPANT) == ParticipantRole.PARTICIPANT:
            others = self.on_day.setdefault((citizen_id, trip.day), set()) - {trip.id}
            if others:
                other = self.index.trips_by_id[min(others)]
                row.problem(
                    "citizen",
                    t(
                        "history.twice_on_day",
                        name=self.index.citizen_names.get(citizen_id, row.text("citizen")),
                        date=format_date(trip.day),
                        title=other.title,
                    ),
                )
                row.done()
            self.on_day[(citizen_id, trip.day)].add(trip.id)
        self.first_line[pair] = line
        self.planned.append(PlannedAttendance(line, trip, citizen_id, status, reason, role))

    def _trip(self, row: Cells) -> KnownTrip | None:
        trip: KnownTrip | None = None
        try:
            if row.text("date") or row.text("title"):
                day = row.need("date", lambda s: parse_date(s, self.context.today))
                title = row.need("title", str)
                if day is None or title is None:
                    return None
                trip = self.index.find_trip(day, title)
            elif row.text("trip_id"):
                trip_id = parse_optional_int(row.text("trip_id"), "tur_id", positive=True)
                trip = self.index.find_trip_id(trip_id or 0)
            else:
                row.problem("date", t("history.trip_needed"))
                return None
        except UserError as exc:
            row.problem("title" if row.text("title") else "trip_id", exc.message)
            return None
        if trip.status != TripStatus.COMPLETED:
            row.problem(
                "title",
                t(
                    "history.attendance_not_completed",
                    title=trip.title,
                    status=label(trip.status).lower(),
                ),
            )
            return None
        return trip

    # --- writing ---

    def write(self, errors: RowErrors) -> None:
        report = self.context.report
        trip_ids = sorted({plan.trip.id for plan in self.planned})
        stored = {
            (p.trip_id, p.citizen_id): p
            for chunk in id_chunks(trip_ids)
            for p in self.session.scalars(
                select(Participation).where(col(Participation.trip_id).in_(chunk))
            )
        }
        reasons = shown_reasons(self.session, trip_ids)
        written = self.context.writing(len(self.planned))
        for done, plan in enumerate(self.planned):
            if written.due(done):
                self.session.flush()
                written.wrote(done)
            pair = (plan.trip.id, plan.citizen_id)
            participation = stored.get(pair)
            reason = plan.reason if plan.reason is not None else reasons.get(pair, "")
            if participation is None:
                participation = Participation(
                    trip_id=plan.trip.id,
                    citizen_id=plan.citizen_id,
                    role=plan.role or ParticipantRole.PARTICIPANT,
                    attendance=plan.status,
                )
                self.session.add(participation)
                self._event(plan, reason)
                report.created += 1
                continue
            role = plan.role or participation.role
            same = (
                participation.attendance == plan.status
                and participation.role == role
                and reasons.get(pair, "") == reason
            )
            if same:
                report.unchanged += 1
                continue
            participation.attendance = plan.status
            participation.role = role
            self.session.add(participation)
            self._event(plan, reason)
            report.updated += 1
        self.session.flush()
        written.wrote(len(self.planned))

    def _event(self, plan: PlannedAttendance, reason: str) -> None:
        self.session.add(
            CheckinEvent(
                trip_id=plan.trip.id,
                citizen_id=plan.citizen_id,
                leg=0,
                status=plan.status,
                reason=reason,
            )
        )


ATTENDANCE_FILE = HistoryFile(ATTENDANCE_FIELDS, AttendanceRows, frozenset({"citizens", "trips"}))
