"""The figures as a readable Danish table with bar charts, for `rfk-trips stats`.

Works on the JSON of `results_service.figures_as_json`, so a suppressed export ("<5") reads
the same on screen as in the file.
"""

import textwrap
from datetime import date
from typing import Any

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.results.text_charts import bar
from rfk_trips.rules.danish_dates import format_date
from rfk_trips.rules.evaluation import PAID_HOURS_WITH_BENEFIT
from storage.codes import BenefitGroup, Gender, OutcomeKind

COMPANY_ROWS = 10
TRIP_ROWS = 10


def _rate(value: float | None) -> str:
    return t("results.rate_none") if value is None else f"{round(value * 100)} %"


def cell_name(dimension: str, key: str) -> str:
    """A breakdown cell's name for people: `30-39` -> "30-39 år", `woman` -> "Kvinde"."""
    if key == "unknown":
        return t("results.unknown")
    if dimension == "age_band":
        return t("results.under_18") if key == "under-18" else t("results.age", band=key)
    if dimension == "gender":
        return label(Gender(key))
    if dimension == "benefit_group":
        return label(BenefitGroup(key))
    if dimension == "start_quarter":
        year, quarter = key.split("-Q")
        return t("results.quarter", quarter=quarter, year=year)
    return key


def _line(name: str, value: object, width: int = 28) -> str:
    return f"  {name:<{width}} {value!s:>6}"


def _header(data: dict[str, Any], where: dict[str, Any]) -> list[str]:
    lines = [t("results.heading")]
    start, end = where.get("date_from"), where.get("date_to")
    if start or end:
        lines.append(
            t(
                "results.period",
                start=format_date(start) if start else "…",
                end=format_date(end) if end else "…",
            )
        )
    else:
        lines.append(t("results.period_open"))
    if where.get("municipality"):
        lines.append(t("results.filter_municipality", name=where["municipality"]))
    if where.get("trip_format"):
        lines.append(t("results.filter_format", code=where["trip_format"]))
    if where.get("trip_id") is not None:
        trip = data["by_trip"][0] if data["by_trip"] else None
        lines.append(
            t("results.filter_trip", title=trip["title"], date=_day(trip["date"]))
            if trip
            else t("results.filter_trip_id", id=where["trip_id"])
        )
    if data["suppressed"]:
        lines.append(t("results.suppressed"))
    return lines


def _attendance(data: dict[str, Any]) -> list[str]:
    return [
        _line(t("results.trips"), data["trips"]),
        _line(t("results.invited"), data["invited"]),
        _line(t("results.attended"), data["attended"]),
        _line("  " + t("results.late"), data["late"]),
        _line("  " + t("results.left_early"), data["left_early"]),
        _line(t("results.excused"), data["excused"]),
        _line(t("results.no_show"), data["no_show"]),
        *([_line(t("results.pending"), data["pending"])] if data["pending"] else []),
        _line(t("results.rate"), _rate(data["attendance_rate"])),
    ]


def _outcome_table(data: dict[str, Any], key: str, on: date | None) -> list[str]:
    ever = data[key]
    status = data["status_on"][key] if data["status_on"] else None
    largest = max((v for v in ever.values() if isinstance(v, int)), default=0)
    width = max(len(label(OutcomeKind(code))) for code in ever)
    on_title = t("results.col_on", date=format_date(on)) if on else ""
    lines = [f"  {'':<{width}} {t('results.col_ever'):>10} {on_title:>14}"]
    for code, value in ever.items():
        now = "" if status is None else status[code]
        lines.append(
            f"  {label(OutcomeKind(code)):<{width}} {value!s:>10} {now!s:>14}  "
            f"{bar(value, largest)}"
        )
    return lines


def _totals(data: dict[str, Any], on: date | None) -> list[str]:
    status = data["status_on"]
    lines = []
    for name, key in (
        ("results.with_outcome", "citizens_with_outcome"),
        ("results.in_paid_work", "in_paid_work"),
    ):
        if status is None or on is None:
            lines.append("  " + t("results.total_ever", name=t(name), ever=data[key]))
        else:
            lines.append(
                "  "
                + t(
                    "results.total_ever_on",
                    name=t(name),
                    ever=data[key],
                    now=status[key],
                    date=format_date(on),
                )
            )
    return lines


