"""Target progress as text with bars, for `rfk-trips target progress` and `rfk-trips stats`."""

from datetime import date
from itertools import groupby

from sqlalchemy.engine import Engine

from rfk_trips.i18n.catalogue import t
from rfk_trips.results.results_service import ResultFilter
from rfk_trips.results.targets import HalfYear, TargetProgress, target_progress
from rfk_trips.results.text_charts import progress_chart
from rfk_trips.rules.danish_dates import format_date
from storage.codes import TargetMeasure

PROGRESS_WIDTH = 12
_HOST_MEASURES = {TargetMeasure.HOSTS_VISITED, TargetMeasure.NEW_HOSTS}


def progress_lines(progress: list[TargetProgress], period: HalfYear) -> list[str]:
    """A heading, then per municipality one bar per target; one line saying none if empty."""
    if not progress:
        return [t("targets.none_for", half=period.label())]
    lines = [
        t(
            "targets.progress_heading",
            half=period.label(),
            start=format_date(period.start),
            end=format_date(period.end),
        )
    ]
    # One label width for every municipality, so the bars line up down the page.
    width = max(len(row.measure_label) for row in progress)
    for municipality, rows in groupby(progress, key=lambda row: row.municipality):
        chart = progress_chart(
            [(row.measure_label, row.achieved, row.target) for row in rows],
            PROGRESS_WIDTH,
            label_width=width,
        )
        lines += [f"  {municipality}", *(f"    {line}" for line in chart)]
    lines.append("  " + t("targets.progress_note"))
    if any(row.measure in _HOST_MEASURES for row in progress):
        lines.append("  " + t("targets.progress_note_hosts"))
    return lines


def report_targets(engine: Engine, where: ResultFilter, *, today: date) -> list[str]:
    """The half-year a report reaches (its end, or now) and its targets; none if none are set."""
    period = HalfYear.of(min(where.date_to, today) if where.date_to else today)
    rows = target_progress(
        engine,
        year=period.year,
        half=period.half,
        municipality=where.municipality,
        today=today,
    )
    return progress_lines(rows, period) if rows else []
