"""The stored vocabularies, re-exported for the screens (which never import `storage`)."""

from storage.codes import (
    Attendance,
    BenefitGroup,
    Gender,
    Industry,
    OutcomeKind,
    ParticipantRole,
    ProgrammeKind,
    Sector,
    StaffRole,
    TripStatus,
)

__all__ = [
    "Attendance",
    "BenefitGroup",
    "Gender",
    "Industry",
    "OutcomeKind",
    "ParticipantRole",
    "ProgrammeKind",
    "Sector",
    "StaffRole",
    "TripStatus",
]
