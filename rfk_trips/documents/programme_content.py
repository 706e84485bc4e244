"""What each printed programme says, as a plain document model (no I/O, no rendering).

Four versions of one trip (DOMAIN.md R21, R22, R37):

- `participant`: the day for a citizen on the trip. No other citizen, no citizen phone.
- `staff`: the run sheet. Participants with phones, tick boxes per leg and a ⚑ marker
  for those who need extra attention: the marker only, never the skånehensyn text, which
  never even reaches this module (`ProgrammeExtras.needs_attention` holds ids).
- `company`: one part per host company, with the group's size but no citizen names,
  and an "udvidet visitkort" with the job centre's numbers.
- `bus`: stops, times, addresses and head count. No citizen names.

The renderers (`programme_pdf`, `programme_text`) draw any `ProgrammeDocument` alike.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from typing import Literal, TypeAlias

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.rules.danish_dates import format_date, format_date_long, format_time
from rfk_trips.trips.transport import pickup_stops, transport_summary
from rfk_trips.trips.trip_service import ParticipantRead, TripDetail, TripStaffRead, VisitRead
from storage.codes import ParticipantRole, ProgrammeKind, TripStatus
from storage.search_text import sort_key

Audience: TypeAlias = Literal["participant", "staff", "company", "bus"]
AUDIENCES: tuple[Audience, ...] = ("participant", "staff", "company", "bus")

ATTENTION_MARK = "⚑"
DASH = "–"  # en dash: time ranges and empty values
PREPARED_MARK = "✓"  # a tick box already ticked: prepared before the day


# --- the document model ----------


@dataclass(frozen=True)
class Column:
    title: str
    weight: float = 1.0  # share of the table's width
    tick: bool = False  # an empty box to tick by hand
    center: bool = False


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]  # cells may hold "\n" for line breaks


@dataclass(frozen=True)
class Facts:
    """Label and value pairs: date, meeting place and the like."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Paragraph:
    text: str
    small: bool = False


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    ticks: bool = False  # a checklist: boxes instead of bullets


Block: TypeAlias = Table | Facts | Paragraph | Bullets


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]
    boxed: bool = False  # drawn inside a frame (the company's visitkort)


@dataclass(frozen=True)
class Part:
    """One page or more: the whole document, or one host company's copy."""

    title: str
    subtitle: str
    date_line: str
    notices: tuple[str, ...] = ()  # shown under the title, emphasised
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class ProgrammeDocument:
    audience: Audience
    name: str  # "Program for deltagere"
    title: str  # for the file's metadata and the footer
    parts: tuple[Part, ...]
    footer: str
    confidential: bool = False


# --- what the builder needs beyond TripDetail ----------


@dataclass(frozen=True)
class CompanyContact:
    contact_person: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class CaseworkerContact:
    name: str
    phone: str


@dataclass(frozen=True)
class ProgrammeExtras:
    """The few facts a TripDetail lacks, read by `programme_service`."""

    printed_on: date
    # Citizens (on this trip) with skånehensyn recorded. Ids only: the text stays in the DB.
    needs_attention: frozenset[int] = frozenset()
    staff_emails: Mapping[int, str] = field(default_factory=dict)
    companies: Mapping[int, CompanyContact] = field(default_factory=dict)
    # The participants' caseworkers not on the trip, for the host's visitkort (R37).
    caseworkers: tuple[CaseworkerContact, ...] = ()
    # The host's version for one company only (one letter per file), or every host's.
    only_company: int | None = None


# --- building ----------


def build_document(
    detail: TripDetail, audience: Audience, extras: ProgrammeExtras
) -> ProgrammeDocument:
    """The document for `audience`. Raises KeyError for an unknown audience."""
    builder = {
        "participant": _participant,
        "staff": _staff,
        "company": _company,
        "bus": _bus,
    }[audience]
    parts = builder(detail, extras)
    name = t(f"programme.audience.{audience}")
    # A host's copy is titled by the job centre, not by a trip title naming other hosts.
    footer = t(
        "programme.footer",
        title=parts[0].title if audience == "company" and parts else detail.title,
        date=format_date(detail.trip_date),
        printed=format_date(extras.printed_on),
    )
    if audience == "staff":
        footer = f"{t('programme.confidential_short')} · {footer}"
    return ProgrammeDocument(
        audience=audience,
        name=name,
        title=f"{detail.title} – {name}",
        parts=tuple(parts),
        footer=footer,
        confidential=audience == "staff",
    )


