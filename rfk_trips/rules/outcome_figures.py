"""What came of the bus trips, as figures: pure functions over plain facts (DOMAIN.md §5, R27, R36).

No database and no Textual here; `rfk_trips.results.results_service` loads the facts.

The rules, decided once for every caller:

* **Selection.** The figures cover the trips handed in (the service passes completed trips
  within the filters). `invited`, `attended` … count seats (a citizen on two trips counts
  twice); every outcome figure counts distinct citizens.
* **"After the trip" (ever).** An outcome belongs to the selection when it is *linked* to one
  of the selected trips (the link staff recorded wins, whatever the dates or attendance), or
  when it is *unlinked* and starts on or after a selected trip the citizen attended (mødt, kom
  for sent or gik tidligt). An unlinked outcome is credited to the latest such trip on or
  before its start. An outcome linked to a trip outside the selection is not counted.
* **Status on a date.** Of those outcomes, the ones running on the date:
  `start <= on` and (`end` is None or `end >= on`). It is a subset, so never more than "ever".
* **Headline (R27).** Each citizen once, under their highest kind in `PRIORITY`; "in paid
  work" is the citizens whose highest kind is in `PAID_WORK`. A small job (få timer) and a
  hybridpraktik are paid hours beside the benefit, so the headline counts them as
  `paid_hours_with_benefit`, or as `paid_hours` when the citizen had no benefit (ever: on some
  day while it ran; on a date: that day); `by_kind` keeps the kind as recorded. See
  `counted_kind`.
* **The evaluation's tables** (003 Tab 6.10, 6.11) are counted in `rfk_trips.rules.evaluation`
  (`with_evaluation` adds them to the figures).
* **Breakdowns (R36).** Distinct citizens (who came, or have an outcome credited) by age
  band, gender, benefit group and the quarter of their first trip in the selection (003
  Tab 6.13), for the whole selection and for each municipality's trips alone.
* **Suppression (R36).** In exports that leave the job centre a count of 1–4 is shown as
  "<5"; 0 stays 0 (it names nobody). See `suppress_count`.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from rfk_trips.rules.benefit_history import BenefitPeriod, benefit_on, ever_had
from storage.codes import ATTENDED, Attendance, BenefitGroup, Gender, OutcomeKind
from storage.search_text import sort_key

# R27 / 003 Tab 6.10: unsubsidised paid hours > with top-up > flex job > SU/apprentice >
# wage subsidy only > … > none. The kinds 003 does not rank follow in order of how close to
# ordinary work they are; `exit` sits just above `none`.
PRIORITY: tuple[OutcomeKind, ...] = (
    OutcomeKind.PAID_HOURS,
    OutcomeKind.PAID_HOURS_WITH_BENEFIT,
    OutcomeKind.FLEX_JOB,
    OutcomeKind.EDUCATION,
    OutcomeKind.WAGE_SUBSIDY,
    OutcomeKind.SMALL_JOB,
    OutcomeKind.HYBRID_INTERNSHIP,
    OutcomeKind.INTERNSHIP,
    OutcomeKind.MENTOR,
    OutcomeKind.UPSKILLING,
    OutcomeKind.HEALTH_SUPPORT,
    OutcomeKind.EXIT,
    OutcomeKind.NONE,
)
PAID_WORK: frozenset[OutcomeKind] = frozenset(
    {OutcomeKind.PAID_HOURS, OutcomeKind.PAID_HOURS_WITH_BENEFIT, OutcomeKind.FLEX_JOB}
)
# Paid hours beside a benefit (DOMAIN.md §5.1): counted as hours with benefit, see `counted_kind`.
HOURS_BESIDE_BENEFIT: frozenset[OutcomeKind] = frozenset(
    {OutcomeKind.SMALL_JOB, OutcomeKind.HYBRID_INTERNSHIP}
)
AGE_BANDS: tuple[str, ...] = ("18-29", "30-39", "40-49", "50-59", "60+")
UNKNOWN = "unknown"
UNDER_18 = "under-18"
SUPPRESSED = "<5"
SMALL_CELL = 5

_RANK = {kind: rank for rank, kind in enumerate(PRIORITY)}


# --- facts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Host:
    company_id: int
    name: str


@dataclass(frozen=True)
class TripFact:
    trip_id: int
    trip_date: date
    trip_format: str
    municipality: str | None = None
    hosts: tuple[Host, ...] = ()
    title: str = ""


@dataclass(frozen=True)
class AttendanceFact:
    trip_id: int
    citizen_id: int
    attendance: Attendance
    reserve: bool = False


@dataclass(frozen=True)
class CitizenFact:
    citizen_id: int
    birth_year: int | None = None
    gender: Gender | None = None
    benefit_group: BenefitGroup | None = None


@dataclass(frozen=True)
class OutcomeFact:
    citizen_id: int
    kind: OutcomeKind
    start: date
    end: date | None = None
    trip_id: int | None = None
    company_id: int | None = None
    company_name: str = ""
    # Hours a week as recorded (paid hours, flex job, small job …); None when not known.
    hours_per_week: float | None = None

    def running_on(self, on: date) -> bool:
        return self.start <= on and (self.end is None or self.end >= on)


@dataclass(frozen=True)
class Facts:
    trips: tuple[TripFact, ...]
    attendance: tuple[AttendanceFact, ...] = ()
    outcomes: tuple[OutcomeFact, ...] = ()
    citizens: tuple[CitizenFact, ...] = ()
    # Citizen id -> their benefit periods (rules.benefit_history); a citizen without any
    # counts with `CitizenFact.benefit_group` on every day.
    benefits: Mapping[int, tuple[BenefitPeriod, ...]] = field(default_factory=dict)


# --- results ----------------------------------------------------------------------------


@dataclass(frozen=True)
class OutcomeCounts:
    """Distinct citizens per kind, each once under their highest kind, and in paid work."""

    by_kind: Mapping[OutcomeKind, int]
    headline: Mapping[OutcomeKind, int]
    citizens: int
    in_paid_work: int


@dataclass(frozen=True)
class Counts:
    trips: int
    invited: int
    attended: int
    late: int
    left_early: int
    excused: int
    no_show: int
    pending: int
    citizens_attended: int
    attendance_rate: float | None
    ever: OutcomeCounts
    on: OutcomeCounts | None


@dataclass(frozen=True)
class Group:
    key: str
    counts: Counts


@dataclass(frozen=True)
class CompanyGroup:
    """A company: the trips it hosted (what came of them) and outcomes placed at it."""

    company_id: int
    name: str
    counts: Counts
    at_company: OutcomeCounts


@dataclass(frozen=True)
class TripGroup:
    """One trip's figures: what came of this very bus trip."""

    trip_id: int
    trip_date: date
    title: str
    counts: Counts


