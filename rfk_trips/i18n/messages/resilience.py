"""Sentences of a full disk, a read-only folder and the daily backup. Key -> (Danish, English)."""

MESSAGES_RESILIENCE: dict[str, tuple[str, str]] = {
    "error.disk_full": (
        "Disken er fuld, så ændringen blev ikke gemt; databasen er som før. Frigør plads "
        "(tøm papirkurven, flyt eller slet store filer), og prøv igen.",
        "The disk is full, so the change was not saved; the database is as it was. Free some "
        "space (empty the bin, move or delete large files) and try again.",
    ),
    "error.database_read_only": (
        "Databasen ligger i en mappe eller på et drev, der kun kan læses, så ændringen blev "
        "ikke gemt; databasen er som før. Flyt databasen til en mappe, du må skrive i (vælg "
        "den med --db), eller bed IT om skriveadgang.",
        "The database is in a folder or on a drive that can only be read, so the change was "
        "not saved; the database is as it was. Move the database to a folder you may write to "
        "(choose it with --db), or ask IT for write access.",
    ),
    "error.disk_io": (
        "Disken svarede med en fejl, så ændringen blev ikke gemt. Tjek, at drevet stadig er "
        "sat i og har plads, og prøv igen; kør »rfk-trips db check«, hvis det sker igen.",
        "The disk answered with an error, so the change was not saved. Check that the drive "
        "is still connected and has room, and try again; run “rfk-trips db check” if it "
        "happens again.",
    ),
    "error.file_disk_full": (
        "Der er ikke plads på disken til filen {path}, så den blev ikke gemt (intet halvt "
        "skrevet er efterladt). Frigør plads, eller gem filen i en anden mappe.",
        "There is no room on the disk for the file {path}, so it was not saved (nothing half "
        "written is left behind). Free some space or save the file in another folder.",
    ),
    "error.file_read_only": (
        "Mappen til filen {path} kan kun læses, så filen blev ikke gemt. Vælg en anden mappe, "
        "fx din Dokumenter-mappe.",
        "The folder for the file {path} can only be read, so the file was not saved. Choose "
        "another folder, for example your Documents folder.",
    ),
    "error.file_not_allowed": (
        "Du har ikke lov til at skrive filen {path}, så den blev ikke gemt. Vælg en anden "
        "mappe, eller bed IT om skriveadgang.",
        "You are not allowed to write the file {path}, so it was not saved. Choose another "
        "folder, or ask IT for write access.",
    ),
    "reason.disk_full": ("disken er fuld", "the disk is full"),
    "reason.read_only": ("mappen kan kun læses", "the folder can only be read"),
    "reason.not_allowed": ("du har ikke skriveadgang", "you have no write access"),
    "backup.failed": (
        "Sikkerhedskopien {path} kunne ikke gemmes ({reason}); intet halvt skrevet er "
        "efterladt. Vælg en anden mappe eller et andet drev.",
        "The backup {path} could not be saved ({reason}); nothing half written is left behind. "
        "Choose another folder or drive.",
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
