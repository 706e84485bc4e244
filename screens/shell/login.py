"""The login of a browser session on a shared PostgreSQL database (`rfk-trips serve`).

The session's database URL holds no login: nothing is read before the person at the browser
has logged in with their own database login, so the server's privileges for that login and
the audit log's "who" hold in the browser as on a desk. The check runs in a worker; a refused
login says why in one sentence and keeps the login typed.
"""

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static

from rfk_trips.app.context import AppContext
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError
from screens.widgets.bindings import translate_bindings
from screens.widgets.text_input import TextInput
from screens.widgets.title_bar import TitleBar


class LoginScreen(Screen[bool]):
    """Login and password; dismisses with True once the database is open with them."""

    CSS_PATH = "login.tcss"
    BINDINGS = [Binding("f10", "log_in", "login.binding", id="login-submit")]

    @dataclass
    class Refused(Message):
        text: str

    class Accepted(Message):
        """The database is open with the login typed."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(id="screen-login")
        translate_bindings(self)
        self.context = context
        self.working = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="login-box", classes="dialog"):
            yield Static(t("login.title"), classes="dialog-title")
            yield Static(t("login.intro"), id="login-intro")
            yield Label(t("login.name"))
            yield TextInput(id="login-name", valid_empty=False)
            yield Label(t("login.password"))
            yield TextInput(id="login-password", password=True)
            # A refusal may quote the login typed: never read as markup.
            yield Static("", id="login-error", classes="field-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(t("login.button"), id="login-button", variant="primary")

    def on_mount(self) -> None:
        self.sub_title = t("login.title")
        self.query_one("#login-name", Input).focus()

    @on(Input.Submitted, "#login-name")
    def _to_password(self) -> None:
        self.query_one("#login-password", Input).focus()

    @on(Input.Submitted, "#login-password")
    @on(Button.Pressed, "#login-button")
    def _submitted(self) -> None:
        self.action_log_in()

    def action_log_in(self) -> None:
        if self.working:
            return
        login = self.query_one("#login-name", Input).value
        password = self.query_one("#login-password", Input).value
        self.working = True
        self._show_error(t("login.working"), error=False)
        self._log_in(login, password)

    @work(thread=True, exclusive=True, group="login")
    def _log_in(self, login: str, password: str) -> None:
        try:
            self.context.log_in(login, password)
        except UserError as exc:
            self.post_message(self.Refused(exc.message))
            return
        self.post_message(self.Accepted())

    def on_login_screen_refused(self, message: Refused) -> None:
        self.working = False
        self._show_error(message.text)
        password = self.query_one("#login-password", Input)
        password.value = ""
        if not self.query_one("#login-name", Input).value.strip():
            self.query_one("#login-name", Input).focus()
        else:
            password.focus()

    def on_login_screen_accepted(self, _message: Accepted) -> None:
        self.dismiss(True)

    def _show_error(self, text: str, *, error: bool = True) -> None:
        note = self.query_one("#login-error", Static)
        note.update(text)
        note.add_class("shown")
        note.set_class(not error, "working")
