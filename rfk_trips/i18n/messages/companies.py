"""The company register screen (Virksomheder)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "companies.search_placeholder": (
        "Søg (navn, by, postnr., CVR, kontaktperson)",
        "Search (name, town, postcode, CVR, contact person)",
    ),
    "companies.title": ("Virksomheder", "Companies"),
    "companies.new": ("Ny virksomhed", "New company"),
    "companies.edit": ("Redigér virksomhed", "Edit company"),
}
