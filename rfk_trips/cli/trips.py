"""`rfk-trips trips` and `rfk-trips trip ...`: listing, planning and closing trips."""

import sys
from dataclasses import asdict
from datetime import date, time
from typing import Any

import click

from rfk_trips.cli.support import (
    DATE,
    EXIT_CHECK_ERRORS,
    TIME,
    CliState,
    CodeChoice,
    pass_state,
    print_json,
    today,
)
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError
from storage.codes import TripStatus

# --- trips ----------


@click.command()
@click.option("--from", "date_from", type=DATE, help="Fra og med dato.")
@click.option("--to", "date_to", type=DATE, help="Til og med dato.")
@click.option(
    "--status",
    type=CodeChoice(TripStatus),
    help="Kun ture med denne status, fx planlagt (også draft, planned, … virker).",
)
@click.option("--json", "as_json", is_flag=True)
@pass_state
def trips(
    state: CliState,
    date_from: date | None,
    date_to: date | None,
    status: TripStatus | None,
    as_json: bool,
) -> None:
    """Vis ture, sorteret efter dato."""
    from rfk_trips.i18n.labels import label
    from rfk_trips.rules.danish_dates import format_date
    from rfk_trips.trips import trip_listing

    rows = trip_listing.list_trips(
        state.engine, date_from=date_from, date_to=date_to, status=status
    )
    if as_json:
        print_json([asdict(row) for row in rows])
        return
    if not rows:
        click.echo(t("trip.none"))
        return
    people = t("app.col.participants").lower()
    for row in rows:
        click.echo(
            f"{row.id:>5}  {format_date(row.trip_date)}  {label(row.status):<10}  "
            f"{row.format_code:<12}  {row.participants:>2}+{row.reserves} {people}  {row.title}"
        )


@click.group()
def trip() -> None:
    """Planlæg én tur: opret, tilføj besøg, deltagere og personale, tjek og bekræft."""


@trip.command("show")
@click.argument("trip_id", type=int)
@click.option("--json", "as_json", is_flag=True)
@pass_state
def trip_show(state: CliState, trip_id: int, as_json: bool) -> None:
    """Vis en tur med program, besøg, deltagere og personale."""
    from rfk_trips.trips import trip_service
    from rfk_trips.trips.trip_text import describe_trip

    detail = trip_service.trip_detail(state.engine, trip_id)
    if as_json:
        print_json(asdict(detail))
    else:
        click.echo(describe_trip(detail))


@trip.command("new")
@click.option("--format", "format_code", required=True, help="guldborgsund, lolland eller custom.")
@click.option("--date", "trip_date", type=DATE, required=True)
@click.option("--title")
@click.option("--municipality")
@pass_state
def trip_new(
    state: CliState, format_code: str, trip_date: date, title: str | None, municipality: str | None
) -> None:
    """Opret en tur (kladde) med formatets standarder. Skriver turens id."""
    from rfk_trips.trips import trip_service

    trip_id = trip_service.create_trip(
        state.engine,
        format_code=format_code,
        trip_date=trip_date,
        title=title,
        municipality=municipality,
    )
    click.echo(trip_id)
    if trip_date < today():
        click.echo(t("trip.past_date_note"), err=True)


@trip.command("add-visit")
@click.argument("trip_id", type=int)
@click.option("--company", "company_id", type=int, required=True)
@click.option("--start", type=TIME, required=True)
@click.option("--end", type=TIME, required=True)
@click.option("--showing", default="", help="Hvad gruppen skal se.")
@click.option("--confirmed", is_flag=True, help="Aftalen med virksomheden er bekræftet.")
@pass_state
def trip_add_visit(
    state: CliState,
    trip_id: int,
    company_id: int,
    start: time,
    end: time,
    showing: str,
    confirmed: bool,
) -> None:
    """Tilføj et virksomhedsbesøg."""
    from rfk_trips.trips import planning

    planned = planning.add_visit(
        state.engine,
        trip_id,
        company_id,
        start=start,
        end=end,
        showing=showing,
        confirmed=confirmed,
    )
    click.echo(t("trip.visit_added", id=planned.ids[0]))


@trip.command("add-participant")
@click.argument("trip_id", type=int)
@click.argument("citizen_ids", type=int, nargs=-1, required=True)
@click.option("--reserve", is_flag=True, help="Tilføj som reserve.")
@pass_state
def trip_add_participant(
    state: CliState, trip_id: int, citizen_ids: tuple[int, ...], reserve: bool
) -> None:
    """Tilføj borgere som deltagere (eller reserver)."""
    from rfk_trips.trips import planning

    planned = planning.add_participants(state.engine, trip_id, list(citizen_ids), reserve=reserve)
    click.echo(t("trip.added_participants", count=len(planned.ids)))


