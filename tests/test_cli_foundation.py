"""The Foundation's command line, option by option: what the end-to-end test does not reach.

Filters of `trips`, `trip show` in English, reserves and cancelling, `demo --scale`, where the
database lives (platformdirs, RFK_TRIPS_DB, --database-url, RFK_TRIPS_DATABASE_URL) and
--debug.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from platformdirs import user_data_path

from rfk_trips.cli.main import cli
from rfk_trips.trips import trip_listing
from storage.engine import DB_FILENAME
from tests.database_choice import db_option, url_for


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*db_option(db), *args])


def new_trip(db: Path, date: str, fmt: str = "custom") -> str:
    created = run(db, "trip", "new", "--format", fmt, "--date", date)
    assert created.exit_code == 0, created.output
    return created.output.strip().splitlines()[0]


@pytest.fixture
def three_trips(tmp_path: Path) -> tuple[Path, list[str]]:
    """A draft on 1 December, a planned trip on 8 December and a cancelled one on 15 December."""
    db = tmp_path / "rfk.db"
    ids = [new_trip(db, day) for day in ("01-12-2026", "2026-12-08", "15/12")]
    assert run(db, "trip", "plan", ids[1]).exit_code == 0
    assert run(db, "trip", "cancel", ids[2]).exit_code == 0
    return db, ids


def listed(db: Path, *args: str) -> list[int]:
    result = run(db, "trips", "--json", *args)
    assert result.exit_code == 0, result.output
    return [row["id"] for row in json.loads(result.output)]


def test_trips_are_filtered_by_dates_in_every_danish_form(three_trips: tuple[Path, list[str]]):
    db, ids = three_trips
    first, second, third = (int(i) for i in ids)
    assert listed(db) == [first, second, third]
    assert listed(db, "--from", "2/12") == [second, third]
    assert listed(db, "--to", "08-12-2026") == [first, second]
    assert listed(db, "--from", "2026-12-02", "--to", "9/12") == [second]


@pytest.mark.parametrize("status", ["planlagt", "Planlagt", "PLANLAGT", "planned"])
def test_trips_status_in_danish_or_as_the_code(
    three_trips: tuple[Path, list[str]], status: str
) -> None:
    db, ids = three_trips
    assert listed(db, "--status", status) == [int(ids[1])]


def test_trips_status_aflyst_and_kladde(three_trips: tuple[Path, list[str]]) -> None:
    db, ids = three_trips
    assert listed(db, "--status", "aflyst") == [int(ids[2])]
    assert listed(db, "--status", "kladde") == [int(ids[0])]
    text = run(db, "trips", "--status", "aflyst").output
    assert "Aflyst" in text and "15-12-2026" in text


def test_an_unknown_status_is_a_usage_error_listing_the_danish_names(tmp_path: Path) -> None:
    result = run(tmp_path / "rfk.db", "trips", "--status", "færdig")
    assert result.exit_code == 2
    assert "»færdig« kendes ikke" in result.output
    assert "Kladde, Planlagt, Bekræftet, Gennemført, Aflyst" in result.output
    assert (
        "[kladde|planlagt|bekræftet|gennemført|aflyst]"
        in run(tmp_path / "rfk.db", "trips", "--help").output
    )


def test_cancel_keeps_the_trip_and_refuses_changes_after(tmp_path: Path) -> None:
    db = tmp_path / "rfk.db"
    run(db, "demo")
    trip_id = new_trip(db, "2026-12-08", "guldborgsund")
    cancelled = run(db, "trip", "cancel", trip_id)
    assert cancelled.exit_code == 0 and "aflyst" in cancelled.output
    assert json.loads(run(db, "trip", "show", trip_id, "--json").output)["status"] == "cancelled"
    refused = run(db, "trip", "add-participant", trip_id, "1")
    assert refused.exit_code == 1
    assert "aflyst" in refused.output


def test_reserves_are_added_apart_and_shown_as_reserves(tmp_path: Path) -> None:
    db = tmp_path / "rfk.db"
    run(db, "demo")
    trip_id = new_trip(db, "2026-12-08", "guldborgsund")
    shown = json.loads(run(db, "trip", "show", "1", "--json").output)
    citizens = [str(p["citizen_id"]) for p in shown["participants"]]
    assert run(db, "trip", "add-participant", trip_id, *citizens[:6]).exit_code == 0
    added = run(db, "trip", "add-participant", trip_id, citizens[6], "--reserve")
    assert added.exit_code == 0, added.output
    detail = json.loads(run(db, "trip", "show", trip_id, "--json").output)
    roles = {str(p["citizen_id"]): p["role"] for p in detail["participants"]}
    assert roles[citizens[6]] == "reserve"
    assert [roles[c] for c in citizens[:6]] == ["participant"] * 6
    text = run(db, "trip", "show", trip_id).output
    assert "Deltagere (6):" in text and "Reserver (1):" in text


def test_trip_show_speaks_english_with_lang_en(tmp_path: Path) -> None:
    db = tmp_path / "rfk.db"
    run(db, "demo")
    trip_id = new_trip(db, "2026-12-08", "lolland")
    run(db, "trip", "add-staff", trip_id, "1", "--lead")
    english = CliRunner().invoke(cli, [*db_option(db), "--lang", "en", "trip", "show", trip_id])
    assert english.exit_code == 0
    for words in ("Meeting place:", "Return: 16:00", "Programme:", "Visits:", "Staff (1):"):
        assert words in english.output
    assert "· lead" in english.output
    for danish in ("Mødested", "Hjemkomst", "Medarbejdere", "tovholder"):
        assert danish not in english.output
    danish_text = run(db, "trip", "show", trip_id).output
    assert "Mødested:" in danish_text and "· tovholder" in danish_text


def test_trip_new_takes_the_format_in_any_case(tmp_path: Path) -> None:
    db = tmp_path / "rfk.db"
    trip_id = new_trip(db, "2026-12-08", "Guldborgsund")
    shown = json.loads(run(db, "trip", "show", trip_id, "--json").output)
    assert shown["format_code"] == "guldborgsund"
    assert shown["municipality"] == "Guldborgsund"


def test_demo_scale_multiplies_the_data(tmp_path: Path) -> None:
    one = run(tmp_path / "one.db", "demo", "--seed", "5")
    two = run(tmp_path / "two.db", "demo", "--scale", "2", "--seed", "5")
    assert one.exit_code == 0 and two.exit_code == 0
    assert "200 virksomheder, 700 borgere, 25 medarbejdere" in one.output
    assert "400 virksomheder, 1400 borgere, 50 medarbejdere" in two.output
    trips_one = len(listed(tmp_path / "one.db"))
    trips_two = len(listed(tmp_path / "two.db"))
    assert 50 <= trips_one <= 70
    assert 1.8 * trips_one <= trips_two <= 2.2 * trips_one
    refused = run(tmp_path / "three.db", "demo", "--scale", "0")
    assert refused.exit_code == 1


def test_the_default_database_is_rfk_trips_db_in_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    expected = user_data_path("rfk-trips", appauthor=False) / DB_FILENAME
    assert expected == tmp_path / "data" / "rfk-trips" / "rfk-trips.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["db", "path"]).output.strip() == str(expected)
    assert runner.invoke(cli, ["trips"]).exit_code == 0
    assert expected.is_file()
    assert (expected.stat().st_mode & 0o777) == 0o600


def test_where_the_database_is_chosen_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    runner = CliRunner()

    def path_shown(*args: str) -> str:
        result = runner.invoke(cli, [*args, "db", "path"])
        assert result.exit_code == 0, result.output
        return result.output.strip()

    env_file = tmp_path / "miljø.db"
    monkeypatch.setenv("RFK_TRIPS_DB", str(env_file))
    assert path_shown() == str(env_file)
    assert path_shown(*db_option(tmp_path / "valgt.db")) == str(tmp_path / "valgt.db")
    url_file = tmp_path / "url.db"
    monkeypatch.setenv("RFK_TRIPS_DATABASE_URL", url_for(url_file))
    assert path_shown() == str(url_file)  # a whole URL is more exact than a file name
    other = tmp_path / "kommando.db"
    assert path_shown("--database-url", url_for(other)) == str(other)


def test_a_sqlite_database_url_is_used_end_to_end(tmp_path: Path) -> None:
    file = tmp_path / "via-url.db"
    runner = CliRunner()
    new = ["trip", "new", "--format", "custom", "--date", "8/12"]
    created = runner.invoke(cli, ["--database-url", url_for(file), *new])
    assert created.exit_code == 0, created.output
    assert file.is_file()
    again = runner.invoke(cli, [*db_option(file), "trips", "--json"])
    assert [row["id"] for row in json.loads(again.output)] == [int(created.output.strip())]


def test_the_environment_url_is_used_when_no_option_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "env-url.db"
    monkeypatch.setenv("RFK_TRIPS_DATABASE_URL", url_for(file))
    assert CliRunner().invoke(cli, ["demo"]).exit_code == 0
    assert file.is_file()
    assert len(listed(file)) > 0


@pytest.mark.parametrize("url", ["bogus", "postgres ql://u:hemmeligt@x/rfk"])
def test_a_database_url_that_cannot_be_read_is_refused_in_danish(url: str) -> None:
    result = CliRunner().invoke(cli, ["--database-url", url, "trips"])
    assert result.exit_code == 1
    assert "Database-URL'en" in result.output and "kan ikke læses" in result.output
    assert "hemmeligt" not in result.output
    assert "Traceback" not in result.output


def test_db_path_of_a_server_url_hides_the_password() -> None:
    url = "postgresql://planner:hemmeligt@db.kommune.dk/rfk"
    result = CliRunner().invoke(cli, ["--database-url", url, "db", "path"])
    assert result.exit_code == 0
    assert result.output.strip() == "postgresql://planner:***@db.kommune.dk/rfk"


def test_debug_shows_the_traceback_of_an_unexpected_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("noget gik i stykker")

    monkeypatch.setattr(trip_listing, "list_trips", broken)
    db = tmp_path / "rfk.db"
    quiet = CliRunner().invoke(cli, [*db_option(db), "trips"])
    assert quiet.exit_code == 1
    assert "uventet fejl" in quiet.output and "--debug" in quiet.output
    assert "noget gik i stykker" not in quiet.output
    loud = CliRunner().invoke(cli, [*db_option(db), "--debug", "trips"])
    assert isinstance(loud.exception, RuntimeError)
    assert str(loud.exception) == "noget gik i stykker"
