"""A list filter in one line ("Kommune: Alle ▾"), chosen in a dialog where typing finds.

Textual's Select is five widgets with its whole option list built into the screen: a filter
bar of six made a register list slow to open, and at a large job centre the caseworker and
cohort filters hold thousands of names, too many to scroll through. A `FilterChoice` is one
widget. Its choices are a plain list, or read by a `loader` in a worker when the user opens
it, so they are always those of the moment and cost nothing until then.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError
from screens.widgets.bindings import translate_bindings
from screens.widgets.search_box import SearchBox

Choice = tuple[str, Any]  # (what the user reads, the value the list filters on)
Loader = Callable[[], list[Choice]]

# More rows than a dialog shows are never read by anyone; typing narrows them instead.
MAX_SHOWN = 200


def matching(choices: Sequence[Choice], typed: str) -> list[Choice]:
    """The choices whose label holds every word typed, in their order, case and accents kept."""
    words = typed.casefold().split()
    return [choice for choice in choices if all(w in choice[0].casefold() for w in words)]


class ChoiceDialog(ModalScreen[Choice | None]):
    """Type to narrow the choices, arrows and Enter (or a click) to pick one; Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", show=False),
        Binding("down", "to_list", show=False),
    ]

    def __init__(
        self, title: str, choices: Sequence[Choice], current: Any, *, allow_blank: bool
    ) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.current = current
        self.allow_blank = allow_blank
        self.shown: list[Choice] = []
        self.blank_shown = False  # "Alle" heads the list (only before anything is typed)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="choice-dialog"):
            yield Static(self.title_text, classes="dialog-title")
            yield SearchBox(placeholder=t("filter.find"), id="choice-find")
            yield OptionList(id="choice-list")
            yield Static("", id="choice-more")
            yield Static(t("filter.dialog_keys"), classes="hint")

    def on_mount(self) -> None:
        self._show("")
        self.query_one("#choice-find", Input).focus()

    def _show(self, typed: str) -> None:
        found = matching(self.choices, typed)
        self.shown = found[:MAX_SHOWN]
        options = self.query_one("#choice-list", OptionList)
        options.clear_options()
        self.blank_shown = self.allow_blank and not typed.strip()
        if self.blank_shown:
            options.add_option(Option(t("filter.all")))
        options.add_options(Option(Text(label)) for label, _ in self.shown)
        first = 1 if self.blank_shown else 0
        highlight = 0
        if not typed.strip():
            for index, (_, value) in enumerate(self.shown):
                if value == self.current:
                    highlight = index + first
        options.highlighted = highlight if options.option_count else None
        more = self.query_one("#choice-more", Static)
        if not found:
            more.update(t("filter.none_found"))
        elif len(found) > len(self.shown):
            more.update(t("filter.more", shown=len(self.shown), total=len(found)))
        else:
            more.update("")

    @on(Input.Changed, "#choice-find")
    def typed(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#choice-find")
    def submitted(self) -> None:
        options = self.query_one("#choice-list", OptionList)
        if options.highlighted is not None:
            self._choose(options.highlighted)

    @on(OptionList.OptionSelected, "#choice-list")
    def selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, index: int) -> None:
        if self.blank_shown and index == 0:
            self.dismiss((t("filter.all"), None))
            return
        self.dismiss(self.shown[index - (1 if self.blank_shown else 0)])

    def action_to_list(self) -> None:
        self.query_one("#choice-list", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


class FilterChoice(Widget, can_focus=True):
    """One filter of a list: shows its label and what is chosen; Enter or a click chooses.

    `value` None means no filter ("Alle"), unless `allow_blank` is off. Setting `value`
    posts `Changed`, as choosing in the dialog does.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "choose", "filter.choose", id="filter-choose", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"filter-choice--label"}

    value: reactive[Any] = reactive(None, init=False)

    @dataclass
    class Changed(Message):
        choice: "FilterChoice"
        value: Any

        @property
        def control(self) -> "FilterChoice":
            return self.choice

    def __init__(
        self,
        label: str,
        *,
        choices: Sequence[Choice] = (),
        loader: Loader | None = None,
        value: Any = None,
        allow_blank: bool = True,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        translate_bindings(self)
        self.label = label
        self.allow_blank = allow_blank
        self._loader = loader
        self._choices: list[Choice] = []
        self._labels: dict[Any, str] = {}
        self.set_choices(choices)
        self.set_reactive(FilterChoice.value, value)

    def set_choices(self, choices: Sequence[Choice]) -> None:
        self._choices = list(choices)
        self._labels.update({value: text for text, value in self._choices})
        self.refresh()

    def has_choice(self, value: Any) -> bool:
        return any(option == value for _, option in self._choices)

    def clear(self) -> None:
        self.value = None

    def render(self) -> Text:
        # Nothing chosen shows the label alone, as a Select shows its prompt: the bar is narrow.
        if self.value is None:
            return Text.assemble(self.label, " ▾", no_wrap=True)
        label_style = self.get_component_rich_style("filter-choice--label")
        shown = self._labels.get(self.value, str(self.value))
        return Text.assemble((f"{self.label}: ", label_style), shown, " ▾", no_wrap=True)

    def watch_value(self, value: Any) -> None:
        self.post_message(self.Changed(self, value))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        self.action_choose()

    def action_choose(self) -> None:
        if self._loader is None:
            self._open(self._choices)
        else:
            self._load_and_open(self._loader)

    @work(thread=True, exclusive=True, group="filter-choices")
    def _load_and_open(self, loader: Loader) -> None:
        try:
            choices = loader()
        except UserError as exc:
            self.app.call_from_thread(self.notify, exc.message, severity="error", markup=False)
            return
        self.app.call_from_thread(self._open, choices)

    def _open(self, choices: Sequence[Choice]) -> None:
        self._labels.update({value: text for text, value in choices})

        def chosen(choice: Choice | None) -> None:
            if choice is not None:
                self.value = choice[1]

        dialog = ChoiceDialog(self.label, choices, self.value, allow_blank=self.allow_blank)
        self.app.push_screen(dialog, chosen)
