"""Moving a trip's programme as a whole, so that it starts at the meeting time again.

The programme is copied from the format and keeps its own times: a meeting moved from 08:30
to 09:15 leaves every item of the printed day 45 minutes early (the rule
`programme_times` says so). Moving the items one by one is the chore this saves.
"""

from collections.abc import Mapping, Sequence
from datetime import datetime, time, timedelta

from rfk_trips.danish_dates import format_time, parse_time
from rfk_trips.errors import UserError
from rfk_trips.i18n import t
from storage.codes import ProgrammeKind

_DAY = datetime(2000, 1, 1)  # any date: the programme's times are of one day


def _at(item: Mapping[str, str]) -> time | None:
    text = item.get("time", "").strip()
    return parse_time(text) if text else None


def _anchor(items: Sequence[Mapping[str, str]]) -> time | None:
    """The time the programme starts by: its meeting item's, else its first time."""
    timed = [(item, at) for item in items if (at := _at(item)) is not None]
    for item, at in timed:
        if item.get("kind") == ProgrammeKind.MEETING.value:
            return at
    return timed[0][1] if timed else None


def minutes_off(items: Sequence[Mapping[str, str]], meeting: time) -> int:
    """How many minutes the programme must move to start at `meeting` (0: it does)."""
    anchor = _anchor(items)
    if anchor is None:
        return 0
    apart = datetime.combine(_DAY, meeting) - datetime.combine(_DAY, anchor)
    return int(apart.total_seconds()) // 60


def moved_to_meeting(items: Sequence[Mapping[str, str]], meeting: time) -> list[dict[str, str]]:
    """The items with every time moved by the same amount, the meeting item at `meeting`.

    Items without a time (the participants' own agenda, say) stay as they are; the order is
    kept. Refused, in Danish, when there is no time to move or a time would leave the day.
    """
    if _anchor(items) is None:
        raise UserError(t("programme.shift_no_times"))
    shift = timedelta(minutes=minutes_off(items, meeting))
    moved: list[dict[str, str]] = []
    for item in items:
        at = _at(item)
        if at is None:
            moved.append(dict(item))
            continue
        new = datetime.combine(_DAY, at) + shift
        if new.date() != _DAY.date():
            raise UserError(
                t("programme.shift_past_midnight", text=item.get("text", ""), at=format_time(at))
            )
        moved.append(dict(item) | {"time": new.strftime("%H:%M")})
    return moved
