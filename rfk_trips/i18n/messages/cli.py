"""Sentences of the command line's own parts (`trip show`, option values, the database URL).

Key -> (Danish, English).
"""

MESSAGES_CLI: dict[str, tuple[str, str]] = {
    "cli.unknown_code": (
        "»{value}« kendes ikke. Brug en af: {choices}.",
        "“{value}” is not known. Use one of: {choices}.",
    ),
    "cli.database_url_invalid": (
        "Database-URL'en (--database-url eller RFK_TRIPS_DATABASE_URL) kan ikke læses. "
        "Skriv den fx som sqlite:///sti/til/rfk-trips.db eller "
        "postgresql://bruger@server/rfk, eller brug --db FIL.",
        "The database URL (--database-url or RFK_TRIPS_DATABASE_URL) cannot be read. "
        "Write it as, say, sqlite:///path/to/rfk-trips.db or postgresql://user@server/rfk, "
        "or use --db FILE.",
    ),
    # Placeholders in --help: `--date DATO`, `--start TT:MM`.
    "cli.date_metavar": ("DATO", "DATE"),
    "cli.time_metavar": ("TT:MM", "HH:MM"),
    "trip_text.meeting": ("Mødested: {place} kl. {time}", "Meeting place: {place} at {time}"),
    "trip_text.return": ("Hjemkomst: {time}", "Return: {time}"),
    "trip_text.bus": ("Bus: {operator} {reference}", "Bus: {operator} {reference}"),
    "trip_text.seats": (", {seats} pladser", ", {seats} seats"),
    "trip_text.catering": (
        "Forplejning: {count} pers. {notes}",
        "Catering: {count} people {notes}",
    ),
    "trip_text.programme": ("Program:", "Programme:"),
    "trip_text.visits": ("Besøg:", "Visits:"),
    "trip_text.confirmed": ("bekræftet", "confirmed"),
    "trip_text.unconfirmed": ("ikke bekræftet", "not confirmed"),
    "trip_text.participants": ("Deltagere ({count}):", "Participants ({count}):"),
    "trip_text.reserves": ("Reserver ({count}):", "Reserves ({count}):"),
    "trip_text.staff": ("Medarbejdere ({count}):", "Staff ({count}):"),
    "trip_text.lead": ("tovholder", "lead"),
}
