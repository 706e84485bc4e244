"""R05 in SQL: which companies qualify to host a visit, over any columns that hold the criteria.

Built from the criteria as data (`storage.host_criteria`), which the Python rule
(`rfk_trips.rules.company`) reads too, so the two cannot drift apart; the table models
(`storage.models.company_qualifies`) and the Core tables the home screen reads before the
models are loaded (`storage.core_tables`) both build their condition from here.

The condition is two, joined by AND. The first is the partial index `ix_company_qualifying`'s
condition, which migration 0012 wrote down literally and which counts any listed task, even
a blank one: SQLite uses a partial index only for a query that has the index's condition as
one of its AND terms, read the same, and allows no subquery in an index's condition. The
second is the exact rule, which looks inside the list for a task that is not blank; it only
takes away the few rows the first one lets through with nothing but blank tasks. Constants
of the first are written as literals, so that they read the same in a query and in the index.
"""

from typing import Any, Self

from sqlalchemy import Boolean, and_, func, literal, literal_column, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.operators import OperatorType

from storage.host_criteria import BLANK, CRITERIA


def lists_tasks(tasks: Any) -> ColumnElement[bool]:
    """The list of tasks is not empty, blank ones counted: the partial index's test."""
    listed = func.coalesce(func.json_array_length(tasks), literal_column("0"))
    return listed > literal_column("0")


class _HasATask(FunctionElement[bool]):
    """A JSON list of texts holds one that is not only whitespace (`BLANK`)."""

    type = Boolean()
    name = "has_a_task"
    inherit_cache = True

    def self_group(self, against: OperatorType | None = None) -> Self:
        # An EXISTS is a condition already: no `= 1` after it where booleans are integers.
        return self


@compiles(_HasATask)  # SQLite's JSON functions; also what a printed clause shows
def _has_a_task_sqlite(element: _HasATask, compiler: SQLCompiler, **kw: Any) -> str:
    tasks, blank = (compiler.process(clause, **kw) for clause in element.clauses)
    return (
        f"EXISTS (SELECT 1 FROM json_each({tasks}) AS task WHERE trim(task.value, {blank}) != '')"
    )


@compiles(_HasATask, "postgresql")
def _has_a_task_postgresql(element: _HasATask, compiler: SQLCompiler, **kw: Any) -> str:
    tasks, blank = (compiler.process(clause, **kw) for clause in element.clauses)
    return (
        f"EXISTS (SELECT 1 FROM json_array_elements_text({tasks}) AS task"
        f" WHERE btrim(task, {blank}) != '')"
    )


def has_tasks(tasks: Any) -> ColumnElement[bool]:
    """The company lists a task ready for citizens: a blank one is no task (`is_a_task`)."""
    return _HasATask(tasks, literal(BLANK))


def _any_criterion(flags: dict[str, Any], task_listed: ColumnElement[bool]) -> ColumnElement[bool]:
    return or_(
        *(
            and_(flags[criterion.flag].is_(True), task_listed)
            if criterion.needs_a_task
            else flags[criterion.flag].is_(True)
            for criterion in CRITERIA
        )
    )


def _flags(
    placement_experience: Any, social_responsibility: Any, labour_shortage: Any
) -> dict[str, Any]:
    return {
        "placement_experience": placement_experience,
        "social_responsibility": social_responsibility,
        "labour_shortage": labour_shortage,
    }


def indexed(
    placement_experience: Any, social_responsibility: Any, labour_shortage: Any, tasks: Any
) -> ColumnElement[bool]:
    """The partial index's condition: R05 with a blank task taken for a task (wider)."""
    flags = _flags(placement_experience, social_responsibility, labour_shortage)
    return _any_criterion(flags, lists_tasks(tasks))


def qualifies(
    placement_experience: Any, social_responsibility: Any, labour_shortage: Any, tasks: Any
) -> ColumnElement[bool]:
    """The test `rfk_trips.rules.company.criteria_met` makes in Python (archived aside)."""
    flags = _flags(placement_experience, social_responsibility, labour_shortage)
    return and_(
        indexed(placement_experience, social_responsibility, labour_shortage, tasks),
        _any_criterion(flags, has_tasks(tasks)),
    )
