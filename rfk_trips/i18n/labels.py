"""Danish and English labels for stored codes, and reading them back from what people type."""

import unicodedata
from enum import StrEnum
from functools import cache
from typing import TypeVar

from rfk_trips.i18n.catalogue import get_language
from storage.codes import (
    Attendance,
    BenefitGroup,
    FollowUpKind,
    Gender,
    Industry,
    OutcomeKind,
    ParticipantRole,
    ProgrammeKind,
    Sector,
    StaffRole,
    TargetMeasure,
    TripStatus,
)

E = TypeVar("E", bound=StrEnum)

_OUTCOME_KIND_LABELS: dict[StrEnum, tuple[str, str, tuple[str, ...]]] = {
    OutcomeKind.INTERNSHIP: ("Virksomhedspraktik", "Work placement", ("praktik",)),
    OutcomeKind.HYBRID_INTERNSHIP: ("Hybridpraktik", "Hybrid placement", ()),
    OutcomeKind.WAGE_SUBSIDY: ("Løntilskud", "Wage subsidy", ()),
    OutcomeKind.PAID_HOURS_WITH_BENEFIT: (
        "Lønnede timer med supplerende ydelse",
        "Paid hours with top-up benefit",
        ("lønnede timer", "timer med ydelse"),
    ),
    OutcomeKind.PAID_HOURS: (
        "Ordinære timer uden ydelse",
        "Paid hours without benefit",
        ("ordinære timer", "ordinaert job"),
    ),
    OutcomeKind.SMALL_JOB: ("Småjob / få timer", "Small job / few hours", ("småjob",)),
    OutcomeKind.FLEX_JOB: ("Fleksjob", "Flex job", ()),
    OutcomeKind.EDUCATION: (
        "SU / voksenlærling / uddannelse",
        "Education / adult apprentice",
        ("uddannelse", "voksenlærling", "su"),
    ),
    OutcomeKind.MENTOR: ("Mentorforløb", "Mentor", ("mentor", "erhvervsmentor")),
    OutcomeKind.UPSKILLING: (
        "Vejledning og opkvalificering",
        "Guidance and upskilling",
        ("kursus", "opkvalificering"),
    ),
    OutcomeKind.HEALTH_SUPPORT: ("Sundhedsfaglig indsats", "Health support", ()),
    OutcomeKind.NONE: ("Intet resultat", "No result", ("intet",)),
    OutcomeKind.EXIT: (
        "Afgang (pension, fraflyttet, andet)",
        "Exit (pension, moved, other)",
        (),
    ),
}

# A target on an outcome kind reads as the kind itself (same code, same label).
_TARGET_MEASURE_LABELS: dict[StrEnum, tuple[str, str, tuple[str, ...]]] = {
    TargetMeasure.IN_PAID_WORK: (
        "I lønnet arbejde",
        "In paid work",
        ("lønnet arbejde", "i job", "job"),
    ),
    TargetMeasure.ATTENDED: ("Mødt på en tur", "Attended a trip", ("mødt", "fremmøde")),
    TargetMeasure.TRIPS: ("Ture gennemført", "Trips held", ("ture",)),
    TargetMeasure.HOSTS_VISITED: (
        "Virksomheder besøgt",
        "Companies visited",
        ("besøgte virksomheder", "værtsvirksomheder", "virksomheder"),
    ),
    TargetMeasure.NEW_HOSTS: (
        "Nye værtsvirksomheder",
        "New host companies",
        ("nye værter", "nye virksomheder"),
    ),
    TargetMeasure.CITIZENS_WITH_OUTCOME: (
        "Borgere med et resultat",
        "Citizens with an outcome",
        ("med resultat", "resultat"),
    ),
    **{
        TargetMeasure(kind.value): entry
        for kind, entry in _OUTCOME_KIND_LABELS.items()
        if kind.value in {measure.value for measure in TargetMeasure}
    },
}

