"""Words used everywhere: yes, no, all."""

MESSAGES: dict[str, tuple[str, str]] = {
    "common.yes": ("Ja", "Yes"),
    "common.no": ("Nej", "No"),
    "common.all": ("Alle", "All"),
}
