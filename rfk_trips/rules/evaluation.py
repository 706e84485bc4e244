"""The evaluation's own tables from our data: seed 003 Table 6.10 (ever) and 6.11 (on a date).

Pure, over the same `Facts` and attribution as `rfk_trips.rules.outcome_figures`, so the
tables can be laid beside the midterm evaluation's (DOMAIN.md §5.5, R27).

* **Population.** Every distinct citizen who came (mødt, kom for sent, gik tidligt) on a trip
  of the selection, reserves left out as in `citizens_attended`. Outcomes are those credited
  to the selection (`attribute`); a citizen outside the population is not counted.
* **Each citizen in exactly one row**, the first that fits, in the order of `EVER_ROWS` and
  `ON_DATE_ROWS`. A small job or hybridpraktik counts as paid hours (`counted_kind`).
* **Ever** uses every credited outcome (as the headline does) and, for `flex_benefit`, any
  benefit period from the citizen's first trip in the selection to `until`.
* **On a date** uses the outcomes running that day and the benefit of that day. Løntilskud
  counts as hours with benefit, as the evaluation merges them. A citizen with no hours falls
  under their benefit: an unknown benefit is counted with "kontanthjælp m.m." (the group
  most of them are in, 003 Tab 6.3), never as "no benefit", which would claim to know.
* **Percent** is 100·n/N rounded to one decimal; 0.0 when nobody came.
* **Hours per month** (Table 6.16's shape) for the ever table's three paid-work rows, over the
  citizens placed in each: the rule is in `rfk_trips.rules.paid_hours`.
* **Suppression** (`suppress_rows`): 1–4 as "<5", and one more cell where the total would give
  a hidden one away.
"""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from rfk_trips.rules.outcome_figures import (
    SMALL_CELL,
    SUPPRESSED,
    Benefits,
    Evaluation,
    EvaluationRow,
    Facts,
    Figures,
    HoursRow,
    OutcomeFact,
    attribute,
    counted_kind,
)
from rfk_trips.rules.paid_hours import Spell, citizen_hours_per_month, hours_row
from storage.codes import ATTENDED, BenefitGroup, OutcomeKind

PAID_HOURS = "paid_hours"
PAID_HOURS_WITH_BENEFIT = "paid_hours_with_benefit"
FLEX_JOB = "flex_job"
EDUCATION = "education"
WAGE_SUBSIDY = "wage_subsidy"
FLEX_BENEFIT = "flex_benefit"
NO_PAID_HOURS = "no_paid_hours"
EXIT = "exit"
NO_HOURS_CASH_BENEFIT = "no_paid_hours_cash_benefit"
NO_HOURS_RESOURCE_PROGRAMME = "no_paid_hours_resource_programme"
NO_HOURS_NO_BENEFIT = "no_paid_hours_no_benefit"

# Table 6.10, in the priority order of R27.
EVER_ROWS: tuple[str, ...] = (
    PAID_HOURS,
    PAID_HOURS_WITH_BENEFIT,
    FLEX_JOB,
    EDUCATION,
    WAGE_SUBSIDY,
    FLEX_BENEFIT,
    NO_PAID_HOURS,
)
# Table 6.11; exit is placed before the no-hours rows (issue 19), so a pensioner is not
# counted as someone without hours on kontanthjælp.
ON_DATE_ROWS: tuple[str, ...] = (
    PAID_HOURS,
    PAID_HOURS_WITH_BENEFIT,
    FLEX_JOB,
    EDUCATION,
    FLEX_BENEFIT,
    EXIT,
    NO_HOURS_CASH_BENEFIT,
    NO_HOURS_RESOURCE_PROGRAMME,
    NO_HOURS_NO_BENEFIT,
)
# Table 6.16: the ever table's paid-work rows, each with the kind its hours are counted from.
HOURS_ROWS: tuple[tuple[str, OutcomeKind], ...] = (
    (PAID_HOURS, OutcomeKind.PAID_HOURS),
    (PAID_HOURS_WITH_BENEFIT, OutcomeKind.PAID_HOURS_WITH_BENEFIT),
    (FLEX_JOB, OutcomeKind.FLEX_JOB),
)
RESOURCE_PROGRAMMES: frozenset[BenefitGroup] = frozenset(
    {BenefitGroup.REHABILITATION, BenefitGroup.RESOURCE_PROGRAMME, BenefitGroup.JOB_CLARIFICATION}
)
# A cell hidden only so that another cannot be worked out from the total, when it is 5 or more
# ("<5" would not be true of it).
SECONDARY = "x"


