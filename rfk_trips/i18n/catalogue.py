"""The translation catalogue: every sentence a user reads, in Danish (default) and English."""

from typing import Literal

Language = Literal["da", "en"]
LANGUAGES: tuple[Language, ...] = ("da", "en")

_language: Language = "da"


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(language)
    _language = language


def get_language() -> Language:
    return _language


def t(key: str, /, **params: object) -> str:
    """The sentence for `key` in the current language, with `params` filled in."""
    da, en = MESSAGES[key]
    text = en if _language == "en" else da
    return text.format(**params) if params else text


def number(count: int) -> str:
    """A whole number as the language writes it: 10.000 in Danish, 10,000 in English."""
    return f"{count:,}".replace(",", "," if _language == "en" else ".")


MESSAGES: dict[str, tuple[str, str]] = {
    # --- general errors -------------------------------------------------------------
    "error.unexpected": (
        "Der skete en uventet fejl, og handlingen blev ikke gemt. Prøv igen, eller kør "
        "kommandoen med --debug og send teksten til den, der driver rfk-trips.",
        "An unexpected error occurred and nothing was saved. Try again, or run the command "
        "with --debug and send the text to whoever runs rfk-trips.",
    ),
    "error.database_locked": (
        "Databasen er optaget af en anden bruger lige nu. Vent et øjeblik, og prøv igen.",
        "The database is busy with another user right now. Wait a moment and try again.",
    ),
    "error.database_too_new": (
        "Databasen er lavet af en nyere version af rfk-trips ({revision}). Opdatér "
        "rfk-trips, før du åbner den.",
        "The database was written by a newer version of rfk-trips ({revision}). Update "
        "rfk-trips before opening it.",
    ),
    "error.database_unreadable": (
        "Filen {path} kan ikke åbnes som en rfk-trips-database. Tjek stien, eller vælg en "
        "anden fil med --db.",
        "The file {path} cannot be opened as an rfk-trips database. Check the path or pick "
        "another file with --db.",
    ),
    "error.database_connect": (
        "Der er ingen forbindelse til databasen {where}. Tjek adressen, og at serveren kører, "
        "eller spørg den, der driver databasen.",
        "There is no connection to the database {where}. Check the address and that the "
        "server is running, or ask whoever runs the database.",
    ),
    "error.database_driver": (
        "rfk-trips kan ikke tale med databasen {where}: driveren til den databasetype er ikke "
        "installeret.",
        "rfk-trips cannot talk to the database {where}: the driver for that kind of database "
        "is not installed.",
    ),
    "error.not_found": (
        "Der findes ingen {what} med id {id}. Find det rigtige id med eksport eller listen.",
        "There is no {what} with id {id}. Find the right id with an export or the list.",
    ),
    "error.stale_version": (
        "Turen er ændret af en anden, siden du åbnede den. Hent den igen, og gentag din "
        "ændring; intet er overskrevet.",
        "Someone else changed the trip since you opened it. Reload it and repeat your "
        "change; nothing was overwritten.",
    ),
    "what.trip": ("tur", "trip"),
    "what.company": ("virksomhed", "company"),
    "what.citizen": ("borger", "citizen"),
    "what.staff": ("medarbejder", "staff member"),
    "what.format": ("turformat", "trip format"),
    "what.municipality": ("kommune", "municipality"),
    # --- dates ------------------------------------------------------------------------
    "date.invalid": (
        "»{text}« er ikke en dato. Skriv fx 03-12-2026, 2026-12-03 eller 3/12.",
        "“{text}” is not a date. Write e.g. 03-12-2026, 2026-12-03 or 3/12.",
    ),
    "time.invalid": (
        "»{text}« er ikke et klokkeslæt. Skriv fx 08:30 eller 13.00.",
        "“{text}” is not a time of day. Write e.g. 08:30 or 13.00.",
    ),
    # --- field validation ---------------------------------------------------------------
    "field.required": ("{field} skal udfyldes.", "{field} is required."),
    "field.cvr": (
        "CVR-nummeret skal være 8 cifre, fx 12345678.",
        "The CVR number must be 8 digits, e.g. 12345678.",
    ),
    "field.cvr_checksum": (
        "CVR-nummeret {cvr} findes ikke (kontrolcifferet passer ikke). Tjek det på cvr.dk.",
        "The CVR number {cvr} does not exist (its check digit is wrong). Check it on cvr.dk.",
    ),
    "field.phone": (
        "Telefonnummeret skal være 8 cifre, evt. med +45 foran, fx 54 67 12 34.",
        "The phone number must be 8 digits, optionally with +45 first, e.g. 54 67 12 34.",
    ),
    "field.postcode": (
        "Postnummeret skal være 4 cifre mellem 1000 og 9990, fx 4900.",
        "The postcode must be 4 digits between 1000 and 9990, e.g. 4900.",
    ),
    "field.email": (
        "E-mailadressen ser forkert ud. Skriv den som navn@domæne.dk.",
        "The e-mail address looks wrong. Write it as name@domain.dk.",
    ),
    "field.integer": ("{field} skal være et helt tal.", "{field} must be a whole number."),
    "field.positive": ("{field} skal være større end 0.", "{field} must be greater than 0."),
    "field.boolean": (
        "{field} skal være ja eller nej (også x, 1 eller 0), ikke »{value}«.",
        "{field} must be yes or no (also x, 1 or 0), not “{value}”.",
    ),
    "field.choice": (
        "{field}: »{value}« kendes ikke. Brug en af: {choices}.",
        "{field}: “{value}” is not known. Use one of: {choices}.",
    ),
    "field.birth_year": (
        "Fødselsåret skal være et årstal mellem 1930 og {max_year}.",
        "The birth year must be a year between 1930 and {max_year}.",
    ),
    "field.initials_taken": (
        "Initialerne {initials} bruges allerede af {name}. Vælg andre initialer.",
        "The initials {initials} are already used by {name}. Choose other initials.",
    ),
    "field.cvr_taken": (
        "CVR-nummeret {cvr} er allerede registreret på {name}.",
        "The CVR number {cvr} is already registered to {name}.",
    ),
    "field.unknown_staff": (
        "Sagsbehandleren »{value}« findes ikke. Skriv initialerne eller det fulde navn på en "
        "medarbejder, der er oprettet.",
        "The caseworker “{value}” does not exist. Write the initials or full name of a staff "
        "member who is registered.",
    ),
    # --- import / export ----------------------------------------------------------------
    "import.file_type": (
        "Filen {path} kan ikke læses: brug en .csv- eller .xlsx-fil.",
        "The file {path} cannot be read: use a .csv or .xlsx file.",
    ),
    "import.unreadable": (
        "Filen {path} kan ikke læses. Er det en rigtig Excel- (.xlsx) eller CSV-fil? Gem den "
        "igen fra Excel, og prøv igen.",
        "The file {path} cannot be read. Is it a real Excel (.xlsx) or CSV file? Save it again "
        "from Excel and try again.",
    ),
    "import.missing_file": ("Filen {path} findes ikke.", "The file {path} does not exist."),
    "import.empty": (
        "Filen {path} har ingen rækker under overskriften.",
        "The file {path} has no rows below the header.",
    ),
    "import.missing_columns": (
        "Filen mangler kolonnen {columns}. Første række skal være overskrifter som {expected}.",
        "The file lacks the column {columns}. The first row must be headers such as {expected}.",
    ),
    "import.unknown_columns": (
        "Kolonnen {columns} kendes ikke og bliver ikke læst.",
        "The column {columns} is not known and will not be read.",
    ),
    "import.bad_rows": (
        "Intet er importeret: {count} række(r) har fejl. Ret dem i filen, og importér igen.",
        "Nothing was imported: {count} row(s) have errors. Fix them in the file and import again.",
    ),
    "import.row_error": ("Linje {line}: {message}", "Line {line}: {message}"),
    "import.duplicate_in_file": (
        "samme {what} som linje {other}.",
        "the same {what} as line {other}.",
    ),
    "import.summary": (
        "{kind}: {created} ny(e), {updated} opdateret, {unchanged} uændret.",
        "{kind}: {created} new, {updated} updated, {unchanged} unchanged.",
    ),
    "import.dry_run": (
        "Prøvekørsel: intet er skrevet til databasen.",
        "Dry run: nothing was written to the database.",
    ),
    "import.kind.companies": ("Virksomheder", "Companies"),
    "import.kind.citizens": ("Borgere", "Citizens"),
    "import.kind.staff": ("Medarbejdere", "Staff"),
    "import.kind.trips": ("Ture", "Trips"),
    "import.kind.participants": ("Deltagere", "Participants"),
    "export.file_type": (
        "Eksport kan skrive .csv, .xlsx eller .json, ikke »{suffix}«.",
        "Export writes .csv, .xlsx or .json, not “{suffix}”.",
    ),
    "export.done": ("{count} rækker skrevet til {path}.", "{count} rows written to {path}."),
    "export.cannot_write": (
        "Filen {path} kan ikke skrives: {reason}. Er den åben i Excel? Luk den, og prøv igen.",
        "The file {path} cannot be written: {reason}. Is it open in Excel? Close it and try again.",
    ),
    # --- demo -----------------------------------------------------------------------------
    "demo.not_empty": (
        "Databasen indeholder allerede data. Brug --force for at lægge demodata oveni.",
        "The database already holds data. Use --force to add demo data on top.",
    ),
    "demo.done": (
        "Demodata indlæst: {companies} virksomheder, {citizens} borgere, {staff} "
        "medarbejdere og {trips} ture.",
        "Demo data loaded: {companies} companies, {citizens} citizens, {staff} staff and "
        "{trips} trips.",
    ),
    "demo.scale": ("--scale skal være 1 eller mere.", "--scale must be 1 or more."),
    # --- trips ----------------------------------------------------------------------------
    "trip.created": ("Tur oprettet med id {id}.", "Trip created with id {id}."),
    "trip.unknown_format": (
        "Turformatet »{code}« findes ikke. Vælg et af: {choices}.",
        "The trip format “{code}” does not exist. Choose one of: {choices}.",
    ),
    "trip.unknown_municipality": (
        "Kommunen »{name}« findes ikke. Vælg en af: {choices}.",
        "The municipality “{name}” does not exist. Choose one of: {choices}.",
    ),
    "trip.not_editable": (
        "Turen er {status} og kan ikke ændres længere.",
        "The trip is {status} and can no longer be changed.",
    ),
    "trip.already_on_trip": (
        "{name} er allerede med på turen.",
        "{name} is already on the trip.",
    ),
    "trip.staff_already": (
        "{name} er allerede med på turen som medarbejder.",
        "{name} is already on the trip as staff.",
    ),
    "trip.not_on_trip": (
        "{name} er ikke med på turen.",
        "{name} is not on the trip.",
    ),
    "trip.visit_times": (
        "Besøget skal slutte efter det begynder ({start}–{end}).",
        "The visit must end after it starts ({start}–{end}).",
    ),
    "trip.company_archived": (
        "{name} er arkiveret og kan ikke vælges som vært. Genåbn virksomheden først.",
        "{name} is archived and cannot host. Reopen the company first.",
    ),
    "trip.lead_only_one": (
        "Kun én medarbejder kan være tovholder; vælg én med --lead.",
        "Only one staff member can be the lead; pick one with --lead.",
    ),
    "trip.confirm_blocked": (
        "Turen kan ikke bekræftes, før fejlene herunder er rettet:",
        "The trip cannot be confirmed until the errors below are fixed:",
    ),
    "trip.confirmed": ("Turen er bekræftet.", "The trip is confirmed."),
    "trip.cancelled": ("Turen er aflyst.", "The trip is cancelled."),
    "trip.cancel_completed": (
        "En gennemført tur kan ikke aflyses.",
        "A completed trip cannot be cancelled.",
    ),
    "trip.no_findings": (
        "Ingen fund: turen følger reglerne.",
        "No findings: the trip follows the rules.",
    ),
    "trip.added_participants": (
        "{count} borger(e) tilføjet.",
        "{count} citizen(s) added.",
    ),
    "trip.added_staff": ("{count} medarbejder(e) tilføjet.", "{count} staff member(s) added."),
    "trip.removed_participant": (
        "{name} er fjernet fra turen.",
        "{name} was removed from the trip.",
    ),
    "trip.visit_added": ("Besøg tilføjet med id {id}.", "Visit added with id {id}."),
    "trip.none": ("Ingen ture fundet.", "No trips found."),
    "trip.past_date_note": (
        "Bemærk: datoen ligger i fortiden; turen registreres bagudrettet.",
        "Note: the date is in the past; the trip is registered after the fact.",
    ),
    # --- database commands ------------------------------------------------------------
    "db.upgraded": (
        "Databasen er opgraderet fra {before} til {after}. Sikkerhedskopi: {backup}",
        "The database was upgraded from {before} to {after}. Backup: {backup}",
    ),
    "db.created": ("Ny database oprettet: {path}", "New database created: {path}"),
    "db.up_to_date": (
        "Databasen er opdateret ({revision}).",
        "The database is up to date ({revision}).",
    ),
    "db.check_ok": (
        "Databasen er i orden: integritet ok, fremmednøgler ok, version {revision}.",
        "The database is sound: integrity ok, foreign keys ok, version {revision}.",
    ),
    "db.check_failed": (
        "Databasen har fejl: {problems}. Gendan fra en sikkerhedskopi med »rfk-trips restore«.",
        "The database has errors: {problems}. Restore from a backup with “rfk-trips restore”.",
    ),
    "db.not_sqlite": (
        "Den kommando virker kun på den indbyggede SQLite-database. Brug PostgreSQL's egne "
        "værktøjer (pg_dump) til {url}.",
        "That command works only on the embedded SQLite database. Use PostgreSQL's own tools "
        "(pg_dump) for {url}.",
    ),
    "backup.done": ("Sikkerhedskopi gemt i {path}.", "Backup saved to {path}."),
    "backup.exists": (
        "Filen {path} findes allerede. Vælg et andet navn, så intet overskrives.",
        "The file {path} already exists. Choose another name so nothing is overwritten.",
    ),
    "restore.done": (
        "Databasen er gendannet fra {path}. Den tidligere database er gemt i {safety}.",
        "The database was restored from {path}. The previous database was saved to {safety}.",
    ),
    "restore.newer": (
        "Databasen er ændret {current}, efter sikkerhedskopien blev taget ({backup}). "
        "Gendannelse ville slette de nyere ændringer. Brug --force, hvis det er meningen.",
        "The database was changed {current}, after the backup was taken ({backup}). Restoring "
        "would delete the newer changes. Use --force if that is what you want.",
    ),
    "restore.not_backup": (
        "Filen {path} er ikke en rfk-trips-sikkerhedskopi.",
        "The file {path} is not an rfk-trips backup.",
    ),
    # --- app --------------------------------------------------------------------------------
    "app.title": ("rfk-trips – busture til arbejdsmarkedet", "rfk-trips – bus trips to work"),
    "app.home": ("Oversigt", "Overview"),
    "app.palette_tooltip": ("Åbn kommandopaletten (ctrl+p)", "Open the command palette (ctrl+p)"),
    "app.quit": ("Afslut", "Quit"),
    "app.quit_hint_title": ("Vil du afslutte?", "Do you want to quit?"),
    "app.quit_hint": ("Tryk Ctrl+Q for at afslutte rfk-trips.", "Press Ctrl+Q to quit rfk-trips."),
    "app.loading": ("Henter data …", "Loading …"),
    "app.counts": (
        "{companies} virksomheder · {citizens} borgere · {upcoming} kommende ture",
        "{companies} companies · {citizens} citizens · {upcoming} upcoming trips",
    ),
    "app.empty": (
        "Databasen er tom. Vil du indlæse demodata for Lolland og Guldborgsund, så du kan "
        "prøve rfk-trips af?",
        "The database is empty. Load demo data for Lolland and Guldborgsund to try rfk-trips?",
    ),
    "app.load_demo": ("Indlæs demodata", "Load demo data"),
    "app.demo_loading": ("Indlæser demodata …", "Loading demo data …"),
    "app.upcoming": ("Kommende ture", "Upcoming trips"),
    "app.col.date": ("Dato", "Date"),
    "app.col.title": ("Tur", "Trip"),
    "app.col.status": ("Status", "Status"),
    "app.col.participants": ("Deltagere", "Participants"),
    "app.database": ("Database: {where}", "Database: {where}"),
    "app.screenshot": ("Skærmbillede gemt: {path}", "Screenshot saved: {path}"),
    "app.screenshot_binding": ("Skærmbillede", "Screenshot"),
    "app.refresh": ("Opdatér", "Refresh"),
}

