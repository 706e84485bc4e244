"""R05 read twice, held equal: the SQL that finds qualifying hosts and the Python rule.

The SQL (`storage.company_criteria`, over real SQLite rows) once offered a company whose only
task was blank as a host, and the rule (`rfk_trips.rules.company`) then flagged it as not
qualified. Both are built from `storage.host_criteria`; these tests keep them meaning the same.
"""

import sys
from collections.abc import Sequence
from dataclasses import fields
from itertools import product

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import and_, delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from rfk_trips.rules.company import Criterion, HostFacts, criteria_met, qualifies
from storage import company_criteria
from storage.host_criteria import BLANK, CRITERIA, is_a_task
from storage.models import Company, company_has_tasks, company_qualifies
from storage.sessions import session_scope

# (placement_experience, social_responsibility, labour_shortage, archived, tasks)
Row = tuple[bool, bool, bool, bool, list[str]]

TASK_LISTS: list[list[str]] = [
    [],
    [""],
    ["   "],
    ["\u3000\t\n", "\xa0"],
    ["lager"],
    ["", "  pakning  "],
    ["\u200b"],  # a zero-width space is not whitespace to Python: a (strange) task
]

# Any character but NUL, which no task can hold: SQLite's JSON functions end a string at it
# and PostgreSQL refuses it in text, and an import refuses every control character
# (`rfk_trips.exchange.import_checks`).
any_character = st.characters(exclude_characters="\x00")
blank_text = st.text(alphabet=st.sampled_from(BLANK), min_size=1, max_size=4)
task_text = st.one_of(
    st.just(""),
    blank_text,
    st.builds(
        lambda pad, word, end: pad + word + end,
        blank_text,
        st.text(any_character, min_size=1, max_size=6),
        blank_text,
    ),
    st.text(any_character, max_size=8),
)
company_row = st.tuples(
    st.booleans(), st.booleans(), st.booleans(), st.booleans(), st.lists(task_text, max_size=3)
)


def _store(engine: Engine, rows: Sequence[Row]) -> dict[int, HostFacts]:
    """The rows as companies in the database, and as the facts the rules read of each."""
    with session_scope(engine) as session:
        session.execute(delete(Company))
        stored = []
        for number, (experience, social, shortage, archived, tasks) in enumerate(rows):
            company = Company(
                name=f"Virksomhed {number}",
                placement_experience=experience,
                social_responsibility=social,
                labour_shortage=shortage,
                archived=archived,
                tasks=list(tasks),
            )
            session.add(company)
            stored.append(company)
        session.flush()
        ids = [company.id or 0 for company in stored]
    facts = {}
    with session_scope(engine) as session:
        for company in session.scalars(select(Company).where(col(Company.id).in_(ids))):
            facts[company.id or 0] = HostFacts(
                company_id=company.id or 0,
                name=company.name,
                placement_experience=company.placement_experience,
                social_responsibility=company.social_responsibility,
                labour_shortage=company.labour_shortage,
                tasks=tuple(company.tasks),
                archived=company.archived,
            )
    return facts


def _ids(engine: Engine, *conditions: ColumnElement[bool]) -> set[int]:
    with engine.connect() as conn:
        return set(conn.scalars(select(col(Company.id)).where(*conditions)))


def _assert_sql_reads_as_the_rule(engine: Engine, rows: Sequence[Row]) -> None:
    facts = _store(engine, rows)
    active = col(Company.archived).is_(False)
    # The host lists and the home screen's count: active and qualifying.
    assert _ids(engine, active, company_qualifies()) == {
        company_id for company_id, host in facts.items() if qualifies(host)
    }
    # The register's filters, archived or not: qualifying, not qualifying, by the task criterion.
    meets_any = {company_id for company_id, host in facts.items() if criteria_met(host)}
    assert _ids(engine, company_qualifies()) == meets_any
    assert _ids(engine, ~company_qualifies()) == set(facts) - meets_any
    shortage = col(Company.labour_shortage).is_(True)
    assert _ids(engine, and_(shortage, company_has_tasks())) == {
        company_id
        for company_id, host in facts.items()
        if Criterion.LABOUR_SHORTAGE_WITH_TASKS in criteria_met(host)
    }
    # The partial index's condition may let more through, never fewer.
    indexed = company_criteria.indexed(
        col(Company.placement_experience),
        col(Company.social_responsibility),
        col(Company.labour_shortage),
        col(Company.tasks),
    )
    assert _ids(engine, indexed) >= meets_any


def test_every_flag_combination_with_every_kind_of_task_list(engine: Engine) -> None:
    rows: list[Row] = [
        (experience, social, shortage, archived, tasks)
        for experience, social, shortage, archived in product((False, True), repeat=4)
        for tasks in TASK_LISTS
    ]
    _assert_sql_reads_as_the_rule(engine, rows)


def test_a_company_whose_only_task_is_blank_is_no_host_in_either(engine: Engine) -> None:
    """The disagreement this file was written for: offered by the SQL, refused by the rule."""
    facts = _store(engine, [(False, False, True, False, [" "]), (False, False, True, False, [])])
    assert not any(qualifies(host) for host in facts.values())
    active = col(Company.archived).is_(False)
    assert _ids(engine, active, company_qualifies()) == set()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(company_row, min_size=1, max_size=6))
@example(rows=[(False, False, True, False, ["\x85"]), (False, False, True, False, ["\x1c x"])])
def test_property_the_sql_and_the_rule_agree_on_every_company(
    engine: Engine, rows: list[Row]
) -> None:
    _assert_sql_reads_as_the_rule(engine, rows)


def test_blank_is_what_python_strips() -> None:
    """SQL's trim is handed `BLANK`; Python's rule must mean the same by a blank task."""
    whitespace = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
    assert whitespace == BLANK
    assert not is_a_task("") and not is_a_task(" \t\u3000") and is_a_task(" lager ")


def test_the_criteria_data_names_the_rules_criteria_and_the_companies_fields() -> None:
    assert [criterion.code for criterion in CRITERIA] == [c.value for c in Criterion]
    host_fields = {field.name for field in fields(HostFacts)}
    flags = company_criteria._flags(1, 2, 3)
    for criterion in CRITERIA:
        assert criterion.flag in host_fields and criterion.flag in Company.model_fields
        assert criterion.flag in flags
    assert len(flags) == len({criterion.flag for criterion in CRITERIA})
