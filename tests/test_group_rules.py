"""The group's size verdict (R02) and its main cohort (R14): one definition each, used by
the rules and by the trip editor's group tab alike, the same answer on every run."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rfk_trips.rules.formats import BUILTIN_FORMATS, GULDBORGSUND, LOLLAND, FormatSpec
from rfk_trips.rules.trip import (
    CitizenFacts,
    Severity,
    TripFacts,
    check_trip,
    group_size,
    group_size_verdict,
    main_cohort,
)
from tests.trip_facts import A_TUESDAY, TODAY, staff

ROOT = Path(__file__).resolve().parent.parent

# Pairs of cohorts named alike, so that a tie between them is broken by order alone.
TIED = [(f"Springbrættet 2026 uge {week}", f"Springbrættet 2026 uge {week + 1}") for week in
        range(1, 40, 2)]  # fmt: skip


@pytest.mark.parametrize("fmt", BUILTIN_FORMATS, ids=lambda fmt: fmt.code)
def test_the_size_verdict_is_what_the_group_size_rule_finds(fmt: FormatSpec) -> None:
    for count in range(20):
        group = tuple(CitizenFacts(100 + i, f"B{i}") for i in range(count))
        facts = TripFacts(1, A_TUESDAY, TODAY, fmt, participants=group)
        verdict = group_size_verdict(count, fmt)
        found = [finding.severity for finding in group_size(facts)]
        assert found == ([] if verdict is None else [verdict]), count


def test_the_size_verdict_by_example() -> None:
    assert group_size_verdict(5, GULDBORGSUND) is Severity.ERROR
    assert group_size_verdict(6, GULDBORGSUND) is None
    assert group_size_verdict(13, GULDBORGSUND) is Severity.WARNING
    assert group_size_verdict(11, LOLLAND) is Severity.WARNING
    assert group_size_verdict(15, LOLLAND) is None
    assert group_size_verdict(16, LOLLAND) is Severity.ERROR


def test_the_main_cohort_is_the_one_most_share_and_blank_is_no_cohort() -> None:
    assert main_cohort(["uge 10", "uge 11", "uge 11", "", ""]) == "uge 11"
    assert main_cohort(["", ""]) == ""
    assert main_cohort([]) == ""


@pytest.mark.parametrize(("first", "second"), TIED)
def test_a_tie_goes_to_the_cohort_named_first_whichever_it_is(first: str, second: str) -> None:
    """The editor once took `max(set(cohorts), key=cohorts.count)`: a tie went by the set's
    order, the same for both orders below, so one of them failed here, and which cohort it
    offered changed with the hash seed from one run to the next."""
    assert main_cohort([first, second, second, first]) == first
    assert main_cohort([second, first, first, second]) == second


def test_the_main_cohort_is_the_same_under_every_hash_seed() -> None:
    code = f"""
import json
from rfk_trips.rules.trip import main_cohort
tied = {TIED!r}
print(json.dumps([main_cohort([a, b, "", b, a]) for a, b in tied]))
"""
    answers = set()
    for seed in ("0", "1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT
        )
        assert done.returncode == 0, done.stderr
        answers.add(tuple(json.loads(done.stdout)))
    assert answers == {tuple(first for first, _ in TIED)}


def test_the_cohort_rule_warns_against_the_same_main_cohort() -> None:
    """R14 and the editor's cohort filter agree on a tie: the cohort of the first name."""
    first, second = TIED[0]
    group = tuple(
        CitizenFacts(100 + i, f"Borger {i:02d}", cohort=first if i % 2 else second)
        for i in range(12)
    )
    facts = TripFacts(1, A_TUESDAY, TODAY, LOLLAND, participants=group, staff=staff(3))
    assert main_cohort([c.cohort for c in group]) == second
    mixed = {f.subject for f in check_trip(facts) if f.code == "cohort_mixed"}
    assert mixed == {f"citizen:{c.citizen_id}" for c in group if c.cohort == first}
