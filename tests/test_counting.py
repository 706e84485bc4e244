"""A list's count that stops past a limit (rfk_trips.registers.paging.count_query), and the list
screen that says "over N" then, pages on past it, and counts exactly below it."""

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from textual.widgets import DataTable, Static

from rfk_trips.registers import citizen_service, company_service, staff_service
from rfk_trips.registers.citizen_service import CitizenFilter
from rfk_trips.registers.company_service import CompanyFilter
from rfk_trips.registers.paging import PAGE_SIZE
from rfk_trips.registers.staff_service import StaffFilter
from screens.registers import register_screen, register_specs
from tests.conftest import TODAY
from tests.pilot_helpers import open_register, row_keys, settle, start, static_text

SIZE = (140, 45)


def test_a_count_stops_one_past_at_most_and_is_exact_below_it(demo_engine: Engine) -> None:
    counts = {
        "citizens": lambda **k: citizen_service.count_citizens(demo_engine, CitizenFilter(), **k),
        "companies": lambda **k: company_service.count_companies(
            demo_engine, CompanyFilter(), today=TODAY, **k
        ),
        "staff": lambda **k: staff_service.count_staff(demo_engine, StaffFilter(), **k),
        "searched": lambda **k: citizen_service.count_citizens(
            demo_engine, CitizenFilter(text="an"), **k
        ),
    }
    for name, count in counts.items():
        total = count()
        assert total > 2, name
        for at_most in (0, 1, total - 1, total, total + 10):
            assert count(at_most=at_most) == min(total, at_most + 1), (name, at_most)


async def test_a_list_past_the_limit_says_over_and_still_pages_on(
    db_path: Path, demo_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    active = company_service.count_companies(demo_engine, CompanyFilter(), today=TODAY)
    at_most = PAGE_SIZE // 2
    assert active > PAGE_SIZE + at_most
    monkeypatch.setattr(register_specs, "COUNT_AT_MOST", at_most)
    monkeypatch.setattr(register_screen, "COUNT_AT_MOST", at_most)
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(app, pilot, "f3")
        summary = screen.query_one("#summary", Static)
        assert static_text(summary).startswith(f"Viser 1–{PAGE_SIZE} af over {at_most}.")
        first = row_keys(screen)
        screen.query_one("#table", DataTable).focus()
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        # A full first page had a next one, though the count stopped before its end.
        assert not set(row_keys(screen)) & set(first)
        assert static_text(summary).startswith(f"Viser {PAGE_SIZE + 1}–")
        assert "af over" in static_text(summary)
        # Below the limit the count is exact again.
        await pilot.press("slash")
        for character in "nak":
            await pilot.press(character)
        await settle(app, pilot)
        matching = company_service.count_companies(
            demo_engine, CompanyFilter(text="nak"), today=TODAY
        )
        assert matching <= at_most
        assert static_text(summary).startswith(f"Viser 1–{matching} af {matching}.")


def test_numbers_are_written_as_the_language_writes_them() -> None:
    from rfk_trips.i18n.catalogue import get_language, number, set_language

    before = get_language()
    try:
        set_language("da")
        assert [number(n) for n in (7, 999, 10_000, 1_234_567)] == [
            "7",
            "999",
            "10.000",
            "1.234.567",
        ]
        set_language("en")
        assert number(10_000) == "10,000"
    finally:
        set_language(before)
