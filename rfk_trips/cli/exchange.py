"""`rfk-trips demo`, `import` and `export`: data in and out of the registers."""

import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

import click

from rfk_trips.cli.support import (
    DATE,
    CliState,
    pass_state,
    today,
)
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError

# --- demo ----------


@click.command()
@click.option("--scale", type=int, default=1, show_default=True, help="Gang datamængden op.")
@click.option("--seed", type=int, default=2026, show_default=True)
@click.option("--force", is_flag=True, help="Læg demodata i en database, der ikke er tom.")
@pass_state
def demo(state: CliState, scale: int, seed: int, force: bool) -> None:
    """Fyld databasen med realistiske demodata for Lolland og Guldborgsund."""
    from rfk_trips.exchange import demo_data

    if scale < 1:
        raise UserError(t("demo.scale"))
    now = today()
    if not force and not demo_data.is_empty(state.engine, now):
        raise UserError(t("demo.not_empty"))
    result = demo_data.load_demo(state.engine, scale=scale, seed=seed, today=now)
    click.echo(t("demo.done", **asdict(result)))


# --- import / export ----------


@click.command("import")
@click.argument(
    "kind",
    type=click.Choice(["companies", "citizens", "staff", "trips", "attendance", "outcomes"]),
)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Tjek filen uden at skrive noget.")
@pass_state
def import_command(state: CliState, kind: str, file: Path, dry_run: bool) -> None:
    """Importér virksomheder, borgere eller medarbejdere fra .csv eller .xlsx.

    trips, attendance og outcomes bringer historikken ind: tidligere ture, fremmødet på dem og
    resultaterne bagefter. Importér registrene først, så turene, så fremmødet, så resultaterne.
    """
    from rfk_trips.exchange.import_reading import ImportStep
    from rfk_trips.exchange.importing import import_file

    # A count that counts up on one line, where someone watches (a log gets the summary).
    shown = sys.stderr.isatty()

    def progress(step: ImportStep) -> None:
        click.echo("\r\033[K" + step.text(), nl=False, err=True)

    try:
        report = import_file(
            state.engine,
            kind,  # type: ignore[arg-type]
            file,
            today=today(),
            dry_run=dry_run,
            progress=progress if shown else None,
        )
    finally:
        if shown:  # the count's line cleared for what follows (the summary, or a refusal)
            click.echo("\r\033[K", nl=False, err=True)
    for note in report.notes:
        click.echo(note, err=True)
    click.echo(report.summary())
    if dry_run:
        click.echo(t("import.dry_run"))


@click.command("export")
@click.argument(
    "kind",
    type=click.Choice(
        [
            "companies",
            "citizens",
            "staff",
            "trips",
            "attendance",
            "participants",
            "followups",
            "outcomes",
            "stats",
        ]
    ),
)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--from", "date_from", type=DATE, help="stats: første turdato, der tælles med.")
@click.option("--to", "date_to", type=DATE, help="stats: sidste turdato, der tælles med.")
@click.option("--municipality", help="stats: kun ture i denne kommune, fx Lolland.")
@click.option("--trip-format", help="stats: kun ture med dette turformat, fx guldborgsund.")
@click.option("--on", "on", type=DATE, help="stats: status på denne dato (standard: i dag).")
@click.option(
    "--sensitive",
    is_flag=True,
    help="citizens: tag skånehensyn med (følsomt). Filnavnet skal indeholde »følsom«, "
    "og eksporten står i revisionsloggen.",
)
@pass_state
def export_command(
    state: CliState,
    kind: str,
    file: Path,
    date_from: date | None,
    date_to: date | None,
    municipality: str | None,
    trip_format: str | None,
    on: date | None,
    sensitive: bool,
) -> None:
    """Eksportér til .csv (Excel), .xlsx eller .json. Hver eksport står i revisionsloggen.

    followups og outcomes nævner borgerne og er til brug i jobcentret; stats er tallene fra
    rfk-trips stats, hvor tal på 1–4 altid vises som »<5«, så filen kan sendes videre.
    """
    from rfk_trips.exchange.exporting import export_file
    from rfk_trips.exchange.exporting_results import (
        RESULT_EXPORT_KINDS,
        export_results_file,
        refuse_stats_options,
    )
    from rfk_trips.results.results_service import ResultFilter

    given = {
        "--from": date_from,
        "--to": date_to,
        "--municipality": municipality,
        "--trip-format": trip_format,
        "--on": on,
    }
    if sensitive and kind != "citizens":
        raise UserError(t("export.sensitive_kind"))
    refuse_stats_options(kind, [name for name, value in given.items() if value is not None])
    if kind in RESULT_EXPORT_KINDS:
        where = ResultFilter(date_from, date_to, municipality, trip_format)
        count = export_results_file(state.engine, kind, file, today=today(), where=where, on=on)
    else:
        count = export_file(state.engine, kind, file, sensitive=sensitive)  # type: ignore[arg-type]
    click.echo(t("export.done", count=count, path=file))


COMMANDS: tuple[click.Command, ...] = (
    demo,
    import_command,
    export_command,
)
