"""What `pipx install rfk-trips` gets: the declared dependencies, the license, one version.

The wheel is built for real (setuptools, no network: the build backend comes from the test
extras) and its metadata read back, since that is what an installer sees.
"""

import ast
import email
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import packages_distributions, version
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
OURS = ("rfk_trips", "storage", "screens")
LICENSE = "LicenseRef-Proprietary"


def _project() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        data: dict[str, Any] = tomllib.load(handle)
    return data


def _name(requirement: str) -> str:
    """`psycopg[binary]>=3.1` -> `psycopg`, normalised as PEP 503 compares names."""
    bare = re.split(r"[\[<>=~!; ]", requirement, maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", bare).lower()


def _imported_top_levels() -> set[str]:
    names: set[str] = set()
    for package in OURS:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names.add(node.module.split(".")[0])
    return {name for name in names if name not in sys.stdlib_module_names and name not in OURS}


def test_every_imported_library_is_declared() -> None:
    """pydantic (storage.models) was used and left to SQLModel to bring: no longer."""
    project = _project()["project"]
    declared = {_name(item) for item in project["dependencies"]}
    for extra in ("postgres", "serve"):  # what the app imports once its extra is there
        declared |= {_name(item) for item in project["optional-dependencies"][extra]}
    distributions = packages_distributions()
    undeclared = {
        module: distributions.get(module)
        for module in _imported_top_levels()
        if not {_name(dist) for dist in distributions.get(module, [module])} & declared
    }
    assert not undeclared
    assert "pydantic" in declared


def test_the_time_zone_database_is_declared_for_machines_without_one() -> None:
    """zoneinfo reads Europe/Copenhagen from the system, which Windows has not: tzdata."""
    uses_zoneinfo = [
        path
        for package in OURS
        for path in (ROOT / package).rglob("*.py")
        if "from zoneinfo import" in path.read_text(encoding="utf-8")
    ]
    assert uses_zoneinfo
    assert "tzdata" in {_name(item) for item in _project()["project"]["dependencies"]}


def test_the_pins_are_as_the_house_rules_say() -> None:
    """Textual exactly, SQLModel compatible-release, a lower bound for every other."""
    for requirement in _project()["project"]["dependencies"]:
        name = _name(requirement)
        if name == "textual":
            assert re.fullmatch(r"textual==[\d.]+", requirement)
        elif name == "sqlmodel":
            assert re.fullmatch(r"sqlmodel~=[\d.]+", requirement)
        else:
            assert ">=" in requirement and "==" not in requirement, requirement


def test_the_license_is_an_spdx_expression_the_build_backend_reads() -> None:
    """The `{ text = ... }` table is deprecated; setuptools reads the string from 77 on."""
    data = _project()
    assert data["project"]["license"] == LICENSE
    backend = [item for item in data["build-system"]["requires"] if _name(item) == "setuptools"]
    assert backend == ["setuptools>=77"]


def test_the_version_is_written_once() -> None:
    """In pyproject.toml only; the installed metadata says the same."""
    written = _project()["project"]["version"]
    assert version("rfk-trips") == written
    for package in OURS:
        for path in (ROOT / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "__version__" not in text, path
            assert f'"{written}"' not in text, path


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built from a copy of the sources, so no `build/` left in the work tree can add to it."""
    source = tmp_path_factory.mktemp("source") / "rfk-trips"
    junk = (".*", "build", "dist", "*.egg-info", "__pycache__", "*.db*", "tests", "bench", "docs")
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*junk))
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            *(sys.executable, "-m", "pip", "wheel", str(source)),
            *("--no-deps", "--no-build-isolation", "--no-index", "--quiet", "-w", str(folder)),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = folder.glob("rfk_trips-*.whl")
    return built


def test_the_wheel_says_its_license_and_dependencies(wheel: Path) -> None:
    written = _project()["project"]["version"]
    with zipfile.ZipFile(wheel) as archive:
        metadata = email.message_from_bytes(archive.read(f"rfk_trips-{written}.dist-info/METADATA"))
        names = archive.namelist()
    assert metadata["License-Expression"] == LICENSE
    assert metadata["Version"] == written
    requires = {_name(item) for item in metadata.get_all("Requires-Dist") or []}
    assert {"pydantic", "tzdata", "textual", "sqlmodel"} <= requires
    assert "Operating System :: Microsoft :: Windows" in (metadata.get_all("Classifier") or [])
    # What the app reads from its package at run time travels with it.
    migrations = {Path(name).name for name in names if "storage/migrations/versions/" in name}
    shipped = {path.name for path in (ROOT / "storage/migrations/versions").glob("*.py")}
    assert migrations == shipped
    assert "screens/app.tcss" in names
