"""Erasing a citizen's personal data (GDPR, `rfk-trips erase`): the question and answers."""

MESSAGES: dict[str, tuple[str, str]] = {
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
}
