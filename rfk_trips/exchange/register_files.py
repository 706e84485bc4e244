"""A register saved as a file from its list (Ctrl+O in Virksomheder, Borgere, Medarbejdere).

The same file as `rfk-trips export companies|citizens|staff FILE` (without skånehensyn: the
sensitive export stays on the command line, where its file name must say so), saved where the
printed programmes go and named by the register and the day. In a browser session it is a
download instead (`documents.downloads.download_of`); the read-out is logged either way.
"""

from datetime import date
from pathlib import Path
from typing import Literal

from sqlalchemy.engine import Engine

from rfk_trips.documents.printing import ready_folder
from rfk_trips.exchange.exporting import export_file
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError

RegisterKind = Literal["companies", "citizens", "staff"]
# The file name's word for each register (ASCII, like the programmes' names).
REGISTER_FILE_WORDS: dict[str, str] = {
    "companies": "virksomheder",
    "citizens": "borgere",
    "staff": "medarbejdere",
}
REGISTER_SUFFIXES = (".xlsx", ".csv", ".json")


def register_file_name(kind: str, suffix: str, today: date) -> str:
    """`virksomheder-2026-11-23.xlsx`: the register and the day."""
    return f"{REGISTER_FILE_WORDS[kind]}-{today.isoformat()}{suffix}"


def save_register(
    engine: Engine, kind: RegisterKind, suffix: str, *, today: date, folder: Path | None = None
) -> tuple[Path, int]:
    """Save the register `kind` as a `suffix` file in `folder` (default: the documents
    folder); its absolute path and the number of rows. UserError in words when refused."""
    if kind not in REGISTER_FILE_WORDS or suffix not in REGISTER_SUFFIXES:
        raise UserError(t("export.file_type", suffix=suffix))
    path = ready_folder(folder) / register_file_name(kind, suffix, today)
    rows = export_file(engine, kind, path)
    return path.absolute(), rows
