"""Sentences of access reports, erasure and retention (GDPR). Key -> (Danish, English)."""

_FIELDS: dict[str, tuple[str, str]] = {
    "id": ("Borgernummer", "Citizen number"),
    "name": ("Navn", "Name"),
    "phone": ("Telefon", "Phone"),
    "municipality": ("Kommune", "Municipality"),
    "benefit_group": ("Ydelse", "Benefit"),
    "caseworker": ("Sagsbehandler", "Caseworker"),
    "cohort": ("Forløb", "Cohort"),
    "job_goals": ("Jobmål", "Job goals"),
    "attendance_duty": ("Mødepligt", "Attendance duty"),
    "referral_date": ("Visitationsdato", "Referral date"),
    "accommodation_needs": ("Skånehensyn", "Accommodation needs"),
    "birth_year": ("Fødselsår", "Birth year"),
    "gender": ("Køn", "Gender"),
    "archived": ("Arkiveret", "Archived"),
    "anonymised_at": ("Anonymiseret", "Anonymised"),
    "updated_at": ("Senest ændret", "Last changed"),
    "trip_id": ("Tur nr.", "Trip no."),
    "trip_date": ("Dato", "Date"),
    "title": ("Tur", "Trip"),
    "status": ("Status", "Status"),
    "role": ("Rolle", "Role"),
    "attendance": ("Fremmøde", "Attendance"),
    "checked_in_at": ("Tjekket ind", "Checked in"),
    "note": ("Note", "Note"),
    "leg": ("Del af dagen (0 = afgang)", "Leg of the day (0 = departure)"),
    "recorded_at": ("Registreret", "Recorded"),
    "recorded_by": ("Registreret af", "Recorded by"),
    "reason": ("Begrundelse", "Reason"),
    "undone": ("Fortrudt", "Undone"),
    "kind": ("Slags", "Kind"),
    "due_date": ("Frist", "Due"),
    "trip": ("Tur", "Trip"),
    "staff": ("Medarbejder", "Staff member"),
    "company": ("Virksomhed", "Company"),
    "next_step": ("Næste skridt", "Next step"),
    "done_at": ("Udført", "Done"),
    "start_date": ("Start", "Start"),
    "end_date": ("Slut", "End"),
    "hours_per_week": ("Timer om ugen", "Hours per week"),
    "aim": ("Mål", "Aim"),
    "review_date": ("Opfølgningsdato", "Review date"),
    "ended_early": ("Afbrudt", "Ended early"),
    "end_reason": ("Årsag til afbrydelse", "Reason it ended"),
    "written_on": ("Skrevet", "Written"),
    "citizen_view": ("Borgerens perspektiv", "The citizen's view"),
    "company_view": ("Virksomhedens perspektiv", "The company's view"),
    "caseworker_view": ("Sagsbehandlerens perspektiv", "The caseworker's view"),
    "consultant_view": ("Virksomhedskonsulentens perspektiv", "The company consultant's view"),
    "lessons": ("Læring", "Lessons"),
    "written_by": ("Skrevet af", "Written by"),
    "code": ("Advarsel", "Warning"),
    "acknowledged_by": ("Godkendt af", "Acknowledged by"),
    "acknowledged_at": ("Godkendt", "Acknowledged"),
    "audience": ("Dokument", "Document"),
    "file_name": ("Fil", "File"),
    "printed_by": ("Udskrevet af", "Printed by"),
    "printed_at": ("Udskrevet", "Printed"),
    "at": ("Tidspunkt", "When"),
    "actor": ("Hvem", "Who"),
    "action": ("Handling", "Action"),
    "entity": ("Hvad", "What"),
    "entity_id": ("Nr.", "No."),
    "fields": ("Felter", "Fields"),
    "detail": ("Detalje", "Detail"),
}

_SECTIONS: dict[str, tuple[str, str]] = {
    "citizen": ("Oplysninger om borgeren", "About the citizen"),
    "trips": ("Ture", "Trips"),
    "checkins": ("Indtjekning på turdagene", "Check-in on the trip days"),
    "follow_ups": ("Opfølgninger", "Follow-ups"),
    "outcomes": ("Resultater", "Outcomes"),
    "learning_cases": ("Læringscases", "Learning cases"),
    "acknowledgements": (
        "Advarsler om borgeren, som medarbejdere har godkendt",
        "Warnings about the citizen that staff acknowledged",
    ),
    "prints": (
        "Udskrifter af ture, borgeren var med på",
        "Prints of trips the citizen was on",
    ),
    "audit": (
        "Loggen: ændringer og udtræk, der nævner borgeren",
        "The log: changes and read-outs naming the citizen",
    ),
}

