"""Sentences of targets (måltal) and learning cases (læringscases). Key -> (Danish, English)."""

MESSAGES_TARGETS: dict[str, tuple[str, str]] = {
    "targets.half_label": ("{half}. halvår {year}", "H{half} {year}"),
    "targets.bad_half": (
        "»{text}« er ikke et halvår. Skriv fx 2026H1, 2026-2 eller »1. halvår 2026«.",
        "“{text}” is not a half-year. Write e.g. 2026H1, 2026-2 or “1. halvår 2026”.",
    ),
    "targets.bad_measure": (
        "»{text}« er ikke et måltal. Brug en af: {choices}.",
        "“{text}” is not a target measure. Use one of: {choices}.",
    ),
    "targets.bad_value": (
        "Måltallet skal være et helt tal over 0 (ikke {value}).",
        "The target must be a whole number above 0 (not {value}).",
    ),
    "targets.saved": (
        "Måltal for {municipality}, {half}: {measure} = {value}.",
        "Target for {municipality}, {half}: {measure} = {value}.",
    ),
    "targets.removed": (
        "Måltallet for {municipality}, {half}: »{measure}« er slettet.",
        "The target for {municipality}, {half}: “{measure}” is removed.",
    ),
    "targets.not_set": (
        "{municipality} har intet måltal for »{measure}« i {half}. "
        "Se dem med »rfk-trips target list«.",
        "{municipality} has no target for “{measure}” in {half}. "
        "See them with “rfk-trips target list”.",
    ),
    "targets.none": (
        "Der er ingen måltal. Sæt et med »rfk-trips target set KOMMUNE HALVÅR --measure "
        "in_paid_work --value 12«.",
        "There are no targets. Set one with “rfk-trips target set MUNICIPALITY HALF --measure "
        "in_paid_work --value 12”.",
    ),
    "targets.none_for": (
        "Der er ingen måltal for {half}.",
        "There are no targets for {half}.",
    ),
    "targets.progress_heading": (
        "Måltal, {half} (ture {start} – {end})",
        "Targets, {half} (trips {start} – {end})",
    ),
    "targets.progress_note": (
        "Opnået: borgere, der nåede det efter en tur i halvåret (som i »stats«).",
        "Achieved: citizens who reached it after a trip in the half-year (as in “stats”).",
    ),
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
    "what.learning_case": ("læringscase", "learning case"),
}
