"""Check-in on the trip day (`rfk-trips checkin`, the Indtjekning screen)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "checkin.leg.departure": ("Afgang", "Departure"),
    "checkin.leg.visit": ("Besøg {number}", "Visit {number}"),
    "checkin.leg.return": ("Hjemkomst", "Return"),
    "checkin.cancelled_trip": (
        "Turen er aflyst; der kan ikke tjekkes ind.",
        "The trip is cancelled; there is no check-in.",
    ),
    "checkin.no_such_leg": (
        "Turen har ingen del nr. {leg}; brug 0–{last} (0 er afgang).",
        "The trip has no leg {leg}; use 0–{last} (0 is departure).",
    ),
    "checkin.reserve_first": (
        "Borgeren er reserve. Tag vedkommende ind som deltager først (tasten i).",
        "The citizen is a reserve. Take them in as a participant first (key i).",
    ),
    "checkin.not_a_reserve": (
        "Kun en reserve kan tages ind på dagen; borgeren er allerede deltager.",
        "Only a reserve can be taken in on the day; the citizen is already a participant.",
    ),
    "checkin.walk_in_note": ("Reserve taget ind på dagen", "Reserve taken in on the day"),
    "checkin.undone": ("Fortrudt: {name} {status}.", "Undone: {name} {status}."),
    "checkin.nothing_to_undo": ("Der er intet at fortryde.", "There is nothing to undo."),
    "checkin.still_pending": (
        "{count} deltager(e) afventer stadig. Registrér dem, eller afslut med --force.",
        "{count} participant(s) are still pending. Register them, or complete with --force.",
    ),
    "checkin.status_needed": (
        "Skriv, hvad der skal registreres, med --status (present, late, left_early, "
        "excused eller no_show).",
        "Say what to record with --status (present, late, left_early, excused or no_show).",
    ),
    "checkin.completed": (
        "Turen er markeret som gennemført.",
        "The trip is marked as completed.",
    ),
    "checkin.saved": ("{name}: {status} (gemt {time}).", "{name}: {status} (saved {time})."),
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
    "checkin.key.agenda": ("Deltagernes dagsorden", "Participants' agenda"),
    "checkin.agenda_title": ("Deltagernes dagsorden", "The participants' agenda"),
    "checkin.agenda_hint": (
        "Skriv, hvad deltagerne selv tog op i dag. Gem med F10.",
        "Write what the participants raised themselves today. Save with F10.",
    ),
    "checkin.agenda_saved": (
        "Deltagernes dagsorden er gemt.",
        "The participants' agenda is saved.",
    ),
}
