"""A name that fits more than one office or person is refused with the candidates."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.practice_lookup import find_staff
from tcdesk.services.practice_setup import PracticeSetup, set_up_practice
from tcdesk.services.settings import staff
from tests.conftest import FIXED_NOW


@pytest.fixture
def desk(empty_store: Path):
    desk = Desk.open(empty_store, clock=lambda: FIXED_NOW)
    set_up_practice(
        desk, PracticeSetup("Lakeside Orthodontics", "Lakeside", "Jenny Park", "Dr. Lee")
    )
    yield desk
    desk.close()


def test_two_people_with_one_name_are_refused_with_both_named(desk: Desk) -> None:
    jenny = find_staff(desk, "Jenny Park")
    # A file from before the settings check refused a second active "Jenny Park".
    twin = replace(jenny, id="S-twin")
    desk.practices.save_staff(twin)
    with pytest.raises(UserError) as error:
        find_staff(desk, "jenny park", flag="--coordinator")
    message = str(error.value)
    assert message.startswith('--coordinator: "jenny park" fits more than one person: ')
    assert f"Jenny Park ({jenny.id}, coordinator" in message and "Jenny Park (S-twin" in message
    assert find_staff(desk, "S-twin").id == "S-twin"


def test_a_part_of_a_name_that_fits_two_people_is_refused(desk: Desk) -> None:
    staff.add_staff(desk, {"name": "Jennifer Lo", "role": "coordinator"})
    pattern = r'"jen" fits more than one person: Jennifer Lo .*; Jenny Park'
    with pytest.raises(UserError, match=pattern):
        find_staff(desk, "jen")
    assert find_staff(desk, "jenny").name == "Jenny Park"


def test_someone_who_left_does_not_make_the_name_ambiguous(desk: Desk) -> None:
    jenny = find_staff(desk, "Jenny Park")
    desk.practices.save_staff(replace(jenny, id="S-left", active=False))
    assert find_staff(desk, "Jenny Park").id == jenny.id
