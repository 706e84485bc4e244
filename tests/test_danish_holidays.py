"""The own Danish holiday rule agrees with the `holidays` package, year by year."""

from datetime import date

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rfk_trips.rules.danish_holidays import closing_days, holiday_name, official_holidays


@pytest.mark.parametrize("year", range(2015, 2041))
def test_official_holidays_match_the_holidays_package(year: int) -> None:
    expected = {day for day in holidays.country_holidays("DK", years=year)}
    assert set(official_holidays(year)) == expected


def test_store_bededag_only_before_2024() -> None:
    assert holiday_name(date(2023, 5, 5)) == "Store bededag"
    assert holiday_name(date(2024, 4, 26)) is None


def test_closing_days_are_named_but_not_official() -> None:
    assert holiday_name(date(2026, 6, 5)) == "Grundlovsdag"
    assert holiday_name(date(2026, 12, 24)) == "Juleaftensdag"
    assert date(2026, 12, 31) in closing_days(2026)
    assert date(2026, 12, 31) not in official_holidays(2026)


def test_ordinary_day_has_no_name() -> None:
    assert holiday_name(date(2026, 12, 8)) is None


def test_the_program_runs_without_the_holidays_package() -> None:
    """`holidays` is a test dependency only (README, Dependencies): nothing the program
    imports may need it."""
    import subprocess
    import sys

    code = """
import importlib, pkgutil, sys
sys.modules["holidays"] = None  # from here on, importing it fails
names = []
for package in ("rfk_trips", "screens", "storage"):
    for found in pkgutil.walk_packages(importlib.import_module(package).__path__, package + "."):
        # Alembic runs the migrations itself; __main__ would start the program.
        if not found.name.startswith("storage.migrations") and not found.name.endswith("__main__"):
            importlib.import_module(found.name)
            names.append(found.name)
print(len(names))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 100  # every module of the program was imported


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_the_example_date_is_a_weekday_about_a_week_ahead(today: date) -> None:
    from rfk_trips.rules.danish_dates import example_date

    example = example_date(today)
    assert example.weekday() < 5
    assert holiday_name(example) is None
    # Christmas and Easter add a few days at most.
    assert 7 <= (example - today).days <= 12


def test_the_example_date_skips_christmas() -> None:
    from rfk_trips.rules.danish_dates import example_date

    assert example_date(date(2026, 12, 17)) == date(2026, 12, 28)  # not 24th, 25th, 26th
