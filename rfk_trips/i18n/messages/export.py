"""Exports (`rfk-trips export`): file types, where the file went, sensitive exports."""

MESSAGES: dict[str, tuple[str, str]] = {
    "export.file_type": (
        "Eksport kan skrive .csv, .xlsx eller .json, ikke »{suffix}«.",
        "Export writes .csv, .xlsx or .json, not “{suffix}”.",
    ),
    "export.done": ("{count} rækker skrevet til {path}.", "{count} rows written to {path}."),
    "export.cannot_write": (
        "Filen {path} kan ikke skrives: {reason}. Er den åben i Excel? Luk den, og prøv igen.",
        "The file {path} cannot be written: {reason}. Is it open in Excel? Close it and try again.",
    ),
    # --- sensitive exports ----------
    "export.sensitive_name": (
        "Med skånehensyn indeholder filen følsomme oplysninger, og det skal filnavnet sige. "
        "Kald den fx {suggestion}.",
        "With accommodation needs the file holds sensitive data, and its name must say so. "
        "Call it e.g. {suggestion}.",
    ),
    "export.sensitive_kind": (
        "Kun borgereksporten kan tage skånehensyn med. Fjern --sensitive.",
        "Only the citizens export can include accommodation needs. Drop --sensitive.",
    ),
    # --- the tab of an exported workbook, named after its data (Excel: 31 characters) ---
    "export.sheet.companies": ("Virksomheder", "Companies"),
    "export.sheet.citizens": ("Borgere", "Citizens"),
    "export.sheet.staff": ("Medarbejdere", "Staff"),
    "export.sheet.trips": ("Ture", "Trips"),
    "export.sheet.attendance": ("Fremmøde", "Attendance"),
    "export.sheet.participants": ("Deltagere", "Participants"),
    "export.sheet.followups": ("Opfølgninger", "Follow-ups"),
    "export.sheet.outcomes": ("Resultater", "Outcomes"),
    "export.sheet.stats": ("Nøgletal", "Figures"),
}
