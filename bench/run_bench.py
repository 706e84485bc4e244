"""Benchmark rfk-trips: start-up against the floor app, list screens, search keystrokes.

    .venv/bin/python bench/run_bench.py            # scales 1 and 100, 7 runs each
    .venv/bin/python bench/run_bench.py --quick    # scale 1 only, 3 runs
    .venv/bin/python bench/run_bench.py --postgres postgresql+psycopg://admin:pw@host/postgres
                                                   # the same on PostgreSQL too, side by side

Not a test (pytest never collects it); see bench/README.md for what it measures.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import hashlib
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
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # Only for the hints: the launcher runs this file too, and must stay small (see Launcher).
    from sqlalchemy.engine import Engine

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

BACKENDS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
PG_DATABASE_PREFIX = "rfk_bench_s"  # + scale; the script touches no other database
# A job centre's database as the README creates it (Danish order); without ICU only if the
# server cannot (a build without ICU support).
PG_ICU = "LOCALE_PROVIDER icu ICU_LOCALE 'da-DK' LOCALE 'C.UTF-8'"
# What decides a cached PostgreSQL database's rows besides scale, seed, today and the schema
# revision: a change to any of these files builds it again.
DEMO_SOURCES = (
    ROOT / "rfk_trips" / "exchange" / "demo_data.py",
    ROOT / "storage" / "search_text.py",
    ROOT / "rfk_trips" / "i18n" / "labels.py",
)
PG_COPY_ATTEMPTS = 5

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


@dataclass(frozen=True)
class Database:
    """A demo database to measure: a SQLite file, or a database on a PostgreSQL server."""

    url: str
    path: Path | None = None  # the SQLite file
    admin_url: str | None = None  # the server's superuser URL, for a PostgreSQL database
    name: str | None = None  # the PostgreSQL database's name

    @property
    def backend(self) -> str:
        return "sqlite" if self.path is not None else "postgresql"

    def describe(self) -> str:
        """Where it is, without a password (it goes into results.json)."""
        if self.path is not None:
            return str(self.path)
        from sqlalchemy.engine import make_url

        return make_url(self.url).render_as_string(hide_password=True)


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


def build_database(data_dir: Path, scale: int, rebuild: bool) -> Database:
    """The demo database at `scale`, built with the CLI once and then reused."""
    target = database_path(data_dir, scale)
    if target.exists() and not rebuild:
        log(f"using {target}")
        bring_up_to_date(target)
        return Database(sqlite_url(target), path=target)
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
    return Database(sqlite_url(target), path=target)


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


# --- PostgreSQL demo databases ----------


def server_url(admin_url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def admin_engine(admin_url: str, database: str | None = None) -> Engine:
    """Autocommit, as CREATE DATABASE and VACUUM refuse to run inside a transaction; no pool,
    so nothing of ours stays connected to a database that is to be renamed or copied."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    url = admin_url if database is None else server_url(admin_url, database)
    return create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)


def admin_execute(admin_url: str, *statements: str, database: str | None = None) -> None:
    from sqlalchemy import text

    engine = admin_engine(admin_url, database)
    try:
        with engine.connect() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def admin_scalar(admin_url: str, query: str, **params: Any) -> Any:
    from sqlalchemy import text

    engine = admin_engine(admin_url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(query), params).scalar()
    finally:
        engine.dispose()


def quoted(name: str) -> str:
    """Our own database names only: a stray quote in one would be SQL."""
    if not name.replace("_", "").isalnum() or not name.startswith(PG_DATABASE_PREFIX):
        raise ValueError(f"not a benchmark database name: {name!r}")
    return f'"{name}"'


def drop_pg_database(admin_url: str, name: str) -> None:
    admin_execute(admin_url, f"DROP DATABASE IF EXISTS {quoted(name)} WITH (FORCE)")


def create_pg_database(admin_url: str, name: str, template: str | None = None) -> None:
    """A new database `name`: empty with the README's Danish ICU collation, or a copy of
    `template` (which keeps the template's collation and its planner statistics)."""
    from sqlalchemy.exc import DBAPIError

    drop_pg_database(admin_url, name)
    if template is not None:
        admin_execute(admin_url, f"CREATE DATABASE {quoted(name)} TEMPLATE {quoted(template)}")
        return
    try:
        admin_execute(admin_url, f"CREATE DATABASE {quoted(name)} {PG_ICU} TEMPLATE template0")
    except DBAPIError as exc:
        log(f"  no ICU collation on this server ({exc.orig!r}); using the server's default")
        admin_execute(admin_url, f"CREATE DATABASE {quoted(name)} TEMPLATE template0")


