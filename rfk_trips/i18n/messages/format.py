"""Trip formats as data (Indstillinger): the fields of a format."""

MESSAGES: dict[str, tuple[str, str]] = {
    "format.name": ("Navn", "Name"),
    "format.min_participants": ("Min. deltagere", "Min. participants"),
    "format.max_participants": ("Maks. deltagere", "Max. participants"),
    "format.visits": ("Antal besøg", "Number of visits"),
    "format.start": ("Start (mødetid)", "Start (meeting)"),
    "format.end": ("Slut", "End"),
    "format.min_staff": ("Min. medarbejdere", "Min. staff"),
    "format.experienced_host": (
        "Én vært med praktikerfaring",
        "One host with placement experience",
    ),
    "format.single_cohort": ("Deltagere fra ét forløb", "Participants from one cohort"),
    "format.trips_per_citizen": ("Ture pr. borger", "Trips per citizen"),
    "format.range": (
        "Deltagerantallet skal ligge inden for {low}–{high}, og min. må ikke være over maks.",
        "The number of participants must be within {low}–{high}, min. not above max.",
    ),
    "format.follow_up_days": (
        "Dage til opfølgning efter turen",
        "Days to follow-up after the trip",
    ),
    "format.follow_up_days_range": (
        "Skriv et helt antal dage fra {low} til {high}, fx 14.",
        "Write a whole number of days from {low} to {high}, e.g. 14.",
    ),
    "format.staff_roles": ("Roller på turen", "Roles on the trip"),
    "format.staff_roles_unknown": (
        "»{part}« er ikke et antal og en rolle. Skriv fx »3 jobformidler; 1 sagsbehandler«; "
        "rollerne er: {choices}.",
        "'{part}' is not a number and a role. Write e.g. '3 job broker; 1 caseworker'; the "
        "roles are: {choices}.",
    ),
}
