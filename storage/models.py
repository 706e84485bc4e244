"""SQLModel tables of rfk-trips.

Names are English; the Danish labels users read are in `rfk_trips.i18n.labels`. Every table
here is created by an Alembic migration in `storage/migrations/versions/`, never by
`create_all` on a user's database.
"""

from datetime import UTC, date, datetime, time
from typing import Any

from pydantic import ConfigDict
from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    ColumnElement,
    ForeignKey,
    Index,
    Integer,
    UniqueConstraint,
    event,
)
from sqlalchemy import false as sa_false
from sqlmodel import Field, SQLModel, col

from storage import company_criteria
from storage.codes import (
    Attendance,
    BenefitGroup,
    FollowUpKind,
    Gender,
    Industry,
    OutcomeKind,
    ParticipantRole,
    Sector,
    StaffRole,
    TargetMeasure,
    TripStatus,
)
from storage.column_types import CodeColumn
from storage.search_text import search_key, sort_key

# Named constraints let batch migrations on SQLite find and alter them later.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Table(SQLModel):
    """The base of every table.

    Rows are built by SQLAlchemy and checked by our own rules, so pydantic's validators
    are built on first use only, instead of for all tables at start-up (a sixth of it).
    """

    model_config = ConfigDict(defer_build=True)  # type: ignore[assignment]  # a subset of it


def utc_now() -> datetime:
    return datetime.now(UTC)


def _fk(target: str, *, nullable: bool, ondelete: str | None = None) -> Any:
    return Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True
        ),
    )


class Municipality(Table, table=True):
    """A municipality or unit (Lolland, Guldborgsund) and the trip formats it uses."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=80, unique=True)
    format_codes: list[str] = Field(default_factory=list, sa_type=JSON)
    # The number participants call with questions or to send word (their programme).
    jobcentre_phone: str = Field(default="", max_length=30, sa_column_kwargs={"server_default": ""})


class TripFormat(Table, table=True):
    """A trip format (turformat) as data: the municipal variants of DOMAIN.md §1.3."""

    __tablename__ = "trip_format"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True)
    name: str = Field(max_length=80)
    min_participants: int
    max_participants: int
    # None: any number of visits from one up.
    visits: int | None = None
    start_time: time
    end_time: time | None = None
    min_staff: int = 2
    requires_experienced_host: bool = False
    single_cohort: bool = False
    trips_per_citizen: int | None = None
    # [{"time": "08:30", "text": "...", "kind": "meeting"}, ...]
    programme: list[dict[str, str]] = Field(default_factory=list, sa_type=JSON)
    builtin: bool = False
    # Days from the trip to the follow-up talk with each participant who came; one setting
    # per format so the whole job centre shares it (14 = what was used before it was data).
    follow_up_days: int = Field(default=14, sa_column_kwargs={"server_default": "14"})
    # The staff roles the format wants and how many of each (R13), role code → count:
    # Lolland {"job_broker": 3}; Guldborgsund two company consultants and one labour-market
    # consultant. Empty: the format asks only for `min_staff` of any role.
    staff_roles: dict[str, int] = Field(
        default_factory=dict, sa_type=JSON, sa_column_kwargs={"server_default": "{}"}
    )


class Staff(Table, table=True):
    """A job-centre staff member (medarbejder)."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120)
    initials: str = Field(max_length=10, unique=True)
    role: StaffRole = Field(sa_type=CodeColumn(StaffRole))
    phone: str = Field(default="", max_length=30)
    email: str = Field(default="", max_length=120)
    municipality_id: int | None = _fk("municipality.id", nullable=True)
    # The PostgreSQL login this colleague connects with; the audit log's "who" on a shared
    # database is that login (migration 0017). None on one person's SQLite file.
    login: str | None = Field(default=None, max_length=63, unique=True, index=True)
    archived: bool = False
    updated_at: datetime = Field(default_factory=utc_now)
    search_text: str = ""
    sort_name: str = ""  # the name keyed for Danish order (sort_key), kept with search_text


