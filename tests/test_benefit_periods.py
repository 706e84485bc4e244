"""A citizen's benefit history (issue 19): migration, register, import/export, privacy, facts."""

import csv
import io
import json
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel, col

from rfk_trips.database.opening import open_database
from rfk_trips.exchange.exporting import export_file
from rfk_trips.exchange.importing import import_file
from rfk_trips.i18n.labels import label
from rfk_trips.privacy import retention
from rfk_trips.privacy.access_report import write_access_report
from rfk_trips.privacy.audit_log import audit_lines
from rfk_trips.privacy.citizen_privacy import erase_citizen
from rfk_trips.registers.citizen_service import citizen_form_values, save_citizen
from rfk_trips.results.results_service import ResultFilter, load_facts
from rfk_trips.rules.benefit_history import BenefitPeriod
from rfk_trips.rules.errors import UserError
from rfk_trips.trips import check_in, planning, trip_service
from storage import migrate
from storage.codes import Attendance, BenefitGroup
from storage.engine import make_engine
from storage.models import Citizen, CitizenBenefitPeriod, Company
from storage.sessions import session_scope
from tests.conftest import TODAY
from tests.database_choice import url_for

CASH = BenefitGroup.CASH_ASSISTANCE
FLEX = BenefitGroup.FLEX_BENEFIT
RESOURCE = BenefitGroup.RESOURCE_PROGRAMME
BEFORE = "0015_audit_chain"
STAMP = "2026-11-01 10:00:00.000000+00:00"


def periods(engine: Engine, citizen_id: int) -> list[tuple[BenefitGroup, date, date | None]]:
    with session_scope(engine) as session:
        return [
            (p.benefit_group, p.since, p.until)
            for p in session.scalars(
                select(CitizenBenefitPeriod)
                .where(col(CitizenBenefitPeriod.citizen_id) == citizen_id)
                .order_by(col(CitizenBenefitPeriod.since))
            )
        ]


def benefit_now(engine: Engine, citizen_id: int) -> BenefitGroup:
    with session_scope(engine) as session:
        citizen = session.get(Citizen, citizen_id)
        assert citizen is not None
        return citizen.benefit_group


def change(engine: Engine, citizen_id: int, group: BenefitGroup, since: str = "") -> None:
    values = citizen_form_values(engine, citizen_id)
    assert values["benefit_since"] == ""  # empty: today, unless staff write another day
    save_citizen(
        engine,
        citizen_id,
        values | {"benefit_group": label(group), "benefit_since": since},
        today=TODAY,
    )


def new_citizen(engine: Engine, name: str = "Ib Holm", **values: str) -> int:
    return save_citizen(engine, None, {"name": name, **values}, today=TODAY)


# --- the migration ------------------------------------------------------------------------


def _database_at_0015_with_citizens(path: Path) -> None:
    engine = make_engine(url_for(path))
    migrate.upgrade(engine, BEFORE)
    with engine.begin() as conn:
        for citizen_id, group, referral in (
            (5, "resource_programme", "2026-10-01"),
            (6, "flex_benefit", None),
        ):
            conn.execute(
                text(
                    "INSERT INTO citizen (id, name, phone, benefit_group, cohort, job_goals, "
                    "attendance_duty, referral_date, accommodation_needs, archived, updated_at, "
                    "search_text, sort_name) VALUES (:id, 'Mette Jørgensen', '', :group, '', "
                    "'[]', 1, :referral, '', 0, :stamp, '', '')"
                ),
                {"id": citizen_id, "group": group, "referral": referral, "stamp": STAMP},
            )
    engine.dispose()


