"""Importing files (`rfk-trips import`): columns and rows, and files that cannot be read safely."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the file, its columns and rows ---
    "import.file_type": (
        "Filen {path} kan ikke læses: brug en .csv- eller .xlsx-fil.",
        "The file {path} cannot be read: use a .csv or .xlsx file.",
    ),
    "import.unreadable": (
        "Filen {path} kan ikke læses. Er det en rigtig Excel- (.xlsx) eller CSV-fil? Gem den "
        "igen fra Excel, og prøv igen.",
        "The file {path} cannot be read. Is it a real Excel (.xlsx) or CSV file? Save it again "
        "from Excel and try again.",
    ),
    "import.missing_file": ("Filen {path} findes ikke.", "The file {path} does not exist."),
    "import.empty": (
        "Filen {path} har ingen rækker under overskriften.",
        "The file {path} has no rows below the header.",
    ),
    "import.missing_columns": (
        "Filen mangler kolonnen {columns}. Første række skal være overskrifter som {expected}.",
        "The file lacks the column {columns}. The first row must be headers such as {expected}.",
    ),
    "import.unknown_columns": (
        "Kolonnen {columns} kendes ikke og bliver ikke læst.",
        "The column {columns} is not known and will not be read.",
    ),
    "import.bad_rows": (
        "Intet er importeret: {count} række(r) har fejl. Ret dem i filen, og importér igen.",
        "Nothing was imported: {count} row(s) have errors. Fix them in the file and import again.",
    ),
    "import.row_error": ("Linje {line}: {message}", "Line {line}: {message}"),
    "import.more_bad_rows": (
        "Yderligere {count} linje(r) har fejl, som ikke er vist her. Ret fejlene ovenfor, og "
        "importér igen for at se resten.",
        "{count} more line(s) have errors not shown here. Fix the errors above and import "
        "again to see the rest.",
    ),
    "import.duplicate_in_file": (
        "samme {what} som linje {other}.",
        "the same {what} as line {other}.",
    ),
    "import.summary": (
        "{kind}: {created} ny(e), {updated} opdateret, {unchanged} uændret.",
        "{kind}: {created} new, {updated} updated, {unchanged} unchanged.",
    ),
    "import.progress": ("{rows} rækker læst …", "{rows} rows read …"),
    "import.writing": (
        "Alle rækker er i orden; skriver {written} af {total} …",
        "Every row is in order; writing {written} of {total} …",
    ),
    "import.dry_run": (
        "Prøvekørsel: intet er skrevet til databasen.",
        "Dry run: nothing was written to the database.",
    ),
    "import.kind.companies": ("Virksomheder", "Companies"),
    "import.kind.citizens": ("Borgere", "Citizens"),
    "import.kind.staff": ("Medarbejdere", "Staff"),
    "import.kind.trips": ("Ture", "Trips"),
    "import.kind.participants": ("Deltagere", "Participants"),
    "import.kind.attendance": ("Fremmøde", "Attendance"),
    "import.kind.outcomes": ("Resultater", "Outcomes"),
    # --- files and cells that cannot be read safely ---
    "import.too_big": (
        "Filen {path} fylder {size} MB; rfk-trips importerer højst {limit} MB ad gangen. Del "
        "filen op i mindre filer, og importér dem én ad gangen.",
        "The file {path} is {size} MB; rfk-trips imports at most {limit} MB at a time. Split "
        "the file into smaller files and import them one at a time.",
    ),
    "import.too_many_rows": (
        "Filen {path} har mere end {limit} rækker; rfk-trips importerer højst {limit} rækker ad "
        "gangen. Del filen op i mindre filer, og importér dem én ad gangen.",
        "The file {path} has more than {limit} rows; rfk-trips imports at most {limit} rows at "
        "a time. Split the file into smaller files and import them one at a time.",
    ),
    "import.read.xlsx_unpacked": (
        "Regnearket {path} fylder {size} MB, når det pakkes ud; rfk-trips læser højst {limit} MB "
        "ad gangen. Del arket op i mindre filer, og importér dem én ad gangen.",
        "The workbook {path} takes up {size} MB unpacked; rfk-trips reads at most {limit} MB at "
        "a time. Split the sheet into smaller files and import them one at a time.",
    ),
    "import.read.xlsx_ratio": (
        "Regnearket {path} pakker ud til {ratio} gange sin størrelse; rfk-trips læser kun ark, "
        "der pakker ud til højst {limit} gange, for ellers kan en lille fil fylde hele "
        "computeren. Del arket op i mindre filer, eller gem det som CSV fra Excel, og importér "
        "igen.",
        "The workbook {path} unpacks to {ratio} times its size; rfk-trips reads only sheets "
        "that unpack to at most {limit} times, since otherwise a small file could fill the "
        "whole computer. Split the sheet into smaller files, or save it as CSV from Excel, and "
        "import again.",
    ),
    "import.read.encoding": (
        "Filen {path} kan ikke læses som tekst{where}: den er hverken UTF-8 eller Windows-1252. "
        "Gem den i Excel som »CSV UTF-8 (kommasepareret)«, og importér igen.",
        "The file {path} cannot be read as text{where}: it is neither UTF-8 nor Windows-1252. "
        "Save it in Excel as “CSV UTF-8 (comma delimited)” and import again.",
    ),
    "import.read.mixed_encoding": (
        "Filen {path} er gemt med to forskellige tegnsæt: linje {line} er ikke UTF-8 som resten "
        "af filen. Gem hele filen i Excel som »CSV UTF-8«, og importér igen.",
        "The file {path} mixes two character sets: line {line} is not UTF-8 like the rest of "
        "the file. Save the whole file in Excel as “CSV UTF-8” and import again.",
    ),
    "import.read.nul": (
        "Linje {line} i filen {path} indeholder binære data (NUL-tegn) og ikke tekst. Er det den "
        "rigtige fil? Gem den som CSV fra Excel, og importér igen.",
        "Line {line} of the file {path} holds binary data (NUL characters), not text. Is it "
        "the right file? Save it as CSV from Excel and import again.",
    ),
    "import.read.csv": (
        "Linje {line} i filen {path} kan ikke læses: en celle er alt for lang, eller et "
        "anførselstegn er ikke lukket. Ret linjen, og importér igen.",
        "Line {line} of the file {path} cannot be read: a cell is far too long or a quotation "
        "mark is not closed. Fix the line and import again.",
    ),
    "import.read.csv_is_zip": (
        "Filen {path} kan ikke læses som CSV: den hedder .csv, men er en Excel- eller zip-fil. "
        "Er det et Excel-ark, så omdøb filen til .xlsx, og importér igen.",
        "The file {path} cannot be read as CSV: it is named .csv but is an Excel or zip file. "
        "If it is an Excel workbook, rename it to .xlsx and import again.",
    ),
    "import.read.xlsx_is_text": (
        "Filen {path} kan ikke læses som Excel-ark: den hedder .xlsx, men er en tekstfil (CSV). "
        "Omdøb den til .csv, eller gem den i Excel som »Excel-projektmappe (.xlsx)«, og "
        "importér igen.",
        "The file {path} cannot be read as a workbook: it is named .xlsx but is a text (CSV) "
        "file. Rename it to .csv, or save it in Excel as “Excel Workbook (.xlsx)”, and import "
        "again.",
    ),
    "import.read.xlsx_protected": (
        "Filen {path} er beskyttet med en adgangskode eller gemt i det gamle .xls-format. Åbn "
        "den i Excel, fjern adgangskoden, gem den som »Excel-projektmappe (.xlsx)«, og "
        "importér igen.",
        "The file {path} is protected by a password or saved in the old .xls format. Open it "
        "in Excel, remove the password, save it as “Excel Workbook (.xlsx)” and import again.",
    ),
    "import.read.at_line": (" (linje {line})", " (line {line})"),
    "import.duplicate_header": (
        "Kolonnen {column} står mere end én gang i overskriften. Slet den ene, og importér igen.",
        "The column {column} appears more than once in the header. Delete one and import again.",
    ),
    "import.cell.control": (
        "kolonnen {column} har et usynligt styretegn (kode {code}). Slet cellen, og skriv den "
        "igen.",
        "the column {column} holds an invisible control character (code {code}). Clear the "
        "cell and type it again.",
    ),
    "import.cell.formula": (
        "kolonnen {column} er en formel ({text}). Skriv værdien i stedet, eller kopiér og indsæt "
        "som værdier i Excel.",
        "the column {column} is a formula ({text}). Type the value instead, or copy and paste "
        "as values in Excel.",
    ),
    "import.cell.excel_error": (
        "kolonnen {column} viser Excel-fejlen {value}. Ret formlen i Excel, eller skriv værdien.",
        "the column {column} shows the Excel error {value}. Fix the formula in Excel or type "
        "the value.",
    ),
    "import.cell.too_long": (
        "kolonnen {column} har {length} tegn; der er plads til højst {limit}. Forkort teksten.",
        "the column {column} has {length} characters; there is room for at most {limit}. "
        "Shorten the text.",
    ),
    "import.cell.too_many": (
        "linjen har {count} celler, men overskriften kun {expected}. Tjek skilletegn og "
        "anførselstegn i linjen.",
        "the line has {count} cells but the header only {expected}. Check the separators and "
        "quotation marks in the line.",
    ),
    "import.cell.mixed_delimiter": (
        "linjen er skilt med »{found}«, men overskriften med »{expected}«. Brug samme skilletegn "
        "i hele filen.",
        "the line is separated by “{found}” but the header by “{expected}”. Use the same "
        "separator throughout the file.",
    ),
}
