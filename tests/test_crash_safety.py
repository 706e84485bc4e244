"""Real `rfk-trips` processes killed with SIGKILL mid-work: nothing acknowledged is lost.

Several processes at a time import companies and check citizens in on one SQLite file and
are killed at random moments. Afterwards the file must pass `PRAGMA integrity_check`, every
check-in a process confirmed on screen must be there, and every import file must be either
wholly in the database or not at all. Kept near a minute so it runs in the default
`pytest -q`. The kill times are scaled to how long one command takes on the machine right
now, so kills land in start-up, in the work and after the confirmation alike, on a quiet
laptop as on a loaded CI machine.
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from rfk_trips.database.opening import open_database
from rfk_trips.exchange.demo_data import load_demo
from rfk_trips.trips.check_in import checkin_sheet
from rfk_trips.trips.trip_listing import list_trips
from storage.codes import Attendance, ParticipantRole, TripStatus
from tests.conftest import TODAY
from tests.database_choice import url_for

REPO = Path(__file__).resolve().parent.parent
KILLS_WANTED = 50
AT_ONCE = 3
# A safety stop only: on this project's two-core machines 50 kills take about 45 s.
TIME_BUDGET_S = 150.0
COMPANIES_PER_FILE = 40
STATUSES = ("present", "late", "no_show")


@dataclass
class Attempt:
    status: str
    acknowledged: bool


@dataclass
class Tally:
    trials: int = 0
    killed: int = 0
    acknowledged: int = 0
    checkins: dict[int, list[Attempt]] = field(default_factory=dict)
    imports: dict[str, bool] = field(default_factory=dict)  # prefix -> acknowledged


def _environment(db: Path, day: str, config: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RFK_TRIPS_")}
    env.update(
        RFK_TRIPS_DB=str(db),
        RFK_TRIPS_TODAY=day,
        RFK_TRIPS_CONFIG_DIR=str(config),
        PYTHONPATH=os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]),
    )
    return env


def _company_file(folder: Path, prefix: str) -> Path:
    path = folder / f"{prefix}.csv"
    lines = ["Navn;Postnr;By"] + [
        f"{prefix} Firma {n:02d};4900;Nakskov" for n in range(COMPANIES_PER_FILE)
    ]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def _prepare(db: Path) -> tuple[int, list[int], str]:
    engine = open_database(url_for(db)).engine
    load_demo(engine, scale=1, seed=2026, today=TODAY)
    open_trips = [
        row
        for row in list_trips(engine, date_to=TODAY)
        if row.status in (TripStatus.PLANNED, TripStatus.CONFIRMED) and row.participants >= AT_ONCE
    ] or [
        row
        for row in list_trips(engine)
        if row.status in (TripStatus.PLANNED, TripStatus.CONFIRMED) and row.participants >= AT_ONCE
    ]
    trip = open_trips[0]
    sheet = checkin_sheet(engine, trip.id)
    citizens = [row.citizen_id for row in sheet.rows if row.role == ParticipantRole.PARTICIPANT]
    engine.dispose()
    return trip.id, citizens, trip.trip_date.isoformat()


def _run_batch(
    rng: random.Random,
    env: dict[str, str],
    folder: Path,
    trip_id: int,
    citizens: list[int],
    tally: Tally,
    start_up_s: float,
) -> None:
    started: list[tuple[subprocess.Popen[bytes], str, object]] = []
    chosen = rng.sample(citizens, k=AT_ONCE)
    for index in range(AT_ONCE):
        if rng.random() < 0.4:
            prefix = f"Crash{len(tally.imports):03d}"
            tally.imports[prefix] = False
            args = ["import", "companies", str(_company_file(folder, prefix))]
            what: object = prefix
        else:
            citizen = chosen[index]
            status = rng.choice(STATUSES)
            tally.checkins.setdefault(citizen, []).append(Attempt(status, False))
            args = ["checkin", str(trip_id), str(citizen), "--status", status]
            what = tally.checkins[citizen][-1]
        process = subprocess.Popen(
            [sys.executable, "-m", "rfk_trips", *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
        )
        started.append((process, "import" if args[0] == "import" else "checkin", what))
    # From well inside start-up to after the work is done, on whatever this machine's speed.
    deadline = time.monotonic() + rng.uniform(0.5 * start_up_s, 2.0 * start_up_s)
    for process, kind, what in started:
        time.sleep(max(0.0, deadline - time.monotonic()))
        tally.trials += 1
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        out, err = process.communicate(timeout=30)
        if process.returncode == -signal.SIGKILL:
            tally.killed += 1
        else:
            assert process.returncode == 0, err.decode()
        assert b"Traceback" not in err, err.decode()
        # What reached the screen counts as acknowledged, even if the kill came right after.
        confirmed = b"Virksomheder:" in out if kind == "import" else b"(gemt" in out
        if confirmed:
            tally.acknowledged += 1
            if isinstance(what, Attempt):
                what.acknowledged = True
            else:
                tally.imports[str(what)] = True
        deadline = time.monotonic() + rng.uniform(0.0, 0.3)


def _allowed(attempts: list[Attempt]) -> set[str]:
    """The statuses the database may hold: the last confirmed one or any tried after it."""
    last = max((i for i, a in enumerate(attempts) if a.acknowledged), default=None)
    if last is None:
        return {Attendance.PENDING.value, *(a.status for a in attempts)}
    return {a.status for a in attempts[last:]}


def _time_one_command(env: dict[str, str], trip_id: int) -> float:
    """How long one whole command takes here now: a loaded CI machine may need 3 s."""
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "rfk_trips", "checkin", str(trip_id), "--list"],
        env=env,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        check=True,
        timeout=60,
    )
    return time.monotonic() - started


def test_sigkill_at_random_moments_loses_nothing_acknowledged(tmp_path: Path) -> None:
    db = tmp_path / "rfk.db"
    trip_id, citizens, day = _prepare(db)
    env = _environment(db, day, tmp_path / "config")
    rng = random.Random(20261202)
    tally = Tally()
    start_up_s = _time_one_command(env, trip_id)
    stop_at = time.monotonic() + TIME_BUDGET_S
    while tally.killed < KILLS_WANTED and time.monotonic() < stop_at:
        _run_batch(rng, env, tmp_path, trip_id, citizens, tally, start_up_s)

    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        counts = {
            prefix: conn.execute(
                "SELECT count(*) FROM company WHERE name LIKE ?", (f"{prefix} Firma %",)
            ).fetchone()[0]
            for prefix in tally.imports
        }
    half_done = {p: n for p, n in counts.items() if n not in (0, COMPANIES_PER_FILE)}
    lost_imports = [p for p, ok in tally.imports.items() if ok and counts[p] != COMPANIES_PER_FILE]
    engine = open_database(url_for(db)).engine
    sheet = checkin_sheet(engine, trip_id)
    engine.dispose()
    lost_checkins = {}
    for citizen, attempts in tally.checkins.items():
        stored = sheet.row(citizen).legs.get(0, Attendance.PENDING)
        stored_value = getattr(stored, "value", stored)
        if stored_value not in _allowed(attempts):
            lost_checkins[citizen] = (stored_value, attempts)

    print(
        f"\ncrash safety: {tally.trials} processes, {tally.killed} killed with SIGKILL, "
        f"{tally.acknowledged} acknowledged, {len(tally.imports)} imports, "
        f"data lost = {len(lost_imports) + len(lost_checkins)}"
    )
    assert tally.killed >= KILLS_WANTED, tally
    assert not half_done
    assert not lost_imports
    assert not lost_checkins
    assert tally.acknowledged > 0  # some work got through, so the check above means something
