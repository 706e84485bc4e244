"""Indstillinger → Importér: a file imported from the terminal app, with a dry run first.

The same import as `rfk-trips import KIND FILE [--dry-run]`, all or nothing, in a thread
worker: the dialog shows how many rows have been read while it runs, then the summary, or
the refusal with the lines to fix. What the file says is quoted as text, never markup.
A successful import is a write like any other: the app's change watcher tells the lists.
"""

from dataclasses import dataclass, field
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, Select, Static

from rfk_trips.app.context import AppContext
from rfk_trips.database.failures import failure_message
from rfk_trips.exchange.import_reading import IMPORT_KINDS, ImportKind, ImportStep
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError
from screens.widgets.bindings import translate_bindings
from screens.widgets.text_input import TextInput

_BUTTONS = ("#import-check", "#import-run", "#import-close")


def typed_path(text: str) -> Path | None:
    """The path as typed, `~` expanded; quotes a terminal adds to a dropped file taken off."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1].strip()
    return Path(text).expanduser() if text else None


class ImportDialog(ModalScreen[None]):
    """Choose what to import and the file; "Tjek filen" reads it all and writes nothing."""

    CSS_PATH = "import_dialog.tcss"
    BINDINGS = [Binding("escape", "close", "import_dialog.close", id="import-dialog-close")]

    @dataclass
    class Finished(Message):
        """The import's outcome, as lines to show; `refused` when nothing was imported."""

        lines: list[str] = field(default_factory=list)
        dry_run: bool = False
        refused: bool = False

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        translate_bindings(self)
        self.context = context
        self.running = False

    def compose(self) -> ComposeResult:
        with Vertical(id="import-dialog", classes="dialog"):
            yield Static(t("import_dialog.title"), classes="dialog-title")
            with Horizontal(classes="import-row"):
                yield Label(t("import_dialog.kind"))
                yield Select(
                    [(t(f"import.kind.{kind}"), kind) for kind in IMPORT_KINDS],
                    value=IMPORT_KINDS[0],
                    allow_blank=False,
                    id="import-kind",
                )
            with Horizontal(classes="import-row"):
                yield Label(t("import_dialog.file"))
                yield TextInput(placeholder=t("import_dialog.file_placeholder"), id="import-path")
            yield Static(t("import_dialog.hint"), classes="hint")
            with Horizontal(id="import-progress"):
                yield ProgressBar(total=None, show_percentage=False, show_eta=False)
                yield Static("", id="import-rows")
            with VerticalScroll(id="import-result"):
                # The summary or the refusal quotes the file's content: text, never markup.
                yield Static("", id="import-result-text", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(t("import_dialog.check"), id="import-check", variant="primary")
                yield Button(t("import_dialog.import"), id="import-run")
                yield Button(t("import_dialog.close"), id="import-close")

    def on_mount(self) -> None:
        self.query_one("#import-kind", Select).focus()

    # --- starting ----------

    @on(Button.Pressed, "#import-check")
    @on(Input.Submitted, "#import-path")
    def check_file(self) -> None:
        self._start(dry_run=True)

    @on(Button.Pressed, "#import-run")
    def import_for_real(self) -> None:
        self._start(dry_run=False)

    @on(Button.Pressed, "#import-close")
    def close_pressed(self) -> None:
        self.action_close()

    def _start(self, *, dry_run: bool) -> None:
        if self.running:
            return
        path = typed_path(self.query_one("#import-path", Input).value)
        if path is None:
            self._show_result([t("import_dialog.no_file")], refused=True)
            self.query_one("#import-path", Input).focus()
            return
        kind = self.query_one("#import-kind", Select).value
        assert kind in IMPORT_KINDS  # no blank choice: always one of them
        self._set_running(True)
        self._show_result([], refused=False)
        self.query_one("#import-rows", Static).update(t("import_dialog.reading"))
        self.query_one(ProgressBar).update(total=None, progress=0)  # sweeping till it writes
        self._import(kind, path, dry_run)

    @work(thread=True, exclusive=True, group="import-file")
    def _import(self, kind: ImportKind, path: Path, dry_run: bool) -> None:
        from rfk_trips.exchange.importing import import_file

        def progress(step: ImportStep) -> None:
            self.app.call_from_thread(self._show_step, step)

        try:
            report = import_file(
                self.context.database().engine,
                kind,
                path,
                today=self.context.today(),
                dry_run=dry_run,
                progress=progress,
            )
        except UserError as exc:
            self.post_message(self.Finished([exc.message, *exc.details], dry_run, refused=True))
            return
        except Exception as exc:  # the sentence for it, never a traceback on screen
            self.post_message(self.Finished([failure_message(exc)], dry_run, refused=True))
            return
        lines = [report.summary()]
        if report.dry_run:
            lines.append(t("import.dry_run"))
        self.post_message(self.Finished([*lines, *report.notes], dry_run))

    # --- while it runs, and after ----------

    def _show_step(self, step: ImportStep) -> None:
        """Rows read (the bar sweeps: how many there are is not known), then records written
        (the bar fills)."""
        self.query_one("#import-rows", Static).update(step.text())
        if step.total is not None:
            self.query_one(ProgressBar).update(total=step.total, progress=step.written or 0)

    def on_import_dialog_finished(self, message: Finished) -> None:
        self._set_running(False)
        self._show_result(message.lines, refused=message.refused)
        # The next step: check again after fixing the file, import what checked out, or close.
        if message.refused:
            self.query_one("#import-check", Button).focus()
        else:
            self.query_one("#import-run" if message.dry_run else "#import-close", Button).focus()

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.set_class(running, "running")
        for button in _BUTTONS:
            self.query_one(button, Button).disabled = running
        self.refresh_bindings()  # Esc is greyed out while it runs

    def _show_result(self, lines: list[str], *, refused: bool) -> None:
        text = self.query_one("#import-result-text", Static)
        text.update("\n".join(lines))
        text.set_class(refused, "refused")
        result = self.query_one("#import-result", VerticalScroll)
        result.set_class(bool(lines), "shown")
        result.scroll_home(animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Closed mid-import, the worker would go on writing with no one to tell.
        if action == "close" and self.running:
            return None
        return True

    def action_close(self) -> None:
        if not self.running:
            self.dismiss(None)
