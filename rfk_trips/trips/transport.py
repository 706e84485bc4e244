"""The day's transport as a whole (R20): what the run-sheet, the editor and the bus need.

The summary counts who gets the prepaid allowance and what it comes to, who needs picking up
and the longest way to the meeting place. The pick-ups are the bus's stops: where, when and
whom, in the order of their times (a stop without a time last, by place).
"""

from dataclasses import dataclass
from datetime import time

from rfk_trips.trips.trip_service import ParticipantRead, coming


@dataclass(frozen=True)
class PickupStop:
    at: time | None
    place: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class TransportSummary:
    allowances: int
    allowance_total: int
    pickups: int
    longest_travel: int | None

    @property
    def empty(self) -> bool:
        return not (self.allowances or self.pickups or self.longest_travel)


def transport_summary(participants: list[ParticipantRead]) -> TransportSummary:
    """The participants coming (reserves and those who sent word left out), summed up."""
    people = coming(participants)
    allowed = [p for p in people if p.details.transport_allowance]
    travel = [p.details.travel_minutes for p in people if p.details.travel_minutes is not None]
    return TransportSummary(
        allowances=len(allowed),
        allowance_total=sum(p.details.transport_amount or 0 for p in allowed),
        pickups=sum(1 for p in people if p.details.pickup_place),
        longest_travel=max(travel, default=None),
    )


def pickup_stops(participants: list[ParticipantRead]) -> list[PickupStop]:
    """One stop per place and time, its people by name, in the order the bus reaches them."""
    stops: dict[tuple[time | None, str], list[str]] = {}
    for person in coming(participants):
        if person.details.pickup_place:
            stops.setdefault((person.details.pickup_time, person.details.pickup_place), []).append(
                person.name
            )
    ordered = sorted(stops, key=lambda key: (key[0] is None, key[0] or time(0), key[1]))
    return [PickupStop(at, place, tuple(stops[(at, place)])) for at, place in ordered]