__all__ = [
    "Evaluation",
    "EvaluationRow",
    "HoursRow",
    "classify",
    "evaluate",
    "hidden_cells",
    "with_evaluation",
]


@dataclass(frozen=True)
class _Citizen:
    first_trip: date
    outcomes: tuple[OutcomeFact, ...]


def _population(facts: Facts) -> dict[int, _Citizen]:
    dates = {trip.trip_id: trip.trip_date for trip in facts.trips}
    first: dict[int, date] = {}
    for row in facts.attendance:
        if row.reserve or row.attendance not in ATTENDED or row.trip_id not in dates:
            continue
        day = dates[row.trip_id]
        first[row.citizen_id] = min(day, first.get(row.citizen_id, day))
    outcomes: dict[int, list[OutcomeFact]] = defaultdict(list)
    for outcome, _trip_id in attribute(facts):
        if outcome.citizen_id in first:
            outcomes[outcome.citizen_id].append(outcome)
    return {cid: _Citizen(day, tuple(outcomes[cid])) for cid, day in first.items()}


def _ever_row(citizen_id: int, citizen: _Citizen, benefits: Benefits, until: date) -> str:
    kinds = {counted_kind(o, benefits, None) for o in citizen.outcomes}
    for kind, row in (
        (OutcomeKind.PAID_HOURS, PAID_HOURS),
        (OutcomeKind.PAID_HOURS_WITH_BENEFIT, PAID_HOURS_WITH_BENEFIT),
        (OutcomeKind.FLEX_JOB, FLEX_JOB),
        (OutcomeKind.EDUCATION, EDUCATION),
        (OutcomeKind.WAGE_SUBSIDY, WAGE_SUBSIDY),
    ):
        if kind in kinds:
            return row
    if benefits.ever(citizen_id, BenefitGroup.FLEX_BENEFIT, after=citizen.first_trip, until=until):
        return FLEX_BENEFIT
    return NO_PAID_HOURS


def _on_date_row(citizen_id: int, citizen: _Citizen, benefits: Benefits, on: date) -> str:
    kinds = {counted_kind(o, benefits, on) for o in citizen.outcomes if o.running_on(on)}
    benefit = benefits.on(citizen_id, on)
    if OutcomeKind.PAID_HOURS in kinds:
        return PAID_HOURS
    if kinds & {OutcomeKind.PAID_HOURS_WITH_BENEFIT, OutcomeKind.WAGE_SUBSIDY}:
        return PAID_HOURS_WITH_BENEFIT
    if OutcomeKind.FLEX_JOB in kinds:
        return FLEX_JOB
    if OutcomeKind.EDUCATION in kinds:
        return EDUCATION
    if benefit == BenefitGroup.FLEX_BENEFIT:
        return FLEX_BENEFIT
    if OutcomeKind.EXIT in kinds:
        return EXIT
    if benefit in RESOURCE_PROGRAMMES:
        return NO_HOURS_RESOURCE_PROGRAMME
    if benefit == BenefitGroup.NONE:
        return NO_HOURS_NO_BENEFIT
    return NO_HOURS_CASH_BENEFIT


