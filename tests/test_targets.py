"""Targets (måltal): half-years, setting and removing, progress from the same figures as stats."""

import json
from collections.abc import Callable
from datetime import date, time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.engine import Engine

from rfk_trips.cli.main import cli
from rfk_trips.i18n.catalogue import set_language
from rfk_trips.results.results_service import ResultFilter, load_figures
from rfk_trips.results.targets import (
    HalfYear,
    achieved,
    count_new_hosts,
    list_targets,
    parse_half_year,
    parse_measure,
    remove_target,
    set_target,
    target_progress,
)
from rfk_trips.results.targets_text import progress_lines
from rfk_trips.rules.errors import UserError
from rfk_trips.trips import check_in, planning, trip_service
from storage.codes import Attendance, Gender, OutcomeKind, TargetMeasure, TripStatus
from storage.models import Citizen, Company, Outcome
from storage.sessions import session_scope
from tests.conftest import REFERRED
from tests.database_choice import db_option
from tests.results_scenario import Scenario, build

TODAY = date(2026, 11, 23)
H1, H2 = HalfYear(2026, 1), HalfYear(2026, 2)


# --- half-years -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026H1", H1),
        ("2026h2", H2),
        ("2026-1", H1),
        ("2026-H2", H2),
        ("2026/2", H2),
        ("H1 2026", H1),
        ("1. halvår 2026", H1),
        ("2. Halvår 2026", H2),
        ("2 halvaar 2026", H2),
        ("  1.  halvår   2026 ", H1),
    ],
)
def test_half_year_forms(text: str, expected: HalfYear) -> None:
    assert parse_half_year(text) == expected


