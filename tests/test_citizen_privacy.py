"""A citizen's rights: the access report (art. 15) and erasure (art. 17), through the CLI."""

import json
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from rfk_trips.after_trip.follow_up_listing import count_due, list_follow_ups
from rfk_trips.cli.main import cli
from rfk_trips.privacy.audit_log import audit_lines
from rfk_trips.privacy.citizen_privacy import ERASED_REASON
from rfk_trips.registers.citizen_service import CitizenFilter, search_citizens, set_archived
from rfk_trips.rules.errors import UserError
from rfk_trips.trips.planning import add_participants
from rfk_trips.trips.trip_service import create_trip
from storage.codes import Attendance, FollowUpKind, OutcomeKind, ParticipantRole, TripStatus
from storage.models import (
    CheckinEvent,
    Citizen,
    Company,
    FindingAcknowledgement,
    FollowUp,
    LearningCase,
    Outcome,
    Participation,
    PrintRecord,
    Trip,
)
from storage.sessions import session_scope
from tests.conftest import REFERRED
from tests.database_choice import db_option

from .conftest import TODAY

SECRET = "Angst i store grupper; tåler ikke at stå op længe"
NOTE = "Fortalte om sin skilsmisse"

Invoke = Callable[..., Result]


@pytest.fixture
def run(db_path: Path) -> Invoke:
    def invoke(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(cli, [*db_option(db_path), *args], input=input)

    return invoke


def _pick_citizen(engine: Engine) -> int:
    """A demo citizen who came on a completed trip, has an outcome, and no trip ahead."""
    with session_scope(engine) as session:
        ahead = select(Participation.citizen_id).join(Trip, Trip.id == Participation.trip_id)
        ahead = ahead.where(
            Trip.trip_date >= TODAY,
            Trip.status.not_in((TripStatus.COMPLETED, TripStatus.CANCELLED)),  # type: ignore[attr-defined]
        )
        citizen_id = session.scalars(
            select(Participation.citizen_id)
            .join(Trip, Trip.id == Participation.trip_id)
            .join(Outcome, Outcome.citizen_id == Participation.citizen_id)
            .where(
                Trip.status == TripStatus.COMPLETED,
                Participation.attendance == Attendance.PRESENT,
                Participation.citizen_id.not_in(ahead),  # type: ignore[attr-defined]
            )
            .order_by(Participation.citizen_id)
        ).first()
    assert citizen_id is not None
    return citizen_id


@pytest.fixture
def person(demo_engine: Engine) -> int:
    """A demo citizen with every kind of record, free text about them included."""
    citizen_id = _pick_citizen(demo_engine)
    with session_scope(demo_engine) as session:
        citizen = session.get(Citizen, citizen_id)
        assert citizen is not None
        citizen.accommodation_needs = SECRET
        citizen.job_goals = ["køkken", "lager"]
        session.add(citizen)
        part = session.scalars(
            select(Participation).where(Participation.citizen_id == citizen_id)
        ).first()
        assert part is not None
        part.note = NOTE
        session.add(part)
        session.add(
            CheckinEvent(
                trip_id=part.trip_id,
                citizen_id=citizen_id,
                status=Attendance.PRESENT,
                reason=NOTE,
                recorded_by="HH",
            )
        )
        session.add(
            FollowUp(
                citizen_id=citizen_id,
                trip_id=part.trip_id,
                kind=next(iter(FollowUpKind)),
                due_date=TODAY,
                next_step="Ring efter " + NOTE,
                note=NOTE,
            )
        )
        outcome = session.scalars(select(Outcome).where(Outcome.citizen_id == citizen_id)).first()
        assert outcome is not None
        outcome.note, outcome.aim, outcome.end_reason = NOTE, "Lønnede timer efter 8 uger", NOTE
        session.add(outcome)
        session.add(
            LearningCase(
                citizen_id=citizen_id,
                outcome_id=outcome.id,
                written_on=TODAY,
                citizen_view=NOTE,
                lessons="Mere tid til introduktion",
            )
        )
        session.add(
            FindingAcknowledgement(
                trip_id=part.trip_id,
                code="cohort_mixed",
                subject=f"citizen:{citizen_id}",
                reason="Kender gruppen; " + NOTE,
            )
        )
        session.add(
            PrintRecord(
                trip_id=part.trip_id,
                audience="staff",
                trip_version=1,
                file_name="tur-koereark.pdf",
                printed_by="hh",
            )
        )
    return citizen_id


def _stats(run: Invoke) -> dict[str, object]:
    result = run("stats", "--json")
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.output)
    return data


