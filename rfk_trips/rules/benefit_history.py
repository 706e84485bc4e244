"""A citizen's benefit over time: which benefit group they were in on a given day.

The evaluation's on-date table (DOMAIN.md §5, seed 003 Table 6.11) splits those without paid
hours by the benefit they had on that date, and its "ever" table asks whether a citizen was
ever on fleks-/ledighedsydelse: both need the benefit's history, not only today's value.
A period runs from its first day to its last, both included; an open period (`until=None`)
runs on. Periods of one citizen do not overlap (the register closes one when it opens the next).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from storage.codes import BenefitGroup


@dataclass(frozen=True)
class BenefitPeriod:
    benefit_group: BenefitGroup
    since: date
    until: date | None = None

    def covers(self, day: date) -> bool:
        return self.since <= day and (self.until is None or day <= self.until)


def benefit_on(
    periods: Iterable[BenefitPeriod], day: date, default: BenefitGroup | None = None
) -> BenefitGroup | None:
    """The benefit group of the period covering `day`; `default` when none does.

    `default` is the citizen's benefit as the register holds it now, for a citizen whose
    history was never recorded (rows from before the history existed).
    """
    for period in periods:
        if period.covers(day):
            return period.benefit_group
    return default


def ever_had(
    periods: Iterable[BenefitPeriod],
    group: BenefitGroup,
    *,
    after: date,
    until: date,
    default: BenefitGroup | None = None,
) -> bool:
    """Whether any period of `group` overlaps the days from `after` to `until`, both included."""
    known = list(periods)
    if not known:
        return default == group
    return any(
        p.benefit_group == group and p.since <= until and (p.until is None or p.until >= after)
        for p in known
    )
