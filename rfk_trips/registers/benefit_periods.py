"""A citizen's benefit group over time: the one place that changes it.

`Citizen.benefit_group` is the benefit today, which the lists and filters read; the
`benefit_period` rows are its history, which the evaluation's figures read (benefit on a date,
DOMAIN.md §5). Both are changed here only, in the caller's session (so in the transaction that
saves the citizen, and through the ORM, so the audit log records each period like any change):
the open period's group is always the citizen's.
"""

from datetime import date, timedelta

from sqlalchemy import select
from sqlmodel import Session, col

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.rules.danish_dates import format_date
from rfk_trips.rules.errors import UserError
from storage.codes import BenefitGroup
from storage.models import Citizen, CitizenBenefitPeriod

BENEFIT_SINCE = "benefit_since"  # the form's and the parser's key of the change's date
# Where a history starts when nothing says when the benefit began: the project's start, as
# the migration that gave every citizen already there their period (0016) has it.
EARLIEST = date(2018, 8, 1)


def periods_of(session: Session, citizen_id: int) -> list[CitizenBenefitPeriod]:
    """The citizen's periods, oldest first."""
    return list(
        session.scalars(
            select(CitizenBenefitPeriod)
            .where(col(CitizenBenefitPeriod.citizen_id) == citizen_id)
            .order_by(col(CitizenBenefitPeriod.since), col(CitizenBenefitPeriod.id))
        )
    )


def start_history(session: Session, citizen: Citizen, since: date | None, *, today: date) -> None:
    """The first, open period of a citizen just added (flushed: it has its number).

    Without a date it starts on the referral date, from which the project counts the citizen
    (not after today: a referral planned ahead), else today.
    """
    assert citizen.id is not None
    start = since or min(citizen.referral_date or today, today)
    session.add(
        CitizenBenefitPeriod(
            citizen_id=citizen.id, benefit_group=citizen.benefit_group, since=start
        )
    )


def change_benefit(
    session: Session, citizen: Citizen, group: BenefitGroup, since: date | None, *, today: date
) -> bool:
    """Give a stored citizen the benefit `group` from `since` (today when not given).

    The open period ends the day before and a new one opens. A change on the open period's
    own first day corrects that period instead. Nothing happens when the group is unchanged
    (then `since` says nothing); a change dated before the open period began is refused with
    a Danish sentence, as a field error of `benefit_since`. Whether anything changed.
    """
    if group == citizen.benefit_group:
        return False
    assert citizen.id is not None
    day = since or today
    periods = periods_of(session, citizen.id)
    current = next((p for p in periods if p.until is None), None)
    if current is None:
        _start_unrecorded_history(session, citizen, periods, group, day)
    elif day < current.since:
        message = t(
            "field.benefit_since_before",
            date=format_date(day),
            benefit=label(current.benefit_group),
            since=format_date(current.since),
        )
        raise UserError(message, [message], {BENEFIT_SINCE: message})
    elif day == current.since:
        _correct(session, current, group, periods)
    else:
        current.until = day - timedelta(days=1)
        session.add(current)
        session.add(CitizenBenefitPeriod(citizen_id=citizen.id, benefit_group=group, since=day))
    citizen.benefit_group = group
    session.add(citizen)
    return True


def _correct(
    session: Session,
    current: CitizenBenefitPeriod,
    group: BenefitGroup,
    periods: list[CitizenBenefitPeriod],
) -> None:
    """The open period held the wrong group from its first day: change it, or, when it only
    undoes the change that opened it, reopen the period before it."""
    before = next(
        (p for p in periods if p.until == current.since - timedelta(days=1)),
        None,
    )
    if before is not None and before.benefit_group == group:
        session.delete(current)
        before.until = None
        session.add(before)
        return
    current.benefit_group = group
    session.add(current)


def _start_unrecorded_history(
    session: Session,
    citizen: Citizen,
    periods: list[CitizenBenefitPeriod],
    group: BenefitGroup,
    day: date,
) -> None:
    """A citizen written without the register (no open period): the old group up to the day
    before, from where the migration would have started it, then the new one from `day`."""
    assert citizen.id is not None
    last_end = max((p.until for p in periods if p.until is not None), default=None)
    if last_end is not None and day <= last_end:
        message = t(
            "field.benefit_since_before",
            date=format_date(day),
            benefit=label(citizen.benefit_group),
            since=format_date(last_end + timedelta(days=1)),
        )
        raise UserError(message, [message], {BENEFIT_SINCE: message})
    if last_end is not None:
        start = last_end + timedelta(days=1)
    else:
        start = citizen.referral_date or EARLIEST
        if start >= day:  # a referral on or after the change: the old group held before it
            start = EARLIEST
    if start < day:
        session.add(
            CitizenBenefitPeriod(
                citizen_id=citizen.id,
                benefit_group=citizen.benefit_group,
                since=start,
                until=day - timedelta(days=1),
            )
        )
    session.add(CitizenBenefitPeriod(citizen_id=citizen.id, benefit_group=group, since=day))
