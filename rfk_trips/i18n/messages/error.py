"""Errors any action can end in: the unexpected, the database, a full disk, a read-only folder."""

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
    "error.database_upgrade_needs_owner": (
        "Databasen {where} skal opgraderes til denne version af rfk-trips, og det må kun "
        "databasens ejer. Bed den, der driver databasen, om at køre »rfk-trips db upgrade« "
        "som ejer; indtil da kan du bruge den version, I havde før.",
        "The database {where} needs an upgrade to this version of rfk-trips, which only the "
        "database's owner may do. Ask whoever runs the database to run “rfk-trips db "
        "upgrade” as the owner; until then you can use the version you had before.",
    ),
    "error.no_dump_before_upgrade": (
        "Databasen {where} skal opgraderes, men der kunne ikke tages en sikkerhedskopi først "
        "({reason}), så den er ikke ændret. Installér PostgreSQL's klientprogrammer (pakken "
        "postgresql-client, som giver pg_dump), og prøv igen.",
        "The database {where} needs an upgrade, but no backup could be taken first ({reason}), "
        "so it was not changed. Install PostgreSQL's client programs (the package "
        "postgresql-client, which has pg_dump) and try again.",
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
    # --- a full disk, a read-only folder ---
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
    # --- a damaged database ---
    "error.database_damaged": (
        "Filen {path} kan ikke åbnes som en rfk-trips-database: den er beskadiget eller ikke en "
        "database. Filen er ikke ændret. Gendan den seneste sikkerhedskopi med "
        "»rfk-trips --db {path} restore KOPI« (den beskadigede fil gemmes ved siden af), eller "
        "vælg en anden fil med --db.",
        "The file {path} cannot be opened as an rfk-trips database: it is damaged or not a "
        "database. The file has not been changed. Restore the latest backup with "
        "“rfk-trips --db {path} restore COPY” (the damaged file is kept beside it), or pick "
        "another file with --db.",
    ),
    "error.database_latest_backup": (
        "Den nyeste kopi ved siden af er {backup}; gendan den med »rfk-trips --db {path} "
        "restore {backup}«.",
        "The newest copy beside it is {backup}; restore it with “rfk-trips --db {path} restore "
        "{backup}”.",
    ),
    "error.database_damaged_found": (
        "Databasen er beskadiget, og handlingen blev ikke gemt. Kør »rfk-trips db check«, og "
        "gendan den seneste sikkerhedskopi med »rfk-trips restore KOPI«.",
        "The database is damaged and nothing was saved. Run “rfk-trips db check” and restore "
        "the latest backup with “rfk-trips restore COPY”.",
    ),
}
