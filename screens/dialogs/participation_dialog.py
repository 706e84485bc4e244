"""One participant's transport and preparation (R20, R22): the trip editor's Enter on the group.

Checked here as it is typed (`participation_details.parse_details`), so a mistake is shown
in the dialog, beside its field; the editor saves what it hands back in one change.
"""

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select, Static

from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError
from rfk_trips.trips.participation_details import parse_details
from screens.dialogs.trip_dialogs import FormDialog
from screens.widgets.text_input import TextInput

_YES_NO_FIELDS = ("transport_allowance", "unsure", "prepared")
_TEXT_FIELDS = ("transport_amount", "pickup_place", "pickup_time", "travel_minutes")


class ParticipationDialog(FormDialog[dict[str, str]]):
    def __init__(self, name: str, values: dict[str, str]) -> None:
        super().__init__()
        self.person = name
        self.values = values

    def _yes_no(self, key: str) -> Select[str]:
        yes, no = t("common.yes").lower(), t("common.no").lower()
        return Select(
            [(t("common.yes"), yes), (t("common.no"), no)],
            value=self.values.get(key) or no,
            allow_blank=False,
            id=f"participation-{key}",
        )

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small-dialog", id="participation-dialog"):
            yield Static(
                t("participation.title", name=self.person), classes="dialog-title", markup=False
            )
            yield Static("", id="dialog-error", classes="field-error", markup=False)
            with Horizontal(classes="pair"):
                with Vertical():
                    yield Label(t("participation.allowance"))
                    yield self._yes_no("transport_allowance")
                with Vertical():
                    yield Label(t("participation.amount"))
                    yield TextInput(
                        self.values["transport_amount"], id="participation-transport_amount"
                    )
            with Horizontal(classes="pair"):
                with Vertical():
                    yield Label(t("participation.pickup_place"))
                    yield TextInput(self.values["pickup_place"], id="participation-pickup_place")
                with Vertical():
                    yield Label(t("participation.pickup_time"))
                    yield TextInput(
                        self.values["pickup_time"],
                        placeholder="08:05",
                        id="participation-pickup_time",
                    )
            yield Label(t("participation.travel_minutes"))
            yield TextInput(self.values["travel_minutes"], id="participation-travel_minutes")
            with Horizontal(classes="pair"):
                with Vertical():
                    yield Label(t("participation.unsure"))
                    yield self._yes_no("unsure")
                with Vertical():
                    yield Label(t("participation.prepared"))
                    yield self._yes_no("prepared")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#participation-transport_allowance", Select).focus()

    def typed(self) -> dict[str, str]:
        values = {
            key: str(self.query_one(f"#participation-{key}", Select).value)
            for key in _YES_NO_FIELDS
        }
        values.update(
            {key: self.query_one(f"#participation-{key}", Input).value for key in _TEXT_FIELDS}
        )
        return values

    def action_submit(self) -> None:
        values = self.typed()
        try:
            parse_details(values)
        except UserError as exc:
            self.show_error("\n".join(exc.details or [exc.message]))
            return
        self.dismiss(values)
