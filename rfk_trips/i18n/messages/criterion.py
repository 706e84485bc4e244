"""The three criteria that make a company a host, in words."""

MESSAGES: dict[str, tuple[str, str]] = {
    "criterion.placement_experience": (
        "har haft borgere fra kanten i praktik eller lønnede timer",
        "has had citizens from the edge in placement or paid hours",
    ),
    "criterion.social_responsibility": (
        "kendt for særligt socialt ansvar",
        "known for particular social responsibility",
    ),
    "criterion.labour_shortage_with_tasks": (
        "mangler arbejdskraft og har opgaver klar",
        "short of labour with tasks ready",
    ),
}
