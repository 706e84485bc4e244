"""`rfk-trips municipality-add`: the registers' reference data."""

import click

from rfk_trips.cli.support import (
    CliState,
    pass_state,
)


@click.command("municipality-add")
@click.argument("name")
@click.option("--formats", default="custom", show_default=True, help="Kommaseparerede formatkoder.")
@click.option("--phone", default=None, help="Jobcentrets telefon til deltagernes program.")
@pass_state
def municipality_add(state: CliState, name: str, formats: str, phone: str | None) -> None:
    """Opret en kommune eller enhed (fx Vordingborg), så den kan bruges ved import."""
    from rfk_trips.registers.lookups import add_municipality

    codes = [code.strip() for code in formats.split(",") if code.strip()]
    municipality_id = add_municipality(state.engine, name, codes)
    if phone is not None:
        from rfk_trips.registers.lookups import set_jobcentre_phone

        set_jobcentre_phone(state.engine, municipality_id, phone)
    click.echo(municipality_id)


COMMANDS: tuple[click.Command, ...] = (municipality_add,)
