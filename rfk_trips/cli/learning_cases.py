"""`rfk-trips learning-case add|list`: læringscases about placements that ended early (R29).

Attached to the main group in `rfk_trips.cli.main`.
"""

from dataclasses import asdict
from datetime import date

import click

from rfk_trips.cli.support import DATE, CliState, pass_state, print_json, today
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.danish_dates import format_date

_VIEW_HELP = "{who}s blik på, hvad der skete, og hvad der var aftalt."


@click.group("learning-case")
def learning_case_group() -> None:
    """Læringscases: hvad et afbrudt forløb lærte os, set fra fire sider."""


@learning_case_group.command("add")
@click.argument("outcome_id", type=int)
@click.option("--citizen-view", default="", help=_VIEW_HELP.format(who="Borgeren"))
@click.option("--company-view", default="", help=_VIEW_HELP.format(who="Virksomheden"))
@click.option("--caseworker-view", default="", help=_VIEW_HELP.format(who="Sagsbehandleren"))
@click.option("--consultant-view", default="", help=_VIEW_HELP.format(who="Virksomhedskonsulenten"))
@click.option("--lessons", default="", help="Det lærte vi: hvad gør vi anderledes næste gang.")
@click.option("--by", "written_by", type=int, help="Medarbejderen, der skrev den (id).")
@click.option("--date", "written_on", type=DATE, help="Skrevet den (standard: i dag).")
@pass_state
def learning_case_add(
    state: CliState,
    outcome_id: int,
    citizen_view: str,
    company_view: str,
    caseworker_view: str,
    consultant_view: str,
    lessons: str,
    written_by: int | None,
    written_on: date | None,
) -> None:
    """Skriv en læringscase om et resultat (borger og virksomhed hentes fra resultatet)."""
    from rfk_trips.after_trip.learning_cases import (
        NewLearningCase,
        add_learning_case,
        list_learning_cases,
    )

    case_id = add_learning_case(
        state.engine,
        NewLearningCase(
            written_on=written_on or today(),
            outcome_id=outcome_id,
            citizen_view=citizen_view,
            company_view=company_view,
            caseworker_view=caseworker_view,
            consultant_view=consultant_view,
            lessons=lessons,
            written_by=written_by,
        ),
        today=today(),
    )
    saved = next(row for row in list_learning_cases(state.engine) if row.id == case_id)
    click.echo(t("learning_case.added", id=case_id, name=saved.citizen))


@learning_case_group.command("list")
@click.option("--citizen", "citizen_id", type=int, help="Kun for denne borger.")
@click.option("--json", "as_json", is_flag=True, help="Skriv læringscaserne som JSON.")
@pass_state
def learning_case_list(state: CliState, citizen_id: int | None, as_json: bool) -> None:
    """Læringscaserne, nyeste først, med de fire blik på forløbet."""
    from rfk_trips.after_trip.learning_cases import list_learning_cases

    rows = list_learning_cases(state.engine, citizen_id=citizen_id)
    if as_json:
        print_json([asdict(row) for row in rows])
        return
    if not rows:
        click.echo(t("learning_case.none"))
        return
    for number, row in enumerate(rows):
        if number:
            click.echo("")
        heading = t(
            "learning_case.heading", id=row.id, date=format_date(row.written_on), name=row.citizen
        )
        click.echo(heading + (f" · {row.company}" if row.company else ""))
        if row.outcome_id is not None:
            line = t("learning_case.outcome_line", id=row.outcome_id, kind=row.outcome_label)
            if row.end_reason:
                line += f". {t('learning_case.reason')}: {row.end_reason}"
            click.echo(f"  {line}")
        for key, text in (
            ("learning_case.citizen", row.citizen_view),
            ("learning_case.company", row.company_view),
            ("learning_case.caseworker", row.caseworker_view),
            ("learning_case.consultant", row.consultant_view),
            ("learning_case.lessons", row.lessons),
        ):
            if text:
                click.echo(f"  {t(key)}: {text}")
        if row.written_by_initials:
            click.echo("  " + t("learning_case.written_by", initials=row.written_by_initials))


COMMANDS: tuple[click.Command, ...] = (learning_case_group,)
