"""Who this process acts for, named in every audit line: kept apart from the audit log's
writing, which needs the ORM, so that setting it at start-up loads nothing heavy."""

import getpass

_MAX_ACTOR = 60

_actor = ""


def set_actor(name: str) -> None:
    """Who the rest of this process acts for: initials from settings, or the OS login."""
    global _actor
    _actor = name.strip()[:_MAX_ACTOR]


def current_actor() -> str:
    if _actor:
        return _actor
    try:
        login = getpass.getuser()
    except (KeyError, OSError, ImportError, AttributeError):
        # No login name in the environment, and none in a password database: Windows has no
        # `pwd` module (nor os.getuid) for Python 3.11 and 3.12's getpass to fall back on.
        login = ""
    return (login.strip() or "ukendt")[:_MAX_ACTOR]
