"""The host criteria in one word each, for the column Kvalificeret."""

MESSAGES: dict[str, tuple[str, str]] = {
    "criterion_short.placement_experience": ("erfaring", "experience"),
    "criterion_short.social_responsibility": ("socialt", "social"),
    "criterion_short.labour_shortage_with_tasks": ("mangel", "shortage"),
}
