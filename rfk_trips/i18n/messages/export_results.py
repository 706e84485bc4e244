"""The follow-up, outcome and figures exports: refusals, the figures file's columns."""

MESSAGES: dict[str, tuple[str, str]] = {
    "export_results.stats_only": (
        "{options} gælder kun for eksport af tallene. Fjern {them}, eller skriv "
        "rfk-trips export stats FIL.",
        "{options} only apply to exporting the figures. Leave {them} out, or write "
        "rfk-trips export stats FILE.",
    ),
    "export_results.it": ("den", "it"),
    "export_results.them": ("dem", "them"),
    "export_results.and": ("og", "and"),
    # Column headers of the figures file, for people reading it in Excel.
    "export_results.col.section": ("afsnit", "section"),
    "export_results.col.group": ("gruppe", "group"),
    "export_results.col.measure": ("nøgletal", "measure"),
    "export_results.col.value": ("værdi", "value"),
    # The evaluation's two tables, one sheet each (003 Tab 6.10 and 6.11).
    "export_results.eval_sheet": ("Tabel {table}", "Table {table}"),
    "export_results.eval_reference_count": (
        "VIVE {year} antal (n = {count})",
        "VIVE {year} count (n = {count})",
    ),
    "export_results.eval_reference_percent": ("VIVE {year} procent", "VIVE {year} per cent"),
    # Hours per month (003 Tab 6.16's shape), a sheet of its own.
    "export_results.eval_hours_mean": ("Timer pr. måned", "Hours per month"),
    "export_results.eval_hours_sd": ("Spredning", "Standard deviation"),
    "export_results.eval_hours_n": ("Antal med timer", "Count with hours"),
    "export_results.eval_hours_without": ("Uden registrerede timer", "Without recorded hours"),
    "export_results.eval_hours_week": ("≈ timer pr. uge", "≈ hours per week"),
    "export_results.eval_reference_mean": (
        "VIVE {year} timer pr. måned",
        "VIVE {year} hours per month",
    ),
    "export_results.eval_reference_sd": ("VIVE {year} spredning", "VIVE {year} SD"),
    "export_results.eval_reference_n": ("VIVE {year} antal", "VIVE {year} count"),
    "export_results.section.selection": ("Udvalg", "Selection"),
    "export_results.section.total": ("I alt", "Total"),
    "export_results.section.in_municipality": ("{section} i {name}", "{section} in {name}"),
    "export_results.section.at_company": (
        "Resultater hos virksomheden",
        "Outcomes at the company",
    ),
    "export_results.period": ("Periode (turdato)", "Period (trip date)"),
    "export_results.municipality": ("Kommune", "Municipality"),
    "export_results.trip_format": ("Turformat", "Trip format"),
    "export_results.all": ("alle", "all"),
    "export_results.status_date": ("Status pr.", "Status on"),
    "export_results.discretion": ("Diskretion", "Discretion"),
    "export_results.rate_percent": ("Fremmøde (%)", "Attendance rate (%)"),
    "export_results.citizens_attended": ("Borgere, der mødte", "Citizens who attended"),
    "export_results.on": ("{measure}, pr. {date}", "{measure}, on {date}"),
}
