"""Sentences of the Resultater screen. Key -> (Danish, English)."""

MESSAGES_RESULTS_SCREEN: dict[str, tuple[str, str]] = {
    "nav.results": ("Resultater", "Results"),
    "results.screen_title": ("Resultater", "Results"),
    "results.field.from": ("Fra dato", "From date"),
    "results.field.to": ("Til dato", "To date"),
    "results.field.format": ("Turformat", "Trip format"),
    "results.field.on": ("Status på dato", "Status on date"),
    "results.calculating": ("Beregner tallene …", "Calculating the figures …"),
    "results.status_trips": (
        "Gennemførte ture: {count} · status pr. {on}",
        "Completed trips: {count} · status on {on}",
    ),
    "results.status_one_trip": (
        "kun turen »{title}« (Esc viser alle)",
        "only the trip “{title}” (Esc shows all)",
    ),
    "results.status_small_hidden": (
        "tal på 1–4 vist som <5 (s viser dem)",
        "counts of 1–4 shown as <5 (s shows them)",
    ),
    "results.status_small_shown": (
        "alle tal vises (s skjuler tal under 5 før de deles)",
        "all counts shown (s hides counts under 5 before sharing)",
    ),
    "results.tab.overview": ("Overblik", "Overview"),
    "results.tab.trend": ("Udvikling", "Over time"),
    "results.tab.targets": ("Måltal", "Targets"),
    "results.chart.months": (
        "Resultater pr. måned (borgere, hvis resultat efter en tur startede den måned)",
        "Outcomes per month (citizens whose outcome after a trip started that month)",
    ),
    "results.chart.trips": (
        "Fremmøde pr. tur, de {count} nyeste (mødt af inviterede)",
        "Attendance per trip, the {count} newest (came of invited)",
    ),
    "results.chart.none": ("Intet at vise endnu.", "Nothing to show yet."),
    "results.no_targets": (
        "Der er ingen måltal for dette halvår. Sæt dem med fx "
        "»rfk-trips target set Lolland 2026H2 --measure in_paid_work --value 12«.",
        "There are no targets for this half-year. Set them with e.g. "
        "“rfk-trips target set Lolland 2026H2 --measure in_paid_work --value 12”.",
    ),
    "results.tab.trips": ("Ture", "Trips"),
    "results.tab.companies": ("Værtsvirksomheder", "Host companies"),
    "results.col.date": ("Dato", "Date"),
    "results.col.trip": ("Tur", "Trip"),
    "results.col.invited": ("Inviteret", "Invited"),
    "results.col.attended": ("Mødt", "Came"),
    "results.col.rate": ("Fremmøde", "Turnout"),
    "results.col.with_outcome": ("Med resultat", "With outcome"),
    "results.col.paid": ("Lønnet arbejde", "Paid work"),
    "results.col.company": ("Virksomhed", "Company"),
    "results.col.trips": ("Ture", "Trips"),
    "results.col.at_company": ("Resultat her", "Outcome here"),
    "results.key.small": ("Skjul små tal", "Hide small counts"),
    "help.results": (
        "Resultater: hvad kom der ud af busturene.\n\n"
        "Overblik er de samme tal som kommandoen »rfk-trips stats«: fremmøde, resultater "
        "efter turen (nogensinde og status på en dato), i lønnet arbejde og fordelinger.\n"
        "Ture viser hver gennemført tur; Enter viser den ene turs tal, Esc alle igen.\n"
        "Værtsvirksomheder viser, hvilke værter der fører til resultater.\n\n"
        "Skriv datoer som 01-01-2026 og tryk Enter. s viser tal på 1–4 som »<5«, før "
        "tallene deles uden for jobcentret.",
        "Results: what came of the bus trips.\n\n"
        "The overview holds the same figures as the command “rfk-trips stats”: turnout, "
        "outcomes after the trip (ever and status on a date), in paid work and breakdowns.\n"
        "Trips lists every completed trip; Enter shows that one trip, Esc all again.\n"
        "Host companies shows which hosts lead to outcomes.\n\n"
        "Type dates as 01-01-2026 and press Enter. s shows counts of 1–4 as “<5” before "
        "the figures are shared outside the job centre.",
    ),
}
