"""The closed vocabularies stored in the database, as codes.

Codes are English and stable; the Danish and English labels a user reads live in
`rfk_trips.i18n.labels`. Changing a code needs a migration.
"""

from enum import StrEnum


class Industry(StrEnum):
    """The 10 industry groups of the VIVE company survey (DOMAIN.md §3.3) plus "Andet"."""

    AGRICULTURE = "agriculture"
    MANUFACTURING = "manufacturing"
    CONSTRUCTION = "construction"
    RETAIL = "retail"
    OTHER_TRADE = "other_trade"
    HOTELS_RESTAURANTS = "hotels_restaurants"
    SOCIAL_INSTITUTIONS = "social_institutions"
    ASSOCIATIONS_CULTURE = "associations_culture"
    PUBLIC_ADMIN = "public_admin"
    OTHER_INDUSTRIES = "other_industries"
    OTHER = "other"


class Sector(StrEnum):
    PRIVATE = "private"
    PUBLIC = "public"
    OTHER = "other"


class BenefitGroup(StrEnum):
    """Benefit categories of DOMAIN.md §2.2."""

    CASH_ASSISTANCE = "cash_assistance"  # aktivitetsparat kontanthjælp
    EDUCATION_BENEFIT = "education_benefit"  # uddannelseshjælp
    RESOURCE_PROGRAMME = "resource_programme"  # ressourceforløb
    JOB_CLARIFICATION = "job_clarification"  # jobafklaring
    REHABILITATION = "rehabilitation"  # revalidering
    INTEGRATION = "integration"  # integrationsydelse
    SICKNESS = "sickness"  # sygedagpenge
    FLEX_BENEFIT = "flex_benefit"  # ledighedsydelse
    OTHER = "other"
    NONE = "none"


class StaffRole(StrEnum):
    COMPANY_CONSULTANT = "company_consultant"  # virksomhedskonsulent
    JOB_BROKER = "job_broker"  # jobformidler
    CASEWORKER = "caseworker"  # sagsbehandler
    LABOUR_MARKET_CONSULTANT = "labour_market_consultant"  # arbejdsmarkedskonsulent
    HEALTH_PROFESSIONAL = "health_professional"  # sundhedsfaglig
    OTHER = "other"


class Gender(StrEnum):
    WOMAN = "woman"
    MAN = "man"
    OTHER = "other"


class TripStatus(StrEnum):
    DRAFT = "draft"  # kladde
    PLANNED = "planned"  # planlagt
    CONFIRMED = "confirmed"  # bekræftet
    COMPLETED = "completed"  # gennemført
    CANCELLED = "cancelled"  # aflyst


class ParticipantRole(StrEnum):
    PARTICIPANT = "participant"
    RESERVE = "reserve"


class Attendance(StrEnum):
    PENDING = "pending"  # afventer
    PRESENT = "present"  # mødt
    LATE = "late"  # kom for sent
    LEFT_EARLY = "left_early"  # gik tidligt
    EXCUSED = "excused"  # afbud
    NO_SHOW = "no_show"  # udeblevet


# Someone with one of these was there (on that part of the day, or on the trip).
ATTENDED: frozenset[Attendance] = frozenset(
    {Attendance.PRESENT, Attendance.LATE, Attendance.LEFT_EARLY}
)


class ProgrammeKind(StrEnum):
    """What a programme item is, so printing and rules can treat them apart."""

    MEETING = "meeting"
    TRANSPORT = "transport"
    VISIT = "visit"
    MEAL = "meal"
    OUTING = "outing"
    OPEN_AGENDA = "open_agenda"  # deltagernes dagsorden: cannot be filled in advance
    OTHER = "other"


class OutcomeKind(StrEnum):
    """What came of a trip for one citizen (DOMAIN.md R26). Labels in `rfk_trips.i18n.labels`."""

    INTERNSHIP = "internship"  # virksomhedspraktik
    HYBRID_INTERNSHIP = "hybrid_internship"  # hybridpraktik
    WAGE_SUBSIDY = "wage_subsidy"  # løntilskud
    PAID_HOURS_WITH_BENEFIT = "paid_hours_with_benefit"  # lønnede timer med supplerende ydelse
    PAID_HOURS = "paid_hours"  # ordinære timer uden ydelse
    SMALL_JOB = "small_job"  # småjob / få timer
    FLEX_JOB = "flex_job"  # fleksjob
    EDUCATION = "education"  # SU / voksenlærling / uddannelse
    MENTOR = "mentor"  # mentorforløb
    UPSKILLING = "upskilling"  # vejledning og opkvalificering, kursus
    HEALTH_SUPPORT = "health_support"  # sundhedsfaglig indsats
    NONE = "none"  # intet resultat
    EXIT = "exit"  # pension, fraflyttet, andet


class FollowUpKind(StrEnum):
    AFTER_TRIP = "after_trip"  # opfølgningssamtale efter turen
    CONTACT_NO_SHOW = "contact_no_show"  # kontakt borgeren, der udeblev
    NEXT_STEP = "next_step"  # aftalt næste skridt


class TargetMeasure(StrEnum):
    """What a target (måltal, DOMAIN.md R35) counts for a municipality in a half-year.

    The outcome measures share their code with `OutcomeKind`: distinct citizens who reached
    that kind after a trip of the half-year. `none` and `exit` are no aim, so they are left out.
    The two host measures count companies, not citizens (the project's 400 companies).
    """

    IN_PAID_WORK = "in_paid_work"  # i lønnet arbejde (R27's headline)
    ATTENDED = "attended"  # borgere, der mødte op på en tur
    TRIPS = "trips"  # ture gennemført
    HOSTS_VISITED = "hosts_visited"  # virksomheder besøgt på halvårets ture
    NEW_HOSTS = "new_hosts"  # af dem: første besøg nogensinde i halvåret
    CITIZENS_WITH_OUTCOME = "citizens_with_outcome"  # borgere med et resultat
    PAID_HOURS = "paid_hours"
    PAID_HOURS_WITH_BENEFIT = "paid_hours_with_benefit"
    FLEX_JOB = "flex_job"
    EDUCATION = "education"
    WAGE_SUBSIDY = "wage_subsidy"
    SMALL_JOB = "small_job"
    HYBRID_INTERNSHIP = "hybrid_internship"
    INTERNSHIP = "internship"
    MENTOR = "mentor"
    UPSKILLING = "upskilling"
    HEALTH_SUPPORT = "health_support"
