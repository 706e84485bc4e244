"""A trip as plain text in the chosen language, for the terminal (`rfk-trips trip show`)."""

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.rules.danish_dates import format_date_long, format_time
from rfk_trips.trips.trip_service import TripDetail
from storage.codes import ParticipantRole


def describe_trip(detail: TripDetail) -> str:
    lines = [
        f"{detail.title} (id {detail.id})",
        f"{format_date_long(detail.trip_date)} · {label(detail.status)} · {detail.format_name}"
        + (f" · {detail.municipality}" if detail.municipality else ""),
        "",
        t(
            "trip_text.meeting",
            place=detail.meeting_place or "–",
            time=format_time(detail.meeting_time) or "–",
        ),
        t("trip_text.return", time=format_time(detail.return_time) or "–"),
    ]
    if detail.bus_operator or detail.bus_seats:
        lines.append(
            t(
                "trip_text.bus",
                operator=detail.bus_operator or "–",
                reference=detail.bus_reference,
            ).rstrip()
            + (t("trip_text.seats", seats=detail.bus_seats) if detail.bus_seats else "")
        )
    if detail.catering_count:
        lines.append(
            t(
                "trip_text.catering", count=detail.catering_count, notes=detail.catering_notes
            ).rstrip()
        )
    lines += ["", t("trip_text.programme")]
    lines += [f"  {item.time}  {item.text}" for item in detail.programme] or ["  –"]
    lines += ["", t("trip_text.visits")]
    lines += [
        f"  {v.position}. {format_time(v.start_time)}–{format_time(v.end_time)}  {v.company_name}"
        f" (id {v.company_id}), {v.address} · "
        + t("trip_text.confirmed" if v.confirmed else "trip_text.unconfirmed")
        for v in detail.visits
    ] or ["  –"]
    participants = [p for p in detail.participants if p.role == ParticipantRole.PARTICIPANT]
    reserves = [p for p in detail.participants if p.role == ParticipantRole.RESERVE]
    lines += ["", t("trip_text.participants", count=len(participants))]
    lines += [f"  {p.name} (id {p.citizen_id}) · {label(p.attendance)}" for p in participants] or [
        "  –"
    ]
    if reserves:
        lines += ["", t("trip_text.reserves", count=len(reserves))]
        lines += [f"  {p.name} (id {p.citizen_id})" for p in reserves]
    lines += ["", t("trip_text.staff", count=len(detail.staff))]
    lines += [
        f"  {s.name} ({s.initials}, id {s.staff_id}) · {s.role}"
        + (f" · {t('trip_text.lead')}" if s.is_lead else "")
        for s in detail.staff
    ] or ["  –"]
    return "\n".join(lines)