MESSAGES.update(
    {
        "criterion.placement_experience": (
            "har haft borgere fra kanten i praktik eller lønnede timer",
            "has had citizens from the edge in placement or paid hours",
        ),
        "criterion.social_responsibility": (
            "kendt for særligt socialt ansvar",
            "known for particular social responsibility",
        ),
        "criterion.labour_shortage_with_tasks": (
            "mangler arbejdskraft og har opgaver klar",
            "short of labour with tasks ready",
        ),
        "severity.error": ("FEJL", "ERROR"),
        "severity.warning": ("ADVARSEL", "WARNING"),
        "rule.group_below_minimum": (
            "Gruppen har {count} deltagere; en bustur skal have mindst {minimum}.",
            "The group has {count} participants; a bus trip needs at least {minimum}.",
        ),
        "rule.group_above_maximum": (
            "Gruppen har {count} deltagere; en bustur kan højst have {maximum}.",
            "The group has {count} participants; a bus trip can have at most {maximum}.",
        ),
        "rule.group_below_format": (
            "Gruppen har {count} deltagere; formatet »{format}« plejer at have mindst {minimum}.",
            "The group has {count} participants; the format “{format}” usually has at least "
            "{minimum}.",
        ),
        "rule.group_above_format": (
            "Gruppen har {count} deltagere; formatet »{format}« plejer at have højst {maximum}.",
            "The group has {count} participants; the format “{format}” usually has at most "
            "{maximum}.",
        ),
        "rule.no_visits": (
            "Turen har endnu intet virksomhedsbesøg. Tilføj mindst ét.",
            "The trip has no company visit yet. Add at least one.",
        ),
        "rule.visit_count": (
            "Turen har {count} besøg; formatet »{format}« skal have præcis {wanted}.",
            "The trip has {count} visits; the format “{format}” needs exactly {wanted}.",
        ),
        "rule.host_archived": (
            "{name} er arkiveret og kan ikke være vært. Vælg en anden virksomhed.",
            "{name} is archived and cannot host. Choose another company.",
        ),
        "rule.host_not_qualified": (
            "{name} opfylder ingen af kriterierne for at være vært (erfaring fra kanten, "
            "socialt ansvar, eller mangel på arbejdskraft med opgaver klar).",
            "{name} meets none of the criteria for hosting (experience with the edge, social "
            "responsibility, or a labour shortage with tasks ready).",
        ),
        "rule.no_experienced_host": (
            "Mindst én af virksomhederne skal have (haft) en borger i praktik eller lønnede "
            "timer (formatet »{format}«).",
            "At least one of the companies must have (had) a citizen in placement or paid "
            "hours (the format “{format}”).",
        ),
        "rule.visit_ends_before_start": (
            "Besøget hos {name} slutter ({end}) før det begynder ({start}).",
            "The visit to {name} ends ({end}) before it starts ({start}).",
        ),
        "rule.programme_meeting_time": (
            "Programmet siger kl. {at} for »{text}«, men mødetiden er {meeting}. Ret tiden i "
            "programmet eller mødetiden.",
            "The programme says {at} for “{text}”, but the meeting time is {meeting}. Correct "
            "the programme or the meeting time.",
        ),
        "programme.shift_no_times": (
            "Programmet har ingen klokkeslæt at flytte. Skriv tiderne ved programpunkterne.",
            "The programme has no times to move. Write the times at the programme items.",
        ),
        "programme.shift_past_midnight": (
            "Programpunktet »{text}« kl. {at} ville komme over midnat. Ret programmet i hånden.",
            "The programme item “{text}” at {at} would pass midnight. Correct the programme "
            "by hand.",
        ),
        "programme.shift_no_meeting": (
            "Turen har ingen mødetid endnu. Skriv den under Oplysninger, og flyt så programmet.",
            "The trip has no meeting time yet. Enter it under Details, then move the programme.",
        ),
        "programme.shift_not_needed": (
            "Programmet passer allerede med mødetiden {meeting}.",
            "The programme already matches the meeting time {meeting}.",
        ),
        "programme.shifted": (
            "Programmet er flyttet {minutes} min. {direction}: fremmøde kl. {meeting}.",
            "The programme moved {minutes} min. {direction}: meeting at {meeting}.",
        ),
        "programme.later": ("senere", "later"),
        "programme.earlier": ("tidligere", "earlier"),
        "rule.programme_before_meeting": (
            "Programpunktet »{text}« kl. {at} ligger før mødetiden {meeting}. Ret tiden i "
            "programmet.",
            "The programme item “{text}” at {at} comes before the meeting time {meeting}. "
            "Correct its time in the programme.",
        ),
        "rule.programme_after_return": (
            "Programpunktet »{text}« kl. {at} ligger efter hjemkomsten {back}. Ret tiden i "
            "programmet eller hjemkomsten.",
            "The programme item “{text}” at {at} comes after the return time {back}. Correct "
            "the programme or the return time.",
        ),
        "rule.visit_outside_day": (
            "Besøget hos {name} ({start}–{end}) ligger uden for turens dag "
            "({day_start}–{day_end}).",
            "The visit to {name} ({start}–{end}) falls outside the trip's day "
            "({day_start}–{day_end}).",
        ),
        "rule.visits_overlap": (
            "Besøgene hos {first} og {second} overlapper i tid.",
            "The visits to {first} and {second} overlap in time.",
        ),
        "rule.citizen_double_booked": (
            "{name} er samme dag også med på turen »{other}«.",
            "{name} is also on the trip “{other}” the same day.",
        ),
        "rule.staff_double_booked": (
            "{name} er samme dag også med på turen »{other}«.",
            "{name} is also on the trip “{other}” the same day.",
        ),
        "rule.company_double_booked": (
            "{name} får samme dag også besøg af turen »{other}«.",
            "{name} is also visited by the trip “{other}” the same day.",
        ),
        "rule.too_few_staff": (
            "Turen har {count} medarbejdere med; formatet »{format}« kræver mindst {minimum}.",
            "The trip has {count} staff; the format “{format}” needs at least {minimum}.",
        ),
        "rule.no_lead": (
            "Turen har ingen tovholder. Markér én af medarbejderne som tovholder.",
            "The trip has no lead. Mark one of the staff as lead.",
        ),
        "rule.cohort_missing": (
            "{name} er ikke knyttet til et forløb; formatet samler deltagere fra ét forløb.",
            "{name} belongs to no cohort; the format groups participants from one cohort.",
        ),
        "rule.cohort_mixed": (
            "{name} er fra forløbet »{cohort}«, mens gruppen er fra »{main}«.",
            "{name} is from the cohort “{cohort}” while the group is from “{main}”.",
        ),
        "rule.trip_quota_exceeded": (
            "Det bliver {name}s tur nr. {number}; formatet giver {quota} ture pr. borger.",
            "This would be trip no. {number} for {name}; the format gives {quota} trips per "
            "citizen.",
        ),
        "rule.same_company_again": (
            "{name} har allerede besøgt {company} på en anden tur.",
            "{name} has already visited {company} on another trip.",
        ),
        "rule.date_weekend": (
            "Datoen er en lørdag eller søndag.",
            "The date is a Saturday or Sunday.",
        ),
        "rule.date_holiday": (
            "Datoen er en helligdag: {holiday}.",
            "The date is a public holiday: {holiday}.",
        ),
        "rule.date_past": (
            "Datoen ligger i fortiden; turen registreres bagudrettet.",
            "The date is in the past; the trip is registered after the fact.",
        ),
        "rule.bus_too_small": (
            "Der er {people} personer med, men bussen har kun {seats} pladser.",
            "There are {people} people, but the bus has only {seats} seats.",
        ),
        "rule.host_capacity": (
            "{name} kan tage imod {limit} besøgende, men der kommer {people}.",
            "{name} can receive {limit} visitors, but {people} are coming.",
        ),
        "rule.visit_unconfirmed": (
            "Besøget hos {name} er ikke bekræftet af virksomheden endnu.",
            "The visit to {name} is not yet confirmed by the company.",
        ),
        "rule.no_attendance_duty": (
            "{name} har ikke mødepligt; busturen er et tilbud med mødepligt.",
            "{name} has no attendance duty; the bus trip is an activity with attendance duty.",
        ),
    }
)

