"""Sentences of the Opfølgning screen and the follow-ups on the home screen. Key -> (da, en)."""

MESSAGES_FOLLOW_UP_SCREEN: dict[str, tuple[str, str]] = {
    "nav.followups": ("Opfølgning", "Follow-up"),
    "followups.screen_title": ("Opfølgning", "Follow-up"),
    "followups.search_placeholder": (
        "Søg borger: skriv et par bogstaver af navnet",
        "Find a citizen: type a few letters of the name",
    ),
    "followups.summary": (
        "Viste: {shown} · forfaldne: {overdue}.",
        "Shown: {shown} · overdue: {overdue}.",
    ),
    "followups.filter_due": (
        "Viser kun dem med frist i dag eller før (d viser alle åbne).",
        "Showing only those due today or earlier (d shows all open).",
    ),
    "followups.filter_open": (
        "Viser alle åbne opfølgninger (d viser kun de forfaldne).",
        "Showing all open follow-ups (d shows only those due).",
    ),
    "followups.filter_search": (
        "Søgning: også de registrerede opfølgninger vises.",
        "Searching: recorded follow-ups are shown too.",
    ),
    "followups.none": (
        "Ingen åbne opfølgninger. De oprettes, når en tur afsluttes (F9 i Indtjekning).",
        "No open follow-ups. They are created when a trip is completed (F9 in check-in).",
    ),
    "followups.none_found": (
        "Ingen opfølgninger for »{text}«.",
        "No follow-ups for “{text}”.",
    ),
    "followups.col.due": ("Frist", "Due"),
    "followups.col.state": ("Status", "State"),
    "followups.col.citizen": ("Borger", "Citizen"),
    "followups.col.task": ("Opgave", "Task"),
    "followups.col.trip": ("Tur", "Trip"),
    "followups.col.staff": ("Ansvarlig", "Owner"),
    "followups.state.overdue": ("⚠ Forfalden", "⚠ Overdue"),
    "followups.state.today": ("● I dag", "● Today"),
    "followups.state.open": ("· Åben", "· Open"),
    "followups.state.done": ("✓ Holdt", "✓ Done"),
    "followups.history_heading": (
        "{name} · sagsbehandler: {caseworker}",
        "{name} · caseworker: {caseworker}",
    ),
    "followups.no_caseworker": ("ingen", "none"),
    "followups.stalled_flag": (
        "⚠ Står stille: {reason}. Tryk n for et næste skridt eller o for et resultat.",
        "⚠ Stalled: {reason}. Press n for a next step or o for an outcome.",
    ),
    "followups.history_empty": (
        "Vælg en opfølgning i listen for at se borgerens forløb.",
        "Choose a follow-up in the list to see the citizen's history.",
    ),
    "followups.col.date": ("Dato", "Date"),
    "followups.col.what": ("Hvad", "What"),
    "followups.col.detail": ("Detalje", "Detail"),
    "followups.col.status": ("Status", "Status"),
    "followups.row.trip": ("Tur", "Trip"),
    "followups.row.outcome": ("Resultat", "Outcome"),
    "followups.row.follow_up": ("Opfølgning", "Follow-up"),
    "followups.row.reserve": ("reserve", "reserve"),
    "followups.row.running": ("i gang", "running"),
    "followups.row.review": ("i gang, opfølgning {date}", "running, review {date}"),
    "followups.row.ended": ("sluttet {date}", "ended {date}"),
    "followups.row.ended_early": ("sluttet før tid {date}", "ended early {date}"),
    "followups.row.due": ("frist {date}", "due {date}"),
    "followups.row.done": ("✓ holdt {date}", "✓ done {date}"),
    "followups.key.record": ("Registrér", "Record"),
    "followups.key.outcome": ("Nyt resultat", "New outcome"),
    "followups.key.end": ("Afslut resultat", "End outcome"),
    "followups.key.due": ("Kun forfaldne", "Due only"),
    "followups.key.next_step": ("Næste skridt", "Next step"),
    "followups.new_next_step": ("Nyt næste skridt", "New next step"),
    "followups.key.search": ("Søg", "Find"),
    "followups.key.switch": ("Liste/forløb", "List/history"),
    "followups.select_first": (
        "Vælg først en opfølgning i listen (pil op/ned).",
        "Choose a follow-up in the list first (arrow up/down).",
    ),
    "followups.already_recorded": (
        "Den opfølgning er allerede registreret. Tryk o for at registrere et resultat.",
        "That follow-up is already recorded. Press o to record an outcome.",
    ),
    "followups.choose_outcome": (
        "{name} har flere resultater i gang. Vælg det, der skal afsluttes, i forløbet "
        "(Tab, pil op/ned) og tryk e.",
        "{name} has several outcomes running. Choose the one to end in the history "
        "(Tab, arrow up/down) and press e.",
    ),
    "followups.no_running": (
        "{name} har ikke noget resultat i gang, der kan afsluttes.",
        "{name} has no running outcome to end.",
    ),
    "followups.recorded": (
        "Opfølgningen for {name} er registreret.",
        "The follow-up for {name} is recorded.",
    ),
    # --- dialogs ----------------------------------------------------------------------
    "followups.dialog.record": ("Opfølgning: {name}", "Follow-up: {name}"),
    "followups.dialog.task": ("Opgave: {task}", "Task: {task}"),
    "followups.field.note": (
        "Hvad blev aftalt (ingen helbredsoplysninger)",
        "What was agreed (no health information)",
    ),
    "followups.field.company": (
        "Virksomhed, borgeren er interesseret i",
        "Company the citizen is interested in",
    ),
    "followups.field.next_step": ("Næste skridt", "Next step"),
    "followups.field.next_due": (
        "Frist for næste skridt (fx 15-12-2026)",
        "Due date of the next step (e.g. 15-12-2026)",
    ),
    "followups.field.staff": ("Ansvarlig for næste skridt", "Owner of the next step"),
    "followups.no_company": ("(ingen)", "(none)"),
    "followups.same_staff": ("(samme som nu)", "(same as now)"),
    "followups.dialog.outcome": ("Nyt resultat: {name}", "New outcome: {name}"),
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
    "followups.dialog.end": ("Afslut {kind}: {name}", "End {kind}: {name}"),
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
    # --- home screen ------------------------------------------------------------------
    "home.followups_due": (
        "Opfølgninger med frist i dag eller før: {count} (F8 Opfølgning)",
        "Follow-ups due today or earlier: {count} (F8 Follow-up)",
    ),
    "home.followups_more": ("… og {count} mere", "… and {count} more"),
    "help.followups": (
        "Opfølgning efter turene.\n\n"
        "Listen viser de åbne opfølgninger efter frist; forfaldne står øverst med ⚠. "
        "Under listen ses den valgte borgers forløb: ture, fremmøde, resultater og "
        "tidligere opfølgninger.\n\n"
        "Enter eller r registrerer det aftalte: note, virksomhed, næste skridt med frist "
        "og ansvarlig. Et næste skridt med frist bliver en ny opfølgning.\n"
        "o registrerer et resultat (praktik, timer, job, uddannelse …) knyttet til turen.\n"
        "e afslutter et resultat, der er i gang. Slutter en praktik før tid, skal årsagen "
        "skrives, og en læringscase tilbydes.\n"
        "n giver borgeren et nyt næste skridt, også når alle opgaver er holdt; en borger "
        "uden næste skridt er markeret med ⚠ Står stille.\n"
        "d skifter mellem alle åbne og kun forfaldne. / søger efter en borger; en søgning "
        "viser også de registrerede opfølgninger. Tab skifter mellem listen og forløbet.",
        "Follow-up after the trips.\n\n"
        "The list shows open follow-ups by due date; overdue ones come first with ⚠. "
        "Below it is the chosen citizen's history: trips, attendance, outcomes and earlier "
        "follow-ups.\n\n"
        "Enter or r records what was agreed: note, company, next step with due date and "
        "owner. A next step with a due date becomes a new follow-up.\n"
        "o records an outcome (internship, hours, job, education …) linked to the trip.\n"
        "e ends a running outcome. When a placement ends early, the reason is needed and a "
        "learning case is offered.\n"
        "n gives the citizen a new next step, also when every task is done; a citizen "
        "without a next step is marked ⚠ Stalled.\n"
        "d switches between all open and due only. / finds a citizen; a search also shows "
        "recorded follow-ups. Tab moves between the list and the history.",
    ),
}
