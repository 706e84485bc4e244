"""Schema migrations on real SQLite files: upgrade with data, backup first, refuse the future."""

import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing
from datetime import date, time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import delete, inspect, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel

from rfk_trips.database.opening import OpenedDatabase, open_database
from rfk_trips.i18n.catalogue import get_language, set_language
from rfk_trips.rules.errors import UserError
from rfk_trips.rules.formats import BUILTIN_FORMATS, BUILTIN_MUNICIPALITIES
from storage import migrate
from storage.engine import make_engine
from storage.models import (
    Citizen,
    Company,
    FindingAcknowledgement,
    Municipality,
    Trip,
    TripFormat,
)
from storage.sessions import session_scope
from tests.database_choice import url_for

OLD = "0001_initial"
STAMP = "2026-11-01 10:00:00.000000+00:00"


@pytest.fixture(autouse=True)
def _danish() -> Iterator[None]:
    previous = get_language()
    set_language("da")
    yield
    set_language(previous)


def _old_database_with_data(path: Path) -> None:
    """A file as the first release left it: schema 0001 and some rows, written with plain SQL."""
    engine = make_engine(url_for(path))
    result = migrate.upgrade(engine, OLD)
    assert result is not None and result.to_revision == OLD
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO trip_format (id, code, name, min_participants, max_participants, "
                "visits, start_time, end_time, min_staff, requires_experienced_host, "
                "single_cohort, trips_per_citizen, programme, builtin) VALUES "
                "(7, 'egen', 'Egen tur', 4, 10, 1, '09:00:00.000000', NULL, 2, 0, 0, NULL, "
                "'[]', 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO company (id, name, cvr, industry, address, postcode, town, "
                "municipality_id, sector, employees, contact_person, phone, email, "
                "placement_experience, social_responsibility, labour_shortage, tasks, "
                "ambassador, max_visitors, notes, archived, updated_at) VALUES "
                "(3, 'Nakskov Æblemost', '10150817', 'manufacturing', 'Havnegade 5', '4900', "
                "'Nakskov', NULL, 'private', 12, 'Søren', '54 67 12 34', '', 1, 0, 1, "
                "'[\"lager\"]', 0, 15, 'gammel note', 0, :stamp)"
            ),
            {"stamp": STAMP},
        )
        conn.execute(
            text(
                "INSERT INTO citizen (id, name, phone, municipality_id, benefit_group, "
                "caseworker_id, cohort, job_goals, attendance_duty, referral_date, "
                "accommodation_needs, birth_year, gender, archived, updated_at) VALUES "
                "(5, 'Mette Jørgensen', '20 30 40 50', NULL, 'resource_programme', NULL, "
                "'Hold 1', '[\"køkken\"]', 1, '2026-10-01', 'Undgå tunge løft', 1984, "
                "'woman', 0, :stamp)"
            ),
            {"stamp": STAMP},
        )
        conn.execute(
            text(
                "INSERT INTO trip (id, title, trip_date, format_id, municipality_id, status, "
                "meeting_place, meeting_time, return_time, bus_operator, bus_reference, "
                "bus_seats, catering_count, catering_notes, programme, notes, version, "
                "updated_at) VALUES (11, 'Tur til Nakskov', '2026-12-03', 7, NULL, "
                "'planned', 'Torvet', '08:30:00.000000', NULL, '', '', 20, NULL, '', '[]', "
                "'', 3, :stamp)"
            ),
            {"stamp": STAMP},
        )
    engine.dispose()


def _sqlite_scalar(path: Path, sql: str) -> object:
    with closing(sqlite3.connect(path)) as conn:
        row = conn.execute(sql).fetchone()
    return None if row is None else row[0]


def _tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


# --- upgrade from 0001 with data -----------------------------------------------------------