def _citizen(engine: Engine, citizen_id: int) -> Citizen:
    with session_scope(engine) as session:
        citizen = session.get(Citizen, citizen_id)
        assert citizen is not None
        return citizen


# --- access report ---------------------------------------------------------------------


def test_the_report_holds_everything_about_the_citizen(
    run: Invoke, demo_engine: Engine, person: int, tmp_path: Path
) -> None:
    citizen = _citizen(demo_engine, person)
    target = tmp_path / "indsigt" / f"borger-{person}.txt"
    result = run("citizen", "report", str(person), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert f"borger {person}" in result.output and "loggen" in result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    text = target.read_text(encoding="utf-8")
    for expected in (
        citizen.name,
        "Skånehensyn (følsom)",
        SECRET,
        "køkken; lager",
        NOTE,
        "Lønnede timer efter 8 uger",
        "Mere tid til introduktion",
        "Kender gruppen",
        "tur-koereark.pdf",
        "Køreark for medarbejdere",
        "Indtjekning på turdagene",
        "Gennemført",
    ):
        assert expected in text, expected
    # The audit section shows the changes made to this citizen above, by field name.
    audit_part = text.split("Loggen:")[1]
    assert "ændret" in audit_part and "Skånehensyn; Jobmål" in audit_part
    assert "oprettet" in audit_part


def test_the_report_is_recorded_in_the_log_without_its_content(
    run: Invoke, demo_engine: Engine, person: int, tmp_path: Path
) -> None:
    target = tmp_path / "rapport.md"
    assert run("citizen", "report", str(person), "-o", str(target)).exit_code == 0
    (line, *_older) = audit_lines(demo_engine, citizen_id=person, read_outs_only=True)
    assert (line.action, line.entity, line.entity_id, line.detail) == (
        "report",
        "citizen",
        person,
        "rapport.md",
    )
    for entry in audit_lines(demo_engine):
        assert SECRET not in entry.detail and NOTE not in entry.detail
    # A second report shows the first one among the read-outs naming the citizen.
    again = tmp_path / "igen.txt"
    assert run("citizen", "report", str(person), "-o", str(again)).exit_code == 0
    assert "indsigtsrapport" in again.read_text(encoding="utf-8")


def test_markdown_report_keeps_typed_text_from_becoming_markup(
    run: Invoke, demo_engine: Engine, person: int, tmp_path: Path
) -> None:
    with session_scope(demo_engine) as session:
        citizen = session.get(Citizen, person)
        assert citizen is not None
        citizen.accommodation_needs = "# ikke en overskrift [link](http://x)"
        session.add(citizen)
    target = tmp_path / "rapport.md"
    assert run("citizen", "report", str(person), "-o", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Indsigt i egne oplysninger")
    assert "## Ture" in text
    assert r"\# ikke en overskrift \[link\](http://x)" in text


def test_json_report_for_machines_marks_the_sensitive_field(
    run: Invoke, demo_engine: Engine, person: int, tmp_path: Path
) -> None:
    target = tmp_path / "rapport.json"
    assert run("citizen", "report", str(person), "-o", str(target)).exit_code == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["citizen_id"] == person
    assert data["sensitive_fields"] == ["accommodation_needs"]
    assert data["citizen"]["accommodation_needs"] == SECRET
    assert data["citizen"]["job_goals"] == ["køkken", "lager"]
    assert data["trips"] and all(trip["trip_date"][:2] == "20" for trip in data["trips"])
    assert {"follow_ups", "outcomes", "learning_cases", "prints", "audit"} <= data.keys()
    assert data["outcomes"][0]["kind"] in {kind.value for kind in OutcomeKind}


def test_report_in_english(db_path: Path, demo_engine: Engine, person: int, tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    result = CliRunner().invoke(
        cli,
        [*db_option(db_path), "--lang", "en", "citizen", "report", str(person), "-o", str(target)],
    )
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "Access to own data" in text and "Accommodation needs (sensitive)" in text


@pytest.mark.parametrize(
    ("name", "words"),
    [("rapport.pdf", ".txt, .md, .json"), ("rapport", ".txt, .md, .json")],
)
def test_report_refuses_other_file_kinds(
    run: Invoke, demo_engine: Engine, person: int, tmp_path: Path, name: str, words: str
) -> None:
    before = len(audit_lines(demo_engine))
    result = run("citizen", "report", str(person), "-o", str(tmp_path / name))
    assert result.exit_code == 1
    assert words in result.output and "Traceback" not in result.output
    assert SECRET not in result.output
    assert not (tmp_path / name).exists()
    assert len(audit_lines(demo_engine)) == before


def test_report_of_an_unknown_citizen(run: Invoke, demo_engine: Engine, tmp_path: Path) -> None:
    result = run("citizen", "report", "99999", "-o", str(tmp_path / "x.txt"))
    assert result.exit_code == 1
    assert "Der findes ingen borger med id 99999" in result.output
    assert not (tmp_path / "x.txt").exists()


def test_report_where_no_file_can_be_written(
    run: Invoke, demo_engine: Engine, person: int, tmp_path: Path
) -> None:
    blocker = tmp_path / "en-fil.txt"
    blocker.write_text("ikke en mappe", encoding="utf-8")
    before = len(audit_lines(demo_engine))
    result = run("citizen", "report", str(person), "-o", str(blocker / "r.txt"))
    assert result.exit_code == 1 and "kan ikke" in result.output.lower()
    assert "Traceback" not in result.output and SECRET not in result.output
    assert len(audit_lines(demo_engine)) == before  # no file, so no hand-out in the log


# --- erasure ---------------------------------------------------------------------------


def test_erase_keeps_the_figures_and_removes_who_the_person_is(
    run: Invoke, demo_engine: Engine, person: int
) -> None:
    before = _citizen(demo_engine, person)
    stats_before = _stats(run)
    with session_scope(demo_engine) as session:
        parts_before = [
            (p.trip_id, p.role, p.attendance)
            for p in session.scalars(
                select(Participation).where(Participation.citizen_id == person)
            )
        ]
        outcomes_before = [
            (o.kind, o.start_date, o.end_date, o.hours_per_week, o.trip_id, o.company_id)
            for o in session.scalars(select(Outcome).where(Outcome.citizen_id == person))
        ]

    result = run("citizen", "erase", str(person), "--yes")
    assert result.exit_code == 0, result.output
    assert f"Borger {person} er anonymiseret" in result.output

    assert _stats(run) == stats_before
    after = _citizen(demo_engine, person)
    assert after.name == f"Slettet borger {person}"
    assert (after.phone, after.job_goals, after.accommodation_needs) == ("", [], "")
    assert (after.referral_date, after.caseworker_id) == (None, None)
    assert after.archived and after.anonymised_at is not None
    # What the figures and the old trips' rules need stays.
    assert (after.birth_year, after.gender, after.benefit_group) == (
        before.birth_year,
        before.gender,
        before.benefit_group,
    )
    assert (after.cohort, after.municipality_id) == (before.cohort, before.municipality_id)
    assert "slettet borger" in after.search_text
    with session_scope(demo_engine) as session:
        parts = list(
            session.scalars(select(Participation).where(Participation.citizen_id == person))
        )
        assert [(p.trip_id, p.role, p.attendance) for p in parts] == parts_before
        assert all(p.note == "" for p in parts)
        outcomes = list(session.scalars(select(Outcome).where(Outcome.citizen_id == person)))
        assert [
            (o.kind, o.start_date, o.end_date, o.hours_per_week, o.trip_id, o.company_id)
            for o in outcomes
        ] == outcomes_before
        assert all((o.note, o.aim, o.end_reason) == ("", "", "") for o in outcomes)
        follow_ups = list(session.scalars(select(FollowUp).where(FollowUp.citizen_id == person)))
        assert follow_ups and all((f.note, f.next_step) == ("", "") for f in follow_ups)
        events = session.scalars(select(CheckinEvent).where(CheckinEvent.citizen_id == person))
        assert all(e.reason == "" for e in events)
        case = session.scalars(select(LearningCase).where(LearningCase.citizen_id == person)).one()
        assert (case.citizen_view, case.lessons) == ("", "")
        ack = session.scalars(
            select(FindingAcknowledgement).where(
                FindingAcknowledgement.subject == f"citizen:{person}"
            )
        ).one()
        assert ack.reason == ERASED_REASON


def test_erase_is_in_the_log_by_field_name_only(
    run: Invoke, demo_engine: Engine, person: int
) -> None:
    assert run("citizen", "erase", str(person), "--yes").exit_code == 0
    lines = audit_lines(demo_engine, citizen_id=person)
    erase = next(line for line in lines if line.action == "erase")
    assert (erase.entity, erase.entity_id) == ("citizen", person)
    update = next(line for line in lines if line.action == "update" and line.entity == "citizen")
    assert {"name", "phone", "accommodation_needs", "anonymised_at", "archived"} <= set(
        update.fields
    )
    everything = " ".join(
        f"{line.detail} {','.join(line.fields)}" for line in audit_lines(demo_engine)
    )
    assert SECRET not in everything and NOTE not in everything


def test_erase_without_an_answer_refuses_in_danish(
    run: Invoke, demo_engine: Engine, person: int
) -> None:
    name = _citizen(demo_engine, person).name
    result = run("citizen", "erase", str(person))  # no stdin at all
    assert result.exit_code == 1
    assert "er ikke slettet" in result.output and "--yes" in result.output
    assert "Traceback" not in result.output and SECRET not in result.output
    assert _citizen(demo_engine, person).name == name


@pytest.mark.parametrize("answer", ["n\n", "\n", "nej\n", "måske\n"])
def test_erase_answered_no_keeps_everything(
    run: Invoke, demo_engine: Engine, person: int, answer: str
) -> None:
    name = _citizen(demo_engine, person).name
    result = run("citizen", "erase", str(person), input=answer)
    assert result.exit_code == 1
    assert "[j/N]" in result.output and "Intet er slettet." in result.output
    assert _citizen(demo_engine, person).name == name
    assert not [line for line in audit_lines(demo_engine) if line.action == "erase"]


@pytest.mark.parametrize("answer", ["j\n", "ja\n", "JA\n", "y\n"])
def test_erase_answered_yes(run: Invoke, demo_engine: Engine, person: int, answer: str) -> None:
    result = run("citizen", "erase", str(person), input=answer)
    assert result.exit_code == 0, result.output
    assert _citizen(demo_engine, person).anonymised_at is not None


def test_erasing_twice_says_it_is_done_already(
    run: Invoke, demo_engine: Engine, person: int
) -> None:
    assert run("citizen", "erase", str(person), "--yes").exit_code == 0
    result = run("citizen", "erase", str(person), "--yes")
    assert result.exit_code == 1
    assert f"Borger {person} blev anonymiseret" in result.output
    assert "ikke flere personoplysninger" in result.output
    assert len([line for line in audit_lines(demo_engine) if line.action == "erase"]) == 1


def test_erase_of_a_citizen_on_a_coming_trip_is_refused(run: Invoke, engine: Engine) -> None:
    with session_scope(engine) as session:
        citizen = Citizen(
            referral_date=REFERRED, name="Kommende Deltager", accommodation_needs=SECRET
        )
        session.add(citizen)
    assert citizen.id is not None
    trip_id = create_trip(engine, format_code="guldborgsund", trip_date=date(2026, 12, 10))
    add_participants(engine, trip_id, [citizen.id])
    result = run("citizen", "erase", str(citizen.id), "--yes")
    assert result.exit_code == 1
    assert f"remove-participant {trip_id} {citizen.id}" in result.output
    assert SECRET not in result.output and "Kommende" not in result.output
    assert _citizen(engine, citizen.id).anonymised_at is None


def test_erase_of_an_unknown_citizen(run: Invoke, engine: Engine) -> None:
    result = run("citizen", "erase", "4242", "--yes")
    assert result.exit_code == 1 and "Der findes ingen borger med id 4242" in result.output


def test_an_anonymised_citizen_cannot_be_planned_or_followed_up(
    run: Invoke, demo_engine: Engine, person: int
) -> None:
    due_before = count_due(demo_engine, today=TODAY)
    assert any(row.citizen_id == person for row in list_follow_ups(demo_engine, today=TODAY))
    assert run("citizen", "erase", str(person), "--yes").exit_code == 0
    listed = search_citizens(demo_engine, CitizenFilter(text="slettet"), limit=1000)
    assert person not in [row.id for row in listed.rows]
    trip_id = create_trip(demo_engine, format_code="guldborgsund", trip_date=date(2026, 12, 14))
    with pytest.raises(UserError, match=f"Borger {person} er anonymiseret"):
        add_participants(demo_engine, trip_id, [person])
    with pytest.raises(UserError, match="bliver i arkivet"):
        set_archived(demo_engine, person, False)
    assert not any(row.citizen_id == person for row in list_follow_ups(demo_engine, today=TODAY))
    assert count_due(demo_engine, today=TODAY) == due_before - 1
    # The trip the citizen was on still counts them (by number only).
    with session_scope(demo_engine) as session:
        assert session.scalar(
            select(func.count())
            .select_from(Participation)
            .where(
                Participation.citizen_id == person,
                Participation.role == ParticipantRole.PARTICIPANT,
            )
        )


def test_report_after_erasure_shows_what_is_left(
    run: Invoke, demo_engine: Engine, person: int, tmp_path: Path
) -> None:
    assert run("citizen", "erase", str(person), "--yes").exit_code == 0
    target = tmp_path / "efter.txt"
    assert run("citizen", "report", str(person), "-o", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert f"Slettet borger {person}" in text and SECRET not in text and NOTE not in text
    assert "anonymiseret efter anmodning" in text


def test_erase_tells_where_the_name_still_stands_in_texts_about_others(
    run: Invoke, demo_engine: Engine, person: int
) -> None:
    name = _citizen(demo_engine, person).name
    with session_scope(demo_engine) as session:
        own = session.scalars(select(Participation).where(Participation.citizen_id == person))
        trip_id = next(iter(own)).trip_id
        trip = session.get(Trip, trip_id)
        assert trip is not None
        trip.notes = f"{name.upper()} kommer selv i bil."
        trip.programme = [*trip.programme, {"time": "", "text": f"Tak til {name}", "kind": "other"}]
        session.add(trip)
        other = session.scalars(
            select(Participation).where(
                Participation.trip_id == trip_id, Participation.citizen_id != person
            )
        ).first()
        assert other is not None
        other.note = f"Sidder ved siden af {name}"
        session.add(
            CheckinEvent(
                trip_id=trip_id,
                citizen_id=other.citizen_id,
                status=Attendance.EXCUSED,
                reason=f"Kører med {name}",
                recorded_by="HH",
            )
        )
        # A longer name that begins with this one is someone else.
        other_trip = session.scalars(select(Trip).where(Trip.id != trip_id)).first()
        assert other_trip is not None
        other_trip.notes = f"{name}sen ringer"
        session.add_all([other, other_trip])
        company = session.scalars(select(Company)).first()
        assert company is not None
        company.notes = f"Har haft {name} i praktik"
        session.add(company)
        company_id = company.id

    # Told before the question, so staff can say no and correct the texts first.
    asked = " ".join(run("citizen", "erase", str(person), input="n\n").output.split())
    for place in (f"tur {trip_id} (noter)", f"tur {trip_id} (program)"):
        assert place in asked
    assert f"virksomhed {company_id} (noter)" in asked
    assert asked.index("Navnet står også") < asked.index("[j/N]")

    result = run("citizen", "erase", str(person), "--yes")
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "Navnet står også i tekster, som sletningen ikke ændrer" in said
    assert f"tur {trip_id} (en anden deltagers note)" in said
    assert f"tur {trip_id} (en anden deltagers fraværsgrund)" in said
    assert f"tur {other_trip.id} " not in said
    with session_scope(demo_engine) as session:
        trip = session.get(Trip, trip_id)
        assert trip is not None and name.upper() in trip.notes  # staff decide what to change
        company = session.get(Company, company_id)
        assert company is not None and name in company.notes


def test_erase_of_a_citizen_named_nowhere_else_says_nothing_more(
    run: Invoke, demo_engine: Engine, person: int
) -> None:
    result = run("citizen", "erase", str(person), "--yes")
    assert result.exit_code == 0, result.output
    assert "Navnet står også" not in result.output