@pytest.mark.parametrize("text", ["", "2026", "2026H3", "2026-0", "3. halvår 2026", "H1", "1899H1"])
def test_bad_half_year_is_refused_in_danish(text: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_half_year(text)
    assert "er ikke et halvår" in caught.value.message
    assert "2026H1" in caught.value.message  # says what to write instead


@given(day=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_every_day_lies_in_its_half_year_and_the_code_reads_back(day: date) -> None:
    period = HalfYear.of(day)
    assert period.start <= day <= period.end
    assert parse_half_year(period.code) == period
    assert parse_half_year(period.label()) == period


def test_half_year_dates_and_labels() -> None:
    assert (H1.start, H1.end) == (date(2026, 1, 1), date(2026, 6, 30))
    assert (H2.start, H2.end) == (date(2026, 7, 1), date(2026, 12, 31))
    assert H1.label() == "1. halvår 2026" and H2.code == "2026H2"
    set_language("en")
    assert H2.label() == "H2 2026"


def test_measures_read_from_code_or_label() -> None:
    assert parse_measure("in_paid_work") is TargetMeasure.IN_PAID_WORK
    assert parse_measure("I lønnet arbejde") is TargetMeasure.IN_PAID_WORK
    assert parse_measure("praktik") is TargetMeasure.INTERNSHIP
    assert parse_measure("small_job") is TargetMeasure.SMALL_JOB
    assert parse_measure("hosts_visited") is TargetMeasure.HOSTS_VISITED
    assert parse_measure("Virksomheder besøgt") is TargetMeasure.HOSTS_VISITED
    assert parse_measure("nye værtsvirksomheder") is TargetMeasure.NEW_HOSTS
    assert parse_measure("New host companies") is TargetMeasure.NEW_HOSTS
    with pytest.raises(UserError, match=r"er ikke et måltal\. Brug en af: in_paid_work"):
        parse_measure("pension")


# --- the service ------------------------------------------------------------------------


@pytest.fixture
def scenario(engine: Engine) -> Scenario:
    return build(engine)


def test_set_creates_then_replaces(engine: Engine) -> None:
    first = set_target(engine, "Lolland", H1, TargetMeasure.IN_PAID_WORK, 12)
    again = set_target(engine, "lolland", H1, TargetMeasure.IN_PAID_WORK, 15)
    set_target(engine, "Lolland", H2, TargetMeasure.IN_PAID_WORK, 20)
    set_target(engine, "Guldborgsund", H1, TargetMeasure.ATTENDED, 30)
    assert first == again
    rows = list_targets(engine)
    assert [(r.municipality, r.half, r.measure, r.value) for r in rows] == [
        ("Guldborgsund", 1, TargetMeasure.ATTENDED, 30),
        ("Lolland", 1, TargetMeasure.IN_PAID_WORK, 15),
        ("Lolland", 2, TargetMeasure.IN_PAID_WORK, 20),
    ]
    assert [r.value for r in list_targets(engine, municipality="Lolland", period=H2)] == [20]
    assert rows[0].half_label == "1. halvår 2026" and rows[0].measure_label == "Mødt på en tur"


@pytest.mark.parametrize("value", [0, -3])
def test_a_target_must_be_above_zero(engine: Engine, value: int) -> None:
    with pytest.raises(UserError, match="helt tal over 0"):
        set_target(engine, "Lolland", H1, TargetMeasure.TRIPS, value)
    assert list_targets(engine) == []


def test_unknown_municipality_is_refused(engine: Engine) -> None:
    with pytest.raises(UserError, match="Kommunen »Odense« findes ikke"):
        set_target(engine, "Odense", H1, TargetMeasure.TRIPS, 4)


def test_remove(engine: Engine) -> None:
    set_target(engine, "Lolland", H1, TargetMeasure.TRIPS, 4)
    set_target(engine, "Lolland", H1, TargetMeasure.ATTENDED, 20)
    remove_target(engine, "Lolland", H1, TargetMeasure.TRIPS)
    assert [r.measure for r in list_targets(engine)] == [TargetMeasure.ATTENDED]
    with pytest.raises(UserError, match="Lolland har intet måltal for »Ture gennemført«"):
        remove_target(engine, "Lolland", H1, TargetMeasure.TRIPS)


def test_progress_uses_the_trips_of_the_half_year(engine: Engine, scenario: Scenario) -> None:
    for measure, value in (
        (TargetMeasure.IN_PAID_WORK, 2),
        (TargetMeasure.ATTENDED, 4),
        (TargetMeasure.TRIPS, 1),
        (TargetMeasure.INTERNSHIP, 2),
        (TargetMeasure.UPSKILLING, 1),
    ):
        set_target(engine, "Lolland", H1, measure, value)
    set_target(engine, "Lolland", H2, TargetMeasure.SMALL_JOB, 3)
    set_target(engine, "Guldborgsund", H2, TargetMeasure.IN_PAID_WORK, 4)

    first = target_progress(engine, year=2026, half=1, today=TODAY)
    got = {row.measure: (row.achieved, row.target) for row in first}
    # Trip A only: c0 (internship, then paid hours in August: still trip A's) and c1 came.
    assert got == {
        TargetMeasure.IN_PAID_WORK: (1, 2),
        TargetMeasure.ATTENDED: (2, 4),
        TargetMeasure.TRIPS: (1, 1),
        TargetMeasure.INTERNSHIP: (1, 2),
        TargetMeasure.UPSKILLING: (1, 1),
    }
    assert {row.municipality for row in first} == {"Lolland"}
    assert next(r for r in first if r.measure is TargetMeasure.ATTENDED).fraction == 0.5

    second = target_progress(engine, year=2026, half=2, today=TODAY)
    assert [(r.municipality, r.measure, r.achieved) for r in second] == [
        ("Guldborgsund", TargetMeasure.IN_PAID_WORK, 1),
        ("Lolland", TargetMeasure.SMALL_JOB, 1),
    ]
    only = target_progress(engine, year=2026, half=2, municipality="Guldborgsund", today=TODAY)
    assert [r.municipality for r in only] == ["Guldborgsund"]
    assert target_progress(engine, year=2025, half=2, today=TODAY) == []


def test_achieved_is_the_figure_stats_shows(engine: Engine, scenario: Scenario) -> None:
    figures = load_figures(engine, ResultFilter(H2.start, H2.end, "Lolland"), today=TODAY)
    # Issue 19: c4's small job is paid hours beside the benefit, so in paid work (was 1).
    assert achieved(figures, TargetMeasure.IN_PAID_WORK) == figures.total.ever.in_paid_work == 2
    assert achieved(figures, TargetMeasure.CITIZENS_WITH_OUTCOME) == figures.total.ever.citizens
    assert achieved(figures, TargetMeasure.PAID_HOURS_WITH_BENEFIT) == 1
    assert achieved(figures, TargetMeasure.ATTENDED) == 2


# --- targets that count companies --------------------------------------------------------


H2_2025 = HalfYear(2025, 2)


@pytest.fixture
def hosts(engine: Engine) -> dict[str, int]:
    """Companies a–g visited on trips of known dates; the trips as `trip_<n>`.

    Lolland: 06-10-2025 a · 10-03-2026 a, b · 14-04-2026 b, c · 05-05-2026 d (planned only)
    · 02-06-2026 f · 01-09-2026 d, a. Guldborgsund: 04-11-2025 f · 03-02-2026 e.
    g never hosts; an outcome at g is credited to the trip of 10-03-2026.
    """
    with session_scope(engine) as session:
        companies = {key: Company(name=f"Vært {key}") for key in "abcdefg"}
        session.add_all(companies.values())
        session.flush()
        ids = {key: company.id or 0 for key, company in companies.items()}
    plan = [
        ("lolland", date(2025, 10, 6), "a", True),
        ("guldborgsund", date(2025, 11, 4), "f", True),
        ("guldborgsund", date(2026, 2, 3), "e", True),
        ("lolland", date(2026, 3, 10), "ab", True),
        ("lolland", date(2026, 4, 14), "bc", True),
        ("lolland", date(2026, 5, 5), "d", False),
        ("lolland", date(2026, 6, 2), "f", True),
        ("lolland", date(2026, 9, 1), "da", True),
    ]
    for number, (fmt, day, visited, held) in enumerate(plan, 1):
        trip_id = trip_service.create_trip(engine, format_code=fmt, trip_date=day)
        for position, key in enumerate(visited):
            start = time(9 + 2 * position)
            planning.add_visit(
                engine, trip_id, company_id=ids[key], start=start, end=time(start.hour + 1)
            )
        with session_scope(engine) as session:
            citizen = Citizen(
                referral_date=REFERRED,
                name=f"Borger {number}",
                birth_year=1985,
                gender=Gender.WOMAN,
            )
            session.add(citizen)
            session.flush()
            citizen_id = citizen.id or 0
        planning.add_participants(engine, trip_id, [citizen_id])
        if held:
            check_in.record(engine, trip_id, citizen_id, Attendance.PRESENT)
            check_in.complete_trip(engine, trip_id)
        else:
            trip_service.set_status(engine, trip_id, TripStatus.PLANNED)
        ids[f"trip_{number}"] = trip_id
        ids[f"citizen_{number}"] = citizen_id
    with session_scope(engine) as session:
        session.add(
            Outcome(
                citizen_id=ids["citizen_4"],
                kind=OutcomeKind.INTERNSHIP,
                start_date=date(2026, 3, 20),
                trip_id=ids["trip_4"],
                company_id=ids["g"],
            )
        )
    return ids


def _host_figures(engine: Engine, municipality: str, period: HalfYear) -> tuple[int, int]:
    where = ResultFilter(period.start, period.end, municipality)
    figures = load_figures(engine, where, today=TODAY)
    return (
        achieved(figures, TargetMeasure.HOSTS_VISITED),
        achieved(
            figures,
            TargetMeasure.NEW_HOSTS,
            new_hosts=count_new_hosts(engine, municipality, period),
        ),
    )


@pytest.mark.parametrize(
    ("municipality", "period", "expected"),
    [
        # a, b, c, f: b twice counts once, d was only planned, g only placed a citizen.
        # New: b and c; a came in 2025, f first came with Guldborgsund in 2025.
        ("Lolland", H1, (4, 2)),
        # d and a: d is new, its planned visit in the first half never happened.
        ("Lolland", H2, (2, 1)),
        ("Lolland", H2_2025, (1, 1)),
        ("Guldborgsund", H1, (1, 1)),
        ("Guldborgsund", H2_2025, (1, 1)),
        ("Guldborgsund", H2, (0, 0)),
    ],
)
def test_companies_visited_and_new_hosts(
    engine: Engine,
    hosts: dict[str, int],
    municipality: str,
    period: HalfYear,
    expected: tuple[int, int],
) -> None:
    assert _host_figures(engine, municipality, period) == expected


def test_new_hosts_cannot_be_read_from_figures_alone(engine: Engine) -> None:
    figures = load_figures(engine, ResultFilter(H1.start, H1.end, "Lolland"), today=TODAY)
    assert achieved(figures, TargetMeasure.HOSTS_VISITED) == 0
    with pytest.raises(ValueError, match="count_new_hosts"):
        achieved(figures, TargetMeasure.NEW_HOSTS)


def test_company_targets_show_their_progress(engine: Engine, hosts: dict[str, int]) -> None:
    set_target(engine, "Lolland", H1, TargetMeasure.HOSTS_VISITED, 8)
    set_target(engine, "Lolland", H1, TargetMeasure.NEW_HOSTS, 4)
    set_target(engine, "Lolland", H1, TargetMeasure.TRIPS, 5)
    rows = target_progress(engine, year=2026, half=1, today=TODAY)
    assert [(r.measure, r.achieved, r.target, r.fraction) for r in rows] == [
        (TargetMeasure.TRIPS, 3, 5, 0.6),
        (TargetMeasure.HOSTS_VISITED, 4, 8, 0.5),
        (TargetMeasure.NEW_HOSTS, 2, 4, 0.5),
    ]
    assert [r.measure_label for r in rows[1:]] == ["Virksomheder besøgt", "Nye værtsvirksomheder"]
    text = "\n".join(progress_lines(rows, H1))
    assert "Virksomheder besøgt    ██████░░░░░░  4/8  50 %" in text
    assert "Nye værtsvirksomheder  ██████░░░░░░  2/4  50 %" in text
    assert "første besøg nogensinde" in text  # says what a company measure counts
    set_language("en")
    english = target_progress(engine, year=2026, half=1, today=TODAY)
    assert [r.measure_label for r in english[1:]] == ["Companies visited", "New host companies"]


def test_the_note_on_companies_only_with_a_company_target(
    engine: Engine, scenario: Scenario
) -> None:
    set_target(engine, "Lolland", H1, TargetMeasure.TRIPS, 2)
    rows = target_progress(engine, year=2026, half=1, today=TODAY)
    assert "første besøg" not in "\n".join(progress_lines(rows, H1))


def test_demo_data_has_a_company_target_with_real_progress(demo_engine: Engine) -> None:
    period = HalfYear.of(TODAY)
    rows = [
        row
        for row in target_progress(demo_engine, year=period.year, half=period.half, today=TODAY)
        if row.measure is TargetMeasure.HOSTS_VISITED
    ]
    assert {row.municipality for row in rows} >= {"Lolland", "Guldborgsund"}
    for row in rows:
        assert row.achieved == _host_figures(demo_engine, row.municipality, period)[0]
    assert any(row.achieved > 0 for row in rows)


# --- the commands -----------------------------------------------------------------------


Invoke = Callable[..., Result]


@pytest.fixture
def run(db_path: Path) -> Invoke:
    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, [*db_option(db_path), "--lang", "da", *args])

    return invoke


def test_target_set_list_remove(run: Invoke) -> None:
    result = run("target", "set", "Lolland", "2026H1", "--measure", "in_paid_work", "--value", "12")
    assert result.exit_code == 0, result.output
    assert "Måltal for Lolland, 1. halvår 2026: I lønnet arbejde = 12." in result.stdout
    run("target", "set", "Lolland", "1. halvår 2026", "--measure", "praktik", "--value", "5")
    listing = run("target", "list")
    assert "1. halvår 2026" in listing.stdout and "Virksomhedspraktik" in listing.stdout
    data = json.loads(run("target", "list", "--json").stdout)
    assert [(d["measure"], d["value"], d["half"]) for d in data] == [
        ("in_paid_work", 12, 1),
        ("internship", 5, 1),
    ]
    gone = run("target", "remove", "Lolland", "2026-1", "--measure", "internship")
    assert gone.exit_code == 0 and "er slettet" in gone.stdout
    assert len(json.loads(run("target", "list", "--json").stdout)) == 1


def test_target_set_and_progress_of_a_company_measure(
    run: Invoke, engine: Engine, hosts: dict[str, int]
) -> None:
    result = run("target", "set", "Lolland", "2026H1", "--measure", "hosts_visited", "--value", "8")
    assert result.exit_code == 0, result.output
    assert "Måltal for Lolland, 1. halvår 2026: Virksomheder besøgt = 8." in result.stdout
    run("target", "set", "Lolland", "2026H1", "--measure", "Nye værtsvirksomheder", "--value", "2")
    data = json.loads(run("target", "progress", "2026H1", "--json").stdout)
    assert [(d["measure"], d["achieved"], d["target"]) for d in data] == [
        ("hosts_visited", 4, 8),
        ("new_hosts", 2, 2),
    ]
    text = run("target", "progress", "2026H1").stdout
    assert "Nye værtsvirksomheder  ████████████  2/2  100 %" in text
    gone = run("target", "remove", "Lolland", "2026H1", "--measure", "new_hosts")
    assert gone.exit_code == 0 and "»Nye værtsvirksomheder« er slettet" in gone.stdout


def test_target_list_without_targets_says_how_to_set_one(run: Invoke) -> None:
    result = run("target", "list")
    assert result.exit_code == 0
    assert "rfk-trips target set" in result.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("set", "Lolland", "2026H3", "--measure", "trips", "--value", "2"), "ikke et halvår"),
        (("set", "Lolland", "2026H1", "--measure", "bus", "--value", "2"), "ikke et måltal"),
        (("set", "Lolland", "2026H1", "--measure", "trips", "--value", "0"), "over 0"),
        (("set", "Odense", "2026H1", "--measure", "trips", "--value", "2"), "findes ikke"),
        (("remove", "Lolland", "2026H1", "--measure", "trips"), "intet måltal"),
        (("progress", "sidste år"), "ikke et halvår"),
    ],
)
def test_target_refusals_are_danish_sentences(
    run: Invoke, args: tuple[str, ...], words: str
) -> None:
    result = run("target", *args)
    assert result.exit_code == 1
    assert words in result.stderr
    assert "Traceback" not in result.output


