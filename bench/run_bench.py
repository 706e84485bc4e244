"""Benchmark rfk-trips: start-up against the floor app, list screens, search keystrokes.

    .venv/bin/python bench/run_bench.py            # scales 1 and 100, 7 runs each
    .venv/bin/python bench/run_bench.py --quick    # scale 1 only, 3 runs

Not a test (pytest never collects it); see bench/README.md for what it measures.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import math
import os
import platform
import resource
import select
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
RFK_TRIPS = VENV_BIN / "rfk-trips"
PYTHON = VENV_BIN / "python"
FLOOR_APP = ROOT.parent / "shared" / "bench" / "floor_app.py"
DEFAULT_DATA = ROOT / "bench" / ".data"
DEFAULT_OUTPUT = ROOT / "bench" / "results.json"

TODAY = "2026-11-23"
SEED = 2026
# The floor app calls run(headless=True); rfk-trips gets the same driver from the environment,
# so both do all the work of a start-up short of writing to a terminal.
HEADLESS_DRIVER = "textual.drivers.headless_driver:HeadlessDriver"
TERMINAL = (120, 40)
CHILD_TIMEOUT_S = 60.0
BUILD_TIMEOUT_S = 900.0
STEP_TIMEOUT_S = 10.0
SESSION_TIMEOUT_S = 300.0

LIST_SCREENS = ("companies", "citizens", "staff", "trips")
SEARCH_SCREENS = ("companies", "citizens")
LETTERS = "aeiklmnorstbdgh"  # 15 keystrokes, each followed by a backspace
WARM_UP_LETTER = "x"
PARTICIPANT_REPS = 20
TRIP_DATE = date(2026, 12, 8)  # a Tuesday after TODAY, no holiday

STARTUP_RATIO_TARGET = 1.15
MEMORY_RATIO_TARGET = 1.5
MEDIAN_TARGET_MS = 50.0
P95_TARGET_MS = 100.0
TARGET_SCALE = 100
NOT_YET = "n/a – not available yet"
CRASHED = "the app failed while opening this screen"

Result = dict[str, Any]


# --- small helpers ----------


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentile(values: Sequence[float], q: float) -> float:
    """Linear interpolation between the closest ranks (as numpy's default)."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summarize(samples_ms: Sequence[float]) -> Result:
    return {
        "status": "ok",
        "n": len(samples_ms),
        "median_ms": round(statistics.median(samples_ms), 2),
        "p95_ms": round(percentile(samples_ms, 0.95), 2),
        "min_ms": round(min(samples_ms), 2),
        "max_ms": round(max(samples_ms), 2),
        "samples_ms": [round(s, 2) for s in samples_ms],
    }


def not_available(reason: str) -> Result:
    return {"status": "n/a", "reason": reason}


def is_ok(result: Result | None) -> bool:
    return result is not None and result.get("status") == "ok"


def child_env(data_dir: Path) -> dict[str, str]:
    """The environment of every child: frozen today, headless, and a bytecode cache.

    Bytecode goes to a cache under the data folder (PYTHONPYCACHEPREFIX), for rfk-trips and
    the floor alike; with PYTHONDONTWRITEBYTECODE set, the project's own modules would
    otherwise be compiled from source at every start, as no installed app is.
    """
    env = dict(os.environ)
    for name in ("RFK_TRIPS_DB", "RFK_TRIPS_DATABASE_URL", "TEXTUAL_DEBUG", "TEXTUAL_LOG"):
        env.pop(name, None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        PYTHONPYCACHEPREFIX=str((data_dir / "pycache").resolve()),
        RFK_TRIPS_TODAY=TODAY,
        TEXTUAL_DRIVER=HEADLESS_DRIVER,
        COLUMNS=str(TERMINAL[0]),
        LINES=str(TERMINAL[1]),
    )
    return env


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"


# --- demo databases ----------


def database_path(data_dir: Path, scale: int) -> Path:
    return data_dir / f"rfk-scale{scale}-seed{SEED}.db"


def checkpoint(path: Path) -> None:
    """Fold the WAL into the file, so the file alone is the whole database."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def build_database(data_dir: Path, scale: int, rebuild: bool) -> Path:
    """The demo database at `scale`, built with the CLI once and then reused."""
    target = database_path(data_dir, scale)
    if target.exists() and not rebuild:
        log(f"using {target}")
        bring_up_to_date(target)
        return target
    data_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".building.db")
    remove_database(partial)
    log(f"building demo data at scale {scale} in {target} ...")
    started = time.perf_counter()
    command = [str(RFK_TRIPS), "--db", str(partial), "demo", "--scale", str(scale)]
    command += ["--seed", str(SEED)]
    done = subprocess.run(
        command, env=child_env(data_dir), capture_output=True, text=True, timeout=BUILD_TIMEOUT_S
    )
    if done.returncode != 0:
        remove_database(partial)
        raise SystemExit(f"building scale {scale} failed:\n{done.stdout}{done.stderr}")
    checkpoint(partial)
    remove_database(target)
    partial.replace(target)
    log(f"  {done.stdout.strip()} ({time.perf_counter() - started:.1f} s)")
    return target


def bring_up_to_date(path: Path) -> None:
    """Migrate a database built by an older version now, so no measured run migrates it."""
    from storage.engine import make_engine
    from storage.migrate import upgrade

    engine = make_engine(sqlite_url(path))
    try:
        result = upgrade(engine)
    finally:
        engine.dispose()
    if result is not None:
        log(f"  migrated from {result.from_revision} to {result.to_revision}")
        if result.backup is not None:
            remove_database(result.backup)  # demo data, built again at will
        checkpoint(path)


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API (the source is only read)."""
    reader = sqlite3.connect(source)
    writer = sqlite3.connect(target)
    try:
        reader.execute("PRAGMA query_only = ON")
        reader.backup(writer)
    finally:
        writer.close()
        reader.close()


# --- start-up in a child process ----------


@dataclass
class ChildRun:
    wall_ms: float
    max_rss_mb: float
    exit_code: int
    timed_out: bool
    stderr: str

    def failure(self) -> str | None:
        if self.timed_out:
            return f"no ready screen within {CHILD_TIMEOUT_S:.0f} s"
        if self.exit_code != 0 or "Traceback" in self.stderr:
            return f"exit code {self.exit_code}: {self.stderr.strip()[-500:]}"
        return None


def wait_child(pid: int, timeout: float) -> tuple[int, resource.struct_rusage, bool]:
    """Reap `pid` (killing it after `timeout`) and return its exit code and resource usage."""
    timed_out = False
    if hasattr(os, "pidfd_open"):
        pidfd = os.pidfd_open(pid)
        try:
            ready, _, _ = select.select([pidfd], [], [], timeout)
            if not ready:
                timed_out = True
                signal.pidfd_send_signal(pidfd, signal.SIGKILL)
        finally:
            os.close(pidfd)
    _, status, usage = os.wait4(pid, 0)
    return os.waitstatus_to_exitcode(status), usage, timed_out


def run_child(argv: list[str], env: dict[str, str]) -> ChildRun:
    """Wall time from spawn to exit, and the child's own peak RSS (from wait4)."""
    with tempfile.TemporaryFile() as errors, open(os.devnull, "r+b") as devnull:
        actions = [
            (os.POSIX_SPAWN_DUP2, devnull.fileno(), 0),
            (os.POSIX_SPAWN_DUP2, devnull.fileno(), 1),
            (os.POSIX_SPAWN_DUP2, errors.fileno(), 2),
        ]
        started = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, env, file_actions=actions)
        exit_code, usage, timed_out = wait_child(pid, CHILD_TIMEOUT_S)
        wall_ms = (time.perf_counter() - started) * 1000
        errors.seek(0)
        stderr = errors.read().decode(errors="replace")
    rss_bytes = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return ChildRun(wall_ms, rss_bytes / 2**20, exit_code, timed_out, stderr)