# Field labels: the words forms, exports and error messages use for each field.
MESSAGES.update(
    {
        "label.name": ("Navn", "Name"),
        "label.cvr": ("CVR", "CVR"),
        "label.industry": ("Branche", "Industry"),
        "label.address": ("Adresse", "Address"),
        "label.postcode": ("Postnr.", "Postcode"),
        "label.town": ("By", "Town"),
        "label.municipality": ("Kommune", "Municipality"),
        "label.sector": ("Sektor", "Sector"),
        "label.employees": ("Antal ansatte", "Employees"),
        "label.contact_person": ("Kontaktperson", "Contact person"),
        "label.phone": ("Telefon", "Phone"),
        "label.email": ("E-mail", "E-mail"),
        "label.placement_experience": ("Erfaring fra kanten", "Experience with the edge"),
        "label.social_responsibility": ("Socialt ansvar", "Social responsibility"),
        "label.labour_shortage": ("Mangler arbejdskraft", "Short of labour"),
        "label.tasks": ("Opgaver", "Tasks"),
        "label.ambassador": ("Ambassadør", "Ambassador"),
        "label.max_visitors": ("Max besøgende", "Max visitors"),
        "label.notes": ("Noter", "Notes"),
        "label.archived": ("Arkiveret", "Archived"),
        "label.benefit_group": ("Ydelse", "Benefit"),
        "label.caseworker": ("Sagsbehandler", "Caseworker"),
        "label.cohort": ("Forløb", "Cohort"),
        "label.job_goals": ("Jobmål", "Job goals"),
        "label.attendance_duty": ("Mødepligt", "Attendance duty"),
        "label.referral_date": ("Visitationsdato", "Referral date"),
        "label.accommodation_needs": ("Skånehensyn (følsomt)", "Accommodation needs (sensitive)"),
        "label.birth_year": ("Fødselsår", "Birth year"),
        "label.gender": ("Køn", "Gender"),
        "label.initials": ("Initialer", "Initials"),
        "label.role": ("Rolle", "Role"),
    }
)

