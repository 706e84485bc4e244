"""SMS reminders for a trip's participants, as a file for the municipality's SMS system.

Two messages per participant who is still coming (reserves and those who sent word they
cannot come are left out), as the project sent them (R19): the day before, in the afternoon,
and the morning of the trip. Each row has the name, the phone, when to send it and a short
Danish text with the day, the meeting time and place and whom to call. The text is the same
for everyone and never carries anything sensitive: no benefit, no skånehensyn, no other
participant. The audit log names each participant the file holds, and its line is what
tells the home screen that tomorrow's reminders are made.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Literal, TypeAlias

from sqlalchemy.engine import Engine

from rfk_trips.database.failures import file_error
from rfk_trips.i18n.catalogue import MESSAGES, t
from rfk_trips.i18n.labels import label
from rfk_trips.privacy.read_outs import write_recorded

# The Danish names: the SMS is Danish whatever language the staff member has chosen.
from rfk_trips.rules.danish_dates import format_day_month_danish, format_time
from rfk_trips.rules.errors import UserError
from rfk_trips.trips.trip_service import TripDetail, TripStaffRead, coming, trip_detail
from storage.codes import TripStatus
from storage.tabular_files import UnsupportedFileType, write_table

REMINDER_HEADERS = ("navn", "telefon", "sendes", "besked")
Moment: TypeAlias = Literal["day_before", "morning"]
MOMENTS: tuple[Moment, ...] = ("day_before", "morning")
# The day before in the afternoon, when people plan tomorrow; the morning one at half past
# seven, or an hour before an early meeting, never before six.
DAY_BEFORE_AT = time(16, 0)
MORNING_AT = time(7, 30)
EARLIEST_MORNING = time(6, 0)
REMINDER_SUFFIXES = (".csv", ".xlsx")
# Two SMS parts (153 characters each when the text keeps to the GSM alphabet, as æøå do).
SMS_MAX_LENGTH = 300
# Typographic characters outside the GSM alphabet would make the SMS system send the text as
# UCS-2, where one part holds only 67 characters.
_GSM_FRIENDLY = str.maketrans(
    {"–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "»": '"', "«": '"', "…": "..."}
)
_CLOSED = (TripStatus.CANCELLED, TripStatus.COMPLETED)


@dataclass(frozen=True)
class ReminderRow:
    name: str
    phone: str
    message: str
    citizen_id: int = 0  # not written to the file: for the audit log's line
    send_at: datetime | None = None


@dataclass(frozen=True)
class ReminderResult:
    path: Path
    rows: int  # participants reminded (each gets two messages)
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


def _begins(detail: TripDetail) -> time | None:
    return detail.meeting_time or min((v.start_time for v in detail.visits), default=None)


def send_time(detail: TripDetail, moment: Moment) -> datetime:
    """When the SMS system should send the `moment` reminder, in the trip's local time."""
    if moment == "day_before":
        return datetime.combine(detail.trip_date - timedelta(days=1), DAY_BEFORE_AT)
    at = MORNING_AT
    begins = _begins(detail)
    if begins is not None:
        hour_before = (datetime.combine(detail.trip_date, begins) - timedelta(hours=1)).time()
        at = max(min(at, hour_before), EARLIEST_MORNING)
    return datetime.combine(detail.trip_date, at)


def reminder_text(detail: TripDetail, moment: Moment = "day_before") -> str:
    """The SMS every participant of the trip gets at `moment` (Danish, ≤ SMS_MAX_LENGTH)."""
    day = _day(detail.trip_date)
    begins = _begins(detail)
    prefix = "calendar.sms.when" if moment == "day_before" else "calendar.sms.today"
    when = (
        _da(prefix, day=day, time=format_time(begins))
        if begins
        else _da(f"{prefix}_no_time", day=day)
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
    """Two rows per participant still coming (the day before, then the morning), by send
    time and name; refused for a cancelled or done trip."""
    detail = trip_detail(engine, trip_id)
    if detail.status in _CLOSED:
        raise UserError(t("calendar.reminders_closed", status=label(detail.status).lower()))
    people = coming(detail.participants)
    return [
        ReminderRow(
            person.name,
            person.phone.strip(),
            reminder_text(detail, moment),
            person.citizen_id,
            send_time(detail, moment),
        )
        for moment in MOMENTS
        for person in people
    ]


def _send_cell(at: datetime | None) -> str:
    # The SMS systems read a day and a time; Danish order, as the staff type it.
    return "" if at is None else at.strftime("%d-%m-%Y %H:%M")


def write_reminders(engine: Engine, trip_id: int, path: Path) -> ReminderResult:
    """Write the reminders to `.csv` (Danish Excel: `;`, UTF-8 with BOM) or `.xlsx`."""
    path = Path(path)
    if path.suffix.lower() not in REMINDER_SUFFIXES:
        raise UserError(t("calendar.reminders_file_type", suffix=path.suffix or path.name))
    rows = reminder_rows(engine, trip_id)

    def write() -> None:
        table = [[row.name, row.phone, _send_cell(row.send_at), row.message] for row in rows]
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
        citizen_ids=sorted({row.citizen_id for row in rows}),
    )
    people = {row.citizen_id: row for row in rows}.values()
    missing = [row.name for row in people if not row.phone]
    return ReminderResult(path, len(people), len(missing), missing)
