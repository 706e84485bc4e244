"""Trip formats as data under Indstillinger: the days to the follow-up after the trip."""

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine
from textual.widgets import DataTable, Input, Static

from rfk_trips.i18n.catalogue import set_language
from rfk_trips.rules.errors import UserError
from rfk_trips.trips import format_settings
from screens.config.settings import SettingsScreen
from screens.dialogs.confirm import ConfirmModal
from screens.dialogs.record_form import RecordFormScreen
from storage.models import TripFormat
from storage.sessions import session_scope
from tests.pilot_helpers import SIZE, clear_input, settle, start, type_text

FIELD = "follow_up_days"


def first_format_id(engine: Engine) -> int:
    with session_scope(engine) as session:
        found = session.scalars(select(TripFormat.id).order_by(TripFormat.id)).first()
    assert found is not None
    return found


def stored_days(engine: Engine, format_id: int) -> int:
    with session_scope(engine) as session:
        row = session.get(TripFormat, format_id)
        assert row is not None
        return row.follow_up_days


def test_the_form_shows_and_saves_the_days_to_the_follow_up(engine: Engine) -> None:
    format_id = first_format_id(engine)
    values = format_settings.format_form_values(engine, format_id)
    assert values[FIELD] == "14"
    assert FIELD in {field.key for field in format_settings.FORMAT_FORM}

    format_settings.save_format(engine, format_id, {**values, FIELD: " 7 "})

    assert stored_days(engine, format_id) == 7
    assert format_settings.format_form_values(engine, format_id)[FIELD] == "7"


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("", "Dage til opfølgning efter turen skal udfyldes."),
        ("to uger", "Dage til opfølgning efter turen skal være et helt tal."),
        ("7,5", "Dage til opfølgning efter turen skal være et helt tal."),
        ("0", "Skriv et helt antal dage fra 1 til 365, fx 14."),
        ("-3", "Skriv et helt antal dage fra 1 til 365, fx 14."),
        ("366", "Skriv et helt antal dage fra 1 til 365, fx 14."),
    ],
)
def test_days_outside_1_to_365_are_refused_under_the_field(
    engine: Engine, typed: str, sentence: str
) -> None:
    format_id = first_format_id(engine)
    values = format_settings.format_form_values(engine, format_id)

    with pytest.raises(UserError) as caught:
        format_settings.save_format(engine, format_id, {**values, FIELD: typed})

    assert caught.value.field_errors == {FIELD: sentence}
    assert stored_days(engine, format_id) == 14  # nothing saved


def test_the_edges_of_the_range_are_accepted(engine: Engine) -> None:
    format_id = first_format_id(engine)
    for days in (1, 365):
        # Loaded anew for each save: a second save from one loaded form is refused as stale.
        values = format_settings.format_form_values(engine, format_id)
        format_settings.save_format(engine, format_id, {**values, FIELD: str(days)})
        assert stored_days(engine, format_id) == days


def test_the_refusal_reads_in_english_too(engine: Engine) -> None:
    format_id = first_format_id(engine)
    values = format_settings.format_form_values(engine, format_id)
    set_language("en")
    with pytest.raises(UserError) as caught:
        format_settings.save_format(engine, format_id, {**values, FIELD: "400"})
    assert caught.value.field_errors == {
        FIELD: "Write a whole number of days from 1 to 365, e.g. 14."
    }


async def test_f7_edits_a_formats_days_to_the_follow_up(db_path: Path, engine: Engine) -> None:
    format_id = first_format_id(engine)
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f7")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        table = screen.query_one("#formats", DataTable)
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("enter")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RecordFormScreen)
        label = str(form.query_one(f"#field-{FIELD}").query_one(Static).render())
        assert "Dage til opfølgning efter turen" in label
        field = form.query_one(f"#input-{FIELD}", Input)
        assert field.value == "14"

        # Out of range: refused under the field, the form stays open, nothing saved.
        field.focus()
        await clear_input(pilot)
        await type_text(pilot, "400")
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is form
        error = form.query_one(f"#error-{FIELD}", Static)
        assert error.has_class("shown")
        assert str(error.render()) == "Skriv et helt antal dage fra 1 til 365, fx 14."
        assert stored_days(engine, format_id) == 14

        field.focus()
        await clear_input(pilot)
        await type_text(pilot, "7")
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is screen
    assert stored_days(engine, format_id) == 7