@dataclass(frozen=True)
class Cell:
    key: str
    attended: int
    with_outcome: int
    in_paid_work: int


@dataclass(frozen=True)
class EvaluationRow:
    """A row of the evaluation's tables (`rules.evaluation`): a category, n and 100·n/N."""

    category: str
    count: int
    percent: float


@dataclass(frozen=True)
class HoursRow:
    """A row of Table 6.16's shape (`rules.paid_hours`): hours a month in one paid-work row.

    `n` citizens of the row have known hours (mean and sample SD over them, None when too
    few); `without_hours` more are in the row with none known. Rounded to one decimal.
    """

    category: str
    mean: float | None
    sd: float | None
    n: int
    without_hours: int
    per_week: float | None


@dataclass(frozen=True)
class Evaluation:
    """Tables 6.10 (`ever`) and 6.11 (`on_date`, on `status_date`) over `population` citizens,
    and hours per month of the ever table's paid-work rows (Table 6.16's shape)."""

    population: int
    status_date: date
    ever: tuple[EvaluationRow, ...]
    on_date: tuple[EvaluationRow, ...]
    hours_per_month: tuple[HoursRow, ...] = ()


@dataclass(frozen=True)
class Figures:
    on: date | None
    reference_date: date
    total: Counts
    by_municipality: tuple[Group, ...]
    by_trip_format: tuple[Group, ...]
    by_company: tuple[CompanyGroup, ...]
    breakdowns: Mapping[str, tuple[Cell, ...]]
    by_trip: tuple[TripGroup, ...] = ()
    # Municipality (of the trips, as `by_municipality`) -> the breakdowns of its trips alone:
    # the same as `breakdowns` with the selection filtered to that municipality.
    breakdowns_by_municipality: Mapping[str, Mapping[str, tuple[Cell, ...]]] = field(
        default_factory=dict
    )
    # The evaluation's tables, counted by `rules.evaluation.evaluate` over the same facts.
    evaluation: Evaluation | None = None


# --- rules ------------------------------------------------------------------------------


def attendance_rate(attended: int, invited: int, excused: int) -> float | None:
    """Attended of those expected (invited less excused); None when nobody was expected."""
    expected = invited - excused
    return attended / expected if expected > 0 else None


