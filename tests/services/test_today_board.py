"""The today board: here, presenting, still to come, could start today."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from tcdesk.domain import (
    ConsultStatus,
    PaymentPlan,
    SavedSession,
    TreatmentOption,
    TreatmentType,
)
from tcdesk.services.ids import new_id
from tcdesk.services.schedule import book_consult, cancel_consult, check_in, mark_no_show
from tcdesk.services.today_board import today_board
from tests.conftest import local_moment
from tests.services.schedule_seed import (
    DAY,
    MovableClock,
    book_realistic_day,
    open_practice,
    seed_practice,
    slot,
)


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(local_moment(DAY, 7))


@pytest.fixture
def world(empty_store: Path, clock: MovableClock):
    desk = open_practice(empty_store, clock)
    p = seed_practice(desk)
    yield desk, p, book_realistic_day(desk, p)
    desk.close()


def _names(entries) -> list[str]:
    return [e.entry.patient.split()[0] for e in entries]


def _option(desk, consult_id: str, fee: int) -> TreatmentOption:
    option = TreatmentOption(
        new_id(), consult_id, TreatmentType.CLEAR_ALIGNERS, "Clear aligners", "", 18, 8, fee
    )
    desk.consults.save_option(option)
    return option


def test_first_thing_everyone_is_still_to_come(world) -> None:
    desk, p, _ids = world
    board = today_board(desk, p.office, DAY)
    assert _names(board.to_come) == ["Ava", "Noah", "Emma", "Liam", "Sofia", "Mason", "Olivia"]
    assert board.here == board.presenting == board.could_start == ()
    assert not any(e.late for e in board.to_come)


def test_the_day_moves_through_the_board(world, clock) -> None:
    desk, p, ids = world
    clock.set(DAY, 7, 50)
    check_in(desk, ids["Ava"])
    clock.set(DAY, 8, 5)
    desk.consults.save_session(  # Ava is in the room: the console opened her consult
        SavedSession(ids["Ava"], "teen", "welcome", 0, started=True, updated_at="x")
    )
    clock.set(DAY, 9, 20)
    check_in(desk, ids["Emma"])
    cancel_consult(desk, ids["Olivia"], "Work trip")
    mark_no_show(desk, ids["Noah"])
    # Liam was presented earlier in the day and is thinking it over, an option chosen.
    liam = desk.consults.get(ids["Liam"])
    option = _option(desk, liam.id, 590_000)
    desk.consults.save(replace(liam, status=ConsultStatus.PENDING, chosen_option_id=option.id))
    clock.set(DAY, 13, 20)  # Sofia (13:00) has not come yet: late

    board = today_board(desk, p.office, DAY)
    assert _names(board.presenting) == ["Ava"]
    assert _names(board.here) == ["Emma"]
    assert _names(board.to_come) == ["Sofia", "Mason"]
    assert [e.late for e in board.to_come] == [True, False]
    assert _names(board.could_start) == ["Liam"]
    assert board.could_start[0].chosen_option == "Clear aligners"
    assert board.could_start[0].needs == "a payment plan saved"
    assert board.cancelled == 2
    assert [key for key, _heading, _entries in board.groups()] == [
        "here",
        "presenting",
        "to_come",
        "could_start",
    ]


def test_could_start_today_says_what_a_start_still_needs(world) -> None:
    desk, p, ids = world
    for name, status in (("Ava", ConsultStatus.PENDING), ("Noah", ConsultStatus.ACCEPTED)):
        desk.consults.save(replace(desk.consults.get(ids[name]), status=status))
    for name in ("Emma", "Liam"):
        desk.consults.save(replace(desk.consults.get(ids[name]), status=ConsultStatus.DECLINED))
    noah = desk.consults.get(ids["Noah"])
    option = _option(desk, noah.id, 590_000)
    desk.consults.save(replace(noah, chosen_option_id=option.id))
    desk.consults.add_plan(
        PaymentPlan(new_id(), noah.id, option.id, "pay_in_full", 0, 0, Decimal(0), DAY, None)
    )
    board = today_board(desk, p.office, DAY)
    assert [(e.entry.patient, e.needs) for e in board.could_start] == [
        ("Ava Thompson", "an option chosen"),
        ("Noah Garcia", ""),
    ]


def test_started_today_and_other_days_and_offices_are_not_on_the_board(world) -> None:
    desk, p, ids = world
    ava = desk.consults.get(ids["Ava"])
    desk.consults.save(replace(ava, status=ConsultStatus.STARTED, started_on=DAY))
    book_consult(desk, p.patients["Ava"].id, slot(p, DAY + timedelta(days=1), 9))
    satellite = slot(p, DAY, 9, office=p.satellite, tc=p.tc2)
    book_consult(desk, p.patients["Ava"].id, satellite, allow_overlap=True)
    board = today_board(desk, p.office, DAY)
    every = [*board.here, *board.presenting, *board.to_come, *board.could_start]
    assert ids["Ava"] not in {e.consult_id for e in every}
    assert len(every) == 6
