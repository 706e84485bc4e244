"""Register services behind the forms: what a form is filled with must be what it offers."""

from collections.abc import Callable, Mapping
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from rfk_trips.registers import citizen_service, company_service, staff_service
from rfk_trips.registers.lookups import add_municipality
from rfk_trips.registers.record_fields import (
    CITIZEN_FIELDS,
    COMPANY_FIELDS,
    STAFF_FIELDS,
    Lookups,
    ParsedRecord,
    RegisterFields,
    parse_citizen,
    parse_company,
    parse_staff,
)
from rfk_trips.registers.record_forms import (
    CITIZEN_FORM,
    COMPANY_FORM,
    SEEN,
    STAFF_FORM,
    FormField,
)
from rfk_trips.rules.company import Criterion
from rfk_trips.rules.errors import UserError
from storage.models import Citizen, Company
from storage.sessions import session_scope
from tests.conftest import TODAY


def _caseworker(engine: Engine) -> tuple[int, str]:
    staff_id = staff_service.save_staff(
        engine,
        None,
        {"name": "Hanne Holm", "initials": "hh", "role": "Sagsbehandler"},
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
        engine, None, {"name": "Ib Holm", "caseworker": picker_label}, today=TODAY
    )
    assert _caseworker_id(engine, citizen_id) == staff_id
    # Saving the form as it is loaded keeps the caseworker.
    values = citizen_service.citizen_form_values(engine, citizen_id)
    assert citizen_service.save_citizen(engine, citizen_id, values, today=TODAY) == citizen_id
    assert _caseworker_id(engine, citizen_id) == staff_id


def test_a_citizens_form_shows_the_caseworker_as_the_picker_offers_it(engine: Engine) -> None:
    _, picker_label = _caseworker(engine)
    citizen_id = citizen_service.save_citizen(
        engine, None, {"name": "Ib Holm", "caseworker": "HH"}, today=TODAY
    )
    values = citizen_service.citizen_form_values(engine, citizen_id)
    offered = [name for _, name in staff_service.staff_choices(engine)]
    assert values["caseworker"] == picker_label
    assert values["caseworker"] in offered


def test_list_rows_show_what_the_list_needs_and_no_accommodation_text(engine: Engine) -> None:
    lolland = add_municipality(engine, "Lolland", ["lolland"])
    with session_scope(engine) as session:
        session.add_all(
            [
                Citizen(name="Anna Ask", accommodation_needs=""),
                Citizen(name="Bo Bøg", accommodation_needs="  \n\t "),
                Citizen(name="Cai Ceder", accommodation_needs="Tåler ikke trapper",
                        municipality_id=lolland, cohort="Springbrættet uge 2",
                        job_goals=["lager"]),
            ]
        )  # fmt: skip
    rows = citizen_service.citizen_rows(engine, citizen_service.CitizenFilter())
    assert [(r.name, r.has_accommodation_needs) for r in rows] == [
        ("Anna Ask", False),
        ("Bo Bøg", False),
        ("Cai Ceder", True),
    ]
    cai = rows[2]
    assert (cai.municipality, cai.cohort, cai.job_goals) == (
        "Lolland",
        "Springbrættet uge 2",
        ("lager",),
    )
    assert cai.trips_text == "0/2"  # Lolland's format: two trips per citizen
    assert rows[0].trips_text == "0"
    assert "Tåler ikke trapper" not in repr(rows)


def test_company_rows_name_the_criteria_met(engine: Engine) -> None:
    with session_scope(engine) as session:
        session.add_all(
            [
                Company(name="A Anlæg", labour_shortage=True, tasks=["  "]),
                Company(name="B Bageri", labour_shortage=True, tasks=["æltning"]),
                Company(name="C Café", placement_experience=True, social_responsibility=True,
                        ambassador=True),
            ]
        )  # fmt: skip
    rows = company_service.company_rows(engine, company_service.CompanyFilter(), today=TODAY)
    assert [(r.name, r.criteria, r.ambassador) for r in rows] == [
        ("A Anlæg", (), False),
        ("B Bageri", (Criterion.LABOUR_SHORTAGE_WITH_TASKS,), False),
        ("C Café", (Criterion.PLACEMENT_EXPERIENCE, Criterion.SOCIAL_RESPONSIBILITY), True),
    ]
    assert (
        company_service.count_companies(engine, company_service.CompanyFilter(), today=TODAY) == 3
    )


# --- one set of field keys for forms, parsers and files ----------

REGISTERS = [
    pytest.param(COMPANY_FORM, COMPANY_FIELDS, parse_company, id="companies"),
    pytest.param(CITIZEN_FORM, CITIZEN_FIELDS, parse_citizen, id="citizens"),
    pytest.param(STAFF_FORM, STAFF_FIELDS, parse_staff, id="staff"),
]


class _AskedFor(dict[str, str]):
    """An empty row that remembers which keys the parser read."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def get(self, key: str, default: Any = None) -> Any:
        self.asked.append(key)
        return super().get(key, default)


@pytest.mark.parametrize(("form", "fields", "parse"), REGISTERS)
def test_a_form_and_its_parser_use_the_keys_the_files_columns_are_read_into(
    form: tuple[FormField, ...],
    fields: RegisterFields,
    parse: Callable[[Mapping[str, str], Lookups], ParsedRecord],
) -> None:
    row = _AskedFor()
    with pytest.raises(UserError):  # an empty row lacks its name
        parse(row, Lookups())
    assert sorted(row.asked) == sorted(fields.keys) == sorted(f.key for f in form)
    assert all(fields.key_of(fields.column(key)) == key for key in fields.keys)


def test_the_form_values_of_each_register_are_keyed_like_its_form(engine: Engine) -> None:
    staff_id, picker_label = _caseworker(engine)
    citizen_id = citizen_service.save_citizen(
        engine, None, {"name": "Ib Holm", "caseworker": picker_label}, today=TODAY
    )
    company_id = company_service.save_company(engine, None, {"name": "Ølby Stål"}, today=TODAY)
    loaded = [
        (company_service.company_form_values(engine, company_id), COMPANY_FORM),
        (citizen_service.citizen_form_values(engine, citizen_id), CITIZEN_FORM),
        (staff_service.staff_form_values(engine, staff_id), STAFF_FORM),
    ]
    for values, form in loaded:
        # Every field the form shows, and the hidden stamp that refuses a stale save.
        assert set(values) == {f.key for f in form} | {SEEN}
