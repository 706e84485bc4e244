"""Indstillinger: trip formats as editable data, the user's language, theme and initials, and
the database's retention period, and importing a file (i: the import dialog)."""

from dataclasses import dataclass
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import DataTable, Input, Label, Select, Static

from rfk_trips.app.context import AppContext
from rfk_trips.config.preferences import (
    INITIALS_MAX,
    clean_initials,
    load_preferences,
    save_preferences,
)
from rfk_trips.i18n.catalogue import get_language, t
from rfk_trips.privacy.acting_user import adopt_acting_user
from rfk_trips.privacy.retention import (
    DEFAULT_RETENTION_MONTHS,
    check_months,
    purge_inactive,
    retention_months,
    set_retention_months,
)
from rfk_trips.rules.danish_dates import format_time
from rfk_trips.rules.errors import UserError
from rfk_trips.trips import format_settings, host_rotation
from screens.dialogs.confirm import ConfirmModal
from screens.dialogs.record_form import RecordFormScreen
from screens.widgets.bindings import translate_bindings
from screens.widgets.footer import KeyFooter
from screens.widgets.list_table import ListTable
from screens.widgets.mode_screen import ModeScreen
from screens.widgets.text_input import TextInput
from screens.widgets.title_bar import TitleBar


@dataclass(frozen=True)
class FormatRow:
    id: int
    name: str
    text: tuple[str, ...]


