"""A day and a week of one office, cut at local midnights in any time zone."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tcdesk.domain import ConsultStatus
from tcdesk.errors import UserError
from tcdesk.services.practice_lookup import find_office, find_staff
from tcdesk.services.schedule import book_consult, cancel_consult
from tcdesk.services.schedule_days import day_schedule, week_schedule
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
def world(empty_store: Path):
    desk = open_practice(empty_store, MovableClock(local_moment(DAY - timedelta(days=1), 7)))
    yield desk, seed_practice(desk)
    desk.close()


def test_the_day_lists_its_consults_in_slot_order_with_names(world) -> None:
    desk, p = world
    ids = book_realistic_day(desk, p)
    day = day_schedule(desk, p.office, DAY)
    assert [e.consult_id for e in day.entries] == list(ids.values())
    first = day.entries[0]
    assert (first.patient, first.coordinator, first.doctor, first.office) == (
        "Ava Thompson",
        "Dana Fox",
        "Dr. Helen Park",
        "Riverside",
    )
    assert (first.start.hour, first.start.minute, first.minutes) == (8, 0, 60)
    assert first.status is ConsultStatus.SCHEDULED and first.arrived_at is None
    assert all(e.start.date() == DAY for e in day.entries)


def test_consults_at_the_edges_of_the_local_day_stay_on_their_day(world) -> None:
    """00:00 and 23:45 local belong to the day; 00:00 the next day does not (any zone)."""
    desk, p = world
    edge = [
        book_consult(desk, p.patients["Ava"].id, slot(p, DAY, 0, 0, 30)).consult.id,
        book_consult(desk, p.patients["Noah"].id, slot(p, DAY, 23, 45, 15)).consult.id,
    ]
    book_consult(desk, p.patients["Emma"].id, slot(p, DAY + timedelta(days=1), 0, 0, 30))
    book_consult(desk, p.patients["Liam"].id, slot(p, DAY - timedelta(days=1), 23, 30, 15))
    assert [e.consult_id for e in day_schedule(desk, p.office, DAY).entries] == edge


def test_other_offices_and_deleted_consults_are_left_out_cancelled_kept(world) -> None:
    desk, p = world
    ours = book_consult(desk, p.patients["Ava"].id, slot(p, DAY, 9)).consult
    gone = book_consult(desk, p.patients["Noah"].id, slot(p, DAY, 11)).consult
    called_off = book_consult(desk, p.patients["Emma"].id, slot(p, DAY, 13)).consult
    book_consult(
        desk, p.patients["Liam"].id, slot(p, DAY, 9, office=p.satellite, tc=p.tc2, doctor=p.doctor2)
    )
    desk.records.soft_delete("consults", gone.id)
    cancel_consult(desk, called_off.id, "Snow day")
    entries = day_schedule(desk, p.office, DAY).entries
    assert [e.consult_id for e in entries] == [ours.id, called_off.id]
    assert entries[1].status is ConsultStatus.CANCELLED and entries[1].reason == "Snow day"
    assert not entries[1].live


def test_the_week_runs_monday_to_sunday_in_one_answer(world) -> None:
    desk, p = world
    monday = book_consult(desk, p.patients["Ava"].id, slot(p, DAY, 9)).consult.id
    sunday = book_consult(
        desk, p.patients["Noah"].id, slot(p, DAY + timedelta(days=6), 23, 30, 15)
    ).consult.id
    next_monday = DAY + timedelta(days=7)
    book_consult(desk, p.patients["Emma"].id, slot(p, next_monday, 0, 0, 30))
    week = week_schedule(desk, p.office, DAY + timedelta(days=3))
    assert week.first == DAY and len(week.days) == 7
    assert [e.consult_id for e in week.days[0].entries] == [monday]
    assert [e.consult_id for e in week.days[6].entries] == [sunday]
    assert sum(len(d.entries) for d in week.days) == 2


def test_offices_and_staff_by_name_or_id(world) -> None:
    desk, p = world
    assert find_office(desk, None) == p.office
    assert find_office(desk, "hilltop") == p.satellite
    assert find_office(desk, p.satellite.id) == p.satellite
    with pytest.raises(UserError, match='There is no office "Mars"; the offices are: Riverside'):
        find_office(desk, "Mars")
    assert find_staff(desk, "dana fox") == p.tc
    assert find_staff(desk, "Mehta") == p.doctor2
    assert find_staff(desk, p.admin.id) == p.admin
    with pytest.raises(UserError, match=r'"Dr\." fits more than one person: Dr\. '):
        find_staff(desk, "Dr.")  # two doctors: not unique, and both are named


def test_a_day_and_a_week_are_one_query_each(world) -> None:
    desk, p = world
    book_realistic_day(desk, p)
    statements: list[str] = []
    desk.db.conn.set_trace_callback(statements.append)
    try:
        day_schedule(desk, p.office, DAY)
        week_schedule(desk, p.office, DAY)
    finally:
        desk.db.conn.set_trace_callback(None)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 2
    plan = desk.db.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM consults c WHERE c.office_id = ? "
        "AND c.scheduled_at >= ? AND c.scheduled_at < ?",
        [p.office.id, "a", "b"],
    ).fetchall()
    assert any("consults_office_scheduled" in str(row) for row in plan)
