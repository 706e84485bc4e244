"""Trip formats (turformater) as data: the two municipal variants of DOMAIN.md §1.3 and custom.

These are the built-in defaults written to a new database; after that the database is the
source of truth and staff may edit them (R01: configurable, not hard-coded).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import time

from storage.codes import ProgrammeKind, StaffRole

# How a physically demanding programme item is stored ("demanding": "1"), migration 0019.
DEMANDING = "1"

# The global hard range of group size (R02): the union of the two municipal variants.
HARD_MIN_PARTICIPANTS = 6
HARD_MAX_PARTICIPANTS = 15


@dataclass(frozen=True)
class ProgrammeItem:
    """One line of a programme: what the domain and the screens see of it.

    Stored as JSON on `Trip.programme` and `TripFormat.programme`; `from_stored` and
    `as_dict` are the one pair that cross that boundary (see `programme_from_stored`).
    """

    time: str  # "HH:MM", or "" for an item without a time (the participants' own agenda)
    text: str
    kind: ProgrammeKind = ProgrammeKind.OTHER
    # Physically demanding (a skovtur, a production floor): warned of for a participant with
    # a physical limitation (R24).
    demanding: bool = False

    @classmethod
    def from_stored(cls, stored: Mapping[str, str]) -> "ProgrammeItem":
        """An item as a row holds it. Rows from before a key existed read as its default,
        and a kind this version does not know reads as "other", as the printed programme
        always read it."""
        try:
            kind = ProgrammeKind(stored.get("kind", ProgrammeKind.OTHER.value))
        except ValueError:
            kind = ProgrammeKind.OTHER
        demanding = stored.get("demanding", "") == DEMANDING
        return cls(stored.get("time", ""), stored.get("text", ""), kind, demanding)

    def as_dict(self) -> dict[str, str]:
        """The item as it is stored; the keys and their order are the stored JSON's, and
        "demanding" is there only when it is so (items from before it read the same)."""
        stored = {"time": self.time, "text": self.text, "kind": self.kind.value}
        if self.demanding:
            stored["demanding"] = DEMANDING
        return stored


def programme_from_stored(stored: Iterable[Mapping[str, str]]) -> tuple[ProgrammeItem, ...]:
    """A programme as a `Trip` or `TripFormat` row holds it, in its order."""
    return tuple(ProgrammeItem.from_stored(item) for item in stored)


def programme_to_stored(items: Iterable[ProgrammeItem]) -> list[dict[str, str]]:
    """A programme as a `Trip` or `TripFormat` row stores it (the JSON is unchanged)."""
    return [item.as_dict() for item in items]


@dataclass(frozen=True)
class FormatSpec:
    """What the rules need to know of a trip format."""

    code: str
    name: str
    min_participants: int
    max_participants: int
    visits: int | None
    start_time: time
    end_time: time | None
    min_staff: int
    requires_experienced_host: bool
    single_cohort: bool
    trips_per_citizen: int | None
    programme: tuple[ProgrammeItem, ...] = field(default=())
    # The staff roles the format wants, role → how many (R13); empty: any roles.
    staff_roles: Mapping[StaffRole, int] = field(default_factory=dict)


GULDBORGSUND = FormatSpec(
    code="guldborgsund",
    name="Guldborgsund: to besøg og skovtur",
    min_participants=6,
    max_participants=12,
    visits=2,
    start_time=time(8, 30),
    end_time=None,
    min_staff=2,
    requires_experienced_host=True,
    single_cohort=False,
    trips_per_citizen=None,
    # R13: two planning virksomhedskonsulenter; the accompanying arbejdsmarkedskonsulenter
    # come on top, as many as the day needs, so they are not a count the format asks for.
    staff_roles={StaffRole.COMPANY_CONSULTANT: 2},
    programme=(
        ProgrammeItem("08:30", "Fremmøde og præsentation af dagens program", ProgrammeKind.MEETING),
        ProgrammeItem("08:45", "Vi går sammen til bussen", ProgrammeKind.TRANSPORT),
        ProgrammeItem("09:15", "Virksomhedsbesøg 1", ProgrammeKind.VISIT),
        ProgrammeItem("10:45", "Deltagernes dagsorden", ProgrammeKind.OPEN_AGENDA),
        ProgrammeItem("11:15", "Skovtur", ProgrammeKind.OUTING, demanding=True),
        ProgrammeItem("12:00", "Frokost (forplejning)", ProgrammeKind.MEAL),
        ProgrammeItem("13:00", "Virksomhedsbesøg 2", ProgrammeKind.VISIT),
        ProgrammeItem("14:30", "Hjemkørsel", ProgrammeKind.TRANSPORT),
    ),
)

LOLLAND = FormatSpec(
    code="lolland",
    name="Lolland (Springbrættet): ét besøg",
    min_participants=12,
    max_participants=15,
    visits=1,
    start_time=time(13, 0),
    end_time=time(16, 0),
    min_staff=3,
    requires_experienced_host=False,
    single_cohort=True,
    trips_per_citizen=2,
    staff_roles={StaffRole.JOB_BROKER: 3},
    programme=(
        ProgrammeItem("13:00", "Fremmøde på Krogsbølle", ProgrammeKind.MEETING),
        ProgrammeItem("13:15", "Bus til virksomheden", ProgrammeKind.TRANSPORT),
        ProgrammeItem("13:45", "Virksomhedsbesøg", ProgrammeKind.VISIT),
        ProgrammeItem(
            "15:15", "Deltagernes dagsorden: spørgsmål og opsamling", ProgrammeKind.OPEN_AGENDA
        ),
        ProgrammeItem("15:30", "Bus tilbage til Krogsbølle", ProgrammeKind.TRANSPORT),
    ),
)

CUSTOM = FormatSpec(
    code="custom",
    name="Tilpasset tur",
    min_participants=HARD_MIN_PARTICIPANTS,
    max_participants=HARD_MAX_PARTICIPANTS,
    visits=None,
    start_time=time(9, 0),
    end_time=None,
    min_staff=2,
    requires_experienced_host=False,
    single_cohort=False,
    trips_per_citizen=None,
    programme=(
        ProgrammeItem("09:00", "Fremmøde", ProgrammeKind.MEETING),
        ProgrammeItem("09:30", "Virksomhedsbesøg", ProgrammeKind.VISIT),
        ProgrammeItem("11:00", "Deltagernes dagsorden", ProgrammeKind.OPEN_AGENDA),
    ),
)

BUILTIN_FORMATS: tuple[FormatSpec, ...] = (GULDBORGSUND, LOLLAND, CUSTOM)

# The municipalities of the project and the formats each uses (DOMAIN.md §1.3).
BUILTIN_MUNICIPALITIES: dict[str, tuple[str, ...]] = {
    "Guldborgsund": ("guldborgsund", "custom"),
    "Lolland": ("lolland", "custom"),
}
