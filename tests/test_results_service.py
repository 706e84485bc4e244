"""`rfk-trips stats` against a real database: which trips count, filters, JSON and the table."""

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy.engine import Engine

from rfk_trips.cli.main import cli
from rfk_trips.results.results_service import ResultFilter, figures_as_json, load_figures
from rfk_trips.rules.errors import UserError
from tests.database_choice import db_option
from tests.trip_builders import results_world

TODAY = date(2026, 11, 23)


@pytest.fixture
def world(engine: Engine) -> dict[str, int]:
    return results_world(engine)


def test_figures_of_completed_trips(engine: Engine, world: dict[str, int]) -> None:
    data = figures_as_json(load_figures(engine, on=date(2026, 6, 1), today=TODAY))
    assert {key: data[key] for key in ("trips", "invited", "attended", "late", "excused")} == {
        "trips": 2,
        "invited": 5,
        "attended": 3,
        "late": 1,
        "excused": 1,
    }
    assert (data["no_show"], data["left_early"], data["attendance_rate"]) == (1, 0, 0.75)
    assert data["outcomes"]["internship"] == 1 and data["outcomes"]["paid_hours"] == 1
    assert data["outcomes"]["flex_job"] == 1
    assert data["outcomes"]["paid_hours_with_benefit"] == 0  # started before the trip
    assert data["in_paid_work"] == 2 and data["citizens_with_outcome"] == 2
    assert data["status_on"]["outcomes"]["internship"] == 1
    assert data["status_on"]["in_paid_work"] == 0
    assert set(data["by_municipality"]) == {"Lolland", "Guldborgsund"}
    assert data["by_municipality"]["Lolland"]["in_paid_work"] == 1
    assert set(data["by_trip_format"]) == {"lolland", "guldborgsund"}
    nakskov = next(row for row in data["by_company"] if row["name"] == "Nakskov Stål A/S")
    assert nakskov["trips"] == 1 and nakskov["citizens_with_outcome"] == 1
    assert nakskov["at_company"]["outcomes"]["paid_hours"] == 1
    assert data["breakdowns"]["gender"]["woman"]["attended"] == 3
    json.dumps(data, default=str)  # plain JSON all the way down


def test_filters(engine: Engine, world: dict[str, int]) -> None:
    def trips(where: ResultFilter) -> int:
        return load_figures(engine, where, today=TODAY).total.trips

    assert trips(ResultFilter(municipality="guldborgsund")) == 1
    assert trips(ResultFilter(trip_format="lolland")) == 1
    assert trips(ResultFilter(date_from=date(2026, 4, 1))) == 1
    assert trips(ResultFilter(date_to=date(2026, 3, 10))) == 1
    assert trips(ResultFilter(date_from=date(2026, 12, 1))) == 0
    only = load_figures(engine, ResultFilter(municipality="Lolland"), today=TODAY)
    assert only.total.ever.in_paid_work == 1 and only.on is None


@pytest.mark.parametrize(
    ("where", "words"),
    [
        (ResultFilter(municipality="Odense"), "Kommunen »Odense« findes ikke"),
        (ResultFilter(trip_format="bornholm"), "Turformatet »bornholm« findes ikke"),
        (
            ResultFilter(date_from=date(2026, 5, 1), date_to=date(2026, 4, 1)),
            "Perioden slutter",
        ),
    ],
)
def test_refused_filters_say_why_in_danish(engine: Engine, where: ResultFilter, words: str) -> None:
    with pytest.raises(UserError) as caught:
        load_figures(engine, where, today=TODAY)
    assert words in caught.value.message


# --- the command ------------------------------------------------------------------------


Invoke = Callable[..., Result]


@pytest.fixture
def run(db_path: Path) -> Invoke:
    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, [*db_option(db_path), "--lang", "da", *args])

    return invoke


def test_stats_json(run: Invoke, world: dict[str, int]) -> None:
    result = run("stats", "--json", "--from", "1-1-2026", "--on", "1-6-2026")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["trips"] == 2 and data["in_paid_work"] == 2 and data["on"] == "2026-06-01"
    hidden = json.loads(run("stats", "--json", "--suppress-small").stdout)
    assert hidden["trips"] == 2 and hidden["invited"] == 5 and hidden["outcomes"]["education"] == 0


def test_stats_table_in_danish_with_bars(run: Invoke, world: dict[str, int]) -> None:
    result = run("stats", "--municipality", "Lolland")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Resultater af busturene" in text and "Kommune: Lolland" in text
    assert "Virksomhedspraktik" in text and "█" in text
    assert "Fremmøde" in text and "Nakskov Stål A/S" in text


def test_stats_unknown_municipality_is_refused(run: Invoke, world: dict[str, int]) -> None:
    result = run("stats", "--municipality", "Odense")
    assert result.exit_code == 1
    assert "Kommunen »Odense« findes ikke" in result.stderr
    assert "Traceback" not in result.output


def test_stats_without_trips(run: Invoke) -> None:
    result = run("stats")
    assert result.exit_code == 0
    assert "ingen gennemførte ture" in result.stdout


def test_each_trip_has_its_own_figures(engine: Engine, world: dict[str, int]) -> None:
    data = figures_as_json(load_figures(engine, today=TODAY))
    # Newest first; the trip not completed is not there.
    assert [row["trip_id"] for row in data["by_trip"]] == [world["guld"], world["lolland"]]
    lolland = data["by_trip"][1]
    assert (lolland["invited"], lolland["attended"], lolland["no_show"]) == (3, 2, 1)
    # c0's internship came of the trip it names, and the later paid hours are credited to it.
    assert lolland["outcomes"]["internship"] == 1 and lolland["in_paid_work"] == 1
    guld = data["by_trip"][0]
    assert guld["outcomes"]["flex_job"] == 1 and guld["excused"] == 1
    only = figures_as_json(load_figures(engine, ResultFilter(trip_id=world["guld"]), today=TODAY))
    assert only["trips"] == 1 and only["outcomes"]["internship"] == 0
    assert [row["trip_id"] for row in only["by_trip"]] == [world["guld"]]


def test_stats_for_one_trip(run: Invoke, world: dict[str, int]) -> None:
    result = run("stats", "--trip", str(world["lolland"]))
    assert result.exit_code == 0, result.output
    assert "Kun turen 10-03-2026" in result.stdout
    assert "10-03-2026" in result.stdout and "2/3 mødt" in result.stdout
    data = json.loads(run("stats", "--json", "--trip", str(world["lolland"])).stdout)
    assert data["trips"] == 1 and data["by_trip"][0]["in_paid_work"] == 1
