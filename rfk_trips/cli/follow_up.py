"""Commands after the trip: `followups`, `followup done`, `outcome add|end|list`, `stalled`.

Attached to the main group in `rfk_trips.cli.main`.
"""

from dataclasses import asdict
from datetime import date

import click

from rfk_trips.cli.support import DATE, CliState, pass_state, print_json, today
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.danish_dates import format_date
from storage.codes import OutcomeKind

# storage.codes is a few enums: importing it keeps the choices in step at no start-up cost.
OUTCOME_CODES = tuple(kind.value for kind in OutcomeKind)


def _day(value: date | None) -> str:
    return format_date(value) if value is not None else ""


@click.command("followups")
@click.option("--due", is_flag=True, help="Kun dem, der er forfaldne i dag eller før.")
@click.option("--all", "include_done", is_flag=True, help="Også de registrerede.")
@click.option("--citizen", "citizen_id", type=int, help="Kun for denne borger.")
@click.option("--json", "as_json", is_flag=True)
@pass_state
def followups_command(
    state: CliState, due: bool, include_done: bool, citizen_id: int | None, as_json: bool
) -> None:
    """Opfølgninger efter turene, efter frist (borger, tur, ansvarlig)."""
    from rfk_trips.after_trip.follow_up_listing import list_follow_ups

    rows = list_follow_ups(
        state.engine,
        today=today(),
        due_only=due,
        include_done=include_done,
        citizen_id=citizen_id,
    )
    if as_json:
        print_json([asdict(row) for row in rows])
        return
    if not rows:
        click.echo(t("followup.none_due" if due else "followup.none"))
        return
    for row in rows:
        flag = t("followup.overdue") if row.overdue else ""
        done = "✓ " if row.done_at else ""
        click.echo(
            f"{row.id:>6}  {_day(row.due_date)}  {flag:<10} {done}{row.citizen:<26} "
            f"{row.staff:<6} {row.kind_label:<28} {row.trip}"
        )


@click.group("followup")
def followup_group() -> None:
    """Registrér en opfølgning."""


@followup_group.command("done")
@click.argument("follow_up_id", type=int)
@click.option("--note", default="", help="Hvad der blev talt om (ingen helbredsoplysninger).")
@click.option("--company", "company_id", type=int, help="Virksomhed, borgeren er interesseret i.")
@click.option("--next-step", default="", help="Det aftalte næste skridt.")
@click.option("--due", "next_due", type=DATE, help="Frist for næste skridt.")
@click.option("--staff", "staff_id", type=int, help="Ansvarlig for næste skridt (id).")
@pass_state
def followup_done(
    state: CliState,
    follow_up_id: int,
    note: str,
    company_id: int | None,
    next_step: str,
    next_due: date | None,
    staff_id: int | None,
) -> None:
    """Markér opfølgningen som holdt, med det aftalte næste skridt."""
    from rfk_trips.after_trip.follow_ups import record_follow_up

    next_id = record_follow_up(
        state.engine,
        follow_up_id,
        today=today(),
        note=note,
        company_id=company_id,
        next_step=next_step,
        next_due=next_due,
        next_staff_id=staff_id,
    )
    click.echo(t("followup.done"))
    if next_id is not None:
        click.echo(t("followup.next_created", id=next_id, date=_day(next_due)))


@click.command("stalled")
@click.option("--json", "as_json", is_flag=True)
@pass_state
def stalled_command(state: CliState, as_json: bool) -> None:
    """Borgere uden næste skridt efter en tur eller et afsluttet forløb."""
    from rfk_trips.after_trip.follow_ups import stalled_citizens

    rows = stalled_citizens(state.engine, today=today())
    if as_json:
        print_json([asdict(row) for row in rows])
        return
    click.echo(t("followup.stalled_header", count=len(rows)))
    for row in rows:
        click.echo(f"{row.citizen_id:>6}  {row.name:<28} {_day(row.since)}  {row.reason}")


@click.group("outcome")
def outcome_group() -> None:
    """Resultater efter turene: praktik, timer, job, uddannelse …"""


@outcome_group.command("add")
@click.argument("citizen_id", type=int)
@click.option("--kind", required=True, type=click.Choice(OUTCOME_CODES), help="Resultattypen.")
@click.option("--start", required=True, type=DATE, help="Startdato.")
@click.option("--end", type=DATE, help="Slutdato, hvis den kendes.")
@click.option("--trip", "trip_id", type=int, help="Turen, der førte til resultatet.")
@click.option("--company", "company_id", type=int, help="Virksomheden.")
@click.option("--hours", type=float, help="Timer om ugen.")
@click.option("--aim", default="", help="Praktik: det aftalte mål.")
@click.option("--review", type=DATE, help="Praktik: opfølgningsdato (standard 13 uger).")
@click.option("--note", default="")
@pass_state
def outcome_add(
    state: CliState,
    citizen_id: int,
    kind: str,
    start: date,
    end: date | None,
    trip_id: int | None,
    company_id: int | None,
    hours: float | None,
    aim: str,
    review: date | None,
    note: str,
) -> None:
    """Registrér et resultat for en borger, koblet til turen, der førte til det."""
    from rfk_trips.after_trip.outcomes import NewOutcome, add_outcome, list_outcomes
    from rfk_trips.i18n.labels import label

    outcome_id = add_outcome(
        state.engine,
        NewOutcome(
            citizen_id=citizen_id,
            kind=OutcomeKind(kind),
            start=start,
            end=end,
            trip_id=trip_id,
            company_id=company_id,
            hours_per_week=hours,
            note=note,
            aim=aim,
            review_date=review,
        ),
    )
    saved = next(
        r for r in list_outcomes(state.engine, citizen_id=citizen_id) if r.id == outcome_id
    )
    click.echo(t("outcome.added", kind=label(saved.kind), name=saved.citizen, id=outcome_id))
    if saved.review_date is not None:
        click.echo(t("outcome.review_on", date=_day(saved.review_date)))


@outcome_group.command("end")
@click.argument("outcome_id", type=int)
@click.option("--date", "end", required=True, type=DATE, help="Slutdatoen.")
@click.option("--reason", default="", help="Hvorfor det sluttede (kræves for en praktik før tid).")
@pass_state
def outcome_end(state: CliState, outcome_id: int, end: date, reason: str) -> None:
    """Afslut et resultat, fx en praktik."""
    from rfk_trips.after_trip.outcomes import end_outcome

    result = end_outcome(state.engine, outcome_id, end, reason=reason)
    click.echo(t("outcome.ended", id=outcome_id))
    if result.suggest_learning_case:
        click.echo(t("outcome.learning_case", id=outcome_id))


@outcome_group.command("list")
@click.option("--citizen", "citizen_id", type=int)
@click.option("--trip", "trip_id", type=int)
@click.option("--json", "as_json", is_flag=True)
@pass_state
def outcome_list(
    state: CliState, citizen_id: int | None, trip_id: int | None, as_json: bool
) -> None:
    """Resultaterne, for en borger eller en tur."""
    from rfk_trips.after_trip.outcomes import list_outcomes

    rows = list_outcomes(state.engine, citizen_id=citizen_id, trip_id=trip_id)
    if as_json:
        print_json([asdict(row) for row in rows])
        return
    for row in rows:
        period = f"{_day(row.start_date)}–{_day(row.end_date)}"
        click.echo(
            f"{row.id:>6}  {row.citizen:<26} {row.kind_label:<36} {period:<22} {row.company}"
        )


COMMANDS: tuple[click.Command, ...] = (
    followups_command,
    followup_group,
    stalled_command,
    outcome_group,
)
