"""The choices of the last-visit filter (companies)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "visited.never": ("Aldrig besøgt", "Never visited"),
    "visited.not_for_six_months": ("Ikke i et halvt år", "Not for six months"),
    "visited.recently": ("Inden for et halvt år", "Within six months"),
}
