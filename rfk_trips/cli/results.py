"""`rfk-trips stats`: what came of the bus trips."""

from dataclasses import asdict
from datetime import date

import click

from rfk_trips.cli.support import DATE, CliState, pass_state, print_json, today


@click.command("stats")
@click.option("--from", "date_from", type=DATE, help="Første turdato, der tælles med.")
@click.option("--to", "date_to", type=DATE, help="Sidste turdato, der tælles med.")
@click.option("--municipality", help="Kun ture i denne kommune, fx Lolland.")
@click.option("--trip-format", help="Kun ture med dette turformat, fx guldborgsund.")
@click.option("--trip", "trip_id", type=int, help="Kun denne tur (id): hvad kom der ud af den?")
@click.option(
    "--on",
    "on",
    type=DATE,
    help="Status på denne dato: hvem var i gang med et resultat den dag (standard: i dag).",
)
@click.option("--json", "as_json", is_flag=True, help="Skriv tallene som JSON.")
@click.option(
    "--suppress-small",
    is_flag=True,
    help="Vis tal på 1–4 som »<5«, til tal der skal ud af jobcentret.",
)
@pass_state
def stats_command(
    state: CliState,
    date_from: date | None,
    date_to: date | None,
    municipality: str | None,
    trip_format: str | None,
    trip_id: int | None,
    on: date | None,
    as_json: bool,
    suppress_small: bool,
) -> None:
    """Tal for gennemførte ture: fremmøde og resultater efter turen, i alt og fordelt."""
    from rfk_trips.results.results_service import ResultFilter, figures_as_json, load_figures
    from rfk_trips.results.results_text import render

    where = ResultFilter(date_from, date_to, municipality, trip_format, trip_id)
    figures = load_figures(state.engine, where, on=on or today(), today=today())
    data = figures_as_json(figures, suppress_small=suppress_small)
    if as_json:
        print_json(data)
        return
    click.echo(render(data, asdict(where)))
    from rfk_trips.results.targets_text import report_targets

    progress = report_targets(state.engine, where, today=today())
    if progress:
        click.echo("\n".join(["", *progress]))


COMMANDS: tuple[click.Command, ...] = (stats_command,)
