"""How the test files hang together: test modules share through helper modules only.

A test module that imports another runs that module's tests' setup at import and ties two
files together that can be changed apart; shared builders live in helper modules (whose names
do not start with `test_`), and there is one `settle`, in tests/pilot_helpers.py.
"""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
HELPER = TESTS / "pilot_helpers.py"


def _sources() -> dict[Path, ast.Module]:
    return {
        path: ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for path in sorted(TESTS.rglob("*.py"))
        if "__snapshots__" not in path.parts
    }


def _imported_modules(tree: ast.Module) -> list[str]:
    """Every module an import names, spelled from the repository root (`tests.x`)."""
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: only tests/ is a package here
                base = "tests" + (f".{base}" if base else "")
            found.append(base)
            if base == "tests":  # `from tests import test_x` names the module in the alias
                found.extend(f"tests.{alias.name}" for alias in node.names)
    return found


def _is_test_module(name: str) -> bool:
    parts = name.split(".")
    return parts[0] == "tests" and len(parts) > 1 and parts[1].startswith("test_")


def test_no_file_in_tests_imports_a_test_module() -> None:
    offenders: dict[str, list[str]] = {}
    for path, tree in _sources().items():
        test_modules = sorted({name for name in _imported_modules(tree) if _is_test_module(name)})
        if test_modules:
            offenders[str(path.relative_to(TESTS))] = test_modules
    assert not offenders, f"import these from a helper module instead: {offenders}"


def test_the_checker_sees_every_spelling_of_such_an_import() -> None:
    spellings = [
        "from tests.test_check_in import planned_trip",
        "import tests.test_check_in",
        "from tests import test_check_in",
        "from .test_check_in import planned_trip",
        "from . import test_check_in",
        "def late() -> None:\n    from tests.test_check_in import planned_trip",
    ]
    for source in spellings:
        assert any(map(_is_test_module, _imported_modules(ast.parse(source)))), source
    for source in [
        "from tests.trip_builders import planned_trip",
        "from tests.conftest import TODAY",
    ]:
        assert not any(map(_is_test_module, _imported_modules(ast.parse(source)))), source


def test_settle_is_defined_only_in_the_pilot_helpers() -> None:
    defined = [
        f"{path.relative_to(TESTS)}:{node.lineno} {node.name}"
        for path, tree in _sources().items()
        if path != HELPER
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name in {"settle", "_settle"}
    ]
    assert not defined, f"use tests.pilot_helpers.settle: {defined}"
    assert "async def settle(" in HELPER.read_text(encoding="utf-8")
