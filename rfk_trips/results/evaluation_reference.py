"""The midterm evaluation's own figures, to lay beside ours on Resultater → Evaluering.

All project participants (663 citizens, to December 2019), seed 003 (VIVE's midterm
evaluation) Tables 6.10 and 6.11, copied as printed. Only the categories of
`rfk_trips.rules.evaluation` that the evaluation also counts have a figure; any other row
shows "–" (`reference_for` gives None). Table 6.16 (hours per month of those who had paid
hours) is `HOURS_PER_MONTH`: mean, standard deviation and citizens, as printed.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from rfk_trips.rules.evaluation import (
    EDUCATION,
    EXIT,
    FLEX_BENEFIT,
    FLEX_JOB,
    NO_HOURS_CASH_BENEFIT,
    NO_HOURS_NO_BENEFIT,
    NO_HOURS_RESOURCE_PROGRAMME,
    NO_PAID_HOURS,
    PAID_HOURS,
    PAID_HOURS_WITH_BENEFIT,
    WAGE_SUBSIDY,
)


@dataclass(frozen=True)
class ReferenceFigure:
    count: int
    percent: float


@dataclass(frozen=True)
class ReferenceHours:
    """A row of Table 6.16: mean and standard deviation of hours a month, over `n` citizens."""

    mean: float
    sd: float
    n: int


POPULATION = 663  # "1-7. I alt 663 100,0" (003 L3572) and "I alt 663 100,0" (003 L3650)
YEAR = 2019

# Table 6.10, ever in the project period up to and including December 2019 (003 L3551–3573).
EVER: Mapping[str, ReferenceFigure] = {
    PAID_HOURS: ReferenceFigure(26, 3.9),  # category 1, L3556–3557
    PAID_HOURS_WITH_BENEFIT: ReferenceFigure(43, 6.5),  # category 2, L3559–3560
    FLEX_JOB: ReferenceFigure(23, 3.5),  # category 3, L3562
    EDUCATION: ReferenceFigure(6, 0.9),  # category 4, L3564
    WAGE_SUBSIDY: ReferenceFigure(5, 0.8),  # category 5, L3566
    FLEX_BENEFIT: ReferenceFigure(14, 2.1),  # category 6, L3568
    NO_PAID_HOURS: ReferenceFigure(546, 82.4),  # category 7, L3570
}

# Table 6.11, status in December 2019 (003 L3628–3650). Its hours-with-benefit row includes
# løntilskud, as our on-date row does.
ON_DATE: Mapping[str, ReferenceFigure] = {
    PAID_HOURS: ReferenceFigure(10, 1.5),  # L3632
    PAID_HOURS_WITH_BENEFIT: ReferenceFigure(34, 5.1),  # L3634
    FLEX_JOB: ReferenceFigure(23, 3.5),  # L3636
    EDUCATION: ReferenceFigure(6, 0.9),  # L3638
    FLEX_BENEFIT: ReferenceFigure(14, 2.1),  # L3640
    NO_HOURS_CASH_BENEFIT: ReferenceFigure(501, 75.6),  # L3642
    NO_HOURS_RESOURCE_PROGRAMME: ReferenceFigure(58, 8.7),  # L3644
    NO_HOURS_NO_BENEFIT: ReferenceFigure(6, 0.9),  # L3646
    EXIT: ReferenceFigure(11, 1.7),  # L3648
}

# Table 6.16, paid hours per month, Aug 2018 – Dec 2019 (003 L3813–3828); the rows are the
# ever table's categories 1–3 (its labels repeat Table 6.10's).
HOURS_PER_MONTH: Mapping[str, ReferenceHours] = {
    PAID_HOURS: ReferenceHours(90.6, 47.9, 26),  # L3824–3825
    PAID_HOURS_WITH_BENEFIT: ReferenceHours(36.9, 32.9, 43),  # L3826–3827
    FLEX_JOB: ReferenceHours(21.7, 11.8, 23),  # L3828
}

TABLES: Mapping[str, Mapping[str, ReferenceFigure]] = {"ever": EVER, "on_date": ON_DATE}
# The evaluation's table number of each of our tables.
TABLE_NUMBERS: Mapping[str, str] = {
    "ever": "6.10",
    "on_date": "6.11",
    "hours_per_month": "6.16",
}


def reference_for(table: str, category: str) -> ReferenceFigure | None:
    """The evaluation's figure for `category` in `table` ("ever" or "on_date"), if it has one."""
    return TABLES[table].get(category)
