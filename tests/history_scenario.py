"""A hand-made history of two years of bus trips, as the files a job centre would import.

Not a test module (tests/test_history_roundtrip.py reads it). Everything is built by plain
arithmetic over fixed lists, so every run writes the same files:

* 2 municipalities (Lolland, Guldborgsund: both there in a fresh database), 20 companies (two
  named "Netto", one with a CVR and one without), 120 citizens (two pairs sharing a name,
  told apart by phone; the last two never on a trip), 8 staff (one with `Ø` in the initials);
* 30 trips in 2024-2025, 15 per municipality, 3 on a weekend, 2 cancelled (aflyst), 2 on the
  same day (one per municipality), one with its format left blank (read from its kommune);
* 300 attendance rows on the 28 completed trips (11 seats on the first 20, 10 on the last 8),
  every status, some with a reason, each citizen on at most one trip a day;
* 80 outcomes: 74 linked to a trip the citizen attended (starting 7-56 days after it; some
  named by date alone), 6 with no trip (4 credited by the figures' rule to the citizen's
  latest attended trip before them, 1 starting before the citizen's first trip, 1 of a
  citizen never on a trip).

`expected_figures` counts the figures from these lists by the rules of DOMAIN.md §5 as
written in rfk_trips.rules.outcome_figures' docstring, without calling the code under test.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

from storage.codes import Attendance, BenefitGroup, OutcomeKind
from storage.tabular_files import write_table

LOLLAND = "Lolland"
GULDBORGSUND = "Guldborgsund"
# The day the outcomes' "status on a date" is counted on.
ON = date(2025, 12, 31)

# The order the files are imported in: the registers first (staff before citizens, whose
# caseworker they name), then trips, attendance, outcomes.
KINDS = ("companies", "staff", "citizens", "trips", "attendance", "outcomes")
HISTORY_KINDS = ("trips", "attendance", "outcomes")

TRIP_HEADERS = [
    "dato",
    "titel",
    "format",
    "kommune",
    "virksomhed",
    "fra",
    "til",
    "tovholder",
    "medarbejdere",
    "status",
    "bus",
    "noter",
]
ATTENDANCE_HEADERS = ["dato", "titel", "borger", "telefon", "status", "begrundelse"]
OUTCOME_HEADERS = [
    "borger",
    "telefon",
    "resultat",
    "start",
    "slut",
    "virksomhed",
    "timer_pr_uge",
    "tur",
    "mål",
    "noter",
]
COMPANY_HEADERS = ["navn", "cvr", "postnr", "kommune"]
CITIZEN_HEADERS = [
    "navn",
    "telefon",
    "kommune",
    "ydelse",
    "ydelse_fra",
    "sagsbehandler",
    "fødselsår",
    "køn",
]
STAFF_HEADERS = ["navn", "initialer", "rolle", "kommune"]


# --- the registers ----------------------------------------------------------------------


@dataclass(frozen=True)
class CompanySpec:
    name: str
    cvr: str  # "" for none
    postcode: str
    municipality: str
    ref: str  # how the history files name it


@dataclass(frozen=True)
class CitizenSpec:
    name: str
    phone: str  # 8 digits, as the register holds it after normalising ("21 00 00 00")
    municipality: str
    benefit_text: str
    benefit: BenefitGroup
    birth_year: int
    gender: str
    caseworker: str


@dataclass(frozen=True)
class StaffSpec:
    name: str
    initials: str
    role: str
    municipality: str


def _cvr(n: int) -> str:
    """The n-th valid CVR number (modulus 11) from 29 18 00 0x on."""
    prefix = 2918000 + 37 * n
    while True:
        digits = f"{prefix:07d}"
        total = sum(int(d) * w for d, w in zip(digits, (2, 7, 6, 5, 4, 3, 2), strict=True))
        check = (-total) % 11
        if check < 10:
            return digits + str(check)
        prefix += 1


# name, postcode, municipality, has a CVR, named in the files by CVR
_COMPANIES: tuple[tuple[str, str, str, bool, bool], ...] = (
    ("Nakskov Stål A/S", "4900", LOLLAND, True, False),
    ("Maribo Kro", "4930", LOLLAND, True, False),
    ("Rødby Havn Logistik ApS", "4970", LOLLAND, True, False),
    ("Lolland Gartneri I/S", "4952", LOLLAND, False, False),
    ("Holeby Maskinfabrik", "4960", LOLLAND, True, True),
    ("Netto", "4900", LOLLAND, True, False),
    ("Søllested Tømrerforretning", "4920", LOLLAND, True, False),
    ("Nakskov Sygehus Køkken", "4900", LOLLAND, True, False),
    ("Krogsbølle Genbrug", "4900", LOLLAND, False, False),
    ("Vestlollands Vognmandsforretning ApS", "4900", LOLLAND, True, True),
    ("Nordic Sugar Nykøbing", "4800", GULDBORGSUND, True, False),
    ("Plejecenter Østerbo", "4800", GULDBORGSUND, True, False),
    ("Stubbekøbing Bådebyggeri", "4850", GULDBORGSUND, True, False),
    ("Nysted Bryghus", "4880", GULDBORGSUND, True, True),
    ("Sakskøbing Fjerkræ A/S", "4990", GULDBORGSUND, True, False),
    ("Netto", "4800", GULDBORGSUND, False, False),
    ("Falster Entreprise A/S", "4800", GULDBORGSUND, True, False),
    ("Horbelev Landbrug", "4871", GULDBORGSUND, False, False),
    ("Marielyst Strandhotel", "4873", GULDBORGSUND, True, False),
    ("Væggerløse Auto", "4873", GULDBORGSUND, True, False),
)


def _companies() -> tuple[CompanySpec, ...]:
    made = []
    for n, (name, postcode, municipality, has_cvr, by_cvr) in enumerate(_COMPANIES):
        cvr = _cvr(n) if has_cvr else ""
        if by_cvr:
            ref = cvr
        elif name == "Netto":  # two of the name: told apart by postcode, as staff write it
            ref = f"Netto, {postcode}" if municipality == LOLLAND else f"Netto ({postcode})"
        else:
            ref = name
        made.append(CompanySpec(name, cvr, postcode, municipality, ref))
    return tuple(made)


_FIRST = (
    "Anna", "Bo", "Camilla", "Dennis", "Emma", "Frederik", "Gitte", "Henrik", "Ida", "Jesper",
    "Karina", "Lars", "Mette", "Niels", "Oliver", "Pia", "Rasmus", "Sofie", "Thomas", "Ulla",
    "Viktor", "Winnie", "Yasmin", "Zaid",
)  # fmt: skip
_LAST = (
    "Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
    "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen",
)  # fmt: skip
# (benefit as the file writes it, its code); "Ingen ydelse" makes a small job paid hours.
_BENEFITS: tuple[tuple[str, BenefitGroup], ...] = (
    ("Kontanthjælp (aktivitetsparat)", BenefitGroup.CASH_ASSISTANCE),
    ("uddannelseshjælp", BenefitGroup.EDUCATION_BENEFIT),
    ("Ressourceforløb", BenefitGroup.RESOURCE_PROGRAMME),
    ("jobafklaring", BenefitGroup.JOB_CLARIFICATION),
    ("Ledighedsydelse", BenefitGroup.FLEX_BENEFIT),
    ("Integrationsydelse", BenefitGroup.INTEGRATION),
    ("Sygedagpenge", BenefitGroup.SICKNESS),
    ("Ingen ydelse", BenefitGroup.NONE),
)
BENEFIT_SINCE = date(2023, 1, 1)
CITIZEN_COUNT = 120
# Each municipality's citizens who go on trips; the last two citizens never do.
POOL_SIZE = 59
# Citizen → the earlier citizen whose name they share (a different phone tells them apart).
SAME_NAME = {117: 3, 100: 58}


def _phone(i: int) -> str:
    digits = f"{21000000 + i * 104729:08d}"
    return " ".join(digits[k : k + 2] for k in range(0, 8, 2))


def _citizens() -> tuple[CitizenSpec, ...]:
    names = []
    for i in range(CITIZEN_COUNT):
        pair = i * 13 % (len(_FIRST) * len(_LAST))
        names.append(f"{_FIRST[pair % len(_FIRST)]} {_LAST[pair // len(_FIRST)]}")
    for i, other in SAME_NAME.items():
        names[i] = names[other]
    made = []
    for i, name in enumerate(names):
        lolland = i < POOL_SIZE or i == CITIZEN_COUNT - 2
        text, benefit = _BENEFITS[i % len(_BENEFITS)]
        made.append(
            CitizenSpec(
                name=name,
                phone=_phone(i),
                municipality=LOLLAND if lolland else GULDBORGSUND,
                benefit_text=text,
                benefit=benefit,
                birth_year=1962 + (i * 7) % 42,
                gender="" if i % 15 == 14 else ("Kvinde" if i % 2 == 0 else "Mand"),
                caseworker="LP" if lolland else "JR",
            )
        )
    return tuple(made)


STAFF: tuple[StaffSpec, ...] = (
    StaffSpec("Hanne Holm", "HH", "Virksomhedskonsulent", LOLLAND),
    StaffSpec("Mads Jensen", "MJ", "jobformidler", LOLLAND),
    StaffSpec("Lene Petersen", "LP", "Sagsbehandler", LOLLAND),
    StaffSpec("Karim Nielsen", "KN", "Arbejdsmarkedskonsulent", LOLLAND),
    StaffSpec("Signe Østergaard", "SØ", "virksomhedskonsulent", GULDBORGSUND),
    StaffSpec("Anders Bak", "AB", "Jobformidler", GULDBORGSUND),
    StaffSpec("Tina Lund", "TL", "Sundhedsfaglig", GULDBORGSUND),
    StaffSpec("Jonas Rasmussen", "JR", "Sagsbehandler", GULDBORGSUND),
)


# --- the trips --------------------------------------------------------------------------


@dataclass(frozen=True)
class TripSpec:
    day: date
    title: str
    format_text: str  # as the file says ("" : read from the municipality)
    format_code: str  # what it must be stored as
    municipality: str
    companies: tuple[int, ...]  # indexes into COMPANIES, in visiting order
    start: time
    end: time
    lead: str
    staff: tuple[str, ...]  # besides the lead
    cancelled: bool
    bus: str
    notes: str

    @property
    def completed(self) -> bool:
        return not self.cancelled


_LOLLAND_DAY = (time(13), time(16))
_GULDBORGSUND_DAY = (time(8, 30), time(14, 30))
_WEEKEND = (time(10), time(14))
_LB = "Lolland Bus"
_GT = "Guldborgsund Turist"


def _lolland(
    day: date, title: str, companies: tuple[int, ...], lead: str, staff: str, **more: Any
) -> TripSpec:
    """A Lolland trip (format lolland, 13-16 unless `times` says otherwise)."""
    return _trip(day, title, "lolland", LOLLAND, companies, lead, staff, **more)


def _guldborgsund(
    day: date, title: str, companies: tuple[int, ...], lead: str, staff: str, **more: Any
) -> TripSpec:
    """A Guldborgsund trip (format guldborgsund, 8.30-14.30 unless `times` says otherwise)."""
    return _trip(day, title, "guldborgsund", GULDBORGSUND, companies, lead, staff, **more)


def _trip(
    day: date,
    title: str,
    code: str,
    municipality: str,
    companies: tuple[int, ...],
    lead: str,
    staff: str,
    *,
    times: tuple[time, time] | None = None,
    format_text: str | None = None,
    cancelled: bool = False,
    bus: str = "",
    notes: str = "",
) -> TripSpec:
    start, end = times or (_LOLLAND_DAY if municipality == LOLLAND else _GULDBORGSUND_DAY)
    return TripSpec(
        day=day,
        title=title,
        format_text=code if format_text is None else format_text,
        format_code=code,
        municipality=municipality,
        companies=companies,
        start=start,
        end=end,
        lead=lead,
        staff=tuple(staff.split()),
        cancelled=cancelled,
        bus=bus,
        notes=notes,
    )


def _trips() -> tuple[TripSpec, ...]:
    """The 30 trips in date order, as the file lists them: companies by index into
    `_COMPANIES` in visiting order, then the tovholder and the other staff."""
    return (
        _lolland(date(2024, 1, 16), "Bustur til Nakskov Stål", (0,), "HH", "MJ KN", bus=_LB),
        _guldborgsund(
            date(2024, 1, 30), "Nordic Sugar og Nysted Bryghus", (10, 13), "SØ", "AB", bus=_GT
        ),
        _lolland(
            date(2024, 2, 20),
            "Bustur til Maribo Kro",
            (1,),
            "KN",
            "HH MJ",
            bus=_LB,
            notes="Frokost på kroen",
        ),
        _guldborgsund(
            date(2024, 3, 5), "Plejecenter Østerbo og Netto", (11, 15), "AB", "SØ TL", bus=_GT
        ),
        _lolland(date(2024, 3, 19), "Bustur til Rødby Havn", (2,), "HH", "KN LP"),
        _guldborgsund(
            date(2024, 4, 9),
            "Stubbekøbing Bådebyggeri og Horbelev Landbrug",
            (12, 17),
            "SØ",
            "TL",
            bus=_GT,
        ),
        _lolland(date(2024, 4, 23), "Bustur til Lolland Gartneri", (3,), "KN", "MJ", bus=_LB),
        _guldborgsund(
            date(2024, 5, 14), "Sakskøbing Fjerkræ og Falster Entreprise", (14, 16), "AB", "JR SØ"
        ),
        _lolland(
            date(2024, 6, 15),
            "Lørdagstur til Netto og Krogsbølle Genbrug",
            (5, 8),
            "HH",
            "MJ KN",
            times=_WEEKEND,
            bus=_LB,
            notes="Lørdag: butikken har åbent",
        ),
        _guldborgsund(
            date(2024, 8, 20),
            "Marielyst Strandhotel og Væggerløse Auto",
            (18, 19),
            "SØ",
            "AB",
            bus=_GT,
        ),
        _lolland(
            date(2024, 8, 27),
            "Bustur til Holeby Maskinfabrik",
            (4,),
            "KN",
            "HH",
            cancelled=True,
            bus=_LB,
            notes="Aflyst: for få tilmeldte",
        ),
        _lolland(date(2024, 9, 24), "Bustur til Søllested Tømrer", (6,), "HH", "KN MJ", bus=_LB),
        _guldborgsund(
            date(2024, 10, 8), "Nordic Sugar og Plejecenter Østerbo", (10, 11), "AB", "TL SØ"
        ),
        _lolland(
            date(2024, 10, 29),
            "Bustur til Nakskov Sygehus",
            (7,),
            "KN",
            "LP",
            bus=_LB,
            notes="Regnvejr.\nFrokost i kantinen.",
        ),
        _lolland(date(2024, 11, 26), "Bustur til Vestlollands Vognmand", (9,), "HH", "MJ"),
        _guldborgsund(
            date(2024, 12, 3),
            "Falster Entreprise og Nysted Bryghus",
            (16, 13),
            "SØ",
            "AB",
            cancelled=True,
            bus=_GT,
            notes="Aflyst: bussen brød sammen",
        ),
        _lolland(date(2025, 1, 21), "Bustur til Nakskov Stål", (0,), "KN", "HH MJ", bus=_LB),
        _guldborgsund(
            date(2025, 2, 4), "Horbelev Landbrug og Netto", (17, 15), "AB", "SØ", bus=_GT
        ),
        _lolland(date(2025, 3, 11), "Bustur til Maribo Kro", (1,), "HH", "KN", bus=_LB),
        _guldborgsund(
            date(2025, 3, 11),
            "Stubbekøbing Bådebyggeri og Sakskøbing Fjerkræ",
            (12, 14),
            "SØ",
            "TL JR",
        ),
        _lolland(
            date(2025, 4, 8),
            "Bustur til Rødby Havn",
            (2,),
            "KN",
            "MJ",
            format_text="",
            bus=_LB,
            notes="Format ikke noteret",
        ),
        _guldborgsund(
            date(2025, 4, 26),
            "Lørdagstur til Marielyst Strandhotel",
            (18,),
            "AB",
            "SØ TL",
            times=_WEEKEND,
            bus=_GT,
        ),
        _lolland(date(2025, 5, 20), "Bustur til Holeby Maskinfabrik", (4,), "HH", "MJ LP", bus=_LB),
        _guldborgsund(
            date(2025, 6, 10), "Nordic Sugar og Falster Entreprise", (10, 16), "SØ", "AB", bus=_GT
        ),
        _guldborgsund(
            date(2025, 8, 19), "Væggerløse Auto og Plejecenter Østerbo", (19, 11), "AB", "JR"
        ),
        _lolland(
            date(2025, 9, 7),
            "Søndagstur til Krogsbølle Genbrug",
            (8,),
            "KN",
            "HH",
            times=_WEEKEND,
            bus=_LB,
            notes="Søndag: genbrugsdag",
        ),
        _guldborgsund(
            date(2025, 9, 30), "Nysted Bryghus og Horbelev Landbrug", (13, 17), "SØ", "TL", bus=_GT
        ),
        _guldborgsund(date(2025, 10, 28), "Sakskøbing Fjerkræ og Netto", (14, 15), "AB", "SØ JR"),
        _lolland(date(2025, 11, 18), "Bustur til Netto Nakskov", (5,), "HH", "KN MJ", bus=_LB),
        _guldborgsund(
            date(2025, 12, 9),
            "Marielyst Strandhotel og Stubbekøbing Bådebyggeri",
            (18, 12),
            "SØ",
            "AB TL",
            bus=_GT,
        ),
    )


# --- attendance -------------------------------------------------------------------------


@dataclass(frozen=True)
class SeatSpec:
    trip: int  # index into TRIPS
    citizen: int  # index into CITIZENS
    status: Attendance
    status_text: str
    reason: str


# A cycle of twenty seats: 13 mødt, 2 kom for sent, 1 gik tidligt, 2 afbud, 2 udeblevet.
_STATUS_CYCLE: tuple[tuple[str, Attendance], ...] = (
    ("Mødt", Attendance.PRESENT),
    ("mødt", Attendance.PRESENT),
    ("Kom for sent", Attendance.LATE),
    ("Mødt", Attendance.PRESENT),
    ("Afbud", Attendance.EXCUSED),
    ("Mødt", Attendance.PRESENT),
    ("Mødt", Attendance.PRESENT),
    ("udeblevet", Attendance.NO_SHOW),
    ("Mødt", Attendance.PRESENT),
    ("gik tidligt", Attendance.LEFT_EARLY),
    ("Mødt", Attendance.PRESENT),
    ("MØDT", Attendance.PRESENT),
    ("Mødt", Attendance.PRESENT),
    ("kom for sent", Attendance.LATE),
    ("Mødt", Attendance.PRESENT),
    ("afbud", Attendance.EXCUSED),
    ("Mødt", Attendance.PRESENT),
    ("Udeblevet", Attendance.NO_SHOW),
    ("Mødt", Attendance.PRESENT),
    ("Mødt", Attendance.PRESENT),
)
_REASONS = {
    Attendance.EXCUSED: ("Syg", "Lægebesøg", ""),
    Attendance.NO_SHOW: ("Ingen besked", ""),
    Attendance.LATE: ("Bussen var forsinket", ""),
    Attendance.LEFT_EARLY: ("Hentede barn", ""),
}
ATTENDED = frozenset({Attendance.PRESENT, Attendance.LATE, Attendance.LEFT_EARLY})


def _seats(trips: Sequence[TripSpec]) -> tuple[SeatSpec, ...]:
    """11 seats on each of the first 20 completed trips, 10 on the other 8: 300. A trip's
    seats are a run of its municipality's 59 travellers, each trip starting 11 further on."""
    seats: list[SeatSpec] = []
    held = 0
    held_in: dict[str, int] = {LOLLAND: 0, GULDBORGSUND: 0}
    for index, trip in enumerate(trips):
        if trip.cancelled:
            continue
        count = 11 if held < 20 else 10
        held += 1
        k = held_in[trip.municipality]
        held_in[trip.municipality] += 1
        first = 0 if trip.municipality == LOLLAND else POOL_SIZE
        for j in range(count):
            citizen = first + (k * 11 + j) % POOL_SIZE
            text, status = _STATUS_CYCLE[len(seats) % len(_STATUS_CYCLE)]
            reasons = _REASONS.get(status, ("",))
            reason = reasons[len(seats) // len(_STATUS_CYCLE) % len(reasons)]
            seats.append(SeatSpec(index, citizen, status, text, reason))
    return tuple(seats)


# --- outcomes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OutcomeSpec:
    citizen: int
    kind_text: str
    kind: OutcomeKind
    start: date
    end: date | None
    company: int | None
    hours: float | None
    trip: int | None  # the trip it is linked to, or None
    trip_cell: str
    aim: str
    notes: str


_KIND_CYCLE: tuple[tuple[str, OutcomeKind], ...] = (
    ("praktik", OutcomeKind.INTERNSHIP),
    ("Løntilskud", OutcomeKind.WAGE_SUBSIDY),
    ("lønnede timer", OutcomeKind.PAID_HOURS_WITH_BENEFIT),
    ("småjob", OutcomeKind.SMALL_JOB),
    ("Fleksjob", OutcomeKind.FLEX_JOB),
    ("SU", OutcomeKind.EDUCATION),
    ("Ordinære timer uden ydelse", OutcomeKind.PAID_HOURS),
    ("Mentorforløb", OutcomeKind.MENTOR),
    ("kursus", OutcomeKind.UPSKILLING),
    ("Hybridpraktik", OutcomeKind.HYBRID_INTERNSHIP),
    ("Virksomhedspraktik", OutcomeKind.INTERNSHIP),
)
_WITH_HOURS = frozenset(
    {
        OutcomeKind.PAID_HOURS_WITH_BENEFIT,
        OutcomeKind.SMALL_JOB,
        OutcomeKind.FLEX_JOB,
        OutcomeKind.PAID_HOURS,
    }
)
_AT_COMPANY = _WITH_HOURS | {
    OutcomeKind.INTERNSHIP,
    OutcomeKind.HYBRID_INTERNSHIP,
    OutcomeKind.WAGE_SUBSIDY,
}
_HOURS = (7.5, 10.0, 15.0, 22.5, 37.0)
LINKED = 74


def trip_cell(trip: TripSpec, *, day_only: bool = False) -> str:
    """The outcome file's `tur`: `DD-MM-YYYY Title`, or the day alone."""
    day = trip.day.strftime("%d-%m-%Y")
    return day if day_only else f"{day} {trip.title}"


def _outcomes(
    trips: Sequence[TripSpec], seats: Sequence[SeatSpec], companies: Sequence[CompanySpec]
) -> tuple[OutcomeSpec, ...]:
    made: list[OutcomeSpec] = []
    came = [seat for seat in seats if seat.status in ATTENDED]
    for m, seat in enumerate(came[::3][:LINKED]):
        trip = trips[seat.trip]
        text, kind = _KIND_CYCLE[m % len(_KIND_CYCLE)]
        start = trip.day + timedelta(days=7 + (m * 5) % 50)
        end = {1: start + timedelta(days=91), 3: start + timedelta(days=30)}.get(m % 4)
        placement = kind in {OutcomeKind.INTERNSHIP, OutcomeKind.HYBRID_INTERNSHIP}
        made.append(
            OutcomeSpec(
                citizen=seat.citizen,
                kind_text=text,
                kind=kind,
                start=start,
                end=end,
                company=trip.companies[m % len(trip.companies)] if kind in _AT_COMPANY else None,
                hours=_HOURS[m % len(_HOURS)] if kind in _WITH_HOURS else None,
                trip=seat.trip,
                trip_cell=trip_cell(trip, day_only=m % 6 == 5),
                aim="Afklare arbejdsevnen" if placement else "",
                notes="Aftalt ved besøget" if m % 7 == 0 else "",
            )
        )
    attended_days: dict[int, list[date]] = {}
    for seat in came:
        attended_days.setdefault(seat.citizen, []).append(trips[seat.trip].day)
    # Four after the citizen's last trip (credited to it), one before their first (not
    # credited), one of a citizen never on a trip (not in the figures at all).
    unlinked: list[tuple[int, str, OutcomeKind, date, float | None]] = []
    for n, (citizen, (text, kind)) in enumerate(
        zip(
            (2, 30, 70, 95),
            (
                ("kursus", OutcomeKind.UPSKILLING),
                ("SU", OutcomeKind.EDUCATION),
                ("mentor", OutcomeKind.MENTOR),
                ("fleksjob", OutcomeKind.FLEX_JOB),
            ),
            strict=True,
        )
    ):
        start = max(attended_days[citizen]) + timedelta(days=100 + n)
        unlinked.append((citizen, text, kind, start, 12.0 if kind in _WITH_HOURS else None))
    early = next(c for c in sorted(attended_days) if min(attended_days[c]) > date(2024, 6, 1))
    before_first = min(attended_days[early]) - timedelta(days=20)
    unlinked.append((early, "Løntilskud", OutcomeKind.WAGE_SUBSIDY, before_first, None))
    never = CITIZEN_COUNT - 2
    paid = ("Ordinære timer uden ydelse", OutcomeKind.PAID_HOURS)
    unlinked.append((never, *paid, date(2025, 5, 1), 30.0))
    for citizen, text, kind, start, hours in unlinked:
        made.append(
            OutcomeSpec(citizen, text, kind, start, None, None, hours, None, "", "", "Uden tur")
        )
    return tuple(made)


# --- the whole history ------------------------------------------------------------------


@dataclass(frozen=True)
class History:
    companies: tuple[CompanySpec, ...]
    citizens: tuple[CitizenSpec, ...]
    staff: tuple[StaffSpec, ...]
    trips: tuple[TripSpec, ...]
    seats: tuple[SeatSpec, ...]
    outcomes: tuple[OutcomeSpec, ...]

    def citizen_cells(self, index: int) -> tuple[str, str]:
        """`borger`, `telefon` as the history files name a citizen: the phone only where the
        name is shared, or on every third citizen (digits only, as a spreadsheet has them)."""
        citizen = self.citizens[index]
        shared = sum(c.name == citizen.name for c in self.citizens) > 1
        phone = citizen.phone if shared else ""
        if not shared and index % 3 == 0:
            phone = citizen.phone.replace(" ", "")
        return citizen.name, phone

    def tables(self) -> dict[str, tuple[list[str], list[list[Any]]]]:
        """Each file's heading and rows, dates as dates (the writer formats them)."""
        companies = self.companies
        trips = self.trips
        tables: dict[str, tuple[list[str], list[list[Any]]]] = {}
        tables["companies"] = (
            COMPANY_HEADERS,
            [[c.name, c.cvr, c.postcode, c.municipality] for c in companies],
        )
        tables["staff"] = (
            STAFF_HEADERS,
            [[s.name, s.initials, s.role, s.municipality] for s in self.staff],
        )
        tables["citizens"] = (
            CITIZEN_HEADERS,
            [
                [
                    c.name,
                    c.phone.replace(" ", "") if i % 2 else c.phone,
                    c.municipality,
                    c.benefit_text,
                    BENEFIT_SINCE,
                    c.caseworker,
                    c.birth_year,
                    c.gender,
                ]
                for i, c in enumerate(self.citizens)
            ],
        )
        tables["trips"] = (
            TRIP_HEADERS,
            [
                [
                    t.day,
                    t.title,
                    t.format_text,
                    t.municipality,
                    "; ".join(companies[c].ref for c in t.companies),
                    t.start,
                    t.end,
                    t.lead,
                    ", ".join(t.staff),
                    "aflyst" if t.cancelled else "gennemført",
                    t.bus,
                    t.notes,
                ]
                for t in trips
            ],
        )
        tables["attendance"] = (
            ATTENDANCE_HEADERS,
            [
                [
                    trips[s.trip].day,
                    trips[s.trip].title,
                    *self.citizen_cells(s.citizen),
                    s.status_text,
                    s.reason,
                ]
                for s in self.seats
            ],
        )
        tables["outcomes"] = (
            OUTCOME_HEADERS,
            [
                [
                    *self.citizen_cells(o.citizen),
                    o.kind_text,
                    o.start,
                    o.end,
                    companies[o.company].ref if o.company is not None else "",
                    o.hours,
                    o.trip_cell,
                    o.aim,
                    o.notes,
                ]
                for o in self.outcomes
            ],
        )
        return tables


def history() -> History:
    companies = _companies()
    trips = _trips()
    seats = _seats(trips)
    made = History(companies, _citizens(), STAFF, trips, seats, _outcomes(trips, seats, companies))
    _check(made)
    return made


def _check(made: History) -> None:
    """What the scenario promises, held (a mistake here would make the tests lie)."""
    assert len(made.companies) == 20 and len(made.citizens) == CITIZEN_COUNT
    assert len(made.staff) == 8 and len(made.trips) == 30
    assert len(made.seats) == 300 and len(made.outcomes) == 80
    assert sum(t.cancelled for t in made.trips) == 2
    assert sum(t.day.weekday() >= 5 for t in made.trips) == 3
    assert all(date(2024, 1, 1) <= t.day <= date(2025, 12, 31) for t in made.trips)
    keys = [(t.day, t.title) for t in made.trips]
    assert len(set(keys)) == 30 and len({t.day for t in made.trips}) == 29
    assert {s.status for s in made.seats} == ATTENDED | {Attendance.EXCUSED, Attendance.NO_SHOW}
    assert not any(made.trips[s.trip].cancelled for s in made.seats)
    days = [(s.citizen, made.trips[s.trip].day) for s in made.seats]
    assert len(set(days)) == len(days), "a citizen on two trips on one day"
    assert len({c.name for c in made.citizens}) == CITIZEN_COUNT - len(SAME_NAME)
    assert len({c.phone for c in made.citizens}) == CITIZEN_COUNT
    identities = [(o.citizen, o.kind, o.start) for o in made.outcomes]
    assert len(set(identities)) == len(identities)
    came = {(s.trip, s.citizen) for s in made.seats if s.status in ATTENDED}
    for o in made.outcomes:
        if o.trip is not None:
            assert (o.trip, o.citizen) in came and o.start >= made.trips[o.trip].day
        assert o.end is None or o.end >= o.start
    assert sum(o.trip is None for o in made.outcomes) == 6
    assert len({o.kind for o in made.outcomes}) >= 8


def write_files(history: History, folder: Path, suffix: str) -> dict[str, Path]:
    """Every file of the history in `folder` as `.csv` or `.xlsx`, by kind."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for kind, (headers, rows) in history.tables().items():
        path = folder / f"{kind}{suffix}"
        write_table(path, headers, rows, sheet=kind)
        paths[kind] = path
    return paths


# --- the figures expected ---------------------------------------------------------------

PAID_WORK = frozenset(
    {OutcomeKind.PAID_HOURS, OutcomeKind.PAID_HOURS_WITH_BENEFIT, OutcomeKind.FLEX_JOB}
)
_BESIDE_BENEFIT = frozenset({OutcomeKind.SMALL_JOB, OutcomeKind.HYBRID_INTERNSHIP})


@dataclass(frozen=True)
class Tally:
    trips: int
    invited: int
    attended: int
    late: int
    left_early: int
    excused: int
    no_show: int
    citizens_attended: int
    by_kind: dict[str, int]  # kind code → distinct citizens credited with one
    citizens_with_outcome: int
    in_paid_work: int
    on_by_kind: dict[str, int]  # the same, of the outcomes running on ON
    on_citizens_with_outcome: int


def credited_trip(history: History, outcome: OutcomeSpec) -> int | None:
    """The trip the figures credit an outcome to: its own, or (none linked) the latest
    completed trip the citizen attended on or before its start."""
    if outcome.trip is not None:
        return outcome.trip
    before = [
        (history.trips[s.trip].day, s.trip)
        for s in history.seats
        if s.citizen == outcome.citizen
        and s.status in ATTENDED
        and history.trips[s.trip].day <= outcome.start
    ]
    return max(before)[1] if before else None


def _counted_kind(history: History, outcome: OutcomeSpec) -> OutcomeKind:
    """A small job or hybridpraktik is paid hours beside the benefit; without one (the
    scenario's benefits never change), paid hours."""
    if outcome.kind not in _BESIDE_BENEFIT:
        return outcome.kind
    if history.citizens[outcome.citizen].benefit == BenefitGroup.NONE:
        return OutcomeKind.PAID_HOURS
    return OutcomeKind.PAID_HOURS_WITH_BENEFIT


def tally(history: History, trip_indexes: set[int]) -> Tally:
    """The figures of the completed trips among `trip_indexes`, counted from the lists."""
    held = {i for i in trip_indexes if history.trips[i].completed}
    seats = [s for s in history.seats if s.trip in held]

    def count(*statuses: Attendance) -> int:
        return sum(s.status in statuses for s in seats)

    credited = [o for o in history.outcomes if credited_trip(history, o) in held]
    running = [o for o in credited if o.start <= ON and (o.end is None or o.end >= ON)]

    def kinds(outcomes: list[OutcomeSpec]) -> dict[str, int]:
        return {
            kind.value: len({o.citizen for o in outcomes if o.kind == kind}) for kind in OutcomeKind
        }

    return Tally(
        trips=len(held),
        invited=len(seats),
        attended=count(*ATTENDED),
        late=count(Attendance.LATE),
        left_early=count(Attendance.LEFT_EARLY),
        excused=count(Attendance.EXCUSED),
        no_show=count(Attendance.NO_SHOW),
        citizens_attended=len({s.citizen for s in seats if s.status in ATTENDED}),
        by_kind=kinds(credited),
        citizens_with_outcome=len({o.citizen for o in credited}),
        in_paid_work=len({o.citizen for o in credited if _counted_kind(history, o) in PAID_WORK}),
        on_by_kind=kinds(running),
        on_citizens_with_outcome=len({o.citizen for o in running}),
    )
