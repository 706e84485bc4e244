"""One of several processes using one database at once (run by tests/test_concurrent_use.py).

    python -m tests.concurrent_use_driver checkin URL TRIP ROUNDS READY GO CITIZEN...
    python -m tests.concurrent_use_driver edit URL TRIP ROUNDS READY GO NAME

URL is the database's SQLAlchemy URL: a SQLite file, or the PostgreSQL test database.

Each creates the file READY once its imports are done and then waits for the file GO, so all
start together; then it works as fast as it can, printing one line per acknowledged change, as
the app shows it: `saved`, `edited`, `stale` (refused), and `error` for anything a user would
see as a failure.
"""

import sys
import time
from pathlib import Path

from rfk_trips.config.clock import today
from rfk_trips.database.failures import failure_message
from rfk_trips.database.opening import open_database
from rfk_trips.rules.errors import StaleVersionError, UserError
from rfk_trips.trips import check_in, trip_editing
from rfk_trips.trips.trip_service import trip_detail
from storage.codes import Attendance

STATUSES = (Attendance.PRESENT, Attendance.LATE, Attendance.NO_SHOW)


def _wait_for(go: Path) -> None:
    while not go.exists():
        time.sleep(0.005)


def check_in_all(db: str, trip_id: int, rounds: int, citizens: list[int]) -> None:
    engine = open_database(db).engine
    for round_no in range(rounds):
        for citizen in citizens:
            status = STATUSES[(round_no + citizen) % len(STATUSES)]
            check_in.record(engine, trip_id, citizen, status, today=today())
            print(f"saved {citizen} {status.value}", flush=True)
    engine.dispose()


def edit_repeatedly(db: str, trip_id: int, rounds: int, name: str) -> None:
    """Save the details form again and again; every third time from a copy known to be old."""
    engine = open_database(db).engine
    old_version: int | None = None
    for number in range(rounds):
        seen = trip_detail(engine, trip_id).version
        form = trip_editing.details_form_values(engine, trip_id)
        stale_on_purpose = old_version is not None and number % 3 == 2
        version = old_version if stale_on_purpose and old_version is not None else seen
        form["notes"] = f"{'GAMMEL ' if stale_on_purpose else ''}{name} {number}"
        try:
            new = trip_editing.save_details(engine, trip_id, version, form, today=today())
        except StaleVersionError as exc:
            kind = "expected" if stale_on_purpose else "raced"
            print(f"stale {kind} {name} {number} {exc.message}", flush=True)
        else:
            assert not stale_on_purpose, "a save from an old copy went through"
            print(f"edited {name} {number} {new}", flush=True)
            old_version = seen
    engine.dispose()


def main(argv: list[str]) -> None:
    role, db, trip, rounds, ready, go, *rest = argv
    Path(ready).touch()
    _wait_for(Path(go))
    try:
        if role == "checkin":
            check_in_all(db, int(trip), int(rounds), [int(c) for c in rest])
        else:
            edit_repeatedly(db, int(trip), int(rounds), rest[0])
    except UserError as exc:
        print(f"error {exc.message}", flush=True)
    except Exception as exc:  # what the user would see, and what it really was
        print(f"error {failure_message(exc)} [{type(exc).__name__}: {exc}]", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
