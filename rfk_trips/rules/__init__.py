"""The rules of the domain as plain functions: what a trip, a host, a field or a date must be.

Trip and company rules (R05-R12), the trip formats' defaults, field validation (CVR, phone,
postcode), Danish dates and public holidays, host ranking, moving a programme, and the outcome
figures' counting. Nothing here opens a database, draws a screen or parses a command line: the
import-linter contracts in pyproject.toml forbid textual, click, sqlalchemy, sqlmodel and the
storage engine and tables. Refusals are `errors.UserError` with a finished Danish sentence.
"""
