"""FilterChoice and its dialog: typing narrows the choices, arrows and Enter choose one."""

from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.widgets import OptionList, Static

from rfk_trips.i18n.catalogue import set_language
from screens.widgets.filter_choice import MAX_SHOWN, ChoiceDialog, FilterChoice, matching

labels = st.lists(st.text(alphabet="abcæøå ABCÆØÅ", max_size=8), max_size=15)


@given(labels, st.text(alphabet="abcæøå AÆ", max_size=5))
def test_matching_keeps_the_order_and_every_word_typed(names: list[str], typed: str) -> None:
    choices = [(name, index) for index, name in enumerate(names)]
    found = matching(choices, typed)
    assert found == [c for c in choices if c in found]  # in their order, none made up
    for choice in choices:
        holds_all = all(word in choice[0].casefold() for word in typed.casefold().split())
        assert (choice in found) == holds_all


def test_an_empty_search_matches_everything() -> None:
    choices = [("Ærø", 1), ("Østby", 2)]
    assert matching(choices, "  ") == choices
    assert matching(choices, "ærø") == [("Ærø", 1)]


class _Bar(App[None]):
    def __init__(self, choices: list[tuple[str, Any]]) -> None:
        super().__init__()
        self.choices = choices
        self.changes: list[Any] = []

    def compose(self) -> ComposeResult:
        yield FilterChoice("Uge", choices=self.choices, id="week")

    def on_filter_choice_changed(self, event: FilterChoice.Changed) -> None:
        self.changes.append(event.value)


async def test_typing_arrows_and_enter_choose_and_the_line_shows_it() -> None:
    set_language("da")
    app = _Bar([(f"uge {n}", n) for n in range(20, 40)])
    async with app.run_test() as pilot:
        chooser = app.query_one(FilterChoice)
        chooser.focus()
        assert str(chooser.render()) == "Uge ▾"
        # F1 lists the focused widget's keys: in Danish, not as the catalogue's key.
        descriptions = {b.description for _, b, _, _ in app.active_bindings.values()}
        assert "Vælg" in descriptions and "filter.choose" not in descriptions
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("u", "g", "e", "down", "down", "enter")
        await pilot.pause()
        assert chooser.value == 21  # typed text hides "Alle"; the second line was chosen
        assert app.changes == [21]
        assert str(chooser.render()) == "Uge: uge 21 ▾"
        await pilot.press("enter")  # open again: the current choice is highlighted
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert options.highlighted == 2  # after "Alle" and "uge 20"
        await pilot.press("escape")
        await pilot.pause()
        assert chooser.value == 21 and app.changes == [21]


async def test_a_long_list_shows_the_first_and_says_how_many_more_typing_finds() -> None:
    set_language("da")
    app = _Bar([(f"Sagsbehandler {n:04}", n) for n in range(2500)])
    async with app.run_test() as pilot:
        app.query_one(FilterChoice).focus()
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert dialog.query_one(OptionList).option_count == MAX_SHOWN + 1  # with "Alle"
        assert "Viser 200 af 2500" in str(dialog.query_one("#choice-more", Static).render())
        await pilot.press(*"2499")
        await pilot.pause()
        assert dialog.shown == [("Sagsbehandler 2499", 2499)]
        await pilot.press(*"x")
        await pilot.pause()
        assert dialog.shown == []
        assert "Intet passer" in str(dialog.query_one("#choice-more", Static).render())