def test_target_progress_shows_bars_for_the_current_half_year(
    run: Invoke, engine: Engine, scenario: Scenario
) -> None:
    set_target(engine, "Lolland", H2, TargetMeasure.SMALL_JOB, 4)
    set_target(engine, "Lolland", H1, TargetMeasure.IN_PAID_WORK, 2)
    result = run("target", "progress")  # today is 23-11-2026: the 2nd half
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Måltal, 2. halvår 2026 (ture 01-07-2026 – 31-12-2026)" in text
    assert "Småjob / få timer  ███░░░░░░░░░  1/4  25 %" in text
    assert "I lønnet arbejde" not in text
    first = run("target", "progress", "2026H1", "--municipality", "Lolland")
    assert "I lønnet arbejde  ██████░░░░░░  1/2  50 %" in first.stdout
    data = json.loads(run("target", "progress", "2026H1", "--json").stdout)
    assert data == [
        {
            "municipality": "Lolland",
            "year": 2026,
            "half": 1,
            "measure": "in_paid_work",
            "measure_label": "I lønnet arbejde",
            "target": 2,
            "achieved": 1,
            "fraction": 0.5,
        }
    ]
    none = run("target", "progress", "2025H1")
    assert "Der er ingen måltal for 1. halvår 2025." in none.stdout


