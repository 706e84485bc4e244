"""Who is at the keyboard, for the records of what leaves the app (prints, later the audit)."""

import getpass

_MAX_LENGTH = 60  # the width of the columns that keep it


def acting_user() -> str:
    """The operating-system login of the person running rfk-trips, or "ukendt" if none is set.

    The login is what a data protection officer can trace to a person; it is never a
    citizen's data, so it may be stored beside what they printed.
    """
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no login name in the environment or the password database
        name = ""
    return (name.strip() or "ukendt")[:_MAX_LENGTH]
