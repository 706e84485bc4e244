"""Printed programmes: what each version must say, and what it must never say (R21, R22, R37)."""

import os
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from rfk_trips.cli.main import cli
from rfk_trips.documents.programme_service import write_programme
from rfk_trips.exchange.demo_data import ACCOMMODATION_NEEDS
from rfk_trips.i18n.catalogue import set_language
from rfk_trips.privacy.acting_user import acting_user
from rfk_trips.rules.danish_dates import format_date_long, format_time
from rfk_trips.rules.errors import NotFoundError, UserError
from rfk_trips.trips import trip_listing, trip_service
from rfk_trips.trips.trip_service import ParticipantRead, TripDetail, VisitRead
from storage.codes import ParticipantRole, TripStatus
from storage.models import Citizen, PrintRecord
from tests.conftest import TODAY
from tests.database_choice import db_option

# Parts of the demo skånehensyn distinctive enough that they appear nowhere else.
NEEDS_FRAGMENTS = (
    "længere tid ad gangen",
    "tunge løft",
    "pauser undervejs",
    "urolig i store grupper",
    "sidde forrest",
    "Dårligt gående",
    "kort version",
    "en, hun kender",
)


@dataclass(frozen=True)
class Scene:
    engine: Engine
    detail: TripDetail
    needs: frozenset[int]  # citizen ids on the trip with skånehensyn

    @property
    def participants(self) -> list[ParticipantRead]:
        return [p for p in self.detail.participants if p.role == ParticipantRole.PARTICIPANT]

    @property
    def reserves(self) -> list[ParticipantRead]:
        return [p for p in self.detail.participants if p.role == ParticipantRole.RESERVE]

    @property
    def citizens(self) -> list[ParticipantRead]:
        return list(self.detail.participants)

    @property
    def lead_phone(self) -> str:
        return next(s.phone for s in self.detail.staff if s.is_lead)

    def span(self, visit: VisitRead) -> str:
        return f"{format_time(visit.start_time)}–{format_time(visit.end_time)}"


