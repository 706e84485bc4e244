"""Encryption at rest (SQLCipher): keys, wrong keys, `db encrypt`/`db decrypt`."""

_RESTORE_HINT_DA = (
    "Er filen ikke krypteret, er den beskadiget: gendan den seneste sikkerhedskopi med "
    "»rfk-trips --db {path} restore KOPI«."
)

_RESTORE_HINT_EN = (
    "If the file is not encrypted, it is damaged: restore the latest backup with "
    "“rfk-trips --db {path} restore COPY”."
)

MESSAGES: dict[str, tuple[str, str]] = {
    "encryption.needs_key": (
        "Databasen {path} ser ud til at være krypteret og kræver en adgangskode. Angiv en "
        "nøglefil med »--key-file FIL« eller miljøvariablen RFK_TRIPS_KEY_FILE, eller start "
        "rfk-trips i en terminal, så du bliver spurgt. Filen er ikke ændret. " + _RESTORE_HINT_DA,
        "The database {path} appears to be encrypted and needs a passphrase. Give a key file "
        "with “--key-file FILE” or the environment variable RFK_TRIPS_KEY_FILE, or start "
        "rfk-trips in a terminal to be asked. The file has not been changed. " + _RESTORE_HINT_EN,
    ),
    "encryption.wrong_key": (
        "Adgangskoden passer ikke til databasen {path}. Filen er ikke ændret. Prøv igen med "
        "den rigtige adgangskode eller nøglefil. Er du sikker på, at den er rigtig, er filen "
        "beskadiget: gendan den seneste sikkerhedskopi med »rfk-trips --db {path} restore "
        "KOPI«.",
        "The passphrase does not fit the database {path}. The file has not been changed. Try "
        "again with the right passphrase or key file. If you are sure it is right, the file is "
        "damaged: restore the latest backup with “rfk-trips --db {path} restore COPY”.",
    ),
    "encryption.not_encrypted": (
        "Databasen {path} er ikke krypteret, men der er angivet en adgangskode (--key-file "
        "eller RFK_TRIPS_KEY_FILE). Kryptér den med »rfk-trips --db {path} db encrypt«, eller "
        "udelad nøglen.",
        "The database {path} is not encrypted, but a passphrase was given (--key-file or "
        "RFK_TRIPS_KEY_FILE). Encrypt it with “rfk-trips --db {path} db encrypt”, or leave the "
        "key out.",
    ),
    "encryption.prompt": ("Adgangskode til {path}", "Passphrase for {path}"),
    "encryption.prompt_new": (
        "Ny adgangskode til {path} (gem den et sikkert sted)",
        "New passphrase for {path} (keep it somewhere safe)",
    ),
    "encryption.prompt_repeat": ("Gentag adgangskoden", "Repeat the passphrase"),
    "encryption.mismatch": (
        "De to adgangskoder er ikke ens. Intet er ændret; prøv igen.",
        "The two passphrases differ. Nothing was changed; try again.",
    ),
    "encryption.empty_key": (
        "Adgangskoden må ikke være tom. Intet er ændret; prøv igen med en adgangskode.",
        "The passphrase must not be empty. Nothing was changed; try again with a passphrase.",
    ),
    "encryption.key_file_missing": (
        "Nøglefilen {path} findes ikke eller kan ikke læses. Angiv filen med adgangskoden med "
        "--key-file eller RFK_TRIPS_KEY_FILE.",
        "The key file {path} does not exist or cannot be read. Give the file holding the "
        "passphrase with --key-file or RFK_TRIPS_KEY_FILE.",
    ),
    "encryption.key_file_empty": (
        "Nøglefilen {path} er tom. Skriv adgangskoden i den (én linje), og prøv igen.",
        "The key file {path} is empty. Write the passphrase in it (one line) and try again.",
    ),
    "encryption.key_file_open": (
        "Nøglefilen {path} kan læses af andre end dig. Gør den privat med »chmod 600 {path}«, "
        "og prøv igen.",
        "The key file {path} can be read by others than you. Make it private with "
        "“chmod 600 {path}” and try again.",
    ),
    "encryption.no_database": (
        "Der er ingen database i {path} at dekryptere. Angiv filen med --db.",
        "There is no database at {path} to decrypt. Give the file with --db.",
    ),
    "encryption.not_a_file": (
        "Kryptering virker kun på en SQLite-fil, ikke på {url}.",
        "Encryption works on a SQLite file only, not on {url}.",
    ),
    "encryption.already_encrypted": (
        "Databasen {path} er allerede krypteret. Intet er ændret. Vil du skifte adgangskode, "
        "så dekryptér først med »rfk-trips db decrypt« og kryptér igen.",
        "The database {path} is already encrypted. Nothing was changed. To change the "
        "passphrase, decrypt first with “rfk-trips db decrypt” and encrypt again.",
    ),
    "encryption.already_plain": (
        "Databasen {path} er ikke krypteret, så der er intet at dekryptere. Intet er ændret.",
        "The database {path} is not encrypted, so there is nothing to decrypt. Nothing was "
        "changed.",
    ),
    "encryption.in_use": (
        "Databasen {path} er åben i et andet program (måske rfk-trips i et andet vindue). Luk "
        "det, og prøv igen. Intet er ændret.",
        "The database {path} is open in another program (perhaps rfk-trips in another window). "
        "Close it and try again. Nothing was changed.",
    ),
    "encryption.failed": (
        "Den omdannede kopi af {path} kunne ikke kontrolleres, så den er kasseret. Databasen "
        "er som før. Kør »rfk-trips db check«.",
        "The converted copy of {path} did not check out, so it was discarded. The database is "
        "as it was. Run “rfk-trips db check”.",
    ),
    "encryption.created": (
        "Ny krypteret database oprettet: {path}. Gem adgangskoden et sikkert sted: uden den "
        "kan data ikke læses.",
        "New encrypted database created: {path}. Keep the passphrase somewhere safe: without "
        "it the data cannot be read.",
    ),
    "encryption.encrypted": (
        "Databasen {path} er nu krypteret ({rows} rækker i {tables} tabeller er kontrolleret). "
        "Den ukrypterede fil er overskrevet og slettet. Gem adgangskoden et sikkert sted: uden "
        "den kan hverken databasen eller dens nye sikkerhedskopier læses.",
        "The database {path} is now encrypted ({rows} rows in {tables} tables checked). The "
        "unencrypted file has been overwritten and removed. Keep the passphrase somewhere "
        "safe: without it neither the database nor its new backups can be read.",
    ),
    "encryption.plain_copies_left": (
        "Obs: {count} ældre sikkerhedskopier er stadig ukrypterede, fx {example}. Slet dem, "
        "eller kryptér hver af dem med »rfk-trips --db KOPI db encrypt«.",
        "Note: {count} older backups are still unencrypted, e.g. {example}. Delete them, or "
        "encrypt each with “rfk-trips --db COPY db encrypt”.",
    ),
    "encryption.decrypted": (
        "Databasen {path} er nu ukrypteret ({rows} rækker i {tables} tabeller er kontrolleret). "
        "Alle, der kan læse filen, kan nu læse data. Krypterede sikkerhedskopier ved siden af "
        "kræver stadig adgangskoden.",
        "The database {path} is now unencrypted ({rows} rows in {tables} tables checked). "
        "Anyone who can read the file can now read the data. Encrypted backups beside it still "
        "need the passphrase.",
    ),
    "encryption.rekeyed": (
        "Databasen {path} er nu krypteret med den nye adgangskode ({rows} rækker i {tables} "
        "tabeller er kontrolleret). Den gamle adgangskode åbner den ikke mere.",
        "The database {path} is now encrypted with the new passphrase ({rows} rows in {tables} "
        "tables checked). The old passphrase no longer opens it.",
    ),
    "encryption.old_key_copies": (
        "Obs: {count} sikkerhedskopier er stadig krypteret med den gamle adgangskode, fx "
        "{example}. Gem den, så længe de findes, eller slet dem.",
        "Note: {count} backups are still encrypted with the old passphrase, e.g. {example}. "
        "Keep it for as long as they exist, or delete them.",
    ),
    "encryption.rekey_plain": (
        "Databasen {path} er ikke krypteret, så den har ingen adgangskode at skifte. Kryptér "
        "den med »rfk-trips db encrypt«.",
        "The database {path} is not encrypted, so it has no passphrase to change. Encrypt it "
        "with “rfk-trips db encrypt”.",
    ),
    "encryption.rekey_same": (
        "Den nye adgangskode er den samme som den gamle. Intet er ændret.",
        "The new passphrase is the same as the old one. Nothing was changed.",
    ),
    "encryption.restored_plain": (
        "Obs: den gendannede database er ikke krypteret (filen, der blev lagt til side, så "
        "krypteret ud). Kryptér den med »rfk-trips --db {path} db encrypt«.",
        "Note: the restored database is not encrypted (the file set aside looked encrypted). "
        "Encrypt it with “rfk-trips --db {path} db encrypt”.",
    ),
    "encryption.plain_backup_with_key": (
        "Sikkerhedskopien {path} er ikke krypteret, men der er angivet en adgangskode. Gendan "
        "den uden --key-file og RFK_TRIPS_KEY_FILE, og kryptér bagefter med »rfk-trips db "
        "encrypt«.",
        "The backup {path} is not encrypted, but a passphrase was given. Restore it without "
        "--key-file and RFK_TRIPS_KEY_FILE, and encrypt afterwards with “rfk-trips db "
        "encrypt”.",
    ),
}
