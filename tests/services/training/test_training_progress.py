"""The progress report's numbers, worked out by hand from hand-made scorecards."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tcdesk.errors import UserError
from tcdesk.services.training.history import record_session
from tcdesk.services.training.progress import progress, progress_json
from tcdesk.services.training.scorecard import Part
from tests.conftest import local_moment
from tests.training_seed import DOCTOR, JESSICA, KELSEY, TAMIKA, scorecard, staff_id

NOV_2 = local_moment(date(2026, 11, 2), 10)
JESSICA_CARDS = (  # preparation, rapport, discovery, explanation, money, objections, ask, next
    [5, 5, 10, 10, 10, 5, 0, 5],  # 50
    [6, 6, 10, 10, 10, 5, 5, 5],  # 57
    [8, 7, 12, 12, 12, 10, 5, 8],  # 74
    [9, 8, 14, 14, 14, 10, 10, 9],  # 88
)


@pytest.fixture
def seeded(training):
    jessica, kelsey = staff_id(training, JESSICA), staff_id(training, KELSEY)
    for week, points in enumerate(JESSICA_CARDS):
        record_session(training, jessica, scorecard(points), "solo", NOV_2 + timedelta(weeks=week))
    for day, value in enumerate((8, 6, 7)):
        record_session(
            training, kelsey, scorecard([value] * 8), "partner", NOV_2 + timedelta(days=day)
        )
    return training


def test_one_coordinators_sessions_averages_trend_and_weakest_part(seeded) -> None:
    (row,) = progress(seeded, staff_id(seeded, JESSICA)).rows
    assert row.name == JESSICA
    assert [s.day for s in row.sessions] == [date(2026, 11, d) for d in (2, 9, 16, 23)]
    assert [s.total for s in row.sessions] == [50, 57, 74, 88]
    assert row.sessions[2].part(Part.OBJECTIONS) == 10
    assert row.average_total == 67.25
    assert row.trend == 27.5  # (74 + 88) / 2 - (50 + 57) / 2
    averages = {p.part: p.average for p in row.parts}
    assert averages == {
        Part.PREPARATION: 7.0,
        Part.RAPPORT: 6.5,
        Part.DISCOVERY: 11.5,
        Part.EXPLANATION: 11.5,
        Part.MONEY: 11.5,
        Part.OBJECTIONS: 7.5,
        Part.SAME_DAY_ASK: 5.0,
        Part.NEXT_STEP: 6.75,
    }
    assert row.part(Part.SAME_DAY_ASK).trend == 5.0  # (5 + 10) / 2 - (0 + 5) / 2
    assert row.part(Part.RAPPORT).trend == 2.0
    # objections and the same-day ask both average half their worth: the one worth more
    assert row.weakest is Part.OBJECTIONS


def test_an_odd_number_of_sessions_leaves_the_middle_one_out_of_the_trend(seeded) -> None:
    (row,) = progress(seeded, staff_id(seeded, KELSEY)).rows
    assert [s.total for s in row.sessions] == [64, 48, 56]
    assert (row.average_total, row.trend) == (56.0, -8.0)
    # 7 of 15 is a smaller share than 7 of 10; of the 15-point parts, the first
    assert row.weakest is Part.DISCOVERY


def test_a_period_counts_only_its_sessions(seeded) -> None:
    (row,) = progress(seeded, staff_id(seeded, JESSICA), since=date(2026, 11, 10)).rows
    assert ([s.total for s in row.sessions], row.average_total, row.trend) == ([74, 88], 81.0, 14.0)
    (row,) = progress(seeded, staff_id(seeded, JESSICA), until=date(2026, 11, 1)).rows
    assert (row.sessions, row.average_total, row.trend, row.weakest) == ((), None, None, None)


def test_the_owner_sees_a_row_per_coordinator(seeded) -> None:
    record_session(seeded, staff_id(seeded, "Linda Carver"), scorecard([9] * 8), "solo", NOV_2)
    report = progress(seeded)
    assert [(r.name, len(r.sessions)) for r in report.rows] == [
        (JESSICA, 4),
        (KELSEY, 3),
        ("Linda Carver", 1),  # the admin practised too
        (TAMIKA, 0),  # a coordinator who has not practised yet
    ]
    tamika = report.rows[3]
    assert tamika.average_total is None and tamika.weakest is None
    data = progress_json(report)
    assert [c["name"] for c in data["coordinators"]] == [r.name for r in report.rows]
    assert data["coordinators"][0]["sessions"][0]["parts"]["same_day_ask"] == 0


def test_a_doctor_has_no_progress_report(seeded) -> None:
    with pytest.raises(UserError, match="doctor, not a coordinator"):
        progress(seeded, staff_id(seeded, DOCTOR))


def test_of_two_parts_at_the_same_share_the_one_worth_more_is_the_weakest(training) -> None:
    tc = staff_id(training, JESSICA)
    # preparation 5 of 10 and discovery 7.5 of 15: both half; the rest full marks
    record_session(training, tc, scorecard([5, 10, 7.5, 15, 15, 15, 10, 10]), "solo", NOV_2)
    (row,) = progress(training, tc).rows
    assert row.weakest is Part.DISCOVERY