class Launcher:
    """Spawns the timed children from a small helper process and relays their numbers.

    Linux carries the spawning process's peak RSS over into a spawned child's ru_maxrss (the
    old address space at exec is the parent's), so children spawned from this process, once it
    has run the in-process part, would all report at least its size. The helper stays small.
    """

    def __init__(self) -> None:
        command = [str(PYTHON), str(Path(__file__).resolve()), "--launcher"]
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def run(self, argv: list[str], env: dict[str, str]) -> ChildRun:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps({"argv": argv, "env": env}) + "\n")
        self.process.stdin.flush()
        reply = self.process.stdout.readline()
        if not reply:
            raise SystemExit("the launcher process died")
        return ChildRun(**json.loads(reply))

    def __enter__(self) -> Launcher:
        return self

    def __exit__(self, *_: object) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=CHILD_TIMEOUT_S)


def serve_launcher() -> None:
    """The helper's side: one JSON request per line in, one ChildRun per line out."""
    for line in sys.stdin:
        request = json.loads(line)
        run = run_child(request["argv"], request["env"])
        print(json.dumps(asdict(run)), flush=True)


def summarize_runs(runs: list[ChildRun]) -> Result:
    result = summarize([run.wall_ms for run in runs])
    result["max_rss_mb"] = round(statistics.median(run.max_rss_mb for run in runs), 1)
    result["max_rss_mb_samples"] = [round(run.max_rss_mb, 1) for run in runs]
    return result


