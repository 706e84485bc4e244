"""`rfk-trips export followups|outcomes|stats`: exact contents of every format, read back.

One small trip on a real SQLite file: eight participants (five present, one late, one
no-show, one afbud) and a reserve, all with skånehensyn that must never reach a file.
Five of those who came get guidance and upskilling, so that cell (5) stays a number while
every cell of 1–4 people is shown as "<5".
"""

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.engine import Engine

from rfk_trips.after_trip.follow_up_listing import list_follow_ups
from rfk_trips.after_trip.follow_ups import record_follow_up
from rfk_trips.after_trip.outcomes import NewOutcome, add_outcome, end_outcome
from rfk_trips.cli.main import cli
from rfk_trips.exchange.exporting import EXPORT_KINDS
from rfk_trips.exchange.exporting_results import (
    FOLLOW_UP_HEADERS,
    OUTCOME_HEADERS,
    RESULT_EXPORT_KINDS,
    export_results_file,
    stats_rows,
)
from rfk_trips.results.results_service import ResultFilter, figures_as_json
from rfk_trips.rules.errors import UserError
from rfk_trips.rules.outcome_figures import Facts, compute_figures
from rfk_trips.trips import check_in
from storage.codes import OutcomeKind, StaffRole
from storage.models import Citizen, Company, FollowUp, Staff
from storage.sessions import session_scope
from tests.database_choice import db_option
from tests.figure_strategies import days, facts
from tests.trip_builders import DAY, held_trip

SECRET = "Tåler ikke larm (FORTROLIGT)"
SUFFIXES = (".csv", ".xlsx", ".json")
ON = date(2026, 12, 10)


@dataclass(frozen=True)
class World:
    trip: int
    citizens: list[int]
    nakskov: int
    kro: int
    internship: int
    paid: int
    upskilling: list[int]


@pytest.fixture
def world(engine: Engine) -> World:
    trip, citizens = held_trip(engine)  # 23-11-2026, format guldborgsund
    with session_scope(engine) as session:
        caseworker = Staff(name="Sara Sagsbehandler", initials="SS", role=StaffRole.CASEWORKER)
        session.add(caseworker)
        session.flush()
        for citizen in session.scalars(select(Citizen)):
            citizen.caseworker_id = caseworker.id
            citizen.accommodation_needs = SECRET
            session.add(citizen)
        nakskov, kro = (
            session.scalars(select(Company.id).where(Company.name == name)).one()
            for name in ("Nakskov Stål A/S", "Maribo Kro")
        )
    check_in.complete_trip(engine, trip, today=DAY)
    first = next(r for r in list_follow_ups(engine, today=DAY) if r.citizen_id == citizens[0])
    record_follow_up(
        engine,
        first.id,
        today=DAY,
        note="Vil gerne prøve lageret",
        company_id=nakskov,
        next_step="Aftale praktik",
        next_due=DAY + timedelta(days=7),
    )
    with session_scope(engine) as session:
        task = session.get(FollowUp, first.id)
        assert task is not None
        # 23:30 UTC on 30 November is 1 December in Denmark: the file shows the Danish day.
        task.done_at = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
        session.add(task)
    internship = add_outcome(
        engine,
        NewOutcome(
            citizen_id=citizens[0],
            kind=OutcomeKind.INTERNSHIP,
            start=date(2026, 12, 1),
            trip_id=trip,
            company_id=nakskov,
            aim="Lønnede timer efter 8 uger",
        ),
    )
    end_outcome(engine, internship, date(2026, 12, 15), reason="Arbejdstiderne")
    paid = add_outcome(
        engine,
        NewOutcome(
            citizen_id=citizens[1],
            kind=OutcomeKind.PAID_HOURS,
            start=date(2026, 12, 3),
            trip_id=trip,
            company_id=kro,
            hours_per_week=7.5,
            note="Fredage i køkkenet",
        ),
    )
    upskilling = [
        add_outcome(
            engine,
            NewOutcome(citizen_id=c, kind=OutcomeKind.UPSKILLING, start=date(2026, 11, 24)),
        )
        for c in citizens[:5]
    ]
    return World(trip, citizens, nakskov, kro, internship, paid, upskilling)


