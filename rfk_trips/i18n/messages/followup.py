"""Follow-up tasks: created when a trip is completed, recorded, next steps."""

MESSAGES: dict[str, tuple[str, str]] = {
    "followup.days_negative": (
        "Antal dage til opfølgning kan ikke være negativt. Skriv fx 14.",
        "The number of days to follow-up cannot be negative. Write e.g. 14.",
    ),
    "followup.next_step_needed": (
        "Skriv, hvad det næste skridt er, når det har en dato.",
        "Say what the next step is when it has a date.",
    ),
    "followup.next_due_needed": (
        "Giv det næste skridt en frist, så det ikke bliver glemt.",
        "Give the next step a due date so it is not forgotten.",
    ),
    "followup.next_due_past": (
        "Datoen for næste skridt er allerede passeret. Vælg i dag eller senere.",
        "The date of the next step has already passed. Choose today or later.",
    ),
    "followup.already_done": (
        "Opfølgningen er allerede registreret. Opret et nyt næste skridt i stedet.",
        "The follow-up is already recorded. Create a new next step instead.",
    ),
    "followup.stalled_after_trip": (
        "intet næste skridt efter turen",
        "no next step after the trip",
    ),
    "followup.stalled_after_outcome": (
        "intet næste skridt efter et afsluttet forløb",
        "no next step after an ended outcome",
    ),
    "followup.stalled_no_result": (
        "intet næste skridt efter »intet resultat«",
        "no next step after “no outcome”",
    ),
    "followup.stalled_review_passed": (
        "praktikken er forbi sin evalueringsdato uden en beslutning",
        "the placement is past its review date with no decision",
    ),
    "followup.created": (
        "{count} opfølgning(er) er oprettet til de ansvarlige medarbejdere.",
        "{count} follow-up(s) created for the responsible staff.",
    ),
    "followup.none": ("Ingen åbne opfølgninger.", "No open follow-ups."),
    "followup.none_due": (
        "Ingen opfølgninger er forfaldne i dag.",
        "No follow-ups are due today.",
    ),
    "followup.overdue": ("forfalden", "overdue"),
    "followup.done": ("Opfølgningen er registreret.", "The follow-up is recorded."),
    "followup.next_created": (
        "Næste skridt er oprettet som opfølgning {id} med frist {date}.",
        "The next step is created as follow-up {id}, due {date}.",
    ),
    "followup.stalled_header": (
        "Borgere uden næste skridt ({count}):",
        "Citizens without a next step ({count}):",
    ),
    "followup.field.next_due": ("Frist for næste skridt", "Due date of the next step"),
}
