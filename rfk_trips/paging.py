"""A page of a list, with the total the filter matches."""

from dataclasses import dataclass
from typing import Generic, TypeVar

from storage.search_text import search_key

T = TypeVar("T")

PAGE_SIZE = 100


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: list[T]
    total: int


def search_words(text: str) -> list[str]:
    """The folded words of a search; each must occur in a row's search text."""
    return search_key(text).split()


def like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
