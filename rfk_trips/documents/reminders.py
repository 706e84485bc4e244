"""SMS reminders for a trip's participants, as a file for the municipality's SMS system.

One row per participant who is still coming (reserves and those who sent word they cannot
come are left out): name, phone and a short Danish text with the day, the meeting time and
place and whom to call. The text is the same for everyone and never carries anything
sensitive: no benefit, no skånehensyn, no other participant. The audit log names each
participant the file holds.
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.engine import Engine

from rfk_trips.database.failures import file_error
from rfk_trips.i18n.catalogue import MESSAGES, t
from rfk_trips.i18n.labels import label
from rfk_trips.privacy.read_outs import write_recorded

# The Danish names: the SMS is Danish whatever language the staff member has chosen.
from rfk_trips.rules.danish_dates import format_day_month_danish, format_time
from rfk_trips.rules.errors import UserError
from rfk_trips.trips.trip_service import TripDetail, TripStaffRead, trip_detail
from storage.codes import Attendance, ParticipantRole, TripStatus
from storage.tabular_files import UnsupportedFileType, write_table

REMINDER_HEADERS = ("navn", "telefon", "besked")
REMINDER_SUFFIXES = (".csv", ".xlsx")
# Two SMS parts (153 characters each when the text keeps to the GSM alphabet, as æøå do).
SMS_MAX_LENGTH = 300
# Typographic characters outside the GSM alphabet would make the SMS system send the text as
# UCS-2, where one part holds only 67 characters.
_GSM_FRIENDLY = str.maketrans(
    {"–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "»": '"', "«": '"', "…": "..."}
)
_NOT_COMING = (Attendance.EXCUSED,)
_CLOSED = (TripStatus.CANCELLED, TripStatus.COMPLETED)


@dataclass(frozen=True)
class ReminderRow:
    name: str
    phone: str
    message: str
    citizen_id: int = 0  # not written to the file: for the audit log's line


@dataclass(frozen=True)
class ReminderResult:
    path: Path
    rows: int
    without_phone: int
    # Only for the staff member's screen, so they know whom to call or write to.
    names_without_phone: list[str] = field(default_factory=list)


def _da(key: str, /, **params: object) -> str:
    return MESSAGES[key][0].format(**params)


def _day(value: date) -> str:
    """`torsdag 10. december`: the year is left out, the trip is weeks away at most."""
    return format_day_month_danish(value)


def _contact(staff: list[TripStaffRead]) -> TripStaffRead | None:
    """The lead if they have a phone, else the first colleague on the trip with one."""
    with_phone = [member for member in staff if member.phone.strip()]
    leads = [member for member in with_phone if member.is_lead]
    return next(iter(leads or with_phone), None)


def reminder_text(detail: TripDetail) -> str:
    """The SMS every participant of the trip gets (Danish, at most SMS_MAX_LENGTH)."""
    day = _day(detail.trip_date)
    begins = detail.meeting_time or min((v.start_time for v in detail.visits), default=None)
    when = (
        _da("calendar.sms.when", day=day, time=format_time(begins))
        if begins
        else _da("calendar.sms.when_no_time", day=day)
    )
    contact = _contact(detail.staff)
    call = (
        _da("calendar.sms.call", name=contact.name.split()[0], phone=contact.phone.strip())
        if contact
        else _da("calendar.sms.call_jobcentre")
    )
    place = " ".join(detail.meeting_place.split())

    def compose(where: str) -> str:
        parts = [when, _da("calendar.sms.place", place=where) if where else "", call]
        return " ".join(part for part in parts if part).translate(_GSM_FRIENDLY)

    text = compose(place)
    overflow = len(text) - SMS_MAX_LENGTH
    if overflow > 0 and place:
        text = compose(place[: max(len(place) - overflow - 3, 20)].rstrip(" ,") + "...")
    return text


def reminder_rows(engine: Engine, trip_id: int) -> list[ReminderRow]:
    """One row per participant still coming, by name; refused for a cancelled or done trip."""
    detail = trip_detail(engine, trip_id)
    if detail.status in _CLOSED:
        raise UserError(t("calendar.reminders_closed", status=label(detail.status).lower()))
    message = reminder_text(detail)
    return [
        ReminderRow(person.name, person.phone.strip(), message, person.citizen_id)
        for person in detail.participants
        if person.role == ParticipantRole.PARTICIPANT and person.attendance not in _NOT_COMING
    ]


def write_reminders(engine: Engine, trip_id: int, path: Path) -> ReminderResult:
    """Write the reminders to `.csv` (Danish Excel: `;`, UTF-8 with BOM) or `.xlsx`."""
    path = Path(path)
    if path.suffix.lower() not in REMINDER_SUFFIXES:
        raise UserError(t("calendar.reminders_file_type", suffix=path.suffix or path.name))
    rows = reminder_rows(engine, trip_id)

    def write() -> None:
        table = [[row.name, row.phone, row.message] for row in rows]
        try:
            write_table(path, REMINDER_HEADERS, table, sheet=t("calendar.reminders_sheet"))
        except UnsupportedFileType as exc:
            raise UserError(t("calendar.reminders_file_type", suffix=path.suffix)) from exc
        except OSError as exc:
            fallback = t("calendar.cannot_write", path=path, reason=exc.strerror or exc)
            raise file_error(path, exc, fallback) from exc

    write_recorded(
        engine,
        path,
        write,
        action="reminders",
        entity="trip",
        entity_id=trip_id,
        citizen_ids=[row.citizen_id for row in rows],
    )
    missing = [row.name for row in rows if not row.phone]
    return ReminderResult(path, len(rows), len(missing), missing)
