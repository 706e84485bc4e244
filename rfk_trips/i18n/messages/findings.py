"""Accepting a warning in the trip editor, with a reason."""

MESSAGES: dict[str, tuple[str, str]] = {
    "findings.acknowledge_title": ("Acceptér advarsel", "Accept warning"),
    "findings.reason": ("Begrundelse (gemmes på turen)", "Reason (stored with the trip)"),
}
