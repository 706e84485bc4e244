"""Targets (måltal) per municipality and half-year (`rfk-trips target`)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "targets.half_label": ("{half}. halvår {year}", "H{half} {year}"),
    "targets.bad_half": (
        "»{text}« er ikke et halvår. Skriv fx 2026H1, 2026-2 eller »1. halvår 2026«.",
        "“{text}” is not a half-year. Write e.g. 2026H1, 2026-2 or “1. halvår 2026”.",
    ),
    "targets.bad_measure": (
        "»{text}« er ikke et måltal. Brug en af: {choices}.",
        "“{text}” is not a target measure. Use one of: {choices}.",
    ),
    "targets.bad_value": (
        "Måltallet skal være et helt tal over 0 (ikke {value}).",
        "The target must be a whole number above 0 (not {value}).",
    ),
    "targets.saved": (
        "Måltal for {municipality}, {half}: {measure} = {value}.",
        "Target for {municipality}, {half}: {measure} = {value}.",
    ),
    "targets.removed": (
        "Måltallet for {municipality}, {half}: »{measure}« er slettet.",
        "The target for {municipality}, {half}: “{measure}” is removed.",
    ),
    "targets.not_set": (
        "{municipality} har intet måltal for »{measure}« i {half}. "
        "Se dem med »rfk-trips target list«.",
        "{municipality} has no target for “{measure}” in {half}. "
        "See them with “rfk-trips target list”.",
    ),
    "targets.none": (
        "Der er ingen måltal. Sæt et med »rfk-trips target set KOMMUNE HALVÅR --measure "
        "in_paid_work --value 12«.",
        "There are no targets. Set one with “rfk-trips target set MUNICIPALITY HALF --measure "
        "in_paid_work --value 12”.",
    ),
    "targets.none_for": (
        "Der er ingen måltal for {half}.",
        "There are no targets for {half}.",
    ),
    "targets.progress_heading": (
        "Måltal, {half} (ture {start} – {end})",
        "Targets, {half} (trips {start} – {end})",
    ),
    "targets.progress_note": (
        "Opnået: borgere, der nåede det efter en tur i halvåret (som i »stats«).",
        "Achieved: citizens who reached it after a trip in the half-year (as in “stats”).",
    ),
    "targets.progress_note_hosts": (
        "Virksomheder: værter for et besøg på halvårets ture; nye, når det første besøg "
        "nogensinde (alle kommuner) var i halvåret.",
        "Companies: hosts of a visit on the half-year's trips; new when their first visit ever "
        "(any municipality) was in the half-year.",
    ),
}