def test_upgrade_from_initial_keeps_data_and_adds_acknowledgements(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    _old_database_with_data(path)
    assert "finding_acknowledgement" not in _tables(path)

    db = open_database(url_for(path))
    engine = db.engine

    assert db.created is False
    assert db.upgrade is not None
    assert db.upgrade.from_revision == OLD
    assert db.upgrade.to_revision == migrate.HEAD_REVISION
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    with session_scope(engine) as session:
        company = session.get(Company, 3)
        citizen = session.get(Citizen, 5)
        trip = session.get(Trip, 11)
        own_format = session.get(TripFormat, 7)
        format_codes = set(session.scalars(select(TripFormat.code)))
        municipalities = set(session.scalars(select(Municipality.name)))
    assert company is not None
    assert (company.name, company.cvr, company.postcode) == ("Nakskov Æblemost", "10150817", "4900")
    assert company.tasks == ["lager"]
    assert company.notes == "gammel note"
    # 0003 filled in the folded search text of rows that were already there.
    assert company.search_text == "nakskov æblemost nakskov 4900 10150817 søren"
    assert (company.employees, company.max_visitors) == (12, 15)
    assert citizen is not None
    assert citizen.name == "Mette Jørgensen"
    assert citizen.accommodation_needs == "Undgå tunge løft"
    assert citizen.referral_date == date(2026, 10, 1)
    assert citizen.job_goals == ["køkken"]
    assert citizen.search_text == "mette jørgensen 20304050 hold 1"
    assert "løft" not in citizen.search_text  # never the sensitive field
    assert trip is not None
    assert (trip.title, trip.trip_date, trip.format_id) == ("Tur til Nakskov", date(2026, 12, 3), 7)
    assert trip.meeting_time == time(8, 30)
    assert trip.version == 3
    assert own_format is not None and own_format.code == "egen"
    # The built-in reference data is added beside what was there.
    assert format_codes == {"egen"} | {spec.code for spec in BUILTIN_FORMATS}
    assert municipalities == set(BUILTIN_MUNICIPALITIES)

    with session_scope(engine) as session:
        session.add(
            FindingAcknowledgement(
                trip_id=11, code="too_few_staff", subject="", reason="Aftalt med leder"
            )
        )
    with session_scope(engine) as session:
        acks = list(session.scalars(select(FindingAcknowledgement)))
    assert [(a.trip_id, a.code, a.reason) for a in acks] == [
        (11, "too_few_staff", "Aftalt med leder")
    ]
    engine.dispose()


def test_upgrade_writes_private_backup_of_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    _old_database_with_data(path)

    db = open_database(url_for(path))
    db.engine.dispose()

    backups = sorted(tmp_path.glob("t.før-opgradering-0001_initial-*.db"))
    assert len(backups) == 1
    backup = backups[0]
    assert db.upgrade is not None and db.upgrade.backup == backup
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert _sqlite_scalar(backup, "SELECT version_num FROM alembic_version") == OLD
    assert "finding_acknowledgement" not in _tables(backup)
    assert _sqlite_scalar(backup, "SELECT name FROM company WHERE id = 3") == "Nakskov Æblemost"
    assert _sqlite_scalar(backup, "SELECT name FROM citizen WHERE id = 5") == "Mette Jørgensen"
    assert _sqlite_scalar(backup, "SELECT title FROM trip WHERE id = 11") == "Tur til Nakskov"
    # It stands alone as one file: not in WAL mode, nothing beside it.
    assert _sqlite_scalar(backup, "PRAGMA journal_mode") == "delete"
    assert not backup.with_name(backup.name + "-wal").exists()


def test_opening_an_up_to_date_database_writes_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    first = open_database(url_for(path))
    assert first.created is True
    assert first.upgrade is not None and first.upgrade.backup is None  # new file: nothing to keep
    first.engine.dispose()

    second = open_database(url_for(path))

    assert second.created is False
    assert second.upgrade is None
    assert migrate.upgrade(second.engine) is None
    assert list(tmp_path.glob("*før-opgradering*")) == []
    second.engine.dispose()


def test_acknowledgements_cascade_when_trip_deleted(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    _old_database_with_data(path)
    engine = open_database(url_for(path)).engine
    with session_scope(engine) as session:
        session.add(FindingAcknowledgement(trip_id=11, code="c", subject="s", reason="r"))

    with session_scope(engine) as session:
        session.execute(delete(Trip).where(Trip.id == 11))

    with session_scope(engine) as session:
        assert list(session.scalars(select(FindingAcknowledgement))) == []
    engine.dispose()


# --- the revision list and the schema -----------------------------------------------------


def test_head_revision_constant_is_the_newest_revision() -> None:
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    assert script.get_heads() == [migrate.HEAD_REVISION]
    known = migrate.known_revisions()
    assert known[0] == migrate.HEAD_REVISION  # newest first
    assert known[-1] == OLD
    assert len(known) == len(set(known))


def test_every_version_file_is_a_known_revision() -> None:
    files = {
        p.stem
        for p in (migrate.MIGRATIONS_DIR / "versions").glob("*.py")
        if p.name != "__init__.py"
    }
    assert files == set(migrate.known_revisions())


def _schema_differences(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, SQLModel.metadata))


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    engine = open_database(url_for(tmp_path / "t.db")).engine
    assert _schema_differences(engine) == []
    engine.dispose()


def test_schema_upgraded_from_initial_matches_the_models(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    _old_database_with_data(path)
    engine = open_database(url_for(path)).engine
    assert _schema_differences(engine) == []
    engine.dispose()


def test_initial_revision_alone_differs_from_the_models(tmp_path: Path) -> None:
    """Guard for the two tests above: compare_metadata does see a missing table."""
    engine = make_engine(url_for(tmp_path / "t.db"))
    migrate.upgrade(engine, OLD)
    differences = _schema_differences(engine)
    assert any(
        d[0] == "add_table" and d[1].name == "finding_acknowledgement"  # type: ignore[index]
        for d in differences
    )
    engine.dispose()


# --- refusals and file safety ----------------------------------------------------------------


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    db = open_database(url_for(path))
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    db.engine.dispose()

    with pytest.raises(UserError) as caught:
        open_database(url_for(path))

    assert "nyere version" in caught.value.message
    assert "0099_future" in caught.value.message
    assert _sqlite_scalar(path, "SELECT version_num FROM alembic_version") == "0099_future"
    assert list(tmp_path.glob("*før-opgradering*")) == []


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    path.write_text("ikke en database\n" * 100, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        open_database(url_for(path))
    assert "kan ikke åbnes som en rfk-trips-database" in caught.value.message


def test_new_database_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "mappe" / "ny.db"
    db = open_database(url_for(path))
    assert db.created is True
    assert path.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for sidecar in (path.with_name("ny.db-wal"), path.with_name("ny.db-shm")):
        if sidecar.exists():
            assert stat.S_IMODE(sidecar.stat().st_mode) & 0o077 == 0
    db.engine.dispose()


def test_sqlite_connections_enforce_foreign_keys_and_use_wal(tmp_path: Path) -> None:
    engine = open_database(url_for(tmp_path / "t.db")).engine
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO trip (title, trip_date, format_id, status, meeting_place, "
                "bus_operator, bus_reference, catering_notes, programme, notes, version, "
                "updated_at) VALUES ('x', '2026-12-01', 999, 'draft', '', '', '', '', '[]', "
                "'', 1, :stamp)"
            ),
            {"stamp": STAMP},
        )
    engine.dispose()


def test_fresh_database_has_every_model_table(tmp_path: Path) -> None:
    engine = open_database(url_for(tmp_path / "t.db")).engine
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables
    assert "alembic_version" in tables
    engine.dispose()


# --- 0008: targets and learning cases ---------------------------------------------------------

BEFORE_TARGETS = "0007_jobcentre_phone"


def _database_at_0007_with_an_outcome(path: Path) -> None:
    """A file as 0007 left it, with a citizen whose placement ended early."""
    engine = make_engine(url_for(path))
    migrate.upgrade(engine, BEFORE_TARGETS)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO municipality (id, name, format_codes, jobcentre_phone) VALUES "
                "(1, 'Lolland', '[\"lolland\"]', '54 67 00 00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO citizen (id, name, phone, municipality_id, benefit_group, "
                "caseworker_id, cohort, job_goals, attendance_duty, referral_date, "
                "accommodation_needs, birth_year, gender, archived, updated_at, search_text) "
                "VALUES (5, 'Mette Jørgensen', '', NULL, 'cash_assistance', NULL, '', '[]', 1, "
                "NULL, '', 1984, 'woman', 0, :stamp, 'mette jørgensen')"
            ),
            {"stamp": STAMP},
        )
        conn.execute(
            text(
                "INSERT INTO outcome (id, citizen_id, kind, start_date, end_date, trip_id, "
                "company_id, hours_per_week, note, aim, review_date, ended_early, end_reason, "
                "created_at) VALUES (9, 5, 'internship', '2026-03-01', '2026-04-01', NULL, "
                "NULL, 15, '', 'Lønnede timer', '2026-05-31', 1, 'For tunge løft', :stamp)"
            ),
            {"stamp": STAMP},
        )
    engine.dispose()