def measure_startup(
    launcher: Launcher, database: Path, floor_database: Path, runs: int, env: dict[str, str]
) -> Result:
    """rfk-trips and the floor app in turn, run by run (the first pair is a warm-up)."""
    commands = {
        "ours": [str(RFK_TRIPS), "--db", str(database), "--exit-when-ready"],
        "floor": [str(PYTHON), str(FLOOR_APP), str(floor_database)],
    }
    samples: dict[str, list[ChildRun]] = {"ours": [], "floor": []}
    for index in range(runs + 1):
        order = ("ours", "floor") if index % 2 == 0 else ("floor", "ours")
        for name in order:
            run = launcher.run(commands[name], env)
            if (problem := run.failure()) is not None:
                log(f"  {name} start-up failed: {problem}")
                return {"status": "n/a", "reason": f"{name}: {problem}"}
            if index > 0:
                samples[name].append(run)
    ours, floor = summarize_runs(samples["ours"]), summarize_runs(samples["floor"])
    return {
        "status": "ok",
        "ours": ours,
        "floor": floor,
        "ratio": round(ours["median_ms"] / floor["median_ms"], 3),
        "memory_ratio": round(ours["max_rss_mb"] / floor["max_rss_mb"], 3),
    }


def prepare_floor(launcher: Launcher, floor_database: Path, env: dict[str, str]) -> None:
    """The floor app creates its database on first use; do that outside the timed runs."""
    if floor_database.exists():
        return
    floor_database.parent.mkdir(parents=True, exist_ok=True)
    command = [str(PYTHON), str(FLOOR_APP), str(floor_database)]
    run = launcher.run(command, env)
    if (problem := run.failure()) is not None:
        raise SystemExit(f"the floor app failed: {problem}")


# --- in-process: screens and keystrokes with run_test ----------


class AppCrashed(Exception):
    pass


def make_test_app(database: Path, warm_up: bool = False) -> Any:
    from rfk_trips.app.application import make_app

    # freeze_gc as `rfk-trips` runs: what start-up and the built screens made stays out of
    # the collector's walks (run_session unfreezes it again after each app).
    return make_app(database_url=sqlite_url(database), lang="da", warm_up=warm_up, freeze_gc=True)


async def settle(app: Any) -> None:
    """Let the app and its current screen handle every message queued so far."""
    flags = []
    for node in (app, app.screen):
        flag = asyncio.Event()
        if node.call_later(flag.set):
            flags.append(flag)
    for flag in flags:
        await flag.wait()


