"""The command line: bare `rfk-trips` opens the terminal UI; subcommands stay headless.

Exit codes: 0 ok, 1 the input was refused (a Danish sentence on stderr, no traceback),
2 usage, 3 the trip check found errors.
"""

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date, time
from pathlib import Path
from typing import Any

import click

from rfk_trips.cli.language import apply_help_language, given_language, install_click_catalogue
from rfk_trips.cli.support import (
    DATE,
    EXIT_CHECK_ERRORS,
    EXIT_REFUSED,
    TIME,
    CliState,
    CodeChoice,
    pass_state,
    print_json,
    refuse,
    today,
)
from rfk_trips.database.failures import failure_message
from rfk_trips.i18n.catalogue import get_language, set_language, t
from rfk_trips.rules.errors import UserError
from storage.codes import TripStatus

# Before any command is defined: click asks for some sentences as it builds them.
install_click_catalogue()


class RfkGroup(click.Group):
    """Turns refused input into a Danish sentence and exit code 1, never a traceback, and
    speaks the run's language from the first word click prints (usage, help, errors)."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        from rfk_trips.config.preferences import load_preferences

        # The one place the run's language is settled: the --lang given, else the saved one.
        # Read before click parses, so that `--help --lang en` is English although --help
        # comes first; the preferences travel on as the context's object, read once.
        arguments = list(sys.argv[1:] if args is None else args)
        preferences = load_preferences()
        language = given_language(arguments) or preferences.lang
        set_language(language)
        apply_help_language(self, language)
        extra.setdefault("obj", preferences)
        return super().main(arguments, prog_name, complete_var, standalone_mode, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as exc:
            refuse(exc)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:
            # The reader went away (`rfk-trips trips | head`): stop quietly, as Unix tools do.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except Exception as exc:
            state = ctx.obj if isinstance(ctx.obj, CliState) else None
            if state is not None and state.debug:
                raise
            click.echo(failure_message(exc), err=True)
            sys.exit(EXIT_REFUSED)


@click.group(
    "rfk-trips",
    cls=RfkGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option("--db", "db_path", type=click.Path(dir_okay=False), help="SQLite-fil (RFK_TRIPS_DB).")
@click.option("--database-url", help="Fuld SQLAlchemy-URL (RFK_TRIPS_DATABASE_URL).")
@click.option(
    "--key-file",
    type=click.Path(dir_okay=False),
    help="Fil med adgangskoden til en krypteret database (RFK_TRIPS_KEY_FILE).",
)
@click.option(
    "--lang",
    type=click.Choice(["da", "en"]),
    default=None,
    help="Sprog: da (standard, eller det gemte under Indstillinger) eller en.",
)
@click.option("--debug", is_flag=True, help="Vis fejlspor (traceback) ved uventede fejl.")
@click.option("--exit-when-ready", is_flag=True, hidden=True, help="Afslut, når oversigten vises.")
@click.option(
    "--screenshot",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Gem oversigten som SVG i denne fil, og afslut.",
)
@click.version_option(package_name="rfk-trips", help="Vis versionsnummeret, og afslut.")
@click.pass_context
def cli(
    ctx: click.Context,
    db_path: str | None,
    database_url: str | None,
    key_file: str | None,
    lang: str | None,
    debug: bool,
    exit_when_ready: bool,
    screenshot: Path | None,
) -> None:
    """rfk-trips: planlæg busture til lokale virksomheder. Uden kommando åbnes programmet."""
    from rfk_trips.config.preferences import Preferences, load_preferences
    from rfk_trips.privacy.acting_user import adopt_acting_user

    # Read by RfkGroup.main, which has also set the language (`lang` or the saved one).
    prefs = ctx.obj if isinstance(ctx.obj, Preferences) else load_preferences()
    lang = get_language()
    # Every audit line of this run names the initials from Indstillinger, else the login.
    adopt_acting_user(prefs.initials)
    ctx.obj = CliState(db_path, database_url, lang, debug, key_file=key_file)
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        from rfk_trips.app.application import make_app
        from rfk_trips.database.keys import refuse_unfitting_key

        # Asked for and tried here: once Textual runs, the terminal is its own.
        key = ctx.obj.key()
        refuse_unfitting_key(ctx.obj.url, key)
        app = make_app(
            database_url=ctx.obj.url,
            key=key,
            lang=lang,
            exit_when_ready=exit_when_ready,
            screenshot=screenshot,
            theme=prefs.theme,
            warm_up=True,
            daily_backup=True,
            freeze_gc=True,
            read_home_early=True,
        )
        app.run(headless=screenshot is not None)


# --- demo ----------


@cli.command()
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


@cli.command("import")
@click.argument("kind", type=click.Choice(["companies", "citizens", "staff"]))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Tjek filen uden at skrive noget.")
@pass_state
def import_command(state: CliState, kind: str, file: Path, dry_run: bool) -> None:
    """Importér virksomheder, borgere eller medarbejdere fra .csv eller .xlsx."""
    from rfk_trips.exchange.importing import import_file

    report = import_file(state.engine, kind, file, today=today(), dry_run=dry_run)  # type: ignore[arg-type]
    for note in report.notes:
        click.echo(note, err=True)
    click.echo(report.summary())
    if dry_run:
        click.echo(t("import.dry_run"))


@cli.command("export")
@click.argument(
    "kind",
    type=click.Choice(
        [
            "companies",
            "citizens",
            "staff",
            "trips",
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


# --- trips ----------


@cli.command()
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


@cli.group()
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
    from rfk_trips.trips import trip_service

    visit_id = trip_service.add_visit(
        state.engine,
        trip_id,
        company_id=company_id,
        start=start,
        end=end,
        showing=showing,
        confirmed=confirmed,
    )
    click.echo(t("trip.visit_added", id=visit_id))


@trip.command("add-participant")
@click.argument("trip_id", type=int)
@click.argument("citizen_ids", type=int, nargs=-1, required=True)
@click.option("--reserve", is_flag=True, help="Tilføj som reserve.")
@pass_state
def trip_add_participant(
    state: CliState, trip_id: int, citizen_ids: tuple[int, ...], reserve: bool
) -> None:
    """Tilføj borgere som deltagere (eller reserver)."""
    from rfk_trips.trips import trip_service

    count = trip_service.add_participants(state.engine, trip_id, list(citizen_ids), reserve=reserve)
    click.echo(t("trip.added_participants", count=count))


@trip.command("add-staff")
@click.argument("trip_id", type=int)
@click.argument("staff_ids", type=int, nargs=-1, required=True)
@click.option("--lead", is_flag=True, help="Medarbejderen er tovholder.")
@pass_state
def trip_add_staff(state: CliState, trip_id: int, staff_ids: tuple[int, ...], lead: bool) -> None:
    """Tilføj medarbejdere; --lead gør én til tovholder."""
    from rfk_trips.trips import trip_service

    count = trip_service.add_staff(state.engine, trip_id, list(staff_ids), lead=lead)
    click.echo(t("trip.added_staff", count=count))


@trip.command("remove-participant")
@click.argument("trip_id", type=int)
@click.argument("citizen_id", type=int)
@pass_state
def trip_remove_participant(state: CliState, trip_id: int, citizen_id: int) -> None:
    """Fjern en borger fra turen."""
    from rfk_trips.trips import trip_service

    name = trip_service.remove_participant(state.engine, trip_id, citizen_id)
    click.echo(t("trip.removed_participant", name=name))


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


@cli.command("checkin")
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


# --- database ----------


@cli.group()
def db() -> None:
    """Databasen: hvor den ligger, opgradering, kontrol og kryptering."""


@db.command("path")
@pass_state
def db_path_command(state: CliState) -> None:
    """Skriv, hvor databasen ligger."""
    from sqlalchemy.engine import make_url

    from storage.engine import sqlite_path

    path = sqlite_path(state.url)
    # A server URL is shown without its password, which may stand in it.
    click.echo(str(path) if path is not None else make_url(state.url).render_as_string())


@db.command("upgrade")
@pass_state
def db_upgrade(state: CliState) -> None:
    """Opgradér databasen til denne versions skema (med sikkerhedskopi først)."""
    from storage.migrate import HEAD_REVISION

    opened = state.database()
    if opened.created:
        click.echo(t("db.created", path=opened.describe()))
    elif opened.upgrade is None:
        click.echo(t("db.up_to_date", revision=HEAD_REVISION))


@contextmanager
def _database_as_it_is(state: CliState) -> Iterator[Any]:
    """The database file not opened for use (no upgrade), so a damaged one can be checked
    and restored over."""
    from storage.engine import make_engine

    engine = make_engine(state.url, state.key())
    try:
        yield engine
    finally:
        engine.dispose()


@db.command("check")
@pass_state
def db_check(state: CliState) -> None:
    """Kontrollér databasens integritet og fremmednøgler."""
    from rfk_trips.database.backups import check_database

    with _database_as_it_is(state) as engine:
        result = check_database(engine)
    if result.problems:
        raise UserError(t("db.check_failed", problems="; ".join(result.problems[:5])))
    click.echo(t("db.check_ok", revision=result.revision))


@db.command("encrypt")
@pass_state
def db_encrypt(state: CliState) -> None:
    """Kryptér databasen med SQLCipher (adgangskode fra --key-file, ellers spørges der)."""
    from rfk_trips.cli.support import terminal_asker
    from rfk_trips.database.encryption import encrypt_database

    for line in encrypt_database(state.url, state.key_file, terminal_asker()):
        click.echo(line)


@db.command("decrypt")
@pass_state
def db_decrypt(state: CliState) -> None:
    """Gør en krypteret database ukrypteret igen (kræver adgangskoden)."""
    from rfk_trips.cli.support import terminal_asker
    from rfk_trips.database.encryption import decrypt_database

    for line in decrypt_database(state.url, state.key_file, terminal_asker()):
        click.echo(line)


@db.command("rekey")
@click.option(
    "--new-key-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Fil med den nye adgangskode; ellers spørges der to gange.",
)
@pass_state
def db_rekey(state: CliState, new_key_file: Path | None) -> None:
    """Skift adgangskoden til en krypteret database (den gamle fra --key-file, ellers spørges
    der)."""
    from rfk_trips.cli.support import terminal_asker
    from rfk_trips.database.encryption import rekey_database

    for line in rekey_database(state.url, state.key_file, new_key_file, terminal_asker()):
        click.echo(line)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_state
def backup(state: CliState, file: Path) -> None:
    """Tag en sikkerhedskopi af databasen til FIL."""
    from rfk_trips.database.backups import backup_to

    backup_to(state.engine, file)
    click.echo(t("backup.done", path=file))


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Gendan, selv om databasen er nyere end kopien.")
@pass_state
def restore(state: CliState, file: Path, force: bool) -> None:
    """Gendan databasen fra en sikkerhedskopi (den nuværende gemmes først)."""
    from rfk_trips.database.backups import restore_from

    # The backup's kind decides: a damaged database (or one of the other kind) is set aside.
    state.key(file, for_database=False)
    with _database_as_it_is(state) as engine:
        result = restore_from(engine, file, force=force)
    click.echo(t("restore.done", path=file, safety=result.safety_copy))
    if result.now_unencrypted:
        from storage.engine import sqlite_path

        click.echo(t("encryption.restored_plain", path=sqlite_path(state.url)))


@cli.command("municipality-add")
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


# --- documents that leave the app ----------

from rfk_trips.cli.audit import COMMANDS as _AUDIT_COMMANDS  # noqa: E402
from rfk_trips.cli.calendar import COMMANDS as _CALENDAR_COMMANDS  # noqa: E402
from rfk_trips.cli.follow_up import COMMANDS as _FOLLOW_UP_COMMANDS  # noqa: E402
from rfk_trips.cli.learning_cases import COMMANDS as _LEARNING_CASE_COMMANDS  # noqa: E402
from rfk_trips.cli.privacy import COMMANDS as _PRIVACY_COMMANDS  # noqa: E402
from rfk_trips.cli.programme import programme as _programme_command  # noqa: E402
from rfk_trips.cli.results import COMMANDS as _RESULTS_COMMANDS  # noqa: E402
from rfk_trips.cli.targets import COMMANDS as _TARGET_COMMANDS  # noqa: E402

for _command in (
    *_AUDIT_COMMANDS,
    *_CALENDAR_COMMANDS,
    *_FOLLOW_UP_COMMANDS,
    *_LEARNING_CASE_COMMANDS,
    *_PRIVACY_COMMANDS,
    *_RESULTS_COMMANDS,
    *_TARGET_COMMANDS,
    _programme_command,
):
    cli.add_command(_command)


# --- entry point ----------


def main(argv: list[str] | None = None) -> None:
    cli.main(args=sys.argv[1:] if argv is None else argv, prog_name="rfk-trips")
