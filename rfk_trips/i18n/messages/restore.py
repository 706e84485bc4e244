"""Restoring a backup (`rfk-trips restore`)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "restore.done": (
        "Databasen er gendannet fra {path}. Den tidligere database er gemt i {safety}.",
        "The database was restored from {path}. The previous database was saved to {safety}.",
    ),
    "restore.newer": (
        "Databasen er ændret {current}, efter sikkerhedskopien blev taget ({backup}). "
        "Gendannelse ville slette de nyere ændringer. Brug --force, hvis det er meningen.",
        "The database was changed {current}, after the backup was taken ({backup}). Restoring "
        "would delete the newer changes. Use --force if that is what you want.",
    ),
    "restore.not_backup": (
        "Filen {path} er ikke en rfk-trips-sikkerhedskopi.",
        "The file {path} is not an rfk-trips backup.",
    ),
    "restore.server_failed": (
        "Databasen kunne ikke gendannes fra {path} ({reason}). Intet er ændret: gendannelsen "
        "sker i én transaktion. Den nuværende database er også gemt i {safety}.",
        "The database could not be restored from {path} ({reason}). Nothing was changed: the "
        "restore runs in one transaction. The current database was also saved to {safety}.",
    ),
    "restore.backup_damaged": (
        "Sikkerhedskopien {path} er selv beskadiget og kan ikke gendannes. Vælg en ældre kopi.",
        "The backup {path} is damaged itself and cannot be restored. Choose an older copy.",
    ),
}
