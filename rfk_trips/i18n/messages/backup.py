"""Backups (`rfk-trips backup`) and the daily automatic backup."""

MESSAGES: dict[str, tuple[str, str]] = {
    "backup.done": ("Sikkerhedskopi gemt i {path}.", "Backup saved to {path}."),
    "backup.exists": (
        "Filen {path} findes allerede. Vælg et andet navn, så intet overskrives.",
        "The file {path} already exists. Choose another name so nothing is overwritten.",
    ),
    "backup.failed": (
        "Sikkerhedskopien {path} kunne ikke gemmes ({reason}); intet halvt skrevet er "
        "efterladt. Vælg en anden mappe eller et andet drev.",
        "The backup {path} could not be saved ({reason}); nothing half written is left behind. "
        "Choose another folder or drive.",
    ),
    "backup.server_tool_missing": (
        "En sikkerhedskopi af den fælles PostgreSQL-database tages med PostgreSQL's eget "
        "værktøj {tool}, og det findes ikke på denne maskine. Installér PostgreSQL's "
        "klientprogrammer (på Debian/Ubuntu pakken postgresql-client), eller bed den, der "
        "driver databaseserveren, om kopien.",
        "A backup of the shared PostgreSQL database is taken with PostgreSQL's own tool {tool}, "
        "which is not on this machine. Install PostgreSQL's client programs (on Debian/Ubuntu "
        "the package postgresql-client), or ask whoever runs the database server for the copy.",
    ),
    "backup.daily_failed": (
        "Advarsel: dagens automatiske sikkerhedskopi kunne ikke gemmes i {folder} ({reason}). "
        "Du kan arbejde videre, men frigør plads eller tag selv en kopi med »rfk-trips backup "
        "FIL« på et andet drev.",
        "Warning: today's automatic backup could not be saved in {folder} ({reason}). You can "
        "keep working, but free some space or take a copy yourself with “rfk-trips backup "
        "FILE” on another drive.",
    ),
}
