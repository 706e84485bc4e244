"""The choices of the qualification filter (companies)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "qualification.qualifying": ("Kvalificerede", "Qualifying"),
    "qualification.not_qualifying": ("Ikke kvalificerede", "Not qualifying"),
}
