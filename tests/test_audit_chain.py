"""The audit log's hash chain: tampering with SQL is found, and said in Danish, with what to do.

Each line is hashed onto the one before; `rfk-trips db check` walks the chain, checks the
triggers that make the database refuse changes, and compares with the newest daily backup.
Tampering is done here as someone with an SQLite tool would: plain sqlite3 on the file.
"""

import itertools
import os
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import text
from sqlalchemy.engine import Engine
from textual.widgets import Static

from rfk_trips.app.application import make_app
from rfk_trips.cli.main import cli
from rfk_trips.database.opening import open_database
from rfk_trips.privacy.audit_chain import (
    BreakKind,
    ChainHead,
    ChainRow,
    verify_chain,
)
from rfk_trips.privacy.audit_log import audit_chain_report
from rfk_trips.rules.danish_dates import danish_moment
from screens.privacy.audit_log import AuditLogScreen
from storage import audit, backup, migrate
from storage.audit_chain import GENESIS, SQLITE_TRIGGERS, entry_hash
from storage.engine import make_engine
from storage.models import Citizen
from storage.sessions import session_scope
from tests.conftest import TODAY
from tests.database_choice import db_option, url_for
from tests.pilot_helpers import settle
from tests.refusals import assert_danish_refusal

# Tampering is done on the file, with SQLite's own tool and SQLite's trigger names; the same
# guards on PostgreSQL are tested in test_shared_database.py.
pytestmark = pytest.mark.sqlite_only("tampers with the SQLite file through sqlite3")

REPO = Path(__file__).resolve().parent.parent
ADVICE = ("sikkerhedskopi fra før", "rfk-trips restore", "databeskyttelsesrådgiveren")


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*db_option(db), *args])


def _write_lines(engine: Engine) -> None:
    """Changes and a read-out on top of the lines the new database starts with."""
    with session_scope(engine) as session:
        first, second = Citizen(name="Anna Ager"), Citizen(name="Bo Bæk")
        session.add_all([first, second])
    assert first.id is not None and second.id is not None
    with session_scope(engine) as session:
        audit.record_readout(
            session, "export", "citizens", detail="borgere.csv", citizen_ids=[first.id, second.id]
        )
    with session_scope(engine) as session:
        stored = session.get(Citizen, second.id)
        assert stored is not None
        stored.phone = "20 30 40 50"
        session.add(stored)


@pytest.fixture
def logged_db(engine: Engine, db_path: Path) -> Path:
    _write_lines(engine)
    engine.dispose()
    return db_path