async def test_f7_sets_the_retention_period_for_the_database(db_path: Path, engine: Engine) -> None:
    from rfk_trips.privacy.retention import retention_months

    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f7")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        field = screen.query_one("#retention", Input)
        error = screen.query_one("#retention-error", Static)
        assert field.value == "24"  # the default, as stored for everyone

        # Not a number, then out of range: refused beside the field, nothing saved.
        field.focus()
        await clear_input(pilot)
        await type_text(pilot, "ét")
        await pilot.press("enter")
        await settle(app, pilot)
        assert error.has_class("shown")
        assert str(error.render()) == (
            "Skriv slettefristen som et helt antal måneder, fx 24 – ikke »ét«."
        )
        await clear_input(pilot)
        await type_text(pilot, "0")
        await pilot.press("enter")
        await settle(app, pilot)
        assert str(error.render()) == "Slettefristen skal være mellem 1 og 240 måneder, ikke 0."
        assert retention_months(engine) == 24

        await clear_input(pilot)
        await type_text(pilot, "36")
        await pilot.press("enter")
        await settle(app, pilot)
        assert not error.has_class("shown")
        assert retention_months(engine) == 36  # longer: saved at once
        assert "Slettefristen er gemt: 36 måneder." in [n.message for n in app._notifications]

        # Typed and left without Enter: not saved, and it says so.
        await clear_input(pilot)
        await type_text(pilot, "1")
        await pilot.press("tab")
        await settle(app, pilot)
        assert str(error.render()) == "Ikke gemt: tryk Enter i feltet for at gemme slettefristen."
        assert retention_months(engine) == 36

        # Shorter: asked first, with "Nej" focused; Nej keeps it, Ja saves it.
        field.focus()
        await clear_input(pilot)
        await type_text(pilot, "12")
        await pilot.press("enter")
        await settle(app, pilot)
        modal = app.screen
        assert isinstance(modal, ConfirmModal)
        question = str(modal.query_one("#confirm-question", Static).render())
        assert question.startswith("Slettefristen sænkes fra 36 til 12 måneder. Så har 0 borgere")
        assert modal.focused is not None and modal.focused.id == "no"
        await pilot.press("enter")  # Nej
        await settle(app, pilot)
        assert app.screen is screen
        assert retention_months(engine) == 36
        field.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("shift+tab", "enter")  # Ja
        await settle(app, pilot)
        assert retention_months(engine) == 12


async def test_a_format_saved_by_a_colleague_while_the_form_is_open_is_not_overwritten(
    db_path: Path, engine: Engine
) -> None:
    format_id = first_format_id(engine)
    app = start(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f7")
        await settle(app, pilot)
        table = app.screen.query_one("#formats", DataTable)
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("enter")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RecordFormScreen)

        # A colleague changes the same format while the form is open.
        theirs = format_settings.format_form_values(engine, format_id)
        format_settings.save_format(engine, format_id, {**theirs, "min_staff": "3"})

        field = form.query_one(f"#input-{FIELD}", Input)
        field.focus()
        await clear_input(pilot)
        await type_text(pilot, "21")
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is form  # not saved, still open, the typing kept
        message = str(form.query_one("#form-message", Static).render())
        assert "ændret af en kollega" in " ".join(message.split())
        assert field.value == "21"
    assert stored_days(engine, format_id) == 14
    with session_scope(engine) as session:
        row = session.get(TripFormat, format_id)
        assert row is not None and row.min_staff == 3