def _groups(data: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    for title, key in (
        ("results.by_municipality", "by_municipality"),
        ("results.by_trip_format", "by_trip_format"),
    ):
        lines += ["", t(title)]
        for name, group in data[key].items():
            shown = t("results.no_municipality") if name == "unknown" else name
            lines.append(
                "  "
                + t(
                    "results.group_line",
                    name=shown,
                    trips=group["trips"],
                    attended=group["attended"],
                    with_outcome=group["citizens_with_outcome"],
                    paid=group["in_paid_work"],
                )
            )
    companies = data["by_company"]
    if companies:
        lines += ["", t("results.by_company")]
        for row in companies[:COMPANY_ROWS]:
            lines.append(
                "  "
                + t(
                    "results.company_line",
                    name=row["name"],
                    trips=row["trips"],
                    with_outcome=row["citizens_with_outcome"],
                    at_company=row["at_company"]["citizens_with_outcome"],
                )
            )
        if len(companies) > COMPANY_ROWS:
            lines.append("  " + t("results.companies_more", count=len(companies) - COMPANY_ROWS))
    return lines


def _day(value: date | str) -> str:
    return format_date(date.fromisoformat(value) if isinstance(value, str) else value)


def _trips(data: dict[str, Any]) -> list[str]:
    trips = data["by_trip"]
    if not trips:
        return []
    lines = ["", t("results.by_trip")]
    for row in trips[:TRIP_ROWS]:
        lines.append(
            "  "
            + t(
                "results.trip_line",
                date=_day(row["date"]),
                title=row["title"],
                attended=row["attended"],
                invited=row["invited"],
                with_outcome=row["citizens_with_outcome"],
                paid=row["in_paid_work"],
            )
        )
    if len(trips) > TRIP_ROWS:
        lines.append("  " + t("results.trips_more", count=len(trips) - TRIP_ROWS))
    return lines


def _breakdowns(data: dict[str, Any]) -> list[str]:
    lines = ["", t("results.breakdowns"), *_breakdown_lines(data["breakdowns"])]
    by_municipality = data.get("breakdowns_by_municipality", {})
    if len(by_municipality) > 1:  # with one, it is the table above again
        for name, dimensions in by_municipality.items():
            shown = t("results.no_municipality") if name == "unknown" else name
            lines += ["", t("results.breakdowns_municipality", name=shown)]
            lines += _breakdown_lines(dimensions)
    return lines


def _breakdown_lines(breakdowns: dict[str, Any]) -> list[str]:
    lines = []
    for dimension, cells in breakdowns.items():
        lines.append("  " + t(f"results.dim.{dimension}"))
        for key, cell in cells.items():
            lines.append(
                "    "
                + t(
                    "results.cell_line",
                    name=cell_name(dimension, key),
                    attended=cell["attended"],
                    with_outcome=cell["with_outcome"],
                    paid=cell["in_paid_work"],
                )
            )
    return lines


def _percent(value: float | None) -> str:
    return t("results.rate_none") if value is None else f"{value:.1f} %".replace(".", ",")


# The on-date table's own names, where its row holds more than the ever table's row of that
# name: 003 Tab 6.11 merges løntilskud into hours with a top-up, and so do we.
_ON_DATE_LABELS = {PAID_HOURS_WITH_BENEFIT: "results.eval_on_row.paid_hours_with_benefit"}
NOTE_WIDTH = 94


def evaluation_label(table: str, category: str) -> str:
    """A row's name in the evaluation's `table` ("ever", "on_date" or "hours_per_month")."""
    if table == "on_date" and category in _ON_DATE_LABELS:
        return t(_ON_DATE_LABELS[category])
    return t(f"results.eval_row.{category}")


def decimal(value: float | None) -> str:
    """A figure with one decimal, with a decimal comma as the tables' per cents ("90,6")."""
    return t("results.rate_none") if value is None else f"{value:.1f}".replace(".", ",")


def per_week(value: float | None) -> str:
    """Hours a week as the evaluation writes them: "≈ 21,1"; "–" when hidden or unknown."""
    if value is None:
        return t("results.rate_none")
    return t("results.eval_hours_per_week", hours=decimal(value))


def hours_cells(row: dict[str, Any]) -> list[str]:
    """A row of `hours_per_month` as text: mean, SD, n, without hours, ≈ per week."""
    return [
        decimal(row["mean"]),
        decimal(row["sd"]),
        str(row["n"]),
        str(row["without_hours"]),
        per_week(row["per_week"]),
    ]


def hours_headings() -> list[str]:
    keys = ("mean", "sd", "n", "without", "week")
    return [t(f"results.eval_hours_{key}") for key in keys]


def _hours_table(rows: list[dict[str, Any]]) -> list[str]:
    names = [evaluation_label("hours_per_month", row["category"]) for row in rows]
    width = max(len(name) for name in names)
    headings = hours_headings()
    widths = [max(len(heading), 6) for heading in headings]

    def line(name: str, cells: list[str]) -> str:
        shown = "".join(f"  {cell:>{w}}" for cell, w in zip(cells, widths, strict=True))
        return f"    {name:<{width}}{shown}"

    lines = ["  " + t("results.eval_hours"), line("", headings)]
    lines += [line(name, hours_cells(row)) for name, row in zip(names, rows, strict=True)]
    lines += ["    " + part for part in textwrap.wrap(t("results.eval_hours_note"), NOTE_WIDTH)]
    return lines


def _evaluation_table(
    table: str, title: str, rows: list[dict[str, Any]], population: object
) -> list[str]:
    names = [evaluation_label(table, row["category"]) for row in rows]
    width = max(len(name) for name in [*names, t("results.eval_total")])
    lines = [
        "  " + title,
        f"    {'':<{width}} {t('results.eval_count'):>6} {t('results.eval_percent'):>8}",
    ]
    for name, row in zip(names, rows, strict=True):
        lines.append(f"    {name:<{width}} {row['count']!s:>6} {_percent(row['percent']):>8}")
    total = _percent(100.0) if population else _percent(0.0)
    lines.append(f"    {t('results.eval_total'):<{width}} {population!s:>6} {total:>8}")
    return lines


def _evaluation(data: dict[str, Any]) -> list[str]:
    """Tables 6.10 and 6.11 of the midterm evaluation, and 6.16's hours per month, counted
    from our own trips."""
    evaluation = data.get("evaluation")
    if not evaluation:
        return []
    day = evaluation["date"]
    when = date.fromisoformat(day) if isinstance(day, str) else day
    population = evaluation["population"]
    lines = ["", t("results.eval_heading"), "  " + t("results.eval_population", count=population)]
    lines += _evaluation_table("ever", t("results.eval_ever"), evaluation["ever"], population)
    lines.append("")
    lines += _evaluation_table(
        "on_date", t("results.eval_on", date=format_date(when)), evaluation["on_date"], population
    )
    if evaluation.get("hours_per_month"):
        lines += ["", *_hours_table(evaluation["hours_per_month"])]
    if data["suppressed"]:
        lines.append("  " + t("results.eval_suppressed"))
    return lines


def render(data: dict[str, Any], where: dict[str, Any], *, evaluation: bool = True) -> str:
    """The whole report; `where` holds the filters (date_from, date_to, municipality, …).

    `evaluation` adds the evaluation's two tables (003 Tab 6.10, 6.11) after the totals.
    """
    lines = _header(data, where)
    if data["trips"] == 0:
        return "\n".join([*lines, "", t("results.no_trips")])
    on = date.fromisoformat(data["on"]) if isinstance(data["on"], str) else data["on"]
    lines += ["", *_attendance(data)]
    lines += ["", t("results.outcomes_heading"), *_outcome_table(data, "outcomes", on)]
    lines += ["", t("results.headline_heading"), *_outcome_table(data, "headline", on)]
    lines += _totals(data, on)
    if evaluation:
        lines += _evaluation(data)
    lines += _groups(data)
    lines += _trips(data)
    lines += _breakdowns(data)
    return "\n".join(lines)
