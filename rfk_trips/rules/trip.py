"""The planning rules of a bus trip: pure functions from facts to findings.

Checking a trip returns findings. An `error` blocks confirming the trip; a `warning` can be
acknowledged with a reason. The CLI prints these and the screens show them: one
implementation, many callers. Nothing here touches a database or a terminal.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum
from itertools import pairwise

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.rules.company import HostFacts, qualifies
from rfk_trips.rules.danish_dates import format_time, holiday_name, is_weekend
from rfk_trips.rules.formats import (
    HARD_MAX_PARTICIPANTS,
    HARD_MIN_PARTICIPANTS,
    FormatSpec,
    ProgrammeItem,
)
from rfk_trips.rules.time_order import ends_before_start
from storage.codes import ProgrammeKind, StaffRole

# R12: a bus not booked this many days before the trip is warned of.
BUS_BOOKED_DAYS_AHEAD = 7


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    # What it concerns, as "kind:id" ("citizen:12", "company:3", "visit:7") or "trip".
    subject: str = "trip"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


@dataclass(frozen=True)
class CitizenFacts:
    citizen_id: int
    name: str
    cohort: str = ""
    attendance_duty: bool = True
    # Other trips of the same format in the citizen's cohort, cancelled ones not counted.
    earlier_trips_in_format: int = 0
    # Companies the citizen has visited (or is booked to visit) on other trips.
    earlier_company_ids: frozenset[int] = frozenset()
    # R16: visited (a referral date on record); R24: the plain physical-limitation marker.
    referred: bool = True
    physical_limitation: bool = False


@dataclass(frozen=True)
class StaffFacts:
    staff_id: int
    name: str
    is_lead: bool = False
    role: StaffRole | None = None


@dataclass(frozen=True)
class VisitFacts:
    visit_id: int
    host: HostFacts
    start: time
    end: time
    confirmed: bool = True
    # The agreement carries the day it was made (R12).
    agreement_dated: bool = True
    # The host's other visits, not cancelled, in the 12 months up to the trip (R08).
    host_trips_last_year: int = 0


@dataclass(frozen=True)
class SameDayBookings:
    """Who and what is booked on other, not cancelled trips the same day: id → trip title."""

    citizens: dict[int, str] = field(default_factory=dict)
    staff: dict[int, str] = field(default_factory=dict)
    companies: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TripFacts:
    trip_id: int
    trip_date: date
    today: date
    format: FormatSpec
    participants: tuple[CitizenFacts, ...] = ()
    staff: tuple[StaffFacts, ...] = ()
    visits: tuple[VisitFacts, ...] = ()
    meeting_time: time | None = None
    return_time: time | None = None
    programme: tuple[ProgrammeItem, ...] = ()
    bus_seats: int | None = None
    same_day: SameDayBookings = field(default_factory=SameDayBookings)
    # A completed trip lies in the past by nature; the past-date warning is for planning.
    completed: bool = False
    # R12: who drives (operator or booking reference written down) and the meals ordered.
    bus_booked: bool = True
    catering_count: int | None = None
    # R08: more trips than this to one host in 12 months is warned of (Indstillinger).
    host_trip_limit: int = 3


Rule = Callable[[TripFacts], Iterable[Finding]]


def _error(code: str, subject: str = "trip", **params: object) -> Finding:
    return Finding(code, Severity.ERROR, t(f"rule.{code}", **params), subject)


def _warning(code: str, subject: str = "trip", **params: object) -> Finding:
    return Finding(code, Severity.WARNING, t(f"rule.{code}", **params), subject)


def group_size_verdict(count: int, fmt: FormatSpec) -> Severity | None:
    """R02 for a group of `count` participants: an error outside 6–15, a warning outside the
    format's own range, None inside both. The rule below and the editor's group line use it."""
    if count < HARD_MIN_PARTICIPANTS or count > HARD_MAX_PARTICIPANTS:
        return Severity.ERROR
    if count < fmt.min_participants or count > fmt.max_participants:
        return Severity.WARNING
    return None


def group_size(facts: TripFacts) -> Iterable[Finding]:
    """R02: 6–15 always; the format's own range is a warning."""
    n = len(facts.participants)
    fmt = facts.format
    verdict = group_size_verdict(n, fmt)
    if verdict is Severity.ERROR:
        if n < HARD_MIN_PARTICIPANTS:
            yield _error("group_below_minimum", count=n, minimum=HARD_MIN_PARTICIPANTS)
        else:
            yield _error("group_above_maximum", count=n, maximum=HARD_MAX_PARTICIPANTS)
    elif verdict is Severity.WARNING:
        if n < fmt.min_participants:
            yield _warning(
                "group_below_format", count=n, minimum=fmt.min_participants, format=fmt.name
            )
        else:
            yield _warning(
                "group_above_format", count=n, maximum=fmt.max_participants, format=fmt.name
            )


