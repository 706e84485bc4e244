"""What a stored row counts as where the rules count: each reading written once.

Each of these was once written into every query that needed it, and the copies drifted:

- R15: which of a citizen's trips are theirs: against the format's trips per citizen, in the
  register's "trips taken" column, and for the companies they have seen;
- R08: which of a company's visits it has had: its last visit in the register, the host
  suggestions, and the quiet companies on the home screen;
- R22/R23: whether a citizen has a skånehensyn recorded (the ⚑ marker, never the text).

The SQL of each (`rfk_trips.registers.what_counts_sql`) is built from the constants here,
since these rules may not import the database; `tests/test_what_counts.py` holds the Python
and the SQL readings equal over real SQLite rows.
"""

from datetime import date

from storage.codes import Attendance, ParticipantRole, TripStatus
from storage.host_criteria import BLANK

# R15: a citizen who sent word (afbud) or did not come (udeblevet) did not go, so the trip
# is not one of theirs. Any other attendance counts, pending too: a booked trip is theirs.
NOT_ATTENDED: frozenset[Attendance] = frozenset({Attendance.EXCUSED, Attendance.NO_SHOW})
# Trips that do not run: nothing booked on them counts for a citizen or a company.
NOT_RUN: frozenset[TripStatus] = frozenset({TripStatus.CANCELLED})


def is_citizens_trip(role: ParticipantRole, attendance: Attendance, status: TripStatus) -> bool:
    """R15: the trip counts as one of the citizen's, taken or booked.

    Only as a participant (a reserve stays home), on a trip that runs, unless they stayed away.
    """
    return (
        role == ParticipantRole.PARTICIPANT
        and attendance not in NOT_ATTENDED
        and status not in NOT_RUN
    )


def visit_had(status: TripStatus, trip_date: date, *, today: date) -> bool:
    """R08: the company has had the visit once its trip has run: on or before `today`.

    A visit planned for later is not a visit yet ("Sidste besøg" shows the one that was).
    """
    return status not in NOT_RUN and trip_date <= today


def visit_booked(status: TripStatus, trip_date: date, *, today: date) -> bool:
    """A visit still to come on a trip that runs: arranged with the company, not had yet."""
    return status not in NOT_RUN and trip_date > today


def has_accommodation_needs(notes: str) -> bool:
    """R22/R23: a skånehensyn is recorded when the field says something.

    Whitespace alone (what `str.strip()` takes away, as the form does on saving) is none.
    """
    return bool(notes.strip(BLANK))
