"""Exporting what came of the trips: follow-ups, outcomes and the figures of `rfk-trips stats`.

`followups` and `outcomes` name citizens and stay inside the job centre (`outcomes` in the
shape the outcomes import reads, `history_export`); like the citizens
export they never carry skånehensyn, and the audit log names the citizens each file holds.
`stats` is meant to leave the job centre, so every count of 1–4 people is always shown as
"<5" (DOMAIN.md R36): the JSON is exactly `rfk-trips stats --json --suppress-small`, and
CSV/Excel get the same figures as one flat table (afsnit, gruppe, nøgletal, værdi) that a
person can filter in Excel. Excel also gets the evaluation's Tables 6.10 and 6.11 counted from
our trips, a sheet each in the evaluation's layout (category, count, per cent) with VIVE's own
figure for all participants beside each row, and a sheet "Tabel 6.16" of hours per month for
those in paid work (mean, SD, n, those without hours, ≈ per week) beside VIVE's.
"""

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import col

from rfk_trips.after_trip.follow_up_listing import list_follow_ups
from rfk_trips.exchange.exporting import (
    ExportTable,
    codes_for,
    export_errors,
    sheet_name,
    write_export,
)
from rfk_trips.exchange.history_export import outcomes_table as history_outcomes_table
from rfk_trips.exchange.history_fields import OUTCOME_FIELDS
from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.privacy.read_outs import write_recorded
from rfk_trips.results import evaluation_reference
from rfk_trips.results.results_service import ResultFilter, figures_as_json, load_figures
from rfk_trips.results.results_text import cell_name, evaluation_label
from rfk_trips.rules.danish_dates import danish_moment, format_date
from rfk_trips.rules.errors import UserError
from storage.codes import OutcomeKind
from storage.models import Trip
from storage.sessions import session_scope
from storage.tabular_files import (
    WRITABLE_SUFFIXES,
    Sheet,
    UnsupportedFileType,
    write_json,
    write_table,
    write_workbook,
)

ResultExportKind = Literal["followups", "outcomes", "stats"]
RESULT_EXPORT_KINDS: tuple[ResultExportKind, ...] = ("followups", "outcomes", "stats")

FOLLOW_UP_HEADERS = [
    "id",
    "borger_id",
    "navn",
    "tur_id",
    "turdato",
    "tur",
    "opgave",
    "frist",
    "udfoert",
    "ansvarlig",
    "virksomhed",
    "naeste_skridt",
    "note",
]
OUTCOME_HEADERS = [f.column for f in OUTCOME_FIELDS.fields]


def refuse_stats_options(kind: str, given: Sequence[str]) -> None:
    """The figures' filters (--from, --on, …) with another kind: say so, in Danish."""
    if kind == "stats" or not given:
        return
    options = list(given)
    named = (
        options[0]
        if len(options) == 1
        else f"{', '.join(options[:-1])} {t('export_results.and')} {options[-1]}"
    )
    them = t("export_results.it") if len(options) == 1 else t("export_results.them")
    raise UserError(t("export_results.stats_only", options=named, them=them))


def _trip_dates(engine: Engine) -> dict[int, date]:
    with session_scope(engine) as session:
        return {
            trip_id: day
            for trip_id, day in session.execute(select(col(Trip.id), col(Trip.trip_date)))
        }


def follow_ups_table(engine: Engine, *, codes: bool, today: date) -> ExportTable:
    """Every follow-up task, open and done, by due date. Nothing known: None (a blank cell)."""
    dates = _trip_dates(engine)
    rows: list[list[Any]] = [
        [
            row.id,
            row.citizen_id,
            row.citizen,
            row.trip_id,
            dates.get(row.trip_id) if row.trip_id is not None else None,
            row.trip,
            row.kind.value if codes else row.kind_label,
            row.due_date,
            # Stored in UTC: the day it was done is the Danish calendar day.
            danish_moment(row.done_at).date() if row.done_at is not None else None,
            row.staff,
            row.company,
            row.next_step,
            row.note,
        ]
        for row in list_follow_ups(engine, today=today, include_done=True)
    ]
    return ExportTable(FOLLOW_UP_HEADERS, rows)


def outcomes_table(engine: Engine, *, codes: bool) -> ExportTable:
    """Every outcome, by start date, with the trip that led to it, in the shape the outcomes
    import reads (history_export)."""
    with session_scope(engine) as session:
        return ExportTable(*history_outcomes_table(session, codes=codes))


# --- the figures as a flat table -------------------------------------------------------

Row = list[Any]

