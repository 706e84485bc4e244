"""Revisionslog by keys: the newest lines, one citizen's lines, read-outs only; initials set."""

from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from textual.widgets import DataTable, Input, Static

from rfk_trips.app.application import make_app
from rfk_trips.config.preferences import load_preferences
from screens.privacy.audit_log import AuditLogScreen
from storage import actor, audit
from storage.models import Citizen
from storage.sessions import session_scope
from tests.database_choice import url_for
from tests.pilot_helpers import settle


def _world(engine: Engine) -> tuple[int, int]:
    with session_scope(engine) as session:
        mine, other = Citizen(name="Anna Ager"), Citizen(name="Bo Bæk")
        session.add_all([mine, other])
    assert mine.id is not None and other.id is not None
    with session_scope(engine) as session:
        audit.record_readout(
            session, "export", "citizens", detail="borgere.csv", citizen_ids=[mine.id, other.id]
        )
        audit.record_readout(
            session, "print", "staff", detail="ark.pdf", entity_id=1, citizen_ids=[other.id]
        )
    return mine.id, other.id


def _cells(table: DataTable[Any], column: str) -> list[str]:
    return [str(table.get_cell(key, column)) for key in table.rows]


async def test_open_filter_by_citizen_and_read_outs_only(engine: Engine, db_path: Path) -> None:
    mine, _other = _world(engine)
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f11")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, AuditLogScreen)
        table = screen.query_one("#audit-lines", DataTable)
        assert _cells(table, "action")[:4] == ["udskrevet", "eksporteret", "oprettet", "oprettet"]
        assert _cells(table, "record")[0] == "personaleark, tur 1"

        screen.query_one("#audit-citizen", Input).focus()
        await pilot.press(*str(mine), "enter")
        await settle(app, pilot)
        assert _cells(table, "action") == ["eksporteret", "oprettet"]
        assert _cells(table, "record") == ["borgere", f"borger {mine}"]
        assert _cells(table, "citizens") == ["2 borgere", ""]

        await pilot.press("ctrl+o")
        await settle(app, pilot)
        assert _cells(table, "action") == ["eksporteret"]
        assert _cells(table, "fields") == ["borgere.csv"]

        field = screen.query_one("#audit-citizen", Input)
        field.value = ""
        field.focus()
        await pilot.press(*"tolv", "enter")
        await settle(app, pilot)
        status = str(screen.query_one("#audit-status", Static).render())
        assert "helt tal" in status
        assert table.row_count == 1  # the last good selection stays


async def test_initials_typed_in_settings_are_saved_and_used(engine: Engine, db_path: Path) -> None:
    app = make_app(database_url=url_for(db_path))
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f7")
        await settle(app, pilot)
        field = app.screen.query_one("#initials", Input)
        field.focus()
        await pilot.press(*"ab", "enter")
        await settle(app, pilot)
    assert load_preferences().initials == "ab"
    assert actor.current_actor() == "ab"