# code -> (Danish label, English label, extra Danish/short forms accepted on import)
# One dictionary per vocabulary: see `_BY_VOCABULARY` below for why.
_LABEL_GROUPS: list[dict[StrEnum, tuple[str, str, tuple[str, ...]]]] = [
    {
        Industry.AGRICULTURE: (
            "Landbrug, gartneri og skovbrug",
            "Agriculture, horticulture and forestry",
            ("landbrug",),
        ),
        Industry.MANUFACTURING: ("Industri", "Manufacturing", ("produktion",)),
        Industry.CONSTRUCTION: (
            "Bygge og anlæg mv.",
            "Construction",
            ("bygge og anlæg", "byggeri"),
        ),
        Industry.RETAIL: (
            "Detailhandel og reparationsvirksomhed undtagen med biler",
            "Retail and repair (except cars)",
            ("detailhandel", "detailhandel og reparation"),
        ),
        Industry.OTHER_TRADE: ("Anden handel", "Other trade", ("engroshandel",)),
        Industry.HOTELS_RESTAURANTS: (
            "Hoteller og restauranter",
            "Hotels and restaurants",
            ("hotel", "restaurant", "hotel og restauration"),
        ),
        Industry.SOCIAL_INSTITUTIONS: ("Sociale institutioner", "Social institutions", ()),
        Industry.ASSOCIATIONS_CULTURE: (
            "Foreninger, kultur og renovation",
            "Associations, culture and waste",
            ("foreninger", "kultur", "renovation"),
        ),
        Industry.PUBLIC_ADMIN: (
            "Off. adm., undervisning og sundhed",
            "Public administration, education and health",
            ("offentlig administration", "off. adm.", "undervisning", "sundhed"),
        ),
        Industry.OTHER_INDUSTRIES: ("Andre brancher", "Other industries", ()),
        Industry.OTHER: ("Andet", "Other", ()),
    },
    {
        Sector.PRIVATE: ("Privat", "Private", ()),
        Sector.PUBLIC: ("Offentlig", "Public", ("kommunal", "kommune", "statslig", "region")),
        Sector.OTHER: ("Andet", "Other", ()),
    },
    {
        BenefitGroup.CASH_ASSISTANCE: (
            "Kontanthjælp (aktivitetsparat)",
            "Social assistance (activity-ready)",
            (
                "kontanthjælp",
                "aktivitetsparat kontanthjælp",
                "aktivitetsparat kontanthjælpsmodtager",
                "kontanthjælpsmodtager",
                "akt. kontanthjælp",
            ),
        ),
        BenefitGroup.EDUCATION_BENEFIT: (
            "Uddannelseshjælp",
            "Education benefit",
            ("aktivitetsparat uddannelseshjælp",),
        ),
        BenefitGroup.RESOURCE_PROGRAMME: (
            "Ressourceforløb",
            "Resource programme",
            ("ressourceforløbsydelse",),
        ),
        BenefitGroup.JOB_CLARIFICATION: (
            "Jobafklaring",
            "Job clarification",
            ("jobafklaringsforløb", "jobafklaringsydelse"),
        ),
        BenefitGroup.REHABILITATION: (
            "Revalidering",
            "Vocational rehabilitation",
            ("revalideringsydelse",),
        ),
        BenefitGroup.INTEGRATION: (
            "Integrationsydelse",
            "Integration benefit",
            ("selvforsørgelses- og hjemrejseydelse",),
        ),
        BenefitGroup.SICKNESS: ("Sygedagpenge", "Sickness benefit", ()),
        BenefitGroup.FLEX_BENEFIT: (
            "Ledighedsydelse",
            "Flex-job unemployment benefit",
            ("fleksydelse", "fleks- og ledighedsydelse"),
        ),
        BenefitGroup.OTHER: ("Anden ydelse", "Other benefit", ("andet",)),
        BenefitGroup.NONE: ("Ingen ydelse", "No benefit", ("ingen", "selvforsørgende")),
    },
    {
        StaffRole.COMPANY_CONSULTANT: ("Virksomhedskonsulent", "Company consultant", ("vk",)),
        StaffRole.JOB_BROKER: ("Jobformidler", "Job broker", ()),
        StaffRole.CASEWORKER: ("Sagsbehandler", "Caseworker", ()),
        StaffRole.LABOUR_MARKET_CONSULTANT: (
            "Arbejdsmarkedskonsulent",
            "Labour-market consultant",
            ("amk",),
        ),
        StaffRole.HEALTH_PROFESSIONAL: (
            "Sundhedsfaglig",
            "Health professional",
            ("ergoterapeut", "sygeplejerske", "bevægelsesterapeut"),
        ),
        StaffRole.OTHER: ("Andet", "Other", ()),
    },
    {
        Gender.WOMAN: ("Kvinde", "Woman", ("k", "kvinde", "f")),
        Gender.MAN: ("Mand", "Man", ("m",)),
        Gender.OTHER: ("Andet", "Other", ()),
    },
    {
        TripStatus.DRAFT: ("Kladde", "Draft", ()),
        TripStatus.PLANNED: ("Planlagt", "Planned", ()),
        TripStatus.CONFIRMED: ("Bekræftet", "Confirmed", ()),
        TripStatus.COMPLETED: ("Gennemført", "Completed", ()),
        TripStatus.CANCELLED: ("Aflyst", "Cancelled", ()),
    },
    {
        ParticipantRole.PARTICIPANT: ("Deltager", "Participant", ()),
        ParticipantRole.RESERVE: ("Reserve", "Reserve", ()),
    },
    {
        Attendance.PENDING: ("Afventer", "Pending", ()),
        Attendance.PRESENT: ("Mødt", "Present", ()),
        Attendance.LATE: ("Kom for sent", "Late", ()),
        Attendance.LEFT_EARLY: ("Gik tidligt", "Left early", ()),
        Attendance.EXCUSED: ("Afbud", "Excused", ()),
        Attendance.NO_SHOW: ("Udeblevet", "No-show", ()),
    },
    {
        ProgrammeKind.MEETING: ("Mødested", "Meeting", ()),
        ProgrammeKind.TRANSPORT: ("Transport", "Transport", ()),
        ProgrammeKind.VISIT: ("Virksomhedsbesøg", "Company visit", ()),
        ProgrammeKind.MEAL: ("Forplejning", "Catering", ()),
        ProgrammeKind.OUTING: ("Udflugt", "Outing", ()),
        ProgrammeKind.OPEN_AGENDA: ("Deltagernes dagsorden", "Participants' agenda", ()),
        ProgrammeKind.OTHER: ("Andet", "Other", ()),
    },
    _OUTCOME_KIND_LABELS,
    {
        FollowUpKind.AFTER_TRIP: ("Opfølgning efter turen", "Follow-up after the trip", ()),
        FollowUpKind.CONTACT_NO_SHOW: (
            "Kontakt borgeren (udeblev)",
            "Contact the citizen (no-show)",
            (),
        ),
        FollowUpKind.NEXT_STEP: ("Aftalt næste skridt", "Agreed next step", ()),
    },
    _TARGET_MEASURE_LABELS,
]


