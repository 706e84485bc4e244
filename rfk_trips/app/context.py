"""What the screens need from the domain: the database and the clock, opened lazily.

Screens receive this object instead of reaching for globals, so a test can run the whole
app against a file in a temporary folder.
"""

import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from rfk_trips.config.clock import today as system_today
from rfk_trips.database.changes import last_change_stamp
from rfk_trips.database.opening import OpenedDatabase, open_database
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError
from rfk_trips.trips.overview import Overview, load_overview

if TYPE_CHECKING:  # they load the ORM services: imported when a screen first asks
    from rfk_trips.app.services import CheckinServices, RegisterServices
    from rfk_trips.app.trip_editor_services import TripEditorServices


@dataclass
class AppContext:
    database_url: str
    today: Callable[[], date] = system_today
    # The SQLCipher passphrase, asked for before Textual starts; None for a plaintext file.
    key: str | None = field(default=None, repr=False)
    # The day's automatic backup on first open: the real app asks for it, tests need not.
    daily_backup: bool = False
    # A browser session on a server database: nothing opens before the user has logged in
    # with their own login (`log_in`); the URL holds no login of its own.
    login_required: bool = False
    _opened: OpenedDatabase | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _warned: bool = field(default=False, repr=False)
    _early_overview: "Future[Overview] | None" = field(default=None, repr=False)
    # Callbacks wait while the domain is deferred (by `read_home_early`) or loading.
    _domain_deferred: bool = field(default=False, repr=False)
    _domain_loader: threading.Thread | None = field(default=None, repr=False)
    _domain_waiters: list[Callable[[], object]] = field(default_factory=list, repr=False)
    # The thread that watches for changes (`watch_changes`), and what stops it.
    _watcher: threading.Thread | None = field(default=None, repr=False)
    _was_opened: threading.Event = field(default_factory=threading.Event, repr=False)
    _stop_watching: threading.Event = field(default_factory=threading.Event, repr=False)
    _watch_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def database(self) -> OpenedDatabase:
        """Open (and if need be upgrade) the database once; safe to call from workers."""
        with self._lock:
            if self._opened is None:
                if self.login_required:
                    raise UserError(t("login.first"))
                self._opened = open_database(
                    self.database_url, self.key, daily_backup=self.daily_backup
                )
                self._was_opened.set()
            return self._opened

    def log_in(self, login: str, password: str) -> None:
        """Open the database with this person's own login (`login_required`); UserError, in
        the user's language, when the server refuses it. Safe to call from workers."""
        from rfk_trips.database.logins import open_as
        from rfk_trips.privacy.acting_user import adopt_acting_user

        opened = open_as(self.database_url, login, password)
        # This process is this person's session: what it records outside the audit log (who
        # printed a run sheet) names the login too, not the server's user.
        adopt_acting_user(opened.engine.url.username or "")
        with self._lock:
            if self._opened is not None:
                self._opened.engine.dispose()
            self._opened = opened
            self.login_required = False
            self._was_opened.set()

    @property
    def logged_in(self) -> bool:
        """Whether the database may be used: always, unless a login is still to be made."""
        return not self.login_required

    def registers(self) -> "RegisterServices":
        """The registers' services, bound to the database (opened now if need be)."""
        from rfk_trips.app.services import RegisterServices

        return RegisterServices(self.database().engine)

    def checkin(self) -> "CheckinServices":
        """The check-in services, bound to the database (opened now if need be)."""
        from rfk_trips.app.services import CheckinServices

        return CheckinServices(self.database().engine)

    def trip_editor(self) -> "TripEditorServices":
        """The trip editor's services, bound to the database (opened now if need be)."""
        from rfk_trips.app.trip_editor_services import TripEditorServices

        return TripEditorServices(self.database().engine)

    def read_home_early(self) -> None:
        """Open the database and read the home screen's figures now, in a thread.

        Called just before Textual starts: the file is opened (and if need be upgraded)
        and the overview read while Textual builds the home screen, instead of after it.
        The home screen's first `overview()` takes the result, or the error, from here.
        """
        early: Future[Overview] = Future()
        self._early_overview = early
        self._domain_deferred = True  # the home screen reads without it; see load_domain_later

        def read() -> None:
            try:
                early.set_result(self._read_overview())
            except BaseException as exc:  # handed on whole to the screen's worker
                early.set_exception(exc)

        threading.Thread(target=read, name="home-early", daemon=True).start()

    def load_domain_later(self, then: Callable[[], object] = lambda: None) -> None:
        """Load the services and the table models in a thread, once the home screen shows.

        The home screen reads through SQLAlchemy Core and needs neither; every other screen
        does. Loaded here, in a daemon thread, they cost the home screen nothing, and a user
        who quits at once is not kept waiting for them, as for a worker of Textual's. The
        ORM's mappers are configured here too, not in the first list screen's first query.
        `then` waits for it as `when_domain_loaded` callbacks do (once: later calls do
        nothing).
        """

        def load() -> None:
            try:
                from sqlalchemy.orm import configure_mappers

                from rfk_trips.trips import trip_service  # noqa: F401  (the rules and the models)

                configure_mappers()
            finally:  # a failure here shows where the waiters load them again themselves
                self._domain_loaded()

        with self._lock:
            if self._domain_loader is not None:
                return
            self._domain_deferred = True
            self._domain_waiters.append(then)
            self._domain_loader = threading.Thread(target=load, name="domain-loader", daemon=True)
        self._domain_loader.start()

    def _domain_loaded(self) -> None:
        with self._lock:
            self._domain_deferred = False
            waiters, self._domain_waiters = self._domain_waiters, []
        for waiter in waiters:
            waiter()

    def when_domain_loaded(self, callback: Callable[[], object]) -> None:
        """Call `callback` once `load_domain_later` is done: now, if nothing was deferred."""
        with self._lock:
            if self._domain_deferred:
                self._domain_waiters.append(callback)
                return
        callback()

    def overview(self) -> Overview:
        """The home screen's figures; the first call takes those read at start-up, if any."""
        with self._lock:
            early, self._early_overview = self._early_overview, None
        if early is not None:
            return early.result()
        return self._read_overview()

    def _read_overview(self) -> Overview:
        opened = self.database()
        return load_overview(opened.engine, today=self.today(), database=opened.describe())

    def startup_warning(self) -> str | None:
        """What the user must hear once after opening (a daily backup that failed), or None."""
        with self._lock:
            if self._opened is None or self._warned:
                return None
            self._warned = True
            return self._opened.daily_backup_warning

    def watch_changes(self, on_change: Callable[[], object], *, every_s: float) -> None:
        """Call `on_change` each time the database has changed, looking every `every_s`.

        In a daemon thread of its own, not a Textual worker: a read that hangs on a server
        gone away must not keep the user from quitting, and a test's `settle` does not wait
        for it. It never opens the database itself; its first look, as soon as the app has
        opened it, is what the screens were read from, so that one is no change.
        `on_change` is called from that thread, never after `close`.
        """
        with self._lock:
            if self._watcher is not None:
                return
            self._watcher = threading.Thread(
                target=self._watch, args=(on_change, every_s), name="change-watcher", daemon=True
            )
        self._watcher.start()

    def _watch(self, on_change: Callable[[], object], every_s: float) -> None:
        self._was_opened.wait()  # set by `close` too
        seen: tuple[Engine, str | None] | None = None  # the stamp last read, and from where
        pause = 0.0  # the first look at once: the screens are being read from it now
        while not self._stop_watching.wait(pause):
            pause = every_s
            with self._lock:
                opened = self._opened
            if opened is None:
                continue
            try:
                stamp = last_change_stamp(opened.engine)
            except (SQLAlchemyError, OSError):
                # The server away a moment, the file being restored: looked at again next
                # time. The user's next action says what is wrong, in words.
                continue
            # The first look at a database (opened anew after `close` too) is no change.
            changed = seen is not None and seen[0] is opened.engine and seen[1] != stamp
            seen = (opened.engine, stamp)
            if changed:
                with self._watch_lock:
                    if self._stop_watching.is_set():
                        return
                    on_change()

    def close(self) -> None:
        with self._watch_lock:
            self._stop_watching.set()
            self._was_opened.set()  # a watcher still waiting for the database stops too
        with self._lock:
            if self._opened is not None:
                self._opened.engine.dispose()
                self._opened = None
