"""What the Resultater screen shows: the figures of `stats` for the filters as typed.

The screen hands over its fields as text; dates are read here, the Danish way, and a bad
one is named by its field. The overview is `results_text.render`, the report of `stats`.
"""

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy.engine import Engine

from rfk_trips.i18n.catalogue import t
from rfk_trips.results import evaluation_reference
from rfk_trips.results.results_series import months_of
from rfk_trips.results.results_service import ResultFilter, figures_as_json, load_facts_and_figures
from rfk_trips.results.results_text import (
    decimal,
    evaluation_label,
    hours_cells,
    hours_headings,
    render,
)
from rfk_trips.results.targets_text import report_targets
from rfk_trips.results.text_charts import bar_chart, monthly_chart, progress_chart
from rfk_trips.rules.danish_dates import format_date, parse_optional_date
from rfk_trips.rules.evaluation import EVER_ROWS, HOURS_ROWS, ON_DATE_ROWS
from rfk_trips.rules.outcome_figures import Figures, suppress_count

# The newest trips in the attendance chart; the Ture tab has them all.
CHART_TRIPS = 24
HOURS_CATEGORIES = tuple(row for row, _kind in HOURS_ROWS)


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
    evaluation: "EvaluationView | None" = None


@dataclass(frozen=True)
class EvaluationLine:
    """One row of an evaluation table as shown: every cell already text."""

    label: str
    count: str
    percent: str
    reference: str


@dataclass(frozen=True)
class EvaluationTable:
    title: str
    reference_heading: str
    reference_source: str
    rows: tuple[EvaluationLine, ...]
    total: EvaluationLine


@dataclass(frozen=True)
class HoursLine:
    """A row of hours per month as shown: the category, our cells, VIVE's figure."""

    label: str
    cells: tuple[str, ...]  # mean, SD, n, without hours, ≈ per week
    reference: str


@dataclass(frozen=True)
class HoursTable:
    title: str
    headings: tuple[str, ...]  # of `HoursLine.cells`
    reference_heading: str
    reference_source: str
    rows: tuple[HoursLine, ...]
    note: str


@dataclass(frozen=True)
class EvaluationView:
    """Resultater → Evaluering: our Tables 6.10 and 6.11 beside the evaluation's own, and
    hours per month in Table 6.16's shape."""

    population: str
    ever: EvaluationTable
    on_date: EvaluationTable
    note: str
    hours: HoursTable | None = None


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
        # The evaluation's tables get their own tab (issue 19), not the overview's end.
        report=render(data, asdict(where), evaluation=False),
        status_line="  ·  ".join(parts),
        trend="\n".join(trend_lines(figures, months, suppress=selection.suppress_small)),
        targets="\n".join(report_targets(engine, where, today=today) or [t("results.no_targets")]),
        evaluation=evaluation_view(data),
    )


def _percent(value: float | None) -> str:
    return t("results.rate_none") if value is None else f"{value:.1f} %".replace(".", ",")


def _reference(table: str, category: str) -> str:
    figure = evaluation_reference.reference_for(table, category)
    if figure is None:
        return t("results.eval_reference_none")
    return t("results.eval_reference_figure", count=figure.count, percent=_percent(figure.percent))


def reference_heading() -> str:
    """The reference column's heading: whose figures, and of how many."""
    return t(
        "results.eval_reference_col",
        year=evaluation_reference.YEAR,
        count=evaluation_reference.POPULATION,
    )


def _evaluation_table(table: str, title: str, block: dict[str, Any]) -> EvaluationTable:
    rows = tuple(
        EvaluationLine(
            evaluation_label(table, row["category"]),
            str(row["count"]),
            _percent(row["percent"]),
            _reference(table, row["category"]),
        )
        for row in block[table]
    )
    population = block["population"]
    reference_total = t(
        "results.eval_reference_figure",
        count=evaluation_reference.POPULATION,
        percent=_percent(100.0),
    )
    total = EvaluationLine(
        t("results.eval_total"),
        str(population),
        # A suppressed population ("<5") still stands for the whole, as in `stats`.
        _percent(100.0 if population else 0.0),
        reference_total,
    )
    return EvaluationTable(
        title=title,
        reference_heading=reference_heading(),
        reference_source=t(
            "results.eval_reference_source",
            year=evaluation_reference.YEAR,
            count=evaluation_reference.POPULATION,
            table=evaluation_reference.TABLE_NUMBERS[table],
        ),
        rows=rows,
        total=total,
    )


def category_width(tables: Iterable[str]) -> int:
    """The widest row name of the evaluation's `tables` ("ever", "on_date", "hours_per_month")
    in the language of the run, so a category column holds its names without wrapping."""
    rows = {"ever": EVER_ROWS, "on_date": ON_DATE_ROWS, "hours_per_month": HOURS_CATEGORIES}
    names = [evaluation_label(table, code) for table in tables for code in rows[table]]
    return max(len(name) for name in [*names, t("results.eval_total")])


def _hours_reference(category: str) -> str:
    figure = evaluation_reference.HOURS_PER_MONTH.get(category)
    if figure is None:
        return t("results.eval_reference_none")
    return t(
        "results.eval_hours_reference_figure",
        mean=decimal(figure.mean),
        sd=decimal(figure.sd),
        n=figure.n,
    )


def hours_table(rows: list[dict[str, Any]]) -> HoursTable:
    """`hours_per_month` of `figures_as_json` as the screen shows it, VIVE's figures beside."""
    return HoursTable(
        title=t("results.eval_hours"),
        headings=tuple(hours_headings()),
        reference_heading=t("results.eval_hours_reference_col", year=evaluation_reference.YEAR),
        reference_source=t(
            "results.eval_hours_reference_source",
            year=evaluation_reference.YEAR,
            table=evaluation_reference.TABLE_NUMBERS["hours_per_month"],
        ),
        rows=tuple(
            HoursLine(
                evaluation_label("hours_per_month", row["category"]),
                tuple(hours_cells(row)),
                _hours_reference(row["category"]),
            )
            for row in rows
        ),
        note=t("results.eval_hours_note"),
    )


def evaluation_view(data: dict[str, Any]) -> EvaluationView | None:
    """The tables of `figures_as_json` (suppressed or not) as the screen shows them."""
    block = data.get("evaluation")
    if not block:
        return None
    day = block["date"]
    when = date.fromisoformat(day) if isinstance(day, str) else day
    return EvaluationView(
        population=t("results.eval_population", count=block["population"]),
        ever=_evaluation_table("ever", t("results.eval_ever"), block),
        on_date=_evaluation_table("on_date", t("results.eval_on", date=format_date(when)), block),
        note=t("results.eval_suppressed") if data["suppressed"] else "",
        hours=hours_table(block["hours_per_month"]) if block.get("hours_per_month") else None,
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
