"""Sentences of the audit log (`rfk-trips audit`, `Revisionslog`) and who acts. Key -> (da, en)."""

MESSAGES_AUDIT: dict[str, tuple[str, str]] = {
    # --- who is acting (Indstillinger) ----------
    "settings.initials": ("Dine initialer", "Your initials"),
    "settings.initials_placeholder": ("fx HH", "e.g. HH"),
    "settings.initials_note": (
        "Står i revisionsloggen og på udskrifter. Tomt: dit login på computeren.",
        "Shown in the audit log and on print records. Empty: your computer login.",
    ),
    "settings.saved_initials": (
        "Gemt. Revisionsloggen skriver nu »{who}« ved dine ændringer og udskrifter.",
        "Saved. The audit log now writes “{who}” by your changes and print-outs.",
    ),
    # --- what was done ----------
    "audit.action.create": ("oprettet", "created"),
    "audit.action.update": ("ændret", "changed"),
    "audit.action.delete": ("slettet", "deleted"),
    "audit.action.export": ("eksporteret", "exported"),
    "audit.action.print": ("udskrevet", "printed"),
    "audit.action.ics": ("kalenderfil", "calendar file"),
    "audit.action.reminders": ("påmindelser", "reminders"),
    "audit.action.report": ("indsigtsrapport", "access report"),
    "audit.action.erase": ("anonymiseret", "erased"),
    "audit.action.purge": ("oprydning", "retention purge"),
    # --- which record: the tables ----------
    "audit.entity.citizen": ("borger", "citizen"),
    "audit.entity.company": ("virksomhed", "company"),
    "audit.entity.staff": ("medarbejder", "staff member"),
    "audit.entity.trip": ("tur", "trip"),
    "audit.entity.visit": ("besøg", "visit"),
    "audit.entity.participation": ("deltagelse", "participation"),
    "audit.entity.trip_staff": ("personale på tur", "trip staff"),
    "audit.entity.trip_format": ("turformat", "trip format"),
    "audit.entity.municipality": ("kommune", "municipality"),
    "audit.entity.finding_acknowledgement": ("godkendt advarsel", "acknowledged warning"),
    "audit.entity.checkin_event": ("indtjekning", "check-in"),
    "audit.entity.print_record": ("udskriftspost", "print record"),
    "audit.entity.follow_up": ("opfølgning", "follow-up"),
    "audit.entity.outcome": ("resultat", "outcome"),
    "audit.entity.target": ("mål", "target"),
    "audit.entity.learning_case": ("læringscase", "learning case"),
    # --- which record: what left the app ----------
    "audit.export.citizens": ("borgere", "citizens"),
    "audit.export.companies": ("virksomheder", "companies"),
    "audit.export.staff": ("medarbejdere", "staff"),
    "audit.export.trips": ("ture", "trips"),
    "audit.export.participants": ("deltagere", "participants"),
    "audit.export.followups": ("opfølgninger", "follow-ups"),
    "audit.export.outcomes": ("resultater", "outcomes"),
    "audit.export.stats": ("tal (<5 skjult)", "figures (<5 hidden)"),
    "audit.print.participant": ("deltagerprogram", "participant programme"),
    "audit.print.staff": ("personaleark", "staff run sheet"),
    "audit.print.company": ("virksomhedsprogram", "company programme"),
    "audit.print.bus": ("busprogram", "bus programme"),
    "audit.record": ("{what} {id}", "{what} {id}"),
    "audit.names_citizens": ("{count} borgere", "{count} citizens"),
    "audit.names_one_citizen": ("1 borger", "1 citizen"),
    # --- the table ----------
    "audit.col.at": ("Tidspunkt", "When"),
    "audit.col.actor": ("Hvem", "Who"),
    "audit.col.action": ("Hvad", "What"),
    "audit.col.record": ("Post", "Record"),
    "audit.col.fields": ("Felter / fil", "Fields / file"),
    "audit.col.citizens": ("Nævner", "Names"),
    "audit.none": ("Revisionsloggen har ingen linjer, der passer.", "No audit lines match."),
    "audit.none_for_citizen": (
        "Revisionsloggen har intet om borger {id}.",
        "The audit log has nothing about citizen {id}.",
    ),
    "audit.capped": (
        "Viser de nyeste {limit} linjer. Brug --limit for flere.",
        "Showing the newest {limit} lines. Use --limit for more.",
    ),
    # --- the screen ----------
    "nav.audit": ("Revisionslog", "Audit log"),
    "audit.screen_title": (
        "Revisionslog: hvem ændrede hvad, og hvad forlod programmet",
        "Audit log: who changed what, and what left the program",
    ),
    "audit.field.citizen": ("Borgernummer (Enter)", "Citizen number (Enter)"),
    "audit.field.read_outs": ("Kun udlæsninger", "Read-outs only"),
    "audit.key.read_outs": ("Kun udlæsninger", "Read-outs only"),
    "audit.loading": ("Henter revisionsloggen …", "Loading the audit log …"),
    "audit.shown": ("{count} linjer.", "{count} lines."),
    "audit.shown_capped": (
        "De nyeste {count} linjer. Se resten med »rfk-trips audit --limit N«.",
        "The newest {count} lines. See the rest with “rfk-trips audit --limit N”.",
    ),
    "audit.bad_citizen": (
        "Skriv borgerens nummer som et helt tal, fx 12, eller ryd feltet for alle.",
        "Type the citizen's number as a whole number, e.g. 12, or clear the field for all.",
    ),
    "help.audit": (
        "Revisionsloggen viser, hvem der har oprettet, ændret eller slettet hvad, og hvert "
        "udtræk, der har forladt programmet: eksport, udskrift, kalenderfil og påmindelser. "
        "Den nævner feltnavne, aldrig indholdet, og kan ikke ændres bagefter.\n\n"
        "Skriv et borgernummer og tryk Enter for at se alt om én borger; ryd feltet for alle. "
        "»Kun udlæsninger« (Ctrl+O) viser kun det, der har forladt programmet. "
        "»Hvem« er initialerne fra Indstillinger, ellers computerens login.",
        "The audit log shows who created, changed or deleted what, and every read-out that "
        "left the program: export, print, calendar file and reminders. It names fields, "
        "never their content, and cannot be changed afterwards.\n\n"
        "Type a citizen number and press Enter to see everything about one citizen; clear the "
        "field for all. “Read-outs only” (Ctrl+O) shows only what left the program. "
        "“Who” is the initials from Settings, else the computer login.",
    ),
    # --- sensitive exports ----------
    "export.sensitive_name": (
        "Med skånehensyn indeholder filen følsomme oplysninger, og det skal filnavnet sige. "
        "Kald den fx {suggestion}.",
        "With accommodation needs the file holds sensitive data, and its name must say so. "
        "Call it e.g. {suggestion}.",
    ),
    "export.sensitive_kind": (
        "Kun borgereksporten kan tage skånehensyn med. Fjern --sensitive.",
        "Only the citizens export can include accommodation needs. Drop --sensitive.",
    ),
}