def demo_fingerprint(scale: int) -> str:
    """Kept as the database's comment: a cached database is used only while it matches."""
    from storage.migrate import HEAD_REVISION

    digest = hashlib.sha256()
    for source in DEMO_SOURCES:
        digest.update(source.read_bytes())
    return (
        f"rfk-trips bench demo: scale {scale}, seed {SEED}, today {TODAY}, "
        f"schema {HEAD_REVISION}, code {digest.hexdigest()[:16]}"
    )


def pg_comment(admin_url: str, name: str) -> str | None:
    query = "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = :name"
    comment = admin_scalar(admin_url, query, name=name)
    return None if comment is None else str(comment)


def pg_collation(admin_url: str, name: str) -> str:
    """The provider and locale, read from the row as JSON: PostgreSQL 17 renamed the column."""
    query = "SELECT to_jsonb(d) FROM pg_database d WHERE datname = :name"
    row: dict[str, str | None] = admin_scalar(admin_url, query, name=name) or {}
    code = row.get("datlocprovider") or ""
    provider = {"i": "icu", "c": "libc", "b": "builtin"}.get(code, "?")
    locale = row.get("daticulocale") or row.get("datlocale") or row.get("datcollate")
    return f"{provider} {locale}"


def build_pg_database(data_dir: Path, admin_url: str, scale: int, rebuild: bool) -> Database:
    """The demo at `scale` in `rfk_bench_s<scale>`, built with the CLI as the SQLite file is.

    It is built under another name and renamed when complete, so an interrupted build is
    never taken for a cached one. An outdated one is built again rather than upgraded: the
    upgrade of a server database first dumps it into the user's data folder.
    """
    name = f"{PG_DATABASE_PREFIX}{scale}"
    fingerprint = demo_fingerprint(scale)
    database = Database(server_url(admin_url, name), admin_url=admin_url, name=name)
    if not rebuild and pg_comment(admin_url, name) == fingerprint:
        log(f"using PostgreSQL database {name}")
        return database
    building = f"{name}_building"
    create_pg_database(admin_url, building)
    log(f"building demo data at scale {scale} in PostgreSQL database {name} ...")
    started = time.perf_counter()
    command = [str(RFK_TRIPS), "--database-url", server_url(admin_url, building), "demo"]
    command += ["--scale", str(scale), "--seed", str(SEED)]
    done = subprocess.run(
        command, env=child_env(data_dir), capture_output=True, text=True, timeout=BUILD_TIMEOUT_S
    )
    if done.returncode != 0:
        drop_pg_database(admin_url, building)
        raise SystemExit(
            f"building scale {scale} on PostgreSQL failed:\n{done.stdout}{done.stderr}"
        )
    # A server in use has had its tables analysed by autovacuum; a bulk load just made has
    # not, and the planner would guess.
    admin_execute(admin_url, "VACUUM (ANALYZE)", database=building)
    literal = fingerprint.replace("'", "''")
    admin_execute(admin_url, f"COMMENT ON DATABASE {quoted(building)} IS '{literal}'")
    drop_pg_database(admin_url, name)
    admin_execute(admin_url, f"ALTER DATABASE {quoted(building)} RENAME TO {quoted(name)}")
    log(f"  {done.stdout.strip()} ({time.perf_counter() - started:.1f} s)")
    return database


def pg_server_version(admin_url: str) -> str:
    return str(admin_scalar(admin_url, "SHOW server_version"))