def highest_kind(kinds: Iterable[OutcomeKind]) -> OutcomeKind | None:
    return min(kinds, key=_RANK.__getitem__, default=None)


@dataclass(frozen=True)
class Benefits:
    """Each citizen's benefit periods, and the register's current value for one without any."""

    periods: Mapping[int, tuple[BenefitPeriod, ...]] = field(default_factory=dict)
    current: Mapping[int, BenefitGroup | None] = field(default_factory=dict)

    @classmethod
    def of(cls, facts: Facts) -> "Benefits":
        return cls(facts.benefits, {c.citizen_id: c.benefit_group for c in facts.citizens})

    def on(self, citizen_id: int, day: date) -> BenefitGroup | None:
        return benefit_on(self.periods.get(citizen_id, ()), day, self.current.get(citizen_id))

    def ever(self, citizen_id: int, group: BenefitGroup, *, after: date, until: date) -> bool:
        return ever_had(
            self.periods.get(citizen_id, ()),
            group,
            after=after,
            until=until,
            default=self.current.get(citizen_id),
        )


def counted_kind(outcome: OutcomeFact, benefits: Benefits, on: date | None) -> OutcomeKind:
    """The kind an outcome counts as in the headline and the evaluation's tables.

    A small job or a hybridpraktik is paid hours beside the benefit: `paid_hours_with_benefit`,
    unless the citizen had no benefit (`none`), then `paid_hours`. With `on` the benefit is
    the one of that day; without, any day the outcome ran counts. An unknown benefit is not
    "none": hours beside it count as with benefit.
    """
    if outcome.kind not in HOURS_BESIDE_BENEFIT:
        return outcome.kind
    if on is None:
        without = benefits.ever(
            outcome.citizen_id,
            BenefitGroup.NONE,
            after=outcome.start,
            until=outcome.end or date.max,
        )
    else:
        without = benefits.on(outcome.citizen_id, on) == BenefitGroup.NONE
    return OutcomeKind.PAID_HOURS if without else OutcomeKind.PAID_HOURS_WITH_BENEFIT


