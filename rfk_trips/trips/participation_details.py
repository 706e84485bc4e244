"""One participant's day (R20, R22): getting there and being prepared, as staff record it.

Transport: a prepaid transport allowance (yes/no and kroner), a pick-up on the bus's way
(where and when) and the way from home to the meeting place in minutes. Preparation: two
plain markers, "usikker på besøget" and "forberedt", never a health text. The editor's
participant dialog reads `form_values` and saves through `save_participation`, one
transaction checked against the trip's version like every other change to the trip.
"""

from collections.abc import Callable, Mapping

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import col

from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.danish_dates import format_time, parse_time
from rfk_trips.rules.errors import NotFoundError, UserError
from rfk_trips.rules.fields import parse_bool, parse_optional_int
from rfk_trips.trips.planning import Planned
from rfk_trips.trips.trip_service import ParticipantRead, ParticipationDetails, editable_trip
from storage.models import Citizen, Participation
from storage.sessions import session_scope

# Kroner: a day's return ticket on Lolland-Falster is far below; more is a typing error.
MAX_TRANSPORT_AMOUNT = 5000
# Minutes from home to the meeting place: past five hours is not a way to a bus trip.
MAX_TRAVEL_MINUTES = 300
FORM_KEYS = (
    "transport_allowance", "transport_amount", "pickup_place", "pickup_time",
    "travel_minutes", "unsure", "prepared",
)  # fmt: skip


def _yes_no(value: bool) -> str:
    return t("common.yes").lower() if value else t("common.no").lower()


def form_values(person: ParticipantRead) -> dict[str, str]:
    """The dialog's fields for a participant as read."""
    return {
        "transport_allowance": _yes_no(person.details.transport_allowance),
        "transport_amount": ""
        if person.details.transport_amount is None
        else str(person.details.transport_amount),
        "pickup_place": person.details.pickup_place,
        "pickup_time": format_time(person.details.pickup_time),
        "travel_minutes": ""
        if person.details.travel_minutes is None
        else str(person.details.travel_minutes),
        "unsure": _yes_no(person.details.unsure),
        "prepared": _yes_no(person.details.prepared),
    }


def parse_details(values: Mapping[str, str]) -> ParticipationDetails:
    """The dialog's text as details; UserError naming every field that does not read."""
    errors: dict[str, str] = {}
    parsed: dict[str, object] = {}

    def take(key: str, parse: Callable[[str], object]) -> None:
        try:
            parsed[key] = parse((values.get(key) or "").strip())
        except UserError as exc:
            errors[key] = exc.message

    take("transport_allowance", lambda s: parse_bool(s or "nej", t("participation.allowance")))
    take("transport_amount", _bounded_int("participation.amount", MAX_TRANSPORT_AMOUNT))
    take("pickup_place", lambda s: " ".join(s.split()))
    take("pickup_time", lambda s: parse_time(s) if s else None)
    take("travel_minutes", _bounded_int("participation.travel_minutes", MAX_TRAVEL_MINUTES))
    take("unsure", lambda s: parse_bool(s or "nej", t("participation.unsure")))
    take("prepared", lambda s: parse_bool(s or "nej", t("participation.prepared")))
    if parsed.get("transport_amount") is not None and not parsed.get("transport_allowance"):
        errors.setdefault("transport_amount", t("participation.amount_without_allowance"))
    if parsed.get("pickup_time") is not None and not parsed.get("pickup_place"):
        errors.setdefault("pickup_place", t("participation.pickup_time_without_place"))
    if errors:
        raise UserError(t("form.refused"), list(errors.values()), errors)
    return ParticipationDetails(**parsed)  # type: ignore[arg-type]


def _bounded_int(label_key: str, highest: int) -> Callable[[str], int | None]:
    def parse(text: str) -> int | None:
        value = parse_optional_int(text, t(label_key))
        if value is not None and not 0 <= value <= highest:
            raise UserError(t("participation.out_of_range", field=t(label_key), high=highest))
        return value

    return parse


def save_participation(
    engine: Engine,
    trip_id: int,
    citizen_id: int,
    details: ParticipationDetails,
    *,
    expected_version: int | None = None,
) -> Planned:
    """Store one participant's transport and preparation; a stale trip version is refused."""
    with session_scope(engine) as session:
        trip = editable_trip(session, trip_id, expected_version)
        row = session.scalars(
            select(Participation).where(
                col(Participation.trip_id) == trip_id, col(Participation.citizen_id) == citizen_id
            )
        ).first()
        citizen = session.get(Citizen, citizen_id)
        if row is None or citizen is None:
            raise NotFoundError(t("error.not_found", what=t("what.citizen"), id=citizen_id))
        for key in FORM_KEYS:
            setattr(row, key, getattr(details, key))
        session.add(row)
        return Planned(trip.version, (citizen_id,), (citizen.name,))