def test_upgrade_to_0008_keeps_outcomes_and_adds_targets_and_learning_cases(
    tmp_path: Path,
) -> None:
    from storage.codes import TargetMeasure
    from storage.models import LearningCase, Outcome, Target

    path = tmp_path / "t.db"
    _database_at_0007_with_an_outcome(path)
    assert not {"target", "learning_case"} & _tables(path)

    db = open_database(url_for(path))
    engine = db.engine
    assert db.upgrade is not None and db.upgrade.from_revision == BEFORE_TARGETS
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    assert db.upgrade.backup is not None and db.upgrade.backup.exists()

    with session_scope(engine) as session:
        outcome = session.get(Outcome, 9)
        assert outcome is not None and outcome.end_reason == "For tunge løft"
        session.add(
            Target(
                municipality_id=1, year=2026, half=1, measure=TargetMeasure.IN_PAID_WORK, value=12
            )
        )
        session.add(
            LearningCase(
                outcome_id=9, citizen_id=5, written_on=date(2026, 4, 2), citizen_view="For fysisk"
            )
        )
    with session_scope(engine) as session:
        target = session.scalars(select(Target)).one()
        assert (target.half, target.measure, target.value) == (1, TargetMeasure.IN_PAID_WORK, 12)
        case = session.scalars(select(LearningCase)).one()
        assert (case.outcome_id, case.citizen_view, case.lessons) == (9, "For fysisk", "")

    # One target per municipality, half-year and measure; half is 1 or 2; the value above 0.
    for values in (
        "(1, 2026, 1, 'in_paid_work', 20, :stamp)",
        "(1, 2026, 3, 'trips', 2, :stamp)",
        "(1, 2026, 2, 'trips', 0, :stamp)",
        "(77, 2026, 2, 'trips', 2, :stamp)",
    ):
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO target (municipality_id, year, half, measure, value, "
                    f"updated_at) VALUES {values}"
                ),
                {"stamp": STAMP},
            )

    # A case outlives its outcome; a municipality's targets go with it.
    with session_scope(engine) as session:
        session.execute(delete(Outcome).where(Outcome.id == 9))
        session.execute(delete(Municipality).where(Municipality.id == 1))
    with session_scope(engine) as session:
        case = session.scalars(select(LearningCase)).one()
        assert case.outcome_id is None and case.citizen_id == 5
        assert list(session.scalars(select(Target))) == []
    assert _schema_differences(engine) == []
    engine.dispose()


