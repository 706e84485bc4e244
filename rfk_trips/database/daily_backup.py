"""The automatic copy of the database on the first start of each day (the newest 14 kept).

Checked with two stats, without opening SQLite, so every later start that day costs nothing.
A copy that cannot be made (a full disk, a read-only folder) is told as a warning: the user
goes on working, and the reason is in the sentence.
"""

import sqlite3
from contextlib import closing
from pathlib import Path

from rfk_trips.config.clock import today
from rfk_trips.database.failures import reason_in_words
from rfk_trips.i18n.catalogue import t
from storage import backup


def backup_once_a_day(path: Path, key: str | None = None) -> tuple[Path | None, str | None]:
    """(the copy made, None), (None, a Danish warning) or (None, None) when none was due.

    An encrypted database is copied encrypted with its `key`; without one only a plain
    SQLite file can be copied.
    """
    day = today()
    if not backup.daily_backup_due(path, day) or (key is None and not _plain_sqlite(path)):
        return None, None
    try:
        return backup.take_daily_backup(path, day, key=key), None
    except (OSError, sqlite3.Error) as exc:
        folder = backup.backup_folder(path)
        return None, t("backup.daily_failed", folder=folder, reason=reason_in_words(exc))


def _plain_sqlite(path: Path) -> bool:
    """An encrypted (SQLCipher) file cannot be copied by the plain sqlite3 backup API.

    Asked of SQLite, not read from the file: the database is open in this process by now,
    and closing any other handle on its file drops every lock this process holds on it
    (POSIX locks belong to the process). Another rfk-trips closing then believed itself the
    last, deleted the WAL files under this one, and this process saw no colleague's change
    again (sqlite.org/howtocorrupt.html, 2.2). SQLite keeps its own handles open for that.
    """
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as connection:
            connection.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.Error:
        return False
    return True