@pytest.fixture
def scene(demo_engine: Engine) -> Scene:
    """A future trip with two visits, staff, reserves and a participant with skånehensyn."""
    tomorrow = TODAY + timedelta(days=1)
    for summary in trip_listing.list_trips(demo_engine, date_from=tomorrow):
        if summary.status == TripStatus.CANCELLED or summary.visits < 2 or not summary.reserves:
            continue
        detail = trip_service.trip_detail(demo_engine, summary.id)
        ids = [p.citizen_id for p in detail.participants]
        with Session(demo_engine) as session:
            needs = frozenset(
                citizen.id or 0
                for citizen in session.scalars(select(Citizen).where(col(Citizen.id).in_(ids)))
                if citizen.accommodation_needs.strip()
            )
        participant_ids = {
            p.citizen_id for p in detail.participants if p.role == ParticipantRole.PARTICIPANT
        }
        lead = [s for s in detail.staff if s.is_lead and s.phone]
        if needs & participant_ids and participant_ids - needs and lead:
            return Scene(demo_engine, detail, needs)
    raise AssertionError("the demo data has no suitable future trip")


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own for the written files (the database lives in tmp_path)."""
    folder = tmp_path / "ud"
    folder.mkdir()
    return folder


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def flat(text: str) -> str:
    """Whitespace folded, so a value wrapped inside a table cell still reads as one."""
    return " ".join(text.split())


def assert_nothing_sensitive(text: str) -> None:
    folded = flat(text)
    for need in ACCOMMODATION_NEEDS:
        assert flat(need) not in folded
    for fragment in NEEDS_FRAGMENTS:
        assert fragment not in folded


def assert_no_citizens(scene: Scene, text: str) -> None:
    folded = flat(text)
    for person in scene.citizens:
        assert person.name not in folded, person.name
        assert not person.phone or person.phone not in folded, person.phone
    assert "⚑" not in folded


def write(scene: Scene, audience: str, path: Path) -> Path:
    return write_programme(scene.engine, scene.detail.id, audience, path, today=TODAY)


# --- the four versions ----------


def test_participant_version_has_the_day_and_no_one_elses_details(
    scene: Scene, tmp_path: Path
) -> None:
    path = write(scene, "participant", tmp_path / "deltager.pdf")
    assert path == tmp_path / "deltager.pdf"
    text = "\n".join(pdf_pages(path))
    folded = flat(text)
    detail = scene.detail

    assert "Program for deltagere".upper() in folded
    assert format_date_long(detail.trip_date) in folded  # "torsdag 3. december 2026"
    assert detail.meeting_place in folded
    assert f"kl. {format_time(detail.meeting_time)}" in folded
    for visit in detail.visits:
        assert visit.company_name in folded
        assert visit.address in folded
        assert scene.span(visit) in folded  # with an en dash
    # What to bring, staff first names only, and the job centre's phone.
    assert "Tøj og sko til vejret og til at gå i" in folded
    assert "Evt. medicin" in folded
    for member in detail.staff:
        assert member.name.split()[0] in folded
        assert member.name not in folded
    assert f"Ring til jobcentret på {scene.detail.jobcentre_phone}" in folded
    # Danish letters come through as letters, in both weights.
    for letter in "æøå":
        assert letter in folded
    assert "præsentation" in folded and "Mødested" in folded and "spørgsmål" in folded

    assert_no_citizens(scene, text)
    assert_nothing_sensitive(text)


def test_staff_run_sheet_names_everyone_and_marks_attention_without_the_reason(
    scene: Scene, tmp_path: Path
) -> None:
    path = write(scene, "staff", tmp_path / "koereark.pdf")
    pages = pdf_pages(path)
    text = "\n".join(pages)
    folded = flat(text)
    detail = scene.detail

    assert "KØREARK FOR MEDARBEJDERE" in folded
    assert "Fortroligt" in folded
    assert format_date_long(detail.trip_date) in folded
    for leg in ("Afgang", "Besøg 1", "Besøg 2", "Hjemkomst"):
        assert leg in folded
    assert "☐" in folded  # tick boxes
    for person in scene.citizens:
        assert person.name in folded
        assert person.phone in folded
    # The ⚑ marker sits on the row of exactly those with skånehensyn, participants and reserves.
    lines = text.splitlines()
    for person in scene.citizens:
        row = next(line for line in lines if person.name in line)
        assert ("⚑" in row) == (person.citizen_id in scene.needs), person.name
    assert "ekstra opmærksomhed" in folded  # the legend
    for member in detail.staff:
        assert member.name in folded
        assert member.phone in folded
        assert member.role in folded
    for visit in detail.visits:
        assert visit.company_name in folded
        assert visit.host_contact in folded
        assert scene.span(visit) in folded
    assert detail.bus_operator in folded
    assert detail.catering_notes in folded
    # All the participants' version says as well: what to bring and the number to ring.
    assert "Deltagerne har med" in folded
    assert "Tøj og sko til vejret og til at gå i" in folded
    assert "Evt. medicin" in folded
    assert detail.jobcentre_phone and f"Jobcentrets telefon {detail.jobcentre_phone}" in folded

    assert_nothing_sensitive(text)


def test_company_version_has_one_page_per_host_and_no_citizen(scene: Scene, tmp_path: Path) -> None:
    path = write(scene, "company", tmp_path / "virksomhed.pdf")
    pages = pdf_pages(path)
    detail = scene.detail
    visits = sorted(detail.visits, key=lambda v: v.start_time)
    assert len(pages) == len({v.company_id for v in visits}) == 2
    group = f"{len(scene.participants)} borgere og {len(detail.staff)} medarbejdere"
    for page, visit, other in zip(pages, visits, reversed(visits), strict=True):
        folded = flat(page)
        assert visit.company_name.upper() in folded
        assert other.company_name not in folded
        assert format_date_long(detail.trip_date) in folded
        assert f"Vi kommer kl. {format_time(visit.start_time)}" in folded
        assert f"Vi kører igen kl. {format_time(visit.end_time)}" in folded
        assert group in folded
        assert flat(visit.showing) in folded
        assert "Udvidet visitkort" in folded
        for member in detail.staff:
            assert member.name in folded
            assert member.phone in folded
        assert "Side 1 af 1" in folded  # numbered per host, as it is handed out alone
        assert_no_citizens(scene, page)
        assert_nothing_sensitive(page)


def test_bus_version_has_stops_times_and_head_count_and_no_citizen(
    scene: Scene, tmp_path: Path
) -> None:
    path = write(scene, "bus", tmp_path / "bus.pdf")
    text = "\n".join(pdf_pages(path))
    folded = flat(text)
    detail = scene.detail
    people = len(scene.participants) + len(detail.staff)

    assert "KØREPLAN TIL BUSSELSKABET" in folded
    assert format_date_long(detail.trip_date) in folded
    assert f"Opsamling {detail.meeting_place}" in folded
    for visit in detail.visits:
        assert f"{scene.span(visit)} {visit.company_name}" in folded
        assert visit.address in folded
    assert f"{format_time(detail.return_time)} Hjemkomst {detail.meeting_place}" in folded
    assert (
        f"{people} ({len(scene.participants)} deltagere og {len(detail.staff)} medarbejdere)"
        in (folded)
    )
    assert scene.lead_phone in folded
    assert_no_citizens(scene, text)
    assert_nothing_sensitive(text)


# --- text, Markdown and English ----------


def test_text_and_markdown_carry_the_same_content(scene: Scene, tmp_path: Path) -> None:
    staff_txt = write(scene, "staff", tmp_path / "koereark.txt").read_text(encoding="utf-8")
    staff_md = write(scene, "staff", tmp_path / "koereark.md").read_text(encoding="utf-8")
    company_md = write(scene, "company", tmp_path / "virksomhed.md").read_text(encoding="utf-8")
    bus_txt = write(scene, "bus", tmp_path / "bus.txt").read_text(encoding="utf-8")
    participant_md = write(scene, "participant", tmp_path / "deltager.md").read_text(
        encoding="utf-8"
    )
    detail = scene.detail
    date_words = format_date_long(detail.trip_date)

    assert "[ ]" in staff_txt and "Hjemkomst" in staff_txt
    assert staff_md.startswith(f"# {detail.title}\n")
    assert "| ⚑ | Navn | Telefon | Afgang | Besøg 1 | Besøg 2 | Hjemkomst |" in staff_md
    for text in (staff_txt, staff_md):
        assert date_words in text
        for person in scene.citizens:
            row = next(line for line in text.splitlines() if person.name in line)
            assert person.phone in row
            assert ("⚑" in row) == (person.citizen_id in scene.needs), person.name
        assert_nothing_sensitive(text)
    for visit in detail.visits:
        assert f"{scene.span(visit)}" in bus_txt
        assert visit.company_name in company_md
    assert "> ### Udvidet visitkort – Jobcenter" in company_md
    assert "- Tøj og sko til vejret og til at gå i" in participant_md
    for text in (company_md, bus_txt, participant_md):
        assert date_words in text
        assert_no_citizens(scene, text)
        assert_nothing_sensitive(text)


def test_english_programme(scene: Scene, tmp_path: Path) -> None:
    set_language("en")
    text = flat("\n".join(pdf_pages(write(scene, "participant", tmp_path / "p.pdf"))))
    assert "PROGRAMME FOR PARTICIPANTS" in text
    assert format_date_long(scene.detail.trip_date) in text  # e.g. "Thursday 3 December 2026"
    assert "What to bring" in text


def test_cancelled_trip_says_so(scene: Scene, tmp_path: Path) -> None:
    trip_service.cancel_trip(scene.engine, scene.detail.id)
    text = write(scene, "company", tmp_path / "virksomhed.txt").read_text(encoding="utf-8")
    assert "AFLYST" in text


# --- the print record and the file ----------


def print_records(engine: Engine) -> list[PrintRecord]:
    with Session(engine) as session:
        return list(session.scalars(select(PrintRecord).order_by(col(PrintRecord.id))))


def test_each_print_of_the_run_sheet_is_recorded_with_the_trip_version(
    scene: Scene, tmp_path: Path
) -> None:
    write(scene, "participant", tmp_path / "deltager.pdf")
    write(scene, "bus", tmp_path / "bus.txt")
    assert print_records(scene.engine) == []  # these name no citizen

    first = write(scene, "staff", tmp_path / "koereark.pdf")
    trip_service.set_status(scene.engine, scene.detail.id, TripStatus.CONFIRMED)  # version + 1
    write(scene, "staff", tmp_path / "koereark.md")

    records = print_records(scene.engine)
    assert [(r.trip_id, r.audience, r.trip_version) for r in records] == [
        (scene.detail.id, "staff", scene.detail.version),
        (scene.detail.id, "staff", scene.detail.version + 1),
    ]
    assert records[0].file_name == str(first.absolute())
    assert records[1].file_name.endswith("koereark.md")
    assert all(r.printed_by == acting_user() != "" and r.printed_at for r in records)
    if os.name == "posix":
        assert first.stat().st_mode & 0o777 == 0o600  # names citizens: owner only
        assert (tmp_path / "bus.txt").stat().st_mode & 0o777 == 0o644
    # Written by rename: no temporary file is left behind.
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_an_existing_file_is_replaced(scene: Scene, tmp_path: Path) -> None:
    target = tmp_path / "bus.txt"
    target.write_text("gammel", encoding="utf-8")
    write(scene, "bus", target)
    assert "gammel" not in target.read_text(encoding="utf-8")


# --- refusals ----------


def test_unknown_file_ending_is_refused_and_nothing_is_written(scene: Scene, out: Path) -> None:
    with pytest.raises(UserError) as caught:
        write(scene, "staff", out / "koereark.docx")
    assert ".pdf, .txt eller .md" in caught.value.message
    assert list(out.iterdir()) == []
    assert print_records(scene.engine) == []


def test_unknown_audience_is_refused(scene: Scene, out: Path) -> None:
    with pytest.raises(UserError) as caught:
        write(scene, "chauffør", out / "x.pdf")
    assert "chauffør" in caught.value.message
    assert list(out.iterdir()) == []


def test_missing_trip_is_refused(scene: Scene, out: Path) -> None:
    with pytest.raises(NotFoundError) as caught:
        write_programme(scene.engine, 99_999, "bus", out / "x.pdf", today=TODAY)
    assert "Der findes ingen tur med id 99999" in caught.value.message


def test_company_version_needs_a_visit(demo_engine: Engine, out: Path) -> None:
    trip_id = trip_service.create_trip(
        demo_engine, format_code="custom", trip_date=TODAY + timedelta(days=30)
    )
    with pytest.raises(UserError) as caught:
        write_programme(demo_engine, trip_id, "company", out / "x.pdf", today=TODAY)
    assert "intet virksomhedsbesøg" in caught.value.message
    # The other versions of an empty trip still print.
    write_programme(demo_engine, trip_id, "staff", out / "x.pdf", today=TODAY)


def test_unwritable_place_is_refused_and_not_recorded(scene: Scene, out: Path) -> None:
    with pytest.raises(UserError) as caught:
        write(scene, "staff", out / "findes-ikke" / "koereark.pdf")
    assert "kunne ikke gemmes" in caught.value.message
    assert print_records(scene.engine) == []


# --- the command ----------


def test_the_command_writes_each_version_and_refuses_in_danish(
    scene: Scene, db_path: Path, out: Path
) -> None:
    trip_id = str(scene.detail.id)
    for audience in ("participant", "staff", "company", "bus"):
        target = out / f"{audience}.pdf"
        result = CliRunner().invoke(
            cli, [*db_option(db_path), "programme", trip_id, "--for", audience, "-o", str(target)]
        )
        assert result.exit_code == 0, result.output
        assert str(target) in result.stdout
        assert format_date_long(scene.detail.trip_date) in flat(" ".join(pdf_pages(target)))
    # Only the run-sheet names citizens, so only its print is recorded.
    assert [r.audience for r in print_records(scene.engine)] == ["staff"]

    refused = CliRunner().invoke(
        cli,
        [*db_option(db_path), "programme", trip_id, "--for", "bus", "-o", str(out / "b.docx")],
    )
    assert refused.exit_code == 1
    assert ".pdf, .txt eller .md" in refused.stderr
    assert "Traceback" not in refused.output


def test_participants_call_the_job_centre_when_its_phone_is_known(
    scene: Scene, db_path: Path, out: Path
) -> None:
    from rfk_trips.registers.lookups import set_jobcentre_phone

    municipality_id = scene.detail.municipality_id
    assert municipality_id is not None
    set_jobcentre_phone(scene.engine, municipality_id, "+45 54676000")
    path = write(scene, "participant", out / "deltager.txt")
    text = flat(path.read_text(encoding="utf-8"))
    assert "Ring til jobcentret på 54 67 60 00" in text
    assert scene.lead_phone not in text  # the job centre's number, not a staff mobile
    with pytest.raises(UserError, match="8 cifre"):
        set_jobcentre_phone(scene.engine, municipality_id, "123")
    result = CliRunner().invoke(
        cli, [*db_option(db_path), "municipality-add", scene.detail.municipality, "--phone", ""]
    )
    assert result.exit_code == 0
    cleared = flat(write(scene, "participant", out / "igen.txt").read_text(encoding="utf-8"))
    assert f"Ring til jobcentret på {scene.lead_phone}" in cleared
