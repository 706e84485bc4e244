"""The trip editor: details, programme, visits, group, staff and the rule findings.

Every change is saved at once through the domain services (one transaction each, checked
against the version the editor last saw) and the findings are worked out again, so the
rules guide the planner while they compose the trip. Errors block "Bekræft tur" (F9);
warnings can be accepted with a reason.

This is the shell: it keeps the trip (its id, the state and version last read), runs every
change and reads the trip again after it, and holds the keys, the heading and the findings
line. Each tab is a widget of its own in this package (`*_tab.py`), talking to the shell
through `host.EditorShell`.
"""

import threading
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from rfk_trips.app.context import AppContext
from rfk_trips.app.trip_editor_services import TripEditorServices
from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.rules.danish_dates import format_date_long
from rfk_trips.rules.errors import StaleVersionError, UserError
from rfk_trips.rules.vocabularies import TripStatus
from rfk_trips.trips.trip_editing import EditorState
from screens.trips.trip_editor.details_tab import DetailsTab
from screens.trips.trip_editor.findings_tab import FindingsTab, findings_summary
from screens.trips.trip_editor.group_tab import GroupTab
from screens.trips.trip_editor.host import Action, EditorTab
from screens.trips.trip_editor.programme_tab import ProgrammeTab
from screens.trips.trip_editor.staff_tab import StaffTab
from screens.trips.trip_editor.visits_tab import VisitsTab
from screens.widgets.bindings import translate_bindings
from screens.widgets.file_delivery import in_browser, offer_download
from screens.widgets.footer import KeyFooter
from screens.widgets.live import DataChanged
from screens.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from rfk_trips.documents.downloads import Download
    from rfk_trips.documents.printing import PrintResult

# Which key does what depends on the table in focus; these map actions to those tables.
ACTION_TABLES: dict[str, tuple[str, ...]] = {
    "reserve": ("candidates",),
    "move_role": ("participants",),
    "remove": ("participants", "visits", "programme", "trip-staff"),
    "toggle_confirmed": ("visits",),
    "lead": ("trip-staff",),
    "new_item": ("programme",),
    "move_item": ("programme",),
    "shift_programme": ("programme",),
    "toggle_demanding": ("programme",),
}


class TripEditorScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "back", "register.back", id="editor-back"),
        Binding("f8", "next_tab", "editor.next_tab", id="editor-next-tab"),
        Binding("f9", "confirm_trip", "editor.confirm", id="editor-confirm"),
        Binding("f10", "save_details", "editor.save_details", id="editor-save"),
        Binding("r", "reserve", "editor.reserve", id="editor-reserve"),
        Binding("m", "move_role", "editor.move_role", id="editor-move-role"),
        Binding("delete", "remove", "editor.remove", id="editor-remove"),
        Binding("space", "toggle_confirmed", "editor.toggle_confirmed", id="editor-confirmed"),
        Binding("l", "lead", "editor.lead", id="editor-lead"),
        Binding("ctrl+n", "new_item", "editor.new_item", id="editor-new-item"),
        Binding("minus", "move_item(-1)", "editor.item_up", id="editor-item-up"),
        Binding("plus", "move_item(1)", "editor.item_down", id="editor-item-down"),
        Binding("t", "shift_programme", "editor.shift_programme", id="editor-shift-programme"),
        Binding("k", "toggle_demanding", "editor.toggle_demanding", id="editor-demanding"),
        Binding("p", "make_reminders", "editor.reminders", id="editor-reminders"),
        Binding("ctrl+o", "print_programme", "editor.print", id="editor-print"),
        Binding("ctrl+t", "check_in", "checkin.key.open", id="editor-checkin"),
        Binding("ctrl+r", "reload", "app.refresh", id="editor-reload", show=False),
    ]

    @dataclass
    class StateLoaded(Message):
        state: EditorState
        # Read again after a change elsewhere (DataChanged), not after one of the editor's.
        live: bool = False

    @dataclass
    class Failed(Message):
        text: str

    @dataclass
    class Printed(Message):
        result: "PrintResult"

    @dataclass
    class Saved(Message):
        """One of the trip's other files is saved: where, and what else to know."""

        text: str

    @dataclass
    class Downloadable(Message):
        """Printing in a browser session: the PDF, for the browser to download."""

        download: "Download"

    @dataclass
    class FilterOptions(Message):
        cohorts: list[str]
        caseworkers: list[tuple[int, str]]
        formats: list[tuple[str, str]]
        municipalities: list[str]

    def __init__(self, context: AppContext, trip_id: int) -> None:
        super().__init__(id="screen-trip-editor")
        translate_bindings(self)
        self.context = context
        self.trip_id = trip_id
        self.state: EditorState | None = None
        self.version = 0
        self._lock = threading.Lock()
        self._checking_in = False
        self._hidden = False  # suspended under a screen in the editor's place, not a dialog

    # --- layout ----------

    def compose(self) -> ComposeResult:
        self._details = DetailsTab(self)
        self._programme = ProgrammeTab(self)
        self._visits = VisitsTab(self)
        self._group = GroupTab(self)
        self._staff = StaffTab(self)
        self._findings = FindingsTab(self)
        yield TitleBar()
        # Names, titles and typed input are shown as text in this screen's lines and errors:
        # Textual would read a "[" in them as markup (an unmatched "[/b]" stops the app).
        yield Static(t("app.loading"), id="trip-heading", markup=False)
        with TabbedContent(initial="tab-group", id="tabs"):
            yield self._details
            yield self._programme
            yield self._visits
            yield self._group
            yield self._staff
            yield self._findings
        yield Static("", id="findings-summary", markup=False)
        yield KeyFooter()

    def on_screen_suspend(self) -> None:
        # Textual suspends the editor for a dialog too. A dialog leaves it in view, where the
        # change watcher still reaches it (screens.widgets.live) and the dialog's own change
        # reads the trip again; only a screen in its place (F4, check-in) hides changes.
        self._hidden = not isinstance(self.app.screen, ModalScreen)

    def on_screen_resume(self) -> None:
        hidden, self._hidden = self._hidden, False
        # Back from check-in: the trip may have moved on (gennemført, a walk-in, a new version).
        if self._checking_in:
            self._checking_in = False
            self.run_change(None)
        elif hidden and self.state is not None:
            # Back from another screen (F4, a register form): a participant's marker or a
            # host's criteria may have changed there, which the findings read; as a colleague's
            # change, it leaves what is typed in the details alone.
            self.run_change(None, live=True)

    def on_mount(self) -> None:
        self._load_options()
        self.run_change(None)
        # The group is what a new trip needs first: start in its search box.
        self.query_one(GroupTab.FIRST_FIELD).focus()

    # --- what the tabs ask of the shell (host.EditorShell) ----------

    def services(self) -> TripEditorServices:
        return self.context.trip_editor()

    def today(self) -> date:
        return self.context.today()

    @work(thread=True, group="editor-change")
    def run_change(
        self, action: Action | None, done: str | None = None, *, live: bool = False
    ) -> None:
        """Carry out one change (or none), then read the trip and its findings again."""
        with self._lock:
            services = self.services()
            try:
                if action is not None:
                    action(services, self.version)
            except StaleVersionError as exc:
                self.post_message(self.Failed(exc.message))
            except UserError as exc:
                self.post_message(self.Failed("\n".join([exc.message, *exc.details])))
            else:
                if done:
                    self.app.call_from_thread(self.notify, done)
            try:
                state = services.editor_state(self.trip_id, today=self.context.today())
            except UserError as exc:
                self.post_message(self.Failed(exc.message))
                return
            self.version = state.detail.version
            # Posted under the lock: the states arrive in the order they were read, and a
            # read after a colleague's change never overtakes the one after the user's.
            self.post_message(self.StateLoaded(state, live))

    @work(thread=True, group="editor-change")
    def save_details(self, values: dict[str, str], version: int) -> None:
        with self._lock:
            try:
                self.services().save_details(
                    self.trip_id, version, values, today=self.context.today()
                )
            except UserError as exc:
                # A refusal, stale version included, leaves the form as the user typed it.
                self.app.call_from_thread(self._details.show_errors, exc)
                return
            self._details.refill_on_next_state()
            self.app.call_from_thread(self._details.show_errors, None)
        self.run_change(None, t("register.saved"))

    def forget_state(self) -> None:
        self.state = None

    # --- loading and showing ----------

    @work(thread=True, group="editor-options")
    def _load_options(self) -> None:
        services = self.services()
        self.post_message(
            self.FilterOptions(
                services.cohorts(),
                services.staff_choices(),
                services.format_choices(),
                [name for _, name in services.municipality_choices()],
            )
        )

    def on_trip_editor_screen_filter_options(self, message: FilterOptions) -> None:
        self._group.set_filter_choices(message.cohorts, message.caseworkers)
        self._details.set_choices(message.formats, message.municipalities)
        if self.state is not None:
            if self._details.untouched():
                self._details.fill(self.state)
            self._group.preselect_cohort(self.state)

    def _reload_lists(self) -> None:
        self._group.load_candidates()
        # Host suggestions and staff are read only when their tab is in front.
        active = self.query_one("#tabs", TabbedContent).active
        if active == VisitsTab.PANE_ID:
            self._visits.load_hosts()
        elif active == StaffTab.PANE_ID:
            self._staff.load_staff()

    def on_data_changed(self, _message: DataChanged) -> None:
        self.run_change(None, live=True)

    def on_trip_editor_screen_state_loaded(self, message: StateLoaded) -> None:
        state = message.state
        if message.live and state == self.state:
            # The trip is as shown (the editor's own change, seen again, or another trip's):
            # only the lists to choose from may have changed.
            self._reload_lists()
            return
        first_load = self.state is None
        self.state = state
        detail = state.detail
        closed = detail.status in (TripStatus.COMPLETED, TripStatus.CANCELLED)
        self.query_one("#trip-heading", Static).update(
            f"{detail.title} · {format_date_long(detail.trip_date)} · {label(detail.status)}"
            f" · {detail.format_name}" + (f" · {t('editor.closed')}" if closed else "")
        )
        self._programme.show_state(state)
        self._visits.show_state(state)
        self._group.show_state(state)
        self._staff.show_state(state)
        self._findings.show_state(state)
        text, css = findings_summary(state)
        summary = self.query_one("#findings-summary", Static)
        summary.set_classes(css)
        summary.update(text)
        if first_load:
            self._details.fill(state)
            self._group.preselect_cohort(state)
        else:
            self._details.merge(state)
        self._reload_lists()
        self.refresh_bindings()

    def on_trip_editor_screen_failed(self, message: Failed) -> None:
        self.notify(message.text, severity="error", timeout=8, markup=False)

    # --- keys ----------

    def _focused_table(self) -> DataTable[Any] | None:
        focused = self.focused
        return focused if isinstance(focused, DataTable) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ACTION_TABLES:
            table = self._focused_table()
            return table is not None and table.id in ACTION_TABLES[action]
        if action == "make_reminders":
            if self.state is None:
                return None
            return self.state.detail.status not in (TripStatus.COMPLETED, TripStatus.CANCELLED)
        if action == "save_details":
            return self.query_one("#tabs", TabbedContent).active == DetailsTab.PANE_ID
        if action == "confirm_trip":
            # Shown greyed out (None) while an error stands or the trip is past confirming.
            if self.state is None or self.state.error_count:
                return None
            return self.state.detail.status in (TripStatus.DRAFT, TripStatus.PLANNED) or None
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    @on(TabbedContent.TabActivated)
    def tab_changed(self) -> None:
        self.refresh_bindings()
        if self.state is not None:
            self._reload_lists()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_reload(self) -> None:
        self._details.adopt_on_next_state()
        self.run_change(None)

    def action_reserve(self) -> None:
        self._group.reserve_selected()

    def action_move_role(self) -> None:
        self._group.move_selected_role()

    def action_remove(self) -> None:
        table = self._focused_table()
        if table is None:
            return
        if table.id == "participants":
            self._group.remove_selected()
        elif table.id == "visits":
            self._visits.remove_selected()
        elif table.id == "trip-staff":
            self._staff.remove_selected()
        elif table.id == "programme":
            self._programme.remove_selected()

    def action_toggle_confirmed(self) -> None:
        self._visits.toggle_selected_confirmed()

    def action_lead(self) -> None:
        self._staff.lead_selected()

    def action_new_item(self) -> None:
        self._programme.new_item()

    def action_move_item(self, step: int) -> None:
        self._programme.move_selected(step)

    def action_shift_programme(self) -> None:
        self._programme.shift_to_meeting()

    def action_toggle_demanding(self) -> None:
        self._programme.toggle_demanding()

    def action_make_reminders(self) -> None:
        """p: the day-before and morning SMS reminders as a file for the SMS system (R19),
        as Ctrl+O's *SMS-påmindelser* makes them (a download in a browser)."""
        self.notify(t("editor.reminders_working"))
        self._save_trip_file("reminders", for_browser=in_browser(self.app))

    def action_save_details(self) -> None:
        self._details.save()

    def action_confirm_trip(self) -> None:
        self.run_change(
            lambda services, _version: services.confirm_trip(
                self.trip_id, today=self.context.today()
            ),
            t("trip.confirmed"),
        )

    # --- printing and check-in ----------

    def action_print_programme(self) -> None:
        # Printing is imported on first use: the editor opens as quickly as before.
        from screens.dialogs.print_dialog import TRIP_FILES, PrintDialog

        def chosen(audience: str | None) -> None:
            if audience is None:
                return
            if audience in TRIP_FILES:
                self._save_trip_file(audience, for_browser=in_browser(self.app))
                return
            document = t(f"programme.audience.{audience}")
            self.notify(t("printing.working", document=document))
            self._print(audience)

        self.app.push_screen(PrintDialog(for_browser=in_browser(self.app)), chosen)

    def _print(self, audience: str) -> None:
        # In a browser, printing is downloading the PDF: the server's printer is not the user's.
        self._make_programme(audience, for_browser=in_browser(self.app))

    @work(thread=True, group="editor-print")
    def _make_programme(self, audience: str, *, for_browser: bool) -> None:
        services, today = self.services(), self.context.today()
        try:
            if for_browser:
                download = services.programme_download(self.trip_id, audience, today=today)
                self.post_message(self.Downloadable(download))
                return
            result = services.print_programme(self.trip_id, audience, today=today)
        except UserError as exc:
            self.post_message(self.Failed(exc.message))
            return
        self.post_message(self.Printed(result))

    @work(thread=True, group="editor-print")
    def _save_trip_file(self, kind: str, *, for_browser: bool) -> None:
        services = self.services()
        try:
            if for_browser:
                self.post_message(
                    self.Downloadable(services.trip_file_download(self.trip_id, kind))
                )
                return
            saved = services.save_trip_file(self.trip_id, kind)
        except UserError as exc:
            self.post_message(self.Failed(exc.message))
            return
        told = [t("printing.file_saved", path=saved.path), saved.note or ""]
        self.post_message(self.Saved(" ".join(told).strip()))

    def on_trip_editor_screen_saved(self, message: Saved) -> None:
        self.notify(message.text, timeout=12, markup=False)  # a path may hold "["

    def on_trip_editor_screen_downloadable(self, message: Downloadable) -> None:
        offer_download(self.app, message.download)

    def on_trip_editor_screen_printed(self, message: Printed) -> None:
        severity: Literal["information", "error"] = (
            "error" if message.result.failed else "information"
        )
        # It names the printer and the file's path.
        self.notify(message.result.message, severity=severity, timeout=12, markup=False)

    def action_check_in(self) -> None:
        """Ctrl+T: check in on this trip: on the day, or afterwards from the paper list."""
        from screens.trips.checkin import CheckinScreen

        self._checking_in = True
        self.app.push_screen(CheckinScreen(self.context, self.trip_id))

    # --- tabs ----------

    def palette_commands(self) -> list[tuple[str, str, Any]]:
        return [
            (t("editor.confirm"), "F9", self.action_confirm_trip),
            (t("editor.print"), "Ctrl+O", self.action_print_programme),
            (t("checkin.key.open"), "Ctrl+T", self.action_check_in),
            (t("editor.reminders"), "p", self.action_make_reminders),
            (t("editor.tab.group"), "", lambda: self._show_tab("tab-group")),
            (t("editor.tab.visits"), "", lambda: self._show_tab("tab-visits")),
            (t("editor.tab.staff"), "", lambda: self._show_tab("tab-staff")),
            (t("editor.tab.findings"), "", lambda: self._show_tab("tab-findings")),
            (t("editor.tab.details"), "", lambda: self._show_tab("tab-details")),
            (t("editor.tab.programme"), "", lambda: self._show_tab("tab-programme")),
            (t("editor.shift_programme"), "t", self.action_shift_programme),
        ]

    def _show_tab(self, tab_id: str) -> None:
        # From the palette: wait until it has closed and handed focus back, or the focus
        # would pull TabbedContent back to the tab it was in.
        self.call_after_refresh(self._activate_tab, tab_id)

    def action_next_tab(self) -> None:
        """F8: the next tab, with the keyboard in its first field or list."""
        tabs = self.query_one("#tabs", TabbedContent)
        order = [pane.id for pane in tabs.query(TabPane) if pane.id]
        position = order.index(tabs.active) if tabs.active in order else -1
        self._activate_tab(order[(position + 1) % len(order)])

    def _activate_tab(self, tab_id: str) -> None:
        self.query_one("#tabs", TabbedContent).active = tab_id
        self.query_one(self.query_one(f"#{tab_id}", EditorTab).FIRST_FIELD).focus()