# StrEnum members compare equal to their text, so `BenefitGroup.NONE` and `OutcomeKind.NONE`
# ("none") would share one dictionary key: the labels are looked up by vocabulary and code.
_BY_VOCABULARY: dict[tuple[type[StrEnum], str], tuple[str, str, tuple[str, ...]]] = {
    (type(code), code.value): entry for group in _LABEL_GROUPS for code, entry in group.items()
}


def _entry(code: StrEnum) -> tuple[str, str, tuple[str, ...]]:
    return _BY_VOCABULARY[(type(code), code.value)]


def has_label(code: StrEnum) -> bool:
    return (type(code), code.value) in _BY_VOCABULARY


def label(code: StrEnum) -> str:
    """The label of a code in the current language."""
    da, en, _ = _entry(code)
    return en if get_language() == "en" else da


def normalise(text: str) -> str:
    """Fold case, æøå and accents so `Skånehensyn` matches `skaanehensyn`."""
    text = text.strip().casefold()
    text = text.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    # Most Danish text is plain ASCII once æøå are spelt out: only the rest is decomposed
    # (an import normalises every name in the registers).
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.replace("_", " ").replace("-", " ").split())


def parse_code(enum_cls: type[E], text: str) -> E | None:
    """Read a code from its value, its Danish or English label or a known short form."""
    wanted = normalise(text)
    if not wanted:
        return None
    found = _forms(enum_cls).get(wanted)
    return enum_cls(found) if found is not None else None


@cache
def _forms(enum_cls: type[StrEnum]) -> dict[str, str]:
    """Every form a vocabulary's codes are read from, normalised once: an import reads a code
    in every row. The first member to claim a form keeps it, as the members' order says."""
    forms: dict[str, str] = {}
    for member in enum_cls:
        da, en, extra = _entry(member)
        for form in (member.value, da, en, *extra):
            forms.setdefault(normalise(form), member.value)
    return forms


def choices(enum_cls: type[StrEnum]) -> str:
    """The labels of a vocabulary, for an error message that lists what is allowed."""
    return ", ".join(label(member) for member in enum_cls)