def read_back(path: Path) -> tuple[list[str], list[list[Any]]]:
    """Headers and rows of an exported table, read without the project's own reader."""
    if path.suffix == ".csv":
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # so Danish Excel reads it as UTF-8
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
        return rows[0], rows[1:]
    if path.suffix == ".xlsx":
        workbook = load_workbook(path, read_only=True)
        try:
            sheet = [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]
        finally:
            workbook.close()
        return [str(h) for h in sheet[0]], sheet[1:]
    records = json.loads(path.read_text(encoding="utf-8"))
    headers = list(records[0])
    return headers, [list(r.values()) for r in records]


def everything(path: Path) -> str:
    headers, rows = read_back(path)
    parts = [*headers, *(str(v) for row in rows for v in row)]
    if path.suffix != ".xlsx":
        parts.append(path.read_text(encoding="utf-8-sig"))
    return "\n".join(parts)


# --- follow-ups ------------------------------------------------------------------------


def test_follow_ups_csv_shows_danish_labels_and_dates(
    engine: Engine, world: World, tmp_path: Path
) -> None:
    path = tmp_path / "opfoelgning.csv"
    assert export_results_file(engine, "followups", path, today=DAY) == 8
    headers, rows = read_back(path)
    c, trip = world.citizens, str(world.trip)
    after = "Opfølgning efter turen"

    def row(i: int, kind: str, due: str, done: str = "", **more: str) -> list[str]:
        return [
            more.get("id", ""), str(c[i]), f"Borger {i:02d}", trip, "23-11-2026",
            "Bustur 23-11-2026", kind, due, done, "SS", more.get("company", ""),
            more.get("next", ""), more.get("note", ""),
        ]  # fmt: skip

    assert headers == FOLLOW_UP_HEADERS
    expected = [
        row(6, "Kontakt borgeren (udeblev)", "25-11-2026"),
        row(0, "Aftalt næste skridt", "30-11-2026", company="Nakskov Stål A/S",
            next="Aftale praktik"),
        row(0, after, "07-12-2026", "01-12-2026", company="Nakskov Stål A/S",
            next="Aftale praktik", note="Vil gerne prøve lageret"),
        *(row(i, after, "07-12-2026") for i in range(1, 6)),
    ]  # fmt: skip
    assert [r[1:] for r in rows] == [e[1:] for e in expected]
    ids = [int(r[0]) for r in rows]
    with session_scope(engine) as session:
        assert sorted(ids) == sorted(session.scalars(select(FollowUp.id)))


def test_follow_ups_json_keeps_codes_and_iso_dates(
    engine: Engine, world: World, tmp_path: Path
) -> None:
    path = tmp_path / "opfoelgning.json"
    assert export_results_file(engine, "followups", path, today=DAY) == 8
    records = json.loads(path.read_text(encoding="utf-8"))
    assert [r["opgave"] for r in records] == [
        "contact_no_show",
        "next_step",
        *["after_trip"] * 6,
    ]
    done = records[2]
    assert done == {
        "id": done["id"],
        "borger_id": world.citizens[0],
        "navn": "Borger 00",
        "tur_id": world.trip,
        "turdato": "2026-11-23",
        "tur": "Bustur 23-11-2026",
        "opgave": "after_trip",
        "frist": "2026-12-07",
        "udfoert": "2026-12-01",
        "ansvarlig": "SS",
        "virksomhed": "Nakskov Stål A/S",
        "naeste_skridt": "Aftale praktik",
        "note": "Vil gerne prøve lageret",
    }
    assert records[0]["udfoert"] is None


def test_follow_ups_xlsx_has_real_dates(engine: Engine, world: World, tmp_path: Path) -> None:
    path = tmp_path / "opfoelgning.xlsx"
    assert export_results_file(engine, "followups", path, today=DAY) == 8
    headers, rows = read_back(path)
    assert headers == FOLLOW_UP_HEADERS
    done = rows[2]
    assert done[1:] == [
        world.citizens[0], "Borger 00", world.trip, datetime(2026, 11, 23), "Bustur 23-11-2026",
        "Opfølgning efter turen", datetime(2026, 12, 7), datetime(2026, 12, 1), "SS",
        "Nakskov Stål A/S", "Aftale praktik", "Vil gerne prøve lageret",
    ]  # fmt: skip


# --- outcomes --------------------------------------------------------------------------


