"""A time of day that cannot be read."""

MESSAGES: dict[str, tuple[str, str]] = {
    "time.invalid": (
        "»{text}« er ikke et klokkeslæt. Skriv fx 08:30 eller 13.00.",
        "“{text}” is not a time of day. Write e.g. 08:30 or 13.00.",
    ),
}
