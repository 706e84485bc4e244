"""Hours per month for those in paid work: seed 003 Table 6.16's shape, from our outcomes.

Pure. `rfk_trips.rules.evaluation` calls it for the three paid-work rows of its ever table
(Table 6.10 categories 1–3: `paid_hours`, `paid_hours_with_benefit`, `flex_job`), over the
citizens that table places in each row, so the n of a row here never exceeds its count there.

The evaluation read hours per month off DREAM's monthly employment degree, "beregnet som 4,3
uger pr. måned" (003 L3808–3809, L3813–3828). We have each outcome's hours a week instead, so:

* **Which outcomes.** A citizen's credited outcomes whose `counted_kind` (the table's own
  rule: a small job or hybridpraktik is hours with benefit, or without when they had none)
  is their row's kind, with hours a week recorded. Someone in `paid_hours` may also have had
  hours with a top-up; those months belong to that other situation and are not mixed in, so
  each row says how many hours people work *in that kind of work*. Løntilskud never counts
  (categories 1–3 are "uden løntilskud").
* **Which months.** The calendar months from the citizen's first trip in the selection up to
  `until` (the end of "ever") in which at least one such outcome ran. A month with only
  outcomes of unknown hours is left out: its hours are not known.
* **A month's hours.** Each outcome running in it adds hours a week × `WEEKS_PER_MONTH`, times
  the share of the month's days it ran on, counting only the days from the first trip to
  `until`. So a job begun on the 21st of a 30-day month brings a third of a month's hours,
  as DREAM's monthly figure of what was paid would; but a month cut short by the first trip
  or by `until` is not held against the citizen (those days are simply not looked at).
  Outcomes running side by side add up (two small jobs are both worked).
* **A citizen's hours per month** is the mean over those months; **the row's** mean and
  sample standard deviation (n − 1) are taken over its citizens, each weighing the same, as
  the evaluation's n counts citizens. SD is None when n < 2; mean None when n = 0.
* **n and "uden registrerede timer".** n is the citizens of the row with a month of known
  hours; `without_hours` the rest of the row (no hours recorded, or none in the window), so
  n + without_hours is the row's count in Table 6.10.
* **≈ hours a week** is the mean / `WEEKS_PER_MONTH`, the evaluation's own conversion.

The factor is 4.3 rather than 52/12 ≈ 4.33 so that our hours per month are converted as the
evaluation's; the weekly figure is the same either way (to within rounding).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean, stdev

from rfk_trips.rules.outcome_figures import HoursRow

__all__ = [
    "WEEKS_PER_MONTH",
    "HoursRow",
    "Spell",
    "citizen_hours_per_month",
    "hours_row",
    "month_hours",
]

WEEKS_PER_MONTH = 4.3  # "beregnet som 4,3 uger pr. måned" (003 L3808–3809)


@dataclass(frozen=True)
class Spell:
    """An outcome with known hours: from `start` to `end` (None: still running)."""

    start: date
    end: date | None
    hours_per_week: float


def _months(first: date, last: date) -> Iterable[tuple[date, date]]:
    """The calendar months from `first` to `last`, each cut to that window: (from, to)."""
    day = first
    while day <= last:
        following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        yield day, min(following - timedelta(days=1), last)
        day = following


def month_hours(spells: Sequence[Spell], *, start: date, until: date) -> list[float]:
    """The hours of each month from `start` to `until` in which a spell ran (see the module)."""
    result: list[float] = []
    for low, high in _months(start, until):
        looked_at = (high - low).days + 1
        hours = 0.0
        ran = False
        for spell in spells:
            first = max(low, spell.start)
            last = high if spell.end is None else min(high, spell.end)
            if first > last:
                continue
            ran = True
            share = ((last - first).days + 1) / looked_at
            hours += spell.hours_per_week * WEEKS_PER_MONTH * share
        if ran:
            result.append(hours)
    return result


def citizen_hours_per_month(spells: Sequence[Spell], *, start: date, until: date) -> float | None:
    """One citizen's mean hours per month of known hours; None when no month has any."""
    months = month_hours(spells, start=start, until=until)
    return fmean(months) if months else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def hours_row(category: str, per_citizen: Sequence[float], without_hours: int) -> HoursRow:
    """A row from the hours per month of each citizen with known hours, and those without."""
    n = len(per_citizen)
    mean = fmean(per_citizen) if n else None
    sd = stdev(per_citizen) if n >= 2 else None
    return HoursRow(
        category=category,
        mean=_rounded(mean),
        sd=_rounded(sd),
        n=n,
        without_hours=without_hours,
        per_week=None if mean is None else _rounded(mean / WEEKS_PER_MONTH),
    )