def test_outcomes_csv(engine: Engine, world: World, tmp_path: Path) -> None:
    path = tmp_path / "resultater.csv"
    assert export_results_file(engine, "outcomes", path, today=DAY) == 7
    headers, rows = read_back(path)
    trip = str(world.trip)
    # The shape the outcomes import reads (history_fields.OUTCOME_FIELDS): each citizen by
    # name, the phone only where two citizens share a name (none here), the trip as its date
    # and title, and the numbers of this database (id, tur_id, borger_id) for scripts.
    upskilling = [
        [str(o), f"Borger {i:02d}", "", "Vejledning og opkvalificering", "24-11-2026",
         "", "", "", "", "", "", "", "nej", "", "", str(world.citizens[i])]
        for i, o in enumerate(world.upskilling)
    ]  # fmt: skip
    assert headers == OUTCOME_HEADERS
    assert rows == [
        *upskilling,
        [str(world.internship), "Borger 00", "", "Virksomhedspraktik", "01-12-2026",
         "15-12-2026", "Nakskov Stål A/S", "", "23-11-2026 Bustur 23-11-2026", trip,
         "Lønnede timer efter 8 uger", "02-03-2027", "ja", "Arbejdstiderne", "",
         str(world.citizens[0])],
        [str(world.paid), "Borger 01", "", "Ordinære timer uden ydelse", "03-12-2026",
         "", "Maribo Kro", "7,5", "23-11-2026 Bustur 23-11-2026", trip, "", "", "nej", "",
         "Fredage i køkkenet", str(world.citizens[1])],
    ]  # fmt: skip


def test_outcomes_json_and_xlsx(engine: Engine, world: World, tmp_path: Path) -> None:
    as_json, as_xlsx = tmp_path / "r.json", tmp_path / "r.xlsx"
    assert export_results_file(engine, "outcomes", as_json, today=DAY) == 7
    assert export_results_file(engine, "outcomes", as_xlsx, today=DAY) == 7
    records = json.loads(as_json.read_text(encoding="utf-8"))
    assert records[5] == {
        "id": world.internship,
        "borger": "Borger 00",
        "telefon": "",
        "resultat": "internship",
        "start": "2026-12-01",
        "slut": "2026-12-15",
        "virksomhed": "Nakskov Stål A/S",
        "timer_pr_uge": None,
        "tur": "23-11-2026 Bustur 23-11-2026",
        "tur_id": world.trip,
        "maal": "Lønnede timer efter 8 uger",
        "revurdering": "2027-03-02",
        "stoppet_tidligt": True,
        "slutaarsag": "Arbejdstiderne",
        "noter": "",
        "borger_id": world.citizens[0],
    }
    assert (records[6]["resultat"], records[6]["timer_pr_uge"]) == ("paid_hours", 7.5)
    assert {r["resultat"] for r in records[:5]} == {"upskilling"}
    _, rows = read_back(as_xlsx)
    assert rows[6][3:8] == [
        "Ordinære timer uden ydelse", datetime(2026, 12, 3), None, "Maribo Kro", 7.5,
    ]  # fmt: skip


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("kind", ["followups", "outcomes"])
def test_no_sensitive_field_in_files_that_name_citizens(
    engine: Engine, world: World, tmp_path: Path, kind: Any, suffix: str
) -> None:
    path = tmp_path / f"{kind}{suffix}"
    export_results_file(engine, kind, path, today=DAY)
    text = everything(path)
    assert "Borger 00" in text  # the file does name citizens…
    assert SECRET not in text and "FORTROLIGT" not in text  # …never their skånehensyn
    headers, _ = read_back(path)
    assert not {"skaanehensyn", "skånehensyn", "accommodation_needs"} & set(headers)
    # A phone number only where it tells two citizens of one name apart: none do here.
    assert "2000 0000" not in text


# --- the figures -----------------------------------------------------------------------


def stats_lookup(rows: list[list[Any]]) -> dict[tuple[str, str, str], Any]:
    table = {(r[0], r[1], r[2]): r[3] for r in rows}
    assert len(table) == len(rows)  # every figure has its own row
    return table


OUTCOME_LABELS = [
    "Ordinære timer uden ydelse",
    "Lønnede timer med supplerende ydelse",
    "Fleksjob",
    "SU / voksenlærling / uddannelse",
    "Løntilskud",
    "Småjob / få timer",
    "Hybridpraktik",
    "Virksomhedspraktik",
    "Mentorforløb",
    "Vejledning og opkvalificering",
    "Sundhedsfaglig indsats",
    "Afgang (pension, fraflyttet, andet)",
    "Intet resultat",
]
WITH_OUTCOME = "Borgere med et resultat"
PAID = "I lønnet arbejde (ordinære timer, timer med ydelse, fleksjob)"


