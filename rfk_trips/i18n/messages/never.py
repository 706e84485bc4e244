"""»aldrig«, for a last visit that never was."""

MESSAGES: dict[str, tuple[str, str]] = {
    "never": ("aldrig", "never"),
}
