"""Who is at the keyboard, for the audit log and the records of what leaves the app.

The initials set under Indstillinger, else the operating-system login. Both are what a data
protection officer can trace to a person; neither is a citizen's data, so they may be
stored beside what that person changed or printed.
"""

from storage import actor


def acting_user() -> str:
    """The name this process acts under: set at start (`adopt_acting_user`), else the login."""
    return actor.current_actor()


def adopt_acting_user(initials: str | None = None) -> str:
    """Act under `initials` (default: the saved settings), or the OS login when none are set.

    Called once when the command line or the app starts, so every audit line and every
    print record of this process names the same person.
    """
    if initials is None:
        from rfk_trips.config.preferences import load_preferences

        initials = load_preferences().initials
    actor.set_actor(initials)
    return actor.current_actor()
