"""Facts for the planning-rule tests: a tuesday to plan for, a group and a team of staff."""

from datetime import date

from rfk_trips.rules.trip import CitizenFacts, StaffFacts
from storage.codes import StaffRole

TODAY = date(2026, 11, 23)
A_TUESDAY = date(2026, 12, 8)
COHORT = "Springbrættet 2026 uge 48"


def citizens(n: int, cohort: str = COHORT) -> tuple[CitizenFacts, ...]:
    return tuple(CitizenFacts(100 + i, f"Borger {i}", cohort=cohort) for i in range(n))


def staff(n: int, role: StaffRole | None = None) -> tuple[StaffFacts, ...]:
    return tuple(StaffFacts(10 + i, f"Medarbejder {i}", i == 0, role) for i in range(n))
