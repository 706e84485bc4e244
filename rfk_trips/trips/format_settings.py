"""Trip formats as editable data (R01): the settings screen's form and its checks."""

import hashlib
from collections.abc import Callable, Mapping
from datetime import time
from functools import partial

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import col

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import choices, label, parse_code
from rfk_trips.registers.record_forms import SEEN, FormField, refuse_if_stamp_moved
from rfk_trips.rules.danish_dates import format_time, parse_time
from rfk_trips.rules.errors import NotFoundError, UserError
from rfk_trips.rules.fields import parse_bool, parse_optional_int, require
from rfk_trips.rules.formats import HARD_MAX_PARTICIPANTS, HARD_MIN_PARTICIPANTS
from rfk_trips.rules.time_order import ends_before_start
from rfk_trips.trips.trip_service import staff_roles_from_stored
from storage.codes import StaffRole
from storage.models import TripFormat
from storage.sessions import session_scope

FORMAT_FORM: tuple[FormField, ...] = (
    FormField("name", "format.name", required=True),
    FormField("min_participants", "format.min_participants", required=True),
    FormField("max_participants", "format.max_participants", required=True),
    FormField("visits", "format.visits", placeholder="tom = mindst ét"),
    FormField("start", "format.start", required=True, placeholder="08:30"),
    FormField("end", "format.end", placeholder="16:00"),
    FormField("min_staff", "format.min_staff", required=True),
    FormField("experienced_host", "format.experienced_host", "yesno"),
    FormField("single_cohort", "format.single_cohort", "yesno"),
    FormField("trips_per_citizen", "format.trips_per_citizen"),
    FormField("follow_up_days", "format.follow_up_days", required=True, placeholder="14"),
    FormField("staff_roles", "format.staff_roles", placeholder="3 jobformidler"),
)

# A whole year is the longest wait that still reads as following up on the trip.
FOLLOW_UP_DAYS_RANGE = (1, 365)


def format_rows(engine: Engine) -> list[TripFormat]:
    with session_scope(engine) as session:
        return list(session.scalars(select(TripFormat).order_by(col(TripFormat.id))))


def format_form_values(engine: Engine, format_id: int) -> dict[str, str]:
    """The form's values, with the stamp of what they were (SEEN) for the save's check."""
    with session_scope(engine) as session:
        row = session.get(TripFormat, format_id)
        if row is None:
            raise NotFoundError(t("error.not_found", what=t("what.format"), id=format_id))
        values = _values_of(row)
        return {**values, SEEN: _stamp(values)}


def _values_of(row: TripFormat) -> dict[str, str]:
    per_citizen = row.trips_per_citizen
    return {
        "name": row.name,
        "min_participants": str(row.min_participants),
        "max_participants": str(row.max_participants),
        "visits": "" if row.visits is None else str(row.visits),
        "start": format_time(row.start_time),
        "end": format_time(row.end_time),
        "min_staff": str(row.min_staff),
        "experienced_host": "ja" if row.requires_experienced_host else "nej",
        "single_cohort": "ja" if row.single_cohort else "nej",
        "trips_per_citizen": "" if per_citizen is None else str(per_citizen),
        "follow_up_days": str(row.follow_up_days),
        "staff_roles": staff_roles_text(staff_roles_from_stored(row.staff_roles)),
    }


def staff_roles_text(roles: Mapping[StaffRole, int]) -> str:
    """`2 virksomhedskonsulent; 1 arbejdsmarkedskonsulent`, as the form shows and reads it."""
    return "; ".join(f"{count} {label(role).lower()}" for role, count in roles.items())


def parse_staff_roles(text: str) -> dict[StaffRole, int]:
    """The form's roles: `count role` parts split by `;` (or `,`); a bare role counts one."""
    roles: dict[StaffRole, int] = {}
    for part in text.replace(",", ";").split(";"):
        words = part.split()
        if not words:
            continue
        count = 1
        if words[0].isdigit():
            count, words = int(words[0]), words[1:]
        name = " ".join(words)
        # The plural as staff write it: "3 jobformidlere", "2 virksomhedskonsulenter".
        forms = (name, name.removesuffix("e"), name.removesuffix("er"))
        role = next((r for r in (parse_code(StaffRole, f) for f in forms) if r), None)
        if role is None or count < 1:
            raise UserError(
                t("format.staff_roles_unknown", part=part.strip(), choices=choices(StaffRole))
            )
        roles[role] = roles.get(role, 0) + count
    return roles


