"""A span of the day ends after it starts: a visit's times, a trip's meeting and return.

One comparison for every place that asks: the rule that checks a trip (`trip.visit_times`),
the services that refuse a visit's times when it is added or changed
(`trips.trip_service.add_visit`, `trips.trip_editing.update_visit`), and the forms that take
a trip's or a format's meeting and return times (`trips.trip_editing`,
`trips.format_settings`). Each says it in its own words, as before.
"""

from datetime import time

from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.danish_dates import format_time
from rfk_trips.rules.errors import UserError


def ends_before_start(start: time, end: time) -> bool:
    """The end is before the start, or at it: a span of no minutes is as wrong as a reversed
    one (a visit from 10:00 to 10:00, a return at the meeting time)."""
    return end <= start


def refuse_visit_ending_before_start(start: time, end: time) -> None:
    """Refuse a visit's times on saving, before anything is written."""
    if ends_before_start(start, end):
        raise UserError(t("trip.visit_times", start=format_time(start), end=format_time(end)))
