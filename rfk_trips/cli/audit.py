"""`rfk-trips audit`: the audit log, newest first."""

import click

from rfk_trips.cli.support import CliState, pass_state, print_json
from rfk_trips.i18n.catalogue import t

DEFAULT_LIMIT = 200


@click.command("audit")
@click.option("--citizen", "citizen_id", type=int, help="Kun linjer om denne borger (id).")
@click.option(
    "--read-outs",
    is_flag=True,
    help="Kun det, der har forladt programmet: eksport, udskrift, kalenderfil, påmindelser.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=DEFAULT_LIMIT,
    show_default=True,
    help="Højst så mange linjer, de nyeste først; 0 viser alle.",
)
@click.option("--json", "as_json", is_flag=True, help="Skriv linjerne som JSON (engelske nøgler).")
@pass_state
def audit_command(
    state: CliState, citizen_id: int | None, read_outs: bool, limit: int, as_json: bool
) -> None:
    """Revisionsloggen: hvem oprettede, ændrede og slettede hvad, og hvad forlod programmet.

    Loggen nævner feltnavne og filnavne, aldrig indholdet; en ændring af den opdages.
    """
    from rfk_trips.privacy.audit_log import audit_chain_report, audit_lines
    from rfk_trips.privacy.audit_text import as_json as line_as_json
    from rfk_trips.privacy.audit_text import chain_warning, render_table

    # One more than asked for tells whether there are more than are shown.
    lines = audit_lines(
        state.engine,
        citizen_id=citizen_id,
        read_outs_only=read_outs,
        limit=limit + 1 if limit else None,
    )
    capped = bool(limit) and len(lines) > limit
    lines = lines[:limit] if limit else lines
    if as_json:
        print_json([line_as_json(line) for line in lines])
    elif not lines:
        click.echo(
            t("audit.none_for_citizen", id=citizen_id)
            if citizen_id is not None
            else t("audit.none")
        )
    else:
        click.echo(render_table(lines))
    if capped:
        click.echo(t("audit.capped", limit=limit), err=True)
    # On stderr, like the note above: the table (or the JSON) on stdout stays as it is.
    warning = chain_warning(audit_chain_report(state.engine))
    if warning is not None:
        click.echo(warning, err=True)


COMMANDS: tuple[click.Command, ...] = (audit_command,)
