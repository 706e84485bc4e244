"""Indtjekning: who came, on a laptop in the bus, one key per person.

What the list shows is what the database holds: a key is queued, saved in its own
transaction by one worker (in the order pressed), and the list is redrawn from the saved
sheet. The cursor moves on at once, so the next key is for the next person even while the
last one is being saved.
"""

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from rfk_trips.app.context import AppContext
from rfk_trips.app.services import CheckinServices
from rfk_trips.database.failures import failure_message
from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label, normalise
from rfk_trips.rules.danish_dates import format_clock, format_date_long
from rfk_trips.rules.errors import UserError
from rfk_trips.rules.vocabularies import Attendance, ParticipantRole, TripStatus
from rfk_trips.trips import check_in
from rfk_trips.trips.check_in import CheckinRow, CheckinSheet
from screens.widgets.bindings import translate_bindings
from screens.widgets.footer import KeyFooter
from screens.widgets.live import DataChanged, same_place
from screens.widgets.search_box import SearchBox
from screens.widgets.title_bar import TitleBar

GLYPHS: dict[Attendance, str] = {
    Attendance.PENDING: "·",
    Attendance.PRESENT: "✓",
    Attendance.LATE: "◷",
    Attendance.LEFT_EARLY: "↩",
    Attendance.EXCUSED: "✉",
    Attendance.NO_SHOW: "✗",
}
# Colour helps the eye but never carries the meaning alone: each cell has a glyph and a word.
STYLES: dict[Attendance, str] = {
    Attendance.PENDING: "dim",
    Attendance.PRESENT: "bold green",
    Attendance.LATE: "bold yellow",
    Attendance.LEFT_EARLY: "bold yellow",
    Attendance.EXCUSED: "bold",
    Attendance.NO_SHOW: "bold red",
}

# The result of one queued change: the saved sheet and the sentence to show (None: the
# sheet read again after a change elsewhere, with nothing new to say).
Change = Callable[[CheckinServices], tuple[CheckinSheet, str | None]]


def status_cell(status: Attendance) -> Text:
    return Text(f"{GLYPHS[status]} {label(status)}", style=STYLES[status])


def leg_cell(row: CheckinRow, leg: int) -> Text:
    """A person's cell on one leg; a dash where they are no longer with the group."""
    if row.role == ParticipantRole.RESERVE:
        return Text(t("checkin.reserve_cell"), style="dim")
    status = row.legs.get(leg)
    if status is None and not check_in.expected_on_leg(row.legs, leg):
        return Text("–", style="dim")
    return status_cell(status or Attendance.PENDING)


def _width(heading_key: str, cells: list[str]) -> int:
    return max([len(t(heading_key)), *(len(cell) for cell in cells)])


class CheckinTable(DataTable[Any]):
    """The list; ← → choose the part of the day instead of scrolling sideways."""

    BINDINGS = [
        Binding(
            "left",
            "screen.previous_leg",
            "checkin.key.previous_leg",
            id="checkin-previous-leg",
            show=False,
        ),
        Binding(
            "right", "screen.next_leg", "checkin.key.next_leg", id="checkin-next-leg", show=False
        ),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self)


