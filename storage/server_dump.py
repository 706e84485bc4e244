"""Backup and restore of a PostgreSQL database with PostgreSQL's own tools.

`pg_dump --format=custom` writes one file that `pg_restore` reads back. The password never
stands on a command line (where `ps` would show it to every user of the machine): the tools
get the URL without it, and the password in PGPASSWORD.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

DUMP_TOOL = "pg_dump"
RESTORE_TOOL = "pg_restore"


class ToolMissing(Exception):
    """The PostgreSQL tool is not on PATH."""

    def __init__(self, tool: str) -> None:
        super().__init__(tool)
        self.tool = tool


class ToolFailed(Exception):
    """The tool ran and failed; the message is its own first lines, without the password."""


def tool_path(name: str) -> str | None:
    return shutil.which(name)


def _connection(url: str) -> tuple[str, dict[str, str]]:
    """The libpq URI (no password, no SQLAlchemy driver) and the environment with it."""
    parsed = make_url(url)
    environment = dict(os.environ)
    if parsed.password:
        environment["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), environment


def _run(tool: str, arguments: list[str], url: str | None) -> str:
    found = tool_path(tool)
    if found is None:
        raise ToolMissing(tool)
    uri, environment = _connection(url) if url is not None else ("", dict(os.environ))
    password = make_url(url).password if url is not None else None
    completed = subprocess.run(
        [found, *[uri if argument == "{uri}" else argument for argument in arguments]],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        message = (completed.stderr or completed.stdout).strip()
        if password:
            message = message.replace(str(password), "***")
        raise ToolFailed("\n".join(message.splitlines()[:3]))
    return completed.stdout


def dump(url: str, target: Path) -> None:
    """The whole database in one custom-format file at `target` (which must not exist)."""
    _run(DUMP_TOOL, ["--format=custom", "--no-owner", "--no-privileges", "--file", str(target),
                     "--dbname", "{uri}"], url)  # fmt: skip


def restore(url: str, source: Path) -> None:
    """Replace the database's tables with the dump's, in one transaction: all or nothing."""
    _run(RESTORE_TOOL, ["--clean", "--if-exists", "--no-owner", "--no-privileges",
                        "--single-transaction", "--exit-on-error", "--dbname", "{uri}",
                        str(source)], url)  # fmt: skip


_LAST_CHANGE = re.compile(r"^last_change_at\t(\S+)$", re.MULTILINE)


def last_change_in(source: Path) -> str | None:
    """The last-change stamp the dump holds (its database_info row), or None.

    Raises ToolFailed when `source` is not a dump pg_restore can read.
    """
    text = _run(RESTORE_TOOL, ["--data-only", "--table=database_info", "--file=-", str(source)],
                None)  # fmt: skip
    found = _LAST_CHANGE.search(text)
    return found.group(1) if found else None