@contextmanager
def scratch_copy(database: Database) -> Iterator[str]:
    """A copy of `database` to write to (adding participants makes trips), then dropped.

    A PostgreSQL copy is made from the database as a template, which needs nobody else
    connected to it: it is made before any measured app opens the original.
    """
    if database.path is not None:
        with tempfile.TemporaryDirectory(prefix="rfk-bench-") as folder:
            copy = Path(folder) / "copy.db"
            copy_database(database.path, copy)
            yield sqlite_url(copy)
        return
    from sqlalchemy.exc import DBAPIError

    assert database.admin_url is not None and database.name is not None
    copy_name = f"{database.name}_copy"
    for attempt in range(PG_COPY_ATTEMPTS):
        try:
            create_pg_database(database.admin_url, copy_name, template=database.name)
            break
        except DBAPIError as exc:
            # "being accessed by other users": an autovacuum worker, or a session of ours
            # that has not quite ended yet.
            if attempt == PG_COPY_ATTEMPTS - 1:
                raise
            log(f"  copying {database.name} failed, trying again: {exc.orig!r}"[:300])
            time.sleep(2.0)
    try:
        yield server_url(database.admin_url, copy_name)
    finally:
        drop_pg_database(database.admin_url, copy_name)


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
    launcher: Launcher, database: Database, floor_database: Path, runs: int, env: dict[str, str]
) -> Result:
    """rfk-trips and the floor app in turn, run by run (the first pair is a warm-up).

    The floor app only knows a SQLite file: on PostgreSQL, rfk-trips on the server is
    compared with the floor on its file, interleaved all the same.
    """
    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        "floor": ([str(PYTHON), str(FLOOR_APP), str(floor_database)], env)
    }
    if database.path is not None:
        commands["ours"] = ([str(RFK_TRIPS), "--db", str(database.path), "--exit-when-ready"], env)
    else:
        # As a colleague at a shared server starts it (the README's RFK_TRIPS_DATABASE_URL).
        server_env = env | {"RFK_TRIPS_DATABASE_URL": database.url}
        commands["ours"] = ([str(RFK_TRIPS), "--exit-when-ready"], server_env)
    samples: dict[str, list[ChildRun]] = {"ours": [], "floor": []}
    for index in range(runs + 1):
        order = ("ours", "floor") if index % 2 == 0 else ("floor", "ours")
        for name in order:
            run = launcher.run(*commands[name])
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


def make_test_app(database_url: str, warm_up: bool = False) -> Any:
    from rfk_trips.app.application import make_app

    # freeze_gc as `rfk-trips` runs: what start-up and the built screens made stays out of
    # the collector's walks (run_session unfreezes it again after each app).
    return make_app(database_url=database_url, lang="da", warm_up=warm_up, freeze_gc=True)


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
    database_url: str, modes: Sequence[str], out: dict[str, Timing | str], warm_up: bool
) -> None:
    """Open `modes` in turn in one fresh app; `out` keeps what was timed if the app fails.

    With `warm_up` the app runs as `rfk-trips` starts it: the list screens are built behind
    the home screen, and the session starts once that is done (a user reading the home
    screen); without it each screen is built when it is first opened.
    """
    app = make_test_app(database_url, warm_up=warm_up)
    async with app.run_test(size=TERMINAL):
        await start_session(app)
        for mode in modes:
            out[mode] = CRASHED
            out[mode] = await open_screen(app, mode)


async def keystrokes_once(database_url: str, mode: str) -> Result:
    from textual.css.query import NoMatches
    from textual.widgets import Input

    app = make_test_app(database_url)
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


def measure_screens(database_url: str, runs: int, warm_up: bool = False) -> dict[str, Result]:
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
            run_session(screens_once(database_url, modes, results, warm_up))
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


def measure_keystrokes(database_url: str) -> dict[str, Result]:
    out: dict[str, Result] = {}
    for mode in SEARCH_SCREENS:
        try:
            out[mode] = run_session(keystrokes_once(database_url, mode))
        except Exception as exc:
            out[mode] = not_available(f"the app failed: {exc!r}"[:300])
    return out


# --- in-process: the add-participant service call ----------


