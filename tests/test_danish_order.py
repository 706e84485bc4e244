"""Names in Danish order: the sort key, and the lists that read by it."""

import importlib
from collections.abc import Callable
from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.engine import Engine
from sqlmodel import select

from rfk_trips.registers import citizen_service, company_service, staff_service
from rfk_trips.registers.citizen_service import CitizenFilter
from rfk_trips.registers.company_service import CompanyFilter
from rfk_trips.registers.staff_service import StaffFilter
from storage.codes import StaffRole
from storage.models import Citizen, Company, Staff
from storage.search_text import sort_key
from storage.sessions import session_scope

DANISH_LETTERS = "abcdefghijklmnopqrstuvwxyzæøå"
# As a Danish reader expects them: word by word, Æ Ø Å after Z, "Aa" as Å, accents aside.
IN_ORDER = [
    "3F Lolland",
    "Anders Berg",
    "anne",
    "Anne Hansen",
    "Annette",
    "Émile Dupont",
    "Hans-Peter Kjær",
    "Hansen",
    "Müller",
    "Zebra",
    "Ärlig",
    "Ærø Smed",
    "Ølby Tømrer",
    "Østergaard ApS",
    "Aabenraa Is",
    "Åse Ørum",
]

names = st.text(alphabet=DANISH_LETTERS + DANISH_LETTERS.upper() + " -éü0123456789", max_size=12)


def test_the_names_sort_as_a_danish_reader_expects() -> None:
    assert sorted(reversed(IN_ORDER), key=sort_key) == IN_ORDER
    # What binary order did: Å before Æ, lower case after every capital.
    assert sorted(IN_ORDER) != IN_ORDER


@given(st.sampled_from(DANISH_LETTERS), st.sampled_from(DANISH_LETTERS))
def test_letters_follow_the_danish_alphabet(first: str, second: str) -> None:
    if first == "a" and second == "a":
        return  # "aa" is å
    order = DANISH_LETTERS.index(first) < DANISH_LETTERS.index(second)
    assert (sort_key(first) < sort_key(second)) == order
    assert (sort_key(first + "x") < sort_key(second + "x")) == order


@given(names)
def test_case_and_composition_make_no_difference(name: str) -> None:
    import unicodedata

    assert sort_key(name.upper()) == sort_key(name.lower())
    assert sort_key(unicodedata.normalize("NFD", name)) == sort_key(name)


@given(names, names)
def test_a_name_comes_before_longer_names_it_begins(name: str, more: str) -> None:
    assert sort_key(name.strip()) <= sort_key(name.strip() + " " + more)


@given(names)
def test_the_key_is_digits_which_every_collation_orders_alike(name: str) -> None:
    # Letters would not do: a Danish collation (PostgreSQL's da_DK) reads "aa" as "å".
    key = sort_key(name)
    assert set(key) <= set("0123456789")
    assert len(key) % 2 == 0


def test_marks_are_ignored_and_hyphens_are_spaces() -> None:
    assert sort_key("A/S Smed") == sort_key("A S Smed")
    assert sort_key("Hans-Peter") == sort_key("Hans Peter")
    assert sort_key("Smed & Søn") == sort_key("Smed Søn")
    assert sort_key("Café") == sort_key("cafe")
    # Letters without a decomposition sort as the letters they resemble, not as nothing.
    assert sort_key("Łukasz") == sort_key("Lukasz")
    assert sort_key("Þór") == sort_key("Thór")
    assert sort_key("Œrsted") == sort_key("Ørsted")
    assert sort_key("Smed\tSøn") == sort_key("Smed  Søn") == sort_key(" Smed Søn ")


def _add_named(engine: Engine, model: type, **fields: object) -> None:
    with session_scope(engine) as session:
        for number, name in enumerate(reversed(IN_ORDER)):
            if model is Staff:
                session.add(
                    Staff(name=name, initials=f"Q{number}", role=StaffRole.JOB_BROKER, **fields)
                )
            else:
                session.add(model(name=name, **fields))


def test_the_registers_list_in_danish_order(engine: Engine) -> None:
    _add_named(engine, Company)
    _add_named(engine, Citizen)
    _add_named(engine, Staff)
    companies = company_service.company_rows(engine, CompanyFilter(), today=date(2026, 12, 3))
    citizens = citizen_service.citizen_rows(engine, CitizenFilter())
    staff = staff_service.staff_rows(engine, StaffFilter())
    assert [row.name for row in companies] == IN_ORDER
    assert [row.name for row in citizens] == IN_ORDER
    assert [row.name for row in staff if row.name in IN_ORDER] == IN_ORDER


def test_a_renamed_record_moves_to_its_new_place(engine: Engine) -> None:
    _add_named(engine, Company)
    with session_scope(engine) as session:
        company = session.exec(select(Company).where(Company.name == "Zebra")).one()
        company.name = "Åbo Zebra"
    companies = company_service.company_rows(engine, CompanyFilter(), today=date(2026, 12, 3))
    assert [row.name for row in companies][-2:] == ["Åbo Zebra", "Åse Ørum"]


def _migration_sort_key() -> Callable[[str], str]:
    # The newest migration that writes the keys (0014; 0013 wrote them in letters).
    module = importlib.import_module("storage.migrations.versions.0014_sort_key_digits")
    return module._sort_key  # type: ignore[no-any-return]


@given(st.text(max_size=20) | names)
def test_the_migration_keys_existing_rows_as_the_models_key_new_ones(name: str) -> None:
    assert _migration_sort_key()(name) == sort_key(name)
