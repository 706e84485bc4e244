"""Indstillinger → Importér: the dialog that imports a file, with a dry run first."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the key and the command that open it ---
    "import_dialog.open": ("Importér…", "Import…"),
    # --- the dialog ---
    "import_dialog.title": ("Importér fra en fil", "Import from a file"),
    "import_dialog.kind": ("Hvad importeres", "What to import"),
    "import_dialog.file": ("Fil", "File"),
    "import_dialog.file_placeholder": (
        "Sti til .xlsx- eller .csv-fil",
        "Path to an .xlsx or .csv file",
    ),
    "import_dialog.hint": (
        "Alt eller intet: er én række forkert, importeres ingenting. »Tjek filen« læser hele "
        "filen og siger, hvad der ville ske, uden at skrive noget.",
        "All or nothing: one bad row and nothing is imported. “Check the file” reads the whole "
        "file and says what would happen, without writing anything.",
    ),
    "import_dialog.check": ("Tjek filen", "Check the file"),
    "import_dialog.import": ("Importér", "Import"),
    "import_dialog.close": ("Luk", "Close"),
    "import_dialog.reading": ("Læser filen …", "Reading the file …"),
    "import_dialog.no_file": (
        "Skriv stien til den fil, der skal importeres.",
        "Type the path of the file to import.",
    ),
}