def visit_count(facts: TripFacts) -> Iterable[Finding]:
    """R03: exactly the format's number of visits; at least one in any format."""
    n = len(facts.visits)
    wanted = facts.format.visits
    if wanted is None:
        if n == 0:
            yield _error("no_visits")
    elif n != wanted:
        yield _error("visit_count", count=n, wanted=wanted, format=facts.format.name)


def hosts_qualify(facts: TripFacts) -> Iterable[Finding]:
    """R05: every host meets at least one criterion and is not archived."""
    for visit in facts.visits:
        subject = f"company:{visit.host.company_id}"
        if visit.host.archived:
            yield _error("host_archived", subject, name=visit.host.name)
        elif not qualifies(visit.host):
            yield _error("host_not_qualified", subject, name=visit.host.name)


def experienced_host(facts: TripFacts) -> Iterable[Finding]:
    """R04: in formats that demand it, one host has had citizens in placement or paid hours."""
    if not facts.format.requires_experienced_host or not facts.visits:
        return
    if not any(visit.host.placement_experience for visit in facts.visits):
        yield _error("no_experienced_host", format=facts.format.name)


def visit_times(facts: TripFacts) -> Iterable[Finding]:
    """Visits in order without overlap, each inside the trip's day."""
    day_start = facts.meeting_time or facts.format.start_time
    day_end = facts.return_time or facts.format.end_time
    ordered = sorted(facts.visits, key=lambda visit: visit.start)
    for visit in ordered:
        subject = f"visit:{visit.visit_id}"
        if ends_before_start(visit.start, visit.end):
            yield _error(
                "visit_ends_before_start",
                subject,
                name=visit.host.name,
                start=format_time(visit.start),
                end=format_time(visit.end),
            )
        elif visit.start < day_start or (day_end is not None and visit.end > day_end):
            yield _error(
                "visit_outside_day",
                subject,
                name=visit.host.name,
                start=format_time(visit.start),
                end=format_time(visit.end),
                day_start=format_time(day_start),
                day_end=format_time(day_end) or "–",
            )
    for first, second in pairwise(ordered):
        if second.start < first.end:
            yield _error(
                "visits_overlap",
                f"visit:{second.visit_id}",
                first=first.host.name,
                second=second.host.name,
            )


def _item_time(item: ProgrammeItem) -> time | None:
    try:
        return time.fromisoformat(item.time.strip()) if item.time.strip() else None
    except ValueError:  # the programme's own check refuses such a time when it is saved
        return None


def programme_times(facts: TripFacts) -> Iterable[Finding]:
    """The printed programme agrees with the meeting and return times.

    The programme is copied from the format and edited apart from the times on the details
    tab: a meeting moved to 09:00 leaves "Fremmøde 08:30" on the citizens' printout.
    """
    meeting, back = facts.meeting_time, facts.return_time
    for number, item in enumerate(facts.programme, start=1):
        at = _item_time(item)
        if at is None:
            continue
        subject, shown = f"programme:{number}", format_time(at)
        if meeting is not None and item.kind is ProgrammeKind.MEETING and at != meeting:
            yield _warning(
                "programme_meeting_time", subject, text=item.text, at=shown,
                meeting=format_time(meeting),
            )  # fmt: skip
        elif meeting is not None and at < meeting:
            yield _warning(
                "programme_before_meeting", subject, text=item.text, at=shown,
                meeting=format_time(meeting),
            )  # fmt: skip
        elif back is not None and at > back:
            yield _warning(
                "programme_after_return", subject, text=item.text, at=shown,
                back=format_time(back),
            )  # fmt: skip


