"""The command line's own parts: option values, the database URL, placeholders in --help."""

MESSAGES: dict[str, tuple[str, str]] = {
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
}
