"""A colleague's own login to a shared PostgreSQL database, typed into a browser session.

`rfk-trips serve` gives each session the server's URL without a login (`app.serving`); the
session's login screen asks for the person's database login and password, and everything
the session does goes over that login: the server's privileges for it, and the audit log's
"who" (PostgreSQL's `session_user`). A refused login is one sentence, in the user's language.
"""

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from rfk_trips.database.opening import OpenedDatabase, open_database
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError

# PostgreSQL's answers to a login (SQLSTATE): a wrong password (or no such role: the server
# says the same for both), a login it will not take at all, and no right to the database.
WRONG_PASSWORD = "28P01"
NOT_AUTHORISED = "28000"
NO_PRIVILEGE = "42501"
_REASON_MAX = 200
# A refusal while connecting comes without its SQLSTATE (libpq has only the server's words):
# the server's own sentences, in English, the language of a default cluster.
_REFUSED_WORDS = (
    "password authentication failed",
    "no password supplied",
    "authentication failed",
)
_NO_PRIVILEGE_WORDS = ("permission denied for database", "not permitted to log in")


# Whether the login may read rfk-trips' tables (a member of the colleagues' role, or the
# owner); an empty database, not yet set up, is the owner's upgrade to say no to.
_MAY_READ = text(
    "SELECT to_regclass('public.alembic_version') IS NULL "
    "OR has_table_privilege('public.alembic_version', 'SELECT')"
)


def _said_any(said: str, words: tuple[str, ...]) -> bool:
    lowered = said.lower()
    return any(word in lowered for word in words)


def normal_login(login: str) -> str:
    """A login as the server knows it: PostgreSQL folds unquoted role names to lower case."""
    return login.strip().lower()


def login_url(base_url: str, login: str, password: str) -> str:
    """`base_url` with this login and password (any login already in it replaced)."""
    url = make_url(base_url).set(username=normal_login(login), password=password)
    return url.render_as_string(hide_password=False)


def check_login(url: str, login: str) -> None:
    """Connect once as the login in `url`; UserError saying why, when the server refuses."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            allowed = connection.execute(_MAY_READ).scalar()
    except DBAPIError as exc:
        said = str(exc.orig).strip()
        state = getattr(exc.orig, "sqlstate", None)
        if state in (WRONG_PASSWORD, NOT_AUTHORISED) or _said_any(said, _REFUSED_WORDS):
            raise UserError(t("login.refused")) from None
        if state == NO_PRIVILEGE or _said_any(said, _NO_PRIVILEGE_WORDS):
            raise UserError(t("login.not_allowed", login=login)) from None
        reason = said.splitlines()[0][:_REASON_MAX] if said else type(exc.orig).__name__
        raise UserError(t("login.server_away", reason=reason)) from None
    finally:
        engine.dispose()
    if not allowed:  # a login of the server, but not one of rfk-trips' colleagues
        raise UserError(t("login.not_allowed", login=login))


def open_as(base_url: str, login: str, password: str) -> OpenedDatabase:
    """The database opened with this person's own login; UserError when refused."""
    if not normal_login(login):
        raise UserError(t("login.name_missing"))
    if not password:
        raise UserError(t("login.password_missing"))
    url = login_url(base_url, login, password)
    try:
        check_login(url, normal_login(login))
    except (ModuleNotFoundError, ImportError) as exc:  # psycopg: rfk-trips[postgres]
        where = make_url(base_url).render_as_string(hide_password=True)
        raise UserError(t("error.database_driver", where=where)) from exc
    return open_database(url)
