"""Which companies may host a bus-trip visit (DOMAIN.md §3.1, R05).

The criteria themselves are data in `storage.host_criteria`, read here and by the SQL that
finds qualifying companies (`storage.company_criteria`): the definition must be visible to
both, and storage is the lowest layer both may import, while these rules may not import the
database (SQLAlchemy). This module only turns a company's facts into the criteria it meets.
"""

from dataclasses import dataclass
from enum import StrEnum

from rfk_trips.i18n.catalogue import t
from storage.host_criteria import CRITERIA, is_a_task


class Criterion(StrEnum):
    """The criteria of `storage.host_criteria.CRITERIA`, by their codes, in its order."""

    PLACEMENT_EXPERIENCE = "placement_experience"
    SOCIAL_RESPONSIBILITY = "social_responsibility"
    LABOUR_SHORTAGE_WITH_TASKS = "labour_shortage_with_tasks"


@dataclass(frozen=True)
class HostFacts:
    """What the rules need to know of a company."""

    company_id: int
    name: str
    placement_experience: bool = False
    social_responsibility: bool = False
    labour_shortage: bool = False
    tasks: tuple[str, ...] = ()
    max_visitors: int | None = None
    archived: bool = False


def criteria_met(host: HostFacts) -> tuple[Criterion, ...]:
    """The qualifying criteria a company meets; a labour shortage counts only with tasks ready.

    A blank task (empty, or only whitespace) is no task.
    """
    has_a_task = any(is_a_task(task) for task in host.tasks)
    return tuple(
        Criterion(criterion.code)
        for criterion in CRITERIA
        if bool(getattr(host, criterion.flag)) and (has_a_task or not criterion.needs_a_task)
    )


def qualifies(host: HostFacts) -> bool:
    """At least one criterion, and not archived."""
    return not host.archived and bool(criteria_met(host))


def criterion_label(criterion: Criterion) -> str:
    return t(f"criterion.{criterion.value}")
