"""The figures (`rfk-trips stats`) and the Resultater screen (F9)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "results.export_title": ("Gem tallene som fil", "Save the figures as a file"),
    "results.export_choose": (
        "Tallene for det valgte, som rfk-trips export stats skriver dem (små tal altid som "
        "<5): i hvilket format?",
        "The figures of what is chosen, as rfk-trips export stats writes them (small counts "
        "always as <5): in which format?",
    ),
    # --- the figures ---
    "results.heading": ("Resultater af busturene", "Results of the bus trips"),
    "results.period": ("Periode: {start} – {end}", "Period: {start} – {end}"),
    "results.period_open": ("hele perioden", "all time"),
    "results.filter_municipality": ("Kommune: {name}", "Municipality: {name}"),
    "results.filter_format": ("Turformat: {code}", "Trip format: {code}"),
    "results.suppressed": (
        "Tal på 1–4 er vist som »<5«, så ingen borger kan genkendes. Hvor et skjult tal kunne "
        "regnes ud af de andre, er ét tal mere skjult (»x« står for 5 eller flere).",
        "Counts of 1–4 are shown as “<5” so no citizen can be recognised. Where a hidden count "
        "could be worked out from the others, one more is hidden (“x” stands for 5 or more).",
    ),
    "results.bad_period": (
        "Perioden slutter ({end}), før den begynder ({start}). Byt om på --from og --to.",
        "The period ends ({end}) before it starts ({start}). Swap --from and --to.",
    ),
    "results.no_trips": (
        "Der er ingen gennemførte ture, der passer til udvalget. Prøv en anden periode, "
        "kommune eller et andet turformat.",
        "No completed trips match the selection. Try another period, municipality or trip format.",
    ),
    "results.trips": ("Ture gennemført", "Trips held"),
    "results.invited": ("Inviterede deltagere", "Participants invited"),
    "results.attended": ("Mødt", "Attended"),
    "results.late": ("heraf kom for sent", "of whom late"),
    "results.left_early": ("heraf gik tidligt", "of whom left early"),
    "results.excused": ("Afbud", "Excused"),
    "results.no_show": ("Udeblevet", "No-show"),
    "results.pending": ("Ikke registreret", "Not recorded"),
    "results.rate": ("Fremmøde", "Attendance rate"),
    "results.rate_none": ("–", "–"),
    "results.outcomes_heading": (
        "Resultater efter turen (antal borgere)",
        "Outcomes after the trip (number of citizens)",
    ),
    "results.col_ever": ("Nogensinde", "Ever"),
    "results.col_on": ("Pr. {date}", "On {date}"),
    "results.headline_heading": (
        "Hver borger én gang, efter det bedste resultat",
        "Each citizen once, by their best outcome",
    ),
    "results.with_outcome": ("Borgere med et resultat", "Citizens with an outcome"),
    "results.in_paid_work": (
        "I lønnet arbejde (ordinære timer, timer med ydelse, fleksjob)",
        "In paid work (paid hours, paid hours with benefit, flex job)",
    ),
    "results.total_ever": ("{name}: {ever}", "{name}: {ever}"),
    "results.total_ever_on": (
        "{name}: {ever} nogensinde, {now} pr. {date}",
        "{name}: {ever} ever, {now} on {date}",
    ),
    "results.by_municipality": ("Efter kommune", "By municipality"),
    "results.by_trip_format": ("Efter turformat", "By trip format"),
    "results.by_company": ("Værtsvirksomheder", "Host companies"),
    "results.group_line": (
        "{name}: {trips} ture, {attended} mødt, {with_outcome} borgere med resultat, "
        "{paid} i lønnet arbejde",
        "{name}: {trips} trips, {attended} attended, {with_outcome} citizens with an outcome, "
        "{paid} in paid work",
    ),
    "results.company_line": (
        "{name}: {trips} ture, {with_outcome} borgere med resultat efter besøget, "
        "{at_company} med resultat hos virksomheden",
        "{name}: {trips} trips, {with_outcome} citizens with an outcome after the visit, "
        "{at_company} with an outcome at the company",
    ),
    "results.companies_more": (
        "… og {count} virksomheder mere (se --json)",
        "… and {count} more companies (see --json)",
    ),
    "results.by_trip": ("Turene, nyeste først", "The trips, newest first"),
    "results.trip_line": (
        "{date}  {title}: {attended}/{invited} mødt, {with_outcome} med resultat, "
        "{paid} i lønnet arbejde",
        "{date}  {title}: {attended}/{invited} attended, {with_outcome} with an outcome, "
        "{paid} in paid work",
    ),
    "results.trips_more": (
        "… og {count} ture mere (se --json eller --trip ID)",
        "… and {count} more trips (see --json or --trip ID)",
    ),
    "results.filter_trip": ("Kun turen {date} »{title}«", "Only the trip {date} “{title}”"),
    "results.filter_trip_id": ("Kun tur {id}", "Only trip {id}"),
    "results.breakdowns": (
        "Borgere fordelt på alder, køn, ydelse og startkvartal",
        "Citizens by age, gender, benefit and start quarter",
    ),
    "results.breakdowns_municipality": (
        "Borgere fordelt på alder, køn, ydelse og startkvartal i {name}",
        "Citizens by age, gender, benefit and start quarter in {name}",
    ),
    "results.dim.age_band": ("Alder", "Age"),
    "results.dim.gender": ("Køn", "Gender"),
    "results.dim.benefit_group": ("Ydelse", "Benefit"),
    # 003 Tab 6.13: the quarter of a citizen's first trip.
    "results.dim.start_quarter": (
        "Startkvartal (første tur)",
        "Start quarter (first trip)",
    ),
    "results.quarter": ("{quarter}. kvartal {year}", "Q{quarter} {year}"),
    "results.cell_line": (
        "{name}: {attended} mødt, {with_outcome} med resultat, {paid} i lønnet arbejde",
        "{name}: {attended} attended, {with_outcome} with an outcome, {paid} in paid work",
    ),
    "results.age": ("{band} år", "{band} years"),
    "results.under_18": ("Under 18 år", "Under 18"),
    "results.unknown": ("Ukendt", "Unknown"),
    "results.no_municipality": ("Uden kommune", "No municipality"),
    # --- the Resultater screen ---
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
    # --- the evaluation's tables (003 Tab 6.10 and 6.11) ---
    "results.eval_heading": (
        "Som midtvejsevalueringens tabel 6.10 og 6.11 (hver borger i én række)",
        "As the midterm evaluation's Tables 6.10 and 6.11 (each citizen in one row)",
    ),
    "results.eval_population": (
        "Borgere, der mødte op på en tur: {count}",
        "Citizens who came on a trip: {count}",
    ),
    "results.eval_ever": (
        "Nogensinde efter turen (tabel 6.10)",
        "Ever after the trip (Table 6.10)",
    ),
    "results.eval_on": ("Status pr. {date} (tabel 6.11)", "Status on {date} (Table 6.11)"),
    "results.eval_count": ("Antal", "Count"),
    "results.eval_percent": ("Procent", "Per cent"),
    "results.eval_total": ("I alt", "Total"),
    "results.eval_suppressed": (
        "Hvor et skjult tal kunne regnes ud af totalen, er ét tal mere skjult "
        "(»x« står for 5 eller flere).",
        "Where a hidden count could be worked out from the total, one more is hidden "
        "(“x” stands for 5 or more).",
    ),
    "results.eval_row.paid_hours": (
        "Ordinære timer uden løntilskud eller ydelse",
        "Paid hours without subsidy or benefit",
    ),
    "results.eval_row.paid_hours_with_benefit": (
        "Ordinære timer med supplerende ydelse",
        "Paid hours with a top-up benefit",
    ),
    "results.eval_row.flex_job": ("Fleksjob", "Flex job"),
    "results.eval_row.education": ("SU eller voksenlærling", "SU or adult apprentice"),
    "results.eval_row.wage_subsidy": (
        "Løntilskud (aldrig timer uden)",
        "Wage subsidy (never hours without)",
    ),
    "results.eval_row.flex_benefit": (
        "Ingen ordinære timer, fleks-/ledighedsydelse",
        "No paid hours, flex benefit",
    ),
    "results.eval_row.no_paid_hours": ("Ingen ordinære timer", "No paid hours"),
    "results.eval_row.exit": (
        "Pension/førtidspension, flyttet, død",
        "Pension/early pension, moved, died",
    ),
    "results.eval_row.no_paid_hours_cash_benefit": (
        "Ingen ordinære timer, kontanthjælp m.m.",
        "No paid hours, cash benefit etc.",
    ),
    "results.eval_row.no_paid_hours_resource_programme": (
        "Ingen ordinære timer, revalidering, ressourceforløb, jobafklaring",
        "No paid hours, rehabilitation, resource or job-clarification programme",
    ),
    "results.eval_row.no_paid_hours_no_benefit": (
        "Ingen ordinære timer, uden ydelse",
        "No paid hours, no benefit",
    ),
    # --- Resultater → Evaluering: our tables beside the evaluation's own figures ---
    "results.tab.evaluation": ("Evaluering", "Evaluation"),
    "results.eval_category": ("Kategori", "Category"),
    "results.eval_reference_col": ("VIVE {year} (n = {count})", "VIVE {year} (n = {count})"),
    "results.eval_reference_figure": ("{count} ({percent})", "{count} ({percent})"),
    "results.eval_reference_source": (
        "Reference: VIVE-evalueringen {year}, alle deltagere (n = {count}), tabel {table}",
        "Reference: VIVE's evaluation {year}, all participants (n = {count}), Table {table}",
    ),
    "results.eval_reference_none": ("–", "–"),
    # The on-date table merges løntilskud into hours with benefit, as 003 Tab 6.11 does.
    "results.eval_on_row.paid_hours_with_benefit": (
        "Ordinære timer med supplerende ydelse (inkl. løntilskud)",
        "Paid hours with a top-up benefit (incl. wage subsidy)",
    ),
    # --- hours per month of those in paid work (003 Tab 6.16's shape) ---
    "results.eval_hours": (
        "Lønnede timer pr. måned, nogensinde efter turen (tabel 6.16)",
        "Paid hours per month, ever after the trip (Table 6.16)",
    ),
    "results.eval_hours_mean": ("Timer/md.", "Hours/month"),
    "results.eval_hours_sd": ("Spredning", "SD"),
    "results.eval_hours_n": ("Antal", "Count"),
    "results.eval_hours_without": ("Uden reg. timer", "Hours unknown"),
    "results.eval_hours_week": ("≈ t/uge", "≈ h/week"),
    "results.eval_hours_per_week": ("≈ {hours}", "≈ {hours}"),
    "results.eval_hours_note": (
        "Timer pr. uge × 4,3 i hver måned efter første tur med timer af rækkens slags (delvise "
        "måneder efter dage); gennemsnit pr. borger, så over borgerne. Antal: borgere med "
        "registrerede timer; uden reg. timer: resten af rækken.",
        "Hours a week × 4.3 in each month after the first trip with hours of the row's kind "
        "(part months by their days); a mean per citizen, then over the citizens. Count: "
        "citizens with hours recorded; hours unknown: the rest of the row.",
    ),
    "results.eval_hours_reference_col": ("VIVE {year}", "VIVE {year}"),
    "results.eval_hours_reference_figure": ("{mean} · {sd} · {n}", "{mean} · {sd} · {n}"),
    "results.eval_hours_reference_source": (
        "Reference: VIVE-evalueringen {year}, tabel {table}: timer pr. måned · spredning · "
        "antal borgere",
        "Reference: VIVE's evaluation {year}, Table {table}: hours per month · SD · citizens",
    ),
}
