"""Dates and times the Danish way: reading what staff type, writing what they expect."""

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from rfk_trips.i18n.catalogue import get_language, t
from rfk_trips.rules import danish_holidays
from rfk_trips.rules.errors import UserError

_WEEKDAYS_DA = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS_DA = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# The job centres are in Denmark, whatever zone the laptop or server is set to.
DANISH_TIME = ZoneInfo("Europe/Copenhagen")

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?\.?$")


def parse_date(text: str, today: date) -> date:
    """Read `2026-12-03`, `03-12-2026`, `3/12`, `3.12.26`, `i dag` or `i morgen`.

    Day comes first in every non-ISO form. Without a year, the date is taken in the year
    of `today`. Raises UserError with a Danish sentence otherwise.
    """
    cleaned = text.strip().lower()
    if cleaned in ("i dag", "idag", "today"):
        return today
    if cleaned in ("i morgen", "imorgen", "tomorrow"):
        return date.fromordinal(today.toordinal() + 1)
    try:
        if match := _ISO.match(cleaned):
            year, month, day = (int(part) for part in match.groups())
            return date(year, month, day)
        if match := _DAY_FIRST.match(cleaned):
            day, month = int(match.group(1)), int(match.group(2))
            year_text = match.group(3)
            if year_text is None:
                year = today.year
            elif len(year_text) == 2:
                year = 2000 + int(year_text)
            else:
                year = int(year_text)
            return date(year, month, day)
    except ValueError:
        pass
    raise UserError(t("date.invalid", text=text))


def parse_optional_date(text: str, today: date, field: str) -> date | None:
    """`parse_date` of a form field that may be left empty; an error names the field."""
    if not text.strip():
        return None
    try:
        return parse_date(text, today)
    except UserError as exc:
        raise UserError(f"{field}: {exc.message}") from None


_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?$")


def parse_time(text: str) -> time:
    """Read `08:30`, `8.30`, `13` as a time of day."""
    match = _TIME.match(text.strip())
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if 0 <= hour < 24 and 0 <= minute < 60:
            return time(hour, minute)
    raise UserError(t("time.invalid", text=text))


def example_date(today: date) -> date:
    """A working day about a week after `today`: the date a date field's placeholder shows.

    A fixed example date goes stale; a weekend or a holiday would suggest planning one.
    """
    example = today + timedelta(days=7)
    while example.weekday() >= 5 or holiday_name(example) is not None:
        example += timedelta(days=1)
    return example


def format_date(value: date) -> str:
    """`03-03-2026`: the short form Danish staff write and Excel shows."""
    return value.strftime("%d-%m-%Y")


def format_date_long(value: date) -> str:
    """`tirsdag 3. marts 2026` (or `Tuesday 3 March 2026` in English)."""
    if get_language() == "en":
        weekday, month = _WEEKDAYS_EN[value.weekday()], _MONTHS_EN[value.month - 1]
        return f"{weekday} {value.day} {month} {value.year}"
    return f"{format_day_month_danish(value)} {value.year}"


def format_day_month_danish(value: date) -> str:
    """`tirsdag 3. marts`, always in Danish (an SMS to a citizen is sent in Danish)."""
    return f"{_WEEKDAYS_DA[value.weekday()]} {value.day}. {_MONTHS_DA[value.month - 1]}"


def format_time(value: time | None) -> str:
    return "" if value is None else value.strftime("%H:%M")


def holiday_name(value: date) -> str | None:
    """The name of the Danish public holiday (or usual closing day) on `value`, or None."""
    return danish_holidays.holiday_name(value)


def is_weekend(value: date) -> bool:
    return value.weekday() >= 5


def danish_moment(value: datetime) -> datetime:
    """A stored moment in Danish time. The database keeps UTC; SQLite hands it back naive."""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return aware.astimezone(DANISH_TIME)


def format_clock(value: datetime) -> str:
    """`08:31`: the Danish wall-clock time of a stored moment."""
    return danish_moment(value).strftime("%H:%M")


def format_month_short(value: date) -> str:
    """`mar 2026` (`Mar 2026` in English): a month as a chart label."""
    months = _MONTHS_EN if get_language() == "en" else _MONTHS_DA
    return f"{months[value.month - 1][:3]} {value.year}"
