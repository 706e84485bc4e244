"""The help screen (F1): the general text, the keys, and one text per screen."""

MESSAGES: dict[str, tuple[str, str]] = {
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
    "help.login": (
        "I browseren på jobcentrets fælles database logger du ind med dit eget databaselogin "
        "og din adgangskode (dem, den der ejer databasen, har givet dig). Alt, hvad du gør, "
        "skrives i revisionsloggen under dit login. Tab skifter felt, Enter logger ind, "
        "Ctrl+Q afslutter.",
        "In the browser, on the job centre's shared database, you log in with your own "
        "database login and password (the ones the owner of the database gave you). "
        "Everything you do is written in the audit log under your login. Tab changes field, "
        "Enter logs in, Ctrl+Q quits.",
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
    "help.settings": (
        "Turformaterne er regler som data: antal deltagere, besøg, tider, medarbejdere og "
        "de særlige krav. Vælg et format og tryk Enter for at ændre det. Sprog, tema og "
        "initialer gemmes for dig på denne computer; slettefristen (Enter gemmer) gælder "
        "databasen og alle, der bruger den. Tryk i for at importere en .xlsx- eller .csv-fil: "
        "registre (virksomheder, borgere, medarbejdere) eller historik (ture, fremmøde, "
        "resultater, i den rækkefølge). »Tjek filen« læser den hele og skriver intet.",
        "Trip formats are rules as data: participants, visits, times, staff and the special "
        "requirements. Choose a format and press Enter to change it. Language, theme and "
        "initials are saved for you on this computer; the retention period (Enter saves) "
        "applies to the database and everyone using it. Press i to import an .xlsx or .csv "
        "file: registers (companies, citizens, staff) or history (trips, attendance, "
        "outcomes, in that order). “Check the file” reads it all and writes nothing.",
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
    "help.checkin": (
        "Indtjekning på dagen. Listen viser alle deltagere og reserver med deres status for "
        "hver del af dagen. Flyt markøren med ↑ ↓, eller tryk / og skriv et par bogstaver af "
        "navnet. Én tast sætter status for den del af dagen, der står øverst (← → skifter): "
        "m mødt, s kom for sent, g gik tidligt, a afbud (med en begrundelse, der kan udelades), "
        "x udeblevet. i tager en reserve ind som deltager. u fortryder den seneste ændring. "
        "Hver tast gemmes med det samme, med tidspunkt; det, der står i listen, er gemt. "
        "F9 afslutter turen (gennemført), når alle er registreret.",
        "Check-in on the day. The list shows every participant and reserve with their status "
        "for each part of the day. Move with ↑ ↓, or press / and type a few letters of the "
        "name. One key sets the status for the part of the day shown at the top (← → "
        "changes it): m present, s late, g left early, a excused (with an optional reason), "
        "x no-show. i takes a reserve in as a participant. u undoes the latest change. Each "
        "key is saved at once, with its time; what the list shows is saved. F9 completes the "
        "trip when everyone is registered.",
    ),
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
    "help.results": (
        "Resultater: hvad kom der ud af busturene.\n\n"
        "Overblik er de samme tal som kommandoen »rfk-trips stats«: fremmøde, resultater "
        "efter turen (nogensinde og status på en dato), i lønnet arbejde og fordelinger.\n"
        "Ture viser hver gennemført tur; Enter viser den ene turs tal, Esc alle igen.\n"
        "Værtsvirksomheder viser, hvilke værter der fører til resultater.\n\n"
        "Skriv datoer som 01-01-2026 og tryk Enter. s viser tal på 1–4 som »<5«, før "
        "tallene deles uden for jobcentret.",
        "Results: what came of the bus trips.\n\n"
        "The overview holds the same figures as the command “rfk-trips stats”: turnout, "
        "outcomes after the trip (ever and status on a date), in paid work and breakdowns.\n"
        "Trips lists every completed trip; Enter shows that one trip, Esc all again.\n"
        "Host companies shows which hosts lead to outcomes.\n\n"
        "Type dates as 01-01-2026 and press Enter. s shows counts of 1–4 as “<5” before "
        "the figures are shared outside the job centre.",
    ),
}