def _participant(detail: TripDetail, extras: ProgrammeExtras) -> list[Part]:
    sections = [
        Section(t("programme.section.programme"), (_programme_table(detail),)),
        Section(t("programme.section.bring"), (Bullets(_what_to_bring(detail)),)),
        Section(t("programme.section.with_you"), _with_you(detail.staff, detail.jobcentre_phone)),
    ]
    return [_part(detail, t("programme.audience.participant"), _meeting_facts(detail), sections)]


def _staff(detail: TripDetail, extras: ProgrammeExtras) -> list[Part]:
    participants = _people(detail, ParticipantRole.PARTICIPANT)
    reserves = _people(detail, ParticipantRole.RESERVE)
    facts = Facts(
        (
            *_meeting_facts(detail).rows,
            (
                t("programme.trip"),
                t("programme.trip_version", id=detail.id, version=detail.version),
            ),
            (t("programme.status"), label(detail.status)),
            (t("programme.format"), detail.format_name),
            # What the participants' version tells them, so staff can answer the same: what
            # to bring and the number to ring (one row each, to keep the tick list on page 1).
            (t("programme.bring_staff"), " · ".join(_what_to_bring(detail))),
            *(
                ((t("programme.jobcentre_phone"), detail.jobcentre_phone),)
                if detail.jobcentre_phone
                else ()
            ),
        )
    )
    legend = Paragraph(t("programme.attention_legend"), small=True)
    sections = [
        Section(t("programme.section.programme"), (_programme_table(detail),)),
        Section(
            t("programme.section.participants", count=len(participants)),
            (_checkin_table(participants, detail.visits, extras), legend)
            if participants
            else (Paragraph(t("programme.none")),),
        ),
        Section(
            t("programme.section.reserves", count=len(reserves)),
            (_reserve_table(reserves, extras),) if reserves else (Paragraph(t("programme.none")),),
        ),
        Section(t("programme.section.staff"), (_staff_table(detail.staff, extras),)),
        Section(t("programme.section.hosts"), (_hosts_table(detail.visits, extras),)),
        Section(t("programme.section.logistics"), (_logistics(detail, len(participants)),)),
        Section(t("programme.section.transport"), _transport_blocks(detail)),
        Section(
            t("programme.section.prepare"),
            (
                Bullets(
                    (
                        t("programme.prepare.tasks"),
                        t("programme.prepare.rules"),
                        t("programme.prepare.worries"),
                        t("programme.prepare.why"),
                    ),
                    ticks=True,
                ),
                *((_preparation_table(participants),) if participants else ()),
            ),
        ),
    ]
    if detail.notes.strip():
        sections.append(Section(t("programme.section.notes"), (Paragraph(detail.notes.strip()),)))
    return [
        _part(
            detail,
            t("programme.audience.staff"),
            facts,
            sections,
            notices=(t("programme.confidential"),),
        )
    ]


