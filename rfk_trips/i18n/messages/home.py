"""The home screen (Oversigt): findings per trip, what needs attention, today, follow-ups due."""

MESSAGES: dict[str, tuple[str, str]] = {
    "home.col.findings": ("Fund", "Findings"),
    "home.findings_errors": ("✗ {errors} fejl", "✗ {errors} error(s)"),
    "home.findings_warnings": ("⚠ advarsler: {warnings}", "⚠ warnings: {warnings}"),
    "home.findings_ok": ("✓ i orden", "✓ fine"),
    "home.attention": ("Kræver opmærksomhed:", "Needs attention:"),
    "home.unconfirmed_visits": (
        "  ⚠ {count} besøg de næste tre uger er ikke bekræftet af værten.",
        "  ⚠ {count} visits in the next three weeks are not confirmed by the host.",
    ),
    "home.below_minimum": (
        "  ⚠ {count} kommende ture har færre deltagere end formatets minimum.",
        "  ⚠ {count} upcoming trips have fewer participants than the format's minimum.",
    ),
    "home.quiet_companies": (
        "  • {count} kvalificerede virksomheder har ikke haft besøg i over et år.",
        "  • {count} qualifying companies have had no visit for over a year.",
    ),
    "home.today": ("I dag (Ctrl+T tjekker ind):", "Today (Ctrl+T checks in):"),
    "home.today_more": (
        "… og {count} flere i dag (se de kommende ture nedenfor)",
        "… and {count} more today (see the upcoming trips below)",
    ),
    # --- follow-ups due ---
    "home.followups_due": (
        "Opfølgninger med frist i dag eller før: {count} (F8 Opfølgning)",
        "Follow-ups due today or earlier: {count} (F8 Follow-up)",
    ),
    "home.followups_more": ("… og {count} mere", "… and {count} more"),
    "home.reminders_missing": (
        "  ⚠ Påmindelser til i morgen mangler for {count} tur(e): åbn turen (F5) og tryk p.",
        "  ⚠ Reminders for tomorrow are missing for {count} trip(s): open the trip (F5), press p.",
    ),
}
