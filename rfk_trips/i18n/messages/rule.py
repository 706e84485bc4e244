"""The findings of the trip rules: what is wrong, and what to do."""

MESSAGES: dict[str, tuple[str, str]] = {
    "rule.group_below_minimum": (
        "Gruppen har {count} deltagere; en bustur skal have mindst {minimum}.",
        "The group has {count} participants; a bus trip needs at least {minimum}.",
    ),
    "rule.group_above_maximum": (
        "Gruppen har {count} deltagere; en bustur kan højst have {maximum}.",
        "The group has {count} participants; a bus trip can have at most {maximum}.",
    ),
    "rule.group_below_format": (
        "Gruppen har {count} deltagere; formatet »{format}« plejer at have mindst {minimum}.",
        "The group has {count} participants; the format “{format}” usually has at least {minimum}.",
    ),
    "rule.group_above_format": (
        "Gruppen har {count} deltagere; formatet »{format}« plejer at have højst {maximum}.",
        "The group has {count} participants; the format “{format}” usually has at most {maximum}.",
    ),
    "rule.no_visits": (
        "Turen har endnu intet virksomhedsbesøg. Tilføj mindst ét.",
        "The trip has no company visit yet. Add at least one.",
    ),
    "rule.visit_count": (
        "Turen har {count} besøg; formatet »{format}« skal have præcis {wanted}.",
        "The trip has {count} visits; the format “{format}” needs exactly {wanted}.",
    ),
    "rule.host_archived": (
        "{name} er arkiveret og kan ikke være vært. Vælg en anden virksomhed.",
        "{name} is archived and cannot host. Choose another company.",
    ),
    "rule.host_not_qualified": (
        "{name} opfylder ingen af kriterierne for at være vært (erfaring fra kanten, "
        "socialt ansvar, eller mangel på arbejdskraft med opgaver klar).",
        "{name} meets none of the criteria for hosting (experience with the edge, social "
        "responsibility, or a labour shortage with tasks ready).",
    ),
    "rule.no_experienced_host": (
        "Mindst én af virksomhederne skal have (haft) en borger i praktik eller lønnede "
        "timer (formatet »{format}«).",
        "At least one of the companies must have (had) a citizen in placement or paid "
        "hours (the format “{format}”).",
    ),
    "rule.visit_ends_before_start": (
        "Besøget hos {name} slutter ({end}) før det begynder ({start}).",
        "The visit to {name} ends ({end}) before it starts ({start}).",
    ),
    "rule.programme_meeting_time": (
        "Programmet siger kl. {at} for »{text}«, men mødetiden er {meeting}. Ret tiden i "
        "programmet eller mødetiden.",
        "The programme says {at} for “{text}”, but the meeting time is {meeting}. Correct "
        "the programme or the meeting time.",
    ),
    "rule.programme_before_meeting": (
        "Programpunktet »{text}« kl. {at} ligger før mødetiden {meeting}. Ret tiden i programmet.",
        "The programme item “{text}” at {at} comes before the meeting time {meeting}. "
        "Correct its time in the programme.",
    ),
    "rule.programme_after_return": (
        "Programpunktet »{text}« kl. {at} ligger efter hjemkomsten {back}. Ret tiden i "
        "programmet eller hjemkomsten.",
        "The programme item “{text}” at {at} comes after the return time {back}. Correct "
        "the programme or the return time.",
    ),
    "rule.visit_outside_day": (
        "Besøget hos {name} ({start}–{end}) ligger uden for turens dag ({day_start}–{day_end}).",
        "The visit to {name} ({start}–{end}) falls outside the trip's day ({day_start}–{day_end}).",
    ),
    "rule.visits_overlap": (
        "Besøgene hos {first} og {second} overlapper i tid.",
        "The visits to {first} and {second} overlap in time.",
    ),
    "rule.citizen_double_booked": (
        "{name} er samme dag også med på turen »{other}«.",
        "{name} is also on the trip “{other}” the same day.",
    ),
    "rule.staff_double_booked": (
        "{name} er samme dag også med på turen »{other}«.",
        "{name} is also on the trip “{other}” the same day.",
    ),
    "rule.company_double_booked": (
        "{name} får samme dag også besøg af turen »{other}«.",
        "{name} is also visited by the trip “{other}” the same day.",
    ),
    "rule.too_few_staff": (
        "Turen har {count} medarbejdere med; formatet »{format}« kræver mindst {minimum}.",
        "The trip has {count} staff; the format “{format}” needs at least {minimum}.",
    ),
    "rule.no_lead": (
        "Turen har ingen tovholder. Markér én af medarbejderne som tovholder.",
        "The trip has no lead. Mark one of the staff as lead.",
    ),
    "rule.cohort_missing": (
        "{name} er ikke knyttet til et forløb; formatet samler deltagere fra ét forløb.",
        "{name} belongs to no cohort; the format groups participants from one cohort.",
    ),
    "rule.cohort_mixed": (
        "{name} er fra forløbet »{cohort}«, mens gruppen er fra »{main}«.",
        "{name} is from the cohort “{cohort}” while the group is from “{main}”.",
    ),
    "rule.trip_quota_exceeded": (
        "Det bliver {name}s tur nr. {number}; formatet giver {quota} ture pr. borger.",
        "This would be trip no. {number} for {name}; the format gives {quota} trips per citizen.",
    ),
    "rule.same_company_again": (
        "{name} har allerede besøgt {company} på en anden tur.",
        "{name} has already visited {company} on another trip.",
    ),
    "rule.date_weekend": (
        "Datoen er en lørdag eller søndag.",
        "The date is a Saturday or Sunday.",
    ),
    "rule.date_holiday": (
        "Datoen er en helligdag: {holiday}.",
        "The date is a public holiday: {holiday}.",
    ),
    "rule.date_past": (
        "Datoen ligger i fortiden; turen registreres bagudrettet.",
        "The date is in the past; the trip is registered after the fact.",
    ),
    "rule.bus_too_small": (
        "Der er {people} personer med, men bussen har kun {seats} pladser.",
        "There are {people} people, but the bus has only {seats} seats.",
    ),
    "rule.host_capacity": (
        "{name} kan tage imod {limit} besøgende, men der kommer {people}.",
        "{name} can receive {limit} visitors, but {people} are coming.",
    ),
    "rule.visit_unconfirmed": (
        "Besøget hos {name} er ikke bekræftet af virksomheden endnu.",
        "The visit to {name} is not yet confirmed by the company.",
    ),
    "rule.no_attendance_duty": (
        "{name} har ikke mødepligt; busturen er et tilbud med mødepligt.",
        "{name} has no attendance duty; the bus trip is an activity with attendance duty.",
    ),
    "rule.staff_role_short": (
        "Formatet {format} vil have {wanted} {role} med, men turen har {count}.",
        "The format {format} wants {wanted} {role} on the trip, but it has {count}.",
    ),
    "rule.bus_not_booked": (
        "Der er {days} dag(e) til turen, og ingen bus er bestilt: skriv busselskab eller "
        "bookingnummer under Detaljer.",
        "The trip is {days} day(s) away and no bus is booked: enter the bus operator or "
        "booking reference under Details.",
    ),
    "rule.catering_count": (
        "Forplejningen er bestilt til {count}, men der er {people} med (deltagere og "
        "medarbejdere).",
        "Catering is ordered for {count}, but {people} are coming (participants and staff).",
    ),
    "rule.agreement_undated": (
        "Aftalen med {name} er bekræftet, men uden dato for hvornår den blev indgået: skriv "
        "datoen under Besøg (Enter på besøget, »Aftalt den«).",
        "The agreement with {name} is confirmed but has no date it was made: enter it under "
        "Visits (Enter on the visit, 'Agreed on').",
    ),
    "rule.host_often": (
        "{name} har haft {count} ture de seneste 12 måneder (grænse {limit}): overvej en "
        "anden virksomhed, så flere kommer med.",
        "{name} has had {count} trips in the last 12 months (limit {limit}): consider another "
        "company, to widen the circle.",
    ),
    "rule.demanding_item": (
        "»{text}« er fysisk krævende, og {names} har en fysisk begrænsning: find et "
        "alternativ for dem.",
        "'{text}' is physically demanding, and {names} have a physical limitation: find an "
        "alternative for them.",
    ),
    "rule.no_referral": (
        "{name} er ikke visiteret (ingen visitationsdato) og kan ikke være deltager.",
        "{name} has no referral (no referral date) and cannot be a participant.",
    ),
}
