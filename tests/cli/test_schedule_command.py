"""``tcdesk schedule`` and ``tcdesk today``: the app's schedule on the command line."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from tcdesk.cli import main
from tcdesk.domain import ConsultStatus
from tests.conftest import local_moment
from tests.services.schedule_seed import (
    DAY,
    MovableClock,
    book_realistic_day,
    open_practice,
    seed_practice,
)

NNBSP = "\u202f"  # babel's narrow no-break space before AM/PM


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(local_moment(DAY, 7))


@pytest.fixture
def practice(empty_store: Path, clock: MovableClock):
    desk = open_practice(empty_store, clock)
    p = seed_practice(desk)
    ids = book_realistic_day(desk, p)
    desk.close()
    return empty_store, p, ids


def _run(clock, *argv: str) -> int:
    return main(list(argv), clock=clock)


def _json(capsys) -> dict:
    return json.loads(capsys.readouterr().out)


def _error(capsys) -> str:
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_day_lists_the_office_in_slot_order(practice, clock, capsys) -> None:
    db, _p, ids = practice
    assert _run(clock, "schedule", "day", "--db", str(db)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Riverside, Mon, Nov 30, 2026"
    assert out[1].split()[:4] == ["ID", "DATE", "TIME", "MIN"]
    assert [line.split()[0] for line in out[3:-1]] == list(ids.values())
    assert (
        f"Mon, Nov 30  8:00{NNBSP}AM" in out[3]
        and "Ava Thompson" in out[3]
        and "Dana Fox" in out[3]
    )
    assert out[-1] == "7 consults"


def test_day_json_and_week_and_other_office(practice, clock, capsys) -> None:
    db, _p, ids = practice
    assert _run(clock, "schedule", "day", "--db", str(db), "--json") == 0
    data = _json(capsys)
    (day,) = data["days"]
    assert day["date"] == DAY.isoformat()
    assert [c["id"] for c in day["consults"]] == list(ids.values())
    assert day["consults"][1]["local_time"] == "09:00"
    assert day["consults"][1]["minutes"] == 45
    later = (DAY + timedelta(days=3)).isoformat()
    assert _run(clock, "schedule", "week", "--db", str(db), "--date", later, "--json") == 0
    week = _json(capsys)
    assert week["days"][0]["date"] == DAY.isoformat()
    assert len(week["days"]) == 7 and len(week["days"][0]["consults"]) == 7
    assert _run(clock, "schedule", "day", "--db", str(db), "--office", "hilltop") == 0
    assert capsys.readouterr().out.splitlines()[-1] == "0 consults"


def test_book_by_names_and_the_overlap_is_exit_2_unless_allowed(practice, clock, capsys) -> None:
    db, p, _ids = practice
    at = f"{DAY.isoformat()} 08:30"
    patient = p.patients["Noah"].id
    argv = ["schedule", "book", patient, "--db", str(db), "--at", at]
    argv += ["--coordinator", "dana fox", "--doctor", "Mehta", "--minutes", "30"]
    assert _run(clock, *argv) == 2
    message = _error(capsys)
    assert "Double booking: Dana Fox (coordinator) already has Ava Thompson" in message
    assert f"Mon, Nov 30, 2026 8:00\u2009\u2013\u20099:00{NNBSP}AM" in message
    assert _run(clock, *argv, "--allow-overlap") == 0
    assert f"Booked Noah Garcia at Riverside, Mon, Nov 30, 2026 8:30{NNBSP}AM" in (
        capsys.readouterr().out
    )
    argv[argv.index(at)] = f"{DAY.isoformat()} 08:40"
    assert _run(clock, *argv, "--allow-overlap", "--json") == 0
    data = _json(capsys)
    assert (data["local_time"], data["minutes"], data["doctor"]) == ("08:40", 30, "Dr. Raj Mehta")
    assert data["overlaps"] and "Ava Thompson" in data["overlaps"][0]


def test_book_refusals_are_one_line(practice, clock, capsys) -> None:
    db, p, _ids = practice
    patient = p.patients["Noah"].id
    base = ["schedule", "book", patient, "--db", str(db), "--coordinator", "Sam Ortiz"]
    base += ["--doctor", "Dr. Raj Mehta"]
    assert _run(clock, *base, "--at", "tomorrow 9") == 2
    assert 'must look like "2026-12-01 09:30"' in _error(capsys)
    assert _run(clock, *base, "--at", f"{DAY - timedelta(days=1)} 09:00") == 2
    assert "has passed" in _error(capsys)
    assert _run(clock, *base, "--at", f"{DAY} 18:00", "--minutes", "300") == 2
    assert "between 15 and 240" in _error(capsys)
    assert _run(clock, *base, "--at", f"{DAY} 18:00", "--office", "Mars") == 2
    assert '--office: There is no office "Mars"' in _error(capsys)
    no_doctor = ["schedule", "book", patient, "--db", str(db), "--at", f"{DAY} 18:00"]
    # No --doctor: the one active doctor of this office is on duty, as for a walk-in.
    assert _run(clock, *no_doctor, "--coordinator", "Sam", "--json") == 0
    assert _json(capsys)["doctor"] == "Dr. Helen Park"


def test_move_cancel_no_show_check_in(practice, clock, capsys) -> None:
    db, _p, ids = practice
    later = f"{DAY} 17:00"
    assert _run(clock, "schedule", "move", ids["Olivia"], "--db", str(db), "--at", later) == 0
    assert "Moved Olivia Kim at Riverside" in capsys.readouterr().out
    assert _run(clock, "schedule", "cancel", ids["Olivia"], "--db", str(db), "--reason", "Ill") == 0
    assert (
        capsys.readouterr().out.strip() == f"Olivia Kim, Mon, Nov 30, 2026 5:00{NNBSP}PM: Cancelled"
    )
    clock.set(DAY, 7, 55)
    assert _run(clock, "schedule", "check-in", ids["Ava"], "--db", str(db), "--json") == 0
    assert _json(capsys)["arrived_at"].startswith(f"{DAY}T07:55")
    clock.set(DAY, 9, 30)
    assert _run(clock, "schedule", "no-show", ids["Noah"], "--db", str(db), "--json") == 0
    assert _json(capsys)["status"] == ConsultStatus.NO_SHOW.value
    assert _run(clock, "schedule", "move", ids["Noah"], "--db", str(db), "--at", later) == 2
    assert "no-show; it cannot be moved" in _error(capsys)


def test_today_board_text_and_json(practice, clock, capsys) -> None:
    db, _p, ids = practice
    clock.set(DAY, 7, 55)
    assert _run(clock, "schedule", "check-in", ids["Ava"], "--db", str(db)) == 0
    capsys.readouterr()
    assert _run(clock, "today", "--db", str(db)) == 0
    out = capsys.readouterr().out
    here = f"  8:00{NNBSP}AM  Ava Thompson  (Dana Fox, Dr. Helen Park)  checked in 7:55{NNBSP}AM"
    assert f"Here (1)\n{here}" in out
    assert "Riverside, today Mon, Nov 30, 2026" in out
    assert "Still to come (6)" in out and "Presenting (0)" in out
    assert _run(clock, "today", "--db", str(db), "--json") == 0
    data = _json(capsys)
    assert [e["id"] for e in data["here"]] == [ids["Ava"]]
    assert len(data["to_come"]) == 6 and data["could_start"] == []


def test_moving_a_consult_with_an_agreement_to_another_office_needs_yes(
    empty_store: Path, capsys
) -> None:
    from tcdesk.services.settings import offices
    from tests.services.record_seed import NOW, TODAY, agree
    from tests.services.record_seed import open_practice as open_record_practice

    desk, consult_id = open_record_practice(empty_store)
    offices.add_office(desk, {"name": "Hilltop"})
    agree(desk, consult_id)
    desk.close()
    move = ["schedule", "move", consult_id, "--db", str(empty_store)]
    clock = lambda: NOW  # noqa: E731
    assert _run(clock, *move, "--at", f"{TODAY} 11:00") == 0  # the time is not on it
    assert capsys.readouterr().err == ""
    assert _run(clock, *move, "--office", "Hilltop") == 2
    err = capsys.readouterr().err
    assert "a new agreement version will be needed" in err and "add --yes" in err
    assert _run(clock, *move, "--office", "Hilltop", "--yes", "--json") == 0
    captured = capsys.readouterr()
    assert "a new agreement version will be needed" in captured.err
    moved = json.loads(captured.out)
    assert moved["office"] == "Hilltop" and "new agreement version" in moved["warning"]
