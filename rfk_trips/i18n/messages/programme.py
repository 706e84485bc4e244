"""The trip's programme: its printed versions, moving its times, its items in the editor."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- moving the programme with the meeting time ---
    "programme.shift_no_times": (
        "Programmet har ingen klokkeslæt at flytte. Skriv tiderne ved programpunkterne.",
        "The programme has no times to move. Write the times at the programme items.",
    ),
    "programme.shift_past_midnight": (
        "Programpunktet »{text}« kl. {at} ville komme over midnat. Ret programmet i hånden.",
        "The programme item “{text}” at {at} would pass midnight. Correct the programme by hand.",
    ),
    "programme.shift_no_meeting": (
        "Turen har ingen mødetid endnu. Skriv den under Oplysninger, og flyt så programmet.",
        "The trip has no meeting time yet. Enter it under Details, then move the programme.",
    ),
    "programme.shift_not_needed": (
        "Programmet passer allerede med mødetiden {meeting}.",
        "The programme already matches the meeting time {meeting}.",
    ),
    "programme.shifted": (
        "Programmet er flyttet {minutes} min. {direction}: fremmøde kl. {meeting}.",
        "The programme moved {minutes} min. {direction}: meeting at {meeting}.",
    ),
    "programme.later": ("senere", "later"),
    "programme.earlier": ("tidligere", "earlier"),
    # --- a programme item in the trip editor ---
    "programme.item_title": ("Programpunkt", "Programme item"),
    "programme.time": ("Tidspunkt", "Time"),
    "programme.text": ("Tekst", "Text"),
    "programme.kind": ("Slags", "Kind"),
    # --- refusals and confirmation ------------------------------------------------------
    "programme.unknown_suffix": (
        "Filen {name} kan ikke gemmes: et program kan gemmes som .pdf, .txt eller .md. "
        "Giv filen en af de endelser.",
        "The file {name} cannot be saved: a programme can be saved as .pdf, .txt or .md. "
        "Give the file one of those endings.",
    ),
    "programme.unknown_audience": (
        "Der findes ingen programudgave til »{audience}«. Vælg participant (deltagere), "
        "staff (medarbejdere), company (virksomheden) eller bus.",
        "There is no programme version for '{audience}'. Choose participant, staff, "
        "company or bus.",
    ),
    "programme.no_visits": (
        "Turen har endnu intet virksomhedsbesøg, så der er intet program til en virksomhed. "
        "Tilføj et besøg først.",
        "The trip has no company visit yet, so there is no programme for a company. "
        "Add a visit first.",
    ),
    "programme.write_failed": (
        "Filen {path} kunne ikke gemmes ({reason}). Tjek, at mappen findes, og at du må "
        "skrive i den; intet er registreret som udskrevet.",
        "The file {path} could not be saved ({reason}). Check that the folder exists and "
        "that you may write to it; nothing was recorded as printed.",
    ),
    "programme.changed_meanwhile": (
        "Turen blev ændret, mens programmet blev lavet. Prøv igen.",
        "The trip was changed while the programme was being made. Try again.",
    ),
    "programme.written": (
        "{document} (tur {id}) er gemt i {path}.",
        "{document} (trip {id}) saved to {path}.",
    ),
    # --- the four versions --------------------------------------------------------------
    "programme.audience.participant": ("Program for deltagere", "Programme for participants"),
    "programme.audience.staff": ("Køreark for medarbejdere", "Run sheet for staff"),
    "programme.audience.company": ("Program til værtsvirksomheden", "Programme for the host"),
    "programme.audience.bus": ("Køreplan til busselskabet", "Route sheet for the bus company"),
    # --- shared facts -------------------------------------------------------------------
    "programme.meeting_place": ("Mødested", "Meeting place"),
    "programme.meeting_time": ("Mødetid", "Meeting time"),
    "programme.return_time": ("Forventet hjemkomst", "Expected return"),
    "programme.at": ("kl. {time}", "{time}"),
    "programme.about": ("ca. kl. {time}", "about {time}"),
    "programme.cancelled": (
        "AFLYST – turen bliver ikke til noget.",
        "CANCELLED – the trip will not take place.",
    ),
    "programme.footer": (
        "{title} · {date} · udskrevet {printed}",
        "{title} · {date} · printed {printed}",
    ),
    "programme.page": ("Side {page} af {pages}", "Page {page} of {pages}"),
    "programme.and": ("og", "and"),
    # --- the day's programme ------------------------------------------------------------
    "programme.section.programme": ("Dagens program", "The day's programme"),
    "programme.col.time": ("Tid", "Time"),
    "programme.col.what": ("Hvad", "What"),
    "programme.col.where": ("Hvor", "Where"),
    "programme.visit_item": ("Besøg hos {company}", "Visit to {company}"),
    "programme.we_see": ("Vi ser: {showing}", "We see: {showing}"),
    # --- participants' version ----------------------------------------------------------
    "programme.section.bring": ("Det skal du have med", "What to bring"),
    "programme.bring.lunch": (
        "Madpakke og vand – der er ikke forplejning på turen",
        "A packed lunch and water – no food is provided on the trip",
    ),
    "programme.bring.water": (
        "En flaske vand – frokosten sørger vi for",
        "A bottle of water – lunch is provided",
    ),
    "programme.bring.clothes": (
        "Tøj og sko til vejret og til at gå i",
        "Clothes and shoes for the weather and for walking",
    ),
    "programme.bring.medicine": (
        "Evt. medicin, du skal tage i løbet af dagen",
        "Any medicine you need to take during the day",
    ),
    "programme.section.with_you": ("Med fra jobcentret", "With you from the job centre"),
    "programme.call_jobcentre": (
        "Har du spørgsmål, eller bliver du forhindret? Ring til jobcentret på {phone}, og "
        "spørg efter {name}.",
        "Questions, or can't come? Call the job centre on {phone} and ask for {name}.",
    ),
    "programme.call_jobcentre_only": (
        "Har du spørgsmål, eller bliver du forhindret? Ring til jobcentret på {phone}.",
        "Questions, or can't come? Call the job centre on {phone}.",
    ),
    "programme.staff_coming": ("{names} tager med på turen.", "{names} are coming along."),
    "programme.call": (
        "Har du spørgsmål, eller bliver du forhindret? Ring til jobcentret på {phone} ({name}).",
        "Questions, or cannot come? Call the job centre on {phone} ({name}).",
    ),
    "programme.call_no_phone": (
        "Har du spørgsmål, eller bliver du forhindret? Kontakt {name} i jobcentret.",
        "Questions, or cannot come? Contact {name} at the job centre.",
    ),
    # --- staff run sheet ----------------------------------------------------------------
    "programme.confidential": (
        "Fortroligt – kun til medarbejdere på turen. Opbevar arket forsvarligt, og makulér "
        "det efter turen.",
        "Confidential – for staff on the trip only. Keep the sheet safe and shred it after "
        "the trip.",
    ),
    "programme.confidential_short": ("Fortroligt", "Confidential"),
    "programme.trip": ("Tur", "Trip"),
    "programme.trip_version": ("nr. {id}, version {version}", "no. {id}, version {version}"),
    "programme.status": ("Status", "Status"),
    "programme.format": ("Turformat", "Trip format"),
    "programme.jobcentre_phone": ("Jobcentrets telefon", "Job centre phone"),
    "programme.bring_staff": ("Deltagerne har med", "Participants bring"),
    "programme.section.participants": ("Deltagere ({count})", "Participants ({count})"),
    "programme.section.reserves": ("Reserver ({count})", "Reserves ({count})"),
    "programme.none": ("Ingen.", "None."),
    "programme.col.name": ("Navn", "Name"),
    "programme.col.phone": ("Telefon", "Phone"),
    "programme.col.role": ("Rolle", "Role"),
    "programme.col.company": ("Virksomhed", "Company"),
    "programme.col.contact": ("Kontaktperson", "Contact"),
    "programme.col.confirmed": ("Aftale", "Agreement"),
    "programme.leg.departure": ("Afgang", "Departure"),
    "programme.leg.visit": ("Besøg {number}", "Visit {number}"),
    "programme.leg.return": ("Hjemkomst", "Return"),
    "programme.attention_legend": (
        "⚑ = har brug for ekstra opmærksomhed på dagen. Hvad det drejer sig om, står ikke "
        "her; spørg tovholderen.",
        "⚑ = needs extra attention on the day. What it is about is not written here; ask the lead.",
    ),
    "programme.section.staff": ("Medarbejdere", "Staff"),
    "programme.lead": ("tovholder", "lead"),
    "programme.section.hosts": ("Værter og kontaktpersoner", "Hosts and contacts"),
    "programme.confirmed": ("bekræftet", "confirmed"),
    "programme.not_confirmed": ("ikke bekræftet", "not confirmed"),
    "programme.section.logistics": ("Bus og forplejning", "Bus and catering"),
    "programme.bus_operator": ("Busselskab", "Bus company"),
    "programme.bus_reference": ("Bookingnr.", "Booking no."),
    "programme.bus_seats": ("Pladser bestilt", "Seats booked"),
    "programme.head_count": ("Antal personer", "Head count"),
    "programme.head_count_value": (
        "{total} ({participants} deltagere og {staff} medarbejdere)",
        "{total} ({participants} participants and {staff} staff)",
    ),
    "programme.catering": ("Forplejning", "Catering"),
    "programme.catering_value": ("{count} personer", "{count} people"),
    "programme.catering_none": ("ingen bestilt", "none ordered"),
    "programme.catering_notes": ("Kost", "Diet"),
    "programme.section.prepare": ("Forberedelse med gruppen", "Preparing the group"),
    "programme.prepare.tasks": (
        "Gennemgå dagens program og opgaverne hos virksomhederne",
        "Go through the day's programme and the tasks at the companies",
    ),
    "programme.prepare.rules": (
        "Tal om skrevne og uskrevne regler på en arbejdsplads",
        "Talk about written and unwritten rules at a workplace",
    ),
    "programme.prepare.worries": (
        "Spørg til bekymringer før afgang",
        "Ask about worries before leaving",
    ),
    "programme.section.notes": ("Noter", "Notes"),
    # --- host company -------------------------------------------------------------------
    "programme.company.title": ("Besøg fra {jobcentre}", "Visit from {jobcentre}"),
    "programme.jobcentre": ("Jobcenter {municipality}", "Jobcenter {municipality}"),
    "programme.jobcentre_plain": ("jobcentret", "the job centre"),
    "programme.company.for": ("Til {company}", "For {company}"),
    "programme.arrival": ("Vi kommer", "We arrive"),
    "programme.departure": ("Vi kører igen", "We leave"),
    "programme.group": ("Gruppen", "The group"),
    "programme.group_value": (
        "{participants} borgere og {staff} medarbejdere ({total} personer)",
        "{participants} citizens and {staff} staff ({total} people)",
    ),
    "programme.your_contact": ("Jeres kontaktperson", "Your contact"),
    "programme.company.intro": (
        "Tak, fordi I tager imod os. Borgerne i gruppen er på vej mod arbejdsmarkedet. De "
        "kommer for at se en almindelig arbejdsdag og stille spørgsmål; der er intet krav "
        "om, at nogen skal finde praktik eller job på dagen.",
        "Thank you for receiving us. The citizens in the group are on their way towards the "
        "labour market. They come to see an ordinary working day and ask questions; nobody "
        "is expected to find a placement or a job on the day.",
    ),
    "programme.section.showing": ("Det vil gruppen gerne se", "What the group would like to see"),
    "programme.showing_none": (
        "Det aftaler vi med jer inden besøget.",
        "We will agree on this with you before the visit.",
    ),
    "programme.section.on_the_day": ("Kontakt på dagen", "Contact on the day"),
    "programme.visitkort": ("Udvidet visitkort – {jobcentre}", "Contact card – {jobcentre}"),
    "programme.visitkort_text": (
        "Ring gerne – også efter besøget, hvis I vil tale om praktik, løntimer eller et "
        "småjob til en af borgerne.",
        "Do call – also after the visit, if you would like to talk about a placement, paid "
        "hours or a small job for one of the citizens.",
    ),
    # --- bus ----------------------------------------------------------------------------
    "programme.section.route": ("Kørsel", "Route"),
    "programme.col.stop": ("Stop", "Stop"),
    "programme.stop.pickup": ("Opsamling", "Pick-up"),
    "programme.stop.visit": (
        "{company} – sæt af og hent igen",
        "{company} – drop off and pick up again",
    ),
    "programme.stop.return": ("Hjemkomst", "Return"),
    "programme.stop.by_arrangement": ("aftales med tovholderen", "agreed with the lead"),
    "programme.bus_contact": ("Kontakt på dagen", "Contact on the day"),
    "programme.contact_value": ("{name}, tlf. {phone}", "{name}, phone {phone}"),
    "programme.open_agenda_required": (
        "Deltagernes dagsorden hører til formatet og kan ikke slettes fra turen.",
        "The participants' agenda belongs to the format and cannot be deleted from the trip.",
    ),
    "programme.open_agenda_not_before": (
        "Deltagernes dagsorden udfyldes af deltagerne på dagen (ved check-in), ikke på "
        "forhånd: lad punktet hedde »{name}«.",
        "The participants fill in their agenda on the day (at check-in), not beforehand: "
        "keep the item named '{name}'.",
    ),
    "programme.prepare.why": (
        "Tal om, hvorfor det er vigtigt at prøve arbejde af",
        "Talk about why trying work matters",
    ),
    "programme.section.transport": ("Transport", "Transport"),
    "programme.transport_none": (
        "Ingen transporttilskud eller afhentninger på denne tur.",
        "No transport allowances or pick-ups on this trip.",
    ),
    "programme.transport_allowances": ("Transporttilskud", "Transport allowances"),
    "programme.transport_allowances_value": (
        "{count} deltager(e), i alt {total} kr.",
        "{count} participant(s), DKK {total} in all",
    ),
    "programme.transport_pickups": ("Afhentes undervejs", "Picked up on the way"),
    "programme.transport_longest": ("Længste rejsetid til mødestedet", "Longest travel time"),
    "programme.minutes": ("{minutes} min.", "{minutes} min."),
    "programme.kroner": ("{amount} kr.", "DKK {amount}"),
    "programme.col.allowance": ("Tilskud", "Allowance"),
    "programme.col.paid": ("Udbetalt", "Paid"),
    "programme.col.markers": ("Opmærksomhed", "Attention"),
    "programme.col.prepared": ("Forberedt", "Prepared"),
    "programme.mark.unsure": ("usikker på besøget", "unsure about the visit"),
    "programme.mark.physical": ("fysisk begrænsning", "physical limitation"),
    "programme.stop.collect": ("Afhentning ({count} pers.)", "Pick-up ({count} people)"),
    "programme.caseworker_role": (
        "Sagsbehandler for en deltager",
        "Caseworker of a participant",
    ),
}
