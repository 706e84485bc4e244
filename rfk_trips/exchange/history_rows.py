"""Reading one row of a history file: its cells by field, each problem named by its column.

Shared by the three history files (`history_trips`, `history_attendance`, `history_outcomes`):
what every file's rows are read with (`RowContext`), the shape each file's reader has
(`HistoryRows`), and `Cells`, which parses a row's cells and gathers every problem of the row
(so one import shows all of a row's mistakes at once, each as "kolonnen dato: …").
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol, TypeVar

from sqlmodel import Session, SQLModel

from rfk_trips.exchange.history_index import HistoryIndex, IndexPart
from rfk_trips.exchange.import_checks import length_problems, one_line
from rfk_trips.exchange.import_reading import ImportReport, Progress, RowErrors, WriteProgress
from rfk_trips.i18n.catalogue import t
from rfk_trips.registers.record_fields import RegisterFields
from rfk_trips.rules.errors import UserError

T = TypeVar("T")


class RowProblems(Exception):
    """A row that cannot be imported: the sentences, each naming its column."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class RowContext:
    """What every history file's rows are read with."""

    today: date
    report: ImportReport
    present: frozenset[str]  # the fields the file has a column for
    header_of: Mapping[str, str]  # a field → its column as the file heads it
    progress: Progress | None = None

    def writing(self, total: int) -> WriteProgress:
        return WriteProgress(self.progress, total)


class HistoryRows(Protocol):
    """One history file's rows: each checked as it is read, then all written at once."""

    def check(self, line: int, cells: Mapping[str, str]) -> None:
        """Plan the row, or raise RowProblems naming its columns."""

    def write(self, errors: RowErrors) -> None:
        """Write every planned row (a problem only the whole file shows goes in `errors`)."""


@dataclass(frozen=True)
class HistoryFile:
    fields: RegisterFields
    rows: Callable[[Session, HistoryIndex, RowContext], HistoryRows]
    names: frozenset[IndexPart]  # what its rows name, read into its index


class Cells:
    """A row's cells, parsed field by field; every problem kept, named by its column."""

    def __init__(self, cells: Mapping[str, str], context: RowContext) -> None:
        self.cells = cells
        self.context = context
        self.problems: list[str] = []

    def text(self, key: str) -> str:
        return " ".join((self.cells.get(key) or "").split())

    def free_text(self, key: str) -> str:
        """A note, as written (its line breaks kept)."""
        return (self.cells.get(key) or "").strip()

    def given(self, key: str) -> bool:
        """The file has the column (a column left out changes nothing)."""
        return key in self.context.present

    def column(self, key: str) -> str:
        return one_line(self.context.header_of.get(key, key))

    def problem(self, key: str, message: str) -> None:
        self.problems.append(t("history.cell", column=self.column(key), message=message))

    def take(self, key: str, parse: Callable[[str], T]) -> T | None:
        """The cell read by `parse`; None when it is blank or wrong (wrong is a problem)."""
        text = self.text(key)
        if not text:
            return None
        try:
            return parse(text)
        except UserError as exc:
            self.problem(key, exc.message)
            return None

    def need(self, key: str, parse: Callable[[str], T]) -> T | None:
        """As `take`, and a blank cell is a problem too."""
        if not self.text(key):
            self.problem(key, t("history.blank"))
            return None
        return self.take(key, parse)

    def refuse_long(self, model: type[SQLModel], values: Mapping[str, tuple[str, Any]]) -> None:
        """Texts longer than the table's column holds; `values`: attribute → (field, value)."""
        self.problems.extend(
            length_problems(
                model,
                {attribute: value for attribute, (_, value) in values.items()},
                {attribute: key for attribute, (key, _) in values.items()},
                self.context.header_of,
            )
        )

    def done(self) -> None:
        if self.problems:
            raise RowProblems(self.problems)
