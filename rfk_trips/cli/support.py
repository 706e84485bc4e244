"""What every command module shares: the per-command state, parameter types, output helpers.

Command groups live in their own modules (`cli_*.py`) and are attached in `rfk_trips.cli.main`.
"""

import json
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum, StrEnum
from typing import Any, NoReturn

import click

from rfk_trips.cli.language import install_click_catalogue
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError

# Before any command is defined (every command module imports this one): click asks for
# some sentences as it builds a command.
install_click_catalogue()

EXIT_REFUSED = 1
EXIT_CHECK_ERRORS = 3


@dataclass
class CliState:
    db_path: str | None
    database_url: str | None
    lang: str
    debug: bool
    key_file: str | None = None
    # Every command's first open of the day leaves a copy in the backup folder.
    daily_backup: bool = True
    _opened: Any = field(default=None, repr=False)
    _key: str | None = field(default=None, repr=False)
    _key_known: bool = field(default=False, repr=False)

    @property
    def url(self) -> str:
        """The database's URL; a URL SQLAlchemy cannot read is the user's to fix, in Danish."""
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        from rfk_trips.config.environment import database_choice
        from storage.engine import resolve_database_url

        url = resolve_database_url(*database_choice(self.db_path, self.database_url))
        try:
            make_url(url)
        except ArgumentError:
            # Not repeated in the sentence: a mistyped URL may still hold a password.
            raise UserError(t("cli.database_url_invalid")) from None
        return url

    def database(self) -> Any:
        """The opened (and if need be upgraded) database, opened once per command."""
        if self._opened is None:
            from rfk_trips.database.opening import open_database

            self._opened = open_database(self.url, self.key(), daily_backup=self.daily_backup)
            if self._opened.daily_backup_warning:
                click.echo(self._opened.daily_backup_warning, err=True)
            if self._opened.upgrade is not None and self._opened.upgrade.backup is not None:
                result = self._opened.upgrade
                click.echo(
                    t(
                        "db.upgraded",
                        before=result.from_revision,
                        after=result.to_revision,
                        backup=result.backup,
                    ),
                    err=True,
                )
        return self._opened

    def key(self, *also: Any, for_database: bool = True) -> str | None:
        """The SQLCipher passphrase: the key file, or asked for (once) on a terminal when the
        database (unless not `for_database`) or a file in `also` is encrypted; else None."""
        if not self._key_known:
            from pathlib import Path

            from rfk_trips.database.keys import key_for
            from storage.engine import sqlite_path

            path = sqlite_path(self.url)
            paths = [Path(p) for p in also]
            if for_database and path is not None:
                paths.append(path)
            self._key = key_for(paths, self.key_file, terminal_asker())
            self._key_known = True
        return self._key

    @property
    def engine(self) -> Any:
        return self.database().engine

    def close(self) -> None:
        if self._opened is not None:
            self._opened.engine.dispose()
            self._opened = None


pass_state = click.make_pass_decorator(CliState)


def terminal_is_interactive() -> bool:
    return sys.stdin.isatty()


def terminal_asker() -> Any:
    """A hidden prompt for a passphrase, or None when no one is at a terminal to answer."""
    if not terminal_is_interactive():
        return None

    def ask(prompt: str) -> str:
        return str(click.prompt(prompt, hide_input=True, default="", show_default=False))

    return ask


def today() -> date:
    from rfk_trips.config.clock import today

    return today()


def json_default(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    raise TypeError(type(value))


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=json_default))


def refuse(error: UserError) -> NoReturn:
    click.echo(error.message, err=True)
    for detail in error.details:
        click.echo(f"  - {detail}", err=True)
    sys.exit(EXIT_REFUSED)


class DanishDate(click.ParamType[date]):
    name = "dato"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return t("cli.date_metavar")

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        from rfk_trips.rules.danish_dates import parse_date

        try:
            return parse_date(str(value), today())
        except UserError as exc:
            self.fail(exc.message, param, ctx)


class ClockTime(click.ParamType[time]):
    name = "tt:mm"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return t("cli.time_metavar")

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> time:
        if isinstance(value, time):
            return value
        from rfk_trips.rules.danish_dates import parse_time

        try:
            return parse_time(str(value))
        except UserError as exc:
            self.fail(exc.message, param, ctx)


DATE = DanishDate()
TIME = ClockTime()


class CodeChoice(click.ParamType[StrEnum]):
    """A stored code typed as its Danish or English label, a short form or the code itself.

    `--status planlagt`, `--status Planlagt` and `--status planned` are the same; anything
    else is refused with a Danish sentence listing what is allowed (exit 2, as usage).
    """

    def __init__(self, enum_cls: type[StrEnum]) -> None:
        self.enum_cls = enum_cls
        self.name = enum_cls.__name__

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        from rfk_trips.i18n.labels import label

        return "[" + "|".join(label(member).lower() for member in self.enum_cls) + "]"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> StrEnum:
        if isinstance(value, self.enum_cls):
            return value
        from rfk_trips.i18n.labels import choices, parse_code

        code = parse_code(self.enum_cls, str(value))
        if code is None:
            self.fail(
                t("cli.unknown_code", value=value, choices=choices(self.enum_cls)), param, ctx
            )
        return code
