"""The Opfølgning screen (F8): the list, a citizen's history, the dialogs."""

MESSAGES: dict[str, tuple[str, str]] = {
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
    "followups.dialog.end": ("Afslut {kind}: {name}", "End {kind}: {name}"),
}
