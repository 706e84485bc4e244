"""Loading demo data (`rfk-trips demo`)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- demo -----------------------------------------------------------------------------
    "demo.not_empty": (
        "Databasen indeholder allerede data. Brug --force for at lægge demodata oveni.",
        "The database already holds data. Use --force to add demo data on top.",
    ),
    "demo.done": (
        "Demodata indlæst: {companies} virksomheder, {citizens} borgere, {staff} "
        "medarbejdere og {trips} ture.",
        "Demo data loaded: {companies} companies, {citizens} citizens, {staff} staff and "
        "{trips} trips.",
    ),
    "demo.scale": ("--scale skal være 1 eller mere.", "--scale must be 1 or more."),
}
