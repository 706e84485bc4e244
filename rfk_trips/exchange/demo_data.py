"""Realistic, deterministic Danish demo data for Lolland and Guldborgsund.

Distributions follow DOMAIN.md: industries as the 311-company survey (Table 2.4), sectors
65/20/15 %, benefit groups, gender and age bands as Table 6.1, Lolland 58 % of citizens,
Springbrættet cohorts of 12–15 who take two trips each within their 13-week course (on
working days), Guldborgsund trips of 6–12 with two visits of which one host has placement
experience. The same seed and `today` always give the same data; trips lie from about five
months before `today` to four months after. Company names are unique within a postcode and
citizens' phone numbers unique, also on top of data already there (`demo --force`), since
import knows a company without CVR by name and postcode and a citizen by name and phone:
an exported register imports again unchanged.

Scale 1 is about 200 companies, 700 citizens, 25 staff and 60 trips; scale N is N times that.
Rows are written with bulk statements so that scale 100 loads in seconds.
"""

import itertools
import random
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from rfk_trips.i18n.labels import normalise
from rfk_trips.rules.danish_dates import holiday_name, is_weekend
from rfk_trips.rules.fields import cvr_checksum_ok
from rfk_trips.rules.formats import programme_from_stored, programme_to_stored
from rfk_trips.trips.overview import counts
from storage.codes import (
    ATTENDED,
    Attendance,
    BenefitGroup,
    FollowUpKind,
    Gender,
    Industry,
    OutcomeKind,
    ParticipantRole,
    Sector,
    StaffRole,
    TargetMeasure,
    TripStatus,
)
from storage.models import (
    Citizen,
    CitizenBenefitPeriod,
    Company,
    FollowUp,
    Municipality,
    Outcome,
    Participation,
    Staff,
    Target,
    Trip,
    TripFormat,
    TripStaff,
    Visit,
    citizen_search_text,
    company_search_text,
    staff_search_text,
)
from storage.search_text import sort_key
from storage.sequences import realign_sequences
from storage.sessions import session_scope

T = TypeVar("T")

TOWNS: dict[str, list[tuple[str, str]]] = {
    "Lolland": [
        ("4900", "Nakskov"), ("4930", "Maribo"), ("4970", "Rødby"), ("4920", "Søllested"),
        ("4913", "Horslunde"), ("4960", "Holeby"), ("4983", "Dannemare"), ("4943", "Torrig L"),
    ],
    "Guldborgsund": [
        ("4800", "Nykøbing F"), ("4990", "Sakskøbing"), ("4880", "Nysted"),
        ("4850", "Stubbekøbing"), ("4873", "Væggerløse"), ("4863", "Eskilstrup"),
        ("4874", "Gedser"), ("4840", "Nørre Alslev"),
    ],
}  # fmt: skip
MEETING_PLACES = {
    "Lolland": "Kompetencecenter Krogsbølle, Krogsbøllevej 2, 4900 Nakskov",
    "Guldborgsund": "Jobcenter Guldborgsund, Parkvej 37, 4800 Nykøbing F",
}
STREETS = (
    "Industrivej", "Havnegade", "Østergade", "Vestergade", "Nørregade", "Søndergade",
    "Stationsvej", "Fabriksvej", "Erhvervsvej", "Banegårdsvej", "Skovvej", "Møllevej",
    "Strandvejen", "Kirkestræde", "Torvet", "Engvej",
)  # fmt: skip
FIRST_NAMES_F = (
    "Anne", "Mette", "Susanne", "Hanne", "Lene", "Camilla", "Tina", "Pia", "Louise", "Maria",
    "Charlotte", "Heidi", "Dorthe", "Jeanette", "Sanne", "Malene", "Rikke", "Bente", "Kirsten",
    "Sabrina", "Nadia", "Fatima", "Aysel", "Julie", "Line", "Janni", "Birgitte", "Gitte",
)  # fmt: skip
FIRST_NAMES_M = (
    "Jens", "Peter", "Michael", "Lars", "Henrik", "Thomas", "Søren", "Jan", "Martin", "Niels",
    "Kim", "Brian", "René", "Jesper", "Morten", "Kenneth", "Dennis", "Allan", "Bo", "Ole",
    "Mads", "Jonas", "Ahmad", "Ali", "Kasper", "Steen", "Torben", "Jørgen",
)  # fmt: skip
SURNAMES = (
    "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
    "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen",
    "Mikkelsen", "Frederiksen", "Lund", "Holm", "Schmidt", "Eriksen", "Kristiansen", "Vestergaard",
)  # fmt: skip

