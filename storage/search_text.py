"""How text is folded for search, shared by the tables that store it and the queries."""


def search_key(*parts: object) -> str:
    """Text folded for search: SQLite's LIKE folds only ASCII, so `Ø` must be `ø` already."""
    return " ".join(" ".join(str(part) for part in parts if part).casefold().split())