def _company(detail: TripDetail, extras: ProgrammeExtras) -> list[Part]:
    jobcentre = _jobcentre(detail)
    participants = len(_people(detail, ParticipantRole.PARTICIPANT))
    staff = len(detail.staff)
    group = t(
        "programme.group_value", participants=participants, staff=staff, total=participants + staff
    )
    by_company: dict[int, list[VisitRead]] = {}
    for visit in sorted(detail.visits, key=lambda v: (v.start_time, v.position)):
        if extras.only_company in (None, visit.company_id):
            by_company.setdefault(visit.company_id, []).append(visit)
    parts = []
    for visits in by_company.values():
        first = visits[0]
        contact = extras.companies.get(first.company_id, CompanyContact())
        rows: list[tuple[str, str]] = []
        for visit in visits:
            rows += [
                (t("programme.arrival"), t("programme.at", time=format_time(visit.start_time))),
                (t("programme.departure"), t("programme.at", time=format_time(visit.end_time))),
            ]
        rows.append((t("programme.group"), group))
        host_contact = first.host_contact or contact.contact_person
        if host_contact:
            rows.append((t("programme.your_contact"), host_contact))
        lead = _lead(detail.staff)
        if lead is not None:
            rows.append((t("programme.section.on_the_day"), _name_and_phone(lead)))
        showing = [v.showing.strip() for v in visits if v.showing.strip()]
        sections = [
            Section("", (Paragraph(t("programme.company.intro")), Facts(tuple(rows)))),
            Section(
                t("programme.section.showing"),
                tuple(Paragraph(text) for text in showing)
                or (Paragraph(t("programme.showing_none")),),
            ),
            Section(
                t("programme.visitkort", jobcentre=jobcentre),
                (
                    Paragraph(t("programme.visitkort_text")),
                    _contact_card(detail, extras),
                ),
                boxed=True,
            ),
        ]
        parts.append(
            Part(
                title=t("programme.company.title", jobcentre=jobcentre),
                subtitle=t("programme.company.for", company=first.company_name),
                date_line=format_date_long(detail.trip_date),
                notices=_cancelled(detail),
                sections=tuple(sections),
            )
        )
    return parts


def _bus(detail: TripDetail, extras: ProgrammeExtras) -> list[Part]:
    participants = len(_people(detail, ParticipantRole.PARTICIPANT))
    staff = len(detail.staff)
    rows: list[tuple[str, str]] = []
    if detail.bus_operator:
        rows.append((t("programme.bus_operator"), detail.bus_operator))
    if detail.bus_reference:
        rows.append((t("programme.bus_reference"), detail.bus_reference))
    if detail.bus_seats:
        rows.append((t("programme.bus_seats"), str(detail.bus_seats)))
    rows.append(
        (
            t("programme.head_count"),
            t(
                "programme.head_count_value",
                total=participants + staff,
                participants=participants,
                staff=staff,
            ),
        )
    )
    lead = _lead(detail.staff)
    if lead is not None:
        rows.append((t("programme.bus_contact"), _name_and_phone(lead)))
    route = Table(
        (
            Column(t("programme.col.time"), 1.3),
            Column(t("programme.col.stop"), 3.0),
            Column(t("programme.col.where"), 3.4),
        ),
        tuple(_route(detail)),
    )
    sections = [Section(t("programme.section.route"), (route,))]
    return [_part(detail, t("programme.audience.bus"), Facts(tuple(rows)), sections)]


# --- pieces ----------


def _part(
    detail: TripDetail,
    subtitle: str,
    facts: Facts,
    sections: list[Section],
    *,
    notices: tuple[str, ...] = (),
) -> Part:
    return Part(
        title=detail.title,
        subtitle=subtitle,
        date_line=format_date_long(detail.trip_date),
        notices=_cancelled(detail) + notices,
        sections=(Section("", (facts,)), *sections),
    )


def _cancelled(detail: TripDetail) -> tuple[str, ...]:
    return (t("programme.cancelled"),) if detail.status == TripStatus.CANCELLED else ()


def _meeting_facts(detail: TripDetail) -> Facts:
    rows = [
        (t("programme.meeting_place"), detail.meeting_place or DASH),
        (t("programme.meeting_time"), _at(detail.meeting_time)),
    ]
    if detail.return_time is not None:
        rows.append(
            (t("programme.return_time"), t("programme.about", time=format_time(detail.return_time)))
        )
    return Facts(tuple(rows))


def _at(value: time | None) -> str:
    return t("programme.at", time=format_time(value)) if value is not None else DASH


def _span(visit: VisitRead) -> str:
    return f"{format_time(visit.start_time)}{DASH}{format_time(visit.end_time)}"


def _people(detail: TripDetail, role: ParticipantRole) -> list[ParticipantRead]:
    return sorted(
        (p for p in detail.participants if p.role == role), key=lambda p: sort_key(p.name)
    )


def _clock(text: str) -> time | None:
    try:
        hour, minute = text.strip().split(":")
        return time(int(hour), int(minute))
    except ValueError:
        return None


@dataclass(frozen=True)
class _Step:
    start: time | None
    when: str
    what: str
    kind: ProgrammeKind
    visit: VisitRead | None = None