def test_0008_downgrades_to_0007(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    _database_at_0007_with_an_outcome(path)
    _downgrade(path, BEFORE_TARGETS)
    assert not {"target", "learning_case"} & _tables(path)
    assert _sqlite_scalar(path, "SELECT end_reason FROM outcome WHERE id = 9") == "For tunge løft"


# --- 0009: each trip format's days to the follow-up -------------------------------------------

BEFORE_FOLLOW_UP_DAYS = "0008_targets_learning_cases"


def _database_at_0008_with_an_own_format(path: Path) -> None:
    """A file as 0008 left it: the built-in formats and one the job centre made itself."""
    engine = make_engine(url_for(path))
    migrate.upgrade(engine, BEFORE_FOLLOW_UP_DAYS)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO trip_format (id, code, name, min_participants, max_participants, "
                "visits, start_time, end_time, min_staff, requires_experienced_host, "
                "single_cohort, trips_per_citizen, programme, builtin) VALUES "
                "(7, 'egen', 'Egen tur', 4, 10, 1, '09:00:00.000000', NULL, 2, 0, 0, NULL, "
                "'[]', 0)"
            )
        )
    engine.dispose()


def test_upgrade_to_0009_keeps_formats_and_gives_them_14_days(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    _database_at_0008_with_an_own_format(path)

    db = open_database(url_for(path))
    engine = db.engine
    assert db.upgrade is not None and db.upgrade.from_revision == BEFORE_FOLLOW_UP_DAYS
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    with session_scope(engine) as session:
        formats = {row.code: row for row in session.scalars(select(TripFormat))}
    assert set(formats) == {"egen"} | {spec.code for spec in BUILTIN_FORMATS}
    assert (formats["egen"].name, formats["egen"].min_participants) == ("Egen tur", 4)
    assert {row.follow_up_days for row in formats.values()} == {14}
    assert _schema_differences(engine) == []
    # A row written without the column (an older rfk-trips's SQL) still gets 14.
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO trip_format (code, name, min_participants, max_participants, "
                "start_time, min_staff, requires_experienced_host, single_cohort, programme, "
                "builtin) VALUES ('ny', 'Ny', 4, 10, '09:00:00.000000', 2, 0, 0, '[]', 0)"
            )
        )
    assert _sqlite_scalar(path, "SELECT follow_up_days FROM trip_format WHERE code = 'ny'") == 14
    engine.dispose()


