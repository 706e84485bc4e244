"""What an import refuses in a cell before reading its meaning: the leftovers of a spreadsheet.

A formula, an Excel error value, an invisible control character, a line with more cells than
the header or one separated differently: each is named by its column, so the user can find
the cell. Texts longer than the table's column are refused after parsing.
"""

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from sqlmodel import SQLModel

from rfk_trips.i18n.catalogue import t
from storage.tabular_files import TableRow

# What Excel shows in a cell whose formula failed, in Danish and English Excel.
EXCEL_ERRORS = frozenset(
    {
        "#N/A", "#I/T", "#NAME?", "#NAVN?", "#DIV/0!", "#VALUE!", "#VÆRDI!", "#REF!",
        "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!",
    }
)  # fmt: skip
# Control characters other than tab and line breaks (a note may have several lines).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_OTHER_DELIMITER = {";": ",", ",": ";", "\t": ";"}
_FORMULA_SHOWN = 30
# Free text (notes, skånehensyn) has no column length: a page of text is plenty for a cell.
FREE_TEXT_LIMIT = 5000


def cell_problems(row: TableRow, headers: list[str], delimiter: str) -> list[str]:
    """Sentences for what is wrong with the row's cells, each naming its column."""
    problems: list[str] = []
    named = [h for h in headers if h]
    if row.width > len(headers):
        problems.append(t("import.cell.too_many", count=row.width, expected=len(headers)))
    elif 0 < row.width < len(named) and delimiter in _OTHER_DELIMITER:
        other = _OTHER_DELIMITER[delimiter]
        if any(other in value for value in row.cells.values()):
            problems.append(
                t("import.cell.mixed_delimiter", found=_shown(other), expected=_shown(delimiter))
            )
    for column, value in row.cells.items():
        if not value:
            continue
        if column in row.formulas:
            text = value if len(value) <= _FORMULA_SHOWN else value[:_FORMULA_SHOWN] + "…"
            problems.append(t("import.cell.formula", column=one_line(column), text=one_line(text)))
        elif value.strip().upper() in EXCEL_ERRORS:
            problems.append(
                t("import.cell.excel_error", column=one_line(column), value=value.strip())
            )
        if found := _CONTROL.search(value):
            code = f"0x{ord(found.group()):02X}"
            problems.append(t("import.cell.control", column=one_line(column), code=code))
    return problems


def one_line(text: str) -> str:
    """Text from the file as a sentence quotes it: a line break, tab or form feed in a
    heading or cell would break the sentence (and the screen's line) in two."""
    return " ".join(text.split())


def _shown(delimiter: str) -> str:
    return "tab" if delimiter == "\t" else delimiter


def length_problems(
    model: type[SQLModel],
    values: Mapping[str, Any],
    columns: Mapping[str, str],
    header_of: Mapping[str, str],
) -> list[str]:
    """Texts longer than the database column holds (SQLite would store them silently)."""
    problems: list[str] = []
    limits = _column_limits(model)
    for name, value in values.items():
        if isinstance(value, str):
            longest = len(value)
        elif isinstance(value, list):
            longest = max((len(v) for v in value if isinstance(v, str)), default=0)
        else:
            continue
        limit = limits.get(name)
        if limit is not None and longest > limit:
            key = columns.get(name, name)
            problems.append(
                t(
                    "import.cell.too_long",
                    column=one_line(header_of.get(key, key)),
                    length=longest,
                    limit=limit,
                )
            )
    return problems


@cache
def _column_limits(model: type[SQLModel]) -> dict[str, int]:
    """Each column's length limit, looked up once per table: an import asks for every cell."""
    table_columns = model.__table__.columns  # type: ignore[attr-defined]
    return {column.key: _limit(column) for column in table_columns}


def _limit(column: Any) -> int:
    length = getattr(column.type, "length", None)
    return length if isinstance(length, int) else FREE_TEXT_LIMIT
