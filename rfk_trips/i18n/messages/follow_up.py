"""Sentences of follow-ups and outcomes. Key -> (Danish, English)."""

MESSAGES_FOLLOW_UP: dict[str, tuple[str, str]] = {
    "what.follow_up": ("opfølgning", "follow-up"),
    "what.outcome": ("resultat", "outcome"),
    # --- follow-ups -------------------------------------------------------------------
    "format.follow_up_days": (
        "Dage til opfølgning efter turen",
        "Days to follow-up after the trip",
    ),
    "format.follow_up_days_range": (
        "Skriv et helt antal dage fra {low} til {high}, fx 14.",
        "Write a whole number of days from {low} to {high}, e.g. 14.",
    ),
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
    # --- outcomes ---------------------------------------------------------------------
    "outcome.refused": (
        "Resultatet er ikke gemt: {problems}",
        "The outcome was not saved: {problems}",
    ),
    "outcome.end_before_start": (
        "Slutdatoen ligger før startdatoen.",
        "The end date is before the start date.",
    ),
    "outcome.hours_range": (
        "Timer om ugen skal være mellem 0 og {most}.",
        "Hours per week must be between 0 and {most}.",
    ),
    "outcome.aim_needed": (
        "En praktik skal have et aftalt mål, fx »lønnede timer efter 8 uger«.",
        "A placement needs an agreed aim, e.g. “paid hours after 8 weeks”.",
    ),
    "outcome.review_before_start": (
        "Opfølgningsdatoen for praktikken skal ligge efter starten.",
        "The placement's review date must be after its start.",
    ),
    "outcome.not_on_trip": (
        "{name} var ikke med på turen »{title}«. Vælg den tur, borgeren var med på.",
        "{name} was not on the trip “{title}”. Choose the trip the citizen was on.",
    ),
    "outcome.before_trip": (
        "Resultatet starter før turen. Et resultat efter en tur starter på turens dag eller "
        "senere; udelad --trip, hvis det ikke skyldes turen.",
        "The outcome starts before the trip. An outcome after a trip starts on the trip's "
        "day or later; leave out --trip if the trip did not lead to it.",
    ),
    "outcome.already_ended": (
        "Resultatet er allerede afsluttet den {date}.",
        "The outcome already ended on {date}.",
    ),
    "outcome.reason_needed": (
        "Praktikken slutter før den aftalte opfølgning. Skriv hvorfor, så vi kan lære af det.",
        "The placement ends before its review date. Say why, so we can learn from it.",
    ),
    "outcome.unknown_kind": (
        "»{kind}« er ikke en resultattype. Brug en af: {kinds}.",
        "“{kind}” is not an outcome type. Use one of: {kinds}.",
    ),
    "outcome.added": (
        "{kind} er registreret for {name} (resultat {id}).",
        "{kind} is recorded for {name} (outcome {id}).",
    ),
    "outcome.review_on": (
        "Praktikken følges op den {date}.",
        "The placement is reviewed on {date}.",
    ),
    "outcome.ended": ("Resultat {id} er afsluttet.", "Outcome {id} has ended."),
    "outcome.learning_case": (
        "Praktikken sluttede før tid. Overvej at skrive en læringscase: borgerens, "
        "virksomhedens, sagsbehandlerens og virksomhedskonsulentens blik på, hvad der skete. "
        "Skriv den med »rfk-trips learning-case add {id} --citizen-view TEKST "
        "--company-view TEKST --caseworker-view TEKST --consultant-view TEKST«.",
        "The placement ended early. Consider writing a learning case: how the citizen, the "
        "company, the caseworker and the company consultant saw what happened. "
        "Write it with “rfk-trips learning-case add {id} --citizen-view TEXT "
        "--company-view TEXT --caseworker-view TEXT --consultant-view TEXT”.",
    ),
}
