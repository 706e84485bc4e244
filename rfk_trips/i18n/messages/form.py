"""The buttons of every edit form, and its refusal."""

MESSAGES: dict[str, tuple[str, str]] = {
    "form.save": ("Gem", "Save"),
    "form.cancel": ("Annullér", "Cancel"),
    "form.save_button": ("Gem (F10)", "Save (F10)"),
    "form.cancel_button": ("Annullér (Esc)", "Cancel (Esc)"),
    "form.refused": (
        "Ikke gemt: ret felterne, der er markeret herunder. Det, du har skrevet, er bevaret.",
        "Not saved: fix the fields marked below. What you typed is kept.",
    ),
}
