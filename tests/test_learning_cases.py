"""Learning cases (læringscases, R29): four perspectives on a placement that ended early."""

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import delete
from sqlalchemy.engine import Engine

from rfk_trips.after_trip.learning_cases import (
    NewLearningCase,
    add_learning_case,
    list_learning_cases,
)
from rfk_trips.cli.main import cli
from rfk_trips.rules.errors import NotFoundError, UserError
from storage.codes import OutcomeKind, StaffRole
from storage.models import Citizen, Company, LearningCase, Outcome, Staff
from storage.sessions import session_scope
from tests.database_choice import db_option
from tests.results_scenario import Scenario, build

TODAY = date(2026, 11, 23)


@pytest.fixture
def scenario(engine: Engine) -> Scenario:
    return build(engine)


@pytest.fixture
def staff_id(engine: Engine) -> int:
    with session_scope(engine) as session:
        row = Staff(name="Rikke Poulsen", initials="RIPO", role=StaffRole.COMPANY_CONSULTANT)
        session.add(row)
        session.flush()
        return row.id or 0


def test_citizen_and_company_come_from_the_outcome(
    engine: Engine, scenario: Scenario, staff_id: int
) -> None:
    outcome_id = scenario.outcomes["c0_internship"]
    case_id = add_learning_case(
        engine,
        NewLearningCase(
            written_on=date(2026, 5, 2),
            outcome_id=outcome_id,
            citizen_view="  For tunge løft  ",
            consultant_view="Vi aftalte ikke skånehensyn skriftligt",
            lessons="Skriv skånehensyn ind i aftalen",
            written_by=staff_id,
        ),
        today=TODAY,
    )
    [row] = list_learning_cases(engine)
    assert row.id == case_id
    assert (row.citizen_id, row.company_id) == (scenario.citizens[0], scenario.company)
    assert (row.citizen, row.company) == ("Borger 0", "Nakskov Stål A/S")
    assert (row.outcome_kind, row.outcome_label) == (OutcomeKind.INTERNSHIP, "Virksomhedspraktik")
    assert row.citizen_view == "For tunge løft"  # trimmed
    assert row.company_view == "" and row.written_by_initials == "RIPO"
    assert list_learning_cases(engine, citizen_id=scenario.citizens[1]) == []


def test_a_case_without_an_outcome_names_its_citizen(engine: Engine, scenario: Scenario) -> None:
    with pytest.raises(UserError, match="hvilken borger"):
        add_learning_case(
            engine, NewLearningCase(written_on=TODAY, company_view="Godt samarbejde"), today=TODAY
        )
    add_learning_case(
        engine,
        NewLearningCase(
            written_on=TODAY, citizen_id=scenario.citizens[1], company_view="Godt samarbejde"
        ),
        today=TODAY,
    )
    [row] = list_learning_cases(engine, citizen_id=scenario.citizens[1])
    assert row.outcome_id is None and row.company_id is None and row.outcome_label == ""


@pytest.mark.parametrize(
    ("case", "words"),
    [
        (NewLearningCase(written_on=TODAY, outcome_id=1, lessons="kun det lærte"), "mindst ét"),
        (NewLearningCase(written_on=TODAY, outcome_id=1, citizen_view="   "), "mindst ét"),
        (
            NewLearningCase(written_on=date(2026, 12, 1), outcome_id=1, citizen_view="x"),
            "efter i dag",
        ),
        (
            NewLearningCase(written_on=TODAY, outcome_id=999, citizen_view="x"),
            "resultat med id 999",
        ),
        (NewLearningCase(written_on=TODAY, citizen_id=999, citizen_view="x"), "borger med id 999"),
        (
            NewLearningCase(written_on=TODAY, outcome_id=1, company_id=999, citizen_view="x"),
            "virksomhed med id 999",
        ),
        (
            NewLearningCase(written_on=TODAY, outcome_id=1, written_by=999, citizen_view="x"),
            "medarbejder med id 999",
        ),
        (
            NewLearningCase(written_on=TODAY, outcome_id=1, citizen_id=2, citizen_view="x"),
            "en anden borger",
        ),
    ],
)
def test_refused_cases_say_why_and_save_nothing(
    engine: Engine, scenario: Scenario, case: NewLearningCase, words: str
) -> None:
    with pytest.raises(UserError) as caught:
        add_learning_case(engine, case, today=TODAY)
    assert words in caught.value.message
    assert list_learning_cases(engine) == []


