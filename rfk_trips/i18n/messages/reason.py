"""Why a file could not be written: a full disk, a read-only folder, no access."""

MESSAGES: dict[str, tuple[str, str]] = {
    "reason.disk_full": ("disken er fuld", "the disk is full"),
    "reason.read_only": ("mappen kan kun læses", "the folder can only be read"),
    "reason.not_allowed": ("du har ikke skriveadgang", "you have no write access"),
}
