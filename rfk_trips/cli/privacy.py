"""`rfk-trips citizen report|erase` and `rfk-trips purge`: the GDPR rights and retention.

Attached to the main group in `rfk_trips.cli.main`.
"""

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from rfk_trips.cli.support import CliState, pass_state, today
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError

if TYPE_CHECKING:  # the privacy module loads the models: only the commands that need it
    from rfk_trips.privacy.citizen_privacy import Mention

# Danish first: a Danish user answers »j« or »ja«; the English words work too. Anything
# else, and an empty answer, keeps the citizen's data (the default is No).
YES_ANSWERS = frozenset({"j", "ja", "y", "yes"})


@click.group("citizen")
def citizen_group() -> None:
    """Én borgers rettigheder: indsigt i egne oplysninger og sletning."""


@citizen_group.command("report")
@click.argument("citizen_id", type=int)
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Filen, rapporten gemmes i: .txt, .md eller .json.",
)
@pass_state
def citizen_report(state: CliState, citizen_id: int, output: Path) -> None:
    """Indsigtsrapport (GDPR art. 15): alt, hvad der er registreret om borgeren.

    Rapporten er til borgeren selv og rummer derfor også skånehensyn (markeret følsom).
    Filen kan kun læses af dig, og udleveringen skrives i loggen.
    """
    from rfk_trips.privacy.access_report import write_access_report

    write_access_report(state.engine, citizen_id, output, today=today())
    click.echo(t("report.done", id=citizen_id, path=output))


@citizen_group.command("erase")
@click.argument("citizen_id", type=int)
@click.option("--yes", is_flag=True, help="Slet uden at spørge (sletningen er besluttet).")
@pass_state
def citizen_erase(state: CliState, citizen_id: int, yes: bool) -> None:
    """Slet en borgers personoplysninger (GDPR art. 17); tallene bevares anonymt.

    Navn, telefon, jobmål, visitationsdato, skånehensyn, sagsbehandler og noter fjernes.
    Fremmøde og resultater bliver stående uden navn, så »stats« viser det samme som før.
    """
    from rfk_trips.privacy.citizen_privacy import erase_citizen, preview_erasure

    if not yes:
        preview = preview_erasure(state.engine, citizen_id, today=today())
        if preview.mentions:
            click.echo(_mentions_text(preview.mentions), err=True)
        try:
            answer = click.prompt(
                t("privacy.confirm_erase", name=preview.name, id=citizen_id),
                default="",
                show_default=False,
                prompt_suffix=f" [{t('privacy.yes_no')}]: ",
                err=True,
            )
        except click.Abort:
            # No answer can come (no terminal, stdin closed): refuse rather than guess.
            raise UserError(t("privacy.erase_needs_answer", id=citizen_id)) from None
        if answer.strip().casefold() not in YES_ANSWERS:
            raise UserError(t("privacy.erase_declined"))
    erasure = erase_citizen(state.engine, citizen_id, today=today())
    click.echo(t("privacy.erased", id=citizen_id))
    if erasure.mentions:
        click.echo(_mentions_text(erasure.mentions))
    click.echo(t("privacy.backups_note"), err=True)


def _mentions_text(mentions: "Sequence[Mention]") -> str:
    return t("privacy.mentions", places=", ".join(mention.describe() for mention in mentions))


@click.command("purge")
@click.option(
    "--inactive-months",
    type=int,
    default=None,
    help="Anonymisér borgere uden aktivitet i så mange måneder. Standard: databasens "
    "slettefrist (24, medmindre den er ændret med --set-default).",
)
@click.option("--dry-run", is_flag=True, help="Vis, hvem der ville blive anonymiseret; ændr intet.")
@click.option(
    "--set-default",
    "set_default",
    type=int,
    default=None,
    help="Gem slettefristen i måneder for alle, der bruger databasen, og afslut.",
)
@pass_state
def purge_command(
    state: CliState, inactive_months: int | None, dry_run: bool, set_default: int | None
) -> None:
    """Slettefrist: anonymisér borgere uden ture, opfølgninger eller resultater i N måneder.

    Aktivitet er turdatoer, opfølgningers frist og udførelse, resultaters start og slut (et
    resultat uden slutdato er i gang), læringscases, visitationsdato og ændringer af borgeren.
    Fremmøde og resultater bevares anonymt, så »stats« viser det samme. Kør med --dry-run
    først. Alt sker i én transaktion og skrives i loggen.
    """
    from rfk_trips.privacy.retention import purge_inactive, retention_months, set_retention_months
    from rfk_trips.rules.danish_dates import format_date

    if set_default is not None:
        if inactive_months is not None or dry_run:
            raise click.UsageError(t("retention.set_default_alone"))
        set_retention_months(state.engine, set_default)
        click.echo(t("retention.default_set", months=set_default))
        return
    months = inactive_months if inactive_months is not None else retention_months(state.engine)
    result = purge_inactive(state.engine, months=months, today=today(), dry_run=dry_run)
    cutoff = format_date(result.cutoff)
    if not result.citizens:
        click.echo(t("retention.none", months=months, cutoff=cutoff))
        return
    if dry_run:
        click.echo(t("retention.rule", months=months, cutoff=cutoff))
        for row in result.citizens:
            last = format_date(row.last_activity) if row.last_activity else t("retention.never")
            click.echo(t("retention.row", id=row.id, name=row.name, last=last))
        click.echo(t("retention.dry_run", count=len(result.citizens)))
        return
    ids = ", ".join(str(row.id) for row in result.citizens)
    click.echo(t("retention.done", count=len(result.citizens), ids=ids))
    click.echo(t("privacy.backups_note"), err=True)


COMMANDS: tuple[click.Command, ...] = (citizen_group, purge_command)
