"""Setting up a practice on an empty file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcdesk.services.desk import Desk
from tcdesk.services.practice_setup import PracticeSetup, SetupError, set_up_practice

GOOD = PracticeSetup(
    practice_name="Lakeside Orthodontics",
    office_name="Lakeside",
    coordinator_name="Ana Ruiz",
    doctor_name="Dr. Sam Lee",
    phone="(555) 010-2000",
)


def test_creates_practice_office_people_fees_and_policy(empty_store: Path) -> None:
    desk = Desk.open(empty_store)
    practice = set_up_practice(desk, GOOD)
    assert desk.practice() == practice
    assert [o.name for o in desk.practices.offices(practice.id)] == ["Lakeside"]
    assert {s.name for s in desk.practices.staff(practice.id)} == {"Ana Ruiz", "Dr. Sam Lee"}
    assert len(desk.practices.fee_schedule(practice.id)) >= 6
    assert desk.practices.policy(practice.id).max_months == 24
    desk.close()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"practice_name": "  "}, "practice_name"),
        ({"doctor_name": ""}, "doctor_name"),
        ({"brand_color": "teal"}, "brand_color"),
    ],
)
def test_missing_or_bad_fields_change_nothing(empty_store: Path, change, field) -> None:
    desk = Desk.open(empty_store)
    with pytest.raises(SetupError) as error:
        set_up_practice(desk, PracticeSetup(**{**GOOD.__dict__, **change}))
    assert error.value.field == field
    assert desk.is_empty()
    desk.close()


def test_refuses_a_file_that_already_has_a_practice(demo_desk) -> None:
    with pytest.raises(SetupError, match="already holds a practice"):
        set_up_practice(demo_desk, GOOD)