class Company(Table, table=True):
    """A company (virksomhed) that may host a visit; DOMAIN.md §3."""

    __table_args__ = (
        Index("ix_company_postcode_name", "postcode", "name"),
        Index("ix_company_archived_sort_name", "archived", "sort_name"),
        # Without it, counting a search's matches walked the name index row by row.
        Index("ix_company_archived_search_text", "archived", "search_text"),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=160, index=True)
    cvr: str | None = Field(default=None, max_length=8, unique=True)
    industry: Industry = Field(default=Industry.OTHER, sa_type=CodeColumn(Industry))
    address: str = Field(default="", max_length=160)
    postcode: str = Field(default="", max_length=4)
    town: str = Field(default="", max_length=80)
    municipality_id: int | None = _fk("municipality.id", nullable=True)
    sector: Sector = Field(default=Sector.PRIVATE, sa_type=CodeColumn(Sector))
    employees: int | None = None
    contact_person: str = Field(default="", max_length=120)
    phone: str = Field(default="", max_length=30)
    email: str = Field(default="", max_length=120)
    # The three qualifying criteria of DOMAIN.md §3.1, kept apart so the reason shows.
    placement_experience: bool = False
    social_responsibility: bool = False
    labour_shortage: bool = False
    tasks: list[str] = Field(default_factory=list, sa_type=JSON)
    ambassador: bool = False
    max_visitors: int | None = None
    # The host's side of a visit (R07): a placement slot offered, and the resources
    # (a colleague with time, a mentor) to include someone from the edge of the labour market.
    offers_placement: bool = Field(default=False, sa_column_kwargs={"server_default": sa_false()})
    inclusion_resources: bool = Field(
        default=False, sa_column_kwargs={"server_default": sa_false()}
    )
    notes: str = ""
    archived: bool = False
    updated_at: datetime = Field(default_factory=utc_now)
    # Name, town, CVR and contact folded for search-as-you-type; kept by `_fill_company_keys`.
    search_text: str = ""
    # The name keyed so that the lists read in Danish order (Æ, Ø, Å after Z): sort_key.
    sort_name: str = ""


def company_has_tasks() -> ColumnElement[bool]:
    """The company lists tasks ready for citizens (an empty list or none: no)."""
    return company_criteria.has_tasks(col(Company.tasks))


def company_qualifies() -> ColumnElement[bool]:
    """R05 in SQL over the company table (`storage.company_criteria`).

    The partial index below is made from its first AND term (`company_criteria.indexed`):
    SQLite uses such an index only for a query that holds the index's condition, read the same.
    """
    return company_criteria.qualifies(
        col(Company.placement_experience),
        col(Company.social_responsibility),
        col(Company.labour_shortage),
        col(Company.tasks),
    )


# The qualifying active companies, which the home screen counts and host lists rank,
# found without reading every company row. Migration 0012 makes it partial on PostgreSQL
# too; a postgresql_where here would load SQLAlchemy's PostgreSQL dialect at every start.
Index(
    "ix_company_qualifying",
    col(Company.archived),
    col(Company.id),
    sqlite_where=company_criteria.indexed(
        col(Company.placement_experience),
        col(Company.social_responsibility),
        col(Company.labour_shortage),
        col(Company.tasks),
    ),
)


