"""Field validation: what a value must look like, with an example."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- field validation ---------------------------------------------------------------
    "field.required": ("{field} skal udfyldes.", "{field} is required."),
    "field.benefit_since_future": (
        "Ydelse siden kan ikke ligge efter i dag ({date}). Skriv den dag, ydelsen skiftede, "
        "eller lad feltet stå tomt for i dag.",
        "Benefit since cannot be after today ({date}). Write the day the benefit changed, or "
        "leave the field empty for today.",
    ),
    "field.benefit_since_before": (
        "Ydelsen kan ikke skifte {date}: borgerens nuværende ydelse ({benefit}) gælder fra "
        "{since}. Skriv en dato fra {since} eller senere i »Ydelse siden«.",
        "The benefit cannot change on {date}: the citizen's current benefit ({benefit}) "
        "holds from {since}. Write a date from {since} on in “Benefit since”.",
    ),
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
    "field.login_taken": (
        "Databaselogin »{login}« hører allerede til {name}. Hver kollega har sit eget login.",
        "The database login “{login}” already belongs to {name}. Each colleague has their own.",
    ),
    "field.login_invalid": (
        "»{value}« kan ikke være et databaselogin: brug små bogstaver, tal, punktum, bindestreg "
        "og understregning, højst 63 tegn (fx anne.hansen), eller lad feltet stå tomt.",
        "“{value}” cannot be a database login: use lower-case letters, digits, dots, hyphens and "
        "underscores, at most 63 characters (e.g. anne.hansen), or leave the field empty.",
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
}