def expected_block(
    section: str, group: str, ever: dict[str, str], on: dict[str, str]
) -> list[list[str]]:
    """A block as the CSV holds it: attendance, then outcomes ever, then on 10-12-2026."""
    attendance = [
        ("Ture gennemført", "1"), ("Inviterede deltagere", "8"), ("Mødt", "6"),
        ("heraf kom for sent", "<5"), ("heraf gik tidligt", "0"), ("Afbud", "<5"),
        ("Udeblevet", "<5"), ("Ikke registreret", "0"), ("Fremmøde (%)", ""),
    ]  # fmt: skip
    # No rate: 6 of 8 less the afbud, 86 %, would tell the hidden afbud (one).
    rows = [[section, group, m, v] for m, v in attendance]
    for suffix, values in (("", ever), (", pr. 10-12-2026", on)):
        rows += [[section, group, f"{m}{suffix}", values.get(m, "0")] for m in OUTCOME_LABELS]
        rows += [
            [section, group, f"{WITH_OUTCOME}{suffix}", values[WITH_OUTCOME]],
            [section, group, f"{PAID}{suffix}", values[PAID]],
        ]
    return rows


# Ever: five citizens with an outcome; on 10 December the same, all still running.
EVER = {
    "Ordinære timer uden ydelse": "<5",
    "Virksomhedspraktik": "<5",
    "Vejledning og opkvalificering": "5",
    WITH_OUTCOME: "5",
    PAID: "<5",
}


def test_stats_csv_is_a_flat_table_with_small_cells_suppressed(
    engine: Engine, world: World, tmp_path: Path
) -> None:
    path = tmp_path / "tal.csv"
    count = export_results_file(engine, "stats", path, today=DAY, on=ON)
    headers, rows = read_back(path)
    assert headers == ["afsnit", "gruppe", "nøgletal", "værdi"]
    assert count == len(rows) == 268
    assert rows[:5] == [
        ["Udvalg", "", "Periode (turdato)", "hele perioden"],
        ["Udvalg", "", "Kommune", "alle"],
        ["Udvalg", "", "Turformat", "alle"],
        ["Udvalg", "", "Status pr.", "10-12-2026"],
        [
            "Udvalg",
            "",
            "Diskretion",
            "Tal på 1–4 er vist som »<5«, så ingen borger kan genkendes. Hvor et skjult tal kunne "
            "regnes ud af de andre, er ét tal mere skjult (»x« står for 5 eller flere).",
        ],
    ]
    assert rows[5:44] == expected_block("I alt", "", EVER, EVER)
    headline = "Hver borger én gang, efter det bedste resultat"
    best = {"Ordinære timer uden ydelse": "<5", "Virksomhedspraktik": "<5"}
    best["Vejledning og opkvalificering"] = "<5"  # three: the other two rank higher
    assert rows[44:70] == [
        [headline, "", f"{m}{suffix}", best.get(m, "0")]
        for suffix in ("", ", pr. 10-12-2026")
        for m in OUTCOME_LABELS
    ]
    assert rows[70:109] == expected_block("Efter kommune", "Guldborgsund", EVER, EVER)
    assert rows[109:148] == expected_block("Efter turformat", "guldborgsund", EVER, EVER)
    # Both hosts had the whole trip; the same citizens count, so by name.
    assert rows[148:187] == expected_block("Værtsvirksomheder", "Maribo Kro", EVER, EVER)
    assert rows[187:226] == expected_block("Værtsvirksomheder", "Nakskov Stål A/S", EVER, EVER)
    table = stats_lookup(rows)
    at = "Resultater hos virksomheden"
    assert table[(at, "Maribo Kro", "Ordinære timer uden ydelse")] == "<5"
    assert table[(at, "Maribo Kro", "Virksomhedspraktik")] == "0"
    assert table[(at, "Nakskov Stål A/S", "Virksomhedspraktik")] == "<5"
    assert table[(at, "Nakskov Stål A/S", PAID)] == "0"
    assert rows[256:] == [
        [dimension, group, measure, value]
        for dimension, group in (
            ("Alder", "Ukendt"),
            ("Køn", "Ukendt"),
            ("Ydelse", "Kontanthjælp (aktivitetsparat)"),  # a citizen's default benefit
            ("Startkvartal (første tur)", "4. kvartal 2026"),  # the trip of 23-11-2026
        )
        for measure, value in (("Borgere, der mødte", "6"), (WITH_OUTCOME, "5"), (PAID, "<5"))
    ]
    # Not one count of one to four people is left in the file.
    people = {r[3] for r in rows if r[2] not in ("Ture gennemført", "Fremmøde (%)")}
    assert not {str(n) for n in range(1, 5)} & people


