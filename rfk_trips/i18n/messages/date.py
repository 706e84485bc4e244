"""A date that cannot be read."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- dates ------------------------------------------------------------------------
    "date.invalid": (
        "»{text}« er ikke en dato. Skriv fx 03-12-2026, 2026-12-03 eller 3/12.",
        "“{text}” is not a date. Write e.g. 03-12-2026, 2026-12-03 or 3/12.",
    ),
}
