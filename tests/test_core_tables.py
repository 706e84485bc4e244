"""The Core clauses the home screen reads before the models load match the models' tables."""

import pytest
from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql import TableClause

from storage import core_tables, models
from storage.column_types import CodeColumn, UTCDateTime


@pytest.mark.parametrize("clause", core_tables.TABLES, ids=lambda clause: clause.name)
def test_each_core_column_is_a_column_of_the_models_table_with_its_type(
    clause: TableClause,
) -> None:
    table = models.SQLModel.metadata.tables[clause.name]
    assert isinstance(table, Table)
    for column in clause.columns:
        assert column.name in table.columns, f"{clause.name}.{column.name}"
        real = table.columns[column.name].type
        where = f"{clause.name}.{column.name}"
        if type(real).__name__ == "UTCDateTime":  # SQLModel's, which reads moments in UTC
            assert isinstance(column.type, UTCDateTime), where
        elif isinstance(real, CodeColumn):
            assert isinstance(column.type, CodeColumn), where
            assert column.type.enum_cls is real.enum_cls, where
        else:  # the models' strings are SQLModel's AutoString, which reads back as a String
            assert not isinstance(column.type, CodeColumn), where
            assert column.type._type_affinity is real._type_affinity, where


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.dialect()], ids=["sqlite", "pg"])
def test_the_qualifying_rule_reads_the_same_over_the_core_and_the_model_columns(
    dialect: object,
) -> None:
    """The same SQL text: SQLite matches a query to the partial index by its condition."""

    def rendered(condition: object) -> str:
        return str(condition.compile(dialect=dialect))  # type: ignore[attr-defined]

    assert rendered(core_tables.company_qualifies()) == rendered(models.company_qualifies())


def test_a_moment_is_read_back_in_utc_as_the_models_read_it() -> None:
    from datetime import UTC, datetime, timedelta, timezone

    moment = UTCDateTime()
    dialect = sqlite.dialect()
    naive = datetime(2026, 12, 3, 9, 30)
    assert moment.process_result_value(naive, dialect) == naive.replace(tzinfo=UTC)
    copenhagen = datetime(2026, 12, 3, 10, 30, tzinfo=timezone(timedelta(hours=1)))
    read = moment.process_result_value(copenhagen, dialect)
    assert read is not None and read.tzinfo is UTC and read == copenhagen
    assert moment.process_result_value(None, dialect) is None
    assert moment.process_bind_param(copenhagen, dialect) == copenhagen.astimezone(UTC)
    with pytest.raises(ValueError):
        moment.process_bind_param(naive, dialect)
