"""The database commands (`rfk-trips db …`): creating, upgrading, checking."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- database commands ------------------------------------------------------------
    "db.upgraded": (
        "Databasen er opgraderet fra {before} til {after}. Sikkerhedskopi: {backup}",
        "The database was upgraded from {before} to {after}. Backup: {backup}",
    ),
    "db.created": ("Ny database oprettet: {path}", "New database created: {path}"),
    "db.tables_created": (
        "Tabellerne er oprettet i {where} (version {revision}), og kollegernes rolle "
        "rfk_trips_brugere har fået adgang, hvis den findes.",
        "The tables were created in {where} (version {revision}), and the colleagues' role "
        "rfk_trips_brugere was given access if it exists.",
    ),
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
    "db.granted": (
        "Kollegernes rolle {role} har nu adgang til alle tabeller (læse og skrive data; "
        "revisionsloggen kun tilføje og læse).",
        "The colleagues' role {role} now has access to every table (read and write data; the "
        "audit log only add to and read).",
    ),
    "db.no_colleagues_role": (
        "Rollen {role} findes ikke på databaseserveren. Opret den først (se README: »En "
        "fælles database for jobcentret«), og kør så kommandoen igen.",
        "The role {role} does not exist on the database server. Create it first (see the "
        "README: “En fælles database for jobcentret”), then run the command again.",
    ),
    "db.grant_needs_postgresql": (
        "Adgang for kolleger findes kun på en fælles PostgreSQL-database; en SQLite-fil har "
        "én bruger.",
        "Access for colleagues exists only on a shared PostgreSQL database; a SQLite file has "
        "one user.",
    ),
    "db.not_sqlite": (
        "Den kommando virker kun på den indbyggede SQLite-database. Brug PostgreSQL's egne "
        "værktøjer (pg_dump) til {url}.",
        "That command works only on the embedded SQLite database. Use PostgreSQL's own tools "
        "(pg_dump) for {url}.",
    ),
}