def double_bookings(facts: TripFacts) -> Iterable[Finding]:
    """A citizen, staff member or company booked on another trip the same day."""
    for citizen in facts.participants:
        if other := facts.same_day.citizens.get(citizen.citizen_id):
            yield _error(
                "citizen_double_booked",
                f"citizen:{citizen.citizen_id}",
                name=citizen.name,
                other=other,
            )
    for member in facts.staff:
        if other := facts.same_day.staff.get(member.staff_id):
            yield _error(
                "staff_double_booked", f"staff:{member.staff_id}", name=member.name, other=other
            )
    for visit in facts.visits:
        if other := facts.same_day.companies.get(visit.host.company_id):
            yield _warning(
                "company_double_booked",
                f"company:{visit.host.company_id}",
                name=visit.host.name,
                other=other,
            )


def staffing(facts: TripFacts) -> Iterable[Finding]:
    """R13: at least the format's staff count, and a named lead (tovholder)."""
    n = len(facts.staff)
    if n < facts.format.min_staff:
        yield _error(
            "too_few_staff", count=n, minimum=facts.format.min_staff, format=facts.format.name
        )
    if n and not any(member.is_lead for member in facts.staff):
        yield _error("no_lead")


def staff_roles(facts: TripFacts) -> Iterable[Finding]:
    """R13: the roles the format wants (Lolland three jobformidlere), a warning per role short."""
    if len(facts.staff) < facts.format.min_staff:
        return  # too_few_staff asks for more people first; then their roles
    have = Counter(member.role for member in facts.staff)
    for role, wanted in facts.format.staff_roles.items():
        if have[role] < wanted:
            yield _warning(
                "staff_role_short",
                f"role:{role.value}",
                role=label(role).lower(),
                count=have[role],
                wanted=wanted,
                format=facts.format.name,
            )


def main_cohort(cohorts: Sequence[str]) -> str:
    """The cohort most of a group share, "" if none has one (R14 and the editor's filter).

    A tie goes to the cohort named first. Callers pass the group in the order the trip is
    read, Danish name order then id, so a tie goes to the cohort of the first name, the same
    on every run. A Sequence, not any iterable: a set's order changes from run to run.
    """
    counts = Counter(name for name in cohorts if name)
    # most_common keeps the order first met among equal counts.
    return counts.most_common(1)[0][0] if counts else ""


def cohort(facts: TripFacts) -> Iterable[Finding]:
    """R14: in single-cohort formats participants come from one cohort (they know each other)."""
    if not facts.format.single_cohort or not facts.participants:
        return
    main = main_cohort([c.cohort for c in facts.participants])
    for citizen in facts.participants:
        subject = f"citizen:{citizen.citizen_id}"
        if not citizen.cohort:
            yield _warning("cohort_missing", subject, name=citizen.name)
        elif citizen.cohort != main:
            yield _warning(
                "cohort_mixed", subject, name=citizen.name, cohort=citizen.cohort, main=main
            )


def trips_per_citizen(facts: TripFacts) -> Iterable[Finding]:
    """R15: a warning past the format's trips per citizen; never the same company twice."""
    quota = facts.format.trips_per_citizen
    host_ids = {visit.host.company_id: visit.host.name for visit in facts.visits}
    for citizen in facts.participants:
        subject = f"citizen:{citizen.citizen_id}"
        if quota is not None and citizen.earlier_trips_in_format >= quota:
            yield _warning(
                "trip_quota_exceeded",
                subject,
                name=citizen.name,
                number=citizen.earlier_trips_in_format + 1,
                quota=quota,
            )
        for company_id in sorted(citizen.earlier_company_ids & host_ids.keys()):
            yield _error(
                "same_company_again", subject, name=citizen.name, company=host_ids[company_id]
            )


def trip_date(facts: TripFacts) -> Iterable[Finding]:
    """Weekends, Danish public holidays and dates in the past are warnings."""
    if is_weekend(facts.trip_date):
        yield _warning("date_weekend")
    if holiday := holiday_name(facts.trip_date):
        yield _warning("date_holiday", holiday=holiday)
    if facts.trip_date < facts.today and not facts.completed:
        yield _warning("date_past")