class Citizen(Table, table=True):
    """A citizen (borger) on a caseload. No CPR number, by design (DOMAIN.md §2.3)."""

    __table_args__ = (
        Index("ix_citizen_name_phone", "name", "phone"),
        Index("ix_citizen_archived_sort_name", "archived", "sort_name"),
        # Without it, counting a search's matches walked the name index row by row.
        Index("ix_citizen_archived_search_text", "archived", "search_text"),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, index=True)
    phone: str = Field(default="", max_length=30)
    municipality_id: int | None = _fk("municipality.id", nullable=True)
    benefit_group: BenefitGroup = Field(
        default=BenefitGroup.CASH_ASSISTANCE, sa_type=CodeColumn(BenefitGroup)
    )
    caseworker_id: int | None = _fk("staff.id", nullable=True, ondelete="SET NULL")
    cohort: str = Field(default="", max_length=80, index=True)
    job_goals: list[str] = Field(default_factory=list, sa_type=JSON)
    attendance_duty: bool = True
    referral_date: date | None = None
    # Sensitive (skånehensyn): shown to staff only, never printed for others or logged.
    accommodation_needs: str = ""
    # A plain marker (R24), no health text: warns on physically demanding programme items.
    physical_limitation: bool = Field(
        default=False, sa_column_kwargs={"server_default": sa_false()}
    )
    birth_year: int | None = None
    gender: Gender | None = Field(default=None, sa_type=CodeColumn(Gender))
    archived: bool = False
    # Set when the personal fields were erased (on request or by the retention rule); the
    # row stays so attendance and outcomes still count in the figures.
    anonymised_at: datetime | None = None
    updated_at: datetime = Field(default_factory=utc_now)
    # Name, phone and cohort folded for search; never the sensitive fields.
    search_text: str = ""
    # The name keyed so that the lists read in Danish order (Æ, Ø, Å after Z): sort_key.
    sort_name: str = ""


class CitizenBenefitPeriod(Table, table=True):
    """One period of a citizen's benefit group, from `since` to `until`, both included.

    `until` is None for the open period, whose group is `Citizen.benefit_group` (the value the
    lists and filters read); `rfk_trips.registers.benefit_periods` changes the two together.
    A citizen's periods do not overlap. No free text: erasure keeps them, as it keeps the
    benefit group, for the evaluation's figures (benefit on a date, DOMAIN.md §5).
    """

    __tablename__ = "benefit_period"
    __table_args__ = (CheckConstraint("until IS NULL OR until >= since", name="dates"),)

    id: int | None = Field(default=None, primary_key=True)
    citizen_id: int = _fk("citizen.id", nullable=False)
    benefit_group: BenefitGroup = Field(sa_type=CodeColumn(BenefitGroup))
    since: date
    until: date | None = None
    created_at: datetime = Field(default_factory=utc_now)


class Trip(Table, table=True):
    """A bus trip (bustur)."""

    # Trips from a date on with their status, without reading the trip rows.
    __table_args__ = (Index("ix_trip_trip_date_status", "trip_date", "status"),)

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=160)
    trip_date: date = Field(index=True)
    format_id: int = _fk("trip_format.id", nullable=False)
    municipality_id: int | None = _fk("municipality.id", nullable=True)
    status: TripStatus = Field(default=TripStatus.DRAFT, sa_type=CodeColumn(TripStatus))
    meeting_place: str = Field(default="", max_length=200)
    meeting_time: time | None = None
    return_time: time | None = None
    bus_operator: str = Field(default="", max_length=120)
    bus_reference: str = Field(default="", max_length=60)
    bus_seats: int | None = None
    catering_count: int | None = None
    catering_notes: str = ""
    # [{"time": "08:30", "text": "...", "kind": "meeting"}, ...]; order is the programme's.
    programme: list[dict[str, str]] = Field(default_factory=list, sa_type=JSON)
    notes: str = ""
    # What the participants raised in the open agenda slot (R10), noted on the day.
    agenda_notes: str = Field(default="", sa_column_kwargs={"server_default": ""})
    # Bumped by every change; a save with a stale version is refused, not overwritten.
    version: int = 1
    updated_at: datetime = Field(default_factory=utc_now)


class Visit(Table, table=True):
    """A company visit (besøg) on a trip."""

    # The companies a set of trips visits, from the index alone.
    __table_args__ = (Index("ix_visit_trip_id_company_id", "trip_id", "company_id"),)

    id: int | None = Field(default=None, primary_key=True)
    trip_id: int = _fk("trip.id", nullable=False, ondelete="CASCADE")
    company_id: int = _fk("company.id", nullable=False)
    position: int = 1
    start_time: time
    end_time: time
    showing: str = ""
    host_contact: str = Field(default="", max_length=120)
    confirmed: bool = False
    # The day the host agreed to the visit (R12), for the agreement's record.
    agreed_on: date | None = None


