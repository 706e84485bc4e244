"""Suggesting hosts for a trip (R09, R08): tasks that match the group's job goals first, then
the companies that have waited longest for a visit, so the circle of hosts widens.
"""

from dataclasses import dataclass
from datetime import date

from rfk_trips.i18n.labels import label
from rfk_trips.rules.company import Criterion
from storage.codes import Industry
from storage.search_text import search_key, sort_key

# Job goals people write, and the industry where such work is found.
GOAL_INDUSTRIES: dict[str, tuple[Industry, ...]] = {
    "butik": (Industry.RETAIL,),
    "køkken": (Industry.HOTELS_RESTAURANTS, Industry.SOCIAL_INSTITUTIONS),
    "service": (Industry.HOTELS_RESTAURANTS, Industry.RETAIL),
    "lager": (Industry.OTHER_TRADE, Industry.MANUFACTURING, Industry.RETAIL),
    "pakning": (Industry.MANUFACTURING, Industry.OTHER_TRADE, Industry.AGRICULTURE),
    "produktion": (Industry.MANUFACTURING,),
    "gartneri": (Industry.AGRICULTURE,),
    "byggeri": (Industry.CONSTRUCTION,),
    "pleje": (Industry.SOCIAL_INSTITUTIONS, Industry.PUBLIC_ADMIN),
    "pedel": (Industry.PUBLIC_ADMIN, Industry.SOCIAL_INSTITUTIONS),
    "transport": (Industry.OTHER_INDUSTRIES,),
    "rengøring": (Industry.OTHER_INDUSTRIES, Industry.HOTELS_RESTAURANTS),
}


@dataclass(frozen=True)
class HostCandidate:
    company_id: int
    name: str
    town: str
    industry: Industry
    criteria: tuple[Criterion, ...]
    tasks: tuple[str, ...]
    last_visit: date | None
    max_visitors: int | None


@dataclass(frozen=True)
class RankedHost:
    candidate: HostCandidate
    matched_goals: tuple[str, ...]
    days_since_visit: int | None

    @property
    def score(self) -> int:
        return len(self.matched_goals)


def matched_goals(goals: set[str], candidate: HostCandidate) -> tuple[str, ...]:
    """The group's goals this host can show: in its tasks, or typical of its industry."""
    tasks = [search_key(task) for task in candidate.tasks]
    industry_name = search_key(label(candidate.industry))
    found = []
    for goal in sorted(goals):
        folded = search_key(goal)
        if not folded:
            continue
        in_tasks = any(folded in task or task in folded for task in tasks)
        in_industry = folded in industry_name or candidate.industry in GOAL_INDUSTRIES.get(
            folded, ()
        )
        if in_tasks or in_industry:
            found.append(goal)
    return tuple(found)


def rank_hosts(
    candidates: list[HostCandidate], goals: set[str], *, today: date
) -> list[RankedHost]:
    """Best match first; among equals, the one never visited or visited longest ago."""
    ranked = [
        RankedHost(
            candidate,
            matched_goals(goals, candidate),
            None if candidate.last_visit is None else (today - candidate.last_visit).days,
        )
        for candidate in candidates
    ]
    return sorted(
        ranked,
        key=lambda r: (
            -r.score,
            -(r.days_since_visit if r.days_since_visit is not None else 10**6),
            sort_key(r.candidate.name),
        ),
    )