def _stamp(values: Mapping[str, str]) -> str:
    # A format has no save time of its own: what the form showed is the stamp. A colleague's
    # save that changed nothing the form shows cannot be lost, so it need not refuse.
    text = "\x1f".join(f"{key}={values[key]}" for key in sorted(values))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def save_format(engine: Engine, format_id: int, values: dict[str, str]) -> int:
    """Check and save a format's settings; UserError with per-field errors."""
    errors: dict[str, str] = {}
    parsed: dict[str, object] = {}

    def take(key: str, parse: Callable[[str], object]) -> None:
        try:
            parsed[key] = parse(values.get(key, ""))
        except UserError as exc:
            errors[key] = exc.message

    take("name", lambda s: require(s, t("format.name")))
    for key, label_key in (
        ("min_participants", "format.min_participants"),
        ("max_participants", "format.max_participants"),
        ("min_staff", "format.min_staff"),
    ):
        take(key, partial(_required_int, field=t(label_key)))
    take("visits", lambda s: parse_optional_int(s, t("format.visits"), positive=True))
    take(
        "trips_per_citizen",
        lambda s: parse_optional_int(s, t("format.trips_per_citizen"), positive=True),
    )
    take("follow_up_days", _follow_up_days)
    take("start", parse_time)
    take("end", lambda s: parse_time(s) if s.strip() else None)
    take("experienced_host", lambda s: parse_bool(s, t("format.experienced_host")))
    take("single_cohort", lambda s: parse_bool(s, t("format.single_cohort")))
    take("staff_roles", parse_staff_roles)
    low, high = parsed.get("min_participants"), parsed.get("max_participants")
    in_range = (
        not isinstance(low, int)
        or not isinstance(high, int)
        or HARD_MIN_PARTICIPANTS <= low <= high <= HARD_MAX_PARTICIPANTS
    )
    if not in_range:
        errors["max_participants"] = t(
            "format.range", low=HARD_MIN_PARTICIPANTS, high=HARD_MAX_PARTICIPANTS
        )
    start, end = parsed.get("start"), parsed.get("end")
    if isinstance(start, time) and isinstance(end, time) and ends_before_start(start, end):
        errors["end"] = t("trip.return_before_meeting")
    if errors:
        raise UserError(t("form.refused"), list(errors.values()), errors)
    with session_scope(engine) as session:
        # Locked: a colleague saving the same format at once waits, then finds it changed.
        row = session.get(TripFormat, format_id, with_for_update=True, populate_existing=True)
        if row is None:
            raise NotFoundError(t("error.not_found", what=t("what.format"), id=format_id))
        refuse_if_stamp_moved(values, _stamp(_values_of(row)), row.name)
        row.name = str(parsed["name"])
        row.min_participants = int(str(parsed["min_participants"]))
        row.max_participants = int(str(parsed["max_participants"]))
        row.visits = parsed["visits"] if isinstance(parsed["visits"], int) else None
        row.start_time = parsed["start"]  # type: ignore[assignment]
        row.end_time = end if isinstance(end, time) else None
        row.min_staff = int(str(parsed["min_staff"]))
        row.requires_experienced_host = bool(parsed["experienced_host"])
        row.single_cohort = bool(parsed["single_cohort"])
        tpc = parsed["trips_per_citizen"]
        row.trips_per_citizen = tpc if isinstance(tpc, int) else None
        row.follow_up_days = int(str(parsed["follow_up_days"]))
        roles = parsed["staff_roles"]
        assert isinstance(roles, dict)
        row.staff_roles = {role.value: count for role, count in roles.items()}
        session.add(row)
        return format_id


def _required_int(text: str, field: str) -> int:
    value = parse_optional_int(text, field, positive=True)
    if value is None:
        raise UserError(t("field.required", field=field))
    return value


def _follow_up_days(text: str) -> int:
    field = t("format.follow_up_days")
    value = parse_optional_int(text, field)
    if value is None:
        raise UserError(t("field.required", field=field))
    low, high = FOLLOW_UP_DAYS_RANGE
    if not low <= value <= high:
        raise UserError(t("format.follow_up_days_range", low=low, high=high))
    return value