class Participation(Table, table=True):
    """A citizen on a trip, as participant or reserve, with attendance."""

    __table_args__ = (
        UniqueConstraint("trip_id", "citizen_id"),
        Index("ix_participation_trip_id_role", "trip_id", "role"),
    )

    id: int | None = Field(default=None, primary_key=True)
    trip_id: int = _fk("trip.id", nullable=False, ondelete="CASCADE")
    citizen_id: int = _fk("citizen.id", nullable=False)
    role: ParticipantRole = Field(
        default=ParticipantRole.PARTICIPANT, sa_type=CodeColumn(ParticipantRole)
    )
    attendance: Attendance = Field(default=Attendance.PENDING, sa_type=CodeColumn(Attendance))
    checked_in_at: datetime | None = None
    note: str = ""
    # Getting there (R20): prepaid transport allowance (kroner), a pick-up on the bus's way
    # (where and when) and the way from home to the meeting place, in minutes.
    transport_allowance: bool = Field(
        default=False, sa_column_kwargs={"server_default": sa_false()}
    )
    transport_amount: int | None = None
    pickup_place: str = Field(default="", max_length=200, sa_column_kwargs={"server_default": ""})
    pickup_time: time | None = None
    travel_minutes: int | None = None
    # Preparing the day (R22): staff's plain markers, never a health text.
    unsure: bool = Field(default=False, sa_column_kwargs={"server_default": sa_false()})
    prepared: bool = Field(default=False, sa_column_kwargs={"server_default": sa_false()})


class TripStaff(Table, table=True):
    """A staff member on a trip; exactly one may be the lead (tovholder)."""

    __tablename__ = "trip_staff"

    trip_id: int = Field(
        sa_column=Column(Integer, ForeignKey("trip.id", ondelete="CASCADE"), primary_key=True)
    )
    staff_id: int = Field(
        sa_column=Column(Integer, ForeignKey("staff.id"), primary_key=True, index=True)
    )
    is_lead: bool = False


class FindingAcknowledgement(Table, table=True):
    """A rule warning on a trip that staff acknowledged, with the reason they gave."""

    __tablename__ = "finding_acknowledgement"
    __table_args__ = (UniqueConstraint("trip_id", "code", "subject"),)

    id: int | None = Field(default=None, primary_key=True)
    trip_id: int = _fk("trip.id", nullable=False, ondelete="CASCADE")
    code: str = Field(max_length=60)
    subject: str = Field(default="", max_length=60)
    reason: str
    acknowledged_by: str = Field(default="", max_length=10)
    acknowledged_at: datetime = Field(default_factory=utc_now)


class DatabaseInfo(Table, table=True):
    """Facts about the database itself, such as when its data last changed."""

    __tablename__ = "database_info"

    key: str = Field(primary_key=True, max_length=40)
    value: str


def company_search_text(company: Company | dict[str, Any]) -> str:
    get = company.get if isinstance(company, dict) else lambda key: getattr(company, key)
    return search_key(get("name"), get("town"), get("postcode"), get("cvr"), get("contact_person"))


def citizen_search_text(citizen: Citizen | dict[str, Any]) -> str:
    get = citizen.get if isinstance(citizen, dict) else lambda key: getattr(citizen, key)
    phone = (get("phone") or "").replace(" ", "")
    return search_key(get("name"), phone, get("cohort"))


def staff_search_text(staff: Staff | dict[str, Any]) -> str:
    get = staff.get if isinstance(staff, dict) else lambda key: getattr(staff, key)
    return search_key(get("name"), get("initials"))


@event.listens_for(Company, "before_insert")
@event.listens_for(Company, "before_update")
def _fill_company_keys(_mapper: Any, _connection: Any, target: Company) -> None:
    target.search_text = company_search_text(target)
    target.sort_name = sort_key(target.name)


@event.listens_for(Citizen, "before_insert")
@event.listens_for(Citizen, "before_update")
def _fill_citizen_keys(_mapper: Any, _connection: Any, target: Citizen) -> None:
    target.search_text = citizen_search_text(target)
    target.sort_name = sort_key(target.name)


