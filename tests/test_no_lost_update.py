"""A save from a form loaded before a colleague's save is refused, never written over theirs.

And an action two colleagues take on one record at once (ending an outcome) happens once.
"""

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import Engine

from rfk_trips.after_trip import outcomes
from rfk_trips.registers import citizen_service, company_service, staff_service
from rfk_trips.registers.record_forms import SEEN
from rfk_trips.rules.errors import StaleVersionError, UserError
from rfk_trips.trips import format_settings
from storage.codes import OutcomeKind
from storage.models import Citizen, Outcome, TripFormat
from storage.sessions import session_scope
from tests.conftest import TODAY

REGISTERS = {
    "company": (
        company_service,
        {"name": "Maribo Kro"},
        "notes",
    ),
    "citizen": (
        citizen_service,
        {"name": "Anna Ager", "phone": "20 30 40 50"},
        "accommodation_needs",
    ),
    "staff": (
        staff_service,
        {"name": "Ida Lund", "initials": "IL", "role": "sagsbehandler"},
        "email",
    ),
}


def _save(kind: str, engine: Engine, record_id: int | None, values: dict[str, str]) -> int:
    module = REGISTERS[kind][0]
    saver = getattr(module, f"save_{kind}")
    result: int = saver(engine, record_id, values, today=TODAY)
    return result


def _form(kind: str, engine: Engine, record_id: int) -> dict[str, str]:
    module = REGISTERS[kind][0]
    values: dict[str, str] = getattr(module, f"{kind}_form_values")(engine, record_id)
    return values


@pytest.mark.parametrize("kind", sorted(REGISTERS))
def test_the_second_of_two_saves_from_one_loaded_form_is_refused(engine: Engine, kind: str) -> None:
    _, first_values, field = REGISTERS[kind]
    record_id = _save(kind, engine, None, dict(first_values))
    mine = _form(kind, engine, record_id)
    theirs = _form(kind, engine, record_id)
    assert mine[SEEN] == theirs[SEEN]

    theirs[field] = "kollegaen@jobcenter.dk" if field == "email" else "Kollegaens tekst"
    _save(kind, engine, record_id, theirs)
    mine[field] = "mig@jobcenter.dk" if field == "email" else "Min tekst"
    with pytest.raises(StaleVersionError, match="ændret af en kollega"):
        _save(kind, engine, record_id, mine)
    assert _form(kind, engine, record_id)[field] == theirs[field]  # theirs stands

    again = _form(kind, engine, record_id)  # opened again, the change goes through
    again[field] = mine[field]
    _save(kind, engine, record_id, again)
    assert _form(kind, engine, record_id)[field] == mine[field]


@pytest.mark.parametrize("kind", sorted(REGISTERS))
def test_a_save_without_the_stamp_is_an_import_and_goes_through(engine: Engine, kind: str) -> None:
    """The import matches rows to records and carries no stamp: it is not refused as stale."""
    _, first_values, field = REGISTERS[kind]
    record_id = _save(kind, engine, None, dict(first_values))
    values = _form(kind, engine, record_id)
    del values[SEEN]
    values[field] = "ny@jobcenter.dk" if field == "email" else "Fra importen"
    _save(kind, engine, record_id, values)
    assert _form(kind, engine, record_id)[field] == values[field]


def test_format_settings_saved_by_a_colleague_meanwhile_are_not_overwritten(
    engine: Engine,
) -> None:
    format_id = first_format_id(engine)
    mine = format_settings.format_form_values(engine, format_id)
    theirs = format_settings.format_form_values(engine, format_id)
    assert mine[SEEN] == theirs[SEEN]
    format_settings.save_format(engine, format_id, {**theirs, "min_staff": "3"})
    with pytest.raises(StaleVersionError, match="ændret af en kollega"):
        format_settings.save_format(engine, format_id, {**mine, "follow_up_days": "21"})
    now = format_settings.format_form_values(engine, format_id)
    assert (now["min_staff"], now["follow_up_days"]) == ("3", mine["follow_up_days"])

    # Opened again, the change goes through; a save that changed nothing refuses nobody.
    format_settings.save_format(engine, format_id, {**now, "follow_up_days": "21"})
    again = format_settings.format_form_values(engine, format_id)
    format_settings.save_format(engine, format_id, again)
    format_settings.save_format(engine, format_id, {**again, "name": again["name"] + " (ny)"})
    assert format_settings.format_form_values(engine, format_id)["follow_up_days"] == "21"


def first_format_id(engine: Engine) -> int:
    with session_scope(engine) as session:
        found = session.scalars(select(TripFormat.id).order_by(TripFormat.id)).first()
    assert found is not None
    return found


@pytest.mark.postgresql_only
def test_two_colleagues_ending_one_outcome_at_once_end_it_once(demo_engine: Engine) -> None:
    """The second waits for the first's lock, then finds the outcome ended: not overwritten."""
    with session_scope(demo_engine) as session:
        citizen_id = session.scalars(select(Citizen.id).order_by(Citizen.id)).first()
    assert citizen_id is not None
    start = TODAY - timedelta(days=60)
    outcome_id = outcomes.add_outcome(
        demo_engine, outcomes.NewOutcome(citizen_id, OutcomeKind.PAID_HOURS, start)
    )
    first_end = TODAY - timedelta(days=10)
    finished: list[BaseException | None] = []
    with demo_engine.connect() as colleague:
        colleague.execute(
            text("SELECT id FROM outcome WHERE id = :id FOR UPDATE"), {"id": outcome_id}
        )
        colleague.execute(
            text("UPDATE outcome SET end_date = :end WHERE id = :id"),
            {"end": first_end, "id": outcome_id},
        )

        def end_it() -> None:
            try:
                outcomes.end_outcome(demo_engine, outcome_id, TODAY)
                finished.append(None)
            except BaseException as exc:  # handed to the test's thread
                finished.append(exc)

        mine = threading.Thread(target=end_it)
        mine.start()
        mine.join(timeout=0.5)
        assert mine.is_alive(), "the second colleague's end did not wait for the first's"
        colleague.commit()
    mine.join(timeout=10)
    assert len(finished) == 1 and isinstance(finished[0], UserError)
    assert "allerede afsluttet" in finished[0].message
    with session_scope(demo_engine) as session:
        row = session.get(Outcome, outcome_id)
        assert row is not None and row.end_date == first_end