def spread_citizens(engine: Engine, count: int) -> list[int]:
    """`count` active citizens spread evenly over the register (in id order on both backends:
    PostgreSQL returns rows in no particular order without one)."""
    from sqlalchemy import text

    query = text("SELECT id FROM citizen WHERE NOT archived ORDER BY id")
    with engine.connect() as connection:
        ids = [int(row[0]) for row in connection.execute(query)]
    step = max(len(ids) // count, 1)
    return ids[::step][:count]


def measure_add_participant(scratch_url: str, reps: int = PARTICIPANT_REPS) -> Result:
    """add_participants on a fresh draft trip per call, on a copy of the database."""
    try:
        from rfk_trips.database.opening import open_database
        from rfk_trips.trips import planning, trip_service
    except Exception as exc:
        return not_available(f"{NOT_YET}: {exc!r}")
    opened = open_database(scratch_url)
    samples: list[float] = []
    try:
        citizens = spread_citizens(opened.engine, reps + 1)  # the first is a warm-up
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


def measure_in_process(database: Database, scratch_url: str, runs: int) -> Result:
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
            "add_participant": measure_add_participant(scratch_url),
        }
    log("  list screens, first build ...")
    screens = measure_screens(database.url, runs)
    log("  list screens, built ahead ...")
    screens_ahead = measure_screens(database.url, runs, warm_up=True)
    log("  search keystrokes ...")
    keystrokes = measure_keystrokes(database.url)
    log("  add participant ...")
    return {
        "screens": screens,
        "screens_ahead": screens_ahead,
        "keystrokes": keystrokes,
        "add_participant": measure_add_participant(scratch_url),
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
        Row("floor app start-up (always SQLite), median / p95", cells(time_cell("floor")), "", ""),
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
            group_result("screens_ahead", mode),
        )
    for mode in LIST_SCREENS:
        add(f"open {mode} screen, first build, median / p95", group_result("screens", mode))
    for mode in SEARCH_SCREENS:
        for key in ("letter", "backspace"):
            add(f"{mode} search keystroke ({key}), median / p95", keystroke_result(mode, key))
    service_call = group_result(None, "add_participant")
    add("add participant (service call), median / p95", service_call, judged=False)
    return rows


def group_result(group: str | None, name: str) -> Callable[[Result], Result | None]:
    """What `latency_rows` shows of one scale's results: `name` in `group` (or at the top)."""

    def pick(data: Result) -> Result | None:
        found: Result | None = (data if group is None else data.get(group, {})).get(name)
        return found

    return pick


def keystroke_result(mode: str, key: str) -> Callable[[Result], Result | None]:
    def pick(data: Result) -> Result | None:
        result: Result | None = data["keystrokes"].get(mode)
        if result is None or not is_ok(result):
            return result
        found: Result = result[key]
        return found

    return pick


def report_rows(per_backend: dict[str, dict[int, Result]]) -> dict[str, list[Row]]:
    """One list of rows per backend, the same metrics in the same order."""
    return {
        backend: startup_rows(per_scale) + latency_rows(per_scale)
        for backend, per_scale in per_backend.items()
    }


