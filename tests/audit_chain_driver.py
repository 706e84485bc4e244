"""One of two processes writing audit lines to one SQLite file at once (tests/test_audit_chain.py).

    python -m tests.audit_chain_driver DB ROUNDS READY GO NAME

Creates the file READY once its imports are done and waits for the file GO, so both start
together; then, ROUNDS times, adds a citizen (a change, logged from the flush) and records a
read-out naming them (a line written before anything else in its transaction), each in its
own transaction, holding each a moment so the two take turns. Prints `wrote` per
acknowledged transaction and `error` for any failure.
"""

import sys
import time
from pathlib import Path

from rfk_trips.database.failures import failure_message
from rfk_trips.database.opening import open_database
from storage import audit
from storage.models import Citizen
from storage.sessions import session_scope
from tests.database_choice import url_for

# Long enough for the two writers to take turns, short beside busy_timeout (5 s).
HOLD_S = 0.005


def write(db: Path, rounds: int, name: str) -> None:
    engine = open_database(url_for(db)).engine
    for number in range(rounds):
        with session_scope(engine) as session:
            citizen = Citizen(name=f"{name} {number}")
            session.add(citizen)
            session.flush()
            assert citizen.id is not None
            citizen_id = citizen.id
            time.sleep(HOLD_S)  # the write lock held: the other writer has to wait for it
        print(f"wrote create {name} {number}", flush=True)
        time.sleep(HOLD_S)  # and now the other one gets its turn
        with session_scope(engine) as session:
            audit.record_readout(
                session,
                "export",
                "citizens",
                detail=f"{name}-{number}.csv",
                citizen_ids=[citizen_id],
            )
            time.sleep(HOLD_S)
        print(f"wrote export {name} {number}", flush=True)
        time.sleep(HOLD_S)
    engine.dispose()


def main(argv: list[str]) -> None:
    db, rounds, ready, go, name = argv
    Path(ready).touch()
    while not Path(go).exists():
        time.sleep(0.005)
    try:
        write(Path(db), int(rounds), name)
    except Exception as exc:  # what the user would see, and what it really was
        print(f"error {failure_message(exc)} [{type(exc).__name__}: {exc}]", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
