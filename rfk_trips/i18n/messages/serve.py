"""`rfk-trips serve` and the app in a browser: the page, the refusals, the downloads."""

MESSAGES: dict[str, tuple[str, str]] = {
    "serve.page_starting": ("rfk-trips starter …", "rfk-trips is starting …"),
    "serve.page_start": ("Start", "Start"),
    "serve.page_closed": ("Sessionen er slut.", "The session has ended."),
    "serve.page_restart": ("Start igen", "Start again"),
    "serve.not_installed": (
        "rfk-trips serve kræver textual-serve: installér med pip install 'rfk-trips[serve]'.",
        "rfk-trips serve needs textual-serve: install it with pip install 'rfk-trips[serve]'.",
    ),
    "serve.sqlite_host_refused": (
        "På en SQLite-fil lytter rfk-trips serve kun på 127.0.0.1, ikke på {host}: filen er "
        "én persons, og browseren har intet login, så alle, der kan nå {host}, ville se og "
        "ændre borgernes data som dig. Brug en fælles PostgreSQL-database (se README), så "
        "logger hver kollega ind med sit eget login.",
        "On a SQLite file rfk-trips serve listens on 127.0.0.1 only, not on {host}: the file is "
        "one person's and the browser has no login, so anyone who can reach {host} would see "
        "and change the citizens' data as you. Use a shared PostgreSQL database (see README), "
        "where each colleague logs in with their own login.",
    ),
    "serve.key_file_needed": (
        "Databasen er krypteret: rfk-trips serve skal have adgangskoden i en fil (--key-file "
        "eller RFK_TRIPS_KEY_FILE), for browserens sessioner kan ikke spørge om den.",
        "The database is encrypted: rfk-trips serve needs the passphrase in a file (--key-file "
        "or RFK_TRIPS_KEY_FILE), since the browser's sessions cannot ask for it.",
    ),
    "serve.port_taken": (
        "Port {port} på {host} kan ikke bruges ({reason}). Vælg en anden med --port.",
        "Port {port} on {host} cannot be used ({reason}). Choose another with --port.",
    ),
    "serve.listening": (
        "rfk-trips kører i browseren på {url} (Ctrl+C stopper).",
        "rfk-trips runs in the browser at {url} (Ctrl+C stops it).",
    ),
    "serve.download_offered": (
        "{name} hentes i browseren.",
        "{name} is being downloaded in the browser.",
    ),
    "serve.screenshot_offered": (
        "Skærmbilledet hentes i browseren.",
        "The screenshot is being downloaded in the browser.",
    ),
}