def test_stats_xlsx_keeps_numbers_as_numbers(engine: Engine, world: World, tmp_path: Path) -> None:
    path = tmp_path / "tal.xlsx"
    assert export_results_file(engine, "stats", path, today=DAY, on=ON) == 268
    headers, rows = read_back(path)
    assert headers == ["afsnit", "gruppe", "nøgletal", "værdi"]
    table = stats_lookup(rows)
    assert table[("I alt", None, "Mødt")] == 6
    assert table[("I alt", None, "Inviterede deltagere")] == 8
    assert table[("I alt", None, "heraf kom for sent")] == "<5"
    # 6 of 8 less the afbud would tell the hidden afbud: the cell is left empty.
    assert table[("I alt", None, "Fremmøde (%)")] is None
    assert table[("I alt", None, "Vejledning og opkvalificering")] == 5
    assert table[("I alt", None, "Virksomhedspraktik")] == "<5"
    assert table[("I alt", None, "Fleksjob")] == 0


def test_stats_json_is_the_suppressed_stats_json(
    engine: Engine, world: World, tmp_path: Path, db_path: Path
) -> None:
    path = tmp_path / "tal.json"
    export_results_file(engine, "stats", path, today=DAY, on=ON)
    data = json.loads(path.read_text(encoding="utf-8"))
    shown = CliRunner().invoke(
        cli, [*db_option(db_path), "stats", "--json", "--suppress-small", "--on", "10-12-2026"]
    )
    assert shown.exit_code == 0, shown.output
    assert data == json.loads(shown.stdout)
    assert data["suppressed"] is True
    assert (data["invited"], data["attended"], data["late"], data["no_show"]) == (8, 6, "<5", "<5")
    assert data["outcomes"]["upskilling"] == 5 and data["outcomes"]["internship"] == "<5"
    assert data["in_paid_work"] == "<5" and data["attendance_rate"] is None  # tells afbud
    assert data["breakdowns"]["gender"]["unknown"] == {
        "attended": 6,
        "with_outcome": 5,
        "in_paid_work": "<5",
    }


def test_stats_filters_reach_the_file(engine: Engine, world: World, tmp_path: Path) -> None:
    path = tmp_path / "tal.csv"
    where = ResultFilter(date(2026, 12, 1), None, "Lolland", None)
    assert export_results_file(engine, "stats", path, today=DAY, where=where) == 5 + 39 + 26
    _, rows = read_back(path)
    assert rows[:4] == [
        ["Udvalg", "", "Periode (turdato)", "01-12-2026 – …"],
        ["Udvalg", "", "Kommune", "Lolland"],
        ["Udvalg", "", "Turformat", "alle"],
        ["Udvalg", "", "Status pr.", "23-11-2026"],  # today, as `rfk-trips stats`
    ]
    assert ["I alt", "", "Ture gennemført", "0"] in rows
    assert ["I alt", "", "Inviterede deltagere", "0"] in rows
    assert not any(r[0] == "Efter kommune" for r in rows)


def test_stats_refuses_an_unknown_municipality_and_writes_nothing(
    engine: Engine, world: World, tmp_path: Path
) -> None:
    with pytest.raises(UserError, match="Kommunen »Odense« findes ikke"):
        export_results_file(
            engine,
            "stats",
            tmp_path / "t.csv",
            today=DAY,
            where=ResultFilter(municipality="Odense"),
        )
    assert list(tmp_path.glob("t.*")) == []


@pytest.mark.parametrize("kind", RESULT_EXPORT_KINDS)
def test_unknown_file_type_is_refused_in_danish(engine: Engine, tmp_path: Path, kind: Any) -> None:
    with pytest.raises(UserError) as caught:
        export_results_file(engine, kind, tmp_path / "tal.pdf", today=DAY)
    assert "Eksport kan skrive .csv, .xlsx eller .json, ikke ».pdf«" in caught.value.message
    assert list(tmp_path.glob("tal*")) == []