@event.listens_for(Staff, "before_insert")
@event.listens_for(Staff, "before_update")
def _fill_staff_keys(_mapper: Any, _connection: Any, target: Staff) -> None:
    target.search_text = staff_search_text(target)
    target.sort_name = sort_key(target.name)


class CheckinEvent(Table, table=True):
    """One check-in keypress on the day: who, which leg of the day, what status, when.

    The log is kept whole: undo marks an event undone instead of deleting it, so the time
    of every change stays on record. A person's status on a leg is their latest live event.
    """

    __tablename__ = "checkin_event"
    __table_args__ = (Index("ix_checkin_event_trip_id_citizen_id", "trip_id", "citizen_id"),)

    id: int | None = Field(default=None, primary_key=True)
    trip_id: int = Field(
        sa_column=Column(Integer, ForeignKey("trip.id", ondelete="CASCADE"), nullable=False)
    )
    citizen_id: int = Field(sa_column=Column(Integer, ForeignKey("citizen.id"), nullable=False))
    # 0 = afgang (departure); 1, 2 = the visits; the last leg = hjemkomst (return).
    leg: int = 0
    status: Attendance = Field(sa_type=CodeColumn(Attendance))
    reason: str = ""
    recorded_at: datetime = Field(default_factory=utc_now)
    recorded_by: str = Field(default="", max_length=10)
    undone: bool = False
    # This event took a reserve in as a participant; undoing it makes them a reserve again.
    walk_in: bool = Field(default=False, sa_column_kwargs={"server_default": sa_false()})