# Industry weights from DOMAIN.md §3.3, Table 2.4 (number of companies per group).
INDUSTRY_WEIGHTS: dict[Industry, int] = {
    Industry.AGRICULTURE: 13, Industry.MANUFACTURING: 18, Industry.CONSTRUCTION: 28,
    Industry.RETAIL: 75, Industry.OTHER_TRADE: 15, Industry.HOTELS_RESTAURANTS: 29,
    Industry.SOCIAL_INSTITUTIONS: 33, Industry.ASSOCIATIONS_CULTURE: 30,
    Industry.PUBLIC_ADMIN: 27, Industry.OTHER_INDUSTRIES: 42,
}  # fmt: skip
COMPANY_WORDS: dict[Industry, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Industry.AGRICULTURE: (("Gartneri", "Planteskole", "Frugtplantage", "Gods", "Maskinstation"), ("ApS", "I/S", "")),
    Industry.MANUFACTURING: (("Stål", "Plast", "Emballage", "Sukker", "Metal", "Trævarer"), ("A/S", "ApS")),
    Industry.CONSTRUCTION: (("Byg", "Tømrer", "Murer", "Entreprise", "Anlæg", "VVS"), ("ApS", "A/S")),
    Industry.RETAIL: (("SuperBrugsen", "Byggemarked", "Dagligvarer", "Genbrugsbutik", "Cykelhandel", "Blomster"), ("", "ApS")),
    Industry.OTHER_TRADE: (("Engros", "Grovvarer", "Foder", "Lager og Logistik"), ("A/S", "ApS")),
    Industry.HOTELS_RESTAURANTS: (("Hotel", "Kro", "Restaurant", "Kantine", "Café", "Badehotel"), ("", "ApS")),
    Industry.SOCIAL_INSTITUTIONS: (("Plejecenter", "Bosted", "Børnehus", "Aktivitetscenter"), ("",)),
    Industry.ASSOCIATIONS_CULTURE: (("Genbrugsplads", "Idrætsforening", "Museum", "Teater", "Renovation"), ("",)),
    Industry.PUBLIC_ADMIN: (("Skole", "Sundhedshus", "Rådhus", "Materielgård"), ("",)),
    Industry.OTHER_INDUSTRIES: (("Rengøring", "Vognmand", "Autoværksted", "Vaskeri", "Service"), ("ApS", "A/S")),
}  # fmt: skip
TASKS: dict[Industry, tuple[str, ...]] = {
    Industry.AGRICULTURE: ("plukning", "pakning af grøntsager", "pasning af drivhus", "lugning"),
    Industry.MANUFACTURING: ("pakning", "rengøring af maskiner", "sortering", "lager"),
    Industry.CONSTRUCTION: ("oprydning på byggeplads", "materialehåndtering", "maling"),
    Industry.RETAIL: ("opfyldning af varer", "rengøring", "flaskeretur", "lager"),
    Industry.OTHER_TRADE: ("pluk og pak", "lager", "sortering"),
    Industry.HOTELS_RESTAURANTS: ("opvask", "køkkenhjælp", "rengøring af værelser", "anretning"),
    Industry.SOCIAL_INSTITUTIONS: ("køkken", "pedelopgaver", "rengøring", "gåture med beboere"),
    Industry.ASSOCIATIONS_CULTURE: ("sortering af genbrug", "pedelopgaver", "billetsalg"),
    Industry.PUBLIC_ADMIN: ("pedelopgaver", "kantine", "udendørs vedligehold"),
    Industry.OTHER_INDUSTRIES: ("rengøring", "vask af biler", "vaskeri", "budkørsel"),
}
JOB_GOALS = (
    "rengøring", "køkken", "service", "lager", "produktion", "butik", "pakning", "gartneri",
    "pedel", "transport", "pleje", "byggeri",
)  # fmt: skip
ACCOMMODATION_NEEDS = (
    "Kan ikke stå i længere tid ad gangen",
    "Undgå tunge løft (ryg)",
    "Har brug for pauser undervejs",
    "Bliver urolig i store grupper; vil gerne sidde forrest i bussen",
    "Dårligt gående; skovtur i kort version",
    "Vil gerne have en, hun kender, med ved besøget",
)
BENEFIT_WEIGHTS: dict[BenefitGroup, float] = {
    BenefitGroup.CASH_ASSISTANCE: 81.0, BenefitGroup.EDUCATION_BENEFIT: 7.5,
    BenefitGroup.RESOURCE_PROGRAMME: 4.5, BenefitGroup.JOB_CLARIFICATION: 2.5,
    BenefitGroup.REHABILITATION: 1.0, BenefitGroup.INTEGRATION: 1.1,
    BenefitGroup.OTHER: 1.2, BenefitGroup.NONE: 1.2,
}  # fmt: skip
AGE_BANDS = ((18, 29, 7.4), (30, 39, 34.4), (40, 49, 30.3), (50, 59, 22.6), (60, 66, 5.3))
ATTENDANCE_WEIGHTS: dict[Attendance, float] = {
    Attendance.PRESENT: 75, Attendance.LATE: 5, Attendance.LEFT_EARLY: 3,
    Attendance.EXCUSED: 8, Attendance.NO_SHOW: 9,
}  # fmt: skip


@dataclass(frozen=True)
class DemoResult:
    companies: int
    citizens: int
    staff: int
    trips: int


def _weighted(rng: random.Random, weights: dict[T, float] | dict[T, int]) -> T:
    keys = list(weights)
    return rng.choices(keys, weights=[float(weights[k]) for k in keys])[0]


def _phone(rng: random.Random) -> str:
    digits = f"{rng.choice((2, 3, 4, 5, 6, 7, 8, 9))}{rng.randrange(10**7):07d}"
    return " ".join(digits[i : i + 2] for i in range(0, 8, 2))


