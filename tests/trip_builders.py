"""Trips and registers built in a real database, shared by several test files (not a test module).

`planned_trip` and `held_trip` are the check-in and follow-up tests' trip on `DAY`,
`todays_trip` the check-in screen's, `results_world` the figures' three trips, and
`free_valid_cvrs` gives CVR numbers the register forms accept.
"""

from collections.abc import Iterator
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.engine import Engine

from rfk_trips.rules.fields import cvr_checksum_ok
from rfk_trips.trips import check_in, planning, trip_service
from storage.codes import Attendance, Gender, OutcomeKind
from storage.models import Citizen, Company, Outcome, Visit
from storage.sessions import session_scope
from tests.conftest import REFERRED, TODAY

DAY = date(2026, 11, 23)


# --- a planned trip and the same trip held ----------


def planned_trip(
    engine: Engine, format_code: str = "guldborgsund", people: int = 8
) -> tuple[int, list[int]]:
    with session_scope(engine) as session:
        companies = [
            Company(name="Nakskov Stål A/S", placement_experience=True),
            Company(name="Maribo Kro", social_responsibility=True),
        ]
        citizens = [
            Citizen(referral_date=REFERRED, name=f"Borger {i:02d}", phone=f"2000 00{i:02d}")
            for i in range(people + 1)
        ]
        session.add_all([*companies, *citizens])
        session.flush()
        company_ids = [c.id or 0 for c in companies]
        citizen_ids = [c.id or 0 for c in citizens]
    trip_id = trip_service.create_trip(engine, format_code=format_code, trip_date=DAY)
    planning.add_visit(
        engine, trip_id, company_id=company_ids[0], start=time(9, 15), end=time(10, 45)
    )
    if format_code == "guldborgsund":
        planning.add_visit(
            engine, trip_id, company_id=company_ids[1], start=time(13), end=time(14, 30)
        )
    planning.add_participants(engine, trip_id, citizen_ids[:people])
    planning.add_participants(engine, trip_id, citizen_ids[people:], reserve=True)
    return trip_id, citizen_ids


def held_trip(engine: Engine) -> tuple[int, list[int]]:
    """Eight on the trip: six came, one stayed away, one sent word; completed on the day."""
    trip_id, citizens = planned_trip(engine)
    statuses = [Attendance.PRESENT] * 5 + [Attendance.LATE, Attendance.NO_SHOW, Attendance.EXCUSED]
    for citizen_id, status in zip(citizens[:8], statuses, strict=True):
        check_in.record(engine, trip_id, citizen_id, status, today=DAY)
    return trip_id, citizens


def hosts(engine: Engine, trip_id: int) -> list[int]:
    with session_scope(engine) as session:
        return list(session.scalars(select(Visit.company_id).where(Visit.trip_id == trip_id)))


# --- a trip today, for the check-in screen ----------

NAMES = ["Anna Holm", "Bent Juul", "Camilla Ørum", "Dorte Krag", "Erik Vang", "Åse Friis"]
RESERVE = "Rasmus Reserve"


def todays_trip(engine: Engine, format_code: str = "guldborgsund") -> tuple[int, dict[str, int]]:
    """A trip today with six participants (listed by name) and one reserve."""
    with session_scope(engine) as session:
        hosts = [
            Company(name="Nakskov Stål A/S", placement_experience=True),
            Company(name="Maribo Kro", social_responsibility=True),
        ]
        people = [
            Citizen(referral_date=REFERRED, name=name, phone="2000 0000")
            for name in [*NAMES, RESERVE]
        ]
        session.add_all([*hosts, *people])
        session.flush()
        host_ids = [h.id or 0 for h in hosts]
        ids = {p.name: p.id or 0 for p in people}
    trip_id = trip_service.create_trip(
        engine, format_code=format_code, trip_date=TODAY, title="Bustur i dag"
    )
    planning.add_visit(engine, trip_id, company_id=host_ids[0], start=time(9), end=time(10))
    if format_code == "guldborgsund":
        planning.add_visit(engine, trip_id, company_id=host_ids[1], start=time(13), end=time(14))
    planning.add_participants(engine, trip_id, [ids[n] for n in NAMES])
    planning.add_participants(engine, trip_id, [ids[RESERVE]], reserve=True)
    return trip_id, ids


