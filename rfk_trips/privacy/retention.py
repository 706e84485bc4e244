"""Retention (GDPR art. 5(1)(e)): citizens with no activity for N months are anonymised.

A citizen's activity is every date the job centre worked with them: the trips they were on
(booked, reserve or cancelled), their follow-ups (due, done, created), their outcomes (start,
end, review date), their learning cases, the days their benefit changed, their referral date
and the last edit of their record. An outcome without an end date is still running, so it
counts as activity today: anonymising is irreversible, and a running placement is a case
someone still follows.

The rule itself is plain functions of dates; `purge` applies it to the database in one
transaction, through the same anonymisation as an erasure on request.
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from rfk_trips.i18n.catalogue import t
from rfk_trips.privacy.citizen_privacy import anonymise
from rfk_trips.rules.errors import UserError
from storage.audit import record_readout
from storage.models import (
    Citizen,
    CitizenBenefitPeriod,
    DatabaseInfo,
    FollowUp,
    LearningCase,
    Outcome,
    Participation,
    Trip,
    utc_now,
)
from storage.sessions import session_scope

RETENTION_KEY = "retention_months"
DEFAULT_RETENTION_MONTHS = 24
# One month is the shortest a job centre could mean; twenty years is past any Danish rule.
RETENTION_RANGE = (1, 240)


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (31 March - 1 month = 28/29 February)."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def last_activity(dates: Iterable[date | None]) -> date | None:
    """The latest of the dates given (None where there is none at all)."""
    return max((d for d in dates if d is not None), default=None)


def is_inactive(last: date | None, *, today: date, months: int) -> bool:
    """No activity on or after the day `months` months before today.

    A citizen with no date at all has nothing to keep them by; in practice the record's own
    last edit is always a date, so this only matters for hand-made data.
    """
    return last is None or last < months_before(today, months)


def _as_date(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


@dataclass(frozen=True)
class InactiveCitizen:
    id: int
    name: str
    last_activity: date | None


def activity_dates(session: Session, *, today: date) -> dict[int, list[date | None]]:
    """Every activity date of every citizen not yet anonymised, by citizen id."""
    dates: dict[int, list[date | None]] = {}
    for citizen_id, updated_at, referral in session.execute(
        select(col(Citizen.id), col(Citizen.updated_at), col(Citizen.referral_date)).where(
            col(Citizen.anonymised_at).is_(None)
        )
    ):
        dates[citizen_id] = [_as_date(updated_at), referral]

    def add(citizen_id: int, *values: date | datetime | None) -> None:
        if citizen_id in dates:
            dates[citizen_id].extend(_as_date(v) for v in values)

    for citizen_id, trip_date in session.execute(
        select(col(Participation.citizen_id), col(Trip.trip_date)).join(
            Trip, col(Trip.id) == col(Participation.trip_id)
        )
    ):
        add(citizen_id, trip_date)
    for citizen_id, due, done, created in session.execute(
        select(
            col(FollowUp.citizen_id),
            col(FollowUp.due_date),
            col(FollowUp.done_at),
            col(FollowUp.created_at),
        )
    ):
        add(citizen_id, due, done, created)
    for citizen_id, start, end, review in session.execute(
        select(
            col(Outcome.citizen_id),
            col(Outcome.start_date),
            col(Outcome.end_date),
            col(Outcome.review_date),
        )
    ):
        add(citizen_id, start, end if end is not None else max(today, start), review)
    for citizen_id, written in session.execute(
        select(col(LearningCase.citizen_id), col(LearningCase.written_on))
    ):
        add(citizen_id, written)
    # The days a benefit period began or ended: a change staff recorded. An open period is
    # not activity today, unlike a running outcome: every citizen has one, for good.
    for citizen_id, since, until in session.execute(
        select(
            col(CitizenBenefitPeriod.citizen_id),
            col(CitizenBenefitPeriod.since),
            col(CitizenBenefitPeriod.until),
        )
    ):
        add(citizen_id, since, until)
    return dates


def find_inactive(session: Session, *, today: date, months: int) -> list[InactiveCitizen]:
    """The citizens the retention rule would anonymise today, by number."""
    dates = activity_dates(session, today=today)
    names: dict[int, str] = dict(
        session.execute(
            select(col(Citizen.id), col(Citizen.name)).where(col(Citizen.anonymised_at).is_(None))
        ).all()
    )
    return [
        InactiveCitizen(citizen_id, names[citizen_id], last)
        for citizen_id, found in sorted(dates.items())
        if is_inactive(last := last_activity(found), today=today, months=months)
    ]


def check_months(months: int) -> int:
    low, high = RETENTION_RANGE
    if not low <= months <= high:
        raise UserError(t("retention.bad_months", months=months, low=low, high=high))
    return months


def retention_months(engine: Engine) -> int:
    """The database's retention period; the default when none was set (or it is unreadable)."""
    with session_scope(engine) as session:
        info = session.get(DatabaseInfo, RETENTION_KEY)
    try:
        return check_months(int(info.value)) if info is not None else DEFAULT_RETENTION_MONTHS
    except (ValueError, UserError):
        return DEFAULT_RETENTION_MONTHS


def set_retention_months(engine: Engine, months: int) -> None:
    """Store the retention period for everyone using this database, and log the change."""
    check_months(months)
    with session_scope(engine) as session:
        info = session.get(DatabaseInfo, RETENTION_KEY)
        if info is None:
            info = DatabaseInfo(key=RETENTION_KEY, value=str(months))
        info.value = str(months)
        session.add(info)
        # database_info is not audited field by field; a data protection officer wants this.
        record_readout(session, "setting", RETENTION_KEY, detail=str(months))


@dataclass(frozen=True)
class PurgeResult:
    months: int
    cutoff: date
    citizens: tuple[InactiveCitizen, ...]
    dry_run: bool


def purge_inactive(engine: Engine, *, months: int, today: date, dry_run: bool) -> PurgeResult:
    """Anonymise every citizen inactive for `months` months, all in one transaction."""
    check_months(months)
    with session_scope(engine) as session:
        found = find_inactive(session, today=today, months=months)
        if not dry_run and found:
            at = utc_now()
            for row in found:
                citizen = session.get(Citizen, row.id)
                assert citizen is not None  # found in this very transaction
                anonymise(session, citizen, at)
            record_readout(
                session,
                "purge",
                "citizen",
                detail=f"{len(found)} borgere; {months} mdr.",
                citizen_ids=[row.id for row in found],
            )
    return PurgeResult(months, months_before(today, months), tuple(found), dry_run)
