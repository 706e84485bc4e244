"""A span of the day ends after it starts, asked one way everywhere (`rules.time_order`).

A visit's times are checked by the trip rule and refused by adding and by changing a visit;
a trip's and a format's meeting and return times by their forms. Each place is held to
`ends_before_start` over the same times, in its own words, so none can drift to, say,
letting a visit of no minutes through while another refuses it.
"""

from datetime import time
from itertools import product

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import col

from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.company import HostFacts
from rfk_trips.rules.danish_dates import format_time
from rfk_trips.rules.errors import UserError
from rfk_trips.rules.formats import LOLLAND
from rfk_trips.rules.time_order import ends_before_start
from rfk_trips.rules.trip import TripFacts, VisitFacts, visit_times
from rfk_trips.trips import format_settings, planning, trip_editing, trip_service
from storage.models import Company, TripFormat
from storage.sessions import session_scope
from tests.trip_builders import DAY
from tests.trip_facts import A_TUESDAY, TODAY

TIMES = (time(13, 30), time(14), time(14, 30))
PAIRS = list(product(TIMES, repeat=2))  # before, at and after each other


def test_the_rule_compares_end_and_start_as_a_span_must() -> None:
    assert [ends_before_start(start, end) for start, end in PAIRS] == [
        end <= start for start, end in PAIRS
    ]
    assert ends_before_start(time(14), time(14))  # no minutes is no visit


@pytest.mark.parametrize(("start", "end"), PAIRS)
def test_the_trip_rule_flags_a_visit_exactly_when_the_rule_says(start: time, end: time) -> None:
    host = HostFacts(1, "Maribo Kro", social_responsibility=True)
    facts = TripFacts(
        trip_id=1,
        trip_date=A_TUESDAY,
        today=TODAY,
        format=LOLLAND,
        visits=(VisitFacts(7, host, start, end),),
    )
    found = [f for f in visit_times(facts) if f.code == "visit_ends_before_start"]
    assert bool(found) == ends_before_start(start, end)
    if found:
        assert found[0].message == t(
            "rule.visit_ends_before_start",
            name="Maribo Kro",
            start=format_time(start),
            end=format_time(end),
        )


def _trip_with_a_company(engine: Engine) -> tuple[int, int]:
    with session_scope(engine) as session:
        company = Company(name="Maribo Kro", social_responsibility=True)
        session.add(company)
        session.flush()
        company_id = company.id or 0
    return trip_service.create_trip(engine, format_code="lolland", trip_date=DAY), company_id


def test_adding_and_changing_a_visit_refuse_exactly_when_the_rule_says(engine: Engine) -> None:
    trip_id, company_id = _trip_with_a_company(engine)
    (visit_id,) = planning.add_visit(
        engine, trip_id, company_id=company_id, start=time(13), end=time(15)
    ).ids
    for start, end in PAIRS:
        refusal = t("trip.visit_times", start=format_time(start), end=format_time(end))
        version = trip_service.trip_detail(engine, trip_id).version
        if ends_before_start(start, end):
            with pytest.raises(UserError) as added:
                planning.add_visit(engine, trip_id, company_id=company_id, start=start, end=end)
            with pytest.raises(UserError) as changed:
                planning.update_visit(
                    engine,
                    trip_id,
                    visit_id,
                    expected_version=version,
                    start=start,
                    end=end,
                    showing="",
                    host_contact="",
                    confirmed=False,
                )
            assert added.value.message == changed.value.message == refusal
        else:
            planning.add_visit(engine, trip_id, company_id=company_id, start=start, end=end)
            planning.update_visit(
                engine,
                trip_id,
                visit_id,
                expected_version=trip_service.trip_detail(engine, trip_id).version,
                start=start,
                end=end,
                showing="",
                host_contact="",
                confirmed=False,
            )


def test_the_trip_and_format_forms_refuse_a_return_exactly_when_the_rule_says(
    engine: Engine,
) -> None:
    trip_id, _ = _trip_with_a_company(engine)
    with session_scope(engine) as session:
        format_id = session.scalars(select(col(TripFormat.id)).order_by(col(TripFormat.id))).first()
    assert format_id is not None
    for meeting, back in PAIRS:
        refused = ends_before_start(meeting, back)
        details = {
            **trip_editing.details_form_values(engine, trip_id),
            "meeting_time": format_time(meeting),
            "return_time": format_time(back),
        }
        version = trip_service.trip_detail(engine, trip_id).version
        fmt = {
            **format_settings.format_form_values(engine, format_id),
            "start": format_time(meeting),
            "end": format_time(back),
        }
        if refused:
            with pytest.raises(UserError) as trip_form:
                trip_editing.save_details(engine, trip_id, version, details, today=TODAY)
            with pytest.raises(UserError) as format_form:
                format_settings.save_format(engine, format_id, fmt)
            assert trip_form.value.field_errors == {"return_time": t("trip.return_before_meeting")}
            assert format_form.value.field_errors == {"end": t("trip.return_before_meeting")}
        else:
            trip_editing.save_details(engine, trip_id, version, details, today=TODAY)
            format_settings.save_format(engine, format_id, fmt)