@settings(max_examples=60, deadline=None)
@given(facts(), days)
def test_no_count_of_one_to_four_ever_reaches_the_figures_file(data: Facts, on: date) -> None:
    figures = compute_figures(data, on=on, reference_date=on)
    shown = figures_as_json(figures, suppress_small=True)
    rows = stats_rows(shown, ResultFilter())
    # Trips are not people, and a rate is no count (and is left out when built on few).
    values = [row[3] for row in rows if row[2] not in ("Ture gennemført", "Fremmøde (%)")]
    assert not [v for v in values if isinstance(v, int) and 0 < v < 5 and not isinstance(v, bool)]
    assert len(rows) >= 5 + 39 + 26


# --- the command -----------------------------------------------------------------------

Invoke = Callable[..., Result]


@pytest.fixture
def run(db_path: Path) -> Invoke:
    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, [*db_option(db_path), *args])

    return invoke


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize(("kind", "rows"), [("followups", 8), ("outcomes", 7), ("stats", 268)])
def test_export_command_writes_each_kind(
    run: Invoke, world: World, tmp_path: Path, kind: str, rows: int, suffix: str
) -> None:
    path = tmp_path / f"{kind}{suffix}"
    extra = ["--on", "10-12-2026"] if kind == "stats" else []
    result = run("export", kind, str(path), *extra)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{rows} rækker skrevet til {path}.\n"
    assert path.exists()


def test_export_stats_command_with_filters(run: Invoke, world: World, tmp_path: Path) -> None:
    path = tmp_path / "tal.csv"
    result = run(
        "export", "stats", str(path), "--from", "1/11-2026", "--to", "30-11-2026",
        "--municipality", "Guldborgsund", "--trip-format", "guldborgsund", "--on", "10/12-2026",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    _, rows = read_back(path)
    assert rows[:4] == [
        ["Udvalg", "", "Periode (turdato)", "01-11-2026 – 30-11-2026"],
        ["Udvalg", "", "Kommune", "Guldborgsund"],
        ["Udvalg", "", "Turformat", "guldborgsund"],
        ["Udvalg", "", "Status pr.", "10-12-2026"],
    ]
    assert ["I alt", "", "Mødt", "6"] in rows


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["followups", "f.csv", "--from", "1/1"], "--from gælder kun"),
        (["outcomes", "f.json", "--on", "1/1", "--municipality", "Lolland"],
         "--municipality og --on"),
        (["staff", "f.csv", "--to", "1/1", "--trip-format", "lolland", "--from", "1/1"],
         "--from, --to og --trip-format"),
    ],
)  # fmt: skip
def test_stats_options_with_another_kind_are_refused(
    run: Invoke, tmp_path: Path, args: list[str], named: str
) -> None:
    args = [args[0], str(tmp_path / args[1]), *args[2:]]
    result = run("export", *args)
    assert result.exit_code == 1
    assert named in result.stderr
    assert "Fjern" in result.stderr and "rfk-trips export stats FIL" in result.stderr
    assert "Traceback" not in result.output
    assert list(tmp_path.glob("f.*")) == []


def test_old_kinds_still_export(run: Invoke, world: World, tmp_path: Path) -> None:
    path = tmp_path / "medarbejdere.csv"
    result = run("export", "staff", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"1 rækker skrevet til {path}.\n"
    _, rows = read_back(path)
    assert rows[0][1:3] == ["Sara Sagsbehandler", "SS"]


def test_export_command_offers_every_kind() -> None:
    kind = next(p for p in cli.commands["export"].params if p.name == "kind")
    assert isinstance(kind.type, click.Choice)
    assert list(kind.type.choices) == [*EXPORT_KINDS, *RESULT_EXPORT_KINDS]


def test_stats_export_in_english(run: Invoke, world: World, tmp_path: Path) -> None:
    path = tmp_path / "figures.csv"
    result = run("--lang", "en", "export", "stats", str(path), "--on", "10-12-2026")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"268 rows written to {path}.\n"
    headers, rows = read_back(path)
    assert headers == ["section", "group", "measure", "value"]
    assert ["Total", "", "Attended", "6"] in rows
    assert ["Total", "", "Work placement", "<5"] in rows
    assert ["Total", "", "Guidance and upskilling, on 10-12-2026", "5"] in rows
