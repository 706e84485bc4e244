"""`rfk-trips serve`: the app in a browser, each browser session its own app (textual-serve).

Attached to the main group in `rfk_trips.cli.main`; the serving itself is `rfk_trips.app.serving`.
"""

import click

from rfk_trips.cli.support import CliState, pass_state


@click.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Adressen, der lyttes på (på en SQLite-fil kun 127.0.0.1).",
)
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="Porten, der lyttes på.",
)
@pass_state
def serve_command(state: CliState, host: str, port: int) -> None:
    """Kør programmet i browseren: hver browser får sit eget program (kræver rfk-trips[serve])."""
    from rfk_trips.app.serving import serve
    from rfk_trips.config.environment import key_file_given

    key_file = key_file_given(state.key_file)
    serve(
        state.url,
        host=host,
        port=port,
        lang=state.lang,
        key_file=str(key_file) if key_file else None,
    )


COMMANDS: tuple[click.Command, ...] = (serve_command,)
