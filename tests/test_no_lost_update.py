"""A save from a form loaded before a colleague's save is refused, never written over theirs."""

import pytest
from sqlalchemy.engine import Engine

from rfk_trips.registers import citizen_service, company_service, staff_service
from rfk_trips.registers.record_forms import SEEN
from rfk_trips.rules.errors import StaleVersionError
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
