"""The house rules a newcomer relies on, checked on the code itself (docs/architecture.md)."""

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROOMS = ("rfk_trips", "screens", "storage")
MAX_FUNCTION_LINES = 80
# A longer function says why on one of its first lines, as `# Long: <why>`.
LONG_MARK = "# Long:"


def _modules() -> list[Path]:
    return [
        path
        for room in ROOMS
        for path in (ROOT / room).rglob("*.py")
        if "migrations" not in path.relative_to(ROOT).parts
    ]


def test_no_function_is_longer_than_80_lines_without_saying_why() -> None:
    unexplained = []
    for path in _modules():
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            assert node.end_lineno is not None
            if node.end_lineno - node.lineno + 1 <= MAX_FUNCTION_LINES:
                continue
            head = lines[node.lineno - 1 : node.lineno + 15]
            if not any(line.strip().startswith(LONG_MARK) for line in head):
                unexplained.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert unexplained == []


def test_every_package_says_what_lives_in_it() -> None:
    silent = []
    for room in ROOMS:
        for init in (ROOT / room).rglob("__init__.py"):
            if "migrations" in init.relative_to(ROOT).parts:
                continue
            if not ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))):
                silent.append(str(init.relative_to(ROOT)))
    assert silent == []


def test_rfk_trips_has_no_module_outside_a_room() -> None:
    loose = sorted(
        path.name
        for path in (ROOT / "rfk_trips").glob("*.py")
        if path.name not in {"__init__.py", "__main__.py"}
    )
    assert loose == []


def test_mypy_is_strict_with_no_switched_off_error_codes() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["strict"] is True
    for override in config.get("overrides", []):
        # Only third-party packages without type information may be let off, and only that.
        assert set(override) == {"module", "ignore_missing_imports"}, override
        modules = override["module"]
        assert not any(m.split(".")[0] in ROOMS for m in modules), modules


def test_every_dotted_path_in_the_architecture_map_exists() -> None:
    """docs/architecture.md names functions by dotted path; each must still be there."""
    import importlib
    import re

    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = []
    for dotted in sorted(set(re.findall(r"`((?:rfk_trips|screens|storage)(?:\.\w+)+)`", text))):
        parts = dotted.split(".")
        for cut in range(len(parts), 0, -1):
            try:
                target: object = importlib.import_module(".".join(parts[:cut]))
            except ModuleNotFoundError:
                continue
            for name in parts[cut:]:
                target = getattr(target, name, None)
            if target is None:
                missing.append(dotted)
            break
        else:
            missing.append(dotted)
    assert missing == []
