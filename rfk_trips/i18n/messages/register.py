"""What the three registers share: keys, paging, the summary line, archiving."""

MESSAGES: dict[str, tuple[str, str]] = {
    "register.new": ("Ny", "New"),
    "register.export": ("Gem som fil", "Save as file"),
    "register.export_title": ("Gem listen som fil", "Save the list as a file"),
    "register.export_choose": (
        "Hele registret (uden skånehensyn), i hvilket format?",
        "The whole register (without skånehensyn), in which format?",
    ),
    "register.export_xlsx": ("Excel (.xlsx)", "Excel (.xlsx)"),
    "register.export_csv": ("CSV til dansk Excel (.csv)", "CSV for Danish Excel (.csv)"),
    "register.export_json": ("JSON (.json)", "JSON (.json)"),
    "register.export_button": ("Gem (F10)", "Save (F10)"),
    "register.export_saved": (
        "{count} rækker er gemt i {path}.",
        "{count} rows saved in {path}.",
    ),
    "register.edit": ("Redigér", "Edit"),
    "register.archive": ("Arkivér/genåbn", "Archive/reopen"),
    "register.search": ("Søg", "Search"),
    "register.next_page": ("Næste side", "Next page"),
    "register.previous_page": ("Forrige side", "Previous page"),
    "register.back": ("Tilbage", "Back"),
    "register.search_placeholder": ("Søg", "Search"),
    "register.active": ("Aktive", "Active"),
    "register.archived": ("Arkiverede", "Archived"),
    "register.summary": (
        "Viser {first}–{last} af {total}. Enter: redigér · Ctrl+N: ny · Delete: arkivér",
        "Showing {first}–{last} of {total}. Enter: edit · Ctrl+N: new · Delete: archive",
    ),
    "register.summary_many": (
        "Viser {first}–{last} af over {at_most}. Enter: redigér · Ctrl+N: ny · Delete: arkivér",
        "Showing {first}–{last} of over {at_most}. Enter: edit · Ctrl+N: new · Delete: archive",
    ),
    "register.summary_counting": (
        "Viser {first}–{last} af … (tæller). Enter: redigér · Ctrl+N: ny · Delete: arkivér",
        "Showing {first}–{last} of … (counting). Enter: edit · Ctrl+N: new · Delete: archive",
    ),
    "register.saved": ("Gemt.", "Saved."),
    "register.stale": (
        "{name} er ændret af en kollega, siden du åbnede formularen, så din ændring er ikke "
        "gemt (intet er overskrevet). Din tekst står her stadig: kopiér den, luk med Esc, åbn "
        "posten igen, og gentag ændringen.",
        "{name} was changed by a colleague since you opened the form, so your change was not "
        "saved (nothing was overwritten). Your text is still here: copy it, close with Esc, "
        "open the record again and repeat the change.",
    ),
    "register.history": ("Besøg hos virksomheden:", "Visits to the company:"),
    "register.no_history": ("  Ingen besøg endnu.", "  No visits yet."),
    "register.confirm_archive": (
        "Arkivér {name}? Posten forsvinder fra listen, men historikken bevares, og den kan "
        "genåbnes.",
        "Archive {name}? The record leaves the list, but its history is kept and it can be "
        "reopened.",
    ),
    "register.confirm_unarchive": ("Genåbn {name}?", "Reopen {name}?"),
}
