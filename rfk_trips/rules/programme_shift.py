"""Moving a trip's programme as a whole, so that it starts at the meeting time again.

The programme is copied from the format and keeps its own times: a meeting moved from 08:30
to 09:15 leaves every item of the printed day 45 minutes early (the rule
`programme_times` says so). Moving the items one by one is the chore this saves.
"""

from dataclasses import replace
from datetime import datetime, time
from typing import NamedTuple

from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.danish_dates import format_time, parse_time
from rfk_trips.rules.errors import UserError
from rfk_trips.rules.formats import ProgrammeItem
from storage.codes import ProgrammeKind

_DAY = datetime(2000, 1, 1)  # any date: the programme's times are of one day


class Moved(NamedTuple):
    items: tuple[ProgrammeItem, ...]
    minutes: int  # how far every time moved; later when positive, 0 when already in place


def _at(item: ProgrammeItem) -> time | None:
    text = item.time.strip()
    return parse_time(text) if text else None


def moved_to_meeting(items: tuple[ProgrammeItem, ...], meeting: time) -> Moved:
    """The items with every time moved by the same amount, the meeting item at `meeting`.

    The programme starts by its meeting item's time, else by its first time. Items without
    a time (the participants' own agenda, say) stay as they are; the order is kept.
    Refused, in Danish, when there is no time to move or a time would leave the day.
    """
    times = [_at(item) for item in items]
    timed = [(item, at) for item, at in zip(items, times, strict=True) if at is not None]
    if not timed:
        raise UserError(t("programme.shift_no_times"))
    meetings = [at for item, at in timed if item.kind == ProgrammeKind.MEETING]
    start = meetings[0] if meetings else timed[0][1]
    shift = datetime.combine(_DAY, meeting) - datetime.combine(_DAY, start)
    moved: list[ProgrammeItem] = []
    for item, at in zip(items, times, strict=True):
        if at is None:
            moved.append(item)
            continue
        new = datetime.combine(_DAY, at) + shift
        if new.date() != _DAY.date():
            raise UserError(t("programme.shift_past_midnight", text=item.text, at=format_time(at)))
        moved.append(replace(item, time=new.strftime("%H:%M")))
    return Moved(tuple(moved), int(shift.total_seconds()) // 60)
