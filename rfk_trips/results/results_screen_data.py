"""What the Resultater screen shows: the figures of `stats` for the filters as typed.

The screen hands over its fields as text; dates are read here, the Danish way, and a bad
one is named by its field. The overview is `results_text.render`, the report of `stats`.
"""

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy.engine import Engine

from rfk_trips.i18n.catalogue import t
from rfk_trips.results.results_series import months_of
from rfk_trips.results.results_service import ResultFilter, figures_as_json, load_facts_and_figures
from rfk_trips.results.results_text import render
from rfk_trips.results.targets_text import report_targets
from rfk_trips.results.text_charts import bar_chart, monthly_chart, progress_chart
from rfk_trips.rules.danish_dates import format_date, parse_optional_date
from rfk_trips.rules.outcome_figures import Figures, suppress_count

# The newest trips in the attendance chart; the Ture tab has them all.
CHART_TRIPS = 24


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
    trend: str
    targets: str


def read_selection(selection: Selection, *, today: date) -> tuple[ResultFilter, date]:
    where = ResultFilter(
        date_from=parse_optional_date(selection.date_from, today, t("results.field.from")),
        date_to=parse_optional_date(selection.date_to, today, t("results.field.to")),
        municipality=selection.municipality or None,
        trip_format=selection.trip_format or None,
        trip_id=selection.trip_id,
    )
    on = parse_optional_date(selection.on, today, t("results.field.on")) or today
    return where, on


def load_view(engine: Engine, selection: Selection, *, today: date) -> ResultsView:
    where, on = read_selection(selection, today=today)
    facts, figures = load_facts_and_figures(engine, where, on=on, today=today)
    data = figures_as_json(figures, suppress_small=selection.suppress_small)
    months = months_of(facts, today)
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
        trend="\n".join(trend_lines(figures, months, suppress=selection.suppress_small)),
        targets="\n".join(report_targets(engine, where, today=today) or [t("results.no_targets")]),
    )


def trend_lines(figures: Figures, months: list[tuple[date, int]], *, suppress: bool) -> list[str]:
    """Outcomes per month and attendance per trip as bars; small counts hidden on request."""
    shown = suppress_count if suppress else (lambda count: count)
    lines = [t("results.chart.months")]
    if months:
        lines += ["  " + line for line in monthly_chart([(m, shown(n)) for m, n in months])]
    else:
        lines.append("  " + t("results.chart.none"))
    lines += ["", t("results.chart.trips", count=min(CHART_TRIPS, len(figures.by_trip)))]
    trips = list(reversed(figures.by_trip[:CHART_TRIPS]))  # oldest first, as time runs
    if not trips:
        lines.append("  " + t("results.chart.none"))
    elif suppress:
        rows = [
            (_trip_label(row.trip_date, row.title), shown(row.counts.attended)) for row in trips
        ]
        lines += ["  " + line for line in bar_chart(rows)]
    else:
        rows3 = [
            (_trip_label(row.trip_date, row.title), row.counts.attended, row.counts.invited)
            for row in trips
        ]
        lines += ["  " + line for line in progress_chart(rows3, 20, label_width=40)]
    return lines


def _trip_label(day: date, title: str) -> str:
    return f"{format_date(day)} {title}"
