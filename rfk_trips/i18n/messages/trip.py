"""Planning a trip: the answers and refusals of the trip commands, the trip's fields."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the trip commands: answers and refusals ---
    "trip.created": ("Tur oprettet med id {id}.", "Trip created with id {id}."),
    "trip.unknown_format": (
        "Turformatet »{code}« findes ikke. Vælg et af: {choices}.",
        "The trip format “{code}” does not exist. Choose one of: {choices}.",
    ),
    "trip.unknown_municipality": (
        "Kommunen »{name}« findes ikke. Vælg en af: {choices}.",
        "The municipality “{name}” does not exist. Choose one of: {choices}.",
    ),
    "trip.not_editable": (
        "Turen er {status} og kan ikke ændres længere.",
        "The trip is {status} and can no longer be changed.",
    ),
    "trip.already_on_trip": (
        "{name} er allerede med på turen.",
        "{name} is already on the trip.",
    ),
    "trip.staff_already": (
        "{name} er allerede med på turen som medarbejder.",
        "{name} is already on the trip as staff.",
    ),
    "trip.not_on_trip": (
        "{name} er ikke med på turen.",
        "{name} is not on the trip.",
    ),
    "trip.visit_times": (
        "Besøget skal slutte efter det begynder ({start}–{end}).",
        "The visit must end after it starts ({start}–{end}).",
    ),
    "trip.company_archived": (
        "{name} er arkiveret og kan ikke vælges som vært. Genåbn virksomheden først.",
        "{name} is archived and cannot host. Reopen the company first.",
    ),
    "trip.lead_only_one": (
        "Kun én medarbejder kan være tovholder; vælg én med --lead.",
        "Only one staff member can be the lead; pick one with --lead.",
    ),
    "trip.confirm_blocked": (
        "Turen kan ikke bekræftes, før fejlene herunder er rettet:",
        "The trip cannot be confirmed until the errors below are fixed:",
    ),
    "trip.confirmed": ("Turen er bekræftet.", "The trip is confirmed."),
    "trip.cancelled": ("Turen er aflyst.", "The trip is cancelled."),
    "trip.cancel_completed": (
        "En gennemført tur kan ikke aflyses.",
        "A completed trip cannot be cancelled.",
    ),
    "trip.no_findings": (
        "Ingen fund: turen følger reglerne.",
        "No findings: the trip follows the rules.",
    ),
    "trip.added_participants": (
        "{count} borger(e) tilføjet.",
        "{count} citizen(s) added.",
    ),
    "trip.added_staff": ("{count} medarbejder(e) tilføjet.", "{count} staff member(s) added."),
    "trip.removed_participant": (
        "{name} er fjernet fra turen.",
        "{name} was removed from the trip.",
    ),
    "trip.visit_added": ("Besøg tilføjet med id {id}.", "Visit added with id {id}."),
    "trip.none": ("Ingen ture fundet.", "No trips found."),
    "trip.past_date_note": (
        "Bemærk: datoen ligger i fortiden; turen registreres bagudrettet.",
        "Note: the date is in the past; the trip is registered after the fact.",
    ),
    # --- the trip's fields ---
    "trip.field.title": ("Titel", "Title"),
    "trip.field.date": ("Dato", "Date"),
    "trip.field.format": ("Turformat", "Trip format"),
    "trip.field.municipality": ("Kommune", "Municipality"),
    "trip.field.meeting_place": ("Mødested", "Meeting place"),
    "trip.field.meeting_time": ("Mødetid", "Meeting time"),
    "trip.field.return_time": ("Hjemkomst", "Return"),
    "trip.field.bus": ("Busselskab", "Bus company"),
    "trip.field.bus_reference": ("Bestillingsnr.", "Booking ref."),
    "trip.field.seats": ("Pladser i bussen", "Bus seats"),
    "trip.field.catering": ("Forplejning (antal)", "Catering (count)"),
    "trip.field.catering_notes": ("Forplejning, noter", "Catering notes"),
    "trip.field.notes": ("Noter", "Notes"),
    "trip.return_before_meeting": (
        "Hjemkomsten skal ligge efter mødetiden.",
        "The return must be after the meeting time.",
    ),
    "trip.programme_line": (
        "Programpunkt {number}: {message}",
        "Programme item {number}: {message}",
    ),
    "trip.cannot_acknowledge_error": (
        "En fejl kan ikke accepteres; den skal rettes, før turen kan bekræftes.",
        "An error cannot be accepted; it must be fixed before the trip can be confirmed.",
    ),
    "trip.acknowledge_reason_required": (
        "Skriv en kort begrundelse for at acceptere advarslen.",
        "Write a short reason for accepting the warning.",
    ),
    "trip.date_placeholder": ("fx {long} eller {short}", "e.g. {long} or {short}"),
    "trip.not_referred": (
        "{name} kan ikke komme med: borgeren er ikke visiteret til tilbuddet. Skriv "
        "visitationsdatoen på borgeren under Borgere (F3), og tilføj så borgeren igen.",
        "{name} cannot come along: the citizen has no referral to the activity. Enter the "
        "referral date on the citizen under Citizens (F3), then add them again.",
    ),
    "trip.agreed_in_future": (
        "Aftalen kan ikke være indgået efter i dag: skriv den dag, værten sagde ja.",
        "The agreement cannot have been made after today: enter the day the host said yes.",
    ),
}