async def wait_for_workers(app: Any) -> None:
    """As app.workers.wait_for_complete(), but a worker cancelled by a newer one is no error."""
    from textual.worker import WorkerCancelled, WorkerFailed

    for worker in list(app.workers):
        try:
            await worker.wait()
        except WorkerCancelled:
            pass
        except WorkerFailed as exc:
            raise AppCrashed(f"worker {worker.name!r} failed: {exc.error!r}") from exc


def workers_busy(app: Any) -> bool:
    return any(not worker.is_finished for worker in app.workers)


async def wait_until(app: Any, done: Callable[[], bool], timeout: float = STEP_TIMEOUT_S) -> bool:
    """Wait until `done()` holds and the app is quiet: every worker finished (including any
    started by the messages of earlier ones) and every message handled."""
    deadline = time.perf_counter() + timeout
    while True:
        if (error := getattr(app, "_exception", None)) is not None:
            raise AppCrashed(repr(error))
        await wait_for_workers(app)
        await settle(app)
        if done() and not workers_busy(app):
            return True
        if time.perf_counter() > deadline:
            return False
        await asyncio.sleep(0.001)


@dataclass
class Timing:
    """Milliseconds from an action to the table updated, and to the screen's next refresh."""

    updated_ms: float
    painted_ms: float


def since(started: float) -> float:
    return (time.perf_counter() - started) * 1000


async def time_until(app: Any, started: float, done: Callable[[], bool]) -> Timing | None:
    if not await wait_until(app, done):
        return None
    updated = since(started)
    # Textual sends nothing to the terminal while an update is held back (switch_mode holds
    # a new mode's for 50 ms), and a refresh in that time draws nothing: wait it out.
    while app._batch_count:
        await asyncio.sleep(0.001)
    await app.screen.wait_for_refresh()
    return Timing(updated, since(started))


def summarize_timings(timings: Sequence[Timing]) -> Result:
    """The brief's measure (table updated) on top, painted (next refresh) beside it."""
    painted = summarize([timing.painted_ms for timing in timings])
    return summarize([timing.updated_ms for timing in timings]) | {"painted": painted}


def screen_table(app: Any) -> Any:
    from textual.css.query import NoMatches
    from textual.widgets import DataTable

    try:
        return app.screen.query(DataTable).first()
    except NoMatches:
        return None


def table_rows(app: Any) -> int:
    table = screen_table(app)
    return 0 if table is None else int(table.row_count)


def table_state(app: Any) -> tuple[Any, ...]:
    """Changes whenever the table is refilled (its update counter), even with equal rows."""
    table = screen_table(app)
    if table is None:
        return (None,)
    return (id(table), getattr(table, "_update_count", None), tuple(table.rows))


async def open_screen(app: Any, mode: str) -> Timing | str:
    """From switch_mode to a table with rows, or why that could not be timed."""
    from textual.app import UnknownModeError

    started = time.perf_counter()
    try:
        await app.switch_mode(mode)
    except UnknownModeError:
        return f"{NOT_YET} (no mode {mode!r})"
    timing = await time_until(app, started, lambda: table_rows(app) > 0)
    if timing is None:
        if screen_table(app) is None:
            return f"{NOT_YET} (no DataTable on the {mode} screen)"
        return f"the {mode} table had no rows after {STEP_TIMEOUT_S:.0f} s"
    return timing


async def keystroke(app: Any, key: str, character: str | None) -> Timing | None:
    """From a key event to the table refilled, or None if it never was.

    The key is posted as the driver posts it; Pilot.press would add idle waits of its
    own (at least 2 x 20 ms) to every measurement.
    """
    from textual import events

    before = table_state(app)
    event = events.Key(key, character)
    event.set_sender(app)
    started = time.perf_counter()
    app.post_message(event)
    return await time_until(app, started, lambda: table_state(app) != before)


