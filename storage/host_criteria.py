"""R05 as data: the criteria that let a company host a visit (DOMAIN.md §3.1), written once.

A company qualifies when it meets at least one criterion; a criterion that needs a task counts
only when the company lists a task ready for citizens, and a task that is blank (empty, or
only whitespace) is no task. Two places read this: the Python rule
(`rfk_trips.rules.company.criteria_met`) and the SQL (`storage.company_criteria`, which the
table models, the Core tables and the partial index are built from). The definition lives
here, in storage, the lowest layer both may import, and as plain data with no SQLAlchemy
in it, because `rfk_trips.rules` must stay free of the database (import-linter contracts
in pyproject.toml); `tests/test_host_criteria_properties.py` holds the two readings equal
over real SQLite rows.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class HostCriterion:
    """One way to qualify: a company flag, and whether it counts only with a task listed."""

    code: str  # as `rfk_trips.rules.company.Criterion` and the labels name it
    flag: str  # the company's field (`Company`, `HostFacts`) that holds it
    needs_a_task: bool


# In the order they are shown, and the order the SQL condition (and so the partial index
# `ix_company_qualifying` of migration 0012) tests them.
CRITERIA = (
    HostCriterion("placement_experience", "placement_experience", needs_a_task=False),
    HostCriterion("social_responsibility", "social_responsibility", needs_a_task=False),
    HostCriterion("labour_shortage_with_tasks", "labour_shortage", needs_a_task=True),
)

# What Python's `str.strip()` takes away (every character `str.isspace()` holds true for),
# spelled out so that SQL's trim can be handed the same set.
BLANK = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)


def is_a_task(text: str) -> bool:
    """A listed task that says something: a blank one is no task."""
    return bool(text.strip(BLANK))
