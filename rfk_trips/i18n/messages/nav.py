"""The screens' names in the navigation (their F-keys and the command palette)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "nav.help": ("Hjælp", "Help"),
    "nav.home": ("Oversigt", "Overview"),
    "nav.companies": ("Virksomheder", "Companies"),
    "nav.citizens": ("Borgere", "Citizens"),
    "nav.trips": ("Ture", "Trips"),
    "nav.staff": ("Medarbejdere", "Staff"),
    "nav.settings": ("Indstillinger", "Settings"),
    "nav.audit": ("Revisionslog", "Audit log"),
    "nav.followups": ("Opfølgning", "Follow-up"),
    "nav.results": ("Resultater", "Results"),
}