def _cvrs(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    result: list[str] = []
    number = 10_000_000 + rng.randrange(1_000_000)
    while len(result) < count:
        number += 1 + rng.randrange(17)
        digits = str(number)
        if cvr_checksum_ok(digits) and digits not in taken:
            result.append(digits)
    return result


# Told apart the way two local firms of the same trade are: by part of town, or "& Søn".
NAME_QUALIFIERS = ("Nord", "Syd", "Øst", "Vest", "& Søn", "& Co.", "Centrum", "Havn")


def _unique_company_name(
    lead: str, word: str, suffix: str, postcode: str, taken: set[tuple[str, str]]
) -> str:
    """`lead word suffix`, or with a qualifier before the suffix when a company of that name
    is already in `postcode`: import matches a company without CVR on name and postcode, so
    two of the same name there would make an exported register fail to import again.

    Takes nothing from the random stream, so the rest of the demo is the same either way.
    """
    core = f"{lead} {word}"
    for qualifier in itertools.chain(("",), NAME_QUALIFIERS, map(str, itertools.count(2))):
        name = " ".join(p for p in (core, qualifier, suffix) if p)
        key = (normalise(name), postcode)
        if key not in taken:
            taken.add(key)
            return name
    raise AssertionError("unreachable: count() never ends")


SPRINGBOARD_COURSE_WEEKS = 13
_SPRINGBOARD_COHORT = re.compile(r"Springbrættet (\d{4}) uge (\d{1,2})(?: hold \d+)?")


def springboard_course(cohort: str) -> tuple[date, date] | None:
    """The first and last day of a demo Springbrættet cohort's 13-week course, read from
    its name (»Springbrættet 2026 uge 10« starts on the Monday of ISO week 10), or None
    for a name of another kind."""
    found = _SPRINGBOARD_COHORT.fullmatch(cohort)
    if found is None:
        return None
    first = date.fromisocalendar(int(found[1]), int(found[2]), 1)
    return first, first + timedelta(weeks=SPRINGBOARD_COURSE_WEEKS, days=-3)  # its last Friday


def _working_days(start: date, end: date) -> list[date]:
    days = []
    day = start
    while day <= end:
        if not is_weekend(day) and holiday_name(day) is None:
            days.append(day)
        day += timedelta(days=1)
    return days


def _next_id(session: Session, model: Any) -> int:
    return int(session.scalar(select(func.max(model.id))) or 0) + 1


def is_empty(engine: Engine, today: date) -> bool:
    return counts(engine, today=today).empty


def load_demo(engine: Engine, *, scale: int = 1, seed: int = 2026, today: date) -> DemoResult:
    """Write demo data for `scale` in one transaction; the caller checks the database is empty."""
    rng = random.Random(seed)
    with session_scope(engine) as session:
        municipalities = {m.name: m.id for m in session.scalars(select(Municipality))}
        formats = {f.code: f for f in session.scalars(select(TripFormat))}
        staff_rows = _staff(rng, session, scale, municipalities)
        company_rows = _companies(rng, session, scale, municipalities)
        citizen_rows = _citizens(rng, session, scale, municipalities, staff_rows, today)
        # Bulk statements skip the mapper events that keep search_text and sort_name.
        for rows, fold in (
            (staff_rows, staff_search_text),
            (company_rows, company_search_text),
            (citizen_rows, citizen_search_text),
        ):
            for row in rows:
                row["search_text"] = fold(row)
                row["sort_name"] = sort_key(row["name"])
        for model, rows in ((Staff, staff_rows), (Company, company_rows), (Citizen, citizen_rows)):
            if rows:
                session.execute(insert(model), rows)
        # A stream of its own, so the benefit histories leave every other demo row as it was.
        if periods := _benefit_periods(random.Random(seed + 2), citizen_rows, today):
            session.execute(insert(CitizenBenefitPeriod), periods)
        trips = _trips(
            rng,
            session,
            scale,
            municipalities,
            formats,
            staff_rows,
            company_rows,
            citizen_rows,
            today,
        )
        # A stream of its own: adding outcomes leaves every earlier demo row as it was.
        extra = random.Random(seed + 1)
        _after_the_trips(extra, session, today)
        for municipality in session.scalars(select(Municipality)):
            if not municipality.jobcentre_phone:
                municipality.jobcentre_phone = _phone(extra)
                session.add(municipality)
        _targets(session, scale, today)
        session.flush()
        realign_sequences(session.connection())
        return DemoResult(len(company_rows), len(citizen_rows), len(staff_rows), trips)


def _staff(
    rng: random.Random, session: Session, scale: int, municipalities: dict[str, int | None]
) -> list[dict[str, Any]]:
    taken = set(session.scalars(select(col(Staff.initials))))
    plan = {
        "Guldborgsund": [StaffRole.COMPANY_CONSULTANT] * 4 + [StaffRole.LABOUR_MARKET_CONSULTANT] * 4
        + [StaffRole.CASEWORKER] * 3,
        "Lolland": [StaffRole.JOB_BROKER] * 6 + [StaffRole.CASEWORKER] * 4
        + [StaffRole.COMPANY_CONSULTANT] * 2 + [StaffRole.HEALTH_PROFESSIONAL] * 2,
    }  # fmt: skip
    rows: list[dict[str, Any]] = []
    next_id = _next_id(session, Staff)
    for _ in range(scale):
        for municipality, roles in plan.items():
            for role in roles:
                female = rng.random() < 0.6
                first = rng.choice(FIRST_NAMES_F if female else FIRST_NAMES_M)
                last = rng.choice(SURNAMES)
                base = (first[:2] + last[:2]).upper()
                initials, n = base, 1
                while initials in taken:
                    n += 1
                    initials = f"{base}{n}"
                taken.add(initials)
                domain = "lolland.dk" if municipality == "Lolland" else "guldborgsund.dk"
                rows.append(
                    {
                        "id": next_id,
                        "name": f"{first} {last}",
                        "initials": initials,
                        "role": role,
                        "phone": _phone(rng),
                        "email": f"{initials.lower()}@{domain}",
                        "municipality_id": municipalities.get(municipality),
                        "archived": False,
                        "updated_at": datetime.now(UTC),
                    }
                )
                next_id += 1
    return rows


def _companies(
    rng: random.Random, session: Session, scale: int, municipalities: dict[str, int | None]
) -> list[dict[str, Any]]:
    count = 200 * scale
    taken = {c for c in session.scalars(select(col(Company.cvr))) if c}
    cvrs = _cvrs(rng, count, taken)
    names_taken = {
        (normalise(name), postcode or "")
        for name, postcode in session.execute(select(col(Company.name), col(Company.postcode)))
    }
    rows: list[dict[str, Any]] = []
    next_id = _next_id(session, Company)
    for index in range(count):
        municipality = "Lolland" if rng.random() < 0.5 else "Guldborgsund"
        postcode, town = rng.choice(TOWNS[municipality])
        industry = _weighted(rng, INDUSTRY_WEIGHTS)
        words, suffixes = COMPANY_WORDS[industry]
        parts = (
            town.removesuffix(" F").removesuffix(" L"),
            rng.choice(words),
            rng.choice(suffixes),
        )
        public = industry in (
            Industry.PUBLIC_ADMIN,
            Industry.SOCIAL_INSTITUTIONS,
            Industry.ASSOCIATIONS_CULTURE,
        )
        if not public and rng.random() < 0.4:
            parts = (rng.choice(SURNAMES) + "s", rng.choice(words), rng.choice(suffixes))
        name = _unique_company_name(*parts, postcode, names_taken)
        sector = (
            Sector.PUBLIC
            if public and rng.random() < 0.8
            else _weighted(rng, {Sector.PRIVATE: 65, Sector.PUBLIC: 8, Sector.OTHER: 15})
        )
        size = rng.random()
        employees = (
            rng.randint(1, 5) if size < 0.27 else rng.randint(6, 50) if size < 0.5
            else rng.randint(51, 99) if size < 0.88 else rng.randint(100, 600)
        )  # fmt: skip
        placement = rng.random() < 0.45
        social = rng.random() < 0.3
        shortage = rng.random() < 0.35
        tasks = (
            rng.sample(TASKS[industry], k=rng.randint(1, 3))
            if (shortage or rng.random() < 0.5)
            else []
        )
        contact_first = rng.choice(FIRST_NAMES_F + FIRST_NAMES_M)
        rows.append(
            {
                "id": next_id + index,
                "name": name,
                "cvr": cvrs[index] if rng.random() < 0.9 else None,
                "industry": industry,
                "address": f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
                "postcode": postcode,
                "town": town,
                "municipality_id": municipalities.get(municipality),
                "sector": sector,
                "employees": employees,
                "contact_person": f"{contact_first} {rng.choice(SURNAMES)}",
                "phone": _phone(rng),
                "email": f"kontakt{next_id + index}@example.dk",
                "placement_experience": placement,
                "social_responsibility": social,
                "labour_shortage": shortage,
                "tasks": tasks,
                "ambassador": rng.random() < 0.13,
                "max_visitors": rng.choice((None, 15, 20, 25, 30)),
                "notes": "",
                "archived": rng.random() < 0.03,
                "updated_at": datetime.now(UTC),
            }
        )
    return rows


def _citizens(
    rng: random.Random,
    session: Session,
    scale: int,
    municipalities: dict[str, int | None],
    staff_rows: Sequence[dict[str, Any]],
    today: date,
) -> list[dict[str, Any]]:
    count = 700 * scale
    caseworkers: dict[int | None, list[int]] = defaultdict(list)
    for row in staff_rows:
        if row["role"] in (
            StaffRole.CASEWORKER,
            StaffRole.JOB_BROKER,
            StaffRole.LABOUR_MARKET_CONSULTANT,
        ):
            caseworkers[row["municipality_id"]].append(row["id"])
    rows: list[dict[str, Any]] = []
    next_id = _next_id(session, Citizen)
    phones_taken = {phone for phone in session.scalars(select(col(Citizen.phone))) if phone}
    lolland_count = 0
    for index in range(count):
        municipality = "Lolland" if rng.random() < 0.58 else "Guldborgsund"
        municipality_id = municipalities.get(municipality)
        female = rng.random() < 0.523
        low, high, _ = rng.choices(AGE_BANDS, weights=[w for *_, w in AGE_BANDS])[0]
        if municipality == "Lolland":
            # Springbrættet cohorts of about 14, one starting each week, back from `today`.
            week_back = lolland_count // 14
            lolland_count += 1
            start = today - timedelta(weeks=week_back % 40)
            iso_year, iso_week, _ = start.isocalendar()
            cohort = f"Springbrættet {iso_year} uge {iso_week}"
            # Later scales reuse the weeks; a suffix keeps those cohorts apart.
            if week_back >= 40:
                cohort += f" hold {week_back // 40 + 1}"
        else:
            cohort = (
                "" if rng.random() < 0.6 else f"Servicekursus {today.year} hold {rng.randint(1, 3)}"
            )
        name = f"{rng.choice(FIRST_NAMES_F if female else FIRST_NAMES_M)} {rng.choice(SURNAMES)}"
        # Import knows a citizen by name and phone: two alike would be one person to it.
        phone = _phone(rng)
        while phone in phones_taken:
            phone = _phone(rng)
        phones_taken.add(phone)
        rows.append(
            {
                "id": next_id + index,
                "name": name,
                "phone": phone,
                "municipality_id": municipality_id,
                "benefit_group": _weighted(rng, BENEFIT_WEIGHTS),
                "caseworker_id": rng.choice(caseworkers[municipality_id])
                if caseworkers[municipality_id]
                else None,
                "cohort": cohort,
                "job_goals": rng.sample(JOB_GOALS, k=rng.randint(1, 3)),
                "attendance_duty": rng.random() < 0.96,
                "referral_date": today - timedelta(days=rng.randint(30, 700)),
                "accommodation_needs": rng.choice(ACCOMMODATION_NEEDS)
                if rng.random() < 0.2
                else "",
                "birth_year": today.year - rng.randint(low, high),
                "gender": Gender.WOMAN if female else Gender.MAN,
                "archived": False,
                "updated_at": datetime.now(UTC),
            }
        )
    return rows


def _benefit_periods(
    rng: random.Random, citizen_rows: Sequence[dict[str, Any]], today: date
) -> list[dict[str, Any]]:
    """Each citizen's benefit since their referral; one in four changed benefit on the way.

    As `rfk_trips.registers.benefit_periods` keeps them: the open period is the citizen's
    current `benefit_group`, an earlier one ends the day before the next begins.
    """
    periods: list[dict[str, Any]] = []
    for row in citizen_rows:
        since: date = row["referral_date"]
        if rng.random() < 0.25 and (today - since).days > 60:
            changed = since + timedelta(days=rng.randint(30, (today - since).days - 1))
            earlier = _weighted(rng, BENEFIT_WEIGHTS)
            if earlier != row["benefit_group"]:
                periods.append(
                    {
                        "citizen_id": row["id"],
                        "benefit_group": earlier,
                        "since": since,
                        "until": changed - timedelta(days=1),
                    }
                )
                since = changed
        periods.append(
            {"citizen_id": row["id"], "benefit_group": row["benefit_group"], "since": since}
        )
    return periods


def _trips(
    rng: random.Random,
    session: Session,
    scale: int,
    municipalities: dict[str, int | None],
    formats: dict[str, TripFormat],
    staff_rows: Sequence[dict[str, Any]],
    company_rows: Sequence[dict[str, Any]],
    citizen_rows: Sequence[dict[str, Any]],
    today: date,
) -> int:
    # Long: one seeded random stream plans every trip; the nested helpers share its draws and
    # the busy days, hosts and ids, and the order of the draws is what makes the demo repeatable
    # (the snapshots are drawn from it). Split, the same state would travel through each call.
    days = _working_days(today - timedelta(days=150), today + timedelta(days=120))
    trip_rows: list[dict[str, Any]] = []
    visit_rows: list[dict[str, Any]] = []
    participation_rows: list[dict[str, Any]] = []
    staff_links: list[dict[str, Any]] = []
    busy_staff: dict[date, set[int]] = defaultdict(set)
    busy_company: dict[date, set[int]] = defaultdict(set)
    next_trip = _next_id(session, Trip)
    next_visit = _next_id(session, Visit)
    next_part = _next_id(session, Participation)

    def hosts(municipality_id: int | None) -> list[dict[str, Any]]:
        return [
            c for c in company_rows
            if c["municipality_id"] == municipality_id and not c["archived"]
            and (c["placement_experience"] or c["social_responsibility"] or (c["labour_shortage"] and c["tasks"]))
        ]  # fmt: skip

    def staff_of(municipality_id: int | None, roles: tuple[StaffRole, ...]) -> list[int]:
        return [
            s["id"]
            for s in staff_rows
            if s["municipality_id"] == municipality_id and s["role"] in roles
        ]

    def add_trip(fmt: TripFormat, municipality: str, day: date, title: str, group: list[int],
                 reserves: list[int], companies: list[dict[str, Any]], staff_ids: list[int]) -> None:  # fmt: skip
        nonlocal next_trip, next_visit, next_part
        trip_id = next_trip
        next_trip += 1
        past = day < today
        if past:
            status = TripStatus.CANCELLED if rng.random() < 0.05 else TripStatus.COMPLETED
        else:
            status = _weighted(
                rng, {TripStatus.DRAFT: 2, TripStatus.PLANNED: 3, TripStatus.CONFIRMED: 4}
            )
        people = len(group) + len(staff_ids)
        trip_rows.append(
            {
                "id": trip_id, "title": title, "trip_date": day, "format_id": fmt.id,
                "municipality_id": municipalities.get(municipality), "status": status,
                "meeting_place": MEETING_PLACES[municipality], "meeting_time": fmt.start_time,
                "return_time": fmt.end_time or time(15, 30),
                "bus_operator": rng.choice(("Lolland Turist", "Falster Busser", "Nakskov Taxa & Bus")),
                "bus_reference": f"B{rng.randrange(10000, 99999)}",
                "bus_seats": max(people, rng.choice((20, 24, 32))),
                "catering_count": people if fmt.code == "guldborgsund" else None,
                "catering_notes": "1 vegetar, 1 uden svinekød" if fmt.code == "guldborgsund" else "",
                "programme": programme_to_stored(programme_from_stored(fmt.programme)),
                "notes": "",
                "version": 1, "updated_at": datetime.now(UTC),
            }
        )  # fmt: skip
        slots = (
            [(time(9, 15), time(10, 45)), (time(13, 0), time(14, 30))]
            if fmt.code == "guldborgsund" else [(time(13, 45), time(15, 15))]
        )  # fmt: skip
        for position, (company, (start, end)) in enumerate(zip(companies, slots, strict=False), 1):
            busy_company[day].add(company["id"])
            visit_rows.append(
                {
                    "id": next_visit, "trip_id": trip_id, "company_id": company["id"],
                    "position": position, "start_time": start, "end_time": end,
                    "showing": ", ".join(company["tasks"]) or "en almindelig arbejdsdag",
                    "host_contact": company["contact_person"],
                    "confirmed": status in (TripStatus.CONFIRMED, TripStatus.COMPLETED),
                    # Agreed three weeks ahead (or by now); no draw, so the rest stays as it was.
                    "agreed_on": min(day - timedelta(days=21), today)
                    if status in (TripStatus.CONFIRMED, TripStatus.COMPLETED)
                    else None,
                }
            )  # fmt: skip
            next_visit += 1
        for role, ids in (
            (ParticipantRole.PARTICIPANT, group),
            (ParticipantRole.RESERVE, reserves),
        ):
            for citizen_id in ids:
                attendance = Attendance.PENDING
                checked_in = None
                if status == TripStatus.COMPLETED and role == ParticipantRole.PARTICIPANT:
                    attendance = _weighted(rng, ATTENDANCE_WEIGHTS)
                    if attendance in ATTENDED:
                        at = datetime.combine(day, fmt.start_time, tzinfo=UTC) - timedelta(hours=1)
                        checked_in = at + timedelta(minutes=rng.randint(-10, 25))
                participation_rows.append(
                    {
                        "id": next_part, "trip_id": trip_id, "citizen_id": citizen_id, "role": role,
                        "attendance": attendance, "checked_in_at": checked_in,
                        "note": "Sygdom" if attendance == Attendance.EXCUSED else "",
                    }
                )  # fmt: skip
                next_part += 1
        for index, staff_id in enumerate(staff_ids):
            busy_staff[day].add(staff_id)
            staff_links.append({"trip_id": trip_id, "staff_id": staff_id, "is_lead": index == 0})

    def free_day(candidates: list[date]) -> date:
        return rng.choice(candidates)

    def place_lolland(
        candidates: list[date], seen: set[int]
    ) -> tuple[date, list[dict[str, Any]], list[int]] | None:
        """A day among `candidates` with a host not visited yet and three brokers free."""
        order = list(candidates)
        rng.shuffle(order)
        for day in order:
            staff_ids = pick_staff(day, brokers, 3)
            if len(staff_ids) < 3:
                continue
            companies = pick_hosts(day, lolland_hosts, 1, seen)
            if companies:
                return day, companies, staff_ids
        return None

    def pick_staff(day: date, pool: list[int], n: int) -> list[int]:
        free = [s for s in pool if s not in busy_staff[day]]
        return rng.sample(free, k=min(n, len(free)))

    def draw(day: date, pool: list[dict[str, Any]], taken: set[int]) -> dict[str, Any] | None:
        """A random host from `pool` not busy on `day` and not in `taken`. Random tries
        first: shuffling the whole pool for every trip was most of what scale 100 took."""
        if not pool:
            return None
        for _ in range(40):
            company = pool[rng.randrange(len(pool))]
            if company["id"] not in busy_company[day] and company["id"] not in taken:
                return company
        free = [c for c in pool if c["id"] not in busy_company[day] and c["id"] not in taken]
        return rng.choice(free) if free else None

    def pick_hosts(day: date, pool: list[dict[str, Any]], n: int, seen: set[int],
                   experienced: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:  # fmt: skip
        """`n` hosts, the first from `experienced` (with placement experience) if given."""
        taken = set(seen)
        chosen: list[dict[str, Any]] = []
        while len(chosen) < n:
            company = draw(
                day, experienced if experienced is not None and not chosen else pool, taken
            )
            if company is None:
                break
            chosen.append(company)
            taken.add(company["id"])
        return chosen

    lolland_id = municipalities.get("Lolland")
    guldborgsund_id = municipalities.get("Guldborgsund")
    lolland_hosts = hosts(lolland_id)
    guldborgsund_hosts = hosts(guldborgsund_id)
    guldborgsund_experienced = [c for c in guldborgsund_hosts if c["placement_experience"]]
    brokers = staff_of(lolland_id, (StaffRole.JOB_BROKER,))
    consultants = staff_of(
        guldborgsund_id, (StaffRole.COMPANY_CONSULTANT, StaffRole.LABOUR_MARKET_CONSULTANT)
    )

    # Lolland: 15 Springbrættet cohorts per scale step take their two trips during their
    # 13-week course (DOMAIN.md §1.3): the first once they have had a week or so together,
    # the second some weeks later, each to a company of its own.
    cohorts: dict[str, list[int]] = defaultdict(list)
    for row in citizen_rows:
        if row["municipality_id"] == lolland_id and row["cohort"].startswith("Springbrættet"):
            cohorts[row["cohort"]].append(row["id"])
    lolland_fmt = formats["lolland"]
    # The courses that run within the months the other trips lie in.
    earliest = today - timedelta(days=150) - timedelta(weeks=1)
    fitting = {
        name: course
        for name in cohorts
        if (course := springboard_course(name)) is not None and course[0] >= earliest
    }
    course_days: dict[date, list[date]] = {}
    # The fullest first, then the newest.
    cohort_names = sorted(
        fitting, key=lambda name: (len(cohorts[name]), fitting[name][0], name), reverse=True
    )
    for name in cohort_names[: 15 * scale]:
        members = cohorts[name]
        first, last = fitting[name]
        if first not in course_days:
            course_days[first] = _working_days(first, last)
        within = course_days[first]
        candidates = [
            d for d in within if first + timedelta(weeks=1) <= d < first + timedelta(weeks=6)
        ]
        seen: set[int] = set()
        for number in (1, 2):
            placed = place_lolland(candidates, seen)
            if placed is None:
                break
            day, companies, staff_ids = placed
            go = [m for m in members if rng.random() < 0.93][:15]
            if len(go) < 12:
                go = members[:12]
            seen.update(c["id"] for c in companies)
            add_trip(lolland_fmt, "Lolland", day, f"{name}: tur {number} til {companies[0]['name']}",
                     go, [], companies, staff_ids)  # fmt: skip
            later = [d for d in within if d >= day + timedelta(weeks=3)]
            candidates = [d for d in later if d < day + timedelta(weeks=6)] or later

    # Guldborgsund: 30 trips per scale step, 6–12 citizens who have not been on a trip before.
    guldborgsund_fmt = formats["guldborgsund"]
    unused = [r["id"] for r in citizen_rows if r["municipality_id"] == guldborgsund_id]
    rng.shuffle(unused)
    for _ in range(30 * scale):
        size = rng.randint(6, 12)
        if len(unused) < size + 2:
            break
        day = free_day(days)
        group, reserves = unused[:size], unused[size : size + rng.randint(0, 2)]
        companies = pick_hosts(
            day, guldborgsund_hosts, 2, set(), experienced=guldborgsund_experienced
        )
        staff_ids = pick_staff(day, consultants, rng.randint(2, 3))
        if len(companies) < 2 or len(staff_ids) < 2:
            continue
        del unused[: size + len(reserves)]
        title = f"Bustur til {companies[0]['name']} og {companies[1]['name']}"
        add_trip(
            guldborgsund_fmt, "Guldborgsund", day, title, group, reserves, companies, staff_ids
        )

    for model, rows in (
        (Trip, trip_rows), (Visit, visit_rows), (Participation, participation_rows),
        (TripStaff, staff_links),
    ):  # fmt: skip
        if rows:
            session.execute(insert(model), rows)
    return len(trip_rows)


# What came of a trip for someone who came (weights, roughly as in the evaluation's tables).
OUTCOME_WEIGHTS: dict[OutcomeKind, int] = {
    OutcomeKind.INTERNSHIP: 30, OutcomeKind.HYBRID_INTERNSHIP: 4, OutcomeKind.WAGE_SUBSIDY: 5,
    OutcomeKind.PAID_HOURS_WITH_BENEFIT: 14, OutcomeKind.PAID_HOURS: 6, OutcomeKind.SMALL_JOB: 10,
    OutcomeKind.FLEX_JOB: 3, OutcomeKind.EDUCATION: 4, OutcomeKind.MENTOR: 5,
    OutcomeKind.UPSKILLING: 9, OutcomeKind.HEALTH_SUPPORT: 3, OutcomeKind.NONE: 7,
}  # fmt: skip
PAID_KINDS = {OutcomeKind.PAID_HOURS, OutcomeKind.PAID_HOURS_WITH_BENEFIT, OutcomeKind.SMALL_JOB}


# Måltal per municipality for the half-year of `today`, per unit of scale (R35).
DEMO_TARGETS = {
    TargetMeasure.TRIPS: 24,
    TargetMeasure.ATTENDED: 220,
    TargetMeasure.IN_PAID_WORK: 12,
    TargetMeasure.INTERNSHIP: 15,
    TargetMeasure.HOSTS_VISITED: 25,
}


def _targets(session: Session, scale: int, today: date) -> None:
    half = 1 if today.month <= 6 else 2
    # `demo --force` loads on top of data that may already have this half-year's targets.
    taken = set(
        session.execute(
            select(col(Target.municipality_id), col(Target.measure)).where(
                col(Target.year) == today.year, col(Target.half) == half
            )
        ).all()
    )
    for municipality_id in session.scalars(
        select(col(Municipality.id)).order_by(col(Municipality.id))
    ):
        assert municipality_id is not None  # a stored primary key
        for measure, value in DEMO_TARGETS.items():
            if (municipality_id, measure) in taken:
                continue
            session.add(
                Target(
                    municipality_id=municipality_id,
                    year=today.year,
                    half=half,
                    measure=measure,
                    value=value * scale,
                )
            )


def _after_the_trips(rng: random.Random, session: Session, today: date) -> None:
    """Follow-ups (the old ones held) and outcomes for the trips already completed."""
    # Long: one pass over the completed trips in the seeded order; the follow-ups and the
    # outcomes draw from the same stream, so splitting them would change the demo data.
    from rfk_trips.after_trip.follow_ups import DEFAULT_FOLLOW_UP_DAYS, NO_SHOW_CONTACT_DAYS
    from rfk_trips.after_trip.outcomes import PLACEMENT_KINDS, default_review_date

    came = ATTENDED
    hosts: dict[int, list[int]] = defaultdict(list)
    for trip_id, company_id in session.execute(
        select(col(Visit.trip_id), col(Visit.company_id))
    ).all():
        hosts[trip_id].append(company_id)
    caseworkers: dict[int, int | None] = dict(
        session.execute(select(col(Citizen.id), col(Citizen.caseworker_id))).all()
    )
    follow_ups: list[dict[str, Any]] = []
    outcomes: list[dict[str, Any]] = []
    for trip_id, trip_date, citizen_id, attendance in session.execute(
        select(
            col(Trip.id),
            col(Trip.trip_date),
            col(Participation.citizen_id),
            col(Participation.attendance),
        )
        .join(Participation, col(Participation.trip_id) == col(Trip.id))
        .where(
            col(Trip.status) == TripStatus.COMPLETED,
            col(Participation.role) == ParticipantRole.PARTICIPANT,
        )
        .order_by(col(Trip.id), col(Participation.citizen_id))
    ).all():
        if attendance not in (*came, Attendance.NO_SHOW):
            continue
        kind = FollowUpKind.AFTER_TRIP if attendance in came else FollowUpKind.CONTACT_NO_SHOW
        days = DEFAULT_FOLLOW_UP_DAYS if attendance in came else NO_SHOW_CONTACT_DAYS
        due = trip_date + timedelta(days=days)
        # Most are held; the old ones nearly all, as in a job centre that keeps up.
        chance = rng.random()
        held = due < today - timedelta(days=3) and (
            chance < 0.85 or (due < today - timedelta(days=30) and chance < 0.97)
        )
        follow_ups.append(
            {
                "citizen_id": citizen_id,
                "trip_id": trip_id,
                "staff_id": caseworkers.get(citizen_id),
                "kind": kind,
                "due_date": due,
                "company_id": None,
                "next_step": "Drøftet praktik" if held and attendance in came else "",
                "note": "",
                "done_at": datetime.combine(due, time(10), tzinfo=UTC) if held else None,
                "created_at": datetime.combine(trip_date, time(16), tzinfo=UTC),
            }
        )
        if attendance not in came or rng.random() > 0.35:
            continue
        start = trip_date + timedelta(days=rng.randint(7, 45))
        if start > today:
            continue
        outcome = _weighted(rng, OUTCOME_WEIGHTS)
        placement = outcome in PLACEMENT_KINDS
        review = default_review_date(outcome, start)
        end = review if review is not None and review < today and rng.random() < 0.7 else None
        outcomes.append(
            {
                "citizen_id": citizen_id,
                "kind": outcome,
                "start_date": start,
                "end_date": end,
                "trip_id": trip_id,
                "company_id": rng.choice(hosts[trip_id])
                if hosts[trip_id] and outcome != OutcomeKind.NONE and rng.random() < 0.7
                else None,
                "hours_per_week": float(rng.choice((4, 6, 8, 10, 15)))
                if outcome in PAID_KINDS
                else None,
                "note": "",
                "aim": "Lønnede timer efter praktikken" if placement else "",
                "review_date": review,
                "ended_early": False,
                "end_reason": "",
                "created_at": datetime.combine(start, time(9), tzinfo=UTC),
            }
        )
    if follow_ups:
        session.execute(insert(FollowUp), follow_ups)
    if outcomes:
        session.execute(insert(Outcome), outcomes)
