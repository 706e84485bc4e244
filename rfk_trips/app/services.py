"""What the register lists and the check-in screen call, bound to the opened database.

The screens never hold an engine (they may not import the database): `AppContext` hands
them these facades instead, one per area, each a thin, typed front of the services in
`rfk_trips.registers` and `rfk_trips.trips.check_in`. The services are called through
their modules, so a test that replaces one of them sees the screens call the replacement.

This module loads the ORM services; `AppContext` imports it only when a screen asks for a
facade, never before the home screen is ready.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine

from rfk_trips.registers import citizen_service, company_service, staff_service
from rfk_trips.registers.citizen_service import CitizenFilter, CitizenRow
from rfk_trips.registers.company_service import CompanyFilter, CompanyRow, VisitHistoryRow
from rfk_trips.registers.staff_service import StaffFilter, StaffRow
from rfk_trips.trips import check_in
from rfk_trips.trips.check_in import CheckinSheet
from storage.codes import Attendance

if TYPE_CHECKING:  # the exports load openpyxl: imported when a register is saved
    from rfk_trips.documents.downloads import Download
    from rfk_trips.exchange.register_files import RegisterKind


@dataclass(frozen=True)
class RegisterServices:
    """The companies, citizens and staff registers, and the choices their filters offer."""

    engine: Engine

    # --- the register as a file ----------

    def save_register(self, kind: str, suffix: str, *, today: date) -> tuple[Path, int]:
        """The register saved in the documents folder: its path and its number of rows."""
        from rfk_trips.exchange import register_files

        return register_files.save_register(self.engine, _kind(kind), suffix, today=today)

    def register_download(self, kind: str, suffix: str, *, today: date) -> "Download":
        """The register as a file, for a browser to download."""
        from rfk_trips.documents.downloads import download_of
        from rfk_trips.exchange import register_files

        return download_of(
            lambda folder: register_files.save_register(
                self.engine, _kind(kind), suffix, today=today, folder=folder
            )[0]
        )

    # --- companies ----------

    def company_rows(self, flt: CompanyFilter, *, today: date, offset: int) -> list[CompanyRow]:
        return company_service.company_rows(self.engine, flt, today=today, offset=offset)

    def count_companies(self, flt: CompanyFilter, *, today: date, at_most: int | None) -> int:
        return company_service.count_companies(self.engine, flt, today=today, at_most=at_most)

    def company_form_values(self, company_id: int) -> dict[str, str]:
        return company_service.company_form_values(self.engine, company_id)

    def save_company(self, company_id: int | None, values: dict[str, str], *, today: date) -> int:
        return company_service.save_company(self.engine, company_id, values, today=today)

    def set_company_archived(self, company_id: int, archived: bool) -> None:
        company_service.set_archived(self.engine, company_id, archived)

    def visit_history(self, company_id: int) -> list[VisitHistoryRow]:
        return company_service.visit_history(self.engine, company_id)

    # --- citizens ----------

    def citizen_rows(self, flt: CitizenFilter, *, offset: int) -> list[CitizenRow]:
        return citizen_service.citizen_rows(self.engine, flt, offset=offset)

    def count_citizens(self, flt: CitizenFilter, *, at_most: int | None) -> int:
        return citizen_service.count_citizens(self.engine, flt, at_most=at_most)

    def citizen_form_values(self, citizen_id: int) -> dict[str, str]:
        return citizen_service.citizen_form_values(self.engine, citizen_id)

    def save_citizen(self, citizen_id: int | None, values: dict[str, str], *, today: date) -> int:
        return citizen_service.save_citizen(self.engine, citizen_id, values, today=today)

    def set_citizen_archived(self, citizen_id: int, archived: bool) -> None:
        citizen_service.set_archived(self.engine, citizen_id, archived)

    def cohorts(self) -> list[str]:
        return citizen_service.cohorts(self.engine)

    # --- staff ----------

    def staff_rows(self, flt: StaffFilter, *, offset: int) -> list[StaffRow]:
        return staff_service.staff_rows(self.engine, flt, offset=offset)

    def count_staff(self, flt: StaffFilter, *, at_most: int | None) -> int:
        return staff_service.count_staff(self.engine, flt, at_most=at_most)

    def staff_form_values(self, staff_id: int) -> dict[str, str]:
        return staff_service.staff_form_values(self.engine, staff_id)

    def save_staff(self, staff_id: int | None, values: dict[str, str], *, today: date) -> int:
        return staff_service.save_staff(self.engine, staff_id, values, today=today)

    def set_staff_archived(self, staff_id: int, archived: bool) -> None:
        staff_service.set_archived(self.engine, staff_id, archived)

    # --- lookups ----------

    def staff_choices(self) -> list[tuple[int, str]]:
        """(id, "Name (INI)") of active staff."""
        return staff_service.staff_choices(self.engine)

    def municipality_choices(self) -> list[tuple[int, str]]:
        """(id, name) of every municipality, in Danish order."""
        return staff_service.municipality_choices(self.engine)


@dataclass(frozen=True)
class CheckinServices:
    """Check-in on the trip day: each change saved at once, handing back the saved sheet."""

    engine: Engine

    def sheet(self, trip_id: int) -> CheckinSheet:
        return check_in.checkin_sheet(self.engine, trip_id)

    def record(
        self,
        trip_id: int,
        citizen_id: int,
        status: Attendance,
        *,
        leg: int,
        reason: str,
        today: date,
    ) -> CheckinSheet:
        """Save one status on one leg; the whole sheet as saved."""
        return check_in.record_sheet(
            self.engine, trip_id, citizen_id, status, leg=leg, reason=reason, today=today
        )

    def walk_in(self, trip_id: int, citizen_id: int, *, today: date) -> None:
        check_in.walk_in(self.engine, trip_id, citizen_id, today=today)

    def save_agenda_notes(self, trip_id: int, text: str, *, today: date) -> None:
        check_in.save_agenda_notes(self.engine, trip_id, text, today=today)

    def undo_last(self, trip_id: int) -> str | None:
        """What was undone, as a sentence, or None when there was nothing to undo."""
        return check_in.undo_last(self.engine, trip_id)

    def complete_trip(self, trip_id: int, *, force: bool, today: date) -> int:
        """Mark the trip gennemført; how many follow-up tasks were made."""
        return check_in.complete_trip(self.engine, trip_id, force=force, today=today)


def _kind(mode: str) -> "RegisterKind":
    """A register screen's mode as the register it exports ("companies", …)."""
    if mode == "companies":
        return "companies"
    if mode == "citizens":
        return "citizens"
    if mode == "staff":
        return "staff"
    raise ValueError(mode)
