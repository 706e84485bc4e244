"""The `rfk-trips` click group: its options, and bare `rfk-trips` opening the terminal UI.

Exit codes: 0 ok, 1 the input was refused (a Danish sentence on stderr, no traceback),
2 usage, 3 the trip check found errors.
"""

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from rfk_trips.cli.language import apply_help_language, given_language
from rfk_trips.cli.support import (
    EXIT_REFUSED,
    CliState,
    refuse,
)
from rfk_trips.database.failures import failure_message
from rfk_trips.i18n.catalogue import get_language, set_language
from rfk_trips.rules.errors import UserError


class RfkGroup(click.Group):
    """Turns refused input into a Danish sentence and exit code 1, never a traceback, and
    speaks the run's language from the first word click prints (usage, help, errors)."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        from rfk_trips.config.preferences import load_preferences

        # The one place the run's language is settled: the --lang given, else the saved one.
        # Read before click parses, so that `--help --lang en` is English although --help
        # comes first; the preferences travel on as the context's object, read once.
        arguments = list(sys.argv[1:] if args is None else args)
        preferences = load_preferences()
        language = given_language(arguments) or preferences.lang
        set_language(language)
        apply_help_language(self, language)
        extra.setdefault("obj", preferences)
        return super().main(arguments, prog_name, complete_var, standalone_mode, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as exc:
            refuse(exc)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:
            # The reader went away (`rfk-trips trips | head`): stop quietly, as Unix tools do.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except Exception as exc:
            state = ctx.obj if isinstance(ctx.obj, CliState) else None
            if state is not None and state.debug:
                raise
            click.echo(failure_message(exc), err=True)
            sys.exit(EXIT_REFUSED)


@click.group(
    "rfk-trips",
    cls=RfkGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option("--db", "db_path", type=click.Path(dir_okay=False), help="SQLite-fil (RFK_TRIPS_DB).")
@click.option("--database-url", help="Fuld SQLAlchemy-URL (RFK_TRIPS_DATABASE_URL).")
@click.option(
    "--key-file",
    type=click.Path(dir_okay=False),
    help="Fil med adgangskoden til en krypteret database (RFK_TRIPS_KEY_FILE).",
)
@click.option(
    "--lang",
    type=click.Choice(["da", "en"]),
    default=None,
    help="Sprog: da (standard, eller det gemte under Indstillinger) eller en.",
)
@click.option("--debug", is_flag=True, help="Vis fejlspor (traceback) ved uventede fejl.")
@click.option("--exit-when-ready", is_flag=True, hidden=True, help="Afslut, når oversigten vises.")
@click.option(
    "--served",
    is_flag=True,
    hidden=True,
    help="Kør som én browsersession af rfk-trips serve.",
)
@click.option(
    "--screenshot",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Gem oversigten som SVG i denne fil, og afslut.",
)
@click.version_option(package_name="rfk-trips", help="Vis versionsnummeret, og afslut.")
@click.pass_context
def cli(
    ctx: click.Context,
    db_path: str | None,
    database_url: str | None,
    key_file: str | None,
    lang: str | None,
    debug: bool,
    exit_when_ready: bool,
    served: bool,
    screenshot: Path | None,
) -> None:
    """rfk-trips: planlæg busture til lokale virksomheder. Uden kommando åbnes programmet."""
    from rfk_trips.config.preferences import Preferences, load_preferences
    from rfk_trips.privacy.acting_user import adopt_acting_user

    # Read by RfkGroup.main, which has also set the language (`lang` or the saved one).
    prefs = ctx.obj if isinstance(ctx.obj, Preferences) else load_preferences()
    lang = get_language()
    # Every audit line of this run names the initials from Indstillinger, else the login.
    adopt_acting_user(prefs.initials)
    ctx.obj = CliState(db_path, database_url, lang, debug, key_file=key_file)
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        from rfk_trips.app.application import make_app
        from rfk_trips.database.keys import refuse_unfitting_key

        # Asked for and tried here: once Textual runs, the terminal is its own.
        key = ctx.obj.key()
        refuse_unfitting_key(ctx.obj.url, key)
        app = make_app(
            database_url=ctx.obj.url,
            key=key,
            lang=lang,
            exit_when_ready=exit_when_ready,
            screenshot=screenshot,
            theme=prefs.theme,
            warm_up=True,
            daily_backup=True,
            freeze_gc=True,
            read_home_early=True,
            served=served,
        )
        app.run(headless=screenshot is not None)