class CheckinScreen(Screen[None]):
    CSS_PATH = "checkin.tcss"
    # In footer order: the status keys, then F9, which must stay in sight on a laptop screen.
    BINDINGS = [
        Binding("m", "mark('present')", "checkin.key.present", id="checkin-present"),
        Binding("s", "mark('late')", "checkin.key.late", id="checkin-late"),
        Binding("g", "mark('left_early')", "checkin.key.left_early", id="checkin-left-early"),
        Binding("a", "excuse", "checkin.key.excused", id="checkin-excused"),
        Binding("x", "mark('no_show')", "checkin.key.no_show", id="checkin-no-show"),
        Binding("i", "walk_in", "checkin.key.walk_in", id="checkin-walk-in"),
        Binding("u", "undo", "checkin.key.undo", id="checkin-undo"),
        Binding("d", "agenda", "checkin.key.agenda", id="checkin-agenda"),
        Binding("f9", "complete", "checkin.key.complete", id="checkin-complete"),
        Binding("escape", "back", "register.back", id="checkin-back"),
        Binding("slash", "search", "checkin.key.search", id="checkin-search"),
        Binding("ctrl+r", "reload", "app.refresh", id="checkin-reload", show=False),
    ]

    leg: reactive[int] = reactive(0)

    @dataclass
    class Loaded(Message):
        sheet: CheckinSheet
        note: str | None = ""

    @dataclass
    class Failed(Message):
        text: str

    def __init__(self, context: AppContext, trip_id: int) -> None:
        super().__init__(id="screen-checkin")
        translate_bindings(self)
        self.context = context
        self.trip_id = trip_id
        self.sheet: CheckinSheet | None = None
        self._rows: dict[str, CheckinRow] = {}
        self._pending: deque[Change] = deque()
        self._lock = threading.Lock()
        self._draining = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        # The trip's title, people's names and what was typed are shown as text: Textual would
        # read a "[" in them as markup (an unmatched "[/b]" stops the app).
        yield Static(t("app.loading"), id="checkin-heading", classes="screen-title", markup=False)
        yield Static("", id="checkin-counts")
        yield Static("", id="checkin-leg")
        yield SearchBox(placeholder=t("checkin.search_placeholder"), id="checkin-find")
        yield CheckinTable(id="checkin-list", cursor_type="row", zebra_stripes=True)
        yield Static("", id="checkin-person")
        yield Static("", id="checkin-saved", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("checkin.screen_title")
        self.query_one(CheckinTable).focus()
        self.load()

    # --- loading and saving ----------

    @work(thread=True, exclusive=True, group="checkin-load")
    def load(self) -> None:
        try:
            sheet = self.context.checkin().sheet(self.trip_id)
        except UserError as exc:
            self.post_message(self.Failed(exc.message))
            return
        self.post_message(self.Loaded(sheet))

    def _enqueue(self, change: Change) -> None:
        with self._lock:
            self._pending.append(change)
            if self._draining:
                return
            self._draining = True
        self._drain()

    @work(thread=True, group="checkin-save")
    def _drain(self) -> None:
        """Save the queued keys one by one, in the order they were pressed."""
        services = self.context.checkin()
        while True:
            with self._lock:
                if not self._pending:
                    self._draining = False
                    return
                change = self._pending.popleft()
            try:
                sheet, note = change(services)
            except UserError as exc:
                self.post_message(self.Failed(exc.message))
                continue
            except Exception as exc:
                self.post_message(self.Failed(failure_message(exc)))
                continue
            self.post_message(self.Loaded(sheet, note))

    def on_data_changed(self, _message: DataChanged) -> None:
        # A colleague checked someone in, or this app's own save: read in the queue of the
        # saves, so a sheet read before a key's save is never shown after it.
        trip_id = self.trip_id
        self._enqueue(lambda services: (services.sheet(trip_id), None))

    def on_checkin_screen_loaded(self, message: Loaded) -> None:
        saved = self.query_one("#checkin-saved", Static)
        keep_line = False
        if message.note is None:
            if message.sheet == self.sheet:
                return  # this screen's own save, seen again
            # A sentence just said (a save, a refusal) stays; the count of who is left follows.
            keep_line = self.sheet is not None and saved.content != self._progress_text(self.sheet)
        self.sheet = message.sheet
        self._show_sheet(message.sheet)
        if not keep_line:
            saved.remove_class("error")
            saved.update(message.note or self._progress_text(message.sheet))

    def on_checkin_screen_failed(self, message: Failed) -> None:
        saved = self.query_one("#checkin-saved", Static)
        saved.update(message.text)
        saved.add_class("error")
        self.notify(message.text, severity="error", markup=False)
        if self.sheet is None:
            self.query_one("#checkin-heading", Static).update(message.text)

    # --- drawing ----------

    def _show_sheet(self, sheet: CheckinSheet) -> None:
        self.query_one("#checkin-heading", Static).update(
            t("checkin.heading", title=sheet.title, date=format_date_long(sheet.trip_date))
        )
        if self.leg >= len(sheet.legs):
            self.leg = 0
        with same_place(self.query_one(CheckinTable)):
            self._fill_table(sheet)
        self._show_counts(sheet)
        self._show_person()

    def _fill_table(self, sheet: CheckinSheet) -> None:
        table = self.query_one(CheckinTable)
        table.clear(columns=True)
        # Widths fixed from the content: auto widths are settled only on the next idle, so a
        # screen drawn before that showed names cut at the header's width, and columns
        # would jump as statuses change during the morning.
        names = [row.name for row in sheet.rows]
        roles = [label(row.role) for row in sheet.rows]
        reasons = [row.reason for row in sheet.rows]
        status_width = max(len(status_cell(status)) for status in Attendance)
        table.add_column(t("checkin.col.name"), key="name", width=_width("checkin.col.name", names))
        table.add_column(t("checkin.col.role"), key="role", width=_width("checkin.col.role", roles))
        for number, name in enumerate(sheet.legs):
            heading = ("▶ " if number == self.leg else "") + name
            table.add_column(heading, key=f"leg-{number}", width=max(len(heading), status_width))
        table.add_column(
            t("checkin.col.changed"), key="changed", width=_width("checkin.col.changed", ["00:00"])
        )
        table.add_column(
            t("checkin.col.reason"),
            key="reason",
            width=min(_width("checkin.col.reason", reasons), 40),
        )
        self._rows = {}
        for row in sheet.rows:
            key = str(row.citizen_id)
            self._rows[key] = row
            legs = [leg_cell(row, number) for number in range(len(sheet.legs))]
            table.add_row(
                Text(row.name, style="bold"),
                label(row.role),
                *legs,
                format_clock(row.changed_at) if row.changed_at else "",
                Text(row.reason),  # a stock DataTable reads a plain string as markup
                key=key,
            )

    def _show_counts(self, sheet: CheckinSheet) -> None:
        parts = []
        for count in sheet.counts:
            text = t("checkin.count", name=count.name, there=count.there, expected=count.expected)
            parts.append(f"[reverse] {text} [/reverse]" if count.leg == self.leg else f" {text} ")
        self.query_one("#checkin-counts", Static).update("   ".join(parts))
        leg_line = t("checkin.current_leg", leg=sheet.legs[self.leg])
        if len(sheet.legs) > 1:
            leg_line += "  " + t("checkin.switch_legs")
        self.query_one("#checkin-leg", Static).update(leg_line)

    def _show_person(self) -> None:
        """The person under the cursor in large type: who, and their status on this leg."""
        row = self._selected_row()
        person = self.query_one("#checkin-person", Static)
        if row is None or self.sheet is None:
            person.update("")
            return
        if row.role == ParticipantRole.RESERVE:
            person.update(Text.assemble((row.name, "bold"), "  ·  ", label(row.role)))
            return
        person.update(
            Text.assemble(
                (row.name, "bold"),
                "  ·  ",
                self.sheet.legs[self.leg],
                ":  ",
                leg_cell(row, self.leg),
            )
        )

    def _closed_note(self) -> str | None:
        """Why nothing can be recorded on this trip (not held yet, cancelled), or None."""
        sheet = self.sheet
        if sheet is None:
            return None
        if sheet.status == TripStatus.CANCELLED:
            return t("checkin.cancelled_trip")
        if sheet.trip_date > self.context.today():
            return t("checkin.not_held_yet")
        return None

    def _refuse_if_closed(self) -> bool:
        """Say at once, without a save or a move, that this trip takes no check-in."""
        note = self._closed_note()
        if note is None:
            return False
        saved = self.query_one("#checkin-saved", Static)
        saved.update(note)
        saved.add_class("error")
        return True

    def _progress_text(self, sheet: CheckinSheet) -> str:
        closed = self._closed_note()
        if closed is not None:
            return closed
        if sheet.status == TripStatus.COMPLETED:
            return t("checkin.is_completed")
        if not any(r.role == ParticipantRole.PARTICIPANT for r in sheet.rows):
            return t("checkin.no_participants")
        if sheet.pending:
            return t("checkin.pending_left", count=len(sheet.pending))
        return t("checkin.all_registered")

    def watch_leg(self) -> None:
        if self.sheet is not None:
            self._show_sheet(self.sheet)

    @on(DataTable.RowHighlighted, "#checkin-list")
    def _highlighted(self) -> None:
        self._show_person()

    # --- finding a person ----------

    def action_search(self) -> None:
        # At once, not after the next refresh: the letters typed right after / are the name's.
        self.set_focus(self.query_one("#checkin-find", Input))

    @on(Input.Changed, "#checkin-find")
    def _find(self, event: Input.Changed) -> None:
        query = normalise(event.value)
        if not query:
            return
        table = self.query_one(CheckinTable)
        names = [(key, normalise(row.name)) for key, row in self._rows.items()]
        # A name that starts with the letters first, then one with a word that does, then any.
        for test in (
            lambda name: name.startswith(query),
            lambda name: any(word.startswith(query) for word in name.split()),
            lambda name: query in name,
        ):
            for key, name in names:
                if test(name):
                    table.move_cursor(row=table.get_row_index(key))
                    return
        self.query_one("#checkin-saved", Static).update(
            t("checkin.no_match", query=event.value.strip())
        )

    @on(Input.Submitted, "#checkin-find")
    def _found(self) -> None:
        self.query_one("#checkin-find", Input).value = ""
        self.set_focus(self.query_one(CheckinTable))

    # --- keys ----------

    def _selected_key(self) -> str | None:
        table = self.query_one(CheckinTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _selected_row(self) -> CheckinRow | None:
        key = self._selected_key()
        return self._rows.get(key) if key is not None else None

    def _step_down(self) -> None:
        """On to the next participant expected on this leg (past an afbud, say)."""
        table = self.query_one(CheckinTable)
        rows = list(self._rows.values())  # in the table's order
        for index in range(table.cursor_row + 1, len(rows)):
            row = rows[index]
            if row.role == ParticipantRole.PARTICIPANT and check_in.expected_on_leg(
                row.legs, self.leg
            ):
                table.move_cursor(row=index)
                return
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)

    def action_mark(self, status: str, reason: str = "") -> None:
        row = self._selected_row()
        if row is None or self.sheet is None or self._refuse_if_closed():
            return
        attendance, leg, trip_id = Attendance(status), self.leg, self.trip_id
        today = self.context.today()
        leg_name = self.sheet.legs[leg]

        def change(services: CheckinServices) -> tuple[CheckinSheet, str]:
            sheet = services.record(
                trip_id, row.citizen_id, attendance, leg=leg, reason=reason, today=today
            )
            saved = sheet.row(row.citizen_id)
            at = format_clock(saved.changed_at) if saved.changed_at else ""
            note = t(
                "checkin.saved_line",
                time=at,
                name=saved.name,
                status=label(attendance).lower(),
                leg=leg_name,
            )
            return sheet, note

        self._enqueue(change)
        if row.role == ParticipantRole.PARTICIPANT:
            self._step_down()

    def action_excuse(self) -> None:
        if self._refuse_if_closed():
            return
        row = self._selected_row()
        if row is None or row.role == ParticipantRole.RESERVE:
            self.action_mark("excused")  # the service says what to do with a reserve
            return
        from screens.dialogs.trip_dialogs import ExcuseDialog

        def answered(reason: str | None) -> None:
            # "" is an afbud without a reason, and is recorded; None is the dialog cancelled.
            if reason is None:
                return
            self.query_one(CheckinTable).move_cursor(
                row=self.query_one(CheckinTable).get_row_index(str(row.citizen_id))
            )
            self.action_mark("excused", reason)

        self.app.push_screen(ExcuseDialog(row.name, row.reason), answered)

    def action_walk_in(self) -> None:
        row = self._selected_row()
        if row is None or self._refuse_if_closed():
            return
        trip_id, today = self.trip_id, self.context.today()

        def change(services: CheckinServices) -> tuple[CheckinSheet, str]:
            services.walk_in(trip_id, row.citizen_id, today=today)
            sheet = services.sheet(trip_id)
            saved = sheet.row(row.citizen_id)
            at = format_clock(saved.changed_at) if saved.changed_at else ""
            return sheet, t("checkin.walked_in", time=at, name=saved.name)

        self._enqueue(change)

    def action_undo(self) -> None:
        trip_id = self.trip_id

        def change(services: CheckinServices) -> tuple[CheckinSheet, str]:
            note = services.undo_last(trip_id) or t("checkin.nothing_to_undo")
            return services.sheet(trip_id), note

        self._enqueue(change)

    def action_previous_leg(self) -> None:
        if self.sheet is not None and self.leg > 0:
            self.leg -= 1

    def action_next_leg(self) -> None:
        if self.sheet is not None and self.leg < len(self.sheet.legs) - 1:
            self.leg += 1

    def action_complete(self) -> None:
        sheet = self.sheet
        if sheet is None:
            return
        trip_id, today = self.trip_id, self.context.today()

        def complete(force: bool) -> None:
            def change(services: CheckinServices) -> tuple[CheckinSheet, str]:
                created = services.complete_trip(trip_id, force=force, today=today)
                note = t("checkin.completed") + " " + t("followup.created", count=created)
                return services.sheet(trip_id), note

            self._enqueue(change)

        # What would be refused anyway is said before any question is asked.
        if not sheet.pending or sheet.status == TripStatus.CANCELLED or sheet.trip_date > today:
            complete(False)
            return
        from screens.dialogs.confirm import ConfirmModal

        names = ", ".join(r.name for r in sheet.pending[:5])
        if len(sheet.pending) > 5:
            names += ", …"
        question = t("checkin.complete_anyway", count=len(sheet.pending), names=names)

        def answered(yes: bool | None) -> None:
            if yes:
                complete(True)

        self.app.push_screen(ConfirmModal(question), answered)

    def action_agenda(self) -> None:
        """d: what the participants raised in their own agenda slot (R10), on the day."""
        sheet = self.sheet
        if sheet is None or self._refuse_if_closed():
            return
        from screens.dialogs.trip_dialogs import AgendaDialog

        trip_id, today = self.trip_id, self.context.today()

        def answered(text: str | None) -> None:
            if text is None:
                return

            def change(services: CheckinServices) -> tuple[CheckinSheet, str]:
                services.save_agenda_notes(trip_id, text, today=today)
                return services.sheet(trip_id), t("checkin.agenda_saved")

            self._enqueue(change)

        self.app.push_screen(AgendaDialog(sheet.agenda_notes), answered)

    def action_reload(self) -> None:
        self.load()

    def action_back(self) -> None:
        find = self.query_one("#checkin-find", Input)
        if find.has_focus:
            find.value = ""
            self.set_focus(self.query_one(CheckinTable))
            return
        self.app.pop_screen()

    def palette_commands(self) -> list[tuple[str, str, Any]]:
        return [
            (t("checkin.key.complete"), "F9", self.action_complete),
            (t("checkin.key.undo"), "u", self.action_undo),
            (t("checkin.key.agenda"), "d", self.action_agenda),
            (t("checkin.key.search"), "/", self.action_search),
        ]
