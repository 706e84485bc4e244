"""Resultater → Evaluering and the figures workbook: Tables 6.10 and 6.11 beside VIVE's own."""

import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy.engine import Engine
from textual.widgets import DataTable, Static, TabbedContent

from rfk_trips.app.application import make_app
from rfk_trips.exchange.exporting_results import export_results_file
from rfk_trips.results import evaluation_reference
from rfk_trips.results.results_screen_data import Selection, load_view
from rfk_trips.rules.evaluation import EVER_ROWS, HOURS_ROWS, ON_DATE_ROWS
from screens.results.results_screen import ResultsScreen
from tests.conftest import TODAY
from tests.database_choice import url_for
from tests.pilot_helpers import settle
from tests.trip_builders import results_world

SEED = Path("/work/shared/seeds/003_fcc5071501496f81.txt")
REFERENCE_SOURCE = "VIVE-evalueringen 2019, alle deltagere (n = 663), tabel"
HOURS_CATEGORIES = [row for row, _kind in HOURS_ROWS]
ON_DATE_WITH_SUBSIDY = "Ordinære timer med supplerende ydelse (inkl. løntilskud)"


def cells(table: DataTable[Any], column: int) -> list[str]:
    return [str(table.get_row_at(i)[column]) for i in range(table.row_count)]


async def open_evaluation(app: Any, pilot: Any) -> ResultsScreen:
    await settle(app, pilot)
    await pilot.press("f9")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ResultsScreen)
    await pilot.press("6")
    await settle(app, pilot)
    assert screen.query_one("#results-tabs", TabbedContent).active == "results-tab-evaluation"
    return screen


async def test_the_evaluation_tab_adds_up_and_shows_vive_beside_it(demo_engine: Engine) -> None:
    url = demo_engine.url.render_as_string(hide_password=False)
    demo_engine.dispose()
    app = make_app(database_url=url)
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await open_evaluation(app, pilot)
        population_line = str(screen.query_one("#results-evaluation-population", Static).render())
        population = int(population_line.rsplit(":", 1)[1])
        assert population > 0
        for name, rows, reference in (
            ("ever", EVER_ROWS, evaluation_reference.EVER),
            ("on", ON_DATE_ROWS, evaluation_reference.ON_DATE),
        ):
            table = screen.query_one(f"#results-eval-{name}", DataTable)
            assert table.row_count == len(rows) + 1  # every row, then the total
            counts = cells(table, 1)
            assert sum(int(n) for n in counts[:-1]) == population == int(counts[-1])
            assert cells(table, 0)[-1] == "I alt"
            assert str(table.columns[table.ordered_columns[3].key].label) == "VIVE 2019 (n = 663)"
            shown = cells(table, 3)
            assert shown[-1] == "663 (100,0 %)"
            for code, text in zip(rows, shown, strict=False):
                figure = reference[code]
                assert text == f"{figure.count} ({figure.percent:.1f} %)".replace(".", ",")
            source = str(screen.query_one(f"#results-eval-{name}-source", Static).render())
            assert REFERENCE_SOURCE in source
        assert cells(screen.query_one("#results-eval-ever", DataTable), 3)[0] == "26 (3,9 %)"
        assert cells(screen.query_one("#results-eval-on", DataTable), 3)[0] == "10 (1,5 %)"


async def test_s_hides_small_counts_on_the_evaluation_tab(engine: Engine, db_path: Path) -> None:
    results_world(engine)  # three citizens came: every cell is small
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await open_evaluation(app, pilot)
        ever = screen.query_one("#results-eval-ever", DataTable)
        assert cells(ever, 1)[-1] == "3"
        assert any(n in {"1", "2", "3"} for n in cells(ever, 1)[:-1])
        await pilot.press("s")
        await settle(app, pilot)
        assert screen.query_one("#results-tabs", TabbedContent).active == "results-tab-evaluation"
        for name in ("ever", "on"):
            table = screen.query_one(f"#results-eval-{name}", DataTable)
            counts = cells(table, 1)
            assert not {"1", "2", "3", "4"} & set(counts)
            assert counts[-1] == "<5"
            assert "<5" in counts[:-1]
            # A hidden count's per cent is hidden with it; VIVE's published figures are not.
            for count, percent in zip(counts[:-1], cells(table, 2)[:-1], strict=True):
                assert (percent == "–") == (count in {"<5", "x"})
            assert cells(table, 3)[-1] == "663 (100,0 %)"
        note = str(screen.query_one("#results-evaluation-note", Static).render())
        assert "skjult" in note


def test_an_empty_database_gives_tables_of_zeros(engine: Engine) -> None:
    view = load_view(engine, Selection(), today=TODAY)
    assert view.evaluation is not None
    assert view.evaluation.ever.total.count == "0"
    assert [line.count for line in view.evaluation.ever.rows] == ["0"] * len(EVER_ROWS)


