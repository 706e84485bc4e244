"""How long the history imports take at a city's size: `rfk-trips import trips|attendance|outcomes`.

Not a test: run `.venv/bin/python bench/history_import.py [--scale 100]` from the project folder.
It uses the demo database `bench/run_bench.py` builds (`bench/.data/scale-N.db`, built here if
missing), exports its trips, attendance and outcomes with the CLI, and times, each as a new
process like a user's command:

- the re-import of each file into the database it came from (every row checked and matched,
  nothing changed: what a weekly re-import of an edited export costs), and
- the outcomes file imported into a copy of the database without outcomes (every row written,
  audit log included: issue 20's "10,000 outcomes in seconds").

Each line gives the rows, the seconds and the process's peak memory.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run_bench import (
    DEFAULT_DATA,
    RFK_TRIPS,
    build_database,
    child_env,
)


def run(command: list[str], data_dir: Path) -> tuple[float, float, str]:
    """Seconds, peak MB of the child (its own, from wait4), and what it printed."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command,
        env=child_env(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out, err = (
        child.stdout.read() if child.stdout else "",
        child.stderr.read() if child.stderr else "",
    )
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{out}{err}")
    return seconds, usage.ru_maxrss / 1024, out.strip()


def rows_in(path: Path) -> int:
    return sum(1 for _ in path.open(encoding="utf-8-sig")) - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=100)
    args = parser.parse_args()
    database = build_database(DEFAULT_DATA, args.scale, rebuild=False)
    assert database.path is not None
    with tempfile.TemporaryDirectory(prefix="rfk-history-bench-") as scratch:
        folder = Path(scratch)
        db = folder / "history.db"
        shutil.copy(database.path, db)
        print(f"scale {args.scale}: {db}")
        for kind in ("trips", "attendance", "outcomes"):
            path = folder / f"{kind}.csv"
            seconds, peak, _ = run(
                [str(RFK_TRIPS), "--db", str(db), "export", kind, str(path)], folder
            )
            print(f"  export {kind:<10} {rows_in(path):>7} rows {seconds:6.2f} s {peak:6.0f} MB")
        for kind in ("trips", "attendance", "outcomes"):
            path = folder / f"{kind}.csv"
            command = [str(RFK_TRIPS), "--db", str(db), "import", kind, str(path)]
            seconds, peak, said = run(command, folder)
            figures = f"{rows_in(path):>7} rows {seconds:6.2f} s {peak:6.0f} MB"
            print(f"  re-import {kind:<7} {figures}  {said}")
        with sqlite3.connect(db) as connection:
            connection.execute("DELETE FROM outcome")
        path = folder / "outcomes.csv"
        command = [str(RFK_TRIPS), "--db", str(db), "import", "outcomes", str(path)]
        seconds, peak, said = run(command, folder)
        print(f"  import outcomes  {rows_in(path):>7} rows {seconds:6.2f} s {peak:6.0f} MB  {said}")


if __name__ == "__main__":
    main()
