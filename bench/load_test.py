"""A job centre's busy morning on one database: several processes, real operations, for a while.

    .venv/bin/python bench/load_test.py --database-url postgresql+psycopg://rfk_ejer@server/rfk
    .venv/bin/python bench/load_test.py --database-url URL --processes 8 --seconds 60

Each process does, at random, what colleagues do at once: checks citizens in on a trip that has
been held, adds a citizen to a coming trip, edits a company's notes, closes a follow-up. Each
keeps a log of every change it was told was saved, with a token of its own in the change, and
counts what a user would have seen: a refusal by a rule (a Danish sentence), a stale save
refused, or an error (anything else). At the end the database is read back against the logs:
a change that was acknowledged and is not there is a change lost.

An empty database gets the demo data first. Not a test (pytest never collects it): it writes to
the database it is given, so point it at a throwaway one.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


@dataclass(frozen=True)
class Targets:
    held_trips: list[int]  # check-in is open on these (held, not cancelled)
    coming_trips: list[int]  # participants can be added to these
    citizens: list[int]
    companies: list[int]
    follow_ups: list[int]  # open ones


def _targets(url: str, today: date) -> Targets:
    from sqlalchemy import select
    from sqlmodel import col

    from rfk_trips.database.opening import open_database
    from rfk_trips.exchange.demo_data import load_demo
    from storage.codes import TripStatus
    from storage.models import Citizen, Company, FollowUp, Trip
    from storage.sessions import session_scope

    engine = open_database(url).engine
    with session_scope(engine) as session:
        empty = session.scalars(select(Trip.id)).first() is None
    if empty:
        load_demo(engine, scale=1, seed=2026, today=today)
    with session_scope(engine) as session:
        trips = session.execute(select(Trip.id, Trip.trip_date, Trip.status)).all()
        targets = Targets(
            held_trips=[
                t for t, day, status in trips
                if day <= today and status in (TripStatus.CONFIRMED, TripStatus.PLANNED)
            ],
            coming_trips=[
                t for t, day, status in trips
                if day > today and status in (TripStatus.DRAFT, TripStatus.PLANNED)
            ],
            citizens=list(session.scalars(select(Citizen.id).where(col(Citizen.archived).is_(False)))),
            companies=list(session.scalars(select(Company.id).where(col(Company.archived).is_(False)))),
            follow_ups=list(session.scalars(select(FollowUp.id).where(col(FollowUp.done_at).is_(None)))),
        )  # fmt: skip
    engine.dispose()
    return targets


def _participants(engine: Any, trip_id: int) -> list[int]:
    from rfk_trips.trips.check_in import checkin_sheet

    return [row.citizen_id for row in checkin_sheet(engine, trip_id).rows]


def _worker(
    number: int, url: str, seconds: float, targets: Targets, log: Path, today: date
) -> None:
    # Long: one loop of four kinds of operation, each with its own bookkeeping of the outcome.
    from rfk_trips.after_trip.follow_ups import record_follow_up
    from rfk_trips.database.failures import failure_message
    from rfk_trips.database.opening import open_database
    from rfk_trips.registers import company_service
    from rfk_trips.rules.errors import StaleVersionError, UserError
    from rfk_trips.trips import check_in, planning
    from storage.codes import Attendance

    rng = random.Random(number)
    engine = open_database(url).engine
    sheets: dict[int, list[int]] = {}
    deadline = time.monotonic() + seconds
    sequence = 0
    with log.open("w", encoding="utf-8") as out:

        def note(**entry: Any) -> None:
            out.write(json.dumps(entry) + "\n")

        while time.monotonic() < deadline:
            sequence += 1
            token = f"w{number}-{sequence}"
            kind = rng.choice(("checkin", "participant", "company", "follow_up"))
            try:
                if kind == "checkin" and targets.held_trips:
                    trip = rng.choice(targets.held_trips)
                    if trip not in sheets:
                        sheets[trip] = _participants(engine, trip)
                    if not sheets[trip]:
                        continue
                    citizen = rng.choice(sheets[trip])
                    status = rng.choice((Attendance.PRESENT, Attendance.LATE, Attendance.NO_SHOW))
                    check_in.record(engine, trip, citizen, status, reason=token, today=today)
                    note(kind=kind, outcome="saved", trip=trip, citizen=citizen, token=token)
                elif kind == "participant" and targets.coming_trips:
                    trip = rng.choice(targets.coming_trips)
                    citizen = rng.choice(targets.citizens)
                    planning.add_participants(engine, trip, [citizen])
                    note(kind=kind, outcome="saved", trip=trip, citizen=citizen)
                elif kind == "company" and targets.companies:
                    company = rng.choice(targets.companies[:40])  # a few, so edits meet
                    values = company_service.company_form_values(engine, company)
                    values["notes"] = (values["notes"] + " " + token).strip()[-2000:]
                    company_service.save_company(engine, company, values, today=today)
                    note(kind=kind, outcome="saved", company=company, token=token)
                elif kind == "follow_up" and targets.follow_ups:
                    task = rng.choice(targets.follow_ups)
                    record_follow_up(engine, task, today=today, note=token)
                    note(kind=kind, outcome="saved", task=task, token=token)
                else:
                    continue
            except StaleVersionError:
                note(kind=kind, outcome="stale")
            except UserError as exc:
                note(kind=kind, outcome="refused", message=exc.message)
            except Exception as exc:  # what a user would see as a failure, and what it was
                note(kind=kind, outcome="error", message=failure_message(exc), detail=repr(exc))
    engine.dispose()


def _lost(url: str, entries: list[dict[str, Any]]) -> list[str]:
    """Each acknowledged change that the database does not hold."""
    from sqlalchemy import select
    from sqlmodel import col

    from storage.engine import make_engine
    from storage.models import CheckinEvent, Company, FollowUp, Participation
    from storage.sessions import session_scope

    engine = make_engine(url)
    lost: list[str] = []
    saved = [entry for entry in entries if entry["outcome"] == "saved"]
    with session_scope(engine) as session:
        reasons = set(session.scalars(select(col(CheckinEvent.reason))))
        pairs = session.execute(select(Participation.trip_id, Participation.citizen_id))
        on_trips = {(trip, citizen) for trip, citizen in pairs}
        notes = {key: value for key, value in session.execute(select(Company.id, Company.notes))}
        closed = {key: value for key, value in session.execute(select(FollowUp.id, FollowUp.note))}
    closers: Counter[int] = Counter(e["task"] for e in saved if e["kind"] == "follow_up")
    for entry in saved:
        if entry["kind"] == "checkin" and entry["token"] not in reasons:
            lost.append(f"check-in {entry['token']}")
        elif entry["kind"] == "participant" and (entry["trip"], entry["citizen"]) not in on_trips:
            lost.append(f"participant {entry['citizen']} on trip {entry['trip']}")
        elif (
            entry["kind"] == "company"
            and entry["token"] not in (notes.get(entry["company"]) or "").split()
        ):
            lost.append(f"company {entry['company']} note {entry['token']}")
        elif entry["kind"] == "follow_up" and (
            closers[entry["task"]] > 1 or closed.get(entry["task"]) != entry["token"]
        ):
            lost.append(f"follow-up {entry['task']} closed as {entry['token']}")
    engine.dispose()
    return lost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args(argv)

    from rfk_trips.config.clock import today as clock_today

    today = clock_today()
    targets = _targets(args.database_url, today)
    folder = Path(tempfile.mkdtemp(prefix="rfk-load-"))
    logs = [folder / f"worker-{n}.jsonl" for n in range(args.processes)]
    context = multiprocessing.get_context("spawn")
    started = time.monotonic()
    workers = [
        context.Process(
            target=_worker, args=(n, args.database_url, args.seconds, targets, log, today)
        )
        for n, log in enumerate(logs)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    entries = [
        json.loads(line) for log in logs if log.exists() for line in log.read_text().splitlines()
    ]
    outcomes = Counter(entry["outcome"] for entry in entries)
    by_kind = Counter((entry["kind"], entry["outcome"]) for entry in entries)
    lost = _lost(args.database_url, entries)
    print(f"{args.processes} processes, {elapsed:.0f} s, logs in {folder}")
    print(f"operations done:              {len(entries)}")
    for kind in ("checkin", "participant", "company", "follow_up"):
        counts = {o: by_kind[(kind, o)] for o in ("saved", "refused", "stale", "error")}
        print(f"  {kind:<12} " + ", ".join(f"{o} {n}" for o, n in counts.items()))
    print(f"refused by a rule (Danish):   {outcomes['refused']}")
    print(f"stale saves refused:          {outcomes['stale']}")
    print(f"errors shown to a user:       {outcomes['error']}  (goal 0)")
    print(f"changes lost:                 {len(lost)}  (goal 0)")
    for entry in [e for e in entries if e["outcome"] == "error"][:5]:
        print(f"  error: {entry['message']} {entry['detail']}")
    for line in lost[:10]:
        print(f"  lost: {line}")
    return 0 if not lost and not outcomes["error"] else 1


if __name__ == "__main__":
    sys.exit(main())
