"""The access report (indsigt, GDPR art. 15): everything rfk-trips holds about one citizen.

It is written for the citizen themself, so it holds the sensitive field too (marked as
such), every free text staff wrote about them, and every line of the audit log that names
them: who changed their record, and which exports and prints named them. The report is a
read-out, so it is logged itself, in the transaction that writes it.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from rfk_trips.i18n.catalogue import MESSAGES, t
from rfk_trips.i18n.labels import label
from rfk_trips.privacy.audit_log import AuditLine, audit_lines
from rfk_trips.privacy.citizen_privacy import get_citizen
from rfk_trips.rules.danish_dates import danish_moment, format_clock, format_date
from rfk_trips.rules.errors import UserError
from storage.actor import current_actor
from storage.audit import record_readout
from storage.models import (
    CheckinEvent,
    Citizen,
    CitizenBenefitPeriod,
    Company,
    FindingAcknowledgement,
    FollowUp,
    LearningCase,
    Municipality,
    Outcome,
    Participation,
    PrintRecord,
    Staff,
    Trip,
)
from storage.private_files import write_private_file
from storage.sessions import session_scope

REPORT_SUFFIXES = (".txt", ".md", ".json")


@dataclass(frozen=True)
class ReportField:
    key: str  # English and stable, for the JSON file
    label: str  # in the reader's language, for the text and Markdown files
    value: Any
    sensitive: bool = False


Record = tuple[ReportField, ...]


@dataclass(frozen=True)
class ReportSection:
    key: str
    title: str
    records: tuple[Record, ...]


@dataclass(frozen=True)
class AccessReport:
    citizen_id: int
    made_on: date
    made_by: str
    sections: tuple[ReportSection, ...]


def _field(key: str, value: Any, *, sensitive: bool = False) -> ReportField:
    return ReportField(key, t(f"report.field.{key}"), value, sensitive)


def _citizen_record(session: Session, citizen: Citizen) -> Record:
    municipality = (
        session.get(Municipality, citizen.municipality_id) if citizen.municipality_id else None
    )
    caseworker = session.get(Staff, citizen.caseworker_id) if citizen.caseworker_id else None
    return (
        _field("id", citizen.id),
        _field("name", citizen.name),
        _field("phone", citizen.phone),
        _field("municipality", municipality.name if municipality else ""),
        _field("benefit_group", citizen.benefit_group),
        _field("caseworker", f"{caseworker.name} ({caseworker.initials})" if caseworker else ""),
        _field("cohort", citizen.cohort),
        _field("job_goals", list(citizen.job_goals)),
        _field("attendance_duty", citizen.attendance_duty),
        _field("referral_date", citizen.referral_date),
        _field("physical_limitation", citizen.physical_limitation),
        _field("accommodation_needs", citizen.accommodation_needs, sensitive=True),
        _field("birth_year", citizen.birth_year),
        _field("gender", citizen.gender),
        _field("archived", citizen.archived),
        _field("anonymised_at", citizen.anonymised_at),
        _field("updated_at", citizen.updated_at),
    )


def _benefit_records(session: Session, citizen_id: int) -> tuple[Record, ...]:
    return tuple(
        (
            _field("benefit_group", row.benefit_group),
            _field("since", row.since),
            _field("until", row.until),
        )
        for row in session.scalars(
            select(CitizenBenefitPeriod)
            .where(col(CitizenBenefitPeriod.citizen_id) == citizen_id)
            .order_by(col(CitizenBenefitPeriod.since), col(CitizenBenefitPeriod.id))
        )
    )


def _trip_records(session: Session, citizen_id: int) -> tuple[Record, ...]:
    return tuple(
        (
            _field("trip_id", trip.id),
            _field("trip_date", trip.trip_date),
            _field("title", trip.title),
            _field("status", trip.status),
            _field("role", part.role),
            _field("attendance", part.attendance),
            _field("checked_in_at", part.checked_in_at),
            _field("note", part.note),
            _field("transport_allowance", part.transport_allowance),
            _field("transport_amount", part.transport_amount),
            _field("pickup_place", part.pickup_place),
            _field("pickup_time", part.pickup_time),
            _field("travel_minutes", part.travel_minutes),
            _field("unsure", part.unsure),
            _field("prepared", part.prepared),
        )
        for part, trip in session.execute(
            select(Participation, Trip)
            .join(Trip, col(Trip.id) == col(Participation.trip_id))
            .where(col(Participation.citizen_id) == citizen_id)
            .order_by(col(Trip.trip_date), col(Trip.id))
        )
    )


def _checkin_records(session: Session, citizen_id: int) -> tuple[Record, ...]:
    return tuple(
        (
            _field("trip_id", event.trip_id),
            _field("trip_date", trip_date),
            _field("leg", event.leg),
            _field("attendance", event.status),
            _field("recorded_at", event.recorded_at),
            _field("recorded_by", event.recorded_by),
            _field("reason", event.reason),
            _field("undone", event.undone),
        )
        for event, trip_date in session.execute(
            select(CheckinEvent, col(Trip.trip_date))
            .join(Trip, col(Trip.id) == col(CheckinEvent.trip_id))
            .where(col(CheckinEvent.citizen_id) == citizen_id)
            .order_by(col(Trip.trip_date), col(CheckinEvent.id))
        )
    )


def _names(session: Session) -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    companies = {c.id or 0: c.name for c in session.scalars(select(Company))}
    staff = {s.id or 0: s.initials for s in session.scalars(select(Staff))}
    trips = {
        trip.id or 0: f"{format_date(trip.trip_date)} {trip.title}"
        for trip in session.scalars(select(Trip))
    }
    return companies, staff, trips


def _follow_up_records(
    session: Session, citizen_id: int, names: tuple[dict[int, str], ...]
) -> tuple[Record, ...]:
    companies, staff, trips = names
    return tuple(
        (
            _field("kind", row.kind),
            _field("due_date", row.due_date),
            _field("trip", trips.get(row.trip_id or 0, "")),
            _field("staff", staff.get(row.staff_id or 0, "")),
            _field("company", companies.get(row.company_id or 0, "")),
            _field("next_step", row.next_step),
            _field("note", row.note),
            _field("done_at", row.done_at),
        )
        for row in session.scalars(
            select(FollowUp)
            .where(col(FollowUp.citizen_id) == citizen_id)
            .order_by(col(FollowUp.due_date), col(FollowUp.id))
        )
    )


def _outcome_records(
    session: Session, citizen_id: int, names: tuple[dict[int, str], ...]
) -> tuple[Record, ...]:
    companies, _staff, trips = names
    return tuple(
        (
            _field("kind", row.kind),
            _field("start_date", row.start_date),
            _field("end_date", row.end_date),
            _field("company", companies.get(row.company_id or 0, "")),
            _field("trip", trips.get(row.trip_id or 0, "")),
            _field("hours_per_week", row.hours_per_week),
            _field("aim", row.aim),
            _field("review_date", row.review_date),
            _field("ended_early", row.ended_early),
            _field("end_reason", row.end_reason),
            _field("note", row.note),
        )
        for row in session.scalars(
            select(Outcome)
            .where(col(Outcome.citizen_id) == citizen_id)
            .order_by(col(Outcome.start_date), col(Outcome.id))
        )
    )


def _learning_case_records(
    session: Session, citizen_id: int, names: tuple[dict[int, str], ...]
) -> tuple[Record, ...]:
    companies, staff, _trips = names
    return tuple(
        (
            _field("written_on", row.written_on),
            _field("company", companies.get(row.company_id or 0, "")),
            _field("citizen_view", row.citizen_view),
            _field("company_view", row.company_view),
            _field("caseworker_view", row.caseworker_view),
            _field("consultant_view", row.consultant_view),
            _field("lessons", row.lessons),
            _field("written_by", staff.get(row.written_by or 0, "")),
        )
        for row in session.scalars(
            select(LearningCase)
            .where(col(LearningCase.citizen_id) == citizen_id)
            .order_by(col(LearningCase.written_on), col(LearningCase.id))
        )
    )


def _acknowledgement_records(
    session: Session, citizen_id: int, names: tuple[dict[int, str], ...]
) -> tuple[Record, ...]:
    trips = names[2]
    return tuple(
        (
            _field("trip", trips.get(row.trip_id, "")),
            _field("code", row.code),
            _field("reason", row.reason),
            _field("acknowledged_by", row.acknowledged_by),
            _field("acknowledged_at", row.acknowledged_at),
        )
        for row in session.scalars(
            select(FindingAcknowledgement)
            .where(col(FindingAcknowledgement.subject) == f"citizen:{citizen_id}")
            .order_by(col(FindingAcknowledgement.id))
        )
    )


def _audience(code: str) -> str:
    key = f"programme.audience.{code}"
    return t(key) if key in MESSAGES else code


def _print_records(
    session: Session, citizen_id: int, names: tuple[dict[int, str], ...]
) -> tuple[Record, ...]:
    trips = names[2]
    on_trips = select(col(Participation.trip_id)).where(col(Participation.citizen_id) == citizen_id)
    return tuple(
        (
            _field("trip", trips.get(row.trip_id, "")),
            _field("audience", _audience(row.audience)),
            _field("file_name", row.file_name),
            _field("printed_by", row.printed_by),
            _field("printed_at", row.printed_at),
        )
        for row in session.scalars(
            select(PrintRecord)
            .where(col(PrintRecord.trip_id).in_(on_trips))
            .order_by(col(PrintRecord.printed_at), col(PrintRecord.id))
        )
    )


def _action(action: str) -> str:
    key = f"report.action.{action}"
    return t(key) if key in MESSAGES else action


def _field_name(name: str) -> str:
    """A changed field as the citizen reads it: `accommodation_needs` is Skånehensyn."""
    key = f"report.field.{name}"
    return t(key) if key in MESSAGES else name


def _audit_records(lines: Sequence[AuditLine]) -> tuple[Record, ...]:
    return tuple(
        (
            _field("at", line.at),
            _field("actor", line.actor),
            _field("action", _action(line.action)),
            _field("entity", line.entity),
            _field("entity_id", line.entity_id),
            _field("fields", [_field_name(name) for name in line.fields]),
            _field("detail", line.detail),
        )
        for line in sorted(lines, key=lambda line: line.id)
    )


def gather_report(
    session: Session, citizen_id: int, lines: Sequence[AuditLine], *, today: date
) -> AccessReport:
    """Everything held about the citizen, read in `session`; `lines` from the audit log."""
    citizen = get_citizen(session, citizen_id)
    names = _names(session)
    sections = (
        ("citizen", (_citizen_record(session, citizen),)),
        ("benefits", _benefit_records(session, citizen_id)),
        ("trips", _trip_records(session, citizen_id)),
        ("checkins", _checkin_records(session, citizen_id)),
        ("follow_ups", _follow_up_records(session, citizen_id, names)),
        ("outcomes", _outcome_records(session, citizen_id, names)),
        ("learning_cases", _learning_case_records(session, citizen_id, names)),
        ("acknowledgements", _acknowledgement_records(session, citizen_id, names)),
        ("prints", _print_records(session, citizen_id, names)),
        ("audit", _audit_records(lines)),
    )
    return AccessReport(
        citizen_id,
        today,
        current_actor(),
        tuple(ReportSection(key, t(f"report.section.{key}"), records) for key, records in sections),
    )


# --- rendering ---------------------------------------------------------------------------


def show_value(value: Any) -> str:
    """A value as a reader of the text report sees it: Danish dates, labels, ja/nej."""
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return t("report.yes") if value else t("report.no")
    if isinstance(value, StrEnum):
        return label(value)
    if isinstance(value, datetime):
        return f"{format_date(danish_moment(value).date())} {format_clock(value)}"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def _json_value(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(type(value))


def _field_label(field: ReportField) -> str:
    return f"{field.label} ({t('report.sensitive')})" if field.sensitive else field.label


def _intro(report: AccessReport) -> list[str]:
    return [
        t("report.intro", id=report.citizen_id),
        t("report.made", date=format_date(report.made_on), by=report.made_by),
        t("report.logged"),
    ]


def render_text(report: AccessReport) -> str:
    title = t("report.title", id=report.citizen_id)
    lines = [title, "=" * len(title), *_intro(report)]
    for section in report.sections:
        lines += ["", section.title, "-" * len(section.title)]
        if not section.records:
            lines.append(t("report.none"))
        for number, record in enumerate(section.records):
            if number:
                lines.append("")
            width = max(len(_field_label(f)) for f in record)
            for field in record:
                lines.append(
                    f"  {_field_label(field) + ':':<{width + 1}} {show_value(field.value)}"
                )
    return "\n".join(lines) + "\n"


def _markdown_text(value: str) -> str:
    # Text staff typed must not turn into Markdown markup (links, headings) in the report.
    escaped = "".join(f"\\{ch}" if ch in "\\`*_[]<>#|" else ch for ch in value)
    return escaped.replace("\n", "<br>")


def render_markdown(report: AccessReport) -> str:
    lines = [f"# {t('report.title', id=report.citizen_id)}", "", *_intro(report)]
    for section in report.sections:
        lines += ["", f"## {section.title}", ""]
        if not section.records:
            lines.append(t("report.none"))
        for number, record in enumerate(section.records):
            if len(section.records) > 1:
                lines += ["", f"### {number + 1}."]
            for field in record:
                lines.append(
                    f"- **{_field_label(field)}:** {_markdown_text(show_value(field.value))}"
                )
    return "\n".join(line for line in lines) + "\n"


def render_json(report: AccessReport) -> str:
    def record_json(record: Record) -> dict[str, Any]:
        return {field.key: field.value for field in record}

    data: dict[str, Any] = {
        "report": "gdpr_art_15_access",
        "citizen_id": report.citizen_id,
        "made_on": report.made_on,
        "made_by": report.made_by,
        "sensitive_fields": sorted(
            {f.key for s in report.sections for r in s.records for f in r if f.sensitive}
        ),
    }
    for section in report.sections:
        records = [record_json(r) for r in section.records]
        data[section.key] = records[0] if section.key == "citizen" else records
    return json.dumps(data, ensure_ascii=False, indent=2, default=_json_value) + "\n"


_RENDER = {".txt": render_text, ".md": render_markdown, ".json": render_json}


def write_access_report(engine: Engine, citizen_id: int, path: Path, *, today: date) -> int:
    """Write the report to `path` (.txt, .md or .json, owner only) and log it; its sections."""
    suffix = path.suffix.lower()
    if suffix not in _RENDER:
        raise UserError(t("report.bad_suffix", path=path.name, suffixes=", ".join(REPORT_SUFFIXES)))
    lines = audit_lines(engine, citizen_id=citizen_id)
    with session_scope(engine) as session:
        report = gather_report(session, citizen_id, lines, today=today)
        text = _RENDER[suffix](report)
        try:
            write_private_file(path, text.encode("utf-8"))
        except OSError as exc:
            raise UserError(
                t("export.cannot_write", path=path, reason=exc.strerror or exc)
            ) from exc
        record_readout(
            session,
            "report",
            "citizen",
            detail=path.name,
            citizen_ids=[citizen_id],
            entity_id=citizen_id,
        )
    return sum(len(section.records) for section in report.sections)
