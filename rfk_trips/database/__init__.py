"""Opening the database for a user action, and keeping it safe.

Opening with migrations (a backup first) and built-in reference data, encryption at rest,
backup/restore/check, the daily automatic copy, and failures: a full disk, a read-only folder or
a busy database told as one Danish sentence wherever it happens.
"""
