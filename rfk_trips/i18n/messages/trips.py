"""The Ture screen (F5), and the citizens' filter on trips taken."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the citizens' filter on trips taken ---
    "trips.none_taken": ("0 ture", "0 trips"),
    "trips.one_taken": ("1 tur", "1 trip"),
    "trips.two_taken": ("2 eller flere", "2 or more"),
    # --- the Ture screen ---
    "trips.title": ("Ture", "Trips"),
    "trips.new": ("Ny tur", "New trip"),
    "trips.search_placeholder": ("Søg i turenes titler", "Search the trip titles"),
    "trips.period.upcoming": ("Kommende", "Upcoming"),
    "trips.period.past": ("Tidligere", "Past"),
    "trips.period.all": ("Alle", "All"),
    "trips.col.format": ("Format", "Format"),
    "trips.col.visits": ("Besøg", "Visits"),
    "trips.none_upcoming": (
        "Ingen kommende ture. {past} tidligere ture: vælg Periode: Tidligere. Ctrl+N: ny tur",
        "No upcoming trips. {past} earlier trips: choose Period: Past. Ctrl+N: new trip",
    ),
    "trips.summary": (
        "Viser {shown} af {total}. Enter: åbn turen · Ctrl+N: ny tur",
        "Showing {shown} of {total}. Enter: open the trip · Ctrl+N: new trip",
    ),
}