async def start_session(app: Any) -> None:
    """Wait for the home screen's first load."""
    await wait_until(app, lambda: True)


async def screens_once(
    database: Path, modes: Sequence[str], out: dict[str, Timing | str], warm_up: bool
) -> None:
    """Open `modes` in turn in one fresh app; `out` keeps what was timed if the app fails.

    With `warm_up` the app runs as `rfk-trips` starts it: the list screens are built behind
    the home screen, and the session starts once that is done (a user reading the home
    screen); without it each screen is built when it is first opened.
    """
    app = make_test_app(database, warm_up=warm_up)
    async with app.run_test(size=TERMINAL):
        await start_session(app)
        for mode in modes:
            out[mode] = CRASHED
            out[mode] = await open_screen(app, mode)


async def keystrokes_once(database: Path, mode: str) -> Result:
    from textual.css.query import NoMatches
    from textual.widgets import Input

    app = make_test_app(database)
    async with app.run_test(size=TERMINAL):
        await start_session(app)
        opened = await open_screen(app, mode)
        if isinstance(opened, str):
            return not_available(opened)
        try:
            search = app.screen.query_one("#search", Input)
        except NoMatches:
            return not_available(f"{NOT_YET} (no Input#search on the {mode} screen)")
        search.focus()
        await settle(app)
        letters: list[Timing] = []
        backspaces: list[Timing] = []
        for letter in WARM_UP_LETTER + LETTERS:
            typed = await keystroke(app, letter, letter)
            if typed is None or search.value != letter:
                return not_available(f"typing {letter!r} did not refill the {mode} table")
            erased = await keystroke(app, "backspace", None)
            if erased is None or search.value:
                return not_available(f"backspace did not refill the {mode} table")
            letters.append(typed)
            backspaces.append(erased)
    return {
        "status": "ok",
        "letter": summarize_timings(letters[1:]) | {"first_ms": round(letters[0].updated_ms, 2)},
        "backspace": summarize_timings(backspaces[1:]),
    }


def run_session(coroutine: Any) -> Any:
    try:
        return asyncio.run(asyncio.wait_for(coroutine, SESSION_TIMEOUT_S))
    finally:
        # The next app starts as a fresh process would, without this one's frozen objects.
        gc.unfreeze()
        gc.collect()


def measure_screens(database: Path, runs: int, warm_up: bool = False) -> dict[str, Result]:
    """Each list screen opened once per fresh app; the first app is a warm-up.

    A screen that fails is reported and left out of the following apps, so one broken
    screen does not cost the others their numbers.
    """
    samples: dict[str, list[Timing]] = {mode: [] for mode in LIST_SCREENS}
    reasons: dict[str, str] = {}
    first: dict[str, float] = {}
    for index in range(runs + 1):
        modes = [mode for mode in LIST_SCREENS if mode not in reasons]
        results: dict[str, Timing | str] = {}
        try:
            run_session(screens_once(database, modes, results, warm_up))
        except Exception as exc:  # the screens are being written: report, do not crash
            failed = next((m for m, v in results.items() if v == CRASHED), None)
            for mode in [failed] if failed else modes:
                reasons.setdefault(mode, f"the app failed: {exc!r}"[:300])
        for mode, value in results.items():
            if isinstance(value, str):
                reasons.setdefault(mode, value)
            elif index == 0:
                first[mode] = round(value.updated_ms, 2)
            else:
                samples[mode].append(value)
    out: dict[str, Result] = {}
    for mode in LIST_SCREENS:
        if mode in reasons or not samples[mode]:
            out[mode] = not_available(reasons.get(mode, NOT_YET))
        else:
            out[mode] = summarize_timings(samples[mode]) | {"first_ms": first.get(mode)}
    return out


def measure_keystrokes(database: Path) -> dict[str, Result]:
    out: dict[str, Result] = {}
    for mode in SEARCH_SCREENS:
        try:
            out[mode] = run_session(keystrokes_once(database, mode))
        except Exception as exc:
            out[mode] = not_available(f"the app failed: {exc!r}"[:300])
    return out


