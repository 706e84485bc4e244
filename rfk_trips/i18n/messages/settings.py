"""The Indstillinger screen (F7): language, theme, formats, your initials, retention."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the screen ---
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
    # --- the retention period ---
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
    "settings.host_limit_range": (
        "Skriv et antal ture mellem {low} og {high}.",
        "Enter a number of trips between {low} and {high}.",
    ),
    "settings.host_limit": ("Ture pr. vært på 12 mdr.", "Trips per host in 12 months"),
    "settings.host_limit_note": (
        "Flere ture end dette til samme virksomhed giver en advarsel (Enter gemmer).",
        "More trips than this to one company give a warning (Enter saves).",
    ),
    "settings.host_limit_saved": (
        "Gemt: en advarsel efter {limit} ture til samme vært på 12 måneder.",
        "Saved: a warning after {limit} trips to one host in 12 months.",
    ),
}