MESSAGES.update(
    {
        "common.yes": ("Ja", "Yes"),
        "common.no": ("Nej", "No"),
        "common.all": ("Alle", "All"),
        "form.save": ("Gem", "Save"),
        "form.cancel": ("Annullér", "Cancel"),
        "form.save_button": ("Gem (F10)", "Save (F10)"),
        "form.cancel_button": ("Annullér (Esc)", "Cancel (Esc)"),
        "form.refused": (
            "Ikke gemt: ret felterne, der er markeret herunder. Det, du har skrevet, er bevaret.",
            "Not saved: fix the fields marked below. What you typed is kept.",
        ),
    }
)

MESSAGES.update(
    {
        "register.new": ("Ny", "New"),
        "register.edit": ("Redigér", "Edit"),
        "register.archive": ("Arkivér/genåbn", "Archive/reopen"),
        "register.search": ("Søg", "Search"),
        "register.next_page": ("Næste side", "Next page"),
        "register.previous_page": ("Forrige side", "Previous page"),
        "register.back": ("Tilbage", "Back"),
        "register.search_placeholder": ("Søg", "Search"),
        "companies.search_placeholder": (
            "Søg (navn, by, postnr., CVR, kontaktperson)",
            "Search (name, town, postcode, CVR, contact person)",
        ),
        "citizens.search_placeholder": (
            "Søg (navn, telefon, forløb)",
            "Search (name, phone, cohort)",
        ),
        "staff.search_placeholder": ("Søg (navn, initialer)", "Search (name, initials)"),
        "register.active": ("Aktive", "Active"),
        "register.archived": ("Arkiverede", "Archived"),
        "register.summary": (
            "Viser {first}–{last} af {total}. Enter: redigér · Ctrl+N: ny · Delete: arkivér",
            "Showing {first}–{last} of {total}. Enter: edit · Ctrl+N: new · Delete: archive",
        ),
        "register.summary_many": (
            "Viser {first}–{last} af over {at_most}. Enter: redigér · Ctrl+N: ny · Delete: arkivér",
            "Showing {first}–{last} of over {at_most}. Enter: edit · Ctrl+N: new · Delete: archive",
        ),
        "register.summary_counting": (
            "Viser {first}–{last} af … (tæller). Enter: redigér · Ctrl+N: ny · Delete: arkivér",
            "Showing {first}–{last} of … (counting). Enter: edit · Ctrl+N: new · Delete: archive",
        ),
        "register.saved": ("Gemt.", "Saved."),
        "register.history": ("Besøg hos virksomheden:", "Visits to the company:"),
        "register.no_history": ("  Ingen besøg endnu.", "  No visits yet."),
        "register.confirm_archive": (
            "Arkivér {name}? Posten forsvinder fra listen, men historikken bevares, og den kan "
            "genåbnes.",
            "Archive {name}? The record leaves the list, but its history is kept and it can be "
            "reopened.",
        ),
        "register.confirm_unarchive": ("Genåbn {name}?", "Reopen {name}?"),
        "companies.title": ("Virksomheder", "Companies"),
        "companies.new": ("Ny virksomhed", "New company"),
        "companies.edit": ("Redigér virksomhed", "Edit company"),
        "citizens.title": ("Borgere", "Citizens"),
        "citizens.new": ("Ny borger", "New citizen"),
        "citizens.edit": ("Redigér borger", "Edit citizen"),
        "staff.title": ("Medarbejdere", "Staff"),
        "staff.new": ("Ny medarbejder", "New staff member"),
        "staff.edit": ("Redigér medarbejder", "Edit staff member"),
        "col.name": ("Navn", "Name"),
        "col.town": ("By", "Town"),
        "col.municipality": ("Kommune", "Municipality"),
        "col.industry": ("Branche", "Industry"),
        "col.qualifies": ("Kvalificeret", "Qualifies"),
        "col.ambassador": ("Amb.", "Amb."),
        "col.last_visit": ("Sidste besøg", "Last visit"),
        "col.phone": ("Telefon", "Phone"),
        "col.benefit": ("Ydelse", "Benefit"),
        "col.caseworker": ("Sagsb.", "Casew."),
        "col.cohort": ("Forløb", "Cohort"),
        "col.job_goals": ("Jobmål", "Job goals"),
        "col.duty": ("Mødepligt", "Duty"),
        "col.trips": ("Ture", "Trips"),
        "col.needs": ("Hensyn", "Needs"),
        "col.initials": ("Init.", "Init."),
        "col.role": ("Rolle", "Role"),
        "col.email": ("E-mail", "E-mail"),
        "filter.municipality": ("Kommune", "Municipality"),
        "filter.industry": ("Branche", "Industry"),
        "filter.qualification": ("Kriterier", "Criteria"),
        "filter.ambassador": ("Ambassadør", "Ambassador"),
        "filter.visited": ("Sidst besøgt", "Last visited"),
        "filter.caseworker": ("Sagsbehandler", "Caseworker"),
        "filter.cohort": ("Forløb", "Cohort"),
        "filter.benefit": ("Ydelse", "Benefit"),
        "filter.trips": ("Ture taget", "Trips taken"),
        "filter.role": ("Rolle", "Role"),
        "filter.all": ("Alle", "All"),
        "filter.shown": ("Vis", "Show"),
        "filter.period": ("Periode", "Period"),
        "filter.choose": ("Vælg", "Choose"),
        "filter.find": ("Skriv for at finde", "Type to find"),
        "filter.more": (
            "Viser {shown} af {total}. Skriv mere for at finde de andre.",
            "Showing {shown} of {total}. Type more to find the others.",
        ),
        "filter.none_found": (
            "Intet passer på det, du har skrevet. Ret teksten, eller tryk Esc.",
            "Nothing matches what you typed. Change the text, or press Esc.",
        ),
        "filter.dialog_keys": (
            "Skriv for at finde · ↓ og ↑: gå i listen · Enter: vælg · Esc: fortryd",
            "Type to find · ↓ and ↑: move in the list · Enter: choose · Esc: cancel",
        ),
        "qualification.qualifying": ("Kvalificerede", "Qualifying"),
        "qualification.not_qualifying": ("Ikke kvalificerede", "Not qualifying"),
        "visited.never": ("Aldrig besøgt", "Never visited"),
        "visited.not_for_six_months": ("Ikke i et halvt år", "Not for six months"),
        "visited.recently": ("Inden for et halvt år", "Within six months"),
        "trips.none_taken": ("0 ture", "0 trips"),
        "trips.one_taken": ("1 tur", "1 trip"),
        "trips.two_taken": ("2 eller flere", "2 or more"),
        "glyph.qualifies": ("✓", "✓"),
        "glyph.not_qualifies": ("✗ nej", "✗ no"),
        "glyph.needs": ("⚑ ja", "⚑ yes"),
        "never": ("aldrig", "never"),
    }
)