def test_not_found_is_its_own_error(engine: Engine, scenario: Scenario) -> None:
    with pytest.raises(NotFoundError):
        add_learning_case(
            engine, NewLearningCase(written_on=TODAY, outcome_id=999, citizen_view="x"), today=TODAY
        )


def test_a_case_outlives_its_outcome_and_company(engine: Engine, scenario: Scenario) -> None:
    with session_scope(engine) as session:
        other = Company(name="Maribo Kro")
        session.add(other)
        session.flush()
        other_id = other.id or 0
    add_learning_case(
        engine,
        NewLearningCase(
            written_on=TODAY,
            outcome_id=scenario.outcomes["c0_internship"],
            company_id=other_id,  # the company the case is about, if not the outcome's
            citizen_view="x",
        ),
        today=TODAY,
    )
    assert list_learning_cases(engine)[0].company == "Maribo Kro"
    with session_scope(engine) as session:
        session.execute(delete(Outcome).where(Outcome.id == scenario.outcomes["c0_internship"]))
        session.execute(delete(Company).where(Company.id == other_id))
    with session_scope(engine) as session:
        row = session.get(LearningCase, 1)
        assert row is not None
        assert (row.outcome_id, row.company_id, row.citizen_view) == (None, None, "x")
        assert session.get(Citizen, row.citizen_id) is not None


# --- the commands -----------------------------------------------------------------------


Invoke = Callable[..., Result]


@pytest.fixture
def run(db_path: Path) -> Invoke:
    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, [*db_option(db_path), "--lang", "da", *args])

    return invoke


def test_ending_a_placement_early_names_the_command_that_writes_the_case(
    run: Invoke, scenario: Scenario, staff_id: int
) -> None:
    outcome_id = str(scenario.outcomes["c0_internship"])
    ended = run("outcome", "end", outcome_id, "--date", "1-5-2026", "--reason", "For tunge løft")
    assert ended.exit_code == 0, ended.output
    assert f"rfk-trips learning-case add {outcome_id} --citizen-view" in ended.stdout

    refused = run("learning-case", "add", outcome_id)
    assert refused.exit_code == 1 and "mindst ét" in refused.stderr
    assert "Traceback" not in refused.output

    added = run(
        "learning-case", "add", outcome_id,
        "--citizen-view", "Arbejdet var for fysisk",
        "--company-view", "Vi manglede en fast kontaktperson",
        "--caseworker-view", "Skånehensyn var kendt",
        "--consultant-view", "Ikke skrevet ind i aftalen",
        "--lessons", "Skriv skånehensyn ind i praktikaftalen",
        "--by", str(staff_id),
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "Læringscase 1 er gemt for Borger 0." in added.stdout

    listing = run("learning-case", "list")
    text = listing.stdout
    assert "Læringscase 1, skrevet 23-11-2026: Borger 0 · Nakskov Stål A/S" in text
    assert "Resultat" in text and "Årsag: For tunge løft" in text
    for line in (
        "Borgeren: Arbejdet var for fysisk",
        "Virksomheden: Vi manglede en fast kontaktperson",
        "Sagsbehandleren: Skånehensyn var kendt",
        "Virksomhedskonsulenten: Ikke skrevet ind i aftalen",
        "Det lærte vi: Skriv skånehensyn ind i praktikaftalen",
        "Skrevet af RIPO",
    ):
        assert line in text

    data = json.loads(run("learning-case", "list", "--json", "--citizen", "1").stdout)
    assert [(d["outcome_id"], d["outcome_kind"], d["end_reason"]) for d in data] == [
        (int(outcome_id), "internship", "For tunge løft")
    ]
    assert json.loads(run("learning-case", "list", "--json", "--citizen", "2").stdout) == []


def test_learning_case_list_when_empty_and_unknown_outcome(run: Invoke, scenario: Scenario) -> None:
    assert "Der er ingen læringscases." in run("learning-case", "list").stdout
    missing = run("learning-case", "add", "999", "--citizen-view", "x")
    assert missing.exit_code == 1 and "id 999" in missing.stderr
    dated = run("learning-case", "add", "1", "--citizen-view", "x", "--date", "1-5-2026")
    assert dated.exit_code == 0
    assert "skrevet 01-05-2026" in run("learning-case", "list").stdout
