"""A trip as text (`rfk-trips trip show`)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "trip_text.meeting": ("Mødested: {place} kl. {time}", "Meeting place: {place} at {time}"),
    "trip_text.return": ("Hjemkomst: {time}", "Return: {time}"),
    "trip_text.bus": ("Bus: {operator} {reference}", "Bus: {operator} {reference}"),
    "trip_text.seats": (", {seats} pladser", ", {seats} seats"),
    "trip_text.catering": (
        "Forplejning: {count} pers. {notes}",
        "Catering: {count} people {notes}",
    ),
    "trip_text.programme": ("Program:", "Programme:"),
    "trip_text.visits": ("Besøg:", "Visits:"),
    "trip_text.confirmed": ("bekræftet", "confirmed"),
    "trip_text.unconfirmed": ("ikke bekræftet", "not confirmed"),
    "trip_text.participants": ("Deltagere ({count}):", "Participants ({count}):"),
    "trip_text.reserves": ("Reserver ({count}):", "Reserves ({count}):"),
    "trip_text.staff": ("Medarbejdere ({count}):", "Staff ({count}):"),
    "trip_text.lead": ("tovholder", "lead"),
}