@trip.command("add-staff")
@click.argument("trip_id", type=int)
@click.argument("staff_ids", type=int, nargs=-1, required=True)
@click.option("--lead", is_flag=True, help="Medarbejderen er tovholder.")
@pass_state
def trip_add_staff(state: CliState, trip_id: int, staff_ids: tuple[int, ...], lead: bool) -> None:
    """Tilføj medarbejdere; --lead gør én til tovholder."""
    from rfk_trips.trips import planning

    planned = planning.add_staff(state.engine, trip_id, list(staff_ids), lead=lead)
    click.echo(t("trip.added_staff", count=len(planned.ids)))


@trip.command("remove-participant")
@click.argument("trip_id", type=int)
@click.argument("citizen_id", type=int)
@pass_state
def trip_remove_participant(state: CliState, trip_id: int, citizen_id: int) -> None:
    """Fjern en borger fra turen."""
    from rfk_trips.trips import planning

    planned = planning.remove_participant(state.engine, trip_id, citizen_id)
    click.echo(t("trip.removed_participant", name=planned.names[0]))


def _print_findings(findings: list[Any], *, err: bool = False) -> None:
    for finding in findings:
        click.echo(f"{t('severity.' + finding.severity.value)}: {finding.message}", err=err)


@trip.command("check")
@click.argument("trip_id", type=int)
@click.option("--json", "as_json", is_flag=True)
@pass_state
def trip_check(state: CliState, trip_id: int, as_json: bool) -> None:
    """Tjek turen mod reglerne. Afslutter med 3, hvis der er fejl."""
    from rfk_trips.rules.trip import has_errors
    from rfk_trips.trips import trip_service

    findings = trip_service.check(state.engine, trip_id, today=today())
    if as_json:
        print_json([asdict(f) for f in findings])
    elif findings:
        _print_findings(findings)
    else:
        click.echo(t("trip.no_findings"))
    if has_errors(findings):
        sys.exit(EXIT_CHECK_ERRORS)


@trip.command("confirm")
@click.argument("trip_id", type=int)
@pass_state
def trip_confirm(state: CliState, trip_id: int) -> None:
    """Bekræft turen; nægtes, så længe en fejl står ved magt."""
    from rfk_trips.trips import trip_service

    try:
        warnings = trip_service.confirm_trip(state.engine, trip_id, today=today())
    except UserError as exc:
        if exc.details:
            click.echo(exc.message, err=True)
            for detail in exc.details:
                click.echo(f"  - {detail}", err=True)
            sys.exit(EXIT_CHECK_ERRORS)
        raise
    _print_findings(warnings)
    click.echo(t("trip.confirmed"))


@trip.command("move-programme")
@click.argument("trip_id", type=int)
@pass_state
def trip_move_programme(state: CliState, trip_id: int) -> None:
    """Flyt alle programmets tider ens, så fremmødet passer med turens mødetid."""
    from rfk_trips.trips import trip_editing

    moved = trip_editing.move_programme_to_meeting(state.engine, trip_id, None)
    click.echo(trip_editing.moved_text(moved))


@trip.command("plan")
@click.argument("trip_id", type=int)
@pass_state
def trip_plan(state: CliState, trip_id: int) -> None:
    """Markér en kladde som planlagt."""
    from rfk_trips.trips import trip_service
    from storage.codes import TripStatus

    trip_service.set_status(state.engine, trip_id, TripStatus.PLANNED)


@trip.command("cancel")
@click.argument("trip_id", type=int)
@pass_state
def trip_cancel(state: CliState, trip_id: int) -> None:
    """Aflys turen (den slettes ikke)."""
    from rfk_trips.trips import trip_service

    trip_service.cancel_trip(state.engine, trip_id)
    click.echo(t("trip.cancelled"))


@trip.command("complete")
@click.argument("trip_id", type=int)
@click.option("--force", is_flag=True, help="Afslut, selv om nogen stadig afventer.")
@click.option(
    "--follow-up-days",
    type=click.IntRange(min=0),
    default=None,
    help="Dage til opfølgningssamtalen med hver deltager, der kom. Standard: turformatets "
    "indstilling (14, medmindre den er ændret under Indstillinger).",
)
@pass_state
def trip_complete(state: CliState, trip_id: int, force: bool, follow_up_days: int | None) -> None:
    """Markér turen som gennemført (efter indtjekningen) og opret opfølgningerne."""
    from rfk_trips.trips import check_in

    created = check_in.complete_trip(
        state.engine, trip_id, force=force, follow_up_days=follow_up_days, today=today()
    )
    click.echo(t("checkin.completed"))
    click.echo(t("followup.created", count=created))


COMMANDS: tuple[click.Command, ...] = (
    trips,
    trip,
)
