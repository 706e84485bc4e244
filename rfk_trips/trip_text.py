"""A trip as plain Danish text, for the terminal (`rfk-trips trip show`)."""

from rfk_trips.danish_dates import format_date_long, format_time
from rfk_trips.labels import label
from rfk_trips.trip_service import TripDetail
from storage.codes import ParticipantRole


def describe_trip(detail: TripDetail) -> str:
    lines = [
        f"{detail.title} (id {detail.id})",
        f"{format_date_long(detail.trip_date)} · {label(detail.status)} · {detail.format_name}"
        + (f" · {detail.municipality}" if detail.municipality else ""),
        "",
        f"Mødested: {detail.meeting_place or '–'} kl. {format_time(detail.meeting_time) or '–'}",
        f"Hjemkomst: {format_time(detail.return_time) or '–'}",
    ]
    if detail.bus_operator or detail.bus_seats:
        lines.append(
            f"Bus: {detail.bus_operator or '–'} {detail.bus_reference}".rstrip()
            + (f", {detail.bus_seats} pladser" if detail.bus_seats else "")
        )
    if detail.catering_count:
        lines.append(f"Forplejning: {detail.catering_count} pers. {detail.catering_notes}".rstrip())
    lines += ["", "Program:"]
    lines += [f"  {item['time']}  {item['text']}" for item in detail.programme] or ["  –"]
    lines += ["", "Besøg:"]
    lines += [
        f"  {v.position}. {format_time(v.start_time)}–{format_time(v.end_time)}  {v.company_name}"
        f" (id {v.company_id}), {v.address}"
        + (" · bekræftet" if v.confirmed else " · ikke bekræftet")
        for v in detail.visits
    ] or ["  –"]
    participants = [p for p in detail.participants if p.role == ParticipantRole.PARTICIPANT]
    reserves = [p for p in detail.participants if p.role == ParticipantRole.RESERVE]
    lines += ["", f"Deltagere ({len(participants)}):"]
    lines += [f"  {p.name} (id {p.citizen_id}) · {label(p.attendance)}" for p in participants] or [
        "  –"
    ]
    if reserves:
        lines += ["", f"Reserver ({len(reserves)}):"]
        lines += [f"  {p.name} (id {p.citizen_id})" for p in reserves]
    lines += ["", f"Medarbejdere ({len(detail.staff)}):"]
    lines += [
        f"  {s.name} ({s.initials}, id {s.staff_id}) · {s.role}"
        + (" · tovholder" if s.is_lead else "")
        for s in detail.staff
    ] or ["  –"]
    return "\n".join(lines)