_ATTENDANCE = (
    ("trips", "results.trips"),
    ("invited", "results.invited"),
    ("attended", "results.attended"),
    ("late", "results.late"),
    ("left_early", "results.left_early"),
    ("excused", "results.excused"),
    ("no_show", "results.no_show"),
    ("pending", "results.pending"),
)
_TOTALS = (
    ("citizens_with_outcome", "results.with_outcome"),
    ("in_paid_work", "results.in_paid_work"),
)


def _percent(rate: float | None) -> int | None:
    return None if rate is None else round(rate * 100)


def _outcome_rows(section: str, group: str, block: dict[str, Any], on: str | None) -> list[Row]:
    """Per outcome kind, then with an outcome and in paid work; `on` marks "status on"."""

    def measure(name: str) -> str:
        return name if on is None else t("export_results.on", measure=name, date=on)

    rows = [
        [section, group, measure(label(OutcomeKind(code))), value]
        for code, value in block["outcomes"].items()
    ]
    rows += [[section, group, measure(t(key)), block[field]] for field, key in _TOTALS]
    return rows


def _block_rows(section: str, group: str, block: dict[str, Any], on: str | None) -> list[Row]:
    rows = [[section, group, t(key), block[field]] for field, key in _ATTENDANCE]
    rows.append(
        [section, group, t("export_results.rate_percent"), _percent(block["attendance_rate"])]
    )
    rows += _outcome_rows(section, group, block, None)
    if block["status_on"] is not None:
        rows += _outcome_rows(section, group, block["status_on"], on)
    return rows


def _headline_rows(data: dict[str, Any], on: str | None) -> list[Row]:
    section = t("results.headline_heading")
    blocks: list[tuple[dict[str, Any], str | None]] = [(data["headline"], None)]
    if data["status_on"] is not None:
        blocks.append((data["status_on"]["headline"], on))
    rows: list[Row] = []
    for headline, when in blocks:
        for code, value in headline.items():
            name = label(OutcomeKind(code))
            if when is not None:
                name = t("export_results.on", measure=name, date=when)
            rows.append([section, "", name, value])
    return rows


def _selection_rows(where: ResultFilter, on: str | None) -> list[Row]:
    section = t("export_results.section.selection")
    if where.date_from or where.date_to:
        start = format_date(where.date_from) if where.date_from else "…"
        end = format_date(where.date_to) if where.date_to else "…"
        period = f"{start} – {end}"
    else:
        period = t("results.period_open")
    rows = [
        [section, "", t("export_results.period"), period],
        [
            section,
            "",
            t("export_results.municipality"),
            where.municipality or t("export_results.all"),
        ],
        [
            section,
            "",
            t("export_results.trip_format"),
            where.trip_format or t("export_results.all"),
        ],
    ]
    if on is not None:
        rows.append([section, "", t("export_results.status_date"), on])
    rows.append([section, "", t("export_results.discretion"), t("results.suppressed")])
    return rows


def stats_rows(data: dict[str, Any], where: ResultFilter) -> list[Row]:
    """The (suppressed) JSON of `figures_as_json` as rows of section, group, measure, value."""
    on = format_date(date.fromisoformat(str(data["on"]))) if data["on"] is not None else None
    rows = _selection_rows(where, on)
    rows += _block_rows(t("export_results.section.total"), "", data, on)
    rows += _headline_rows(data, on)
    for title, key in (
        ("results.by_municipality", "by_municipality"),
        ("results.by_trip_format", "by_trip_format"),
    ):
        for name, block in data[key].items():
            shown = t("results.no_municipality") if name == "unknown" else name
            rows += _block_rows(t(title), shown, block, on)
    for company in data["by_company"]:
        rows += _block_rows(t("results.by_company"), company["name"], company, on)
    for company in data["by_company"]:
        rows += _outcome_rows(
            t("export_results.section.at_company"), company["name"], company["at_company"], None
        )
    rows += _breakdown_rows(data["breakdowns"], None)
    by_municipality = data.get("breakdowns_by_municipality", {})
    if len(by_municipality) > 1:  # with one, they are the rows above again
        for municipality, dimensions in by_municipality.items():
            shown = t("results.no_municipality") if municipality == "unknown" else municipality
            rows += _breakdown_rows(dimensions, shown)
    return rows


def _breakdown_rows(breakdowns: dict[str, Any], municipality: str | None) -> list[Row]:
    rows: list[Row] = []
    for dimension, cells in breakdowns.items():
        section = t(f"results.dim.{dimension}")
        if municipality is not None:
            section = t(
                "export_results.section.in_municipality", section=section, name=municipality
            )
        for key, cell in cells.items():
            name = cell_name(dimension, key)
            rows += [
                [section, name, t("export_results.citizens_attended"), cell["attended"]],
                [section, name, t("results.with_outcome"), cell["with_outcome"]],
                [section, name, t("results.in_paid_work"), cell["in_paid_work"]],
            ]
    return rows