# --- the figures' world: two completed trips and one still open ----------


def _people(engine: Engine, count: int) -> list[int]:
    with session_scope(engine) as session:
        rows = [
            Citizen(
                referral_date=REFERRED,
                name=f"Borger {i:02d}",
                birth_year=1980 + i,
                gender=Gender.WOMAN,
            )
            for i in range(count)
        ]
        session.add_all(rows)
        session.flush()
        return [row.id or 0 for row in rows]


def _company(engine: Engine, name: str) -> int:
    with session_scope(engine) as session:
        company = Company(name=name, placement_experience=True)
        session.add(company)
        session.flush()
        return company.id or 0


def _trip(
    engine: Engine,
    fmt: str,
    day: date,
    company: int,
    marks: dict[int, Attendance],
    complete: bool = True,
) -> int:
    trip_id = trip_service.create_trip(engine, format_code=fmt, trip_date=day)
    planning.add_visit(engine, trip_id, company_id=company, start=time(9), end=time(11))
    planning.add_participants(engine, trip_id, list(marks))
    for citizen, status in marks.items():
        check_in.record(engine, trip_id, citizen, status)
    if complete:
        check_in.complete_trip(engine, trip_id)
    return trip_id


def _outcome(engine: Engine, citizen: int, kind: OutcomeKind, start: date, **more: object) -> None:
    with session_scope(engine) as session:
        session.add(Outcome(citizen_id=citizen, kind=kind, start_date=start, **more))


def results_world(engine: Engine) -> dict[str, int]:
    """Lolland on 10-03-2026 and Guldborgsund on 01-09-2026 completed, a third trip not.

    Returns the ids of the two completed trips (`lolland`, `guld`) and their hosts
    (`nakskov`, `kro`).
    """
    c = _people(engine, 6)
    nakskov = _company(engine, "Nakskov Stål A/S")
    kro = _company(engine, "Maribo Kro")
    lolland = _trip(
        engine,
        "lolland",
        date(2026, 3, 10),
        nakskov,
        {c[0]: Attendance.PRESENT, c[1]: Attendance.LATE, c[2]: Attendance.NO_SHOW},
    )
    guld = _trip(
        engine,
        "guldborgsund",
        date(2026, 9, 1),
        kro,
        {c[3]: Attendance.PRESENT, c[4]: Attendance.EXCUSED},
    )
    # Not completed: never counted, nor the outcome linked to it.
    open_trip = _trip(
        engine, "lolland", date(2026, 10, 1), kro, {c[5]: Attendance.PRESENT}, complete=False
    )
    _outcome(
        engine,
        c[0],
        OutcomeKind.INTERNSHIP,
        date(2026, 3, 20),
        trip_id=lolland,
        company_id=nakskov,
        end_date=date(2026, 6, 19),
    )
    _outcome(engine, c[0], OutcomeKind.PAID_HOURS, date(2026, 7, 1), company_id=nakskov)
    _outcome(engine, c[1], OutcomeKind.PAID_HOURS_WITH_BENEFIT, date(2026, 2, 1))  # before
    _outcome(engine, c[3], OutcomeKind.FLEX_JOB, date(2026, 9, 15), trip_id=guld)
    _outcome(engine, c[5], OutcomeKind.PAID_HOURS, date(2026, 10, 2), trip_id=open_trip)
    return {"lolland": lolland, "guld": guld, "nakskov": nakskov, "kro": kro}


# --- the registers ----------


def free_valid_cvrs(engine: Engine, start_at: int = 12345674) -> Iterator[str]:
    """Valid (modulus-11) CVR numbers that no company in the database holds yet."""
    with session_scope(engine) as session:
        taken = {cvr for cvr in session.scalars(select(Company.cvr)) if cvr}
    number = start_at
    while True:
        digits = f"{number:08d}"
        if cvr_checksum_ok(digits) and digits not in taken:
            yield digits
        number += 1
