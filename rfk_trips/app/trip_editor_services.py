"""What the trip editor calls, bound to the opened database.

The editor never holds an engine (screens may not import the database): `AppContext` hands
it this facade, a thin, typed front of `rfk_trips.trips.trip_service`, `trip_editing`, the
registers' searches and printing. The services are called through their modules, so a
test that replaces one of them sees the editor call the replacement.

This module loads the ORM services; `AppContext` imports it only when the editor asks for
it, never before the home screen is ready. Printing loads on first use, as the editor
opens without it.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine

from rfk_trips.registers import citizen_service, staff_service
from rfk_trips.registers.citizen_service import CitizenFilter, CitizenRow
from rfk_trips.registers.paging import Page
from rfk_trips.registers.staff_service import StaffFilter, StaffRow
from rfk_trips.rules.formats import ProgrammeItem
from rfk_trips.rules.host_ranking import RankedHost
from rfk_trips.rules.trip import Finding
from rfk_trips.trips import participation_details, planning, trip_editing, trip_service
from rfk_trips.trips.planning import Planned
from rfk_trips.trips.trip_editing import EditorState, ProgrammeMoved

if TYPE_CHECKING:
    from rfk_trips.documents.downloads import Download
    from rfk_trips.documents.printing import PrintResult
    from rfk_trips.documents.trip_files import TripFile


@dataclass(frozen=True)
class TripEditorServices:
    """One trip's editing, its findings, the searches its tabs offer, and printing it.

    Every change takes the version the user saw and is refused (StaleVersionError) when
    the trip has changed since.
    """

    engine: Engine

    # --- reading ----------

    def editor_state(self, trip_id: int, *, today: date) -> EditorState:
        return trip_editing.editor_state(self.engine, trip_id, today=today)

    def cohorts(self) -> list[str]:
        return citizen_service.cohorts(self.engine)

    def staff_choices(self) -> list[tuple[int, str]]:
        return staff_service.staff_choices(self.engine)

    def format_choices(self) -> list[tuple[str, str]]:
        return trip_service.format_choices(self.engine)

    def municipality_choices(self) -> list[tuple[int, str]]:
        return staff_service.municipality_choices(self.engine)

    def search_citizens(self, flt: CitizenFilter, *, limit: int) -> Page[CitizenRow]:
        return citizen_service.search_citizens(self.engine, flt, limit=limit)

    def search_staff(self, flt: StaffFilter, *, limit: int) -> Page[StaffRow]:
        return staff_service.search_staff(self.engine, flt, limit=limit)

    def host_suggestions(self, trip_id: int, text: str, *, today: date) -> list[RankedHost]:
        return trip_editing.host_suggestions(self.engine, trip_id, text, today=today)

    def next_visit_slot(self, trip_id: int) -> tuple[time, time]:
        return trip_editing.next_visit_slot(self.engine, trip_id)

    # --- details and programme ----------

    def save_details(
        self, trip_id: int, expected_version: int, values: dict[str, str], *, today: date
    ) -> int:
        return trip_editing.save_details(
            self.engine, trip_id, expected_version, values, today=today
        )

    def apply_format_defaults(self, trip_id: int, expected_version: int, code: str) -> int:
        return trip_editing.apply_format_defaults(self.engine, trip_id, expected_version, code)

    def save_programme(
        self, trip_id: int, expected_version: int, lines: Sequence[ProgrammeItem]
    ) -> int:
        return trip_editing.save_programme(self.engine, trip_id, expected_version, lines)

    def move_programme_to_meeting(self, trip_id: int, expected_version: int) -> ProgrammeMoved:
        return trip_editing.move_programme_to_meeting(self.engine, trip_id, expected_version)

    # --- the group, visits and staff: rfk_trips.trips.planning, one style ----------

    def add_participants(
        self, trip_id: int, citizen_ids: list[int], *, reserve: bool = False, expected_version: int
    ) -> Planned:
        return planning.add_participants(
            self.engine, trip_id, citizen_ids, reserve=reserve, expected_version=expected_version
        )

    def remove_participant(
        self, trip_id: int, citizen_id: int, *, expected_version: int
    ) -> Planned:
        return planning.remove_participant(
            self.engine, trip_id, citizen_id, expected_version=expected_version
        )

    def add_visit(
        self, trip_id: int, company_id: int, *, start: time, end: time, expected_version: int
    ) -> Planned:
        return planning.add_visit(
            self.engine,
            trip_id,
            company_id,
            start=start,
            end=end,
            expected_version=expected_version,
        )

    def update_visit(
        self,
        trip_id: int,
        visit_id: int,
        *,
        start: time,
        end: time,
        showing: str,
        host_contact: str,
        confirmed: bool,
        agreed_on: date | None,
        expected_version: int,
    ) -> Planned:
        return planning.update_visit(
            self.engine,
            trip_id,
            visit_id,
            start=start,
            end=end,
            showing=showing,
            host_contact=host_contact,
            confirmed=confirmed,
            agreed_on=agreed_on,
            expected_version=expected_version,
        )

    def toggle_visit_confirmed(
        self, trip_id: int, visit_id: int, *, expected_version: int
    ) -> Planned:
        return planning.toggle_visit_confirmed(
            self.engine, trip_id, visit_id, expected_version=expected_version
        )

    def remove_visit(self, trip_id: int, visit_id: int, *, expected_version: int) -> Planned:
        return planning.remove_visit(
            self.engine, trip_id, visit_id, expected_version=expected_version
        )

    def add_staff(
        self, trip_id: int, staff_ids: list[int], *, lead: bool = False, expected_version: int
    ) -> Planned:
        return planning.add_staff(
            self.engine, trip_id, staff_ids, lead=lead, expected_version=expected_version
        )

    def remove_staff(self, trip_id: int, staff_id: int, *, expected_version: int) -> Planned:
        return planning.remove_staff(
            self.engine, trip_id, staff_id, expected_version=expected_version
        )

    # --- findings, confirming and printing ----------

    def acknowledge(self, trip_id: int, finding: Finding, reason: str) -> None:
        trip_editing.acknowledge(self.engine, trip_id, finding, reason)

    def confirm_trip(self, trip_id: int, *, today: date) -> list[Finding]:
        return trip_service.confirm_trip(self.engine, trip_id, today=today)

    def save_participation(
        self, trip_id: int, citizen_id: int, values: dict[str, str], *, expected_version: int
    ) -> Planned:
        details = participation_details.parse_details(values)
        return participation_details.save_participation(
            self.engine, trip_id, citizen_id, details, expected_version=expected_version
        )

    def print_programme(self, trip_id: int, audience: str, *, today: date) -> "PrintResult":
        from rfk_trips.documents import printing

        return printing.print_programme(self.engine, trip_id, audience, today=today)

    def save_trip_file(self, trip_id: int, kind: str) -> "TripFile":
        """The trip's calendar file or SMS reminders, saved in the documents folder."""
        from rfk_trips.documents.trip_files import save_trip_file

        return save_trip_file(self.engine, trip_id, kind)

    def trip_file_download(self, trip_id: int, kind: str) -> "Download":
        """The trip's calendar file or SMS reminders, for a browser to download."""
        from rfk_trips.documents.downloads import download_of
        from rfk_trips.documents.trip_files import save_trip_file

        return download_of(
            lambda folder: save_trip_file(self.engine, trip_id, kind, folder=folder).path
        )

    def programme_download(self, trip_id: int, audience: str, *, today: date) -> "Download":
        """The programme's PDF for a browser to download (printing in a browser session)."""
        from rfk_trips.documents import printing
        from rfk_trips.documents.downloads import download_of

        return download_of(
            lambda folder: printing.save_programme(
                self.engine, trip_id, audience, today=today, folder=folder
            )
        )
