"""Column types that keep codes readable in the database file."""

from enum import StrEnum
from typing import Any

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class CodeColumn(TypeDecorator[StrEnum]):
    """Stores a `StrEnum` by its value (not its Python name) and reads it back as the enum.

    SQLAlchemy's own Enum stores member names, which would tie the data to Python
    identifiers; the value is the stable code that exports and imports also use.
    """

    impl = String(40)
    cache_ok = True

    def __init__(self, enum_cls: type[StrEnum]) -> None:
        super().__init__()
        self.enum_cls = enum_cls

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return self.enum_cls(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> StrEnum | None:
        if value is None:
            return None
        return self.enum_cls(value)
