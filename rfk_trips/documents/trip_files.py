"""The trip's other files from the trip editor (Ctrl+O): the calendar file and SMS reminders.

The same files as `rfk-trips ics` and `rfk-trips reminders`, saved where the printed
programmes go (`printing.documents_folder`) and named like them: the trip, what the file is,
the day, no names. In a browser session they are downloads instead (`downloads.download_of`).
"""

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine

from rfk_trips.documents.calendar_export import write_trip_calendar
from rfk_trips.documents.printing import ready_folder
from rfk_trips.documents.reminders import write_reminders
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError
from rfk_trips.trips.trip_service import trip_detail

# The file's word and suffix for each kind (ASCII, like the programmes' names).
TRIP_FILES: dict[str, tuple[str, str]] = {
    "calendar": ("kalender", ".ics"),
    "reminders": ("paamindelser", ".csv"),
}


@dataclass(frozen=True)
class TripFile:
    """A saved file, and what the user should hear besides where it is (or None)."""

    path: Path
    note: str | None = None


def save_trip_file(
    engine: Engine, trip_id: int, kind: str, *, folder: Path | None = None
) -> TripFile:
    """Save the trip's `kind` file ("calendar", "reminders") in `folder` (default: the
    documents folder); UserError in words when it cannot be made or saved."""
    if kind not in TRIP_FILES:
        raise UserError(t("programme.unknown_audience", audience=kind))
    detail = trip_detail(engine, trip_id)
    word, suffix = TRIP_FILES[kind]
    target = ready_folder(folder) / f"tur-{trip_id}-{word}-{detail.trip_date.isoformat()}{suffix}"
    if kind == "calendar":
        return TripFile(write_trip_calendar(engine, trip_id, target).absolute())
    result = write_reminders(engine, trip_id, target)
    notes = [t("calendar.reminders_made", count=result.rows)]
    if result.without_phone:
        names = ", ".join(result.names_without_phone)
        notes.append(t("calendar.reminders_no_phone", count=result.without_phone, names=names))
    return TripFile(result.path.absolute(), " ".join(notes))
