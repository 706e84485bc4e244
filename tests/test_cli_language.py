"""Click's own words (usage, help headings, refused input) and the commands' help follow
the run's language: Danish by default, English with --lang en (or the saved setting)."""

import ast
import string
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from rfk_trips.cli.language import _ARGUMENT_METAVARS, command_tree, option_help_key
from rfk_trips.cli.main import cli
from rfk_trips.config.preferences import Preferences, save_preferences
from rfk_trips.i18n.messages.cli_help import HELP_EN
from rfk_trips.i18n.messages.click import CLICK_DA
from tests.database_choice import db_option

# What click writes in English when no one has translated it.
ENGLISH_CLICK = (
    "Usage:",
    "Options:",
    "Commands:",
    "Show this message and exit.",
    "Show the version and exit.",
    "Error:",
    "Try '",
    "for help",
    "Invalid value",
    "No such command",
    "No such option",
    "Missing argument",
    "Missing option",
    "is not one of",
    "is not a valid",
    "Got unexpected",
    "Did you mean",
    "[OPTIONS]",
    "COMMAND [ARGS]",
)


def run(tmp_path: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*db_option(tmp_path / "rfk.db"), *args])


def no_english_click(text: str) -> None:
    leaked = [phrase for phrase in ENGLISH_CLICK if phrase in text]
    assert not leaked, text


USAGE_ERRORS = [
    (["nosuch"], "Kommandoen »nosuch« findes ikke.", "No such command 'nosuch'."),
    (
        ["demo", "--scale", "x"],
        "Ugyldig værdi for '--scale': »x« er ikke et gyldigt tal.",
        "Invalid value for '--scale': 'x' is not a valid integer.",
    ),
    (["trip", "show"], "Der mangler argumentet 'TUR_ID'.", "Missing argument 'TRIP_ID'."),
    (
        ["trip", "new", "--date", "2026-12-01"],
        "Der mangler tilvalget '--format'.",
        "Missing option '--format'.",
    ),
    (["demo", "--bogus"], "Tilvalget »--bogus« findes ikke.", "No such option '--bogus'."),
    (["demo", "--forc"], "Mente du '--force'?", "Did you mean '--force'?"),
    (
        ["import", "people", "f.csv"],
        "»people« er ikke en af 'companies', 'citizens', 'staff', 'trips', 'attendance', "
        "'outcomes'.",
        "'people' is not one of 'companies', 'citizens', 'staff', 'trips', 'attendance', "
        "'outcomes'.",
    ),
    (["trips", "extra"], "Et argument for meget (extra)", "Got unexpected extra argument (extra)"),
    (["demo", "--scale"], "Tilvalget »--scale« skal have en værdi.", "requires an argument"),
    (["backup"], "Der mangler argumentet 'FIL'.", "Missing argument 'FILE'."),
]


@pytest.mark.parametrize(("args", "danish", "english"), USAGE_ERRORS)
def test_usage_errors_are_danish_by_default_and_keep_exit_code_2(
    tmp_path: Path, args: list[str], danish: str, english: str
) -> None:
    result = run(tmp_path, *args)
    assert result.exit_code == 2, result.output
    assert danish in result.output
    assert "Fejl: " in result.output
    assert english not in result.output
    no_english_click(result.output)
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("args", "danish", "english"), USAGE_ERRORS)
def test_usage_errors_are_clicks_english_with_lang_en(
    tmp_path: Path, args: list[str], danish: str, english: str
) -> None:
    result = run(tmp_path, "--lang", "en", *args)
    assert result.exit_code == 2, result.output
    assert english in result.output
    assert "Error: " in result.output
    assert danish not in result.output
    assert "Fejl" not in result.output and "Brug:" not in result.output


def test_the_usage_line_and_the_way_to_help_are_danish(tmp_path: Path) -> None:
    danish = run(tmp_path, "demo", "--scale", "x").output
    assert danish.startswith("Brug: rfk-trips demo [TILVALG]\n")
    assert "Skriv »rfk-trips demo --help« for at få hjælp." in danish
    english = run(tmp_path, "--lang", "en", "demo", "--scale", "x").output
    assert english.startswith("Usage: rfk-trips demo [OPTIONS]\n")
    assert "Try 'rfk-trips demo --help' for help." in english


