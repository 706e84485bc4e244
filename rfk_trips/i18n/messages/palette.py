"""The command palette (Ctrl+P)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "palette.go": ("Gå til skærmen", "Go to the screen"),
    "palette.binding": ("kommandoer", "commands"),
    "palette.placeholder": ("Søg efter en kommando …", "Search for a command …"),
    "palette.no_matches": ("Ingen kommandoer passer", "No matching commands"),
    "palette.theme": ("Farvetema", "Colour theme"),
    "palette.theme_help": (
        "Vælg farvetema i Indstillinger (gemmes til næste gang)",
        "Choose the colour theme in Settings (kept for next time)",
    ),
    "palette.quit_help": ("Luk rfk-trips", "Close rfk-trips"),
    "palette.maximize": ("Maksimér", "Maximise"),
    "palette.maximize_help": (
        "Vis det valgte felt i hele vinduet",
        "Show the focused field in the whole window",
    ),
    "palette.minimize": ("Normal størrelse", "Normal size"),
    "palette.minimize_help": ("Vis skærmen som før igen", "Show the screen as before again"),
}
