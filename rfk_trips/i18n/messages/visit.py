"""The visit dialog of the trip editor."""

MESSAGES: dict[str, tuple[str, str]] = {
    "visit.edit_title": ("Besøg hos {name}", "Visit to {name}"),
    "visit.start": ("Fra (tt:mm)", "From (hh:mm)"),
    "visit.end": ("Til (tt:mm)", "To (hh:mm)"),
    "visit.showing": ("Det skal gruppen se", "What the group will see"),
    "visit.contact": ("Kontakt hos værten", "Host contact"),
    "visit.confirmed": ("Aftalen er bekræftet", "Agreement confirmed"),
    "visit.agreed_on": ("Aftalt den (tom: i dag, når den bekræftes)", "Agreed on (blank: today)"),
}