def _sql(db: Path, *statements: str) -> None:
    with closing(sqlite3.connect(db)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()


def _line_count(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT count(*) FROM audit_entry").fetchone()[0])


def _when(db: Path, line: int) -> str:
    """The line's time as the sentences write it (Danish wall-clock time)."""
    with closing(sqlite3.connect(db)) as conn:
        stored = conn.execute("SELECT at FROM audit_entry WHERE id = ?", (line,)).fetchone()[0]
    return danish_moment(datetime.fromisoformat(stored)).strftime("%d-%m-%Y %H:%M")


def _refused(result: Result) -> str:
    assert result.exit_code == 1, result.output
    assert_danish_refusal(result.output)
    assert "Traceback" not in result.output
    return " ".join(result.output.split())


def _recompute_from(db: Path, start: int) -> None:
    """What a careful intruder does after editing a line: hash every line again from it."""
    with closing(sqlite3.connect(db)) as conn:
        named: dict[int, list[int]] = {}
        for audit_id, citizen_id in conn.execute("SELECT audit_id, citizen_id FROM audit_citizen"):
            named.setdefault(audit_id, []).append(citizen_id)
        rows = conn.execute(
            "SELECT id, at, actor, action, entity, entity_id, fields, detail, prev_hash"
            " FROM audit_entry WHERE id >= ? ORDER BY id",
            (start,),
        ).fetchall()
        prev_hash = rows[0][8]
        for entry_id, at, actor, action, entity, entity_id, fields, detail, _ in rows:
            digest = entry_hash(
                entry_id=entry_id,
                at=datetime.fromisoformat(at),
                actor=actor,
                action=action,
                entity=entity,
                entity_id=entity_id,
                fields=fields,
                detail=detail,
                citizen_ids=named.get(entry_id, []),
                prev_hash=prev_hash,
            )
            conn.execute(
                "UPDATE audit_entry SET prev_hash = ?, entry_hash = ? WHERE id = ?",
                (prev_hash, digest, entry_id),
            )
            prev_hash = digest
        conn.execute("UPDATE audit_chain SET last_hash = ?", (prev_hash,))
        conn.commit()


# --- a clean database ------------------------------------------------------------------------


def test_a_clean_database_passes_and_says_the_log_is_unbroken(logged_db: Path) -> None:
    result = run(logged_db, "db", "check")

    assert result.exit_code == 0, result.output
    assert "i orden" in result.output
    assert f"Revisionsloggen er ubrudt: {_line_count(logged_db)} linjer" in result.output


def test_every_line_chains_onto_the_one_before(logged_db: Path) -> None:
    with closing(sqlite3.connect(logged_db)) as conn:
        rows = conn.execute(
            "SELECT id, prev_hash, entry_hash FROM audit_entry ORDER BY id"
        ).fetchall()
        head = conn.execute("SELECT last_id, last_hash FROM audit_chain").fetchall()
    assert rows[0][1] == GENESIS
    assert all(row[1] == before[2] for before, row in itertools.pairwise(rows))
    assert len({row[2] for row in rows}) == len(rows)
    assert head == [(rows[-1][0], rows[-1][2])]


def test_the_chain_head_only_moves_forward(logged_db: Path) -> None:
    for statement in (
        "DELETE FROM audit_chain",
        "UPDATE audit_chain SET last_id = last_id - 1",
        "UPDATE audit_chain SET last_hash = 'x'",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            _sql(logged_db, statement)


# --- tampering with SQL ----------------------------------------------------------------------


def test_a_line_deleted_after_dropping_the_delete_trigger_is_found(logged_db: Path) -> None:
    _sql(logged_db, "DROP TRIGGER audit_entry_no_delete", "DELETE FROM audit_entry WHERE id = 3")

    said = _refused(run(logged_db, "db", "check"))

    assert f"Revisionsloggen mangler linje 3 (lige før linje 4, {_when(logged_db, 4)})" in said
    assert "slettet" in said
    assert "»audit_entry_no_delete«" in said
    assert all(words in said for words in ADVICE)
    # The first finding is the first tampered line.
    assert said.index("linje 3") < said.index("audit_entry_no_delete")


def test_the_last_lines_deleted_are_found_against_the_chain_head(logged_db: Path) -> None:
    last = _line_count(logged_db)
    _sql(
        logged_db,
        "DROP TRIGGER audit_entry_no_delete",
        "DROP TRIGGER audit_citizen_no_delete",
        f"DELETE FROM audit_citizen WHERE audit_id >= {last - 1}",
        f"DELETE FROM audit_entry WHERE id >= {last - 1}",
    )

    said = _refused(run(logged_db, "db", "check"))

    assert f"mangler linje {last - 1}–{last} (efter linje {last - 2}" in said


def test_a_line_changed_after_dropping_the_update_trigger_is_found(logged_db: Path) -> None:
    _sql(
        logged_db,
        "DROP TRIGGER audit_entry_no_update",
        "UPDATE audit_entry SET actor = 'Ingen' WHERE id = 3",
    )

    said = _refused(run(logged_db, "db", "check"))

    assert f"Linje 3 i revisionsloggen ({_when(logged_db, 3)}) er ændret" in said
    assert "»audit_entry_no_update«" in said
    assert f"sikkerhedskopi fra før {_when(logged_db, 3)}" in said
    assert all(words in said for words in ADVICE)


def test_a_citizen_taken_off_a_read_out_changes_that_line(logged_db: Path) -> None:
    with closing(sqlite3.connect(logged_db)) as conn:
        line = conn.execute("SELECT id FROM audit_entry WHERE action = 'export'").fetchone()[0]
    _sql(
        logged_db,
        "DROP TRIGGER audit_citizen_no_delete",
        f"DELETE FROM audit_citizen WHERE audit_id = {line} AND citizen_id = 1",
    )

    said = _refused(run(logged_db, "db", "check"))

    assert f"Linje {line} i revisionsloggen ({_when(logged_db, line)}) er ændret" in said


def test_a_line_put_in_with_sql_is_found(logged_db: Path) -> None:
    last = _line_count(logged_db)
    _sql(
        logged_db,
        "INSERT INTO audit_entry (at, actor, action, entity, entity_id, fields, detail)"
        " VALUES ('2026-11-23 09:00:00.000000', 'HH', 'create', 'citizen', 1, '', '')",
    )

    said = _refused(run(logged_db, "db", "check"))

    assert f"Linje {last + 1} i revisionsloggen" in said and "sat ind uden om rfk-trips" in said


def test_a_line_put_in_does_not_stop_the_log_and_stays_found(logged_db: Path) -> None:
    last = _line_count(logged_db)
    _sql(
        logged_db,
        "INSERT INTO audit_entry (at, actor, action, entity, entity_id, fields, detail)"
        " VALUES ('2026-11-23 09:00:00.000000', 'HH', 'create', 'citizen', 1, '', '')",
    )
    engine = open_database(url_for(logged_db)).engine
    with session_scope(engine) as session:
        session.add(Citizen(name="Cecilie Clausen"))
    report = audit_chain_report(engine)
    engine.dispose()

    assert report is not None and report.lines == last + 2
    assert [(found.kind, found.entry_id) for found in report.findings] == [
        (BreakKind.INSERTED, last + 1)
    ]


@pytest.mark.parametrize("trigger", sorted(SQLITE_TRIGGERS))
def test_a_dropped_trigger_alone_is_found(logged_db: Path, trigger: str) -> None:
    _sql(logged_db, f"DROP TRIGGER {trigger}")

    said = _refused(run(logged_db, "db", "check"))

    assert f"udløseren (trigger) »{trigger}« mangler eller er ændret" in said
    assert "Linje" not in said  # no line was touched
    assert "databeskyttelsesrådgiveren" in said


@pytest.mark.parametrize(
    ("statement", "gone"),
    [
        ("ALTER TABLE audit_entry DROP COLUMN entry_hash", "audit_entry.entry_hash"),
        ("DROP TABLE audit_chain", "audit_chain"),
        ("DROP TABLE audit_citizen", "audit_citizen"),
    ],
)
def test_the_chain_itself_dropped_is_found(logged_db: Path, statement: str, gone: str) -> None:
    _sql(logged_db, statement)

    said = _refused(run(logged_db, "db", "check"))

    assert f"hashkæde er fjernet fra databasen: »{gone}« mangler" in said


def test_a_trigger_rewritten_to_let_changes_through_is_found(logged_db: Path) -> None:
    _sql(
        logged_db,
        "DROP TRIGGER audit_entry_no_delete",
        "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry BEGIN SELECT 1; END",
    )

    said = _refused(run(logged_db, "db", "check"))

    assert "»audit_entry_no_delete« mangler eller er ændret" in said


def test_a_recomputed_chain_is_found_against_the_newest_daily_backup(
    logged_db: Path, tmp_path: Path
) -> None:
    backup.take_daily_backup(logged_db, TODAY)
    engine = open_database(url_for(logged_db)).engine
    with session_scope(engine) as session:  # work goes on after the backup
        session.add(Citizen(name="Dorte Dahl"))
    engine.dispose()
    # Every trigger out of the way, line 3 edited, the chain hashed again from it, the head
    # moved to the new end, and every trigger put back exactly as it was.
    _sql(logged_db, *(f"DROP TRIGGER {name}" for name in SQLITE_TRIGGERS))
    _sql(logged_db, "UPDATE audit_entry SET actor = 'Ingen' WHERE id = 3")
    _recompute_from(logged_db, 3)
    _sql(logged_db, *SQLITE_TRIGGERS.values())
    engine = make_engine(url_for(logged_db))
    alone = audit_chain_report(engine)
    engine.dispose()
    assert alone is not None and alone.intact  # the chain alone cannot tell

    said = _refused(run(logged_db, "db", "check"))

    daily = backup.daily_backup_path(logged_db, TODAY)
    assert f"Linje 3 i revisionsloggen ({_when(logged_db, 3)}) er ikke den samme" in said
    assert str(daily) in said
    assert all(words in said for words in ADVICE)


def test_the_comparison_with_the_backup_reads_it_without_writing(logged_db: Path) -> None:
    daily = backup.take_daily_backup(logged_db, TODAY)
    before = daily.read_bytes()

    result = run(logged_db, "db", "check")

    assert result.exit_code == 0, result.output
    assert f"stemmer med den daglige sikkerhedskopi {daily.name}" in result.output
    assert daily.read_bytes() == before
    assert not daily.with_name(daily.name + "-wal").exists()


# --- where the log is shown ------------------------------------------------------------------


def test_rfk_trips_audit_shows_one_warning_line_when_the_chain_is_broken(logged_db: Path) -> None:
    clean = run(logged_db, "audit")
    assert clean.exit_code == 0 and "⚠" not in clean.output

    _sql(logged_db, "DROP TRIGGER audit_entry_no_delete", "DELETE FROM audit_entry WHERE id = 2")
    result = run(logged_db, "audit")

    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if "⚠" in line]
    assert len(warnings) == 1
    assert "mangler linje 2" in warnings[0] and "rfk-trips db check" in warnings[0]


async def test_the_revisionslog_screen_shows_its_warning_line(logged_db: Path) -> None:
    _sql(
        logged_db,
        "DROP TRIGGER audit_entry_no_update",
        "UPDATE audit_entry SET detail = 'andet.csv' WHERE action = 'export'",
    )
    app = make_app(database_url=url_for(logged_db))
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f11")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, AuditLogScreen)
        line = screen.query_one("#audit-chain", Static)
        shown = str(line.render())
        assert line.display and line.has_class("broken")
        assert shown.startswith("⚠") and "er ændret" in shown
        assert "rfk-trips db check" in shown


async def test_an_intact_log_gives_the_warning_line_no_room(logged_db: Path) -> None:
    app = make_app(database_url=url_for(logged_db))
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f11")
        await settle(app, pilot)
        line = app.screen.query_one("#audit-chain", Static)
        assert not line.display and not line.has_class("broken")


# --- the migration ---------------------------------------------------------------------------

BEFORE_CHAIN = "0014_sort_key_digits"


def _database_at_0014_with_audit_lines(path: Path) -> None:
    engine = make_engine(url_for(path))
    migrate.upgrade(engine, BEFORE_CHAIN)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO audit_entry (id, at, actor, action, entity, entity_id, fields, "
                "detail) VALUES "
                "(1, '2026-11-01 10:00:00.000000', 'HH', 'create', 'citizen', 5, '', ''), "
                "(2, '2026-11-01 10:05:00.250000', 'HH', 'update', 'citizen', 5, 'phone', ''), "
                "(3, '2026-11-02 08:00:00.000000', 'åø', 'export', 'citizens', NULL, "
                "'accommodation_needs', 'borgere-følsomme.xlsx')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO audit_citizen (audit_id, citizen_id) VALUES "
                "(1, 5), (2, 5), (3, 5), (3, 7)"
            )
        )
    engine.dispose()


def test_upgrade_hashes_the_lines_already_there_and_keeps_the_triggers(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    _database_at_0014_with_audit_lines(path)

    engine = open_database(url_for(path)).engine  # to the head, then the formats are written
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    report = audit_chain_report(engine, against_backup=True)
    engine.dispose()

    assert report is not None and report.intact, report
    assert report.lines > 3  # the old lines, then those of the reference data written after
    with closing(sqlite3.connect(path)) as conn:
        old = conn.execute(
            "SELECT prev_hash, entry_hash FROM audit_entry WHERE id <= 3 ORDER BY id"
        ).fetchall()
        triggers = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    first = entry_hash(
        entry_id=1,
        at=datetime(2026, 11, 1, 10, 0),
        actor="HH",
        action="create",
        entity="citizen",
        entity_id=5,
        fields="",
        detail="",
        citizen_ids=[5],
        prev_hash=GENESIS,
    )
    assert old[0] == (GENESIS, first)
    assert old[1][0] == first and old[2][0] == old[1][1]
    assert triggers == set(SQLITE_TRIGGERS)
    for statement in ("UPDATE audit_entry SET actor = 'x'", "DELETE FROM audit_entry"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            _sql(path, statement)
    assert run(path, "db", "check").exit_code == 0


def test_upgrade_writes_a_backup_of_the_file_first(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    _database_at_0014_with_audit_lines(path)
    open_database(url_for(path)).engine.dispose()
    (copy,) = tmp_path.glob(f"t.før-opgradering-{BEFORE_CHAIN}-*.db")
    with closing(sqlite3.connect(copy)) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(audit_entry)")}
    assert "entry_hash" not in columns


def test_0015_downgrades_to_0014_keeping_the_lines_and_their_triggers(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "t.db"
    _database_at_0014_with_audit_lines(path)
    engine = open_database(url_for(path)).engine
    config = migrate._alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn  # type: ignore[attr-defined]
        command.downgrade(config, BEFORE_CHAIN)  # type: ignore[arg-type]
    engine.dispose()
    with closing(sqlite3.connect(path)) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(audit_entry)")}
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        actors = [row[0] for row in conn.execute("SELECT actor FROM audit_entry WHERE id <= 3")]
    assert not {"prev_hash", "entry_hash"} & columns and "audit_chain" not in tables
    assert actors == ["HH", "HH", "åø"]
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        _sql(path, "UPDATE audit_entry SET actor = 'x'")


# --- two writers at once ---------------------------------------------------------------------

ROUNDS = 25
WRITERS = ("Anne", "Bo")


def test_two_processes_writing_at_once_keep_one_unbroken_chain(
    engine: Engine, db_path: Path
) -> None:
    """On SQLite the write lock serialises the writers: no line may chain onto a line the
    other process chained onto as well, and nobody may see "database is locked"."""
    before = audit_chain_report(engine)
    assert before is not None and before.intact
    engine.dispose()
    go = db_path.parent / "go"
    ready = {name: db_path.parent / f"ready-{name}" for name in WRITERS}
    env = {k: v for k, v in os.environ.items() if k != "RFK_TRIPS_DB"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    processes = {
        name: subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.audit_chain_driver",
                str(db_path),
                str(ROUNDS),
                str(ready[name]),
                str(go),
                name,
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        for name in WRITERS
    }
    try:
        deadline = time.monotonic() + 60
        while not all(path.exists() for path in ready.values()):
            assert all(p.poll() is None for p in processes.values()), "a writer stopped early"
            assert time.monotonic() < deadline, "the writers were not ready within a minute"
            time.sleep(0.01)
        go.touch()
        outputs = {name: process.communicate(timeout=300) for name, process in processes.items()}
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.kill()
    for name, (out, err) in outputs.items():
        assert processes[name].returncode == 0, err
        assert not [line for line in out.splitlines() if line.startswith("error")], out
        assert len([line for line in out.splitlines() if line.startswith("wrote")]) == 2 * ROUNDS

    checked = make_engine(url_for(db_path))
    after = audit_chain_report(checked)
    with checked.connect() as conn:
        exports = conn.execute(
            text("SELECT detail FROM audit_entry WHERE action = 'export' ORDER BY id")
        )
        writers = "".join(str(detail)[0] for (detail,) in exports)
    checked.dispose()
    assert after is not None and after.intact, after.findings if after else None
    assert after.lines == before.lines + 2 * 2 * ROUNDS
    assert sorted(writers) == sorted("A" * ROUNDS + "B" * ROUNDS)
    # They did write at the same time: their lines take turns, not one block after the other.
    assert writers.count("AB") + writers.count("BA") > 2, writers
    assert run(db_path, "db", "check").exit_code == 0


# --- the rule over plain rows ----------------------------------------------------------------


def _rows(count: int) -> list[ChainRow]:
    rows: list[ChainRow] = []
    prev = GENESIS
    for number in range(1, count + 1):
        row = _row(number, prev)
        rows.append(row)
        prev = row.entry_hash
    return rows


def _row(number: int, prev: str, actor: str = "HH") -> ChainRow:
    at = "2026-11-23 08:30:00.000000"
    digest = entry_hash(
        entry_id=number,
        at=datetime.fromisoformat(at),
        actor=actor,
        action="create",
        entity="citizen",
        entity_id=number,
        fields="",
        detail="",
        citizen_ids=[number],
        prev_hash=prev,
    )
    return ChainRow(number, at, actor, "create", "citizen", number, "", "", (number,), prev, digest)


def test_the_rule_passes_an_intact_chain_and_an_empty_log() -> None:
    rows = _rows(5)
    assert verify_chain(rows, ChainHead(5, rows[-1].entry_hash)) is None
    assert verify_chain([], ChainHead(0, GENESIS)) is None


def test_the_rule_names_a_line_slipped_in_with_a_hash_of_its_own() -> None:
    rows = _rows(4)
    # A forged line 5 chained onto line 4; rfk-trips then wrote line 6 onto its head (line 4).
    forged = _row(5, rows[3].entry_hash, actor="Ingen")
    after = _row(6, rows[3].entry_hash)
    found = verify_chain([*rows, forged, after], ChainHead(6, after.entry_hash))
    assert found is not None and (found.kind, found.entry_id) == (BreakKind.INSERTED, 5)


def test_the_rule_names_a_line_rewritten_hash_and_all() -> None:
    rows = _rows(4)
    rewritten = _row(2, rows[0].entry_hash, actor="Ingen")
    found = verify_chain([rows[0], rewritten, *rows[2:]], ChainHead(4, rows[-1].entry_hash))
    assert found is not None and (found.kind, found.entry_id) == (BreakKind.CHANGED, 2)


def test_the_rule_finds_lines_gone_from_the_end_and_all_of_them() -> None:
    rows = _rows(4)
    found = verify_chain(rows[:2], ChainHead(4, rows[-1].entry_hash))
    assert found is not None
    assert (found.kind, found.entry_id, found.first_missing, found.last_missing) == (
        BreakKind.MISSING_AFTER,
        2,
        3,
        4,
    )
    emptied = verify_chain([], ChainHead(4, rows[-1].entry_hash))
    assert emptied is not None and (emptied.first_missing, emptied.last_missing) == (1, 4)