def _tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_upgrade_to_0016_gives_every_citizen_one_open_period(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    _database_at_0015_with_citizens(path)
    assert "benefit_period" not in _tables(path)

    db = open_database(url_for(path))
    engine = db.engine
    assert db.upgrade is not None and db.upgrade.from_revision == BEFORE
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    # The old file is kept first, as for every upgrade.
    assert db.upgrade.backup is not None and f"før-opgradering-{BEFORE}" in db.upgrade.backup.name
    assert "benefit_period" not in _tables(db.upgrade.backup)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert list(compare_metadata(context, SQLModel.metadata)) == []
    # From the referral date when known, else from the project's start.
    assert periods(engine, 5) == [(RESOURCE, date(2026, 10, 1), None)]
    assert periods(engine, 6) == [(FLEX, date(2018, 8, 1), None)]
    assert benefit_now(engine, 5) == RESOURCE
    # The register goes on from the migrated period.
    change(engine, 5, CASH, "01-11-2026")
    assert periods(engine, 5) == [
        (RESOURCE, date(2026, 10, 1), date(2026, 10, 31)),
        (CASH, date(2026, 11, 1), None),
    ]
    engine.dispose()


def test_0016_downgrades_to_0015_and_keeps_the_current_benefit(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "t.db"
    _database_at_0015_with_citizens(path)
    engine = open_database(url_for(path)).engine
    config = migrate._alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn  # type: ignore[attr-defined]
        command.downgrade(config, BEFORE)  # type: ignore[arg-type]
    assert migrate.current_revision(engine) == BEFORE
    engine.dispose()
    assert "benefit_period" not in _tables(path)
    with closing(sqlite3.connect(path)) as conn:
        groups = dict(conn.execute("SELECT id, benefit_group FROM citizen").fetchall())
    assert groups == {5: "resource_programme", 6: "flex_benefit"}


# --- the register ---------------------------------------------------------------------------


def test_a_new_citizen_gets_one_open_period(engine: Engine) -> None:
    referred = new_citizen(engine, "Ib Holm", referral_date="01-02-2026")
    plain = new_citizen(engine, "Åse Ørum")
    dated = new_citizen(engine, "Bo Berg", benefit_group=label(FLEX), benefit_since="15-03-2025")
    assert periods(engine, referred) == [(CASH, date(2026, 2, 1), None)]
    assert periods(engine, plain) == [(CASH, TODAY, None)]
    assert periods(engine, dated) == [(FLEX, date(2025, 3, 15), None)]


def test_a_save_that_changes_the_benefit_makes_two_periods_and_is_logged(engine: Engine) -> None:
    citizen_id = new_citizen(engine, referral_date="01-02-2026")
    change(engine, citizen_id, FLEX, "01-10-2026")

    assert benefit_now(engine, citizen_id) == FLEX
    assert periods(engine, citizen_id) == [
        (CASH, date(2026, 2, 1), date(2026, 9, 30)),
        (FLEX, date(2026, 10, 1), None),
    ]
    lines = [line for line in audit_lines(engine, citizen_id=citizen_id)]
    logged = {(line.action, line.entity, line.fields) for line in lines}
    assert ("update", "benefit_period", ("until",)) in logged
    assert sum(line.entity == "benefit_period" and line.action == "create" for line in lines) == 2
    assert ("update", "citizen", ("benefit_group",)) in logged

    # Without a date the change is today's; a save that keeps the benefit changes no period.
    change(engine, citizen_id, RESOURCE)
    values = citizen_form_values(engine, citizen_id)
    save_citizen(engine, citizen_id, values | {"phone": "20 30 40 50"}, today=TODAY)
    assert periods(engine, citizen_id) == [
        (CASH, date(2026, 2, 1), date(2026, 9, 30)),
        (FLEX, date(2026, 10, 1), date(2026, 11, 22)),
        (RESOURCE, TODAY, None),
    ]


def test_a_change_on_the_open_periods_first_day_corrects_it(engine: Engine) -> None:
    citizen_id = new_citizen(engine, referral_date="01-02-2026")
    change(engine, citizen_id, FLEX, "01-10-2026")
    change(engine, citizen_id, RESOURCE, "01-10-2026")  # the wrong benefit was chosen
    assert periods(engine, citizen_id) == [
        (CASH, date(2026, 2, 1), date(2026, 9, 30)),
        (RESOURCE, date(2026, 10, 1), None),
    ]
    change(engine, citizen_id, CASH, "01-10-2026")  # no change after all
    assert periods(engine, citizen_id) == [(CASH, date(2026, 2, 1), None)]
    assert benefit_now(engine, citizen_id) == CASH


def test_a_change_dated_before_the_open_period_is_refused_in_danish(engine: Engine) -> None:
    citizen_id = new_citizen(engine, referral_date="01-02-2026")
    change(engine, citizen_id, FLEX, "01-10-2026")
    before = periods(engine, citizen_id)

    with pytest.raises(UserError) as caught:
        change(engine, citizen_id, RESOURCE, "15-09-2026")

    message = caught.value.message
    assert message == (
        "Ydelsen kan ikke skifte 15-09-2026: borgerens nuværende ydelse "
        f"({label(FLEX)}) gælder fra 01-10-2026. Skriv en dato fra 01-10-2026 eller senere "
        "i »Ydelse siden«."
    )
    assert caught.value.field_errors == {"benefit_since": message}
    assert periods(engine, citizen_id) == before
    assert benefit_now(engine, citizen_id) == FLEX


def test_a_benefit_since_after_today_is_refused(engine: Engine) -> None:
    citizen_id = new_citizen(engine)
    with pytest.raises(UserError) as caught:
        change(engine, citizen_id, FLEX, "24-11-2026")
    assert "Ydelse siden kan ikke ligge efter i dag (23-11-2026)" in caught.value.message
    assert set(caught.value.field_errors) == {"benefit_since"}
    assert periods(engine, citizen_id) == [(CASH, TODAY, None)]


def test_a_citizen_written_without_the_register_gets_the_old_benefit_as_a_period(
    engine: Engine,
) -> None:
    with session_scope(engine) as session:
        citizen = Citizen(name="Uden Historik", benefit_group=RESOURCE)
        session.add(citizen)
        session.flush()
        citizen_id = citizen.id or 0
    change(engine, citizen_id, CASH, "01-06-2026")
    assert periods(engine, citizen_id) == [
        (RESOURCE, date(2018, 8, 1), date(2026, 5, 31)),
        (CASH, date(2026, 6, 1), None),
    ]


# --- import and export ------------------------------------------------------------------------


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return path


HEADER = ["navn", "telefon", "ydelse", "ydelse_fra", "visitationsdato"]


def _one(engine: Engine) -> int:
    with session_scope(engine) as session:
        found = session.scalars(
            select(col(Citizen.id)).where(col(Citizen.name) == "Mette Jørgensen")
        ).one()
        assert found is not None
        return found


def test_an_import_with_ydelse_fra_starts_and_changes_the_history(
    engine: Engine, tmp_path: Path
) -> None:
    first = write_csv(
        tmp_path / "a.csv",
        [HEADER, ["Mette Jørgensen", "20 30 40 50", label(RESOURCE), "01-03-2026", "01-01-2026"]],
    )
    report = import_file(engine, "citizens", first, today=TODAY)
    assert report.created == 1
    citizen_id = _one(engine)
    assert periods(engine, citizen_id) == [(RESOURCE, date(2026, 3, 1), None)]

    # The same benefit again: `ydelse_fra` says nothing then, and nothing changes.
    same = write_csv(
        tmp_path / "b.csv",
        [HEADER, ["Mette Jørgensen", "20 30 40 50", label(RESOURCE), "01-05-2026", "01-01-2026"]],
    )
    assert import_file(engine, "citizens", same, today=TODAY).unchanged == 1

    changed = write_csv(
        tmp_path / "c.csv",
        [HEADER, ["Mette Jørgensen", "20 30 40 50", label(FLEX), "01-09-2026", "01-01-2026"]],
    )
    assert import_file(engine, "citizens", changed, today=TODAY).updated == 1
    assert periods(engine, citizen_id) == [
        (RESOURCE, date(2026, 3, 1), date(2026, 8, 31)),
        (FLEX, date(2026, 9, 1), None),
    ]
    assert benefit_now(engine, citizen_id) == FLEX

    # Without the column a change is dated today.
    undated = write_csv(
        tmp_path / "d.csv",
        [["navn", "telefon", "ydelse"], ["Mette Jørgensen", "20 30 40 50", label(CASH)]],
    )
    assert import_file(engine, "citizens", undated, today=TODAY).updated == 1
    assert periods(engine, citizen_id)[-1] == (CASH, TODAY, None)


def test_an_import_dated_before_the_open_period_is_refused_whole(
    engine: Engine, tmp_path: Path
) -> None:
    citizen_id = new_citizen(engine, "Mette Jørgensen", phone="20 30 40 50")
    other_id = new_citizen(engine, "Bo Berg", phone="21 31 41 51")
    bad = write_csv(
        tmp_path / "bad.csv",
        [
            HEADER[:4],
            ["Bo Berg", "21 31 41 51", label(FLEX), ""],
            ["Mette Jørgensen", "20 30 40 50", label(FLEX), "01-01-2026"],
        ],
    )
    with pytest.raises(UserError) as caught:
        import_file(engine, "citizens", bad, today=TODAY)
    assert any("Linje 3" in d and "Ydelsen kan ikke skifte" in d for d in caught.value.details), (
        caught.value.details
    )
    assert periods(engine, citizen_id) == [(CASH, TODAY, None)]
    assert periods(engine, other_id) == [(CASH, TODAY, None)]
    assert benefit_now(engine, other_id) == CASH


def test_the_export_writes_ydelse_fra_and_imports_again_unchanged(
    engine: Engine, tmp_path: Path
) -> None:
    citizen_id = new_citizen(engine, "Mette Jørgensen", referral_date="01-02-2026")
    change(engine, citizen_id, FLEX, "01-10-2026")
    path = tmp_path / "borgere.csv"
    export_file(engine, "citizens", path)
    rows = list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig")), delimiter=";"))
    assert [(r["id"], r["ydelse"], r["ydelse_fra"]) for r in rows] == [
        (str(citizen_id), label(FLEX), "01-10-2026")
    ]
    report = import_file(engine, "citizens", path, today=TODAY)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 1)
    assert len(periods(engine, citizen_id)) == 2


# --- privacy ---------------------------------------------------------------------------------


def test_the_access_report_lists_the_periods(engine: Engine, tmp_path: Path) -> None:
    citizen_id = new_citizen(engine, referral_date="01-02-2026")
    change(engine, citizen_id, FLEX, "01-10-2026")
    path = tmp_path / "indsigt.json"
    write_access_report(engine, citizen_id, path, today=TODAY)
    data = json.loads(path.read_text("utf-8"))
    assert data["benefits"] == [
        {"benefit_group": "cash_assistance", "since": "2026-02-01", "until": "2026-09-30"},
        {"benefit_group": "flex_benefit", "since": "2026-10-01", "until": None},
    ]
    readable = tmp_path / "indsigt.txt"
    write_access_report(engine, citizen_id, readable, today=TODAY)
    report = readable.read_text("utf-8")
    assert "Ydelser over tid" in report
    assert "01-02-2026" in report and "30-09-2026" in report


def test_erasure_keeps_the_periods_for_the_figures(engine: Engine) -> None:
    citizen_id = new_citizen(engine, referral_date="01-02-2026")
    change(engine, citizen_id, FLEX, "01-10-2026")
    before = periods(engine, citizen_id)
    erase_citizen(engine, citizen_id, today=TODAY)
    assert periods(engine, citizen_id) == before
    assert benefit_now(engine, citizen_id) == FLEX


def test_a_recent_change_of_benefit_is_activity_but_an_open_period_is_not(
    engine: Engine,
) -> None:
    long_ago = datetime(2020, 1, 1, 12, tzinfo=UTC)
    changed = new_citizen(engine, "Skiftet", referral_date="01-01-2020")
    quiet = new_citizen(engine, "Stille", referral_date="01-01-2020")
    change(engine, changed, FLEX, "01-06-2026")
    with session_scope(engine) as session:
        for citizen in session.scalars(select(Citizen)):
            citizen.updated_at = long_ago
            session.add(citizen)
    with session_scope(engine) as session:
        found = retention.find_inactive(session, today=TODAY, months=24)
    assert [row.id for row in found] == [quiet]
    purged = retention.purge_inactive(engine, months=24, today=TODAY, dry_run=False)
    assert [row.id for row in purged.citizens] == [quiet]
    assert periods(engine, quiet) == [(CASH, date(2020, 1, 1), None)]  # kept, as outcomes


# --- the figures' facts ------------------------------------------------------------------------


def test_the_facts_carry_the_periods_of_the_citizens_on_the_trips(engine: Engine) -> None:
    changed = new_citizen(engine, "Skiftet", referral_date="01-02-2026")
    steady = new_citizen(engine, "Stabil", referral_date="01-01-2026")
    elsewhere = new_citizen(engine, "Ikke med")
    change(engine, changed, FLEX, "01-10-2026")
    with session_scope(engine) as session:
        # Referred (R16: only the referred go on a trip), written without a benefit history.
        unrecorded = Citizen(name="Uden Historik", referral_date=date(2018, 8, 1))
        company = Company(name="Nakskov Stål A/S")
        session.add_all([unrecorded, company])
        session.flush()
        unrecorded_id, company_id = unrecorded.id or 0, company.id or 0
    trip_id = trip_service.create_trip(
        engine, format_code="lolland", trip_date=date(2026, 3, 10), title="Tur"
    )
    planning.add_visit(engine, trip_id, company_id=company_id, start=time(9), end=time(11))
    on_trip = [changed, steady, unrecorded_id]
    planning.add_participants(engine, trip_id, on_trip)
    for citizen_id in on_trip:
        check_in.record(engine, trip_id, citizen_id, Attendance.PRESENT)
    check_in.complete_trip(engine, trip_id)

    with session_scope(engine) as session:
        facts = load_facts(session, ResultFilter())

    assert dict(facts.benefits) == {
        changed: (
            BenefitPeriod(CASH, date(2026, 2, 1), date(2026, 9, 30)),
            BenefitPeriod(FLEX, date(2026, 10, 1)),
        ),
        steady: (BenefitPeriod(CASH, date(2026, 1, 1)),),
    }
    assert elsewhere not in facts.benefits
    assert unrecorded_id not in facts.benefits  # counts with its benefit today
