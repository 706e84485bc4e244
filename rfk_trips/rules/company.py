"""Which companies may host a bus-trip visit (DOMAIN.md §3.1, R05)."""

from dataclasses import dataclass
from enum import StrEnum

from rfk_trips.i18n.catalogue import t


class Criterion(StrEnum):
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
    """The qualifying criteria a company meets; a labour shortage counts only with tasks ready."""
    met: list[Criterion] = []
    if host.placement_experience:
        met.append(Criterion.PLACEMENT_EXPERIENCE)
    if host.social_responsibility:
        met.append(Criterion.SOCIAL_RESPONSIBILITY)
    if host.labour_shortage and any(task.strip() for task in host.tasks):
        met.append(Criterion.LABOUR_SHORTAGE_WITH_TASKS)
    return tuple(met)


def qualifies(host: HostFacts) -> bool:
    """At least one criterion, and not archived."""
    return not host.archived and bool(criteria_met(host))


def criterion_label(criterion: Criterion) -> str:
    return t(f"criterion.{criterion.value}")