# --- in-process: the add-participant service call ----------


def spread_citizens(database: Path, count: int) -> list[int]:
    """`count` active citizens spread evenly over the register."""
    connection = sqlite3.connect(database)
    try:
        ids = [row[0] for row in connection.execute("SELECT id FROM citizen WHERE NOT archived")]
    finally:
        connection.close()
    step = max(len(ids) // count, 1)
    return ids[::step][:count]


def measure_add_participant(database: Path, reps: int = PARTICIPANT_REPS) -> Result:
    """add_participants on a fresh draft trip per call, on a copy of the database."""
    try:
        from rfk_trips.database.opening import open_database
        from rfk_trips.trips import planning, trip_service
    except Exception as exc:
        return not_available(f"{NOT_YET}: {exc!r}")
    with tempfile.TemporaryDirectory(prefix="rfk-bench-") as folder:
        copy = Path(folder) / "copy.db"
        copy_database(database, copy)
        citizens = spread_citizens(copy, reps + 1)  # the first is a warm-up
        opened = open_database(sqlite_url(copy))
        samples: list[float] = []
        try:
            for citizen_id in citizens:
                trip_id = trip_service.create_trip(
                    opened.engine, format_code="custom", trip_date=TRIP_DATE, title="Benchmark"
                )
                started = time.perf_counter()
                planning.add_participants(opened.engine, trip_id, [citizen_id])
                samples.append((time.perf_counter() - started) * 1000)
        except Exception as exc:
            return not_available(f"the service call failed: {exc!r}"[:300])
        finally:
            opened.engine.dispose()
    return summarize(samples[1:]) | {"first_ms": round(samples[0], 2)}


def measure_in_process(database: Path, runs: int) -> Result:
    os.environ["RFK_TRIPS_TODAY"] = TODAY
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    try:
        import rfk_trips.app.application  # noqa: F401
    except Exception as exc:
        reason = f"{NOT_YET}: the app does not import ({exc!r})"[:300]
        return {
            "screens": {mode: not_available(reason) for mode in LIST_SCREENS},
            "screens_ahead": {mode: not_available(reason) for mode in LIST_SCREENS},
            "keystrokes": {mode: not_available(reason) for mode in SEARCH_SCREENS},
            "add_participant": measure_add_participant(database),
        }
    log("  list screens, first build ...")
    screens = measure_screens(database, runs)
    log("  list screens, built ahead ...")
    screens_ahead = measure_screens(database, runs, warm_up=True)
    log("  search keystrokes ...")
    keystrokes = measure_keystrokes(database)
    log("  add participant ...")
    return {
        "screens": screens,
        "screens_ahead": screens_ahead,
        "keystrokes": keystrokes,
        "add_participant": measure_add_participant(database),
    }


# --- report ----------


@dataclass
class Row:
    metric: str
    cells: dict[int, str]
    target: str
    met: str


def latency_cell(result: Result | None) -> str:
    if result is None:
        return "–"
    if not is_ok(result):
        return "n/a"
    return f"{result['median_ms']:.1f} / {result['p95_ms']:.1f} ms"


def latency_met(result: Result | None, scale: int | None) -> str:
    if scale is None or not is_ok(result):
        return "n/a"
    assert result is not None
    met = result["median_ms"] <= MEDIAN_TARGET_MS and result["p95_ms"] <= P95_TARGET_MS
    verdict = "yes" if met else "no"
    return verdict if scale == TARGET_SCALE else f"{verdict} (at scale {scale})"


def judged_scale(scales: Sequence[int]) -> int | None:
    """Targets set for scale 100 are judged there, else at the largest scale measured."""
    if TARGET_SCALE in scales:
        return TARGET_SCALE
    return max(scales) if scales else None


def startup_rows(per_scale: dict[int, Result]) -> list[Row]:
    startups = {scale: data["startup"] for scale, data in per_scale.items()}
    ok = {scale: s for scale, s in startups.items() if is_ok(s)}

    def cells(render: Callable[[Result], str]) -> dict[int, str]:
        return {scale: render(s) if is_ok(s) else "n/a" for scale, s in startups.items()}

    def time_cell(part: str) -> Callable[[Result], str]:
        return lambda s: f"{s[part]['median_ms']:.0f} / {s[part]['p95_ms']:.0f} ms"

    def rss_cell(part: str) -> Callable[[Result], str]:
        return lambda s: f"{s[part]['max_rss_mb']:.1f} MB"

    ratio_met = "n/a"
    if ok and len(ok) == len(startups):
        ratio_met = "yes" if all(s["ratio"] <= STARTUP_RATIO_TARGET for s in ok.values()) else "no"
    memory_scale = judged_scale(list(ok))
    memory_met = "n/a"
    if memory_scale is not None:
        met = ok[memory_scale]["memory_ratio"] <= MEMORY_RATIO_TARGET
        memory_met = "yes" if met else "no"
        if memory_scale != TARGET_SCALE:
            memory_met += f" (at scale {memory_scale})"
    return [
        Row("start-up to ready home, median / p95", cells(time_cell("ours")), "", ""),
        Row("floor app start-up, median / p95", cells(time_cell("floor")), "", ""),
        Row(
            "start-up ours / floor (medians)",
            cells(lambda s: f"{s['ratio']:.2f}×"),
            f"≤ {STARTUP_RATIO_TARGET}× at every scale",
            ratio_met,
        ),
        Row("peak memory (max RSS), ours", cells(rss_cell("ours")), "", ""),
        Row("peak memory (max RSS), floor", cells(rss_cell("floor")), "", ""),
        Row(
            "memory ours / floor",
            cells(lambda s: f"{s['memory_ratio']:.2f}×"),
            f"≤ {MEMORY_RATIO_TARGET}× at scale {TARGET_SCALE}",
            memory_met,
        ),
    ]


def latency_rows(per_scale: dict[int, Result]) -> list[Row]:
    judge = judged_scale(list(per_scale))
    target = f"≤ {MEDIAN_TARGET_MS:.0f} / ≤ {P95_TARGET_MS:.0f} ms at scale {TARGET_SCALE}"
    rows: list[Row] = []

    def add(metric: str, pick: Callable[[Result], Result | None], judged: bool = True) -> None:
        found = {scale: pick(data) for scale, data in per_scale.items()}
        met = latency_met(found.get(judge) if judge else None, judge) if judged else "–"
        cells = {scale: latency_cell(result) for scale, result in found.items()}
        rows.append(Row(metric, cells, target if judged else "–", met))

    for mode in LIST_SCREENS:
        add(
            f"open {mode} screen, built ahead (as the app runs), median / p95",
            lambda d, m=mode: d.get("screens_ahead", {}).get(m),
        )
    for mode in LIST_SCREENS:
        add(
            f"open {mode} screen, first build, median / p95",
            lambda d, m=mode: d["screens"].get(m),
        )
    for mode in SEARCH_SCREENS:
        for key in ("letter", "backspace"):
            add(
                f"{mode} search keystroke ({key}), median / p95",
                lambda d, m=mode, k=key: keystroke_result(d["keystrokes"].get(m), k),
            )
    add("add participant (service call), median / p95", lambda d: d["add_participant"], False)
    return rows


def keystroke_result(result: Result | None, key: str) -> Result | None:
    if result is None or not is_ok(result):
        return result
    return result[key]


def markdown_table(rows: list[Row], scales: Sequence[int]) -> str:
    header = ["metric", *(f"scale {scale}" for scale in scales), "target", "met?"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        cells = [row.metric, *(row.cells.get(scale, "–") for scale in scales), row.target]
        lines.append("| " + " | ".join([*cells, row.met or "–"]) + " |")
    return "\n".join(lines)


def not_available_notes(per_scale: dict[int, Result]) -> list[str]:
    notes: set[str] = set()
    for scale, data in per_scale.items():
        for group in ("screens", "screens_ahead", "keystrokes"):
            for mode, result in data.get(group, {}).items():
                if not is_ok(result):
                    notes.add(f"- {group}/{mode}: {result['reason']}")
        for name in ("startup", "add_participant"):
            result = data.get(name)
            if result is not None and not is_ok(result):
                notes.add(f"- {name} at scale {scale}: {result['reason']}")
    return sorted(notes)


def machine(load_at_start: Sequence[float]) -> Result:
    """Where the numbers come from; a load average near the CPU count means noisy numbers."""
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in load_at_start],
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
    }