def _steps(detail: TripDetail) -> list[_Step]:
    """The trip's programme with each visit item replaced by the booked visit, in order.

    Visits the programme has no item for go in where their start time puts them.
    """
    visits = sorted(detail.visits, key=lambda v: (v.position, v.start_time))
    steps: list[_Step] = []
    for item in detail.programme:
        kind = item.kind
        if kind == ProgrammeKind.VISIT and visits:
            visit = visits.pop(0)
            steps.append(_visit_step(visit))
        else:
            steps.append(_Step(_clock(item.time), item.time, item.text, kind))
    for visit in visits:
        later = [
            i
            for i, step in enumerate(steps)
            if step.start is not None and step.start > visit.start_time
        ]
        steps.insert(later[0] if later else len(steps), _visit_step(visit))
    return steps


def _visit_step(visit: VisitRead) -> _Step:
    what = t("programme.visit_item", company=visit.company_name)
    return _Step(visit.start_time, _span(visit), what, ProgrammeKind.VISIT, visit)


def _programme_table(detail: TripDetail) -> Table:
    rows = []
    for step in _steps(detail):
        where = ""
        what = step.what
        if step.visit is not None:
            where = step.visit.address
            if step.visit.showing.strip():
                what += "\n" + t("programme.we_see", showing=step.visit.showing.strip())
        elif step.kind == ProgrammeKind.MEETING:
            where = detail.meeting_place
        rows.append((step.when, what, where))
    return Table(
        (
            Column(t("programme.col.time"), 1.3),
            Column(t("programme.col.what"), 3.6),
            Column(t("programme.col.where"), 2.8),
        ),
        tuple(rows),
    )


def _route(detail: TripDetail) -> list[tuple[str, str, str]]:
    """Pick-up, every stop the bus makes, and the way home."""
    place = detail.meeting_place or DASH
    by_arrangement = t("programme.stop.by_arrangement")
    steps = _steps(detail)
    first_visit = next((s.start for s in steps if s.visit is not None), None)
    # The bus leaves at the first transport item before the first visit, or at meeting time.
    departure = next(
        (
            s.when
            for s in steps
            if s.kind == ProgrammeKind.TRANSPORT
            and s.start is not None
            and (first_visit is None or s.start < first_visit)
        ),
        format_time(detail.meeting_time),
    )
    rows = [
        (
            format_time(stop.at) or by_arrangement,
            t("programme.stop.collect", count=len(stop.names)),
            stop.place,
        )
        for stop in pickup_stops(detail.participants)
    ]
    rows.append((departure or DASH, t("programme.stop.pickup"), place))
    for step in steps:
        if step.visit is not None:
            text = t("programme.stop.visit", company=step.visit.company_name)
            rows.append((step.when, text, step.visit.address or DASH))
        elif step.kind == ProgrammeKind.OUTING:
            rows.append((step.when, step.what, by_arrangement))
    if detail.return_time is not None:
        rows.append((format_time(detail.return_time), t("programme.stop.return"), place))
    return rows


def _transport_blocks(detail: TripDetail) -> tuple[Block, ...]:
    """R20 on the staff's sheet: the sums, the pick-ups by name, the allowances by name."""
    summary = transport_summary(detail.participants)
    if summary.empty:
        return (Paragraph(t("programme.transport_none")),)
    facts = Facts(
        (
            (
                t("programme.transport_allowances"),
                t(
                    "programme.transport_allowances_value",
                    count=summary.allowances,
                    total=summary.allowance_total,
                ),
            ),
            (t("programme.transport_pickups"), str(summary.pickups)),
            (
                t("programme.transport_longest"),
                t("programme.minutes", minutes=summary.longest_travel)
                if summary.longest_travel is not None
                else DASH,
            ),
        )
    )
    blocks: list[Block] = [facts]
    stops = pickup_stops(detail.participants)
    if stops:
        blocks.append(
            Table(
                (
                    Column(t("programme.col.time"), 1.0),
                    Column(t("programme.col.where"), 2.6),
                    Column(t("programme.col.name"), 3.6),
                ),
                tuple(
                    (format_time(stop.at) or DASH, stop.place, ", ".join(stop.names))
                    for stop in stops
                ),
            )
        )
    allowed = [
        p for p in _people(detail, ParticipantRole.PARTICIPANT) if p.details.transport_allowance
    ]
    if allowed:
        blocks.append(
            Table(
                (
                    Column(t("programme.col.name"), 3.6),
                    Column(t("programme.col.allowance"), 1.6),
                    Column(t("programme.col.paid"), 0.9, tick=True),
                ),
                tuple(
                    (
                        p.name,
                        t("programme.kroner", amount=p.details.transport_amount)
                        if p.details.transport_amount
                        else DASH,
                        "",
                    )
                    for p in allowed
                ),
            )
        )
    return tuple(blocks)


