"""The participants' own agenda (R10): an open slot in the programme, theirs to fill on the day.

The slot is part of the format (Guldborgsund's "Deltagernes dagsorden"): a trip of a format
that has it keeps it, and its text stays the slot's name, so nobody fills it in for the
participants beforehand. What they raise is noted on the day, at check-in (`Trip.agenda_notes`).
"""

from collections.abc import Iterable

from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.formats import ProgrammeItem
from storage.codes import ProgrammeKind


def _slot_texts(items: Iterable[ProgrammeItem]) -> set[str]:
    return {item.text.strip() for item in items if item.kind is ProgrammeKind.OPEN_AGENDA}


def open_agenda_refusal(
    format_programme: Iterable[ProgrammeItem],
    before: Iterable[ProgrammeItem],
    after: Iterable[ProgrammeItem],
) -> str | None:
    """Why the programme `after` may not replace `before`, or None when it may.

    Refused: removing the last open slot of a trip whose format has one, and an open slot
    whose text is not a name the slot already had (the format's or the trip's).
    """
    names = _slot_texts(format_programme) | _slot_texts(before)
    kept = [item for item in after if item.kind is ProgrammeKind.OPEN_AGENDA]
    if _slot_texts(format_programme) and not kept:
        return t("programme.open_agenda_required")
    for item in kept:
        if names and item.text.strip() not in names:
            return t("programme.open_agenda_not_before", name=sorted(names)[0])
    return None
