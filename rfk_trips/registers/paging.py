"""A page of a list, with the total the filter matches."""

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, literal_column, select

from storage.search_text import search_key

T = TypeVar("T")

PAGE_SIZE = 100
# A list's count stops here: at 100 times a municipality's data, counting every one of tens
# of thousands of matches took most of a search keystroke, and "over 10.000" says as much.
COUNT_AT_MOST = 10_000


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: list[T]
    total: int


def count_query(table: Any, conditions: list[Any], at_most: int | None = None) -> Select[Any]:
    """How many rows of `table` the conditions match; with `at_most`, no more than one past
    it (a result of `at_most + 1` means "more than `at_most`")."""
    if at_most is None:
        return select(func.count()).select_from(table).where(*conditions)
    matches: Select[Any] = select(literal_column("1")).select_from(table).where(*conditions)
    return select(func.count()).select_from(matches.limit(at_most + 1).subquery())


def last_page_total(offset: int, shown: int, limit: int = PAGE_SIZE) -> int | None:
    """The total, when a page of `shown` rows from `offset` tells it: a page with room left
    is the last one. None when only a count can tell (a full page, or one past the end)."""
    if shown < limit and (shown or offset == 0):
        return offset + shown
    return None


def search_words(text: str) -> list[str]:
    """The folded words of a search; each must occur in a row's search text."""
    return search_key(text).split()


def like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