# --- main ----------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs after 1 warm-up")
    parser.add_argument("--scales", default="1,100", help="comma-separated demo scales")
    parser.add_argument("--quick", action="store_true", help="scale 1 only, 3 runs")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the demo databases")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="database cache folder")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="JSON results")
    args = parser.parse_args(argv)
    if args.quick:
        args.scales, args.runs = "1", 3
    args.scale_list = sorted({int(part) for part in args.scales.split(",") if part.strip()})
    if args.runs < 1 or not args.scale_list or min(args.scale_list) < 1:
        parser.error("--runs and every scale must be at least 1")
    return args


def check_setup() -> None:
    for path in (RFK_TRIPS, PYTHON, FLOOR_APP):
        if not path.exists():
            raise SystemExit(f"missing {path}")


def measure_scale(
    scale: int, database: Path, args: argparse.Namespace, launcher: Launcher
) -> Result:
    env = child_env(args.data)
    log(f"scale {scale}: start-up, {args.runs} runs each, interleaved with the floor app ...")
    startup = measure_startup(launcher, database, args.data / "floor.db", args.runs, env)
    log(f"scale {scale}: in-process measurements ...")
    return {"database": str(database), "startup": startup} | measure_in_process(database, args.runs)


def write_report(
    args: argparse.Namespace, per_scale: dict[int, Result], rows: list[Row], load: Sequence[float]
) -> None:
    report = {
        "generated": datetime.now().astimezone().isoformat(timespec="seconds"),
        "settings": {
            "runs": args.runs,
            "scales": args.scale_list,
            "today": TODAY,
            "seed": SEED,
            "keystrokes": len(LETTERS),
            "participant_reps": PARTICIPANT_REPS,
        },
        "targets": {
            "startup_ratio_max": STARTUP_RATIO_TARGET,
            "memory_ratio_max": MEMORY_RATIO_TARGET,
            "latency_median_ms_max": MEDIAN_TARGET_MS,
            "latency_p95_ms_max": P95_TARGET_MS,
            "latency_scale": TARGET_SCALE,
        },
        "machine": machine(load),
        "scales": {str(scale): data for scale, data in per_scale.items()},
        "table": [
            {"metric": row.metric, "target": row.target, "met": row.met}
            | {"cells": {str(scale): cell for scale, cell in row.cells.items()}}
            for row in rows
        ],
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    check_setup()
    load_at_start = os.getloadavg()
    with Launcher() as launcher:
        prepare_floor(launcher, args.data / "floor.db", child_env(args.data))
        # Build everything first, so that no build competes with a timed run.
        databases = {
            scale: build_database(args.data, scale, args.rebuild) for scale in args.scale_list
        }
        per_scale = {
            scale: measure_scale(scale, database, args, launcher)
            for scale, database in databases.items()
        }
    rows = startup_rows(per_scale) + latency_rows(per_scale)
    print(markdown_table(rows, args.scale_list))
    if notes := not_available_notes(per_scale):
        print("\n" + "\n".join(notes))
    write_report(args, per_scale, rows, load_at_start)
    print(f"\nJSON: {args.output}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--launcher"]:
        serve_launcher()
    else:
        main()
