"""The environment is read in one place, rfk_trips.config.environment, with every variable."""

import ast
import re
from pathlib import Path

import pytest

from rfk_trips.config import environment
from rfk_trips.config.environment import VARIABLES, database_choice

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("rfk_trips", "screens", "storage")
# Hand the environment on as it is (to `lp`/`lpstat` with the locale set to C; to `pg_dump`/
# `pg_restore` with the password added): they read no setting of ours.
PASSES_IT_ON = {"rfk_trips/documents/printing.py", "storage/server_dump.py"}


def _sources() -> list[Path]:
    return sorted(path for package in PACKAGES for path in (ROOT / package).rglob("*.py"))


_READERS = ("environ", "environb", "getenv", "getenvb")


def _reads_the_environment(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in _READERS:
            return True
        if isinstance(node, ast.ImportFrom) and any(a.name in _READERS for a in node.names):
            return True
    return False


def test_only_the_environment_module_reads_the_environment() -> None:
    readers = {
        path.relative_to(ROOT).as_posix()
        for path in _sources()
        if _reads_the_environment(ast.parse(path.read_text(encoding="utf-8")))
    }
    assert readers - PASSES_IT_ON == {"rfk_trips/config/environment.py"}


def test_every_variable_named_in_the_code_is_listed_with_its_meaning_and_default() -> None:
    named = set()
    for path in _sources():
        named |= set(re.findall(r"RFK_TRIPS_[A-Z_]+", path.read_text(encoding="utf-8")))
    listed = {variable.name for variable in VARIABLES}
    assert named <= listed
    assert len(listed) == len(VARIABLES)
    assert all(variable.meaning and variable.default for variable in VARIABLES)


def test_an_empty_variable_counts_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RFK_TRIPS_PRINT_DIR", "")
    monkeypatch.setenv("RFK_TRIPS_TODAY", "")
    assert environment.print_folder() is None
    assert environment.frozen_today() is None


def test_the_options_go_before_the_database_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RFK_TRIPS_DB", "miljø.db")
    monkeypatch.setenv("RFK_TRIPS_DATABASE_URL", "sqlite:///url.db")
    assert database_choice(None, None) == ("miljø.db", "sqlite:///url.db")
    assert database_choice("valgt.db", None) == ("valgt.db", None)
    assert database_choice(None, "sqlite:///kommando.db") == (None, "sqlite:///kommando.db")
