"""Trip formats as editable data (R01): the settings screen's form and its checks."""

from collections.abc import Callable
from datetime import time
from functools import partial

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import col

from rfk_trips.i18n.catalogue import t
from rfk_trips.registers.record_forms import FormField
from rfk_trips.rules.danish_dates import format_time, parse_time
from rfk_trips.rules.errors import NotFoundError, UserError
from rfk_trips.rules.fields import parse_bool, parse_optional_int, require
from rfk_trips.rules.formats import HARD_MAX_PARTICIPANTS, HARD_MIN_PARTICIPANTS
from rfk_trips.rules.time_order import ends_before_start
from storage.models import TripFormat
from storage.sessions import session_scope

FORMAT_FORM: tuple[FormField, ...] = (
    FormField("navn", "format.name", required=True),
    FormField("min_deltagere", "format.min_participants", required=True),
    FormField("max_deltagere", "format.max_participants", required=True),
    FormField("besoeg", "format.visits", placeholder="tom = mindst ét"),
    FormField("start", "format.start", required=True, placeholder="08:30"),
    FormField("slut", "format.end", placeholder="16:00"),
    FormField("min_medarbejdere", "format.min_staff", required=True),
    FormField("erfaren_vaert", "format.experienced_host", "yesno"),
    FormField("et_forloeb", "format.single_cohort", "yesno"),
    FormField("ture_pr_borger", "format.trips_per_citizen"),
    FormField("opfoelgning_dage", "format.follow_up_days", required=True, placeholder="14"),
)

# A whole year is the longest wait that still reads as following up on the trip.
FOLLOW_UP_DAYS_RANGE = (1, 365)


def format_rows(engine: Engine) -> list[TripFormat]:
    with session_scope(engine) as session:
        return list(session.scalars(select(TripFormat).order_by(col(TripFormat.id))))


def format_form_values(engine: Engine, format_id: int) -> dict[str, str]:
    with session_scope(engine) as session:
        row = session.get(TripFormat, format_id)
        if row is None:
            raise NotFoundError(t("error.not_found", what=t("what.format"), id=format_id))
        return {
            "navn": row.name,
            "min_deltagere": str(row.min_participants),
            "max_deltagere": str(row.max_participants),
            "besoeg": "" if row.visits is None else str(row.visits),
            "start": format_time(row.start_time),
            "slut": format_time(row.end_time),
            "min_medarbejdere": str(row.min_staff),
            "erfaren_vaert": "ja" if row.requires_experienced_host else "nej",
            "et_forloeb": "ja" if row.single_cohort else "nej",
            "ture_pr_borger": "" if row.trips_per_citizen is None else str(row.trips_per_citizen),
            "opfoelgning_dage": str(row.follow_up_days),
        }


def save_format(engine: Engine, format_id: int, values: dict[str, str]) -> int:
    """Check and save a format's settings; UserError with per-field errors."""
    errors: dict[str, str] = {}
    parsed: dict[str, object] = {}

    def take(key: str, parse: Callable[[str], object]) -> None:
        try:
            parsed[key] = parse(values.get(key, ""))
        except UserError as exc:
            errors[key] = exc.message

    take("navn", lambda s: require(s, t("format.name")))
    for key, label_key in (
        ("min_deltagere", "format.min_participants"),
        ("max_deltagere", "format.max_participants"),
        ("min_medarbejdere", "format.min_staff"),
    ):
        take(key, partial(_required_int, field=t(label_key)))
    take("besoeg", lambda s: parse_optional_int(s, t("format.visits"), positive=True))
    take(
        "ture_pr_borger",
        lambda s: parse_optional_int(s, t("format.trips_per_citizen"), positive=True),
    )
    take("opfoelgning_dage", _follow_up_days)
    take("start", parse_time)
    take("slut", lambda s: parse_time(s) if s.strip() else None)
    take("erfaren_vaert", lambda s: parse_bool(s, t("format.experienced_host")))
    take("et_forloeb", lambda s: parse_bool(s, t("format.single_cohort")))
    low, high = parsed.get("min_deltagere"), parsed.get("max_deltagere")
    in_range = (
        not isinstance(low, int)
        or not isinstance(high, int)
        or HARD_MIN_PARTICIPANTS <= low <= high <= HARD_MAX_PARTICIPANTS
    )
    if not in_range:
        errors["max_deltagere"] = t(
            "format.range", low=HARD_MIN_PARTICIPANTS, high=HARD_MAX_PARTICIPANTS
        )
    start, end = parsed.get("start"), parsed.get("slut")
    if isinstance(start, time) and isinstance(end, time) and ends_before_start(start, end):
        errors["slut"] = t("trip.return_before_meeting")
    if errors:
        raise UserError(t("form.refused"), list(errors.values()), errors)
    with session_scope(engine) as session:
        row = session.get(TripFormat, format_id)
        if row is None:
            raise NotFoundError(t("error.not_found", what=t("what.format"), id=format_id))
        row.name = str(parsed["navn"])
        row.min_participants = int(str(parsed["min_deltagere"]))
        row.max_participants = int(str(parsed["max_deltagere"]))
        row.visits = parsed["besoeg"] if isinstance(parsed["besoeg"], int) else None
        row.start_time = parsed["start"]  # type: ignore[assignment]
        row.end_time = end if isinstance(end, time) else None
        row.min_staff = int(str(parsed["min_medarbejdere"]))
        row.requires_experienced_host = bool(parsed["erfaren_vaert"])
        row.single_cohort = bool(parsed["et_forloeb"])
        tpc = parsed["ture_pr_borger"]
        row.trips_per_citizen = tpc if isinstance(tpc, int) else None
        row.follow_up_days = int(str(parsed["opfoelgning_dage"]))
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
