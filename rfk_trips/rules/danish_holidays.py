"""Danish public holidays, computed from the date of Easter.

The `holidays` package gives the same official days (a test holds the two together), but
importing it costs about 150 ms, which start-up cannot afford; the rule is short enough to
keep here. Store bededag was abolished from 2024. Grundlovsdag, juleaftensdag and
nytårsaftensdag are not public holidays, but job centres close or half-close on them, so a
bus trip there deserves the same warning.
"""

from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter

STORE_BEDEDAG_ABOLISHED = 2024


@lru_cache(maxsize=64)
def official_holidays(year: int) -> dict[date, str]:
    """The public holidays (helligdage) of `year` with their Danish names."""
    sunday = easter(year)
    days = {
        date(year, 1, 1): "Nytårsdag",
        sunday - timedelta(days=3): "Skærtorsdag",
        sunday - timedelta(days=2): "Langfredag",
        sunday: "Påskedag",
        sunday + timedelta(days=1): "Anden påskedag",
        sunday + timedelta(days=39): "Kristi himmelfartsdag",
        sunday + timedelta(days=49): "Pinsedag",
        sunday + timedelta(days=50): "Anden pinsedag",
        date(year, 12, 25): "Juledag",
        date(year, 12, 26): "Anden juledag",
    }
    if year < STORE_BEDEDAG_ABOLISHED:
        days[sunday + timedelta(days=26)] = "Store bededag"
    return days


def closing_days(year: int) -> dict[date, str]:
    """Days that are not holidays by law, but on which job centres are usually closed."""
    return {
        date(year, 6, 5): "Grundlovsdag",
        date(year, 12, 24): "Juleaftensdag",
        date(year, 12, 31): "Nytårsaftensdag",
    }


def holiday_name(value: date) -> str | None:
    """The name of the holiday or closing day on `value`, or None."""
    return official_holidays(value.year).get(value) or closing_days(value.year).get(value)
