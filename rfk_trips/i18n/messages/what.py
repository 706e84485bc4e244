"""The names of records, for sentences such as »Der findes ingen {what} med id {id}«."""

MESSAGES: dict[str, tuple[str, str]] = {
    "what.trip": ("tur", "trip"),
    "what.company": ("virksomhed", "company"),
    "what.citizen": ("borger", "citizen"),
    "what.staff": ("medarbejder", "staff member"),
    "what.format": ("turformat", "trip format"),
    "what.municipality": ("kommune", "municipality"),
    "what.visit": ("besøg", "visit"),
    "what.follow_up": ("opfølgning", "follow-up"),
    "what.outcome": ("resultat", "outcome"),
    "what.learning_case": ("læringscase", "learning case"),
}