def _preparation_table(people: list[ParticipantRead]) -> Table:
    """R22: a tick per participant that they were prepared; the plain markers beside it."""
    return Table(
        (
            Column(t("programme.col.name"), 3.2),
            Column(t("programme.col.markers"), 2.8),
            Column(t("programme.col.prepared"), 1.1, tick=True),
        ),
        tuple(
            (
                p.name,
                ", ".join(
                    t(key)
                    for shown, key in (
                        (p.details.unsure, "programme.mark.unsure"),
                        (p.physical_limitation, "programme.mark.physical"),
                    )
                    if shown
                )
                or DASH,
                PREPARED_MARK if p.details.prepared else "",
            )
            for p in people
        ),
    )


def _what_to_bring(detail: TripDetail) -> tuple[str, ...]:
    food = t("programme.bring.water") if detail.catering_count else t("programme.bring.lunch")
    return (food, t("programme.bring.clothes"), t("programme.bring.medicine"))


def first_name(name: str) -> str:
    parts = name.split()
    return parts[0] if parts else ""


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('programme.and')} {names[-1]}"


def _lead(staff: list[TripStaffRead]) -> TripStaffRead | None:
    """The lead; without one, the first with a phone (or simply the first)."""
    return next(
        (s for s in staff if s.is_lead),
        next((s for s in staff if s.phone), staff[0] if staff else None),
    )


def _with_you(staff: list[TripStaffRead], jobcentre_phone: str = "") -> tuple[Block, ...]:
    if not staff:
        if jobcentre_phone:
            return (Paragraph(t("programme.call_jobcentre_only", phone=jobcentre_phone)),)
        return (Paragraph(DASH),)
    names = _join([first_name(s.name) for s in staff])
    blocks: list[Block] = [Paragraph(t("programme.staff_coming", names=names))]
    lead = _lead(staff)
    if jobcentre_phone:
        # The job centre's own number first: it is answered even when the lead is on the bus.
        blocks.append(
            Paragraph(
                t(
                    "programme.call_jobcentre",
                    phone=jobcentre_phone,
                    name=first_name(lead.name) if lead else "",
                )
            )
        )
    elif lead is not None and lead.phone:
        blocks.append(Paragraph(t("programme.call", phone=lead.phone, name=first_name(lead.name))))
    elif lead is not None:
        blocks.append(Paragraph(t("programme.call_no_phone", name=first_name(lead.name))))
    return tuple(blocks)


def _name_and_phone(member: TripStaffRead) -> str:
    if member.phone:
        return t("programme.contact_value", name=member.name, phone=member.phone)
    return member.name


def _role(member: TripStaffRead) -> str:
    return f"{member.role}, {t('programme.lead')}" if member.is_lead else member.role


def _mark(person: ParticipantRead, extras: ProgrammeExtras) -> str:
    return ATTENTION_MARK if person.citizen_id in extras.needs_attention else ""


def _checkin_table(
    people: list[ParticipantRead], visits: list[VisitRead], extras: ProgrammeExtras
) -> Table:
    legs = [
        t("programme.leg.departure"),
        *(t("programme.leg.visit", number=n) for n in range(1, len(visits) + 1)),
        t("programme.leg.return"),
    ]
    columns = (
        Column(ATTENTION_MARK, 0.45, center=True),
        Column(t("programme.col.name"), 3.2),
        Column(t("programme.col.phone"), 1.6),
        *(Column(leg, 1.05, tick=True) for leg in legs),
    )
    rows = tuple((_mark(p, extras), p.name, p.phone or DASH, *("" for _ in legs)) for p in people)
    return Table(columns, rows)


