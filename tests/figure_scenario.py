"""The hand-made selection the outcome figures are tested on: three trips, eleven seats and
ten outcomes, each there for one rule (not a test module; see each line's comment)."""

from datetime import date

from rfk_trips.rules.outcome_figures import (
    AttendanceFact,
    CitizenFact,
    Facts,
    Host,
    OutcomeFact,
    TripFact,
)
from storage.codes import Attendance, BenefitGroup, Gender, OutcomeKind

A, P, L, E, X, N = (
    Attendance.PRESENT,
    Attendance.PENDING,
    Attendance.LATE,
    Attendance.EXCUSED,
    Attendance.NO_SHOW,
    Attendance.LEFT_EARLY,
)
K = OutcomeKind
ON = date(2026, 6, 10)
REFERENCE = date(2026, 11, 23)


def scenario() -> Facts:
    hosts = (Host(1, "Alfa"), Host(2, "Beta"))
    trips = (
        TripFact(1, date(2026, 3, 10), "guldborgsund", "Guldborgsund", hosts),
        TripFact(2, date(2026, 5, 5), "lolland", "Lolland", (Host(3, "Cirkel"),)),
        TripFact(3, date(2026, 6, 1), "lolland", None),
    )
    attendance = (
        AttendanceFact(1, 1, A),
        AttendanceFact(1, 2, L),
        AttendanceFact(1, 3, N),
        AttendanceFact(1, 4, E),
        AttendanceFact(1, 5, X),
        AttendanceFact(1, 6, P, reserve=True),
        AttendanceFact(2, 1, A),
        AttendanceFact(2, 7, A),
        AttendanceFact(2, 8, X),
        AttendanceFact(2, 9, P),
        AttendanceFact(3, 10, A),
    )
    d = date
    outcomes = (
        # linked to trip 1, praktik at a host
        OutcomeFact(1, K.INTERNSHIP, d(2026, 3, 20), d(2026, 6, 19), 1, 1, "Alfa"),
        # unlinked, after trips 1 and 2: credited to trip 2, the latest before it
        OutcomeFact(1, K.PAID_HOURS, d(2026, 7, 1), None, None, 3, "Cirkel"),
        # unlinked and started before the citizen's first trip: not after the trip
        OutcomeFact(2, K.PAID_HOURS_WITH_BENEFIT, d(2026, 2, 1)),
        OutcomeFact(2, K.WAGE_SUBSIDY, d(2026, 4, 1), d(2026, 5, 31), 1, 2, "Beta"),
        # linked although a no-show: the link staff recorded wins
        OutcomeFact(5, K.MENTOR, d(2026, 4, 15), None, 1),
        # unlinked, starting on the trip day; at a company that never hosted
        OutcomeFact(7, K.FLEX_JOB, d(2026, 5, 5), None, None, 4, "Delta"),
        # linked to a trip outside the selection
        OutcomeFact(3, K.EDUCATION, d(2026, 6, 1), None, 99),
        # unlinked, but the citizen never attended a selected trip
        OutcomeFact(8, K.PAID_HOURS, d(2026, 6, 1)),
        OutcomeFact(10, K.NONE, d(2026, 6, 2), None, 3),
        # a second praktik of the same citizen: still one citizen
        OutcomeFact(1, K.INTERNSHIP, d(2026, 5, 10), d(2026, 5, 20), 2),
    )
    citizens = (
        CitizenFact(1, 1990, Gender.WOMAN, BenefitGroup.CASH_ASSISTANCE),
        CitizenFact(2, 1960, Gender.MAN, BenefitGroup.EDUCATION_BENEFIT),
        CitizenFact(3, 2000, Gender.WOMAN, BenefitGroup.CASH_ASSISTANCE),
        CitizenFact(4, 1970, Gender.MAN, BenefitGroup.CASH_ASSISTANCE),
        CitizenFact(5, 1985, Gender.MAN, BenefitGroup.CASH_ASSISTANCE),
        CitizenFact(7, 1976, Gender.WOMAN, BenefitGroup.RESOURCE_PROGRAMME),
        CitizenFact(8, 1980, Gender.MAN, BenefitGroup.CASH_ASSISTANCE),
        CitizenFact(10),
    )
    return Facts(trips, attendance, outcomes, citizens)
