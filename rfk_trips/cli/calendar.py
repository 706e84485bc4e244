"""Commands that send a trip out of rfk-trips: `ics` (Outlook calendar) and `reminders` (SMS).

Attached to the main group in `rfk_trips.cli.main`.
"""

from pathlib import Path

import click

from rfk_trips.cli.support import CliState, pass_state
from rfk_trips.i18n.catalogue import t


@click.command("ics")
@click.argument("trip_id", type=int)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Kalenderfilen, der skal skrives (.ics).",
)
@pass_state
def ics_command(state: CliState, trip_id: int, output: Path) -> None:
    """Gem turen og dens besøg som kalenderfil (.ics) til Outlook, uden borgernes navne."""
    from rfk_trips.documents.calendar_export import write_calendar_file

    written = write_calendar_file(state.engine, trip_id, output)
    click.echo(
        t("calendar.ics_done", title=written.title, path=written.path, events=written.events)
    )
    if written.cancelled_visits:
        click.echo(t("calendar.ics_cancelled", count=written.cancelled_visits))


@click.command("reminders")
@click.argument("trip_id", type=int)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Filen til sms-systemet (.csv eller .xlsx).",
)
@pass_state
def reminders_command(state: CliState, trip_id: int, output: Path) -> None:
    """Gem sms-påmindelser til turens deltagere (navn, telefon, besked) som .csv eller .xlsx."""
    from rfk_trips.documents.reminders import write_reminders

    result = write_reminders(state.engine, trip_id, output)
    click.echo(t("calendar.reminders_done", count=result.rows, path=result.path))
    if result.without_phone:
        click.echo(
            t(
                "calendar.reminders_no_phone",
                count=result.without_phone,
                names=", ".join(result.names_without_phone),
            )
        )


COMMANDS: tuple[click.Command, ...] = (ics_command, reminders_command)
