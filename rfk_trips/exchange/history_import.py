"""Importing the past: trips, attendance and outcomes from the job centre's own spreadsheets.

The same all-or-nothing rule as the register imports (`rfk_trips.exchange.importing`): every
row is checked before anything is written, and one bad row refuses the whole file, with each
problem on its line and column. Importing the same file twice changes nothing the second time:
trips are matched on date + title, attendance on trip + citizen, outcomes on citizen + kind +
start date (+ company).

Historical trips are completed (gennemført) or cancelled (aflyst) trips: the rules that guide
planning (a date in the past, a weekend, the group's size) do not refuse them, while the ones
about the data do (a company, citizen or colleague the registers do not know, a citizen on two
trips on one day, a completed trip in the future). Every change is written to the audit log by
the session, as any other change is.

Each file's rows are read by its own module (`history_trips`, `history_attendance`,
`history_outcomes`), which checks a row into a plan and writes the plans.
"""

from contextlib import ExitStack
from datetime import date
from pathlib import Path

from sqlalchemy.engine import Engine

from rfk_trips.exchange.history_attendance import ATTENDANCE_FILE
from rfk_trips.exchange.history_index import load_index
from rfk_trips.exchange.history_outcomes import OUTCOMES_FILE
from rfk_trips.exchange.history_rows import HistoryFile, RowContext, RowProblems
from rfk_trips.exchange.history_trips import TRIPS_FILE
from rfk_trips.exchange.import_checks import cell_problems
from rfk_trips.exchange.import_reading import (
    ImportKind,
    ImportReport,
    Progress,
    RowErrors,
    open_rows,
)
from storage.sessions import session_scope

_FILES: dict[str, HistoryFile] = {
    "trips": TRIPS_FILE,
    "attendance": ATTENDANCE_FILE,
    "outcomes": OUTCOMES_FILE,
}


def import_history(
    engine: Engine,
    kind: ImportKind,
    path: Path,
    *,
    today: date,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import the history file `path` of `kind` in one transaction; UserError on any bad row."""
    spec = _FILES[kind]
    report = ImportReport(kind, dry_run=dry_run)
    with ExitStack() as stack:
        opened = open_rows(path, spec.fields, report, stack, progress)
        table, keys = opened.table, opened.keys
        present = frozenset(keys.values())
        context = RowContext(today, report, present, opened.header_of(spec.fields), progress)
        with session_scope(engine) as session:
            planned = spec.rows(session, load_index(session, spec.names), context)
            errors = RowErrors()
            for row in opened.rows:
                problems = cell_problems(row, table.headers, table.delimiter)
                if problems:
                    errors.add(row.line, problems)
                    continue
                cells = {keys[h]: value for h, value in row.cells.items() if h in keys}
                try:
                    planned.check(row.line, cells)
                except RowProblems as exc:
                    errors.add(row.line, exc.problems)
            if not errors:
                planned.write(errors)
            if errors:
                session.rollback()
                raise errors.refusal()
            if dry_run:
                session.rollback()
    return report
