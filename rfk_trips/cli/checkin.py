"""`rfk-trips checkin`: attendance on the day, from the command line."""

from dataclasses import asdict

import click

from rfk_trips.cli.support import (
    CliState,
    pass_state,
    print_json,
    today,
)
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError


@click.command("checkin")
@click.argument("trip_id", type=int)
@click.argument("citizen_id", type=int, required=False)
@click.option(
    "--status",
    type=click.Choice(["present", "late", "left_early", "excused", "no_show"]),
    help="mødt, kom for sent, gik tidligt, afbud eller udeblevet.",
)
@click.option("--reason", default="", help="Begrundelse, fx for afbud.")
@click.option("--leg", type=int, default=0, show_default=True, help="Del af dagen (0 = afgang).")
@click.option(
    "--walk-in",
    is_flag=True,
    help="Tag en reserve ind som deltager (mødt ved afgang); med --status også den status.",
)
@click.option("--list", "as_list", is_flag=True, help="Vis indtjekningen for turen.")
@click.option("--json", "as_json", is_flag=True)
@pass_state
def checkin_command(
    state: CliState,
    trip_id: int,
    citizen_id: int | None,
    status: str | None,
    reason: str,
    leg: int,
    walk_in: bool,
    as_list: bool,
    as_json: bool,
) -> None:
    """Registrér fremmøde (BORGER_ID --status …), eller vis listen (--list)."""
    from rfk_trips.i18n.labels import label
    from rfk_trips.rules.danish_dates import format_clock
    from rfk_trips.trips import check_in
    from storage.codes import Attendance, ParticipantRole

    if citizen_id is None and (status is not None or walk_in):
        raise click.UsageError(t("checkin.citizen_needed"))
    if citizen_id is not None and not as_list:
        if walk_in:
            check_in.walk_in(state.engine, trip_id, citizen_id, today=today())
            row = check_in.checkin_sheet(state.engine, trip_id).row(citizen_id)
            changed = format_clock(row.changed_at) if row.changed_at else ""
            click.echo(t("checkin.walked_in", time=changed, name=row.name))
            if status is None or (Attendance(status) is Attendance.PRESENT and leg == 0):
                return
        elif status is None:
            raise click.UsageError(t("checkin.status_needed"))
        try:
            row = check_in.record(
                state.engine,
                trip_id,
                citizen_id,
                Attendance(status),
                leg=leg,
                reason=reason,
                today=today(),
            )
        except check_in.ReserveNotTakenIn as refused:
            # The service refuses; the command line says how here: --walk-in, not a key.
            raise UserError(t("checkin.reserve_first_cli", name=refused.name)) from refused
        changed = format_clock(row.changed_at) if row.changed_at else ""
        click.echo(
            t("checkin.saved", name=row.name, status=label(row.overall).lower(), time=changed)
        )
        return
    sheet = check_in.checkin_sheet(state.engine, trip_id)
    if as_json:
        print_json(
            {
                "trip_id": sheet.trip_id,
                "legs": sheet.legs,
                "counts": [asdict(c) for c in sheet.counts],
                "rows": [
                    {**asdict(r), "legs": {str(k): v for k, v in r.legs.items()}}
                    for r in sheet.rows
                ],
            }
        )
        return
    click.echo(sheet.title)
    click.echo("  ".join(f"{c.name}: {c.there}/{c.expected}" for c in sheet.counts))
    for row in sheet.rows:
        legs = " ".join(
            (
                t("checkin.reserve_cell")
                if row.role == ParticipantRole.RESERVE
                else label(row.legs.get(n, Attendance.PENDING))
            ).ljust(12)
            for n in range(len(sheet.legs))
        )
        # The time of the latest change and the reason (afbud), as the screen shows them.
        changed = format_clock(row.changed_at) if row.changed_at else ""
        line = f"{row.citizen_id:>6}  {row.name:<28} {label(row.role):<9} {legs} {changed:<5}"
        click.echo(f"{line}  {row.reason}".rstrip())


COMMANDS: tuple[click.Command, ...] = (checkin_command,)