def test_0009_downgrades_to_0008(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    _database_at_0008_with_an_own_format(path)
    _downgrade(path, BEFORE_FOLLOW_UP_DAYS)
    with closing(sqlite3.connect(path)) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(trip_format)")}
    assert "follow_up_days" not in columns
    assert _sqlite_scalar(path, "SELECT name FROM trip_format WHERE id = 7") == "Egen tur"


# --- 0010: the audit log and the erased mark on citizens ---------------------------------------

BEFORE_AUDIT = "0009_follow_up_days"


def _database_at_0009_with_a_citizen_on_a_trip(path: Path) -> None:
    engine = make_engine(url_for(path))
    migrate.upgrade(engine, BEFORE_AUDIT)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO citizen (id, name, phone, benefit_group, cohort, job_goals, "
                "attendance_duty, accommodation_needs, archived, updated_at, search_text) "
                "VALUES (3, 'Åse Ørum', '', 'cash_assistance', '', '[]', 1, '', 0, "
                f"'{STAMP}', 'åse ørum')"
            )
        )
    engine.dispose()


def test_upgrade_to_0010_keeps_citizens_and_starts_the_log(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    _database_at_0009_with_a_citizen_on_a_trip(path)
    engine = open_database(url_for(path)).engine
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    assert _schema_differences(engine) == []
    engine.dispose()
    assert {"audit_entry", "audit_citizen"} <= _tables(path)
    assert _sqlite_scalar(path, "SELECT name FROM citizen WHERE id = 3") == "Åse Ørum"
    assert _sqlite_scalar(path, "SELECT anonymised_at FROM citizen WHERE id = 3") is None
    # The log starts at the upgrade: nothing about the citizens who were already there.
    assert _sqlite_scalar(path, "SELECT COUNT(*) FROM audit_citizen") == 0


def test_0010_downgrades_to_0009(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    _database_at_0009_with_a_citizen_on_a_trip(path)
    _downgrade(path, BEFORE_AUDIT)
    assert not {"audit_entry", "audit_citizen"} & _tables(path)
    with closing(sqlite3.connect(path)) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(citizen)")}
    assert "anonymised_at" not in columns
    assert _sqlite_scalar(path, "SELECT name FROM citizen WHERE id = 3") == "Åse Ørum"


LIST_INDEXES = {
    "ix_company_archived_name",
    "ix_company_archived_search_text",
    "ix_citizen_archived_name",
    "ix_citizen_archived_search_text",
    "ix_follow_up_done_at_due_date",
    "ix_participation_trip_id_role",
}


def _downgrade(path: Path, revision: str) -> None:
    """Open `path` (which upgrades it to the head), then migrate it down to `revision`."""
    from alembic import command

    engine = open_database(url_for(path)).engine
    config = migrate._alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn  # type: ignore[attr-defined]
        command.downgrade(config, revision)  # type: ignore[arg-type]
    assert migrate.current_revision(engine) == revision
    engine.dispose()


def _indexes(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}


def test_upgrade_to_0011_adds_the_list_indexes_and_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    _database_at_0009_with_a_citizen_on_a_trip(path)
    assert not LIST_INDEXES & _indexes(path)
    engine = open_database(url_for(path)).engine
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    assert _schema_differences(engine) == []
    engine.dispose()
    # At the head, 0013 has replaced the indexes by name with ones by the Danish sort key.
    assert _indexes(path) >= LIST_INDEXES - NAME_INDEXES | DANISH_ORDER_INDEXES
    assert _sqlite_scalar(path, "SELECT name FROM citizen WHERE id = 3") == "Åse Ørum"
    with closing(sqlite3.connect(path)) as conn:
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM citizen"
            " WHERE archived IS 0 AND search_text LIKE '%a%'"
        ).fetchall()
    assert "COVERING INDEX ix_citizen_archived_search_text" in str(plan)


def test_0011_downgrades_to_0010(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    _downgrade(path, "0010_audit_log")
    assert not LIST_INDEXES & _indexes(path)


OVERVIEW_INDEXES = {
    "ix_company_qualifying",
    "ix_trip_trip_date_status",
    "ix_visit_trip_id_company_id",
}


def test_upgrade_to_0012_adds_the_overview_indexes_and_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    _database_at_0009_with_a_citizen_on_a_trip(path)
    assert not OVERVIEW_INDEXES & _indexes(path)
    engine = open_database(url_for(path)).engine
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    assert _schema_differences(engine) == []
    engine.dispose()
    assert _indexes(path) >= OVERVIEW_INDEXES
    assert _sqlite_scalar(path, "SELECT name FROM citizen WHERE id = 3") == "Åse Ørum"


def _plan_of_qualifying_count(engine: Engine) -> str:
    from sqlalchemy import func, select

    from storage.models import Company, company_qualifies

    query = (
        select(func.count())
        .select_from(Company)
        .where(Company.archived.is_(False), company_qualifies())  # type: ignore[attr-defined]
    )
    with engine.connect() as conn:
        compiled = query.compile(conn)
        plan = conn.exec_driver_sql(
            f"EXPLAIN QUERY PLAN {compiled}", tuple(compiled.params.values())
        ).fetchall()
    return str(plan)


@pytest.mark.sqlite_only("reads SQLite's query plan")
def test_the_quiet_companies_count_reads_the_partial_index(opened: OpenedDatabase) -> None:
    """The home screen's query must read as the index's condition, or SQLite scans."""
    assert "ix_company_qualifying" in _plan_of_qualifying_count(opened.engine)


def test_0012_downgrades_to_0011(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    _downgrade(path, "0011_list_indexes")
    assert not OVERVIEW_INDEXES & _indexes(path)
    assert _indexes(path) >= LIST_INDEXES


NAME_INDEXES = {"ix_company_archived_name", "ix_citizen_archived_name"}
DANISH_ORDER_INDEXES = {"ix_company_archived_sort_name", "ix_citizen_archived_sort_name"}
# In Danish order; as SQLite compares text, Å came before Æ and Ø, and Ølby before Åse.
DANISH_NAMES = ("Anders Berg", "Ærø Smed", "Ølby Tømrer", "Aabenraa Is", "Åse Ørum")


def _database_at_0012_with_danish_names(path: Path) -> None:
    engine = make_engine(url_for(path))
    migrate.upgrade(engine, "0012_overview_indexes")
    with engine.begin() as conn:
        for number, name in enumerate(reversed(DANISH_NAMES), start=1):
            conn.execute(
                text(
                    "INSERT INTO company (id, name, industry, address, postcode, town, sector, "
                    "contact_person, phone, email, placement_experience, "
                    "social_responsibility, labour_shortage, tasks, ambassador, notes, "
                    "archived, updated_at, search_text) VALUES (:id, :name, 'other', '', "
                    "'4900', 'Nakskov', 'private', '', '', '', 1, 0, 0, '[]', 0, '', 0, "
                    ":stamp, '')"
                ),
                {"id": number, "name": name, "stamp": STAMP},
            )
            conn.execute(
                text(
                    "INSERT INTO citizen (id, name, phone, benefit_group, cohort, job_goals, "
                    "attendance_duty, accommodation_needs, archived, updated_at, search_text) "
                    "VALUES (:id, :name, '', 'cash_assistance', '', '[]', 1, '', 0, :stamp, '')"
                ),
                {"id": number, "name": name, "stamp": STAMP},
            )
            conn.execute(
                text(
                    "INSERT INTO staff (id, name, initials, role, phone, email, archived, "
                    "updated_at, search_text) VALUES (:id, :name, :initials, 'job_broker', "
                    "'', '', 0, :stamp, '')"
                ),
                {"id": number, "name": name, "initials": f"X{number}", "stamp": STAMP},
            )
    engine.dispose()


def test_upgrade_to_0013_keys_every_name_for_danish_order(tmp_path: Path) -> None:
    from storage.search_text import sort_key

    path = tmp_path / "t.db"
    _database_at_0012_with_danish_names(path)
    with closing(sqlite3.connect(path)) as conn:
        before = [row[0] for row in conn.execute("SELECT name FROM company ORDER BY name")]
    assert before != list(DANISH_NAMES)  # what the lists showed before
    engine = open_database(url_for(path)).engine
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    assert _schema_differences(engine) == []
    engine.dispose()
    assert _indexes(path) >= DANISH_ORDER_INDEXES
    assert not NAME_INDEXES & _indexes(path)
    with closing(sqlite3.connect(path)) as conn:
        for table in ("company", "citizen", "staff"):
            query = f"SELECT name, sort_name FROM {table} ORDER BY sort_name"
            rows = conn.execute(query).fetchall()
            assert [name for name, _ in rows] == list(DANISH_NAMES), table
            # The migration's frozen copy keys as the models do.
            assert all(key == sort_key(name) for name, key in rows), table
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM citizen WHERE archived IS 0"
            " ORDER BY sort_name, id LIMIT 100"
        ).fetchall()
    assert "ix_citizen_archived_sort_name" in str(plan)
    assert "TEMP B-TREE" not in str(plan)  # read in order from the index, not sorted
    # The home screen's count of qualifying companies still reads the partial index.
    engine = open_database(url_for(path)).engine
    assert "ix_company_qualifying" in _plan_of_qualifying_count(engine)
    engine.dispose()


def test_0014_writes_the_keys_again_in_digits_and_downgrades(tmp_path: Path) -> None:
    import importlib

    from storage.search_text import sort_key

    letters = importlib.import_module("storage.migrations.versions.0013_danish_order")
    path = tmp_path / "t.db"
    _database_at_0012_with_danish_names(path)
    engine = make_engine(url_for(path))
    migrate.upgrade(engine, "0013_danish_order")
    engine.dispose()
    with closing(sqlite3.connect(path)) as conn:
        keys = dict(conn.execute("SELECT name, sort_name FROM citizen").fetchall())
    assert keys == {name: letters._sort_key(name) for name in DANISH_NAMES}

    engine = open_database(url_for(path)).engine  # to the head
    assert _schema_differences(engine) == []
    engine.dispose()
    with closing(sqlite3.connect(path)) as conn:
        for table in ("company", "citizen", "staff"):
            rows = conn.execute(f"SELECT name, sort_name FROM {table}").fetchall()
            assert all(key == sort_key(name) and key.isdigit() for name, key in rows), table

    _downgrade(path, "0013_danish_order")
    with closing(sqlite3.connect(path)) as conn:
        keys = dict(conn.execute("SELECT name, sort_name FROM staff").fetchall())
    assert keys == {name: letters._sort_key(name) for name in DANISH_NAMES}


def test_0013_downgrades_to_0012(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    _database_at_0012_with_danish_names(path)
    _downgrade(path, "0012_overview_indexes")
    assert _indexes(path) >= NAME_INDEXES
    assert not DANISH_ORDER_INDEXES & _indexes(path)
    with closing(sqlite3.connect(path)) as conn:
        for table in ("company", "citizen", "staff"):
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            assert "sort_name" not in columns
        names = {row[0] for row in conn.execute("SELECT name FROM citizen")}
    assert names == set(DANISH_NAMES)


# --- 0019: getting there and preparing the day ------------------------------------------------

BEFORE_GETTING_THERE = "0018_calendar_identity"
_OUTING_PROGRAMME = (
    '[{"time": "08:30", "text": "Fremmøde", "kind": "meeting"}, '
    '{"time": "11:15", "text": "Skovtur", "kind": "outing"}]'
)


def _database_at_0018_with_a_guldborgsund_trip(path: Path) -> None:
    engine = make_engine(url_for(path))
    migrate.upgrade(engine, BEFORE_GETTING_THERE)
    with engine.begin() as conn:
        for code, builtin in (("guldborgsund", 1), ("lolland", 1), ("egen", 0)):
            conn.execute(
                text(
                    "INSERT INTO trip_format (code, name, min_participants, max_participants, "
                    "start_time, min_staff, requires_experienced_host, single_cohort, programme, "
                    "builtin, follow_up_days) VALUES "
                    f"('{code}', '{code}', 6, 12, '08:30:00.000000', 2, 0, 0, "
                    f"'{_OUTING_PROGRAMME}', {builtin}, 14)"
                )
            )
        conn.execute(
            text(
                "INSERT INTO trip (id, title, trip_date, format_id, status, meeting_place, "
                "bus_operator, bus_reference, catering_notes, programme, notes, version, "
                "updated_at) VALUES (5, 'Skovturen', '2026-12-08', 1, 'draft', '', '', '', '', "
                f"'{_OUTING_PROGRAMME}', '', 1, '{STAMP}')"
            )
        )
    engine.dispose()


def test_upgrade_to_0019_marks_the_skovtur_demanding_and_gives_formats_their_roles(
    tmp_path: Path,
) -> None:
    path = tmp_path / "t.db"
    _database_at_0018_with_a_guldborgsund_trip(path)
    db = open_database(url_for(path))
    engine = db.engine
    assert db.upgrade is not None and db.upgrade.from_revision == BEFORE_GETTING_THERE
    assert _schema_differences(engine) == []
    with session_scope(engine) as session:
        formats = {row.code: row for row in session.scalars(select(TripFormat))}
        trip = session.get(Trip, 5)
        assert trip is not None
        assert trip.programme[1] == {
            "time": "11:15", "text": "Skovtur", "kind": "outing", "demanding": "1",
        }  # fmt: skip
        assert "demanding" not in trip.programme[0]
        assert trip.agenda_notes == ""
    assert formats["lolland"].staff_roles == {"job_broker": 3}
    assert formats["guldborgsund"].staff_roles == {"company_consultant": 2}
    assert formats["egen"].staff_roles == {}  # a format of the job centre's own: theirs to set
    assert formats["egen"].programme[1]["demanding"] == "1"
    engine.dispose()


def test_0019_downgrades_to_0018(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    _database_at_0018_with_a_guldborgsund_trip(path)
    migrate.upgrade(make_engine(url_for(path)), "head")
    _downgrade(path, BEFORE_GETTING_THERE)
    with closing(sqlite3.connect(path)) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(participation)")}
    assert not {"transport_allowance", "pickup_place", "unsure", "prepared"} & columns
    assert _sqlite_scalar(path, "SELECT title FROM trip WHERE id = 5") == "Skovturen"