def test_an_unknown_language_is_refused_in_danish(tmp_path: Path) -> None:
    result = run(tmp_path, "--lang", "fr", "trips")
    assert result.exit_code == 2
    assert "Ugyldig værdi for '--lang': »fr« er ikke en af 'da', 'en'." in result.output
    no_english_click(result.output)


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["trip", "--help"],
        ["trip", "add-visit", "--help"],
        ["export", "--help"],
        ["db", "--help"],
        ["target", "set", "--help"],
    ],
)
def test_danish_help_has_no_english_heading(tmp_path: Path, args: list[str]) -> None:
    result = run(tmp_path, *args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Brug: rfk-trips")
    assert "Tilvalg:" in result.output
    assert "Vis denne hjælp, og afslut." in result.output
    no_english_click(result.output)


def test_the_root_help_in_danish(tmp_path: Path) -> None:
    text = run(tmp_path, "--help").output
    assert "Brug: rfk-trips [TILVALG] [KOMMANDO] [ARGUMENTER]..." in text
    assert "Kommandoer:" in text
    assert "planlæg busture til lokale virksomheder" in text
    assert "Vis versionsnummeret, og afslut." in text
    assert "standard: 1" in run(tmp_path, "demo", "--help").output


@pytest.mark.parametrize(
    ("args", "help_text"),
    [
        (["--lang", "en", "--help"], "plan bus trips to local companies"),
        (["--help", "--lang", "en"], "plan bus trips to local companies"),
        (["--lang=en", "--help"], "plan bus trips to local companies"),
        (["--lang", "en", "trip", "--help"], "Add a company visit."),
        (["--lang", "en", "trip", "add-visit", "--help"], "What the group is to see."),
        (["--lang", "en", "demo", "--help"], "Multiply the amount of data."),
        (["--lang", "en", "export", "--help"], "Every export is written in the audit log."),
        (["--lang", "en", "target", "--help"], "Set (or correct) a target"),
    ],
)
def test_help_is_english_with_lang_en(tmp_path: Path, args: list[str], help_text: str) -> None:
    result = run(tmp_path, *args)
    assert result.exit_code == 0, result.output
    assert help_text in " ".join(result.output.split())
    assert result.output.startswith("Usage: rfk-trips")
    assert "Options:" in result.output
    assert "Show this message and exit." in result.output
    for danish in ("Brug:", "Tilvalg", "Vis denne hjælp", "Kommandoer"):
        assert danish not in result.output


def test_the_language_switches_back_for_the_next_run(tmp_path: Path) -> None:
    assert "Add a company visit." in run(tmp_path, "--lang", "en", "trip", "--help").output
    danish = run(tmp_path, "trip", "--help").output
    assert "Tilføj et virksomhedsbesøg." in danish
    assert "Add a company visit." not in danish
    no_english_click(danish)


def test_the_saved_language_is_the_default_and_lang_overrides_it(tmp_path: Path) -> None:
    save_preferences(Preferences(lang="en"))
    english = run(tmp_path, "trip", "--help").output
    assert english.startswith("Usage:") and "Add a company visit." in english
    refused = run(tmp_path, "nosuch")
    assert refused.exit_code == 2 and "No such command 'nosuch'." in refused.output
    danish = run(tmp_path, "--lang", "da", "trip", "--help").output
    assert danish.startswith("Brug:") and "Tilføj et virksomhedsbesøg." in danish


def _helped(root: click.Command) -> set[str]:
    keys = set()
    for path, command in command_tree(root):
        if command.help:
            keys.add(path)
        for param in command.params:
            if isinstance(param, click.Option) and param.help:
                keys.add(option_help_key(path, param))
    return keys


def test_every_command_and_option_has_english_help_and_none_is_stale() -> None:
    CliRunner().invoke(cli, ["--help"])  # Danish: the help each was defined with
    helped = _helped(cli)
    assert sorted(helped - HELP_EN.keys()) == []
    assert sorted(HELP_EN.keys() - helped) == []


def _click_message_ids() -> set[str]:
    """The constant strings click passes to gettext and ngettext, read from its source."""
    found: set[str] = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "ngettext")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_danish_click_catalogue_matches_clicks_message_ids() -> None:
    # "required" reaches gettext through a variable (`_(extra["required"])`).
    ids = _click_message_ids() | {"required"}
    assert sorted(set(CLICK_DA) - ids) == []
    for message in ("Usage:", "Error: {message}", "No such command {name!r}.", "Options"):
        assert message in CLICK_DA


def test_the_danish_click_sentences_use_only_clicks_placeholders() -> None:
    for message, danish in CLICK_DA.items():
        for text in (danish,) if isinstance(danish, str) else danish:
            # The plural may name the count ({nargs}, {len}, {possibilities}) besides.
            allowed = _fields(message) | {"nargs", "len", "possibilities", "choices", "formats"}
            assert _fields(text) <= allowed, (message, text)


def _usage_and_options(output: str) -> str:
    return " ".join(output.split())


def test_values_and_arguments_are_named_in_the_runs_language(tmp_path: Path) -> None:
    for _ in range(2):  # and back again: the names are swapped on the same command objects
        danish = _usage_and_options(run(tmp_path, "trip", "new", "--help").output)
        assert "--title TEKST" in danish and "--date DATO" in danish
        assert "TEXT" not in danish
        english = _usage_and_options(run(tmp_path, "--lang", "en", "trip", "new", "--help").output)
        assert "--title TEXT" in english and "--date DATE" in english
        assert "TEKST" not in english
    assert "Brug: rfk-trips backup [TILVALG] FIL " in _usage_and_options(
        run(tmp_path, "backup", "--help").output
    )
    assert "Brug: rfk-trips checkin [TILVALG] TUR_ID [BORGER_ID]" in _usage_and_options(
        run(tmp_path, "checkin", "--help").output
    )
    assert "Usage: rfk-trips checkin [OPTIONS] TRIP_ID [CITIZEN_ID]" in _usage_and_options(
        run(tmp_path, "--lang", "en", "checkin", "--help").output
    )
    kinds = "{companies|citizens|staff|trips|attendance|outcomes}"
    assert f"{kinds} FIL" in run(tmp_path, "import", "--help").output


def test_a_missing_argument_is_named_as_the_usage_line_names_it(tmp_path: Path) -> None:
    result = run(tmp_path, "trip", "show")
    assert result.exit_code == 2
    assert "TUR_ID" in result.output and "TRIP_ID" not in result.output


def test_every_argument_has_a_danish_name() -> None:
    for _, command in command_tree(cli):
        for param in command.params:
            if isinstance(param, click.Argument) and not isinstance(param.type, click.Choice):
                assert param.name in _ARGUMENT_METAVARS, f"{command.name}: {param.name}"
