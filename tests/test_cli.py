"""The command line end to end on a new database: demo, import, export, plan and check a trip."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from rfk_trips.cli.main import cli
from tests.database_choice import db_option


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*db_option(db), *args], catch_exceptions=False)


def test_plan_and_check_a_trip_end_to_end(tmp_path: Path) -> None:
    db = tmp_path / "rfk.db"
    staff = tmp_path / "medarbejdere.csv"
    staff.write_text(
        "navn;initialer;rolle;telefon;email;kommune\n"
        "Hanne Holm;HH;Jobformidler;54 11 22 33;hh@lolland.dk;Lolland\n"
        "Jens Lund;JL;jobformidler;54112234;jl@lolland.dk;Lolland\n"
        "Pia Olsen;PO;Jobformidler;;;Lolland\n",
        encoding="utf-8-sig",
    )
    companies = tmp_path / "virksomheder.csv"
    companies.write_text(
        "Navn;CVR;Branche;Postnr;By;Kommune;Erfaring fra kanten;Socialt ansvar\n"
        "Nakskov Stål A/S;12345674;Industri;4900;Nakskov;Lolland;ja;nej\n",
        encoding="utf-8",
    )
    citizens = tmp_path / "borgere.csv"
    lines = ["navn;telefon;kommune;ydelse;sagsbehandler;forløb;jobmål;mødepligt;visitationsdato"]
    cohort = "Springbrættet 2026 uge 48"
    lines += [
        f"Borger {i};2{i:07d};Lolland;aktivitetsparat kontanthjælp;HH;{cohort};lager;ja;01-08-2026"
        for i in range(13)
    ]
    citizens.write_text("\n".join(lines) + "\n", encoding="utf-8")

    for kind, path in (("staff", staff), ("companies", companies), ("citizens", citizens)):
        result = run(db, "import", kind, str(path))
        assert result.exit_code == 0, result.output
        assert "ny(e)" in result.output

    created = run(
        db, "trip", "new", "--format", "lolland", "--date", "8/12", "--title", "Springbrættet"
    )
    assert created.exit_code == 0
    trip_id = created.output.strip()

    check = run(db, "trip", "check", trip_id)
    assert check.exit_code == 3
    assert "FEJL" in check.output

    assert (
        run(
            db,
            "trip",
            "add-visit",
            trip_id,
            "--company",
            "1",
            "--start",
            "13:45",
            "--end",
            "15.15",
            "--confirmed",
        ).exit_code
        == 0
    )
    assert (
        run(db, "trip", "add-participant", trip_id, *[str(i) for i in range(1, 14)]).exit_code == 0
    )
    assert run(db, "trip", "add-staff", trip_id, "1", "--lead").exit_code == 0
    assert run(db, "trip", "add-staff", trip_id, "2", "3").exit_code == 0

    clean = run(db, "trip", "check", trip_id, "--json")
    assert clean.exit_code == 0, clean.output
    assert json.loads(clean.output) == []
    assert run(db, "trip", "confirm", trip_id).exit_code == 0

    shown = json.loads(run(db, "trip", "show", trip_id, "--json").output)
    assert shown["status"] == "confirmed"
    assert len(shown["participants"]) == 13
    assert shown["visits"][0]["company_name"] == "Nakskov Stål A/S"
    text = run(db, "trip", "show", trip_id).output
    assert "tirsdag 8. december 2026" in text

    listed = json.loads(run(db, "trips", "--from", "01-12-2026", "--json").output)
    assert [row["id"] for row in listed] == [int(trip_id)]

    removed = run(db, "trip", "remove-participant", trip_id, "1")
    assert removed.exit_code == 0
    assert run(db, "trip", "check", trip_id).exit_code == 0  # 12 is still inside Lolland's 12–15


def test_confirm_is_refused_with_the_findings(tmp_path: Path) -> None:
    db = tmp_path / "rfk.db"
    trip_id = run(
        db, "trip", "new", "--format", "guldborgsund", "--date", "2026-12-08"
    ).output.strip()
    result = CliRunner().invoke(cli, [*db_option(db), "trip", "confirm", trip_id])
    assert result.exit_code == 3
    assert "kan ikke bekræftes" in result.output
    assert "mindst 6" in result.output
    assert json.loads(run(db, "trip", "show", trip_id, "--json").output)["status"] == "draft"


def test_demo_refuses_a_non_empty_database_without_force(tmp_path: Path) -> None:
    db = tmp_path / "rfk.db"
    first = run(db, "demo")
    assert first.exit_code == 0
    assert "200 virksomheder" in first.output
    again = CliRunner().invoke(cli, [*db_option(db), "demo"])
    assert again.exit_code == 1
    assert "--force" in again.output
    assert run(db, "demo", "--force", "--seed", "3").exit_code == 0


def test_demo_is_deterministic(tmp_path: Path) -> None:
    outputs = []
    for name in ("a.db", "b.db"):
        db = tmp_path / name
        run(db, "demo", "--seed", "11")
        export = tmp_path / f"{name}.json"
        run(db, "export", "participants", str(export))
        outputs.append(export.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]


def test_bad_import_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "rfk.db"
    bad = tmp_path / "virksomheder.csv"
    bad.write_text("navn;cvr;postnr\nGod ApS;;4900\nDårlig ApS;1234;49\n", encoding="utf-8")
    result = CliRunner().invoke(cli, [*db_option(db), "import", "companies", str(bad)])
    assert result.exit_code == 1
    assert "Intet er importeret" in result.output
    assert "Linje 3" in result.output
    export = tmp_path / "out.json"
    run(db, "export", "companies", str(export))
    assert json.loads(export.read_text(encoding="utf-8")) == []


def test_english_output(tmp_path: Path) -> None:
    db = tmp_path / "rfk.db"
    result = CliRunner().invoke(cli, [*db_option(db), "--lang", "en", "trip", "show", "42"])
    assert result.exit_code == 1
    assert "There is no trip with id 42" in result.output


def test_db_commands_backup_and_restore(tmp_path: Path) -> None:
    db = tmp_path / "rfk.db"
    assert run(db, "db", "path").output.strip() == str(db.resolve())
    assert "oprettet" in run(db, "db", "upgrade").output
    assert "opdateret" in run(db, "db", "upgrade").output
    assert "i orden" in run(db, "db", "check").output
    copy = tmp_path / "kopi.db"
    assert run(db, "backup", str(copy)).exit_code == 0
    assert (copy.stat().st_mode & 0o777) == 0o600
    refused = CliRunner().invoke(cli, [*db_option(db), "backup", str(copy)])
    assert refused.exit_code == 1
    run(db, "demo")
    newer = CliRunner().invoke(cli, [*db_option(db), "restore", str(copy)])
    assert newer.exit_code == 1
    assert "--force" in newer.output
    assert run(db, "restore", str(copy), "--force").exit_code == 0
    export = tmp_path / "companies.json"
    run(db, "export", "companies", str(export))
    assert json.loads(export.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (["trip", "new", "--format", "lolland", "--date", "31/2"], 2, "er ikke en dato"),
        (
            ["trip", "add-visit", "1", "--company", "1", "--start", "25:00", "--end", "26"],
            2,
            "klokkeslæt",
        ),
        (["trip", "show", "7"], 1, "Der findes ingen tur med id 7"),
        (["import", "companies", "findes-ikke.csv"], 1, "findes ikke"),
        (["export", "companies", "ud.pdf"], 1, ".csv, .xlsx eller .json"),
        (["nonsense"], 2, "Kommandoen »nonsense« findes ikke"),
    ],
)
def test_errors_are_sentences_with_exit_codes(
    tmp_path: Path, args: list[str], code: int, fragment: str
) -> None:
    result = CliRunner().invoke(cli, [*db_option(tmp_path / "rfk.db"), *args])
    assert result.exit_code == code, result.output
    assert fragment in result.output
    assert "Traceback" not in result.output


def test_console_script_gives_no_traceback_and_python_m_works(tmp_path: Path) -> None:
    env = {**os.environ, "RFK_TRIPS_DB": str(tmp_path / "env.db")}
    done = subprocess.run(
        [sys.executable, "-m", "rfk_trips", "trip", "check", "12"],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.returncode == 1
    assert "Der findes ingen tur med id 12" in done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "env.db").exists()
    assert ((tmp_path / "env.db").stat().st_mode & 0o777) == 0o600


def test_a_file_that_is_not_a_database_is_refused_in_danish(tmp_path: Path) -> None:
    not_a_db = tmp_path / "noter.db"
    not_a_db.write_text("indkøbsliste\n", encoding="utf-8")
    result = CliRunner().invoke(cli, [*db_option(not_a_db), "trips"])
    assert result.exit_code == 1
    assert "kan ikke åbnes som en rfk-trips-database" in result.output
    assert not_a_db.read_text(encoding="utf-8") == "indkøbsliste\n"


def test_database_url_password_is_never_shown(tmp_path: Path) -> None:
    url = "postgresql://planner:hemmeligt@127.0.0.1:1/rfk"
    result = CliRunner().invoke(cli, ["--database-url", url, "trips"])
    assert result.exit_code == 1
    assert "hemmeligt" not in result.output
    assert "127.0.0.1" in result.output


def test_checkin_and_complete_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "rfk.db"
    run(db, "demo", "--seed", "4")
    trips = json.loads(run(db, "trips", "--from", "23-11-2026", "--json").output)
    coming = next(t for t in trips if t["participants"] >= 6)
    trip_id = str(coming["id"])
    monkeypatch.setenv("RFK_TRIPS_TODAY", coming["trip_date"])  # the day of the trip
    sheet = json.loads(run(db, "checkin", trip_id, "--list", "--json").output)
    participants = [r for r in sheet["rows"] if r["role"] == "participant"]
    first, second = participants[0]["citizen_id"], participants[1]["citizen_id"]
    saved = run(db, "checkin", trip_id, str(first), "--status", "late")
    assert saved.exit_code == 0 and "kom for sent" in saved.output
    run(db, "checkin", trip_id, str(second), "--status", "excused", "--reason", "Tandlæge")
    refused = CliRunner().invoke(cli, [*db_option(db), "trip", "complete", trip_id])
    assert refused.exit_code == 1 and "afventer stadig" in refused.output
    sheet = json.loads(run(db, "checkin", trip_id, "--json").output)
    rows = {r["citizen_id"]: r for r in sheet["rows"]}
    assert rows[first]["overall"] == "late" and rows[second]["reason"] == "Tandlæge"
    assert sheet["counts"][0]["there"] == 1
    assert run(db, "trip", "complete", trip_id, "--force").exit_code == 0
    assert json.loads(run(db, "trip", "show", trip_id, "--json").output)["status"] == "completed"
    missing = CliRunner().invoke(cli, [*db_option(db), "checkin", trip_id, str(first)])
    assert missing.exit_code == 2 and "--status" in missing.output


def test_a_reserve_walks_in_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "rfk.db"
    run(db, "demo", "--seed", "4")
    # A trip already held: recorded after the fact from the paper list.
    trips = json.loads(run(db, "trips", "--to", "23-11-2026", "--json").output)
    trip_id = str(next(t for t in trips if t["reserves"] >= 2 and t["status"] != "cancelled")["id"])
    sheet = json.loads(run(db, "checkin", trip_id, "--json").output)
    first, second = [r["citizen_id"] for r in sheet["rows"] if r["role"] == "reserve"][:2]
    before = sheet["counts"][0]

    # A status for a reserve says how to take them in, on the command line.
    refused = CliRunner().invoke(
        cli, [*db_option(db), "checkin", trip_id, str(first), "--status", "present"]
    )
    assert refused.exit_code == 1 and "--walk-in" in refused.output
    assert "tasten" not in refused.output

    taken = run(db, "checkin", trip_id, str(first), "--walk-in")
    assert taken.exit_code == 0 and "taget ind som deltager og mødt" in taken.output
    late = run(db, "checkin", trip_id, str(second), "--walk-in", "--status", "late")
    assert late.exit_code == 0 and "kom for sent" in late.output

    sheet = json.loads(run(db, "checkin", trip_id, "--json").output)
    rows = {r["citizen_id"]: r for r in sheet["rows"]}
    assert rows[first]["role"] == rows[second]["role"] == "participant"
    assert (rows[first]["overall"], rows[second]["overall"]) == ("present", "late")
    assert sheet["counts"][0]["expected"] == before["expected"] + 2
    assert sheet["counts"][0]["there"] == before["there"] + 2
    # The text list shows the time of each change and the walk-in note.
    listing = run(db, "checkin", trip_id, "--list").output
    line = next(row for row in listing.splitlines() if row.lstrip().startswith(str(first)))
    assert re.search(r"\b\d\d:\d\d\b", line) and "Reserve taget ind på dagen" in line

    again = CliRunner().invoke(cli, [*db_option(db), "checkin", trip_id, str(first), "--walk-in"])
    assert again.exit_code == 1 and "allerede deltager" in again.output
    no_citizen = CliRunner().invoke(cli, [*db_option(db), "checkin", trip_id, "--walk-in"])
    assert no_citizen.exit_code == 2


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    db = tmp_path / "rfk.db"
    env = {**os.environ, "RFK_TRIPS_DB": str(db)}
    subprocess.run(
        [sys.executable, "-m", "rfk_trips", "demo"],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    done = subprocess.run(
        f"{sys.executable} -m rfk_trips trips | head -1",
        shell=True,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.count("\n") == 1
    assert "uventet fejl" not in done.stderr and "Traceback" not in done.stderr
