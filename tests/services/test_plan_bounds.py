"""Implausible plans are refused where a plan is saved and where an agreement is made.

The bounds live in ``tcdesk.money.bounds``; "today" is the desk's clock
(the demo desk's fixed 2026-11-27), so the window is 2023-11-27 to 2027-11-27.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tcdesk.money import MoneyInputError
from tcdesk.services import agreements
from tcdesk.services.agreement_data import agreement_data
from tcdesk.services.consult_room import ConsultRoom, PresentationKit
from tcdesk.services.demo import demo_id

WINDOW = "between 2023-11-27 and 2027-11-27"


def _dated_plan(desk, key: str, day: date) -> str:
    """Store a newer plan for the demo consult ``key`` with agreement date ``day``."""
    cid = demo_id("consult", key)
    plan = desk.consults.latest_plan(cid)
    moved = replace(
        plan,
        id=f"{plan.id}-old",
        created_at="2099-01-01T00:00:00+00:00",
        agreement_date=day,
        first_due=None,
    )
    desk.consults.add_plan(moved)
    return cid


def test_agreement_of_a_plan_dated_1800_is_refused(demo_desk) -> None:
    cid = _dated_plan(demo_desk, "mila_ivanova", date(1800, 1, 1))
    with pytest.raises(MoneyInputError, match=WINDOW) as error:
        agreement_data(demo_desk, cid)
    assert error.value.field == "agreement_date"
    assert "1800-01-01" in str(error.value)


def test_generating_an_agreement_of_record_dated_1800_stores_nothing(demo_desk) -> None:
    cid = _dated_plan(demo_desk, "mila_ivanova", date(1800, 1, 1))
    before = agreements.history(demo_desk, cid)
    with pytest.raises(MoneyInputError, match=WINDOW):
        agreements.generate(demo_desk, cid)
    assert agreements.history(demo_desk, cid) == before


def test_a_plan_a_year_and_more_ahead_is_refused_but_one_within_the_year_is_fine(
    demo_desk,
) -> None:
    cid = _dated_plan(demo_desk, "mila_ivanova", date(2027, 11, 28))
    with pytest.raises(MoneyInputError, match=WINDOW):
        agreement_data(demo_desk, cid)
    cid = _dated_plan(demo_desk, "mila_ivanova", date(2027, 11, 27))
    assert agreement_data(demo_desk, cid).issued_on == date(2027, 11, 27)


def test_saving_a_plan_dated_1800_in_the_consult_room_is_refused(demo_desk) -> None:
    cid = demo_id("consult", "mila_ivanova")
    room = ConsultRoom(demo_desk, cid, PresentationKit.load(), record=False)
    plan = replace(demo_desk.consults.latest_plan(cid), agreement_date=date(1800, 1, 1))
    before = demo_desk.consults.latest_plan(cid)
    with pytest.raises(MoneyInputError, match=WINDOW):
        room.choose_plan(plan)
    assert demo_desk.consults.latest_plan(cid) == before
