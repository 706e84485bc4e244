"""`rfk-trips audit` through click's CliRunner: a Danish table, JSON with English keys, filters."""

import json
from pathlib import Path

from click.testing import CliRunner, Result

from rfk_trips.cli.main import cli
from rfk_trips.config.preferences import Preferences, save_preferences
from tests.database_choice import db_option


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*db_option(db), *args], catch_exceptions=False)


def _a_citizen_and_an_export(tmp_path: Path) -> Path:
    db = tmp_path / "rfk.db"
    citizens = tmp_path / "borgere-ind.csv"
    citizens.write_text(
        "navn;telefon;kommune;skånehensyn;visitationsdato\n"
        "Bodil Hemmelig;20304050;Lolland;Tåler ikke larm;01-08-2026\n"
        "Per Anden;20304051;Lolland;;01-08-2026\n",
        encoding="utf-8",
    )
    assert run(db, "import", "citizens", str(citizens)).exit_code == 0
    assert run(db, "export", "citizens", str(tmp_path / "borgere.csv")).exit_code == 0
    return db


def test_the_table_says_who_did_what_in_danish(tmp_path: Path) -> None:
    save_preferences(Preferences(initials="HH"))
    db = _a_citizen_and_an_export(tmp_path)
    result = run(db, "audit")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["Tidspunkt", "Hvem", "Hvad", "Post", "Felter", "/", "fil", "Nævner"]
    export, *rest = lines[1:]
    assert "HH" in export and "eksporteret" in export and "borgere.csv" in export
    assert "2 borgere" in export
    assert any("oprettet" in line and "borger 1" in line for line in rest)
    # Danish date and time: 23-11-2026 14:05 style, never ISO.
    assert export[:16][2] == "-" and export[:16][5] == "-" and export[:16][13] == ":"
    assert "Tåler" not in result.output and "Bodil" not in result.output


def test_json_has_stable_english_keys_and_the_citizens_named(tmp_path: Path) -> None:
    db = _a_citizen_and_an_export(tmp_path)
    result = run(db, "audit", "--json", "--read-outs")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert len(data) == 1
    (line,) = data
    assert set(line) == {
        "id",
        "at",
        "actor",
        "action",
        "entity",
        "entity_id",
        "fields",
        "detail",
        "citizen_ids",
        "read_out",
    }
    assert (line["action"], line["entity"], line["detail"]) == ("export", "citizens", "borgere.csv")
    assert line["citizen_ids"] == [1, 2]
    assert line["at"].endswith(("+01:00", "+02:00"))


def test_citizen_filter_shows_only_lines_about_that_citizen(tmp_path: Path) -> None:
    db = _a_citizen_and_an_export(tmp_path)
    run(db, "trip", "new", "--format", "custom", "--date", "10-12-2026")
    assert run(db, "trip", "add-participant", "1", "2").exit_code == 0
    about_two = json.loads(run(db, "audit", "--json", "--citizen", "2").output)
    about_one = json.loads(run(db, "audit", "--json", "--citizen", "1").output)
    assert all(2 in line["citizen_ids"] for line in about_two)
    assert {line["entity"] for line in about_two} >= {"citizen", "participation", "citizens"}
    assert "participation" not in {line["entity"] for line in about_one}
    assert run(db, "audit", "--citizen", "99").output.strip() == (
        "Revisionsloggen har intet om borger 99."
    )


def test_limit_caps_the_lines_and_says_so(tmp_path: Path) -> None:
    db = _a_citizen_and_an_export(tmp_path)
    result = CliRunner().invoke(cli, [*db_option(db), "audit", "--limit", "1", "--json"])
    assert len(json.loads(result.stdout)) == 1
    assert "Viser de nyeste 1 linjer" in result.stderr
    everything = json.loads(run(db, "audit", "--json", "--limit", "0").output)
    assert len(everything) > 1


def test_a_sensitive_export_needs_the_flag_and_a_name_saying_so(tmp_path: Path) -> None:
    db = _a_citizen_and_an_export(tmp_path)
    refused = CliRunner().invoke(
        cli, [*db_option(db), "export", "citizens", str(tmp_path / "b.csv"), "--sensitive"]
    )
    assert refused.exit_code == 1
    assert "b-følsomme.csv" in refused.stderr
    wrong_kind = CliRunner().invoke(
        cli, [*db_option(db), "export", "staff", str(tmp_path / "s-følsom.csv"), "--sensitive"]
    )
    assert wrong_kind.exit_code == 1
    ok = run(db, "export", "citizens", str(tmp_path / "b-følsomme.csv"), "--sensitive")
    assert ok.exit_code == 0
    assert "Tåler ikke larm" in (tmp_path / "b-følsomme.csv").read_text(encoding="utf-8-sig")
    table = run(db, "audit", "--read-outs").output
    assert "b-følsomme.csv (Skånehensyn (følsomt))" in table
    assert "Tåler" not in run(db, "audit", "--json", "--limit", "0").output


def test_english_table(tmp_path: Path) -> None:
    db = _a_citizen_and_an_export(tmp_path)
    result = CliRunner().invoke(cli, [*db_option(db), "--lang", "en", "audit", "--read-outs"])
    assert result.output.split()[:2] == ["When", "Who"]
    assert "exported" in result.output and "2 citizens" in result.output