def evaluation_sheets(data: dict[str, Any]) -> list[Sheet]:
    """Tables 6.10 and 6.11 of the (suppressed) figures, VIVE's figures beside: two sheets."""
    block = data.get("evaluation")
    if not block:
        return []
    day = block["date"]
    when = date.fromisoformat(day) if isinstance(day, str) else day
    year, everyone = evaluation_reference.YEAR, evaluation_reference.POPULATION
    population = block["population"]
    sheets = []
    for table, title in (
        ("ever", t("results.eval_ever")),
        ("on_date", t("results.eval_on", date=format_date(when))),
    ):
        number = evaluation_reference.TABLE_NUMBERS[table]
        headers = [
            title,
            t("results.eval_count"),
            t("results.eval_percent"),
            t("export_results.eval_reference_count", year=year, count=everyone),
            t("export_results.eval_reference_percent", year=year),
        ]
        rows: list[Row] = []
        for row in block[table]:
            reference = evaluation_reference.reference_for(table, row["category"])
            rows.append(
                [
                    evaluation_label(table, row["category"]),
                    row["count"],
                    row["percent"],
                    reference.count if reference else t("results.eval_reference_none"),
                    reference.percent if reference else t("results.eval_reference_none"),
                ]
            )
        rows.append(
            [t("results.eval_total"), population, 100.0 if population else 0.0, everyone, 100.0]
        )
        source = t("results.eval_reference_source", year=year, count=everyone, table=number)
        rows.append([source, None, None, None, None])
        sheets.append(Sheet(t("export_results.eval_sheet", table=number), headers, rows))
    if block.get("hours_per_month"):
        sheets.append(_hours_sheet(block["hours_per_month"]))
    return sheets


def _hours_sheet(hours: list[dict[str, Any]]) -> Sheet:
    """Hours per month (003 Tab 6.16's shape): ours, suppressed, then VIVE's three figures."""
    year = evaluation_reference.YEAR
    number = evaluation_reference.TABLE_NUMBERS["hours_per_month"]
    headers = [
        t("results.eval_hours"),
        *(t(f"export_results.eval_hours_{key}") for key in ("mean", "sd", "n", "without", "week")),
        *(t(f"export_results.eval_reference_{key}", year=year) for key in ("mean", "sd", "n")),
    ]
    none = t("results.eval_reference_none")
    rows: list[Row] = []
    for row in hours:
        reference = evaluation_reference.HOURS_PER_MONTH.get(row["category"])
        rows.append(
            [
                evaluation_label("hours_per_month", row["category"]),
                row["mean"],
                row["sd"],
                row["n"],
                row["without_hours"],
                row["per_week"],
                reference.mean if reference else none,
                reference.sd if reference else none,
                reference.n if reference else none,
            ]
        )
    rows.append([t("results.eval_hours_note"), *[None] * 8])
    source = t("results.eval_hours_reference_source", year=year, table=number)
    rows.append([source, *[None] * 8])
    return Sheet(t("export_results.eval_sheet", table=number), headers, rows)


def stats_headers() -> list[str]:
    return [
        t("export_results.col.section"),
        t("export_results.col.group"),
        t("export_results.col.measure"),
        t("export_results.col.value"),
    ]


def export_results_file(
    engine: Engine,
    kind: ResultExportKind,
    path: Path,
    *,
    today: date,
    where: ResultFilter | None = None,
    on: date | None = None,
) -> int:
    """Write `kind` to `path` (format from the extension); returns the number of rows.

    For `stats`, the figures are those of `rfk-trips stats` with `where` and `on` (default
    today), always with small cells suppressed.
    """
    if path.suffix.lower() not in WRITABLE_SUFFIXES:
        with export_errors(path):  # refused before any figure is counted
            raise UnsupportedFileType(path.suffix.lower())
    codes = codes_for(path)
    if kind == "stats":
        where = where or ResultFilter()
        figures = load_figures(engine, where, on=on or today, today=today)
        data = figures_as_json(figures, suppress_small=True)
        rows = stats_rows(data, where)

        def write() -> None:
            with export_errors(path):
                if codes:
                    write_json(path, data)
                elif path.suffix.lower() == ".xlsx":
                    sheets = evaluation_sheets(data)
                    write_workbook(path, stats_headers(), rows, sheets, sheet=sheet_name(kind))
                else:
                    write_table(path, stats_headers(), rows, sheet=sheet_name(kind))

        # Counts only, with small cells hidden: on record, but naming no citizen.
        write_recorded(engine, path, write, action="export", entity=kind)
        return len(rows)
    if kind == "followups":
        table = follow_ups_table(engine, codes=codes, today=today)
    else:
        table = outcomes_table(engine, codes=codes)
    write_export(engine, kind, path, table)
    return len(table.rows)