class SettingsScreen(ModeScreen):
    BINDINGS = [
        Binding("escape", "back", "register.back", id="settings-back"),
        Binding("i", "import_file", "import_dialog.open", id="settings-import"),
    ]

    @dataclass
    class FormatsLoaded(Message):
        rows: list[FormatRow]

    @dataclass
    class FormReady(Message):
        format_id: int
        values: dict[str, str]

    @dataclass
    class RetentionRead(Message):
        """The retention period as stored, read or just saved."""

        months: int
        saved: bool = False

    @dataclass
    class RetentionRefused(Message):
        message: str
        previous: int | None

    @dataclass
    class RetentionLowering(Message):
        """A shorter period was typed: how many citizens it would make due for purge."""

        months: int
        inactive: int

    def __init__(self, context: AppContext) -> None:
        super().__init__(id="screen-settings")
        translate_bindings(self)
        self.context = context
        self._retention: int | None = None  # as stored; None until read

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(t("settings.title"), classes="screen-title")
        with Horizontal(classes="settings-row"):
            yield Label(t("settings.language"))
            yield Select(
                [("Dansk", "da"), ("English", "en")],
                value=get_language(),
                allow_blank=False,
                id="language",
            )
            yield Label(t("settings.theme"))
            yield Select(
                [(name, name) for name in sorted(self.app.available_themes)],
                value=self.app.theme,
                allow_blank=False,
                id="theme",
            )
        with Horizontal(classes="settings-row"):
            yield Label(t("settings.initials"))
            yield TextInput(
                load_preferences().initials,
                placeholder=t("settings.initials_placeholder"),
                max_length=INITIALS_MAX,
                id="initials",
            )
            yield Static(t("settings.initials_note"), id="initials-note")
        with Horizontal(classes="settings-row"):
            yield Label(t("settings.retention"))
            yield TextInput(placeholder=str(DEFAULT_RETENTION_MONTHS), max_length=3, id="retention")
            yield Static(t("settings.retention_note"), id="retention-note")
        # A refusal quotes what was typed: text, never markup.
        yield Static("", id="retention-error", classes="field-error", markup=False)
        with Horizontal(classes="settings-row"):
            yield Label(t("settings.host_limit"))
            yield TextInput(
                placeholder=str(host_rotation.DEFAULT_HOST_TRIP_LIMIT),
                max_length=2,
                id="host-limit",
            )
            yield Static(t("settings.host_limit_note"), id="host-limit-note")
        yield Static("", id="host-limit-error", classes="field-error", markup=False)
        yield Static(t("settings.formats"), classes="section-title")
        yield ListTable(id="formats", cursor_type="row")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#formats", DataTable)
        for key, label_key, width in (
            ("name", "format.name", 36),
            ("size", "app.col.participants", 10),
            ("visits", "format.visits", 12),
            ("time", "editor.col.time", 13),
            ("staff", "format.min_staff", 18),
            ("rules", "settings.rules", 40),
        ):
            table.add_column(t(label_key), key=key, width=width)
        self.load()
        self._read_retention()
        self._read_host_limit()

    @work(thread=True, exclusive=True, group="settings-load")
    def load(self) -> None:
        rows = []
        for row in format_settings.format_rows(self.context.database().engine):
            rules = [
                t("format.experienced_host") if row.requires_experienced_host else "",
                t("format.single_cohort") if row.single_cohort else "",
                f"{row.trips_per_citizen} {t('settings.trips_each')}"
                if row.trips_per_citizen
                else "",
            ]
            rows.append(
                FormatRow(
                    row.id or 0,
                    row.name,
                    (
                        row.name,
                        f"{row.min_participants}–{row.max_participants}",
                        str(row.visits) if row.visits else "≥ 1",
                        f"{format_time(row.start_time)}–{format_time(row.end_time)}",
                        str(row.min_staff),
                        ", ".join(rule for rule in rules if rule) or "–",
                    ),
                )
            )
        self.post_message(self.FormatsLoaded(rows))

    def on_settings_screen_formats_loaded(self, message: FormatsLoaded) -> None:
        table = self.query_one("#formats", DataTable)
        table.clear()
        for row in message.rows:
            table.add_row(*row.text, key=str(row.id))

    @on(DataTable.RowSelected, "#formats")
    def edit_format(self, event: DataTable.RowSelected) -> None:
        self._open_form(int(str(event.row_key.value)))

    @work(thread=True, group="settings-form")
    def _open_form(self, format_id: int) -> None:
        values = format_settings.format_form_values(self.context.database().engine, format_id)
        self.post_message(self.FormReady(format_id, values))

    def on_settings_screen_form_ready(self, message: FormReady) -> None:
        format_id = message.format_id

        def save(values: dict[str, str]) -> int:
            return format_settings.save_format(self.context.database().engine, format_id, values)

        def saved(result: int | None) -> None:
            if result is not None:
                self.notify(t("register.saved"))
                self.load()

        self.app.push_screen(
            RecordFormScreen(
                t("settings.edit_format"), format_settings.FORMAT_FORM, message.values, {}, save
            ),
            saved,
        )

    @on(Select.Changed, "#language")
    def language_changed(self, event: Select.Changed) -> None:
        prefs = load_preferences()
        if event.value != prefs.lang:
            prefs.lang = str(event.value)
            save_preferences(prefs)
            self.notify(t("settings.saved_language"))

    @on(Select.Changed, "#theme")
    def theme_changed(self, event: Select.Changed) -> None:
        theme = str(event.value)
        self.app.theme = theme
        prefs = load_preferences()
        if prefs.theme != theme:
            prefs.theme = theme
            save_preferences(prefs)

    @on(Input.Submitted, "#initials")
    @on(Input.Blurred, "#initials")
    def initials_changed(self, event: Input.Submitted | Input.Blurred) -> None:
        initials = clean_initials(event.value)
        prefs = load_preferences()
        if prefs.initials != initials:
            prefs.initials = initials
            save_preferences(prefs)
            # From now on, in this run too: the audit log names whoever is at the keyboard.
            who = adopt_acting_user(initials)
            self.notify(t("settings.saved_initials", who=who), markup=False)  # as typed

    # --- host rotation (R08): the database's, for everyone using it ----------

    @dataclass
    class HostLimitRead(Message):
        limit: int
        saved: bool = False
        error: str = ""

    @work(thread=True, group="settings-host-limit")
    def _read_host_limit(self) -> None:
        engine = self.context.database().engine
        self.post_message(self.HostLimitRead(host_rotation.read_host_trip_limit(engine)))

    @on(Input.Submitted, "#host-limit")
    def host_limit_submitted(self, event: Input.Submitted) -> None:
        self._save_host_limit(event.value.strip())

    @work(thread=True, group="settings-host-limit")
    def _save_host_limit(self, text: str) -> None:
        engine = self.context.database().engine
        try:
            if not text.isdigit():
                low, high = host_rotation.HOST_TRIP_LIMIT_RANGE
                raise UserError(t("settings.host_limit_range", low=low, high=high))
            host_rotation.set_host_trip_limit(engine, int(text))
        except UserError as exc:
            limit = host_rotation.read_host_trip_limit(engine)
            self.post_message(self.HostLimitRead(limit, error=exc.message))
            return
        self.post_message(self.HostLimitRead(int(text), saved=True))

    def on_settings_screen_host_limit_read(self, message: HostLimitRead) -> None:
        self.query_one("#host-limit-error", Static).update(message.error)
        if message.error:
            return
        self.query_one("#host-limit", Input).value = str(message.limit)
        if message.saved:
            self.notify(t("settings.host_limit_saved", limit=message.limit))

    # --- retention period (the database's, for everyone using it) ----------

    @work(thread=True, group="settings-retention")
    def _read_retention(self) -> None:
        self.post_message(self.RetentionRead(retention_months(self.context.database().engine)))

    @on(Input.Submitted, "#retention")
    def retention_submitted(self, event: Input.Submitted) -> None:
        months = self._typed_retention(event.value)
        if months is None or self._retention is None or months == self._retention:
            return
        if months < self._retention:
            # Shorter means more citizens anonymised at the next purge, for good: ask first.
            self._count_before_lowering(months)
        else:
            self._start_saving(months)

    @on(Input.Blurred, "#retention")
    def retention_left(self, event: Input.Blurred) -> None:
        # Saved only on Enter: a digit typed by mistake and tabbed past changes nothing.
        if self._retention is not None and event.value.strip() != str(self._retention):
            self._show_retention_error(t("settings.retention_unsaved"))

    def _typed_retention(self, text: str) -> int | None:
        """The months typed, or None with the reason shown beside the field."""
        try:
            months = check_months(int(text.strip()))
        except ValueError:
            self._show_retention_error(t("settings.retention_not_number", text=text.strip()))
            return None
        except UserError as exc:
            self._show_retention_error(exc.message)
            return None
        self._show_retention_error("")
        return months

    @work(thread=True, group="settings-retention")
    def _count_before_lowering(self, months: int) -> None:
        found = purge_inactive(
            self.context.database().engine, months=months, today=self.context.today(), dry_run=True
        )
        self.post_message(self.RetentionLowering(months, len(found.citizens)))

    def on_settings_screen_retention_lowering(self, message: RetentionLowering) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self._start_saving(message.months)
            else:
                self._show_retention_error(t("settings.retention_unsaved"))

        question = t(
            "settings.retention_lower_question",
            old=self._retention,
            new=message.months,
            count=message.inactive,
        )
        self.app.push_screen(ConfirmModal(question), answered)

    def _start_saving(self, months: int) -> None:
        # Taken as stored at once, so a second Enter before the worker answers saves nothing.
        previous, self._retention = self._retention, months
        self._save_retention(months, previous)

    @work(thread=True, group="settings-retention")
    def _save_retention(self, months: int, previous: int | None) -> None:
        try:
            set_retention_months(self.context.database().engine, months)
        except UserError as exc:
            self.post_message(self.RetentionRefused(exc.message, previous))
            return
        self.post_message(self.RetentionRead(months, saved=True))

    def on_settings_screen_retention_read(self, message: RetentionRead) -> None:
        self._retention = message.months
        field = self.query_one("#retention", Input)
        if message.saved:
            self.notify(t("settings.saved_retention", months=message.months))
        elif not field.value:
            field.value = str(message.months)

    def on_settings_screen_retention_refused(self, message: RetentionRefused) -> None:
        self._retention = message.previous
        self._show_retention_error(message.message)

    def _show_retention_error(self, text: str) -> None:
        error = self.query_one("#retention-error", Static)
        error.update(text)
        error.set_class(bool(text), "shown")

    def action_back(self) -> None:
        self.app.switch_mode("home")

    def action_import_file(self) -> None:
        # Imported on first use: it brings the file readers along.
        from screens.dialogs.import_dialog import ImportDialog

        self.app.push_screen(ImportDialog(self.context))

    def palette_commands(self) -> list[tuple[str, str, Any]]:
        return [(t("import_dialog.open"), "i", self.action_import_file)]