def test_every_category_has_the_evaluations_figure_or_a_dash() -> None:
    assert set(evaluation_reference.EVER) == set(EVER_ROWS)
    assert set(evaluation_reference.ON_DATE) == set(ON_DATE_ROWS)
    for table in evaluation_reference.TABLES.values():
        assert sum(f.count for f in table.values()) == evaluation_reference.POPULATION
    assert evaluation_reference.reference_for("ever", "exit") is None


@pytest.mark.skipif(not SEED.exists(), reason="the seed texts are not on this machine")
def test_the_reference_figures_are_the_seed_tables_lines() -> None:
    """Each figure is on the seed line its comment names, as "count per-cent" (Danish comma)."""
    seed = SEED.read_text(encoding="utf-8").splitlines()
    source = Path(evaluation_reference.__file__).read_text(encoding="utf-8")
    found = re.findall(r"ReferenceFigure\((\d+), ([\d.]+)\),\s+# .*?L(?:\d+–)?(\d+)$", source, re.M)
    assert len(found) == len(EVER_ROWS) + len(ON_DATE_ROWS)
    for count, percent, line in found:
        assert seed[int(line) - 1].rstrip().endswith(f"{count} {percent.replace('.', ',')}")


def test_export_stats_xlsx_has_both_tables_as_sheets(demo_engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "tal.xlsx"
    rows = export_results_file(demo_engine, "stats", path, today=TODAY, on=TODAY)
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Nøgletal", "Tabel 6.10", "Tabel 6.11", "Tabel 6.16"]
    first = list(workbook["Nøgletal"].iter_rows(values_only=True))
    assert list(first[0]) == ["afsnit", "gruppe", "nøgletal", "værdi"]
    assert len(first) == rows + 1
    for title, codes, reference in (
        ("Tabel 6.10", EVER_ROWS, evaluation_reference.EVER),
        ("Tabel 6.11", ON_DATE_ROWS, evaluation_reference.ON_DATE),
    ):
        sheet = list(workbook[title].iter_rows(values_only=True))
        header, body, total, source = sheet[0], sheet[1:-2], sheet[-2], sheet[-1]
        assert header[1:] == (
            "Antal",
            "Procent",
            "VIVE 2019 antal (n = 663)",
            "VIVE 2019 procent",
        )
        assert title.removeprefix("Tabel ") in str(header[0])
        assert len(body) == len(codes)
        assert total[0] == "I alt" and total[3:] == (663, 100.0)
        population = total[1]
        assert isinstance(population, int) and population > 0
        # Always suppressed when the figures leave the job centre; hidden cells hold a mark.
        counts = [row[1] for row in body]
        assert not {1, 2, 3, 4} & set(counts)
        shown = [n for n in counts if isinstance(n, int)]
        assert all(n in {"<5", "x"} for n in counts if not isinstance(n, int))
        if len(shown) == len(counts):
            assert sum(shown) == population
        else:
            assert sum(shown) < population
        for code, row in zip(codes, body, strict=True):
            assert (row[3], row[4]) == (reference[code].count, reference[code].percent)
            hidden = row[1] in {"<5", "x"}
            assert row[2] is None if hidden else isinstance(row[2], int | float)
        assert str(source[0]).startswith("Reference: " + REFERENCE_SOURCE)
        labels = [row[0] for row in body]
        with_benefit = labels[codes.index("paid_hours_with_benefit")]
        # The on-date row holds løntilskud too, and says so; the ever row does not hold it.
        assert (with_benefit == ON_DATE_WITH_SUBSIDY) == (title == "Tabel 6.11")
    hours = list(workbook["Tabel 6.16"].iter_rows(values_only=True))
    header, body, note, source = hours[0], hours[1:-2], hours[-2], hours[-1]
    assert "6.16" in str(header[0])
    assert header[1:] == (
        "Timer pr. måned",
        "Spredning",
        "Antal med timer",
        "Uden registrerede timer",
        "≈ timer pr. uge",
        "VIVE 2019 timer pr. måned",
        "VIVE 2019 spredning",
        "VIVE 2019 antal",
    )
    assert len(body) == len(HOURS_CATEGORIES)
    for code, row in zip(HOURS_CATEGORIES, body, strict=True):
        figure = evaluation_reference.HOURS_PER_MONTH[code]
        assert row[6:] == (figure.mean, figure.sd, figure.n)
        mean, sd, n, without, per_week = row[1:6]
        assert not {1, 2, 3, 4} & {n, without}  # suppressed: it leaves the job centre
        if n == "<5":
            assert mean is sd is per_week is None
        elif isinstance(n, int) and n >= 2:
            assert isinstance(mean, float) and isinstance(sd, float)
    assert "4,3" in str(note[0])
    assert str(source[0]).startswith("Reference: VIVE-evalueringen 2019, tabel 6.16")


@pytest.mark.skipif(not SEED.exists(), reason="the seed texts are not on this machine")
def test_the_hours_reference_figures_are_the_seed_tables_lines() -> None:
    """Table 6.16's rows end in "mean SD n" (Danish comma) on the line each comment names."""
    seed = SEED.read_text(encoding="utf-8").splitlines()
    source = Path(evaluation_reference.__file__).read_text(encoding="utf-8")
    found = re.findall(
        r"ReferenceHours\(([\d.]+), ([\d.]+), (\d+)\),\s+# L(?:\d+–)?(\d+)$", source, re.M
    )
    assert len(found) == len(HOURS_CATEGORIES) == len(evaluation_reference.HOURS_PER_MONTH)
    for mean, sd, n, line in found:
        printed = f"{mean} {sd} {n}".replace(".", ",")
        assert seed[int(line) - 1].rstrip().endswith(printed)
    assert set(evaluation_reference.HOURS_PER_MONTH) == set(HOURS_CATEGORIES)


async def test_the_hours_table_sits_below_with_vives_figures(demo_engine: Engine) -> None:
    url = demo_engine.url.render_as_string(hide_password=False)
    demo_engine.dispose()
    app = make_app(database_url=url)
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await open_evaluation(app, pilot)
        hours = screen.query_one("#results-eval-hours", DataTable)
        ever = screen.query_one("#results-eval-ever", DataTable)
        title = str(screen.query_one("#results-eval-hours-title", Static).render())
        assert title == "Lønnede timer pr. måned, nogensinde efter turen (tabel 6.16)"
        headings = [str(column.label) for column in hours.ordered_columns]
        assert headings == [
            "Kategori",
            "Timer/md.",
            "Spredning",
            "Antal",
            "Uden reg. timer",
            "≈ t/uge",
            "VIVE 2019",
        ]
        assert hours.row_count == len(HOURS_CATEGORIES)
        assert cells(hours, 0) == cells(ever, 0)[: len(HOURS_CATEGORIES)]
        assert cells(hours, 6) == ["90,6 · 47,9 · 26", "36,9 · 32,9 · 43", "21,7 · 11,8 · 23"]
        # n and those without hours are the ever table's row, split.
        for n, without, count in zip(
            cells(hours, 3), cells(hours, 4), cells(ever, 1), strict=False
        ):
            assert int(n) + int(without) == int(count)
        source = str(screen.query_one("#results-eval-hours-source", Static).render())
        assert source.startswith("Reference: VIVE-evalueringen 2019, tabel 6.16")
        assert "4,3" in str(screen.query_one("#results-eval-hours-note", Static).render())
        # The on-date table names løntilskud in its hours-with-benefit row; ever does not.
        on = screen.query_one("#results-eval-on", DataTable)
        assert cells(on, 0)[1] == ON_DATE_WITH_SUBSIDY
        assert cells(ever, 0)[1] == "Ordinære timer med supplerende ydelse"


@pytest.mark.parametrize("width", [130, 150])
async def test_the_evaluation_tables_read_whole_at_130_and_150_columns(
    demo_engine: Engine, width: int
) -> None:
    """Stacked, each table as wide as it needs: no name wraps and nothing scrolls sideways."""
    url = demo_engine.url.render_as_string(hide_password=False)
    demo_engine.dispose()
    app = make_app(database_url=url)
    async with app.run_test(size=(width, 45)) as pilot:
        screen = await open_evaluation(app, pilot)
        tables = [
            screen.query_one(f"#results-eval-{name}", DataTable) for name in ("ever", "on", "hours")
        ]
        for table in tables:
            assert table.row_count > 0
            assert all(row.height == 1 for row in table.rows.values()), table.id
            assert table.virtual_size.width <= table.size.width, table.id
            assert table.max_scroll_x == 0, table.id
        # One below the other, in the order of the evaluation, from the same left edge.
        tops = [table.region.y for table in tables]
        assert tops == sorted(tops) and len(set(tops)) == 3
        assert len({table.region.x for table in tables}) == 1
        # The two count tables' columns line up.
        ever, on = tables[0], tables[1]
        assert [c.width for c in ever.ordered_columns] == [c.width for c in on.ordered_columns]


async def test_s_hides_small_counts_and_their_means_in_the_hours_table(
    engine: Engine, db_path: Path
) -> None:
    results_world(engine)  # three citizens came: every cell is small
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 45)) as pilot:
        screen = await open_evaluation(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        hours = screen.query_one("#results-eval-hours", DataTable)
        assert hours.row_count == len(HOURS_CATEGORIES)
        for n, without in zip(cells(hours, 3), cells(hours, 4), strict=True):
            assert not {"1", "2", "3", "4"} & {n, without}
        for row in range(hours.row_count):
            values = [str(cell) for cell in hours.get_row_at(row)]
            if values[3] == "<5":
                assert values[1] == values[2] == values[5] == "–"
