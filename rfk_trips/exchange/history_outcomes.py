"""The outcomes file of a history import: what came of the trips for each citizen.

A row is one outcome (praktik, løntilskud, lønnede timer, …), matched on citizen + kind +
start date (+ company, when the file has the column: two placements may start on one day at
two companies), and linked to the trip that led to it (`tur`: its date and title, its date alone
when the citizen was on one trip that day, or its number), so that `stats` and the evaluation
tables count the past as the present. The outcome rules about data hold as when one is
recorded by hand: the citizen was on that trip, the outcome starts on the trip's day or later,
dates in order, hours plausible. A placement's agreed aim is not asked of history (the old
spreadsheets seldom kept it); its review date is 13 weeks after its start unless the file says.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from rfk_trips.after_trip.follow_up_desk import parse_hours
from rfk_trips.after_trip.outcomes import NewOutcome, check_new_outcome, default_review_date
from rfk_trips.exchange.history_fields import OUTCOME_FIELDS, TripRef, company_ref, trip_ref
from rfk_trips.exchange.history_index import HistoryIndex, participant_days
from rfk_trips.exchange.history_rows import (
    Cells,
    HistoryFile,
    RowContext,
)
from rfk_trips.exchange.import_reading import RowErrors
from rfk_trips.i18n.catalogue import t
from rfk_trips.registers.record_fields import code_parser
from rfk_trips.rules.danish_dates import format_date, parse_date
from rfk_trips.rules.errors import UserError
from rfk_trips.rules.fields import parse_bool, parse_optional_int
from storage.codes import OutcomeKind
from storage.models import Outcome
from storage.sessions import id_chunks

# The outcome rules' field → the column of this file that holds it.
_RULE_FIELDS = {"end": "end", "hours": "hours", "review": "review"}


@dataclass(frozen=True)
class PlannedOutcome:
    line: int
    citizen_id: int
    kind: OutcomeKind
    start: date
    values: dict[str, Any]  # attribute → value, for the columns the file has


class OutcomeRows:
    def __init__(self, session: Session, index: HistoryIndex, context: RowContext) -> None:
        self.session = session
        self.index = index
        self.context = context
        self.planned: list[PlannedOutcome] = []
        self.first_line: dict[tuple[int, OutcomeKind, date, int | None], int] = {}
        # The trips each citizen was on as a participant, by day (an outcome's trip).
        self.trips_of: dict[int, dict[date, list[int]]] = {}
        # As by hand (after_trip.outcomes.add_outcome), a cancelled trip's group counts too.
        for citizen_id, trip_id, day in participant_days(session, cancelled=True):
            self.trips_of.setdefault(citizen_id, {}).setdefault(day, []).append(trip_id)

    def check(self, line: int, cells: Mapping[str, str]) -> None:
        row = Cells(cells, self.context)
        today = self.context.today
        citizen_id = None
        try:
            citizen_id = self.index.find_citizen(row.text("citizen"), row.text("phone"))
        except UserError as exc:
            row.problem("citizen", exc.message)
        kind = row.need("kind", code_parser(OutcomeKind, "resultat"))
        start = row.need("start", lambda s: parse_date(s, today))
        values: dict[str, Any] = {}
        if row.given("end"):
            values["end_date"] = row.take("end", lambda s: parse_date(s, today))
        if row.given("company"):
            values["company_id"] = row.take("company", self._company)
        if row.given("hours"):
            values["hours_per_week"] = row.take("hours", parse_hours)
        if row.given("trip") or row.given("trip_id"):
            values["trip_id"] = self._trip(row, citizen_id, start)
        for key, attribute in (("aim", "aim"), ("end_reason", "end_reason"), ("notes", "note")):
            if row.given(key):
                values[attribute] = row.free_text(key)
        if row.given("review"):
            values["review_date"] = row.take("review", lambda s: parse_date(s, today))
        if row.given("ended_early"):
            values["ended_early"] = bool(row.take("ended_early", lambda s: parse_bool(s, "ja/nej")))
        if kind is not None and start is not None:
            self._rules(row, kind, start, values)
        row.done()
        assert citizen_id is not None and kind is not None and start is not None
        # Two placements may start on one day at two companies: the company tells them apart.
        identity = (citizen_id, kind, start, values.get("company_id"))
        if identity in self.first_line:
            row.problem("start", t("history.same_outcome", line=self.first_line[identity]))
            row.done()
        self.first_line[identity] = line
        self.planned.append(PlannedOutcome(line, citizen_id, kind, start, values))

    def _company(self, text: str) -> int:
        return self.index.find_company(company_ref(text))

    def _trip(self, row: Cells, citizen_id: int | None, start: date | None) -> int | None:
        """The trip that led to the outcome: `tur`, or `tur_id` when `tur` is blank."""
        key = "trip" if row.text("trip") or not row.text("trip_id") else "trip_id"
        if not row.text(key):
            return None
        try:
            if key == "trip":
                ref = trip_ref(row.text("trip"), self.context.today)
            else:
                number = parse_optional_int(row.text("trip_id"), "tur_id", positive=True)
                ref = TripRef(row.text("trip_id"), trip_id=number)
            if citizen_id is None:
                return None
            theirs = self.trips_of.get(citizen_id, {})
            trip = self.index.find_trip_ref(ref, theirs)
        except UserError as exc:
            row.problem(key, exc.message)
            return None
        if trip.id not in theirs.get(trip.day, []):
            name = self.index.citizen_names.get(citizen_id, row.text("citizen"))
            row.problem(key, t("history.not_on_trip", name=name, title=trip.title))
        elif start is not None and start < trip.day:
            row.problem("start", t("history.before_trip", date=format_date(trip.day)))
        return trip.id

    def _rules(self, row: Cells, kind: OutcomeKind, start: date, values: dict[str, Any]) -> None:
        """The outcome rules of a hand-recorded outcome, but the placement's aim."""
        problems = check_new_outcome(
            NewOutcome(
                citizen_id=0,
                kind=kind,
                start=start,
                end=values.get("end_date"),
                hours_per_week=values.get("hours_per_week"),
                review_date=values.get("review_date"),
            ),
            aim_required=False,  # see the module's docstring
        )
        for rule_field, message in problems.items():
            row.problem(_RULE_FIELDS.get(rule_field, "start"), message)

    # --- writing ---

    def write(self, errors: RowErrors) -> None:
        report = self.context.report
        citizen_ids = sorted({plan.citizen_id for plan in self.planned})
        stored: dict[tuple[int, OutcomeKind, date], list[Outcome]] = {}
        for chunk in id_chunks(citizen_ids):
            for o in self.session.scalars(
                select(Outcome).where(col(Outcome.citizen_id).in_(chunk)).order_by(col(Outcome.id))
            ):
                stored.setdefault((o.citizen_id, o.kind, o.start_date), []).append(o)
        written = self.context.writing(len(self.planned))
        for done, plan in enumerate(self.planned):
            if written.due(done):
                self.session.flush()
                written.wrote(done)
            same = stored.get((plan.citizen_id, plan.kind, plan.start), [])
            if "company_id" in plan.values:
                same = [o for o in same if o.company_id == plan.values["company_id"]]
            if len(same) > 1:  # stored alike, and the row cannot say which it means
                errors.add(plan.line, [t("history.outcome_ambiguous", count=len(same))])
                continue
            existing = same[0] if same else None
            if existing is None:
                values = dict(plan.values)
                if values.get("review_date") is None:
                    values["review_date"] = default_review_date(plan.kind, plan.start)
                self.session.add(
                    Outcome(
                        citizen_id=plan.citizen_id,
                        kind=plan.kind,
                        start_date=plan.start,
                        **values,
                    )
                )
                report.created += 1
                continue
            values = dict(plan.values)
            if "review_date" in values and values["review_date"] is None:
                values["review_date"] = default_review_date(plan.kind, plan.start)
            changed = {k: v for k, v in values.items() if getattr(existing, k) != v}
            if not changed:
                report.unchanged += 1
                continue
            for attribute, value in changed.items():
                setattr(existing, attribute, value)
            self.session.add(existing)
            report.updated += 1
        self.session.flush()
        written.wrote(len(self.planned))


OUTCOMES_FILE = HistoryFile(
    OUTCOME_FIELDS, OutcomeRows, frozenset({"citizens", "companies", "trips"})
)