MESSAGES.update(
    {
        "criterion_short.placement_experience": ("erfaring", "experience"),
        "criterion_short.social_responsibility": ("socialt", "social"),
        "criterion_short.labour_shortage_with_tasks": ("mangel", "shortage"),
    }
)

MESSAGES.update(
    {
        "nav.help": ("Hjælp", "Help"),
        "nav.home": ("Oversigt", "Overview"),
        "nav.companies": ("Virksomheder", "Companies"),
        "nav.citizens": ("Borgere", "Citizens"),
        "nav.trips": ("Ture", "Trips"),
        "nav.staff": ("Medarbejdere", "Staff"),
        "nav.settings": ("Indstillinger", "Settings"),
        "palette.go": ("Gå til skærmen", "Go to the screen"),
        "palette.binding": ("kommandoer", "commands"),
        "palette.placeholder": ("Søg efter en kommando …", "Search for a command …"),
        "palette.no_matches": ("Ingen kommandoer passer", "No matching commands"),
        "palette.theme": ("Farvetema", "Colour theme"),
        "palette.theme_help": (
            "Vælg farvetema i Indstillinger (gemmes til næste gang)",
            "Choose the colour theme in Settings (kept for next time)",
        ),
        "palette.quit_help": ("Luk rfk-trips", "Close rfk-trips"),
        "palette.maximize": ("Maksimér", "Maximise"),
        "palette.maximize_help": (
            "Vis det valgte felt i hele vinduet",
            "Show the focused field in the whole window",
        ),
        "palette.minimize": ("Normal størrelse", "Normal size"),
        "palette.minimize_help": ("Vis skærmen som før igen", "Show the screen as before again"),
        "help.title": ("Hjælp", "Help"),
        "help.close": ("Luk", "Close"),
        "help.keys": ("Taster på denne skærm:", "Keys on this screen:"),
        "help.key.focus_next": ("Næste felt", "Next field"),
        "help.key.focus_previous": ("Forrige felt", "Previous field"),
        "help.key.copy": ("Kopiér den markerede tekst", "Copy the selected text"),
        "help.key.select": ("Vælg/åbn linjen under markøren", "Choose/open the row at the cursor"),
        "help.general": (
            "rfk-trips planlægger busture til lokale virksomheder. Skift skærm med F2–F9 "
            "(F11: revisionsloggen), eller tryk Ctrl+P og skriv, hvad du vil. Esc går tilbage, "
            "Ctrl+Q afslutter.",
            "rfk-trips plans bus trips to local companies. Switch screens with F2–F9 "
            "(F11: the audit log), or press Ctrl+P and type what you want. Esc goes back, "
            "Ctrl+Q quits.",
        ),
        "help.home": (
            "Oversigten viser antal virksomheder, borgere og kommende ture, og turene de næste "
            "uger. Vælg en tur med Enter for at åbne den. Er databasen tom, kan du indlæse "
            "demodata og prøve programmet af.",
            "The overview shows the number of companies, citizens and upcoming trips, and the "
            "trips of the coming weeks. Choose a trip with Enter to open it. With an empty "
            "database you can load demo data to try the program.",
        ),
        "help.companies": (
            "Virksomhedsregistret. Skriv i søgefeltet for at finde en virksomhed på navn, by, "
            "postnummer, CVR eller kontaktperson; vælg filtre for kommune, branche, kriterier, "
            "ambassadør og sidste besøg. Kolonnen »Kvalificeret« viser, hvilke af de tre "
            "kriterier virksomheden opfylder (erfaring fra kanten, socialt ansvar, mangel på "
            "arbejdskraft med opgaver klar). En virksomhed med historik arkiveres i stedet for "
            "at blive slettet.",
            "The company register. Type in the search box to find a company by name, town, "
            "postcode, CVR or contact; filter by municipality, industry, criteria, ambassador and "
            "last visit. The column “Qualifies” shows which of the three criteria the company "
            "meets. A company with history is archived instead of deleted.",
        ),
        "help.citizens": (
            "Borgerne på jeres sagsstamme. Søg på navn, telefon eller forløb; filtrér på "
            "sagsbehandler, forløb, ydelse og antal ture. »Ture« viser fx 1/2 for borgere i "
            "Lollands format. Skånehensyn er følsomme: listen viser kun, at der er hensyn "
            "(⚑), ikke hvilke.",
            "The citizens on your caseload. Search by name, phone or cohort; filter by "
            "caseworker, cohort, benefit and number of trips. “Trips” shows e.g. 1/2 for "
            "citizens in Lolland's format. Accommodation needs are sensitive: the list only "
            "shows that there are needs (⚑), not what they are.",
        ),
        "help.staff": (
            "Medarbejderne, der planlægger og tager med på turene. Initialer skal være unikke.",
            "The staff who plan and go on the trips. Initials must be unique.",
        ),
    }
)

