"""The figures of Resultater saved as a file from the screen (Ctrl+O there).

The file `rfk-trips export stats` writes, for the period, municipality, trip format, trip and
status date chosen on the screen: made to leave the job centre, so small counts are always
shown as <5 (with the one more hidden cell), whatever the screen shows. Saved where the
printed programmes go, named by the day; a download in a browser session.
"""

from datetime import date
from pathlib import Path

from sqlalchemy.engine import Engine

from rfk_trips.documents.printing import ready_folder
from rfk_trips.exchange.exporting_results import export_results_file
from rfk_trips.results.results_screen_data import Selection, read_selection


def figures_file_name(suffix: str, today: date) -> str:
    """`tal-2026-11-23.xlsx`: the figures and the day."""
    return f"tal-{today.isoformat()}{suffix}"


def save_figures(
    engine: Engine, selection: Selection, suffix: str, *, today: date, folder: Path | None = None
) -> tuple[Path, int]:
    """Save the figures of `selection` as a `suffix` file in `folder` (default: the documents
    folder); its absolute path and the number of rows. UserError in words when refused."""
    where, on = read_selection(selection, today=today)
    path = ready_folder(folder) / figures_file_name(suffix, today)
    rows = export_results_file(engine, "stats", path, today=today, where=where, on=on)
    return path.absolute(), rows
