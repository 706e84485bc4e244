"""Errors a user can cause: each carries a finished Danish (or English) sentence."""


class UserError(Exception):
    """Input refused. The message says what is wrong and what to do; nothing was saved."""

    def __init__(
        self,
        message: str,
        details: list[str] | None = None,
        field_errors: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []
        # Field key (the import column name, also the form field's id) -> its sentence.
        self.field_errors = field_errors or {}


class NotFoundError(UserError):
    pass


class StaleVersionError(UserError):
    """Someone else saved the record first; the change was not written."""


def failure_message(exc: Exception) -> str:
    """The sentence for a failure that is not the user's doing; nothing of it was saved.

    One place for the CLI and the screens: a full disk, a read-only folder or a database held
    by another user reads as such (rfk_trips.storage_errors), anything else as the general
    apology (the details belong in --debug, never on screen).
    """
    from sqlalchemy.exc import DatabaseError

    from rfk_trips.i18n import t
    from rfk_trips.storage_errors import database_failure

    if isinstance(exc, UserError):
        return exc.message
    if (storage := database_failure(exc)) is not None:
        # A full disk, a read-only folder or a database busy with another user.
        return storage
    if isinstance(exc, DatabaseError) and any(
        words in str(exc).lower() for words in ("malformed", "not a database", "disk image")
    ):
        # Damage found in the middle of the file, after it opened: the same advice as at start.
        return t("error.database_damaged_found")
    return t("error.unexpected")