MESSAGES.update(
    {
        "what.visit": ("besøg", "visit"),
        "trip.field.title": ("Titel", "Title"),
        "trip.field.date": ("Dato", "Date"),
        "trip.field.format": ("Turformat", "Trip format"),
        "trip.field.municipality": ("Kommune", "Municipality"),
        "trip.field.meeting_place": ("Mødested", "Meeting place"),
        "trip.field.meeting_time": ("Mødetid", "Meeting time"),
        "trip.field.return_time": ("Hjemkomst", "Return"),
        "trip.field.bus": ("Busselskab", "Bus company"),
        "trip.field.bus_reference": ("Bestillingsnr.", "Booking ref."),
        "trip.field.seats": ("Pladser i bussen", "Bus seats"),
        "trip.field.catering": ("Forplejning (antal)", "Catering (count)"),
        "trip.field.catering_notes": ("Forplejning, noter", "Catering notes"),
        "trip.field.notes": ("Noter", "Notes"),
        "trip.return_before_meeting": (
            "Hjemkomsten skal ligge efter mødetiden.",
            "The return must be after the meeting time.",
        ),
        "trip.programme_line": (
            "Programpunkt {number}: {message}",
            "Programme item {number}: {message}",
        ),
        "trip.cannot_acknowledge_error": (
            "En fejl kan ikke accepteres; den skal rettes, før turen kan bekræftes.",
            "An error cannot be accepted; it must be fixed before the trip can be confirmed.",
        ),
        "trip.acknowledge_reason_required": (
            "Skriv en kort begrundelse for at acceptere advarslen.",
            "Write a short reason for accepting the warning.",
        ),
    }
)

MESSAGES.update(
    {
        "trips.title": ("Ture", "Trips"),
        "trips.new": ("Ny tur", "New trip"),
        "visit.edit_title": ("Besøg hos {name}", "Visit to {name}"),
        "visit.start": ("Fra (tt:mm)", "From (hh:mm)"),
        "visit.end": ("Til (tt:mm)", "To (hh:mm)"),
        "visit.showing": ("Det skal gruppen se", "What the group will see"),
        "visit.contact": ("Kontakt hos værten", "Host contact"),
        "visit.confirmed": ("Aftalen er bekræftet", "Agreement confirmed"),
        "programme.item_title": ("Programpunkt", "Programme item"),
        "programme.time": ("Tidspunkt", "Time"),
        "programme.text": ("Tekst", "Text"),
        "programme.kind": ("Slags", "Kind"),
        "findings.acknowledge_title": ("Acceptér advarsel", "Accept warning"),
        "findings.reason": ("Begrundelse (gemmes på turen)", "Reason (stored with the trip)"),
    }
)

MESSAGES.update(
    {
        "trips.search_placeholder": ("Søg i turenes titler", "Search the trip titles"),
        "trips.period.upcoming": ("Kommende", "Upcoming"),
        "trips.period.past": ("Tidligere", "Past"),
        "trips.period.all": ("Alle", "All"),
        "trips.col.format": ("Format", "Format"),
        "trips.col.visits": ("Besøg", "Visits"),
        "trips.summary": (
            "Viser {shown} af {total}. Enter: åbn turen · Ctrl+N: ny tur",
            "Showing {shown} of {total}. Enter: open the trip · Ctrl+N: new trip",
        ),
    }
)

