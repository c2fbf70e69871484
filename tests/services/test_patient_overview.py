"""The desk's patient list for one day: who is booked, leaving out cancelled consults."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcdesk.services.patient_overview import search_patients, todays_count
from tcdesk.services.schedule import cancel_consult, mark_no_show
from tests.conftest import local_moment
from tests.services.schedule_seed import (
    DAY,
    MovableClock,
    book_realistic_day,
    open_practice,
    seed_practice,
)


@pytest.fixture
def world(empty_store: Path):
    clock = MovableClock(local_moment(DAY, 7))
    desk = open_practice(empty_store, clock)
    p = seed_practice(desk)
    ids = book_realistic_day(desk, p)
    yield desk, clock, ids
    desk.close()


def _firsts(entries) -> list[str]:
    return [e.patient.legal_first for e in entries]


def test_a_cancelled_consult_leaves_the_days_list_and_its_count(world) -> None:
    desk, _clock, ids = world
    assert todays_count(desk, DAY) == 7
    cancel_consult(desk, ids["Noah"], "Family moved away")
    names = _firsts(search_patients(desk, "", DAY))
    assert "Noah" not in names
    assert names == ["Ava", "Emma", "Liam", "Sofia", "Mason", "Olivia"]  # still slot order
    assert todays_count(desk, DAY) == 6
    assert "Noah" in _firsts(search_patients(desk, "", None))  # still a patient


def test_a_no_show_stays_on_the_days_list(world) -> None:
    desk, clock, ids = world
    clock.set(DAY, 8, 30)
    mark_no_show(desk, ids["Ava"])
    entries = search_patients(desk, "", DAY)
    assert _firsts(entries)[0] == "Ava"  # expected today; the list says "No-show"
    assert entries[0].latest_status == "no_show"
    assert (entries[0].state, entries[0].state_label) == ("no_show", "No-show")
    assert todays_count(desk, DAY) == 7


def test_the_days_list_carries_todays_consult_and_where_it_stands_now(empty_store: Path) -> None:
    """QA 6: every family has another consult later this week; the day's list shows today's."""
    from tcdesk.services.clock import utc_iso
    from tests.ui.desk.schedule_scenes import busy_morning

    clock = MovableClock(local_moment(DAY, 7))
    desk = open_practice(empty_store, clock)
    try:
        _p, ids = busy_morning(desk, clock)  # 10:40: Ava pending, Noah presenting, Emma here
        rows = {e.patient.legal_first: e for e in search_patients(desk, "", DAY)}
        assert {name: rows[name].state_label for name in ("Ava", "Noah", "Emma", "Liam")} == {
            "Ava": "Pending decision",
            "Noah": "Presenting now",
            "Emma": "Here since 9:24\u202fAM",
            "Liam": "Consult booked",
        }
        assert rows["Liam"].latest_consult_id == ids["Liam"]
        assert rows["Liam"].latest_consult_at == utc_iso(local_moment(DAY, 11))
        assert rows["Emma"].state == "here" and rows["Noah"].state == "presenting"
        everyone = {e.patient.legal_first: e for e in search_patients(desk, "", None)}
        assert everyone["Liam"].latest_consult_id != ids["Liam"]  # the latest: later this week
        assert everyone["Liam"].state == ""
    finally:
        desk.close()


def test_a_late_family_still_to_come_says_so(world) -> None:
    desk, clock, _ids = world
    clock.set(DAY, 9, 20)
    rows = {e.patient.legal_first: e for e in search_patients(desk, "", DAY)}
    assert (rows["Noah"].state, rows["Noah"].state_label) == ("late", "Booked, late")
    assert rows["Emma"].state == "to_come"
