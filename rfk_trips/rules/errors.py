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
        # Field key (the form field's English key, e.g. "phone"; a file heads its column in
        # Danish) -> its sentence.
        self.field_errors = field_errors or {}


class NotFoundError(UserError):
    pass


class StaleVersionError(UserError):
    """Someone else saved the record first; the change was not written."""