MESSAGES.update(
    {
        "editor.confirm": ("Bekræft tur", "Confirm trip"),
        "editor.next_tab": ("Næste fane", "Next tab"),
        "editor.save_details": ("Gem oplysninger", "Save details"),
        "editor.save_details_button": ("Gem oplysninger (F10)", "Save details (F10)"),
        "editor.reserve": ("Som reserve", "As reserve"),
        "editor.move_role": ("Deltager/reserve", "Participant/reserve"),
        "editor.remove": ("Fjern", "Remove"),
        "editor.toggle_confirmed": ("Bekræftet til/fra", "Confirmed on/off"),
        "editor.lead": ("Gør til tovholder", "Make lead"),
        "editor.new_item": ("Nyt programpunkt", "New item"),
        "editor.item_up": ("Flyt op", "Move up"),
        "editor.item_down": ("Flyt ned", "Move down"),
        "editor.shift_programme": ("Flyt til mødetid", "Move to meeting time"),
        "trip.date_placeholder": ("fx {long} eller {short}", "e.g. {long} or {short}"),
        "editor.tab.details": ("Oplysninger", "Details"),
        "editor.tab.programme": ("Program", "Programme"),
        "editor.tab.visits": ("Besøg", "Visits"),
        "editor.tab.group": ("Gruppe", "Group"),
        "editor.tab.staff": ("Medarbejdere", "Staff"),
        "editor.tab.findings": ("Fund", "Findings"),
        "editor.programme_hint": (
            "Enter: redigér · Ctrl+N: nyt punkt · − / +: flyt op/ned · Delete: fjern · t: flyt "
            "alle tider med mødetiden. »Deltagernes dagsorden« er et åbent punkt, som gruppen "
            "selv fylder ud på dagen.",
            "Enter: edit · Ctrl+N: new item · − / +: move up/down · Delete: remove · t: move "
            "every time with the meeting time. “Participants' agenda” is an open slot the "
            "group fills in on the day.",
        ),
        "editor.visits_hint": (
            "Besøg på turen. Enter: tider og aftale · Mellemrum: bekræftet til/fra · "
            "Delete: fjern.",
            "Visits on the trip. Enter: times and agreement · Space: confirmed on/off · Delete: "
            "remove.",
        ),
        "editor.hosts_title": (
            "Mulige værter (kun kvalificerede; bedst match med gruppens jobmål først). "
            "Enter: tilføj.",
            "Possible hosts (qualifying only; best match with the group's job goals first). "
            "Enter: add.",
        ),
        "editor.host_search": ("Søg virksomhed", "Search company"),
        "editor.candidates_title": (
            "Borgere, der kan komme med. Enter: tilføj som deltager · r: som reserve",
            "Citizens who can join. Enter: add as participant · r: as reserve",
        ),
        "editor.citizen_search": ("Søg borger (navn, telefon, forløb)", "Search citizen"),
        "editor.staff_candidates": ("Medarbejdere. Enter: tilføj", "Staff. Enter: add"),
        "editor.staff_search": ("Søg medarbejder", "Search staff"),
        "editor.trip_staff": (
            "På turen. l: tovholder · Delete: fjern",
            "On the trip. l: lead · Delete: remove",
        ),
        "editor.findings_hint": (
            "✗ FEJL skal rettes, før turen kan bekræftes. ⚠ ADVARSEL kan accepteres med en "
            "begrundelse: vælg den og tryk Enter.",
            "✗ ERRORS must be fixed before the trip can be confirmed. ⚠ WARNINGS can be "
            "accepted with a reason: choose one and press Enter.",
        ),
        "editor.col.no": ("Nr", "No"),
        "editor.col.time": ("Tid", "Time"),
        "editor.col.address": ("Adresse", "Address"),
        "editor.col.confirmed": ("Aftale", "Agreement"),
        "editor.col.match": ("Matcher jobmål", "Matches goals"),
        "editor.col.role": ("Rolle", "Role"),
        "editor.col.lead": ("Tovholder", "Lead"),
        "editor.col.severity": ("Alvor", "Severity"),
        "editor.col.message": ("Fund", "Finding"),
        "editor.col.reason": ("Begrundelse", "Reason"),
        "editor.confirmed_yes": ("✓ bekræftet", "✓ confirmed"),
        "editor.confirmed_no": ("… ikke bekræftet", "… not confirmed"),
        "editor.lead_yes": ("★ tovholder", "★ lead"),
        "editor.accepted": ("ACCEPTERET", "ACCEPTED"),
        "editor.count": (
            "Deltagere: {count} (formatet: {minimum}–{maximum}) · Reserver: {reserves} · {verdict}",
            "Participants: {count} (format: {minimum}–{maximum}) · Reserves: {reserves} · "
            "{verdict}",
        ),
        "editor.count_ok": ("✓ i orden", "✓ fine"),
        "editor.count_warning": ("⚠ uden for formatet", "⚠ outside the format"),
        "editor.count_error": ("✗ skal være 6–15", "✗ must be 6–15"),
        "editor.summary_errors": (
            "✗ {errors} fejl, ⚠ {warnings} advarsel(er) · {first}",
            "✗ {errors} error(s), ⚠ {warnings} warning(s) · {first}",
        ),
        "editor.summary_warnings": (
            "✓ Ingen fejl · ⚠ {warnings} advarsel(er) at se på (fanen Fund)",
            "✓ No errors · ⚠ {warnings} warning(s) to look at (Findings tab)",
        ),
        "editor.summary_ok": (
            "✓ Ingen fejl eller åbne advarsler. Turen kan bekræftes med F9.",
            "✓ No errors or open warnings. The trip can be confirmed with F9.",
        ),
        "editor.closed": ("kan ikke ændres", "cannot be changed"),
        "editor.visit_added": ("Besøg tilføjet.", "Visit added."),
        "editor.confirm_remove_visit": (
            "Fjern besøget hos {name} fra turen? Tider og aftale for besøget slettes.",
            "Remove the visit to {name} from the trip? Its times and agreement are deleted.",
        ),
        "editor.confirm_format": (
            "Skift turformat og brug formatets tider og program? Det nuværende program erstattes.",
            "Change the trip format and use its times and programme? The current programme is "
            "replaced.",
        ),
        "editor.format_applied": (
            "Formatets standarder er brugt.",
            "The format's defaults are used.",
        ),
        "help.trip-editor": (
            "Turen planlægges i fanerne øverst (F8 skifter fane, eller klik). Gruppe: "
            "vælg deltagere blandt borgerne til venstre; tællingen og fundene opdateres med det "
            "samme. Besøg: vælg værter blandt de kvalificerede virksomheder. Medarbejdere: den "
            "første bliver tovholder. Oplysninger: dato, mødested, tider, bus og forplejning "
            "(F10 gemmer). Program: dagens punkter; flyttes mødetiden, flytter t hele "
            "programmet med. Fund: fejl skal rettes; advarsler kan accepteres med en "
            "begrundelse. F9 bekræfter turen, når der ikke er flere fejl. Alt gemmes med det "
            "samme.",
            "Plan the trip in the tabs at the top (F8 switches tab, or click). "
            "Group: choose participants among the citizens on the left; the count and findings "
            "update at once. Visits: choose hosts among qualifying companies. Staff: the first "
            "one becomes lead. Details: date, meeting place, times, bus and catering (F10 "
            "saves). Programme: the day's items; when the meeting time moves, t moves the "
            "whole programme with it. Findings: errors must be fixed; warnings can be accepted "
            "with a reason. F9 confirms the trip when no errors are left. Everything is saved "
            "at once.",
        ),
        "help.trips": (
            "Turene efter dato. Vælg kommende, tidligere eller alle, filtrér på status og "
            "kommune, og søg i titlerne. Enter åbner turen; Ctrl+N planlægger en ny.",
            "The trips by date. Choose upcoming, past or all, filter by status and "
            "municipality, and search the titles. Enter opens the trip; Ctrl+N plans a new one.",
        ),
    }
)

MESSAGES.update(
    {
        "home.col.findings": ("Fund", "Findings"),
        "home.findings_errors": ("✗ {errors} fejl", "✗ {errors} error(s)"),
        "home.findings_warnings": ("⚠ advarsler: {warnings}", "⚠ warnings: {warnings}"),
        "home.findings_ok": ("✓ i orden", "✓ fine"),
        "home.attention": ("Kræver opmærksomhed:", "Needs attention:"),
        "home.unconfirmed_visits": (
            "  ⚠ {count} besøg de næste tre uger er ikke bekræftet af værten.",
            "  ⚠ {count} visits in the next three weeks are not confirmed by the host.",
        ),
        "home.below_minimum": (
            "  ⚠ {count} kommende ture har færre deltagere end formatets minimum.",
            "  ⚠ {count} upcoming trips have fewer participants than the format's minimum.",
        ),
        "home.quiet_companies": (
            "  ⓘ {count} kvalificerede virksomheder har ikke haft besøg i over et år.",
            "  ⓘ {count} qualifying companies have had no visit for over a year.",
        ),
        "home.today": ("I dag (Ctrl+T tjekker ind):", "Today (Ctrl+T checks in):"),
        "home.today_more": (
            "… og {count} flere i dag (se de kommende ture nedenfor)",
            "… and {count} more today (see the upcoming trips below)",
        ),
    }
)