def _reserve_table(people: list[ParticipantRead], extras: ProgrammeExtras) -> Table:
    return Table(
        (
            Column(ATTENTION_MARK, 0.45, center=True),
            Column(t("programme.col.name"), 3.2),
            Column(t("programme.col.phone"), 1.6),
        ),
        tuple((_mark(p, extras), p.name, p.phone or DASH) for p in people),
    )


def _staff_table(staff: list[TripStaffRead], extras: ProgrammeExtras) -> Table | Paragraph:
    if not staff:
        return Paragraph(t("programme.none"))
    return Table(
        (
            Column(t("programme.col.name"), 2.6),
            Column(t("programme.col.role"), 2.6),
            Column(t("programme.col.phone"), 1.5),
        ),
        tuple((s.name, _role(s), s.phone or DASH) for s in staff),
    )


def _hosts_table(visits: list[VisitRead], extras: ProgrammeExtras) -> Table | Paragraph:
    if not visits:
        return Paragraph(t("programme.none"))
    rows = []
    for visit in sorted(visits, key=lambda v: (v.position, v.start_time)):
        contact = extras.companies.get(visit.company_id, CompanyContact())
        person = visit.host_contact or contact.contact_person or DASH
        agreement = t("programme.confirmed") if visit.confirmed else t("programme.not_confirmed")
        rows.append(
            (
                _span(visit),
                f"{visit.company_name}\n{visit.address}" if visit.address else visit.company_name,
                person,
                contact.phone or DASH,
                agreement,
            )
        )
    return Table(
        (
            Column(t("programme.col.time"), 1.3),
            Column(t("programme.col.company"), 3.1),
            Column(t("programme.col.contact"), 1.8),
            Column(t("programme.col.phone"), 1.3),
            Column(t("programme.col.confirmed"), 1.6),
        ),
        tuple(rows),
    )


def _logistics(detail: TripDetail, participants: int) -> Facts:
    staff = len(detail.staff)
    bus = " ".join(part for part in (detail.bus_operator, detail.bus_reference) if part)
    rows = [
        (t("programme.bus_operator"), bus or DASH),
        (t("programme.bus_seats"), str(detail.bus_seats) if detail.bus_seats else DASH),
        (
            t("programme.head_count"),
            t(
                "programme.head_count_value",
                total=participants + staff,
                participants=participants,
                staff=staff,
            ),
        ),
        (
            t("programme.catering"),
            t("programme.catering_value", count=detail.catering_count)
            if detail.catering_count
            else t("programme.catering_none"),
        ),
    ]
    if detail.catering_count and detail.catering_notes.strip():
        rows.append((t("programme.catering_notes"), detail.catering_notes.strip()))
    return Facts(tuple(rows))


def _jobcentre(detail: TripDetail) -> str:
    if detail.municipality:
        return t("programme.jobcentre", municipality=detail.municipality)
    return t("programme.jobcentre_plain")


def _contact_card(detail: TripDetail, extras: ProgrammeExtras) -> Block:
    """The udvidet visitkort (R37): the job centre's own number, the staff on the trip and
    the participants' caseworkers, so the host knows whom to call about what."""
    phone = t("programme.col.phone")
    jobcentre = (
        [(_jobcentre(detail), f"{phone}: {detail.jobcentre_phone}")]
        if detail.jobcentre_phone
        else []
    )
    staff = [
        (
            s.name,
            "\n".join(
                part
                for part in (
                    _role(s),
                    s.phone and f"{phone}: {s.phone}",
                    extras.staff_emails.get(s.staff_id, ""),
                )
                if part
            ),
        )
        for s in detail.staff
    ]
    caseworkers = [
        (
            c.name,
            "\n".join(
                part
                for part in (
                    t("programme.caseworker_role"),
                    c.phone and f"{phone}: {c.phone}",
                )
                if part
            ),
        )
        for c in extras.caseworkers
    ]
    rows = (*jobcentre, *staff, *caseworkers)
    return Facts(rows) if rows else Paragraph(DASH)
