"""Facts for the planning-rule tests: a tuesday to plan for, a group and a team of staff."""

from datetime import date

from rfk_trips.rules.trip import CitizenFacts, StaffFacts

TODAY = date(2026, 11, 23)
A_TUESDAY = date(2026, 12, 8)
COHORT = "Springbrættet 2026 uge 48"


def citizens(n: int, cohort: str = COHORT) -> tuple[CitizenFacts, ...]:
    return tuple(CitizenFacts(100 + i, f"Borger {i}", cohort=cohort) for i in range(n))


def staff(n: int) -> tuple[StaffFacts, ...]:
    return tuple(StaffFacts(10 + i, f"Medarbejder {i}", is_lead=i == 0) for i in range(n))
