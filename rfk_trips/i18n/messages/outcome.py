"""Outcomes after a trip: recording and ending one, and the fields of its dialog."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- recording and ending an outcome ---
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
    # --- the dialogs (Opfølgning screen) ---
    "outcome.field.kind": ("Resultat", "Outcome"),
    "outcome.field.start": ("Start (fx 03-03-2026)", "Start (e.g. 03-03-2026)"),
    "outcome.field.end": ("Slutdato", "End date"),
    "outcome.field.end_optional": ("Slut (hvis den kendes)", "End (if known)"),
    "outcome.field.trip": ("Efter turen", "After the trip"),
    "outcome.field.company": ("Virksomhed", "Company"),
    "outcome.field.hours": ("Timer om ugen (fx 7,5)", "Hours per week (e.g. 7.5)"),
    "outcome.field.aim": (
        "Aftalt mål (skal udfyldes ved praktik)",
        "Agreed aim (needed for an internship)",
    ),
    "outcome.field.note": ("Note", "Note"),
    "outcome.no_trip": ("(ingen tur)", "(no trip)"),
    "outcome.field.reason": (
        "Hvorfor slutter det? (skal udfyldes, hvis en praktik slutter før tid)",
        "Why does it end? (needed when a placement ends early)",
    ),
    "outcome.kind_needed": ("Vælg, hvilket resultat det er.", "Choose which outcome it is."),
    "outcome.start_needed": (
        "Skriv startdatoen, fx 03-03-2026.",
        "Write the start date, e.g. 03-03-2026.",
    ),
    "outcome.end_needed": (
        "Skriv slutdatoen, fx 03-03-2026.",
        "Write the end date, e.g. 03-03-2026.",
    ),
    "outcome.hours_not_number": (
        "»{text}« er ikke et antal timer. Skriv fx 7,5.",
        "“{text}” is not a number of hours. Write e.g. 7.5.",
    ),
}