MESSAGES.update(
    {
        "settings.title": ("Indstillinger", "Settings"),
        "settings.rules": ("Særlige regler", "Special rules"),
        "settings.trips_each": ("ture pr. borger", "trips per citizen"),
        "settings.formats": (
            "Turformater (Enter: redigér). Ændringer gælder de regler, alle ture tjekkes efter.",
            "Trip formats (Enter: edit). Changes apply to the rules every trip is checked by.",
        ),
        "settings.language": ("Sprog", "Language"),
        "settings.theme": ("Tema", "Theme"),
        "settings.saved_language": (
            "Sproget er gemt og gælder fra næste gang, rfk-trips startes.",
            "The language is saved and applies from the next time rfk-trips starts.",
        ),
        "settings.edit_format": ("Redigér turformat", "Edit trip format"),
        "format.name": ("Navn", "Name"),
        "format.min_participants": ("Min. deltagere", "Min. participants"),
        "format.max_participants": ("Maks. deltagere", "Max. participants"),
        "format.visits": ("Antal besøg", "Number of visits"),
        "format.start": ("Start (mødetid)", "Start (meeting)"),
        "format.end": ("Slut", "End"),
        "format.min_staff": ("Min. medarbejdere", "Min. staff"),
        "format.experienced_host": (
            "Én vært med praktikerfaring",
            "One host with placement experience",
        ),
        "format.single_cohort": ("Deltagere fra ét forløb", "Participants from one cohort"),
        "format.trips_per_citizen": ("Ture pr. borger", "Trips per citizen"),
        "format.range": (
            "Deltagerantallet skal ligge inden for {low}–{high}, og min. må ikke være over maks.",
            "The number of participants must be within {low}–{high}, min. not above max.",
        ),
        "help.settings": (
            "Turformaterne er regler som data: antal deltagere, besøg, tider, medarbejdere og "
            "de særlige krav. Vælg et format og tryk Enter for at ændre det. Sprog, tema og "
            "initialer gemmes for dig på denne computer; slettefristen (Enter gemmer) gælder "
            "databasen og alle, der bruger den.",
            "Trip formats are rules as data: participants, visits, times, staff and the special "
            "requirements. Choose a format and press Enter to change it. Language, theme and "
            "initials are saved for you on this computer; the retention period (Enter saves) "
            "applies to the database and everyone using it.",
        ),
    }
)

MESSAGES.update(
    {
        "checkin.leg.departure": ("Afgang", "Departure"),
        "checkin.leg.visit": ("Besøg {number}", "Visit {number}"),
        "checkin.leg.return": ("Hjemkomst", "Return"),
        "checkin.cancelled_trip": (
            "Turen er aflyst; der kan ikke tjekkes ind.",
            "The trip is cancelled; there is no check-in.",
        ),
        "checkin.no_such_leg": (
            "Turen har ingen del nr. {leg}; brug 0–{last} (0 er afgang).",
            "The trip has no leg {leg}; use 0–{last} (0 is departure).",
        ),
        "checkin.reserve_first": (
            "Borgeren er reserve. Tag vedkommende ind som deltager først (tasten i).",
            "The citizen is a reserve. Take them in as a participant first (key i).",
        ),
        "checkin.not_a_reserve": (
            "Kun en reserve kan tages ind på dagen; borgeren er allerede deltager.",
            "Only a reserve can be taken in on the day; the citizen is already a participant.",
        ),
        "checkin.walk_in_note": ("Reserve taget ind på dagen", "Reserve taken in on the day"),
        "checkin.undone": ("Fortrudt: {name} {status}.", "Undone: {name} {status}."),
        "checkin.nothing_to_undo": ("Der er intet at fortryde.", "There is nothing to undo."),
        "checkin.still_pending": (
            "{count} deltager(e) afventer stadig. Registrér dem, eller afslut med --force.",
            "{count} participant(s) are still pending. Register them, or complete with --force.",
        ),
        "checkin.status_needed": (
            "Skriv, hvad der skal registreres, med --status (present, late, left_early, "
            "excused eller no_show).",
            "Say what to record with --status (present, late, left_early, excused or no_show).",
        ),
        "checkin.completed": (
            "Turen er markeret som gennemført.",
            "The trip is marked as completed.",
        ),
        "checkin.saved": ("{name}: {status} (gemt {time}).", "{name}: {status} (saved {time})."),
    }
)

# Feature catalogues live beside their feature; merged here so `t()` has one dictionary.
from rfk_trips.i18n.messages.audit import MESSAGES_AUDIT  # noqa: E402
from rfk_trips.i18n.messages.calendar import MESSAGES_CALENDAR  # noqa: E402
from rfk_trips.i18n.messages.checkin import MESSAGES_CHECKIN  # noqa: E402
from rfk_trips.i18n.messages.cli import MESSAGES_CLI  # noqa: E402
from rfk_trips.i18n.messages.encryption import MESSAGES_ENCRYPTION  # noqa: E402
from rfk_trips.i18n.messages.export_results import MESSAGES_EXPORT_RESULTS  # noqa: E402
from rfk_trips.i18n.messages.follow_up import MESSAGES_FOLLOW_UP  # noqa: E402
from rfk_trips.i18n.messages.follow_up_screen import MESSAGES_FOLLOW_UP_SCREEN  # noqa: E402
from rfk_trips.i18n.messages.printing import MESSAGES_PRINTING  # noqa: E402
from rfk_trips.i18n.messages.privacy import MESSAGES_PRIVACY  # noqa: E402
from rfk_trips.i18n.messages.programme import MESSAGES_PROGRAMME  # noqa: E402
from rfk_trips.i18n.messages.resilience import MESSAGES_RESILIENCE  # noqa: E402
from rfk_trips.i18n.messages.results import MESSAGES_RESULTS  # noqa: E402
from rfk_trips.i18n.messages.results_screen import MESSAGES_RESULTS_SCREEN  # noqa: E402
from rfk_trips.i18n.messages.safety import MESSAGES_SAFETY  # noqa: E402
from rfk_trips.i18n.messages.targets import MESSAGES_TARGETS  # noqa: E402

for _catalogue in (
    MESSAGES_AUDIT,
    MESSAGES_CALENDAR,
    MESSAGES_CHECKIN,
    MESSAGES_CLI,
    MESSAGES_ENCRYPTION,
    MESSAGES_EXPORT_RESULTS,
    MESSAGES_FOLLOW_UP,
    MESSAGES_FOLLOW_UP_SCREEN,
    MESSAGES_PRINTING,
    MESSAGES_PRIVACY,
    MESSAGES_PROGRAMME,
    MESSAGES_RESILIENCE,
    MESSAGES_RESULTS,
    MESSAGES_RESULTS_SCREEN,
    MESSAGES_SAFETY,
    MESSAGES_TARGETS,
):
    _clash = MESSAGES.keys() & _catalogue.keys()
    if _clash:
        raise RuntimeError(f"message keys defined twice: {sorted(_clash)}")
    MESSAGES.update(_catalogue)
