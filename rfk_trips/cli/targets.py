"""`rfk-trips target set|remove|list|progress`: targets (måltal) per municipality and half-year.

Attached to the main group in `rfk_trips.cli.main`.
"""

from dataclasses import asdict

import click

from rfk_trips.cli.support import CliState, pass_state, print_json, today
from rfk_trips.i18n.catalogue import t


@click.group("target")
def target_group() -> None:
    """Måltal pr. kommune og halvår, og hvor langt resultaterne er nået."""


@target_group.command("set")
@click.argument("municipality")
@click.argument("half")
@click.option(
    "--measure",
    required=True,
    help=(
        "Hvad der tælles, fx in_paid_work, attended, paid_hours, internship, small_job, "
        "hosts_visited, new_hosts."
    ),
)
@click.option("--value", required=True, type=int, help="Måltallet (et helt tal over 0).")
@pass_state
def target_set(state: CliState, municipality: str, half: str, measure: str, value: int) -> None:
    """Sæt (eller ret) et måltal: target set Lolland 2026H1 --measure in_paid_work --value 12."""
    from rfk_trips.i18n.labels import label
    from rfk_trips.results.targets import list_targets, parse_half_year, parse_measure, set_target

    period, code = parse_half_year(half), parse_measure(measure)
    set_target(state.engine, municipality, period, code, value)
    saved = next(
        row
        for row in list_targets(state.engine, municipality=municipality, period=period)
        if row.measure is code
    )
    click.echo(
        t(
            "targets.saved",
            municipality=saved.municipality,
            half=period.label(),
            measure=label(code),
            value=saved.value,
        )
    )


@target_group.command("remove")
@click.argument("municipality")
@click.argument("half")
@click.option("--measure", required=True, help="Måltallet, der skal slettes, fx in_paid_work.")
@pass_state
def target_remove(state: CliState, municipality: str, half: str, measure: str) -> None:
    """Slet et måltal."""
    from rfk_trips.i18n.labels import label
    from rfk_trips.results.targets import parse_half_year, parse_measure, remove_target

    period, code = parse_half_year(half), parse_measure(measure)
    remove_target(state.engine, municipality, period, code)
    click.echo(
        t("targets.removed", municipality=municipality, half=period.label(), measure=label(code))
    )


@target_group.command("list")
@click.option("--municipality", help="Kun denne kommune.")
@click.option("--half", "half", help="Kun dette halvår, fx 2026H1.")
@click.option("--json", "as_json", is_flag=True, help="Skriv måltallene som JSON.")
@pass_state
def target_list(state: CliState, municipality: str | None, half: str | None, as_json: bool) -> None:
    """Måltallene efter halvår og kommune."""
    from rfk_trips.results.targets import list_targets, parse_half_year

    period = parse_half_year(half) if half else None
    rows = list_targets(state.engine, municipality=municipality, period=period)
    if as_json:
        print_json([asdict(row) for row in rows])
        return
    if not rows:
        click.echo(t("targets.none"))
        return
    for row in rows:
        click.echo(
            f"{row.id:>5}  {row.half_label:<15} {row.municipality:<16} "
            f"{row.measure_label:<38} {row.value:>6}"
        )


@target_group.command("progress")
@click.argument("half", required=False)
@click.option("--municipality", help="Kun denne kommune.")
@click.option("--json", "as_json", is_flag=True, help="Skriv fremdriften som JSON.")
@pass_state
def target_progress_command(
    state: CliState, half: str | None, municipality: str | None, as_json: bool
) -> None:
    """Hvor langt er vi med måltallene? Standard: det halvår, vi er i nu."""
    from rfk_trips.results.targets import HalfYear, parse_half_year, target_progress
    from rfk_trips.results.targets_text import progress_lines

    period = parse_half_year(half) if half else HalfYear.of(today())
    rows = target_progress(
        state.engine,
        year=period.year,
        half=period.half,
        municipality=municipality,
        today=today(),
    )
    if as_json:
        print_json([{**asdict(row), "fraction": round(row.fraction, 3)} for row in rows])
        return
    click.echo("\n".join(progress_lines(rows, period)))


COMMANDS: tuple[click.Command, ...] = (target_group,)
