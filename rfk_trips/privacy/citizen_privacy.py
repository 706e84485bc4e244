"""A citizen's rights over their data: erasure (GDPR art. 17) and the anonymisation behind it.

Erasing keeps the citizen's row and every fact the figures of `rfk-trips stats` count
(participations, attendance, outcome kinds, dates and hours), so a job centre's results do
not change when a person asks to be forgotten; what goes is everything that says who the
person is and every free text staff wrote about them. The access report (art. 15) is in
`rfk_trips.privacy.access_report`.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.danish_dates import danish_moment, format_date
from rfk_trips.rules.errors import NotFoundError, UserError
from storage.audit import record_readout
from storage.codes import TripStatus
from storage.models import (
    CheckinEvent,
    Citizen,
    Company,
    FindingAcknowledgement,
    FollowUp,
    LearningCase,
    Outcome,
    Participation,
    Trip,
    Visit,
    utc_now,
)
from storage.sessions import session_scope

# Stored, not shown through `t()`: the database is Danish whatever language a user reads.
ERASED_NAME = "Slettet borger {id}"
ERASED_REASON = "(slettet: borgeren er anonymiseret)"

# Kept on purpose, because the figures or the rules of old trips need them:
# - birth_year and gender: the age-band and gender breakdowns of `stats` (R36);
# - benefit_group and its history (benefit_period: a group and two dates, no free text, so
#   nothing in it is blanked): the benefit-group breakdown of `stats` and the evaluation's
#   benefit on a date;
# - municipality_id: which job centre the case belongs to (the quota of trips per citizen);
# - cohort: a group's name (»Springbrættet 2026 uge 48«), not the person's; the
#   one-cohort rule (R14) on the trips they were on would otherwise change its findings
#   and lose the acknowledgements staff gave;
# - attendance_duty: a yes/no the referral gate (R16) of those trips was checked against.
# Age band, gender, benefit and cohort together could point to a person in a small group,
# which is why `stats --suppress-small` hides cells under five.
# The records that hold free text about one citizen, each with its own `citizen_id`.
_CitizenText = Participation | CheckinEvent | FollowUp | Outcome | LearningCase
_BLANKED_TEXT: dict[type[_CitizenText], tuple[str, ...]] = {
    Participation: ("note",),
    CheckinEvent: ("reason",),
    FollowUp: ("note", "next_step"),
    Outcome: ("note", "aim", "end_reason"),
    LearningCase: (
        "citizen_view",
        "company_view",
        "caseworker_view",
        "consultant_view",
        "lessons",
    ),
}


# Where a text of `_BLANKED_TEXT` about another citizen is found: the record it belongs to
# (a trip for a participant's note or a check-in reason), and the field as staff know it.
_PLACE_OF: dict[type[Any], tuple[str, str]] = {
    Participation: ("trip", "trip_id"),
    CheckinEvent: ("trip", "trip_id"),
    FollowUp: ("follow_up", "id"),
    Outcome: ("outcome", "id"),
    LearningCase: ("learning_case", "id"),
}
_FIELD_LABEL: dict[tuple[type[Any], str], str] = {
    (Participation, "note"): "participant_note",
    (CheckinEvent, "reason"): "checkin_reason",
    **{(LearningCase, name): "learning_case" for name in _BLANKED_TEXT[LearningCase]},
}


def get_citizen(session: Session, citizen_id: int) -> Citizen:
    citizen = session.get(Citizen, citizen_id)
    if citizen is None:
        raise NotFoundError(t("error.not_found", what=t("what.citizen"), id=citizen_id))
    return citizen


def anonymise(session: Session, citizen: Citizen, at: datetime) -> None:
    """Replace everything personal about `citizen` in this session; the caller commits.

    Changes go through the ORM so the audit log records each changed field by name.
    """
    citizen_id = citizen.id
    assert citizen_id is not None
    citizen.name = ERASED_NAME.format(id=citizen_id)
    citizen.phone = ""
    citizen.job_goals = []
    citizen.referral_date = None
    citizen.accommodation_needs = ""
    citizen.caseworker_id = None
    # Archived keeps them out of every list staff plan from; trips refuse them as well.
    citizen.archived = True
    citizen.anonymised_at = at
    citizen.updated_at = at
    session.add(citizen)
    for model, fields in _BLANKED_TEXT.items():
        rows = session.scalars(select(model).where(col(model.citizen_id) == citizen_id))
        for row in rows:
            for name in fields:
                if getattr(row, name):
                    setattr(row, name, "")
            session.add(row)
    # A reason given for accepting a warning about this person may describe them.
    for ack in session.scalars(
        select(FindingAcknowledgement).where(
            col(FindingAcknowledgement.subject) == f"citizen:{citizen_id}"
        )
    ):
        ack.reason = ERASED_REASON
        session.add(ack)


def upcoming_trips(session: Session, citizen_id: int, today: date) -> list[int]:
    """Trips from today on, not yet completed or cancelled, that the citizen is booked on."""
    return list(
        session.scalars(
            select(col(Trip.id))
            .join(Participation, col(Participation.trip_id) == col(Trip.id))
            .where(
                col(Participation.citizen_id) == citizen_id,
                col(Trip.trip_date) >= today,
                col(Trip.status).not_in((TripStatus.COMPLETED, TripStatus.CANCELLED)),
            )
            .order_by(col(Trip.trip_date), col(Trip.id))
        )
    )


def _check_erasable(session: Session, citizen: Citizen, today: date) -> None:
    if citizen.anonymised_at is not None:
        raise UserError(
            t(
                "privacy.already_erased",
                id=citizen.id,
                date=format_date(danish_moment(citizen.anonymised_at).date()),
            )
        )
    trips = upcoming_trips(session, citizen.id or 0, today)
    if trips:
        raise UserError(
            t(
                "privacy.on_upcoming_trip",
                id=citizen.id,
                trips=", ".join(str(trip_id) for trip_id in trips),
                first=trips[0],
            )
        )


@dataclass(frozen=True)
class Mention:
    """The citizen's name in a free text that is not about them alone, so erasing keeps it:
    `place` and `field` are message keys (`privacy.place.*`, `privacy.field.*`)."""

    place: str
    record_id: int
    field: str

    def describe(self) -> str:
        return t(f"privacy.place.{self.place}", id=self.record_id) + (
            f" ({t(f'privacy.field.{self.field}')})"
        )


@dataclass(frozen=True)
class ErasePreview:
    id: int
    name: str
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Erasure:
    at: datetime
    mentions: tuple[Mention, ...] = ()


def _texts(session: Session, citizen_id: int) -> Iterator[tuple[str, int, str, str]]:
    """(place, record, field, text) of every free text staff write that may name anyone."""

    def rows(statement: Any) -> Iterable[Any]:
        return session.execute(statement).all()

    for trip_id, title, notes, catering, programme in rows(
        select(
            col(Trip.id),
            col(Trip.title),
            col(Trip.notes),
            col(Trip.catering_notes),
            col(Trip.programme),
        )
    ):
        yield "trip", trip_id, "title", title
        yield "trip", trip_id, "notes", notes
        yield "trip", trip_id, "catering", catering
        for item in programme or ():
            yield "trip", trip_id, "programme", str(item.get("text", ""))
    for company_id, notes in rows(select(col(Company.id), col(Company.notes))):
        yield "company", company_id, "notes", notes
    for trip_id, showing in rows(select(col(Visit.trip_id), col(Visit.showing))):
        yield "trip", trip_id, "showing", showing
    # What was written about someone else may still mention this citizen: the same texts
    # that erasing blanks for the citizen's own records.
    for model, fields in _BLANKED_TEXT.items():
        place, id_name = _PLACE_OF[model]
        columns = [getattr(model, id_name), *(getattr(model, name) for name in fields)]
        for record_id, *texts in rows(select(*columns).where(col(model.citizen_id) != citizen_id)):
            for name, text in zip(fields, texts, strict=True):
                yield place, record_id, _FIELD_LABEL.get((model, name), name), text
    for trip_id, reason in rows(
        select(col(FindingAcknowledgement.trip_id), col(FindingAcknowledgement.reason)).where(
            col(FindingAcknowledgement.subject) != f"citizen:{citizen_id}"
        )
    ):
        yield "trip", trip_id, "acknowledgement", reason


def name_mentions(session: Session, citizen: Citizen) -> tuple[Mention, ...]:
    """Where the citizen's full name stands in free texts that erasing does not blank.

    Erasing cannot tell which words of a trip's notes are about the person; staff can, so
    they are told where to look. The whole name, in any case, as a word of its own.
    """
    name = " ".join(citizen.name.split())
    if len(name) < 3:
        return ()
    pattern = re.compile(
        r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)", re.IGNORECASE
    )
    found: dict[Mention, None] = {}
    for place, record_id, field, text in _texts(session, citizen.id or 0):
        if text and pattern.search(text):
            found.setdefault(Mention(place, record_id, field))
    return tuple(found)


def preview_erasure(engine: Engine, citizen_id: int, *, today: date) -> ErasePreview:
    """Who would be erased, for the question asked first; refuses what erasing would refuse."""
    with session_scope(engine) as session:
        citizen = get_citizen(session, citizen_id)
        _check_erasable(session, citizen, today)
        return ErasePreview(citizen_id, citizen.name, name_mentions(session, citizen))


def erase_citizen(engine: Engine, citizen_id: int, *, today: date) -> Erasure:
    """Anonymise one citizen on request (GDPR art. 17), logged: when, and where the name
    still stands in free texts that are not the citizen's own."""
    with session_scope(engine) as session:
        citizen = get_citizen(session, citizen_id)
        _check_erasable(session, citizen, today)
        mentions = name_mentions(session, citizen)
        at = utc_now()
        anonymise(session, citizen, at)
        record_readout(session, "erase", "citizen", entity_id=citizen_id, citizen_ids=[citizen_id])
    return Erasure(at, mentions)
