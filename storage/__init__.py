"""Persistence for rfk-trips: SQLModel tables, engine and sessions, migrations, files, backup.

This package knows nothing of Textual or of the planning rules; `rfk_trips` builds on it.
"""
