"""The staff register screen (Medarbejdere)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "staff.search_placeholder": ("Søg (navn, initialer)", "Search (name, initials)"),
    "staff.title": ("Medarbejdere", "Staff"),
    "staff.new": ("Ny medarbejder", "New staff member"),
    "staff.edit": ("Redigér medarbejder", "Edit staff member"),
}
