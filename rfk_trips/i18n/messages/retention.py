"""The retention period: anonymising citizens without activity (`rfk-trips purge`)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "retention.bad_months": (
        "Slettefristen skal være mellem {low} og {high} måneder, ikke {months}.",
        "The retention period must be between {low} and {high} months, not {months}.",
    ),
    "retention.default_set": (
        "Slettefristen for denne database er nu {months} måneder uden aktivitet. »rfk-trips "
        "purge« bruger den, når --inactive-months ikke er givet.",
        "The retention period of this database is now {months} months without activity. "
        "“rfk-trips purge” uses it when --inactive-months is not given.",
    ),
    "retention.set_default_alone": (
        "--set-default gemmer kun slettefristen; kør purge bagefter uden --set-default.",
        "--set-default only saves the retention period; run purge afterwards without it.",
    ),
    "retention.rule": (
        "Borgere uden ture, opfølgninger, resultater, visitation eller ændringer siden "
        "{cutoff} ({months} måneder):",
        "Citizens with no trips, follow-ups, outcomes, referral or changes since {cutoff} "
        "({months} months):",
    ),
    "retention.row": (
        "  {id:>6}  {name}  (sidst aktiv {last})",
        "  {id:>6}  {name}  (last active {last})",
    ),
    "retention.never": ("aldrig", "never"),
    "retention.none": (
        "Ingen borgere har været uden aktivitet i {months} måneder (siden {cutoff}). Intet at "
        "anonymisere.",
        "No citizen has been inactive for {months} months (since {cutoff}). Nothing to anonymise.",
    ),
    "retention.dry_run": (
        "{count} borgere ville blive anonymiseret. Intet er ændret (--dry-run).",
        "{count} citizens would be anonymised. Nothing was changed (--dry-run).",
    ),
    "retention.done": (
        "{count} borgere er anonymiseret (nr. {ids}). Fremmøde og resultater tæller stadig "
        "med i tallene. Det er skrevet i loggen.",
        "{count} citizens are anonymised (no. {ids}). Attendance and outcomes still count "
        "in the figures. It is written in the log.",
    ),
}
