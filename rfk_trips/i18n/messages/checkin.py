"""Sentences of the check-in screen (`Indtjekning`). Key -> (Danish, English)."""

MESSAGES_CHECKIN: dict[str, tuple[str, str]] = {
    "checkin.screen_title": ("Indtjekning", "Check-in"),
    "checkin.not_held_yet": (
        "Turen er ikke kørt endnu; der tjekkes ind på dagen eller bagefter.",
        "The trip has not taken place yet; check-in is on the day or afterwards.",
    ),
    "checkin.not_held_yet_complete": (
        "Turen er ikke kørt endnu, så den kan ikke afsluttes. Afslut den på dagen eller bagefter.",
        "The trip has not taken place yet, so it cannot be completed. Complete it on the day "
        "or afterwards.",
    ),
    "checkin.cancelled_trip_complete": (
        "Turen er aflyst og kan ikke afsluttes som gennemført.",
        "The trip is cancelled and cannot be completed.",
    ),
    "checkin.no_participants_complete": (
        "Turen har ingen deltagere, så der er intet at afslutte. Tilføj deltagerne først.",
        "The trip has no participants, so there is nothing to complete. Add them first.",
    ),
    "checkin.reserve_first_cli": (
        "{name} er reserve. Tag vedkommende ind som deltager med --walk-in (mødt ved afgang), "
        "fx sammen med --status late.",
        "{name} is a reserve. Take them in as a participant with --walk-in (present at "
        "departure), e.g. together with --status late.",
    ),
    "checkin.citizen_needed": (
        "Skriv borgerens id efter turens id, fx: rfk-trips checkin 12 345 --status present.",
        "Give the citizen's id after the trip's id, e.g.: rfk-trips checkin 12 345 --status "
        "present.",
    ),
    "checkin.walk_in_undone": (
        "Fortrudt: {name} er reserve igen.",
        "Undone: {name} is a reserve again.",
    ),
    "checkin.heading": ("Indtjekning · {title} · {date}", "Check-in · {title} · {date}"),
    "checkin.status_line": ("Status: {status}", "Status: {status}"),
    "checkin.count": ("{name}: {there}/{expected}", "{name}: {there}/{expected}"),
    "checkin.current_leg": (
        "Du registrerer: {leg}",
        "You are recording: {leg}",
    ),
    "checkin.switch_legs": ("(← → skifter del af dagen)", "(← → changes the part of the day)"),
    "checkin.search_placeholder": (
        "Tryk / og skriv et navn for at finde en person",
        "Press / and type a name to find a person",
    ),
    "checkin.no_match": (
        "Ingen på turen hedder »{query}«.",
        "Nobody on the trip is called “{query}”.",
    ),
    "checkin.col.name": ("Navn", "Name"),
    "checkin.col.role": ("Rolle", "Role"),
    "checkin.col.changed": ("Senest", "Last change"),
    "checkin.col.reason": ("Begrundelse", "Reason"),
    "checkin.reserve_cell": ("reserve", "reserve"),
    "checkin.saved_line": (
        "Gemt kl. {time}: {name} – {status} ({leg}).",
        "Saved at {time}: {name} – {status} ({leg}).",
    ),
    "checkin.walked_in": (
        "Gemt kl. {time}: {name} er taget ind som deltager og mødt.",
        "Saved at {time}: {name} is taken in as a participant and present.",
    ),
    "checkin.all_registered": (
        "Alle deltagere er registreret. Tryk F9 for at afslutte turen.",
        "Every participant is registered. Press F9 to complete the trip.",
    ),
    "checkin.pending_left": ("{count} afventer stadig.", "{count} still pending."),
    "checkin.is_completed": (
        "Turen er gennemført. Rettelser gemmes stadig.",
        "The trip is completed. Corrections are still saved.",
    ),
    "checkin.no_participants": (
        "Der er ingen deltagere på turen endnu. Tilføj dem under Gruppe i turredigeringen.",
        "The trip has no participants yet. Add them under Group in the trip editor.",
    ),
    "checkin.complete_anyway": (
        "{count} deltager(e) afventer stadig: {names}. Afslut turen alligevel?",
        "{count} participant(s) are still pending: {names}. Complete the trip anyway?",
    ),
    "checkin.excuse_title": ("Afbud fra {name}", "{name} sent word"),
    "checkin.excuse_reason": (
        "Begrundelse (kan udelades; skriv ikke helbredsoplysninger)",
        "Reason (optional; do not write health details)",
    ),
    "checkin.no_trip_today": (
        "Der er ingen tur i dag. Åbn en tur under Ture (F5), og tryk Ctrl+T for at tjekke ind.",
        "There is no trip today. Open a trip under Trips (F5) and press Ctrl+T to check in.",
    ),
    # bindings (the footer)
    "checkin.key.present": ("Mødt", "Present"),
    "checkin.key.late": ("For sent", "Late"),
    "checkin.key.left_early": ("Gik tidligt", "Left early"),
    "checkin.key.excused": ("Afbud", "Excused"),
    "checkin.key.no_show": ("Udeblevet", "No-show"),
    "checkin.key.walk_in": ("Tag reserve ind", "Take reserve in"),
    "checkin.key.undo": ("Fortryd", "Undo"),
    "checkin.key.search": ("Søg", "Search"),
    "checkin.key.complete": ("Afslut tur", "Complete trip"),
    "checkin.key.previous_leg": ("Forrige del", "Previous part"),
    "checkin.key.next_leg": ("Næste del", "Next part"),
    "checkin.key.open": ("Indtjekning", "Check-in"),
    "help.checkin": (
        "Indtjekning på dagen. Listen viser alle deltagere og reserver med deres status for "
        "hver del af dagen. Flyt markøren med ↑ ↓, eller tryk / og skriv et par bogstaver af "
        "navnet. Én tast sætter status for den del af dagen, der står øverst (← → skifter): "
        "m mødt, s kom for sent, g gik tidligt, a afbud (med en begrundelse, der kan udelades), "
        "x udeblevet. i tager en reserve ind som deltager. u fortryder den seneste ændring. "
        "Hver tast gemmes med det samme, med tidspunkt; det, der står i listen, er gemt. "
        "F9 afslutter turen (gennemført), når alle er registreret.",
        "Check-in on the day. The list shows every participant and reserve with their status "
        "for each part of the day. Move with ↑ ↓, or press / and type a few letters of the "
        "name. One key sets the status for the part of the day shown at the top (← → "
        "changes it): m present, s late, g left early, a excused (with an optional reason), "
        "x no-show. i takes a reserve in as a participant. u undoes the latest change. Each "
        "key is saved at once, with its time; what the list shows is saved. F9 completes the "
        "trip when everyone is registered.",
    ),
}
