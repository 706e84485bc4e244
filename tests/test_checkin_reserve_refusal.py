"""A status for a reserve is refused once, by the check-in service, and told by each front end.

The command line used to read the whole sheet and refuse by itself before asking the
service, which refuses the same; now it only words the service's refusal its own way.
"""

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.engine import Engine

from rfk_trips.cli.main import cli
from rfk_trips.i18n.catalogue import t
from rfk_trips.trips import check_in
from storage.codes import Attendance
from tests.database_choice import db_option
from tests.trip_builders import planned_trip


def test_the_service_refuses_a_reserve_and_names_them(engine: Engine) -> None:
    trip_id, citizens = planned_trip(engine)
    reserve = citizens[-1]
    with pytest.raises(check_in.ReserveNotTakenIn) as refused:
        check_in.record(engine, trip_id, reserve, Attendance.PRESENT)
    assert refused.value.name == check_in.checkin_sheet(engine, trip_id).row(reserve).name
    assert refused.value.message == t("checkin.reserve_first")  # the screen's words


def test_the_command_line_words_the_services_refusal_and_saves_nothing(
    engine: Engine, db_path: Path
) -> None:
    trip_id, citizens = planned_trip(engine)
    reserve = citizens[-1]
    name = check_in.checkin_sheet(engine, trip_id).row(reserve).name

    result = CliRunner().invoke(
        cli, [*db_option(db_path), "checkin", str(trip_id), str(reserve), "--status", "late"]
    )

    assert result.exit_code == 1
    assert result.output.strip() == t("checkin.reserve_first_cli", name=name)
    row = check_in.checkin_sheet(engine, trip_id).row(reserve)
    assert row.role.value == "reserve" and row.overall is Attendance.PENDING