def test_stats_ends_with_target_progress_only_when_targets_exist(
    run: Invoke, engine: Engine, scenario: Scenario
) -> None:
    plain = run("stats", "--municipality", "Lolland")
    assert plain.exit_code == 0 and "Måltal" not in plain.stdout
    set_target(engine, "Guldborgsund", H2, TargetMeasure.IN_PAID_WORK, 2)
    # A target for another municipality is not this report's business.
    assert "Måltal" not in run("stats", "--municipality", "Lolland").stdout
    set_target(engine, "Lolland", H2, TargetMeasure.IN_PAID_WORK, 2)
    text = run("stats", "--municipality", "Lolland").stdout
    assert text.rstrip().splitlines()[-4].startswith("Måltal, 2. halvår 2026")
    # Issue 19: c4's small job counts as paid hours with benefit (was 1/2, 50 %).
    assert "I lønnet arbejde  ████████████  2/2  100 %" in text
    assert "Guldborgsund" not in text.split("Måltal, 2. halvår")[1]
    everyone = run("stats").stdout
    assert "Guldborgsund" in everyone.split("Måltal, 2. halvår")[1]
    # A report that ends in the first half shows that half-year's targets (none here).
    assert "Måltal" not in run("stats", "--to", "30-6-2026").stdout
    # JSON keeps its keys: targets are not added there.
    data = json.loads(run("stats", "--json").stdout)
    assert "targets" not in data and data["in_paid_work"] == 4  # 3 before the small job counted
