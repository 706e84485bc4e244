"""A finding's severity: error or warning."""

MESSAGES: dict[str, tuple[str, str]] = {
    "severity.error": ("FEJL", "ERROR"),
    "severity.warning": ("ADVARSEL", "WARNING"),
}