def capacity(facts: TripFacts) -> Iterable[Finding]:
    """R07/R12: the group and staff must fit the bus (error) and each host (warning)."""
    people = len(facts.participants) + len(facts.staff)
    if facts.bus_seats is not None and people > facts.bus_seats:
        yield _error("bus_too_small", people=people, seats=facts.bus_seats)
    for visit in facts.visits:
        limit = visit.host.max_visitors
        if limit is not None and people > limit:
            yield _warning(
                "host_capacity",
                f"company:{visit.host.company_id}",
                name=visit.host.name,
                people=people,
                limit=limit,
            )


def visits_confirmed(facts: TripFacts) -> Iterable[Finding]:
    """R12: each visit agreed with its host; until then a warning, as the day may not happen."""
    if facts.completed:
        return
    for visit in facts.visits:
        if not visit.confirmed:
            yield _warning("visit_unconfirmed", f"visit:{visit.visit_id}", name=visit.host.name)


def logistics(facts: TripFacts) -> Iterable[Finding]:
    """R12: the bus booked a week ahead, meals for everyone, each agreement with its date."""
    if facts.completed:
        return
    days_left = (facts.trip_date - facts.today).days
    if not facts.bus_booked and 0 <= days_left <= BUS_BOOKED_DAYS_AHEAD:
        yield _warning("bus_not_booked", days=days_left)
    people = len(facts.participants) + len(facts.staff)
    if facts.catering_count is not None and facts.catering_count != people:
        yield _warning("catering_count", count=facts.catering_count, people=people)
    for visit in facts.visits:
        if visit.confirmed and not visit.agreement_dated:
            yield _warning("agreement_undated", f"visit:{visit.visit_id}", name=visit.host.name)


def host_rotation(facts: TripFacts) -> Iterable[Finding]:
    """R08: a host that has had its share of trips in the last 12 months; widen the circle."""
    if facts.completed:
        return
    for visit in facts.visits:
        if visit.host_trips_last_year >= facts.host_trip_limit:
            yield _warning(
                "host_often",
                f"company:{visit.host.company_id}",
                name=visit.host.name,
                count=visit.host_trips_last_year,
                limit=facts.host_trip_limit,
            )


def accessibility(facts: TripFacts) -> Iterable[Finding]:
    """R24: a physically demanding item and a participant with a physical limitation."""
    limited = [c.name for c in facts.participants if c.physical_limitation]
    if not limited:
        return
    for number, item in enumerate(facts.programme, start=1):
        if item.demanding:
            yield _warning(
                "demanding_item",
                f"programme:{number}",
                text=item.text,
                names=", ".join(limited),
            )


def referral(facts: TripFacts) -> Iterable[Finding]:
    """R16: only a visited citizen (with a referral date) takes part. A completed trip's group
    is history (an imported year from before the register knew referrals), not a plan."""
    if facts.completed:
        return
    for citizen in facts.participants:
        if not citizen.referred:
            yield _error("no_referral", f"citizen:{citizen.citizen_id}", name=citizen.name)


def attendance_duty(facts: TripFacts) -> Iterable[Finding]:
    """R16: trips carry mødepligt; a citizen without it is flagged."""
    for citizen in facts.participants:
        if not citizen.attendance_duty:
            yield _warning("no_attendance_duty", f"citizen:{citizen.citizen_id}", name=citizen.name)


RULES: tuple[Rule, ...] = (
    group_size,
    visit_count,
    hosts_qualify,
    experienced_host,
    visit_times,
    programme_times,
    double_bookings,
    staffing,
    cohort,
    trips_per_citizen,
    trip_date,
    capacity,
    visits_confirmed,
    attendance_duty,
    staff_roles,
    logistics,
    host_rotation,
    accessibility,
    referral,
)


def check_trip(facts: TripFacts) -> list[Finding]:
    """Every finding for the trip, errors first, in a stable order."""
    findings = [finding for rule in RULES for finding in rule(facts)]
    return sorted(findings, key=lambda f: (f.severity is not Severity.ERROR,))


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(finding.is_error for finding in findings)