def markdown_table(rows: dict[str, list[Row]], scales: Sequence[int]) -> str:
    """A column per backend and scale, and a met? column per backend (without PostgreSQL,
    the table as it always was)."""
    backends = list(rows)
    both = len(backends) > 1

    def name(backend: str) -> str:
        return f" {BACKENDS[backend]}" if both else ""

    header = [
        "metric",
        *(f"{name(b)} scale {scale}".strip() for b in backends for scale in scales),
        "target",
        *(f"met?{name(b)}" for b in backends),
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for index, first in enumerate(rows[backends[0]]):
        side_by_side = [rows[backend][index] for backend in backends]
        cells = [
            first.metric,
            *(row.cells.get(scale, "–") for row in side_by_side for scale in scales),
            first.target,
            *(row.met or "–" for row in side_by_side),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def not_available_notes(per_backend: dict[str, dict[int, Result]]) -> list[str]:
    notes: set[str] = set()
    for backend, per_scale in per_backend.items():
        where = BACKENDS[backend]
        for scale, data in per_scale.items():
            for group in ("screens", "screens_ahead", "keystrokes"):
                for mode, result in data.get(group, {}).items():
                    if not is_ok(result):
                        notes.add(f"- {where} {group}/{mode}: {result['reason']}")
            for name in ("startup", "add_participant"):
                result = data.get(name)
                if result is not None and not is_ok(result):
                    notes.add(f"- {where} {name} at scale {scale}: {result['reason']}")
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
    parser.add_argument(
        "--postgres",
        metavar="ADMIN_URL",
        help="also measure on this PostgreSQL server (a superuser URL, e.g. what .ci/postgres "
        f"prints); it gets databases {PG_DATABASE_PREFIX}<scale>",
    )
    parser.add_argument(
        "--postgres-runs", type=int, help="timed runs on PostgreSQL (default: --runs)"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.scales, args.runs = "1", 3
    args.scale_list = sorted({int(part) for part in args.scales.split(",") if part.strip()})
    if args.postgres_runs is None:
        args.postgres_runs = args.runs
    if min(args.runs, args.postgres_runs) < 1 or not args.scale_list or min(args.scale_list) < 1:
        parser.error("--runs, --postgres-runs and every scale must be at least 1")
    return args


def check_setup() -> None:
    for path in (RFK_TRIPS, PYTHON, FLOOR_APP):
        if not path.exists():
            raise SystemExit(f"missing {path}")


def measure_scale(
    scale: int, database: Database, runs: int, args: argparse.Namespace, launcher: Launcher
) -> Result:
    env = child_env(args.data)
    where = f"{BACKENDS[database.backend]}, scale {scale}"
    # The copy first: on PostgreSQL it cannot be made while an app is connected (see there).
    with scratch_copy(database) as scratch_url:
        log(f"{where}: start-up, {runs} runs each, interleaved with the floor app ...")
        startup = measure_startup(launcher, database, args.data / "floor.db", runs, env)
        log(f"{where}: in-process measurements ...")
        in_process = measure_in_process(database, scratch_url, runs)
    return {"database": database.describe(), "startup": startup} | in_process


def table_json(rows: dict[str, list[Row]]) -> list[Result]:
    """SQLite's cells and verdict where they always were, PostgreSQL's under its own key."""
    out: list[Result] = []
    for index, row in enumerate(rows["sqlite"]):
        entry: Result = {"metric": row.metric, "target": row.target, "met": row.met}
        entry["cells"] = {str(scale): cell for scale, cell in row.cells.items()}
        if "postgresql" in rows:
            pg_row = rows["postgresql"][index]
            cells = {str(scale): cell for scale, cell in pg_row.cells.items()}
            entry["postgresql"] = {"met": pg_row.met, "cells": cells}
        out.append(entry)
    return out


def write_report(
    args: argparse.Namespace,
    per_backend: dict[str, dict[int, Result]],
    rows: dict[str, list[Row]],
    load: Sequence[float],
    duration_s: float,
) -> None:
    report: Result = {
        "generated": datetime.now().astimezone().isoformat(timespec="seconds"),
        "duration_s": round(duration_s, 1),
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
        "scales": {str(scale): data for scale, data in per_backend["sqlite"].items()},
    }
    if "postgresql" in per_backend:
        from sqlalchemy.engine import make_url

        report["postgresql"] = {
            "server": make_url(args.postgres).render_as_string(hide_password=True),
            "server_version": pg_server_version(args.postgres),
            "runs": args.postgres_runs,
            "floor_app": "a SQLite file: the floor app knows no server",
            "collation": {
                str(scale): pg_collation(args.postgres, f"{PG_DATABASE_PREFIX}{scale}")
                for scale in args.scale_list
            },
            "scales": {str(scale): data for scale, data in per_backend["postgresql"].items()},
        }
    report["table"] = table_json(rows)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    check_setup()
    started = time.perf_counter()
    load_at_start = os.getloadavg()
    with Launcher() as launcher:
        prepare_floor(launcher, args.data / "floor.db", child_env(args.data))
        # Build everything first, so that no build competes with a timed run.
        databases = {
            scale: build_database(args.data, scale, args.rebuild) for scale in args.scale_list
        }
        servers: dict[int, Database] = {}
        if args.postgres:
            servers = {
                scale: build_pg_database(args.data, args.postgres, scale, args.rebuild)
                for scale in args.scale_list
            }
        per_backend: dict[str, dict[int, Result]] = {"sqlite": {}}
        if servers:
            per_backend["postgresql"] = {}
        # Scale by scale, SQLite then PostgreSQL: the two columns of a scale are measured
        # minutes apart, so a busier spell of a shared machine falls on both alike.
        for scale in args.scale_list:
            per_backend["sqlite"][scale] = measure_scale(
                scale, databases[scale], args.runs, args, launcher
            )
            if scale in servers:
                per_backend["postgresql"][scale] = measure_scale(
                    scale, servers[scale], args.postgres_runs, args, launcher
                )
    rows = report_rows(per_backend)
    print(markdown_table(rows, args.scale_list))
    if notes := not_available_notes(per_backend):
        print("\n" + "\n".join(notes))
    duration_s = time.perf_counter() - started
    write_report(args, per_backend, rows, load_at_start, duration_s)
    print(f"\nJSON: {args.output} ({duration_s / 60:.1f} minutes)")


if __name__ == "__main__":
    if sys.argv[1:] == ["--launcher"]:
        serve_launcher()
    else:
        main()
