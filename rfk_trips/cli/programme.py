"""`rfk-trips programme`: save a trip's printed programme for one audience.

Attached to the main group in `rfk_trips.cli.main`.
"""

from pathlib import Path

import click

from rfk_trips.cli.support import CliState, pass_state, today
from rfk_trips.i18n.catalogue import t

# The same as `programme_content.AUDIENCES`, spelt out so `--help` stays quick to load.
AUDIENCE_CHOICES = ("participant", "staff", "company", "bus")


@click.command("programme")
@click.argument("trip_id", type=int)
@click.option(
    "--for",
    "audience",
    type=click.Choice(AUDIENCE_CHOICES),
    required=True,
    help="Hvem programmet er til: participant (deltagere), staff (køreark til medarbejdere), "
    "company (værtsvirksomheden) eller bus (busselskabet).",
)
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Filen, der skal gemmes: .pdf, .txt eller .md.",
)
@pass_state
def programme(state: CliState, trip_id: int, audience: str, output: Path) -> None:
    """Gem turens program til deltagere, medarbejdere, virksomheden eller bussen."""
    from rfk_trips.documents.programme_service import write_programme

    path = write_programme(state.engine, trip_id, audience, output, today=today())
    document = t(f"programme.audience.{audience}")
    click.echo(t("programme.written", document=document, id=trip_id, path=path))


COMMANDS: tuple[click.Command, ...] = (programme,)
