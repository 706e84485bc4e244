"""Register services behind the forms: what a form is filled with must be what it offers."""

from sqlalchemy.engine import Engine

from rfk_trips import citizen_service, staff_service
from storage.models import Citizen
from storage.sessions import session_scope
from tests.conftest import TODAY


def _caseworker(engine: Engine) -> tuple[int, str]:
    staff_id = staff_service.save_staff(
        engine,
        None,
        {"navn": "Hanne Holm", "initialer": "hh", "rolle": "Sagsbehandler"},
        today=TODAY,
    )
    return staff_id, dict(staff_service.staff_choices(engine))[staff_id]


def _caseworker_id(engine: Engine, citizen_id: int) -> int | None:
    with session_scope(engine) as session:
        citizen = session.get(Citizen, citizen_id)
        assert citizen is not None
        return citizen.caseworker_id


def test_the_picker_label_of_a_caseworker_is_saved_as_that_caseworker(engine: Engine) -> None:
    staff_id, picker_label = _caseworker(engine)
    assert picker_label == "Hanne Holm (HH)"
    citizen_id = citizen_service.save_citizen(
        engine, None, {"navn": "Ib Holm", "sagsbehandler": picker_label}, today=TODAY
    )
    assert _caseworker_id(engine, citizen_id) == staff_id
    # Saving the form as it is loaded keeps the caseworker.
    values = citizen_service.citizen_form_values(engine, citizen_id)
    assert citizen_service.save_citizen(engine, citizen_id, values, today=TODAY) == citizen_id
    assert _caseworker_id(engine, citizen_id) == staff_id


def test_a_citizens_form_shows_the_caseworker_as_the_picker_offers_it(engine: Engine) -> None:
    _, picker_label = _caseworker(engine)
    citizen_id = citizen_service.save_citizen(
        engine, None, {"navn": "Ib Holm", "sagsbehandler": "HH"}, today=TODAY
    )
    values = citizen_service.citizen_form_values(engine, citizen_id)
    offered = [name for _, name in staff_service.staff_choices(engine)]
    assert values["sagsbehandler"] == picker_label
    assert values["sagsbehandler"] in offered
