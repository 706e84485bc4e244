"""The citizen register screen (Borgere)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "citizens.search_placeholder": (
        "Søg (navn, telefon, forløb)",
        "Search (name, phone, cohort)",
    ),
    "citizens.title": ("Borgere", "Citizens"),
    "citizens.new": ("Ny borger", "New citizen"),
    "citizens.edit": ("Redigér borger", "Edit citizen"),
}