class PrintRecord(Table, table=True):
    """Each printed or saved document that names citizens: who, when, which trip and version."""

    __tablename__ = "print_record"

    id: int | None = Field(default=None, primary_key=True)
    trip_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("trip.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    audience: str = Field(max_length=20)
    trip_version: int
    file_name: str = Field(default="", max_length=260)
    printed_by: str = Field(default="", max_length=60)
    printed_at: datetime = Field(default_factory=utc_now)


class CalendarEvent(Table, table=True):
    """Each event a trip's calendar file has sent (`rfk-trips ics`): its UID, the SEQUENCE
    it went out with, and what it said.

    The next file for the trip keeps every UID it finds here, so Outlook updates the same
    events, and sends a visit that has since been removed as cancelled (same UID, higher
    SEQUENCE), from the summary, place and times kept here: the visit row is gone by then.
    """

    __tablename__ = "calendar_event"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(max_length=200, unique=True, index=True)
    trip_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("trip.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    # None: the trip's own event. No foreign key: a removed visit is what the row is for.
    visit_id: int | None = None
    sequence: int
    summary: str = Field(max_length=300)
    location: str = Field(default="", max_length=300)
    # ISO 8601 as sent: a date (a whole-day event) or a time with its UTC offset.
    starts: str = Field(max_length=40)
    ends: str = Field(max_length=40)
    cancelled: bool = False


class FollowUp(Table, table=True):
    """A task for a staff member about one citizen after a trip: due, then done or not."""

    __tablename__ = "follow_up"
    __table_args__ = (Index("ix_follow_up_done_at_due_date", "done_at", "due_date"),)

    id: int | None = Field(default=None, primary_key=True)
    citizen_id: int = _fk("citizen.id", nullable=False)
    trip_id: int | None = _fk("trip.id", nullable=True, ondelete="SET NULL")
    staff_id: int | None = _fk("staff.id", nullable=True, ondelete="SET NULL")
    kind: FollowUpKind = Field(sa_type=CodeColumn(FollowUpKind))
    due_date: date
    # What was agreed: interest in a company and the next step.
    company_id: int | None = _fk("company.id", nullable=True, ondelete="SET NULL")
    next_step: str = ""
    note: str = ""
    done_at: datetime | None = None
    created_at: datetime = Field(default_factory=utc_now)


class Outcome(Table, table=True):
    """What a citizen reached (praktik, paid hours, …), linked to the trip that led to it."""

    id: int | None = Field(default=None, primary_key=True)
    citizen_id: int = _fk("citizen.id", nullable=False)
    kind: OutcomeKind = Field(sa_type=CodeColumn(OutcomeKind))
    start_date: date
    end_date: date | None = None
    trip_id: int | None = _fk("trip.id", nullable=True, ondelete="SET NULL")
    company_id: int | None = _fk("company.id", nullable=True, ondelete="SET NULL")
    hours_per_week: float | None = None
    note: str = ""
    # An internship's agreed aim and review date (DOMAIN.md R28).
    aim: str = ""
    review_date: date | None = None
    ended_early: bool = False
    end_reason: str = ""
    created_at: datetime = Field(default_factory=utc_now)


class Target(Table, table=True):
    """A target (måltal) of a municipality for one half-year, e.g. 12 citizens in paid work."""

    __tablename__ = "target"
    __table_args__ = (
        UniqueConstraint("municipality_id", "year", "half", "measure"),
        CheckConstraint("half IN (1, 2)", name="half"),
        CheckConstraint("value > 0", name="value"),
    )

    id: int | None = Field(default=None, primary_key=True)
    municipality_id: int = Field(
        sa_column=Column(Integer, ForeignKey("municipality.id", ondelete="CASCADE"), nullable=False)
    )
    year: int
    # 1 = 1 January – 30 June, 2 = 1 July – 31 December.
    half: int
    measure: TargetMeasure = Field(sa_type=CodeColumn(TargetMeasure))
    value: int
    updated_at: datetime = Field(default_factory=utc_now)


class LearningCase(Table, table=True):
    """A læringscase (R29): what an interrupted placement taught, seen from four sides."""

    __tablename__ = "learning_case"

    id: int | None = Field(default=None, primary_key=True)
    outcome_id: int | None = _fk("outcome.id", nullable=True, ondelete="SET NULL")
    citizen_id: int = _fk("citizen.id", nullable=False)
    company_id: int | None = _fk("company.id", nullable=True, ondelete="SET NULL")
    written_on: date
    citizen_view: str = ""
    company_view: str = ""
    caseworker_view: str = ""
    consultant_view: str = ""  # virksomhedskonsulentens blik
    lessons: str = ""
    written_by: int | None = _fk("staff.id", nullable=True, ondelete="SET NULL")
    created_at: datetime = Field(default_factory=utc_now)


class AuditEntry(Table, table=True):
    """One line of the append-only audit log: who did what to which record, or what left the app.

    Holds the names of changed fields, never their values, so the log itself carries no
    personal data beyond record numbers. Database triggers refuse any update or delete, and
    each line's hash chains it to the one before (`storage.audit_chain`), so a line changed,
    deleted or slipped in around the triggers is found by `rfk-trips db check`.
    """

    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utc_now, index=True)
    actor: str = Field(default="", max_length=60)
    # create, update, delete, or a read-out: export, print, ics, reminders, report, erase, purge
    action: str = Field(max_length=20, index=True)
    # The table's name for changes; the document or export kind for read-outs.
    entity: str = Field(default="", max_length=40)
    entity_id: int | None = None
    fields: str = ""  # comma-separated field names
    detail: str = Field(default="", max_length=260)  # a file name or a short count
    # The hash of the line before (GENESIS for the first) and of this one, both SHA-256 hex.
    prev_hash: str = Field(default="", max_length=64)
    entry_hash: str = Field(default="", max_length=64)


class AuditCitizen(Table, table=True):
    """Which citizens an audit entry concerns: the record changed, or those a read-out names.

    No foreign key: an erased citizen keeps their number here, and the log must never
    stop a citizen from being deleted.
    """

    __tablename__ = "audit_citizen"

    audit_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("audit_entry.id", ondelete="RESTRICT"), primary_key=True
        )
    )
    citizen_id: int = Field(sa_column=Column(Integer, primary_key=True, index=True))


class AuditChain(Table, table=True):
    """The head of the audit log's hash chain: one row, the last line written and its hash.

    Every writer locks this row before it adds lines, so two writers cannot both chain to
    the same line; and a line deleted from the end is missed against it.
    """

    __tablename__ = "audit_chain"

    id: int | None = Field(default=None, primary_key=True)
    last_id: int = 0
    last_hash: str = Field(max_length=64)
