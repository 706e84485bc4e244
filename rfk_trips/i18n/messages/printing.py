"""Printing a programme from the trip editor (Ctrl+O): the dialog and what happened."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the dialog ---
    "printing.dialog_title": ("Udskriv turens program", "Print the trip's programme"),
    "printing.choose": ("Hvilken udgave skal udskrives?", "Which version should be printed?"),
    "printing.personal_data": ("med navne og telefonnumre", "with names and phone numbers"),
    "printing.staff_note": (
        "Køreark er kun til medarbejderne på turen, og hver udskrift af det registreres.",
        "The run sheet is for the trip's staff only, and every print of it is recorded.",
    ),
    "printing.other_files": ("Eller turens andre filer:", "Or the trip's other files:"),
    "printing.calendar_choice": (
        "Kalenderfil til Outlook (.ics, uden borgere)",
        "Calendar file for Outlook (.ics, no citizens)",
    ),
    "printing.reminders_choice": (
        "Sms-påmindelser (.csv, med navne og telefonnumre)",
        "SMS reminders (.csv, with names and phone numbers)",
    ),
    "printing.file_saved": ("Filen er gemt i {path}.", "The file is saved in {path}."),
    "printing.print_button": ("Udskriv (F10)", "Print (F10)"),
    "printing.download_title": (
        "Hent turens program (PDF) eller filer",
        "Download the trip's programme (PDF) or files",
    ),
    "printing.download_button": ("Hent (F10)", "Download (F10)"),
    "printing.confirm": ("Udskriv", "Print"),
    "printing.working": ("Laver »{document}« …", "Making '{document}' …"),
    # --- what happened ------------------------------------------------------------------
    "printing.sent": (
        "»{document}« er sendt til printeren {printer}. Filen ligger også i {path}.",
        "'{document}' was sent to the printer {printer}. The file is also in {path}.",
    ),
    "printing.no_printer": (
        "Der er ingen standardprinter på denne maskine, så »{document}« er ikke udskrevet. "
        "Filen ligger i {path}.",
        "This machine has no default printer, so '{document}' was not printed. "
        "The file is in {path}.",
    ),
    "printing.refused": (
        "Printeren {printer} tog ikke imod udskriften ({reason}). Filen ligger stadig i "
        "{path}; prøv igen, eller udskriv den derfra.",
        "The printer {printer} did not take the print ({reason}). The file is still in "
        "{path}; try again, or print it from there.",
    ),
    # Windows: the default printer, through the program that opens PDF files.
    "printing.windows_default": ("standardprinteren", "the default printer"),
    "printing.sent_default": (
        "»{document}« er sendt til {printer} gennem det program, der åbner PDF-filer. "
        "Filen ligger også i {path}.",
        "'{document}' was sent to {printer} through the program that opens PDF files. "
        "The file is also in {path}.",
    ),
    "printing.refused_default": (
        "Windows kunne ikke sende filen til {printer} ({reason}); måske er der intet "
        "program, der kan udskrive PDF-filer. Filen ligger i {path}; åbn den, og udskriv "
        "den derfra.",
        "Windows could not send the file to {printer} ({reason}); perhaps no program can "
        "print PDF files. The file is in {path}; open it and print it from there.",
    ),
    "printing.windows_cannot": (
        "denne Python kan ikke åbne filer med Windows",
        "this Python cannot open files through Windows",
    ),
    "printing.timeout": (
        "intet svar inden for {seconds} sekunder",
        "no answer within {seconds} seconds",
    ),
    "printing.exit_code": ("lp sluttede med fejlkode {code}", "lp ended with error code {code}"),
    "printing.folder_failed": (
        "Mappen til udskrifter, {path}, kunne ikke oprettes ({reason}). Tjek, at du må "
        "skrive der, eller vælg en anden mappe med RFK_TRIPS_PRINT_DIR.",
        "The folder for prints, {path}, could not be created ({reason}). Check that you may "
        "write there, or choose another folder with RFK_TRIPS_PRINT_DIR.",
    ),
    "printing.files": ("{count} filer i {folder}", "{count} files in {folder}"),
}
