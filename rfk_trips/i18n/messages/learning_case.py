"""Læringscases about placements that ended early: the dialog and `learning-case`."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the dialog (Opfølgning screen) ---
    "learning_case.dialog_title": (
        "Læringscase: {name} hos {company}",
        "Learning case: {name} at {company}",
    ),
    "learning_case.dialog_hint": (
        "Praktikken sluttede før tid. Skriv, hvordan hver part så det, så vi kan lære af "
        "det. Esc springer over (det kan gøres senere med »rfk-trips learning-case add«).",
        "The placement ended early. Write how each side saw it, so we can learn from it. "
        "Esc skips (it can be done later with “rfk-trips learning-case add”).",
    ),
    "learning_case.field.citizen": ("Borgerens perspektiv", "The citizen's view"),
    "learning_case.field.company": ("Virksomhedens perspektiv", "The company's view"),
    "learning_case.field.caseworker": ("Sagsbehandlerens perspektiv", "The caseworker's view"),
    "learning_case.field.consultant": (
        "Virksomhedskonsulentens perspektiv",
        "The company consultant's view",
    ),
    "learning_case.field.lessons": ("Det lærte vi", "What we learned"),
    "learning_case.saved_in_ui": (
        "Læringscase {id} om {name} er gemt.",
        "Learning case {id} about {name} is saved.",
    ),
    # --- recording and listing (`rfk-trips learning-case`) ---
    "learning_case.perspective_needed": (
        "Skriv mindst ét af de fire perspektiver på forløbet: borgerens, virksomhedens, "
        "sagsbehandlerens eller virksomhedskonsulentens (--citizen-view, --company-view, "
        "--caseworker-view, --consultant-view).",
        "Write at least one of the four perspectives on what happened: the citizen's, the "
        "company's, the caseworker's or the company consultant's (--citizen-view, "
        "--company-view, --caseworker-view, --consultant-view).",
    ),
    "learning_case.citizen_needed": (
        "Sig, hvilken borger læringscasen handler om, eller hvilket resultat den hører til.",
        "Say which citizen the learning case is about, or which outcome it belongs to.",
    ),
    "learning_case.other_citizen": (
        "Resultat {outcome} hører til en anden borger end borger {citizen}.",
        "Outcome {outcome} belongs to another citizen than citizen {citizen}.",
    ),
    "learning_case.in_future": (
        "En læringscase kan ikke være skrevet efter i dag ({date}).",
        "A learning case cannot be written after today ({date}).",
    ),
    "learning_case.added": (
        "Læringscase {id} er gemt for {name}.",
        "Learning case {id} is saved for {name}.",
    ),
    "learning_case.none": ("Der er ingen læringscases.", "There are no learning cases."),
    "learning_case.citizen": ("Borgeren", "The citizen"),
    "learning_case.company": ("Virksomheden", "The company"),
    "learning_case.caseworker": ("Sagsbehandleren", "The caseworker"),
    "learning_case.consultant": ("Virksomhedskonsulenten", "The company consultant"),
    "learning_case.lessons": ("Det lærte vi", "What we learned"),
    "learning_case.reason": ("Årsag", "Reason"),
    "learning_case.heading": (
        "Læringscase {id}, skrevet {date}: {name}",
        "Learning case {id}, written {date}: {name}",
    ),
    "learning_case.outcome_line": ("Resultat {id}: {kind}", "Outcome {id}: {kind}"),
    "learning_case.written_by": ("Skrevet af {initials}", "Written by {initials}"),
}
