"""`rfk-trips serve`: the app in a browser (textual-serve), one app process per browser session.

textual-serve runs a command for each browser that connects and relays that process's
terminal over a websocket. The command is this Python's rfk-trips on the same database with
`--served` (`session_command`). On a shared PostgreSQL database the URL goes to the session
without any login or password in it: each session starts with the login screen and connects
with that person's own login, so the server's privileges and the audit log's "who" hold in the
browser too. A SQLite file is one person's, with no login: it is served on this machine's own
address only (`refuse_unsafe_host`).

The page is rfk-trips' own (`web/app_index.html`): in the user's language, and with its fonts
from this server (`web_fonts`), so the browser asks no other site for anything.
"""

import shlex
import sys
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError
from storage.cipher import looks_encrypted
from storage.engine import is_sqlite, sqlite_path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# The addresses a SQLite database may be served on: this machine's own.
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def needs_login(url: str) -> bool:
    """Whether a browser session logs in first: on a server database, not on a SQLite file."""
    return not is_sqlite(url)


def refuse_unsafe_host(url: str, host: str) -> None:
    """Refuse to serve a SQLite file on any address but this machine's own."""
    if is_sqlite(url) and host.strip().lower() not in LOCAL_HOSTS:
        raise UserError(t("serve.sqlite_host_refused", host=host))


def refuse_unreadable_file(url: str, key_file: str | None) -> None:
    """An encrypted SQLite file needs its passphrase in a file: a session cannot ask for it."""
    path = sqlite_path(url)
    if key_file is None and path is not None and path.is_file() and looks_encrypted(path):
        raise UserError(t("serve.key_file_needed"))


def session_url(url: str) -> str:
    """The database as a session is given it: a server's without the login and password of
    whoever started `serve` (the session's user logs in with their own)."""
    if is_sqlite(url):
        return url
    parsed = make_url(url)
    bare = URL.create(
        parsed.drivername,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=parsed.query,
    )
    return bare.render_as_string(hide_password=False)


def session_command(url: str, *, lang: str, key_file: str | None = None) -> str:
    """The shell command textual-serve runs for each browser session."""
    args = [sys.executable, "-m", "rfk_trips", "--database-url", session_url(url)]
    args += ["--lang", lang]
    if key_file is not None:
        args += ["--key-file", str(Path(key_file).expanduser().resolve())]
    return shlex.join([*args, "--served"])


def serve(url: str, *, host: str, port: int, lang: str, key_file: str | None = None) -> None:
    """Serve rfk-trips on `host`:`port` until Ctrl+C; refusals as UserError, in Danish."""
    refuse_unsafe_host(url, host)
    refuse_unreadable_file(url, key_file)
    try:
        from rfk_trips.app.web_server import RfkServer
    except ModuleNotFoundError as exc:  # textual-serve, aiohttp: the serve extra
        raise UserError(t("serve.not_installed")) from exc
    server = RfkServer(session_command(url, lang=lang, key_file=key_file), host=host, port=port)
    try:
        server.serve()
    except OSError as exc:  # the port is taken, or the address is not this machine's
        reason = exc.strerror or str(exc)
        raise UserError(t("serve.port_taken", host=host, port=port, reason=reason)) from exc