_ACTIONS: dict[str, tuple[str, str]] = {
    "create": ("oprettet", "created"),
    "update": ("ændret", "changed"),
    "delete": ("slettet", "deleted"),
    "export": ("eksporteret", "exported"),
    "print": ("udskrevet", "printed"),
    "ics": ("kalenderfil", "calendar file"),
    "reminders": ("påmindelser", "reminders"),
    "report": ("indsigtsrapport", "access report"),
    "erase": ("anonymiseret efter anmodning", "erased on request"),
    "purge": ("anonymiseret efter slettefristen", "anonymised by the retention rule"),
    "setting": ("indstilling ændret", "setting changed"),
}

MESSAGES_PRIVACY: dict[str, tuple[str, str]] = {
    **{f"report.field.{key}": text for key, text in _FIELDS.items()},
    **{f"report.section.{key}": text for key, text in _SECTIONS.items()},
    **{f"report.action.{key}": text for key, text in _ACTIONS.items()},
    "report.title": (
        "Indsigt i egne oplysninger (GDPR artikel 15) – borger {id}",
        "Access to own data (GDPR article 15) – citizen {id}",
    ),
    "report.intro": (
        "Her er alt, hvad rfk-trips har registreret om borger {id}, og hvem der har set "
        "eller sendt oplysningerne videre.",
        "This is everything rfk-trips holds about citizen {id}, and who has seen or passed "
        "on the data.",
    ),
    "report.made": ("Lavet {date} af {by}.", "Made on {date} by {by}."),
    "report.logged": (
        "At denne rapport er lavet, står selv i loggen.",
        "That this report was made is itself in the log.",
    ),
    "report.none": ("  (ingen)", "  (none)"),
    "report.sensitive": ("følsom", "sensitive"),
    "report.yes": ("ja", "yes"),
    "report.no": ("nej", "no"),
    "report.bad_suffix": (
        "Indsigtsrapporten kan gemmes som {suffixes}, ikke som »{path}«. Giv filen en af "
        "de endelser.",
        "The access report can be saved as {suffixes}, not as “{path}”. Give the file one "
        "of those endings.",
    ),
    "report.done": (
        "Indsigtsrapporten for borger {id} er gemt i {path} (kun læsbar for dig). Udleveringen "
        "er skrevet i loggen.",
        "The access report for citizen {id} is saved in {path} (readable by you only). The "
        "hand-out is written in the log.",
    ),
    "privacy.confirm_erase": (
        "Slet personoplysningerne om {name} (borger {id})? Navn, telefon, jobmål, "
        "visitationsdato, skånehensyn, sagsbehandler og alle noter fjernes for altid; "
        "fremmøde og resultater bliver stående uden navn, så tallene ikke ændres.",
        "Erase the personal data of {name} (citizen {id})? Name, phone, job goals, referral "
        "date, accommodation needs, caseworker and every note are removed for good; "
        "attendance and outcomes stay, without a name, so the figures do not change.",
    ),
    "privacy.mentions": (
        "Navnet står også i tekster, som sletningen ikke ændrer, fordi de ikke kun handler "
        "om borgeren: {places}. Ret teksterne dér.",
        "The name also stands in texts that erasing does not change, as they are not about "
        "the citizen alone: {places}. Correct the texts there.",
    ),
    "privacy.place.trip": ("tur {id}", "trip {id}"),
    "privacy.place.company": ("virksomhed {id}", "company {id}"),
    "privacy.place.follow_up": ("opfølgning {id}", "follow-up {id}"),
    "privacy.place.outcome": ("resultat {id}", "outcome {id}"),
    "privacy.place.learning_case": ("læringscase {id}", "learning case {id}"),
    "privacy.field.title": ("titel", "title"),
    "privacy.field.notes": ("noter", "notes"),
    "privacy.field.catering": ("forplejning", "catering"),
    "privacy.field.programme": ("program", "programme"),
    "privacy.field.showing": ("besøgets indhold", "what the visit shows"),
    "privacy.field.participant_note": ("en anden deltagers note", "another participant's note"),
    "privacy.field.checkin_reason": (
        "en anden deltagers fraværsgrund",
        "another participant's reason for absence",
    ),
    "privacy.field.note": ("note", "note"),
    "privacy.field.next_step": ("næste skridt", "next step"),
    "privacy.field.aim": ("mål", "aim"),
    "privacy.field.end_reason": ("årsag til ophør", "reason it ended"),
    "privacy.field.learning_case": ("tekst", "text"),
    "privacy.field.acknowledgement": (
        "begrundelse for en accepteret advarsel",
        "reason for an accepted warning",
    ),
    "privacy.yes_no": ("j/N", "y/N"),
    "privacy.erase_declined": (
        "Intet er slettet.",
        "Nothing was erased.",
    ),
    "privacy.erase_needs_answer": (
        "Borger {id} er ikke slettet: der kom intet svar på spørgsmålet. Kør kommandoen i en "
        "terminal og svar ja, eller tilføj --yes, hvis sletningen er besluttet.",
        "Citizen {id} was not erased: the question got no answer. Run the command in a "
        "terminal and answer yes, or add --yes if the erasure has been decided.",
    ),
    "privacy.erased": (
        "Borger {id} er anonymiseret. Fremmøde og resultater tæller stadig med i tallene, "
        "uden navn. Sletningen er skrevet i loggen.",
        "Citizen {id} is anonymised. Attendance and outcomes still count in the figures, "
        "without a name. The erasure is written in the log.",
    ),
    "privacy.backups_note": (
        "Husk: sikkerhedskopier taget før i dag indeholder stadig oplysningerne, til de "
        "slettes efter tur.",
        "Remember: backups taken before today still hold the data until they are rotated out.",
    ),
    "privacy.already_erased": (
        "Borger {id} blev anonymiseret {date}; der er ikke flere personoplysninger at slette.",
        "Citizen {id} was anonymised on {date}; there is no personal data left to erase.",
    ),
    "privacy.on_upcoming_trip": (
        "Borger {id} står på en tur, der ikke er holdt endnu (tur {trips}). Fjern borgeren fra "
        "turen først med »rfk-trips trip remove-participant {first} {id}«, og slet så igen.",
        "Citizen {id} is booked on a trip that has not happened yet (trip {trips}). Remove "
        "the citizen from it first with “rfk-trips trip remove-participant {first} {id}”, "
        "then erase again.",
    ),
    "privacy.anonymised_not_plannable": (
        "Borger {id} er anonymiseret og kan ikke komme med på ture.",
        "Citizen {id} is anonymised and cannot be put on trips.",
    ),
    "privacy.anonymised_stays_archived": (
        "Borger {id} er anonymiseret og bliver i arkivet.",
        "Citizen {id} is anonymised and stays in the archive.",
    ),
    "settings.retention": ("Slettefrist (måneder)", "Retention (months)"),
    "settings.retention_note": (
        "Borgere uden aktivitet så længe anonymiseres af rfk-trips purge. Gælder hele databasen.",
        "Citizens inactive this long are anonymised by rfk-trips purge. Applies to the database.",
    ),
    "settings.retention_not_number": (
        "Skriv slettefristen som et helt antal måneder, fx 24 – ikke »{text}«.",
        "Write the retention period as a whole number of months, e.g. 24 – not “{text}”.",
    ),
    "settings.retention_unsaved": (
        "Ikke gemt: tryk Enter i feltet for at gemme slettefristen.",
        "Not saved: press Enter in the field to save the retention period.",
    ),
    "settings.retention_lower_question": (
        "Slettefristen sænkes fra {old} til {new} måneder. Så har {count} borgere ingen "
        "aktivitet inden for fristen og anonymiseres ved næste rfk-trips purge. Sænk "
        "slettefristen?",
        "The retention period goes down from {old} to {new} months. Then {count} citizens have "
        "no activity within it and are anonymised at the next rfk-trips purge. Lower it?",
    ),
    "settings.saved_retention": (
        "Slettefristen er gemt: {months} måneder.",
        "Retention period saved: {months} months.",
    ),
    "retention.bad_months": (
        "Slettefristen skal være mellem {low} og {high} måneder, ikke {months}.",
        "The retention period must be between {low} and {high} months, not {months}.",
    ),
    "retention.default_set": (
        "Slettefristen for denne database er nu {months} måneder uden aktivitet. »rfk-trips "
        "purge« bruger den, når --inactive-months ikke er givet.",
        "The retention period of this database is now {months} months without activity. "
        "“rfk-trips purge” uses it when --inactive-months is not given.",
    ),
    "retention.set_default_alone": (
        "--set-default gemmer kun slettefristen; kør purge bagefter uden --set-default.",
        "--set-default only saves the retention period; run purge afterwards without it.",
    ),
    "retention.rule": (
        "Borgere uden ture, opfølgninger, resultater, visitation eller ændringer siden "
        "{cutoff} ({months} måneder):",
        "Citizens with no trips, follow-ups, outcomes, referral or changes since {cutoff} "
        "({months} months):",
    ),
    "retention.row": (
        "  {id:>6}  {name}  (sidst aktiv {last})",
        "  {id:>6}  {name}  (last active {last})",
    ),
    "retention.never": ("aldrig", "never"),
    "retention.none": (
        "Ingen borgere har været uden aktivitet i {months} måneder (siden {cutoff}). Intet at "
        "anonymisere.",
        "No citizen has been inactive for {months} months (since {cutoff}). Nothing to anonymise.",
    ),
    "retention.dry_run": (
        "{count} borgere ville blive anonymiseret. Intet er ændret (--dry-run).",
        "{count} citizens would be anonymised. Nothing was changed (--dry-run).",
    ),
    "retention.done": (
        "{count} borgere er anonymiseret (nr. {ids}). Fremmøde og resultater tæller stadig "
        "med i tallene. Det er skrevet i loggen.",
        "{count} citizens are anonymised (no. {ids}). Attendance and outcomes still count "
        "in the figures. It is written in the log.",
    ),
}
