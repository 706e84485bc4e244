"""Two people on one SQLite file at once: checking in and editing the same trip.

Real OS processes, started together: one checks citizens in as fast as it can while two
others save the trip's details again and again, one of them sometimes from a copy it knows
is old. Nobody may see "database is locked", every acknowledged check-in must be in the file,
and no save may overwrite another's: a save from an old version is refused in Danish and
changes nothing (the trip's version counts exactly the saves that were acknowledged).
"""

import os
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy.engine import Engine

from rfk_trips.trips import check_in
from rfk_trips.trips.trip_service import trip_detail
from storage.codes import Attendance
from tests.database_choice import url_for
from tests.trip_builders import planned_trip

REPO = Path(__file__).resolve().parent.parent
CHECKIN_ROUNDS = 6
EDIT_ROUNDS = 45
EDITORS = ("Anne", "Bo")
STALE_DANISH = "Turen er ændret af en anden, siden du åbnede den."
LOCK_WORDS = ("locked", "låst", "optaget", "busy")
READY_WITHIN_S = 60.0


def _start(args: list[str], db: Path, ready: Path, go: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "RFK_TRIPS_DB"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    return subprocess.Popen(
        [sys.executable, "-m", "tests.concurrent_use_driver", args[0], url_for(db), *args[1:3],
         str(ready), str(go), *args[3:]],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )  # fmt: skip


def _wait_until_ready(processes: dict[str, subprocess.Popen[str]], ready: dict[str, Path]) -> None:
    """Every driver has imported and waits for the signal; one that stopped instead fails here."""
    deadline = time.monotonic() + READY_WITHIN_S
    while not all(path.exists() for path in ready.values()):
        for name, process in processes.items():
            if process.poll() is not None and not ready[name].exists():
                _, err = process.communicate()
                raise AssertionError(f"{name} stopped before it was ready: {err}")
        assert time.monotonic() < deadline, f"not ready after {READY_WITHIN_S} s: {ready}"
        time.sleep(0.01)


def test_checking_in_and_editing_one_trip_at_once(engine: Engine, db_path: Path) -> None:
    trip_id, citizens = planned_trip(engine, people=10)
    participants = citizens[:10]
    start_version = trip_detail(engine, trip_id).version
    engine.dispose()
    go = db_path.parent / "go"
    ready = {name: db_path.parent / f"ready-{name}" for name in ("checkin", *EDITORS)}
    processes = {
        "checkin": _start(
            ["checkin", str(trip_id), str(CHECKIN_ROUNDS), *map(str, participants)],
            db_path,
            ready["checkin"],
            go,
        ),
        **{
            name: _start(["edit", str(trip_id), str(EDIT_ROUNDS), name], db_path, ready[name], go)
            for name in EDITORS
        },
    }
    try:
        _wait_until_ready(processes, ready)  # all imported: they start on the same signal
        go.touch()
        outputs = {}
        for name, process in processes.items():
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, err
            assert "Traceback" not in err, err
            outputs[name] = out.splitlines()
    finally:
        for process in processes.values():
            if process.poll() is None:  # left waiting for a signal that never came
                process.kill()
                process.communicate()
    lines = [line for out in outputs.values() for line in out]
    assert not [line for line in lines if line.startswith("error")], lines
    assert not [line for line in lines if any(w in line.lower() for w in LOCK_WORDS)]

    # Every acknowledged check-in is there: each citizen holds the last status they were given.
    last: dict[int, str] = {}
    for line in outputs["checkin"]:
        _, citizen, status = line.split()
        last[int(citizen)] = status
    assert len(outputs["checkin"]) == CHECKIN_ROUNDS * len(participants)
    sheet = check_in.checkin_sheet(engine, trip_id)
    for citizen, status in last.items():
        assert sheet.row(citizen).legs.get(0, Attendance.PENDING) == Attendance(status)

    # No save overwrote another: the version counts the acknowledged saves exactly, and the
    # notes are those of the save that got the last version.
    edits = [line.split() for line in lines if line.startswith("edited")]
    versions = [int(fields[3]) for fields in edits]
    assert len(set(versions)) == len(versions)
    detail = trip_detail(engine, trip_id)
    assert detail.version == start_version + len(edits)
    newest = max(edits, key=lambda fields: int(fields[3]))
    assert detail.notes == f"{newest[1]} {newest[2]}"
    assert not detail.notes.startswith("GAMMEL")
    stale = [line for line in lines if line.startswith("stale")]
    expected = [line for line in stale if line.startswith("stale expected")]
    assert expected and all(STALE_DANISH in line for line in stale)
    assert len(edits) + len(stale) == EDIT_ROUNDS * len(EDITORS)
    print(
        f"\nconcurrent use: {len(outputs['checkin'])} check-ins, {len(edits)} saves, "
        f"{len(expected)} old copies refused, {len(stale) - len(expected)} races refused, "
        "locked = 0, overwritten = 0"
    )
    engine.dispose()
