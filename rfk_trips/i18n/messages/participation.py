"""Messages participation.*: one participant's transport and preparation (R20, R22)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "participation.title": (
        "Transport og forberedelse: {name}",
        "Transport and preparation: {name}",
    ),
    "participation.allowance": ("Forudbetalt transporttilskud", "Prepaid transport allowance"),
    "participation.amount": ("Beløb (kr.)", "Amount (DKK)"),
    "participation.pickup_place": ("Afhentes ved (sted)", "Pick-up at (place)"),
    "participation.pickup_time": ("Afhentes kl.", "Pick-up time"),
    "participation.travel_minutes": (
        "Rejsetid til mødestedet (minutter)",
        "Travel time to the meeting place (minutes)",
    ),
    "participation.unsure": ("Usikker på besøget", "Unsure about the visit"),
    "participation.prepared": ("Forberedt", "Prepared"),
    "participation.amount_without_allowance": (
        "Et beløb kræver, at transporttilskud er »ja«.",
        "An amount needs the transport allowance set to 'yes'.",
    ),
    "participation.pickup_time_without_place": (
        "Skriv, hvor borgeren afhentes, når der er et tidspunkt.",
        "Enter where the citizen is picked up when there is a time.",
    ),
    "participation.out_of_range": (
        "{field} skal være et tal fra 0 til {high}.",
        "{field} must be a number from 0 to {high}.",
    ),
    "participation.saved": ("Gemt for {name}.", "Saved for {name}."),
}
