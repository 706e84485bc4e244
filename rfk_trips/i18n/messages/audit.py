"""The audit log (`rfk-trips audit`, the Revisionslog screen): who did what to which record."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- what was done ----------
    "audit.action.create": ("oprettet", "created"),
    "audit.action.update": ("ændret", "changed"),
    "audit.action.delete": ("slettet", "deleted"),
    "audit.action.export": ("eksporteret", "exported"),
    "audit.action.print": ("udskrevet", "printed"),
    "audit.action.ics": ("kalenderfil", "calendar file"),
    "audit.action.reminders": ("påmindelser", "reminders"),
    "audit.action.report": ("indsigtsrapport", "access report"),
    "audit.action.erase": ("anonymiseret", "erased"),
    "audit.action.purge": ("oprydning", "retention purge"),
    # --- which record: the tables ----------
    "audit.entity.citizen": ("borger", "citizen"),
    "audit.entity.company": ("virksomhed", "company"),
    "audit.entity.staff": ("medarbejder", "staff member"),
    "audit.entity.trip": ("tur", "trip"),
    "audit.entity.visit": ("besøg", "visit"),
    "audit.entity.participation": ("deltagelse", "participation"),
    "audit.entity.trip_staff": ("personale på tur", "trip staff"),
    "audit.entity.trip_format": ("turformat", "trip format"),
    "audit.entity.municipality": ("kommune", "municipality"),
    "audit.entity.finding_acknowledgement": ("godkendt advarsel", "acknowledged warning"),
    "audit.entity.checkin_event": ("indtjekning", "check-in"),
    "audit.entity.print_record": ("udskriftspost", "print record"),
    "audit.entity.follow_up": ("opfølgning", "follow-up"),
    "audit.entity.outcome": ("resultat", "outcome"),
    "audit.entity.target": ("mål", "target"),
    "audit.entity.learning_case": ("læringscase", "learning case"),
    "audit.entity.benefit_period": ("ydelsesperiode", "benefit period"),
    # --- which record: what left the app ----------
    "audit.export.citizens": ("borgere", "citizens"),
    "audit.export.companies": ("virksomheder", "companies"),
    "audit.export.staff": ("medarbejdere", "staff"),
    "audit.export.trips": ("ture", "trips"),
    "audit.export.participants": ("deltagere", "participants"),
    "audit.export.followups": ("opfølgninger", "follow-ups"),
    "audit.export.outcomes": ("resultater", "outcomes"),
    "audit.export.stats": ("tal (<5 skjult)", "figures (<5 hidden)"),
    "audit.print.participant": ("deltagerprogram", "participant programme"),
    "audit.print.staff": ("personaleark", "staff run sheet"),
    "audit.print.company": ("virksomhedsprogram", "company programme"),
    "audit.print.bus": ("busprogram", "bus programme"),
    "audit.record": ("{what} {id}", "{what} {id}"),
    "audit.names_citizens": ("{count} borgere", "{count} citizens"),
    "audit.names_one_citizen": ("1 borger", "1 citizen"),
    # --- the table ----------
    "audit.col.at": ("Tidspunkt", "When"),
    "audit.col.actor": ("Hvem", "Who"),
    "audit.col.action": ("Hvad", "What"),
    "audit.col.record": ("Post", "Record"),
    "audit.col.fields": ("Felter / fil", "Fields / file"),
    "audit.col.citizens": ("Nævner", "Names"),
    "audit.none": ("Revisionsloggen har ingen linjer, der passer.", "No audit lines match."),
    "audit.none_for_citizen": (
        "Revisionsloggen har intet om borger {id}.",
        "The audit log has nothing about citizen {id}.",
    ),
    "audit.capped": (
        "Viser de nyeste {limit} linjer. Brug --limit for flere.",
        "Showing the newest {limit} lines. Use --limit for more.",
    ),
    # --- the screen ----------
    "audit.screen_title": (
        "Revisionslog: hvem ændrede hvad, og hvad forlod programmet",
        "Audit log: who changed what, and what left the program",
    ),
    "audit.field.citizen": ("Borgernummer (Enter)", "Citizen number (Enter)"),
    "audit.field.read_outs": ("Kun udlæsninger", "Read-outs only"),
    "audit.key.read_outs": ("Kun udlæsninger", "Read-outs only"),
    "audit.loading": ("Henter revisionsloggen …", "Loading the audit log …"),
    "audit.shown": ("{count} linjer.", "{count} lines."),
    "audit.shown_capped": (
        "De nyeste {count} linjer. Se resten med »rfk-trips audit --limit N«.",
        "The newest {count} lines. See the rest with “rfk-trips audit --limit N”.",
    ),
    "audit.bad_citizen": (
        "Skriv borgerens nummer som et helt tal, fx 12, eller ryd feltet for alle.",
        "Type the citizen's number as a whole number, e.g. 12, or clear the field for all.",
    ),
    # --- the hash chain (`rfk-trips db check`, the screen, `rfk-trips audit`) ----------
    "audit.chain.changed": (
        "Linje {id} i revisionsloggen ({at}) er ændret, efter den blev skrevet.",
        "Line {id} of the audit log ({at}) was changed after it was written.",
    ),
    "audit.chain.inserted": (
        "Linje {id} i revisionsloggen ({at}) er sat ind uden om rfk-trips.",
        "Line {id} of the audit log ({at}) was put in outside rfk-trips.",
    ),
    "audit.chain.missing_before": (
        "Revisionsloggen mangler en eller flere linjer lige før linje {id} ({at}): de er slettet.",
        "The audit log lacks one or more lines just before line {id} ({at}): they were deleted.",
    ),
    "audit.chain.missing_after": (
        "Revisionsloggen mangler en eller flere linjer efter linje {id} ({at}): de er slettet.",
        "The audit log lacks one or more lines after line {id} ({at}): they were deleted.",
    ),
    "audit.chain.missing_all": (
        "Revisionsloggen mangler alle sine linjer: de er slettet.",
        "The audit log lacks all its lines: they were deleted.",
    ),
    "audit.chain.gone_before": (
        "Revisionsloggen mangler {lines} (lige før linje {id}, {at}): slettet.",
        "The audit log lacks {lines} (just before line {id}, {at}): deleted.",
    ),
    "audit.chain.gone_after": (
        "Revisionsloggen mangler {lines} (efter linje {id}, {at}): slettet.",
        "The audit log lacks {lines} (after line {id}, {at}): deleted.",
    ),
    "audit.chain.gone_all": (
        "Revisionsloggen mangler {lines}, alle dens linjer: slettet.",
        "The audit log lacks {lines}, all its lines: deleted.",
    ),
    "audit.chain.line": ("linje {first}", "line {first}"),
    "audit.chain.lines": ("linje {first}–{last}", "lines {first}–{last}"),
    "audit.chain.trigger": (
        "Databasens beskyttelse af revisionsloggen er fjernet: udløseren (trigger) »{name}« "
        "mangler eller er ændret, så loggen kan ændres eller slettes uden om rfk-trips.",
        "The database's protection of the audit log was removed: the trigger “{name}” is "
        "missing or changed, so the log can be changed or deleted outside rfk-trips.",
    ),
    "audit.chain.structure": (
        "Revisionsloggens hashkæde er fjernet fra databasen: »{name}« mangler, så en ændring "
        "af loggen ikke længere kan ses.",
        "The audit log's hash chain was removed from the database: “{name}” is missing, so a "
        "change to the log can no longer be seen.",
    ),
    "audit.chain.backup_changed": (
        "Linje {id} i revisionsloggen ({at}) er ikke den samme som i den daglige "
        "sikkerhedskopi {backup}: loggen er skrevet om fra den linje.",
        "Line {id} of the audit log ({at}) is not the same as in the daily backup {backup}: "
        "the log was rewritten from that line on.",
    ),
    "audit.chain.backup_missing": (
        "Linje {id} i revisionsloggen ({at}) står i den daglige sikkerhedskopi {backup}, men "
        "ikke i databasen: den er slettet.",
        "Line {id} of the audit log ({at}) is in the daily backup {backup} but not in the "
        "database: it was deleted.",
    ),
    "audit.chain.broken": (
        "Revisionsloggen er ikke, som rfk-trips skrev den. {findings} {advice}",
        "The audit log is not as rfk-trips wrote it. {findings} {advice}",
    ),
    "audit.chain.advice_before": (
        "Gør sådan: gendan den nyeste sikkerhedskopi fra før {at}, som »rfk-trips --db KOPI "
        "db check« godkender, med »rfk-trips restore --force KOPI«, og fortæl det til "
        "databeskyttelsesrådgiveren (DPO).",
        "What to do: restore the newest backup from before {at} that “rfk-trips --db COPY db "
        "check” passes, with “rfk-trips restore --force COPY”, and tell the data protection "
        "officer (DPO).",
    ),
    "audit.chain.advice": (
        "Gør sådan: gendan den nyeste sikkerhedskopi, som »rfk-trips --db KOPI db check« "
        "godkender, med »rfk-trips restore --force KOPI«, og fortæl det til "
        "databeskyttelsesrådgiveren (DPO).",
        "What to do: restore the newest backup that “rfk-trips --db COPY db check” passes, "
        "with “rfk-trips restore --force COPY”, and tell the data protection officer (DPO).",
    ),
    "audit.chain.warning": (
        "⚠ {finding} Kør »rfk-trips db check«, og fortæl det til databeskyttelsesrådgiveren.",
        "⚠ {finding} Run “rfk-trips db check” and tell the data protection officer.",
    ),
    "audit.chain.ok": (
        "Revisionsloggen er ubrudt: {count} linjer, beskyttet af databasen.",
        "The audit log is unbroken: {count} lines, protected by the database.",
    ),
    "audit.chain.ok_backup": (
        "Revisionsloggen er ubrudt: {count} linjer, beskyttet af databasen, og den stemmer med "
        "den daglige sikkerhedskopi {backup}.",
        "The audit log is unbroken: {count} lines, protected by the database, and it matches "
        "the daily backup {backup}.",
    ),
    # A changed field"s name in the log, where no form shows it (see audit_text.field_label).
    "audit.changed.since": ("Fra", "From"),
    "audit.changed.until": ("Til", "Until"),
    "audit.changed.leg": ("Del af dagen", "Part of the day"),
    "audit.changed.transport_allowance": ("Transporttilskud", "Transport allowance"),
    "audit.changed.transport_amount": ("Transporttilskud (kr.)", "Transport allowance (DKK)"),
    "audit.changed.pickup_place": ("Afhentes ved", "Pick-up at"),
    "audit.changed.pickup_time": ("Afhentes kl.", "Pick-up time"),
    "audit.changed.travel_minutes": ("Rejsetid", "Travel time"),
    "audit.changed.unsure": ("Usikker på besøget", "Unsure about the visit"),
    "audit.changed.prepared": ("Forberedt", "Prepared"),
    "audit.changed.agreed_on": ("Aftalt den", "Agreed on"),
    "audit.changed.agenda_notes": ("Deltagernes dagsorden", "Participants' agenda"),
    "audit.changed.staff_roles": ("Roller på turen", "Roles on the trip"),
    "audit.changed.reason": ("Begrundelse", "Reason"),
    "audit.changed.status": ("Status", "Status"),
    "audit.changed.undone": ("Fortrudt", "Undone"),
    "audit.changed.walk_in": ("Kom uden tilmelding", "Walk-in"),
    "audit.changed.anonymised_at": ("Anonymiseret", "Anonymised"),
    "audit.changed.due_date": ("Frist", "Due date"),
    "audit.changed.done_at": ("Udført", "Done"),
    "audit.changed.kind": ("Slags", "Kind"),
    "audit.changed.next_step": ("Næste skridt", "Next step"),
    "audit.changed.note": ("Note", "Note"),
    "audit.changed.caseworker_view": ("Sagsbehandlerens syn", "Caseworker's view"),
    "audit.changed.citizen_view": ("Borgerens syn", "Citizen's view"),
    "audit.changed.company_view": ("Virksomhedens syn", "Company's view"),
    "audit.changed.consultant_view": ("Konsulentens syn", "Consultant's view"),
    "audit.changed.lessons": ("Læring", "Lessons"),
    "audit.changed.written_on": ("Skrevet den", "Written on"),
    "audit.changed.written_by": ("Skrevet af", "Written by"),
    "audit.changed.format_codes": ("Turformater", "Trip formats"),
    "audit.changed.jobcentre_phone": ("Jobcentrets telefon", "Job centre's phone"),
    "audit.changed.aim": ("Mål", "Aim"),
    "audit.changed.end_date": ("Slutdato", "End date"),
    "audit.changed.end_reason": ("Grund til afslutning", "Reason for ending"),
    "audit.changed.ended_early": ("Afsluttet før tid", "Ended early"),
    "audit.changed.hours_per_week": ("Timer pr. uge", "Hours per week"),
    "audit.changed.review_date": ("Opfølgningsdato", "Review date"),
    "audit.changed.start_date": ("Startdato", "Start date"),
    "audit.changed.attendance": ("Fremmøde", "Attendance"),
    "audit.changed.checked_in_at": ("Tjekket ind", "Checked in"),
    "audit.changed.half": ("Halvår", "Half-year"),
    "audit.changed.measure": ("Måltal for", "Measure"),
    "audit.changed.value": ("Værdi", "Value"),
    "audit.changed.year": ("År", "Year"),
    "audit.changed.bus_operator": ("Busselskab", "Bus operator"),
    "audit.changed.bus_seats": ("Pladser i bussen", "Bus seats"),
    "audit.changed.catering_count": ("Forplejning til", "Catering for"),
    "audit.changed.programme": ("Program", "Programme"),
    "audit.changed.trip_date": ("Dato", "Date"),
    "audit.changed.builtin": ("Indbygget", "Built in"),
    "audit.changed.code": ("Kode", "Code"),
    "audit.changed.end_time": ("Slut", "End"),
    "audit.changed.follow_up_days": ("Dage til opfølgning", "Days to follow-up"),
    "audit.changed.max_participants": ("Maks. deltagere", "Max. participants"),
    "audit.changed.min_participants": ("Min. deltagere", "Min. participants"),
    "audit.changed.min_staff": ("Min. medarbejdere", "Min. staff"),
    "audit.changed.requires_experienced_host": (
        "Vært med praktikerfaring",
        "Host with placement experience",
    ),
    "audit.changed.single_cohort": ("Deltagere fra ét forløb", "Participants from one cohort"),
    "audit.changed.start_time": ("Start", "Start"),
    "audit.changed.trips_per_citizen": ("Ture pr. borger", "Trips per citizen"),
    "audit.changed.visits": ("Antal besøg", "Number of visits"),
    "audit.changed.is_lead": ("Tovholder", "Lead"),
    "audit.changed.confirmed": ("Bekræftet af værten", "Confirmed by the host"),
    "audit.changed.host_contact": ("Kontakt hos værten", "Host contact"),
    "audit.changed.position": ("Nr.", "No."),
    "audit.changed.showing": ("Det vises", "What is shown"),
    "audit.changed.acknowledged_by": ("Accepteret af", "Accepted by"),
    "audit.changed.subject": ("Emne", "Subject"),
    "audit.changed.citizen": ("Borger", "Citizen"),
    "audit.changed.company": ("Virksomhed", "Company"),
    "audit.changed.staff": ("Medarbejder", "Staff member"),
    "audit.changed.trip": ("Tur", "Trip"),
    "audit.changed.outcome": ("Resultat", "Outcome"),
}
