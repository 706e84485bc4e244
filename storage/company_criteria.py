"""R05 in SQL: which companies qualify to host a visit, over any columns that hold the criteria.

The table models (`storage.models.company_qualifies`) and the Core tables the home screen
reads before the models are loaded (`storage.core_tables`) both build it from here, so the
rule and the SQL text SQLite matches against the partial index `ix_company_qualifying`
exist once. Constants are written as literals, so that they read the same in a query and
in the index.
"""

from typing import Any

from sqlalchemy import and_, func, literal_column, or_
from sqlalchemy.sql.elements import ColumnElement


def has_tasks(tasks: Any) -> ColumnElement[bool]:
    """The company lists tasks ready for citizens (an empty list or none: no)."""
    listed = func.coalesce(func.json_array_length(tasks), literal_column("0"))
    return listed > literal_column("0")


def qualifies(
    placement_experience: Any, social_responsibility: Any, labour_shortage: Any, tasks: Any
) -> ColumnElement[bool]:
    """The test `rfk_trips.rules.company.qualifies` makes in Python."""
    return or_(
        placement_experience.is_(True),
        social_responsibility.is_(True),
        and_(labour_shortage.is_(True), has_tasks(tasks)),
    )