def age_band(birth_year: int | None, reference: date) -> str:
    """The band of DOMAIN.md R36 from the birth year (age reached in the reference year)."""
    if birth_year is None:
        return UNKNOWN
    age = reference.year - birth_year
    if age < 18:
        return UNDER_18
    return AGE_BANDS[min(max(age // 10 - 2, 0), len(AGE_BANDS) - 1)]


def start_quarter(day: date) -> str:
    """The quarter a citizen started in (003 Tab 6.13): `2018-Q3` for 1 July – 30 September."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def suppress_count(count: int) -> int | str:
    """R36's discretion rule for exports: 1–4 becomes "<5"; 0 and 5 up are shown."""
    return SUPPRESSED if 0 < count < SMALL_CELL else count


def attribute(facts: Facts) -> list[tuple[OutcomeFact, int]]:
    """Each outcome of the selection with the trip credited for it (see the module text)."""
    dates = {trip.trip_id: trip.trip_date for trip in facts.trips}
    attended_trips: dict[int, list[tuple[date, int]]] = defaultdict(list)
    for row in facts.attendance:
        if not row.reserve and row.attendance in ATTENDED and row.trip_id in dates:
            attended_trips[row.citizen_id].append((dates[row.trip_id], row.trip_id))
    credited: list[tuple[OutcomeFact, int]] = []
    for outcome in facts.outcomes:
        if outcome.trip_id is not None:
            if outcome.trip_id in dates:
                credited.append((outcome, outcome.trip_id))
            continue
        before = [trip for trip in attended_trips[outcome.citizen_id] if trip[0] <= outcome.start]
        if before:
            credited.append((outcome, max(before)[1]))
    return credited


def outcome_counts(
    outcomes: Iterable[OutcomeFact], counted: Callable[[OutcomeFact], OutcomeKind] | None = None
) -> OutcomeCounts:
    """`by_kind` by the recorded kind; `headline` by `counted` (see `counted_kind`)."""
    kinds_of: dict[int, set[OutcomeKind]] = defaultdict(set)
    headline_kinds: dict[int, set[OutcomeKind]] = defaultdict(set)
    for outcome in outcomes:
        kinds_of[outcome.citizen_id].add(outcome.kind)
        headline_kinds[outcome.citizen_id].add(counted(outcome) if counted else outcome.kind)
    by_kind: dict[OutcomeKind, int] = dict.fromkeys(PRIORITY, 0)
    headline: dict[OutcomeKind, int] = dict.fromkeys(PRIORITY, 0)
    for citizen_id, kinds in kinds_of.items():
        for kind in kinds:
            by_kind[kind] += 1
        best = highest_kind(headline_kinds[citizen_id])
        if best is not None:
            headline[best] += 1
    return OutcomeCounts(
        by_kind=by_kind,
        headline=headline,
        citizens=len(kinds_of),
        in_paid_work=sum(headline[kind] for kind in PAID_WORK),
    )


@dataclass(frozen=True)
class ByTrip:
    """Seats (reserves left out) and credited outcomes per trip, so a group reads only its own."""

    seats: Mapping[int, list[AttendanceFact]]
    outcomes: Mapping[int, list[OutcomeFact]]
    benefits: Benefits = field(default_factory=Benefits)

    @classmethod
    def of(cls, facts: Facts, credited: list[tuple[OutcomeFact, int]]) -> "ByTrip":
        seats: dict[int, list[AttendanceFact]] = defaultdict(list)
        for row in facts.attendance:
            if not row.reserve:
                seats[row.trip_id].append(row)
        outcomes: dict[int, list[OutcomeFact]] = defaultdict(list)
        for outcome, trip_id in credited:
            outcomes[trip_id].append(outcome)
        return cls(seats, outcomes, Benefits.of(facts))


def counts(trip_ids: set[int], by_trip: ByTrip, on: date | None) -> Counts:
    """The figures of the trips `trip_ids` (a subset of the selection)."""
    seats = [row for trip_id in trip_ids for row in by_trip.seats.get(trip_id, ())]
    tally = dict.fromkeys(Attendance, 0)
    for row in seats:
        tally[row.attendance] += 1
    attended = sum(tally[status] for status in ATTENDED)
    outcomes = [o for trip_id in trip_ids for o in by_trip.outcomes.get(trip_id, ())]
    return Counts(
        trips=len(trip_ids),
        invited=len(seats),
        attended=attended,
        late=tally[Attendance.LATE],
        left_early=tally[Attendance.LEFT_EARLY],
        excused=tally[Attendance.EXCUSED],
        no_show=tally[Attendance.NO_SHOW],
        pending=tally[Attendance.PENDING],
        citizens_attended=len({r.citizen_id for r in seats if r.attendance in ATTENDED}),
        attendance_rate=attendance_rate(attended, len(seats), tally[Attendance.EXCUSED]),
        ever=outcome_counts(outcomes, lambda o: counted_kind(o, by_trip.benefits, None)),
        on=None
        if on is None
        else outcome_counts(
            (o for o in outcomes if o.running_on(on)),
            lambda o: counted_kind(o, by_trip.benefits, on),
        ),
    )


def _groups(
    facts: Facts, by_trip: ByTrip, on: date | None, key: Callable[[TripFact], str]
) -> tuple[Group, ...]:
    members: dict[str, set[int]] = defaultdict(set)
    for trip in facts.trips:
        members[key(trip)].add(trip.trip_id)
    return tuple(Group(name, counts(ids, by_trip, on)) for name, ids in sorted(members.items()))


def _companies(
    facts: Facts, credited: list[tuple[OutcomeFact, int]], by_trip: ByTrip, on: date | None
) -> tuple[CompanyGroup, ...]:
    names: dict[int, str] = {}
    hosted: dict[int, set[int]] = defaultdict(set)
    for trip in facts.trips:
        for host in trip.hosts:
            names[host.company_id] = host.name
            hosted[host.company_id].add(trip.trip_id)
    placed: dict[int, list[OutcomeFact]] = defaultdict(list)
    for outcome, _trip_id in credited:
        if outcome.company_id is not None:
            names.setdefault(outcome.company_id, outcome.company_name)
            placed[outcome.company_id].append(outcome)
    rows = [
        CompanyGroup(
            company_id=company_id,
            name=name,
            counts=counts(hosted[company_id], by_trip, on),
            at_company=outcome_counts(
                placed[company_id], lambda o: counted_kind(o, by_trip.benefits, None)
            ),
        )
        for company_id, name in names.items()
    ]
    rows.sort(
        key=lambda r: (
            -r.counts.ever.citizens,
            -r.at_company.citizens,
            -r.counts.trips,
            sort_key(r.name),
        )
    )
    return tuple(rows)


def _breakdowns(
    facts: Facts, credited: list[tuple[OutcomeFact, int]], reference: date
) -> dict[str, tuple[Cell, ...]]:
    trip_ids = {trip.trip_id for trip in facts.trips}
    attended = {
        r.citizen_id
        for r in facts.attendance
        if r.trip_id in trip_ids and not r.reserve and r.attendance in ATTENDED
    }
    benefits = Benefits.of(facts)
    dates = {trip.trip_id: trip.trip_date for trip in facts.trips}
    # A citizen starts with their first trip of the selection they came on; one counted only
    # through an outcome linked to a trip (not attended) starts with the earliest such trip.
    first: dict[int, date] = {}
    for r in facts.attendance:
        if r.trip_id in trip_ids and not r.reserve and r.attendance in ATTENDED:
            first[r.citizen_id] = min(dates[r.trip_id], first.get(r.citizen_id, date.max))
    kinds_of: dict[int, set[OutcomeKind]] = defaultdict(set)
    for outcome, trip_id in credited:
        kinds_of[outcome.citizen_id].add(counted_kind(outcome, benefits, None))
        if outcome.citizen_id not in attended:
            first[outcome.citizen_id] = min(dates[trip_id], first.get(outcome.citizen_id, date.max))
    citizens = {c.citizen_id: c for c in facts.citizens}
    keys: dict[str, Callable[[CitizenFact], str]] = {
        "age_band": lambda c: age_band(c.birth_year, reference),
        "gender": lambda c: c.gender.value if c.gender else UNKNOWN,
        "benefit_group": lambda c: c.benefit_group.value if c.benefit_group else UNKNOWN,
        "start_quarter": lambda c: start_quarter(first[c.citizen_id]),
    }
    orders = {
        "age_band": [UNDER_18, *AGE_BANDS],
        "gender": [g.value for g in Gender],
        "benefit_group": [b.value for b in BenefitGroup],
        # Quarters sort as their codes do; every quarter is known.
        "start_quarter": sorted({start_quarter(day) for day in first.values()}),
    }
    result: dict[str, tuple[Cell, ...]] = {}
    for dimension, key in keys.items():
        order = {name: rank for rank, name in enumerate(orders[dimension])}
        cells: dict[str, list[set[int]]] = defaultdict(lambda: [set(), set(), set()])
        for citizen_id in attended | kinds_of.keys():
            citizen = citizens.get(citizen_id, CitizenFact(citizen_id))
            cell = cells[key(citizen)]
            if citizen_id in attended:
                cell[0].add(citizen_id)
            if citizen_id in kinds_of:
                cell[1].add(citizen_id)
                if highest_kind(kinds_of[citizen_id]) in PAID_WORK:
                    cell[2].add(citizen_id)
        result[dimension] = tuple(
            Cell(name, len(a), len(w), len(p))
            for name, (a, w, p) in sorted(
                cells.items(), key=lambda item: order.get(item[0], len(order))
            )
        )
    return result


def _breakdowns_by_municipality(
    facts: Facts, reference: date
) -> dict[str, dict[str, tuple[Cell, ...]]]:
    """Each municipality's breakdowns, counted as if the selection held its trips alone (an
    unlinked outcome is then credited to that municipality's latest trip before it)."""
    trips: dict[str, list[TripFact]] = defaultdict(list)
    for trip in facts.trips:
        trips[trip.municipality or UNKNOWN].append(trip)
    result = {}
    for name, own in sorted(trips.items(), key=lambda item: sort_key(item[0])):
        alone = replace(facts, trips=tuple(own))
        result[name] = _breakdowns(alone, attribute(alone), reference)
    return result


def compute_figures(facts: Facts, *, on: date | None, reference_date: date) -> Figures:
    """Every figure of the selection. `reference_date` is the day ages are taken at."""
    credited = attribute(facts)
    by_trip = ByTrip.of(facts, credited)
    return Figures(
        on=on,
        reference_date=reference_date,
        total=counts({t.trip_id for t in facts.trips}, by_trip, on),
        by_municipality=_groups(facts, by_trip, on, lambda t: t.municipality or UNKNOWN),
        by_trip_format=_groups(facts, by_trip, on, lambda t: t.trip_format),
        by_company=_companies(facts, credited, by_trip, on),
        breakdowns=_breakdowns(facts, credited, reference_date),
        breakdowns_by_municipality=_breakdowns_by_municipality(facts, reference_date),
        by_trip=tuple(
            TripGroup(trip.trip_id, trip.trip_date, trip.title, counts({trip.trip_id}, by_trip, on))
            for trip in sorted(facts.trips, key=lambda t: (t.trip_date, t.trip_id), reverse=True)
        ),
    )
