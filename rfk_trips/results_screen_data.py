"""What the Resultater screen shows: the figures of `stats` for the filters as typed.

The screen hands over its fields as text; dates are read here, the Danish way, and a bad
one is named by its field. The overview is `results_text.render`, the report of `stats`.
"""

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy.engine import Engine

from rfk_trips.danish_dates import format_date, parse_date
from rfk_trips.errors import UserError
from rfk_trips.i18n import t
from rfk_trips.results_service import ResultFilter, figures_as_json, load_figures
from rfk_trips.results_text import render


@dataclass(frozen=True)
class Selection:
    """The screen's filters, as typed."""

    date_from: str = ""
    date_to: str = ""
    municipality: str = ""
    trip_format: str = ""
    on: str = ""
    trip_id: int | None = None
    suppress_small: bool = False


@dataclass(frozen=True)
class ResultsView:
    where: ResultFilter
    on: date
    data: dict[str, Any]
    report: str
    status_line: str


def _date(text: str, today: date, field_key: str) -> date | None:
    if not text.strip():
        return None
    try:
        return parse_date(text, today)
    except UserError as exc:
        raise UserError(f"{t(field_key)}: {exc.message}") from None


def read_selection(selection: Selection, *, today: date) -> tuple[ResultFilter, date]:
    where = ResultFilter(
        date_from=_date(selection.date_from, today, "results.field.from"),
        date_to=_date(selection.date_to, today, "results.field.to"),
        municipality=selection.municipality or None,
        trip_format=selection.trip_format or None,
        trip_id=selection.trip_id,
    )
    on = _date(selection.on, today, "results.field.on") or today
    return where, on


def load_view(engine: Engine, selection: Selection, *, today: date) -> ResultsView:
    where, on = read_selection(selection, today=today)
    figures = load_figures(engine, where, on=on, today=today)
    data = figures_as_json(figures, suppress_small=selection.suppress_small)
    parts = [t("results.status_trips", count=data["trips"], on=format_date(on))]
    if selection.trip_id is not None:
        title = data["by_trip"][0]["title"] if data["by_trip"] else str(selection.trip_id)
        parts.append(t("results.status_one_trip", title=title))
    parts.append(
        t(
            "results.status_small_hidden"
            if selection.suppress_small
            else "results.status_small_shown"
        )
    )
    return ResultsView(
        where=where,
        on=on,
        data=data,
        report=render(data, asdict(where)),
        status_line="  ·  ".join(parts),
    )
