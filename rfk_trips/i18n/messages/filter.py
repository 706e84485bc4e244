"""The filters above the register lists and their choice dialog."""

MESSAGES: dict[str, tuple[str, str]] = {
    "filter.municipality": ("Kommune", "Municipality"),
    "filter.industry": ("Branche", "Industry"),
    "filter.qualification": ("Kriterier", "Criteria"),
    "filter.ambassador": ("Ambassadør", "Ambassador"),
    "filter.visited": ("Sidst besøgt", "Last visited"),
    "filter.caseworker": ("Sagsbehandler", "Caseworker"),
    "filter.cohort": ("Forløb", "Cohort"),
    "filter.benefit": ("Ydelse", "Benefit"),
    "filter.trips": ("Ture taget", "Trips taken"),
    "filter.role": ("Rolle", "Role"),
    "filter.all": ("Alle", "All"),
    "filter.shown": ("Vis", "Show"),
    "filter.period": ("Periode", "Period"),
    "filter.choose": ("Vælg", "Choose"),
    "filter.find": ("Skriv for at finde", "Type to find"),
    "filter.more": (
        "Viser {shown} af {total}. Skriv mere for at finde de andre.",
        "Showing {shown} of {total}. Type more to find the others.",
    ),
    "filter.none_found": (
        "Intet passer på det, du har skrevet. Ret teksten, eller tryk Esc.",
        "Nothing matches what you typed. Change the text, or press Esc.",
    ),
    "filter.dialog_keys": (
        "Skriv for at finde · ↓ og ↑: gå i listen · Enter: vælg · Esc: fortryd",
        "Type to find · ↓ and ↑: move in the list · Enter: choose · Esc: cancel",
    ),
}