def _placed(
    people: Mapping[int, _Citizen], benefits: Benefits, *, on: date, until: date
) -> tuple[dict[int, str], dict[int, str]]:
    ever = {cid: _ever_row(cid, c, benefits, until) for cid, c in people.items()}
    on_date = {cid: _on_date_row(cid, c, benefits, on) for cid, c in people.items()}
    return ever, on_date


def classify(facts: Facts, *, on: date, until: date) -> tuple[dict[int, str], dict[int, str]]:
    """Each citizen of the population -> their row in the ever table and in the on-date table."""
    return _placed(_population(facts), Benefits.of(facts), on=on, until=until)


def _hours(
    people: Mapping[int, _Citizen], ever: Mapping[int, str], benefits: Benefits, until: date
) -> tuple[HoursRow, ...]:
    """Hours per month of each paid-work row of the ever table (`rules.paid_hours`)."""
    rows = []
    for row, kind in HOURS_ROWS:
        per_citizen: list[float] = []
        without = 0
        for cid in (cid for cid, placed in ever.items() if placed == row):
            citizen = people[cid]
            spells = [
                Spell(o.start, o.end, o.hours_per_week)
                for o in citizen.outcomes
                if o.hours_per_week is not None and counted_kind(o, benefits, None) == kind
            ]
            hours = citizen_hours_per_month(spells, start=citizen.first_trip, until=until)
            if hours is None:
                without += 1
            else:
                per_citizen.append(hours)
        rows.append(hours_row(row, per_citizen, without))
    return tuple(rows)


def percent(count: int, population: int) -> float:
    return round(100 * count / population, 1) if population else 0.0


def _rows(rows: Sequence[str], placed: Mapping[int, str]) -> tuple[EvaluationRow, ...]:
    tally = dict.fromkeys(rows, 0)
    for row in placed.values():
        tally[row] += 1
    total = len(placed)
    return tuple(EvaluationRow(row, n, percent(n, total)) for row, n in tally.items())


def evaluate(facts: Facts, *, on: date, until: date) -> Evaluation:
    """Both tables and the hours per month: `on` is the status date of Table 6.11, `until`
    the end of "ever"."""
    benefits = Benefits.of(facts)
    people = _population(facts)
    ever, on_date = _placed(people, benefits, on=on, until=until)
    return Evaluation(
        len(ever),
        on,
        _rows(EVER_ROWS, ever),
        _rows(ON_DATE_ROWS, on_date),
        _hours(people, ever, benefits, until),
    )


def with_evaluation(figures: Figures, facts: Facts) -> Figures:
    """The figures with both tables: status on `figures.on` (else the reference date), and
    "ever" up to the reference date (the period's end, or today)."""
    return replace(
        figures,
        evaluation=evaluate(
            facts, on=figures.on or figures.reference_date, until=figures.reference_date
        ),
    )


def hidden_cells(counts: Sequence[int]) -> dict[int, str]:
    """Index -> the mark shown instead, for a table whose cells add up to a shown total (R36).

    A count of 1–4 is hidden ("<5"). If the hidden cells could then be worked out from the
    total (one cell alone, or all at the same bound: two ones adding to 2), the smallest cell
    still shown is hidden too: "<5" when it is under 5 (a 0 included), else "x".
    """
    hidden = {i: SUPPRESSED for i, n in enumerate(counts) if 0 < n < SMALL_CELL}

    def revealing() -> bool:
        if not hidden:
            return False
        if len(hidden) == 1:
            return True
        values = [counts[i] for i in hidden]
        primary = all(0 < v < SMALL_CELL for v in values)
        return primary and sum(values) in {len(values), (SMALL_CELL - 1) * len(values)}

    while revealing():
        shown = [i for i in range(len(counts)) if i not in hidden]
        if not shown:
            break
        pick = min(shown, key=lambda i: (counts[i], i))
        hidden[pick] = SUPPRESSED if counts[pick] < SMALL_CELL else SECONDARY
    return hidden
