"""A citizen's benefit on a date and "ever had": rules.benefit_history, by hand and by property."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from rfk_trips.rules.benefit_history import BenefitPeriod, benefit_on, ever_had
from storage.codes import BenefitGroup

CASH, FLEX, RESOURCE = (
    BenefitGroup.CASH_ASSISTANCE,
    BenefitGroup.FLEX_BENEFIT,
    BenefitGroup.RESOURCE_PROGRAMME,
)
HISTORY = (
    BenefitPeriod(CASH, date(2026, 1, 1), date(2026, 3, 31)),
    BenefitPeriod(FLEX, date(2026, 4, 1), date(2026, 6, 30)),
    BenefitPeriod(RESOURCE, date(2026, 7, 1)),
)
START = date(2026, 1, 1)


def test_benefit_on_reads_the_period_covering_the_day_both_ends_included() -> None:
    assert benefit_on(HISTORY, date(2026, 1, 1)) == CASH
    assert benefit_on(HISTORY, date(2026, 3, 31)) == CASH
    assert benefit_on(HISTORY, date(2026, 4, 1)) == FLEX
    assert benefit_on(HISTORY, date(2026, 6, 30)) == FLEX
    assert benefit_on(HISTORY, date(2030, 1, 1)) == RESOURCE  # the open period runs on


def test_benefit_on_a_day_no_period_covers_is_the_default() -> None:
    assert benefit_on(HISTORY, date(2025, 12, 31)) is None
    assert benefit_on(HISTORY, date(2025, 12, 31), default=CASH) == CASH
    assert benefit_on((), date(2026, 5, 1), default=FLEX) == FLEX


def test_ever_had_asks_whether_a_period_of_the_group_overlaps_the_days() -> None:
    assert ever_had(HISTORY, FLEX, after=date(2026, 6, 30), until=date(2026, 12, 31))
    assert ever_had(HISTORY, FLEX, after=date(2026, 1, 1), until=date(2026, 4, 1))
    assert not ever_had(HISTORY, FLEX, after=date(2026, 7, 1), until=date(2026, 12, 31))
    assert not ever_had(HISTORY, FLEX, after=date(2026, 1, 1), until=date(2026, 3, 31))
    assert ever_had(HISTORY, RESOURCE, after=date(2029, 1, 1), until=date(2029, 1, 1))


def test_ever_had_without_a_history_is_the_default() -> None:
    after, until = date(2026, 1, 1), date(2026, 12, 31)
    assert ever_had((), FLEX, after=after, until=until, default=FLEX)
    assert not ever_had((), FLEX, after=after, until=until, default=CASH)
    assert not ever_had((), FLEX, after=after, until=until)
    # A known history wins over the default.
    assert not ever_had(HISTORY[:1], FLEX, after=after, until=until, default=FLEX)


@st.composite
def histories(draw: st.DrawFn) -> tuple[BenefitPeriod, ...]:
    """Periods as the register leaves them: each closes the day before the next opens."""
    groups = draw(st.lists(st.sampled_from(list(BenefitGroup)), min_size=1, max_size=5))
    gaps = draw(st.lists(st.integers(1, 90), min_size=len(groups), max_size=len(groups)))
    starts = [START + timedelta(days=sum(gaps[:i])) for i in range(len(groups))]
    closed = [
        BenefitPeriod(group, since, next_start - timedelta(days=1))
        for group, since, next_start in zip(groups, starts, starts[1:], strict=False)
    ]
    return (*closed, BenefitPeriod(groups[-1], starts[-1]))


offsets = st.integers(-30, 500)


@given(histories(), offsets)
def test_each_day_from_the_first_period_on_has_exactly_one_benefit(
    periods: tuple[BenefitPeriod, ...], offset: int
) -> None:
    day = START + timedelta(days=offset)
    covering = [p for p in periods if p.covers(day)]
    if day < periods[0].since:
        assert covering == []
        assert benefit_on(periods, day, default=BenefitGroup.NONE) == BenefitGroup.NONE
    else:
        assert len(covering) == 1
        assert benefit_on(periods, day) == covering[0].benefit_group
    # The open period's group is the benefit today, and for good.
    assert benefit_on(periods, START + timedelta(days=10_000)) == periods[-1].benefit_group


@given(histories(), st.sampled_from(list(BenefitGroup)), offsets, st.integers(0, 200))
def test_ever_had_is_benefit_on_some_day_of_the_span(
    periods: tuple[BenefitPeriod, ...], group: BenefitGroup, offset: int, length: int
) -> None:
    after = START + timedelta(days=offset)
    until = after + timedelta(days=length)
    days = (after + timedelta(days=n) for n in range(length + 1))
    expected = any(benefit_on(periods, day) == group for day in days)
    assert ever_had(periods, group, after=after, until=until) == expected
