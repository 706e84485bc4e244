"""The audit log: every change is logged by field name, never value, and nothing rewrites it."""

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from storage import actor, audit
from storage.models import AuditCitizen, AuditEntry, Citizen
from storage.sessions import session_scope


def _entries(engine: Engine) -> list[AuditEntry]:
    with session_scope(engine) as session:
        return list(session.exec(select(AuditEntry).order_by(AuditEntry.id)).scalars())  # type: ignore[call-overload]


def _links(engine: Engine) -> set[tuple[int, int]]:
    with session_scope(engine) as session:
        rows = session.exec(select(AuditCitizen.audit_id, AuditCitizen.citizen_id)).all()  # type: ignore[call-overload]
        return {(row[0], row[1]) for row in rows}


@pytest.mark.sqlite_only("names the initials set; on the server the login (test_shared_database)")
def test_a_change_is_logged_with_field_names_and_never_values(engine: Engine) -> None:
    actor.set_actor("ABC")
    try:
        with session_scope(engine) as session:
            citizen = Citizen(name="Bodil Hemmelig", phone="20 30 40 50")
            session.add(citizen)
        with session_scope(engine) as session:
            stored = session.get(Citizen, citizen.id)
            assert stored is not None
            stored.accommodation_needs = "Angst i store grupper"
            stored.phone = "21 31 41 51"
            session.add(stored)
    finally:
        actor.set_actor("")
    created, updated = [e for e in _entries(engine) if e.entity == "citizen"]
    assert (created.action, created.entity_id, created.actor) == ("create", citizen.id, "ABC")
    assert (updated.action, updated.fields) == ("update", "accommodation_needs,phone")
    assert {(created.id, citizen.id), (updated.id, citizen.id)} <= _links(engine)
    text = " ".join(f"{e.fields} {e.detail}" for e in _entries(engine))
    assert "Angst" not in text and "Bodil" not in text and "21 31" not in text


def test_a_rolled_back_action_leaves_no_log_line(engine: Engine) -> None:
    before = len(_entries(engine))
    with pytest.raises(RuntimeError), session_scope(engine) as session:
        session.add(Citizen(name="Aldrig Gemt"))
        session.flush()
        raise RuntimeError("the user's action failed")
    assert len(_entries(engine)) == before


def test_a_read_out_names_the_citizens_it_carries(engine: Engine) -> None:
    with session_scope(engine) as session:
        entry = audit.record_readout(
            session, "export", "citizens", detail="borgere.xlsx", citizen_ids=[4, 2, 4]
        )
    assert entry.id is not None
    assert {(entry.id, 2), (entry.id, 4)} <= _links(engine)
    assert _entries(engine)[-1].detail == "borgere.xlsx"


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entry SET actor = 'x'",
        "DELETE FROM audit_entry",
        "DELETE FROM audit_citizen",
        "UPDATE audit_citizen SET citizen_id = 0",
    ],
)
def test_the_database_refuses_to_rewrite_the_log(engine: Engine, statement: str) -> None:
    """Refused by the database's triggers, even to the tables' owner, on either backend."""
    with session_scope(engine) as session:
        audit.record_readout(session, "print", "staff", citizen_ids=[1])
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(text(statement))


def test_audit_lines_for_one_citizen_newest_first(engine: Engine) -> None:
    from rfk_trips.privacy.audit_log import audit_lines

    with session_scope(engine) as session:
        mine = Citizen(name="A")
        other = Citizen(name="B")
        session.add_all([mine, other])
    assert mine.id is not None and other.id is not None
    with session_scope(engine) as session:
        audit.record_readout(session, "export", "citizens", citizen_ids=[mine.id, other.id])
        audit.record_readout(session, "print", "staff", citizen_ids=[other.id])
    lines = audit_lines(engine, citizen_id=mine.id)
    assert [line.action for line in lines] == ["export", "create"]
    assert [
        line.action for line in audit_lines(engine, citizen_id=mine.id, read_outs_only=True)
    ] == ["export"]
    assert len(audit_lines(engine, limit=1)) == 1


def test_every_field_a_person_changes_is_named_in_danish_in_the_log() -> None:
    """Found on the shared server: the log listed `status`, `confirmed`, `jobcentre_phone`."""
    from sqlmodel import SQLModel

    import storage.models  # noqa: F401 - the tables, for their columns
    from rfk_trips.privacy.audit_text import field_label

    # Kept by the program itself, never typed by anyone: their names never reach a person.
    bookkeeping = {
        "id", "created_at", "updated_at", "version", "search_text", "sort_name", "key",
        "acknowledged_at", "recorded_at", "recorded_by", "printed_at", "printed_by",
        "audience", "file_name", "trip_version",
    }  # fmt: skip
    unnamed = {
        column.name
        for table in SQLModel.metadata.tables.values()
        # calendar_event is not audited (storage.audit): its columns never reach the log.
        if not table.name.startswith("audit") and table.name != "calendar_event"
        for column in table.columns
        if field_label(column.name) == column.name
    }
    assert unnamed == bookkeeping
    assert field_label("confirmed") == "Bekræftet af værten"
    assert field_label("trip_id") == "Tur"
