"""A small hand-built scenario with known figures, shared by the target and chart tests.

Lolland: trip A on 10-03-2026 (c0 mødt, c1 kom for sent, c2 udeblevet), trip B on
01-09-2026 (c3, c4 mødt). Guldborgsund: trip C on 15-09-2026 (c5 mødt). The outcomes and
which trip each is credited to are listed in `build`.
"""

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy.engine import Engine

from rfk_trips.trips import check_in, planning, trip_service
from storage.codes import Attendance, Gender, OutcomeKind
from storage.models import Citizen, Company, Outcome
from storage.sessions import session_scope
from tests.conftest import REFERRED


@dataclass(frozen=True)
class Scenario:
    citizens: list[int]
    company: int
    trip_a: int
    trip_b: int
    trip_c: int
    outcomes: dict[str, int]


def _trip(
    engine: Engine, fmt: str, day: date, title: str, company: int, marks: dict[int, Attendance]
) -> int:
    trip_id = trip_service.create_trip(engine, format_code=fmt, trip_date=day, title=title)
    planning.add_visit(engine, trip_id, company_id=company, start=time(9), end=time(11))
    planning.add_participants(engine, trip_id, list(marks))
    for citizen, status in marks.items():
        check_in.record(engine, trip_id, citizen, status)
    check_in.complete_trip(engine, trip_id)
    return trip_id


def _outcome(engine: Engine, citizen: int, kind: OutcomeKind, start: date, **more: object) -> int:
    with session_scope(engine) as session:
        row = Outcome(citizen_id=citizen, kind=kind, start_date=start, **more)
        session.add(row)
        session.flush()
        return row.id or 0


def build(engine: Engine) -> Scenario:
    with session_scope(engine) as session:
        people = [
            Citizen(referral_date=REFERRED, name=f"Borger {i}", birth_year=1980, gender=Gender.MAN)
            for i in range(6)
        ]
        company = Company(name="Nakskov Stål A/S", placement_experience=True)
        session.add_all([*people, company])
        session.flush()
        c = [p.id or 0 for p in people]
        company_id = company.id or 0
    present, late, absent = Attendance.PRESENT, Attendance.LATE, Attendance.NO_SHOW
    a = _trip(
        engine,
        "lolland",
        date(2026, 3, 10),
        "Tur A",
        company_id,
        {c[0]: present, c[1]: late, c[2]: absent},
    )
    b = _trip(
        engine, "lolland", date(2026, 9, 1), "Tur B", company_id, {c[3]: present, c[4]: present}
    )
    trip_c = _trip(engine, "guldborgsund", date(2026, 9, 15), "Tur C", company_id, {c[5]: present})
    outcomes = {
        # Trip A (1st half of 2026, Lolland)
        "c0_internship": _outcome(
            engine,
            c[0],
            OutcomeKind.INTERNSHIP,
            date(2026, 3, 20),
            trip_id=a,
            company_id=company_id,
            review_date=date(2026, 6, 19),
        ),
        "c0_paid": _outcome(engine, c[0], OutcomeKind.PAID_HOURS, date(2026, 8, 1)),  # -> A
        "c1_upskilling": _outcome(engine, c[1], OutcomeKind.UPSKILLING, date(2026, 10, 10)),
        "c1_mentor": _outcome(engine, c[1], OutcomeKind.MENTOR, date(2026, 10, 20)),
        # c2 never came: an unlinked outcome of theirs is no trip's doing.
        "c2_paid": _outcome(engine, c[2], OutcomeKind.PAID_HOURS, date(2026, 5, 1)),
        # Trip B (2nd half, Lolland)
        "c3_paid_benefit": _outcome(
            engine, c[3], OutcomeKind.PAID_HOURS_WITH_BENEFIT, date(2026, 9, 20)
        ),
        "c3_education_later": _outcome(engine, c[3], OutcomeKind.EDUCATION, date(2026, 12, 1)),
        "c4_small_job": _outcome(engine, c[4], OutcomeKind.SMALL_JOB, date(2026, 10, 1), trip_id=b),
        # Trip C (2nd half, Guldborgsund)
        "c5_flex": _outcome(engine, c[5], OutcomeKind.FLEX_JOB, date(2026, 10, 5), trip_id=trip_c),
    }
    return Scenario(c, company_id, a, b, trip_c, outcomes)
