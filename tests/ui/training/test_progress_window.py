"""The progress window on a real training file: hand-made scorecards whose numbers are
worked out here, the chart's points, the part table, the everyone view and the empty one."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tcdesk.services.training.history import record_session
from tcdesk.ui.training.progress_tables import WEAKEST_TEXT
from tcdesk.ui.training.progress_window import (
    EVERYONE,
    NOBODY_YET,
    ProgressWindow,
    may_see_everyone,
    open_progress,
)
from tests.conftest import FIXED_NOW
from tests.training_seed import DOCTOR, JESSICA, KELSEY, TAMIKA, scorecard, staff_id

# Jessica's three consults, in the order practised (points per part, scorecard order).
FIRST = (5, 5, 8, 8, 8, 8, 5, 5)  # 52
SECOND = (7, 6, 10, 10, 9, 10, 7, 6)  # 65
THIRD = (9, 8, 12, 12, 10, 12, 10, 8)  # 81
# By part, the averages are 7/10, 6.33/10, 10/15, 10/15, 9/15, 10/15, 7.33/10, 6.33/10:
# money (0.6 of what it is worth) is the weakest.


def _day(days: int):
    return FIXED_NOW - timedelta(days=days)


def _keep_jessicas(training) -> str:
    jessica = staff_id(training, JESSICA)
    # kept out of order: the chart follows when they were practised, not when kept
    record_session(training, jessica, scorecard(SECOND), "solo", _day(10))
    record_session(training, jessica, scorecard(FIRST), "partner", _day(20))
    record_session(training, jessica, scorecard(THIRD), "solo", _day(1))
    return jessica


def _window(qtbot: QtBot, *args, **kwargs) -> ProgressWindow:
    window = ProgressWindow(*args, **kwargs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_one_coordinators_chart_follows_her_sessions(qtbot: QtBot, training) -> None:
    jessica = _keep_jessicas(training)
    window = _window(qtbot, training, None, jessica)
    chart = window.chart.chart
    assert chart is not None
    [line] = chart.series
    assert line.name == JESSICA
    assert line.totals == (52, 65, 81)
    assert [p.slot for p in line.points] == [0, 1, 2]
    assert chart.days == tuple(_day(d).astimezone().date() for d in (20, 10, 1))
    assert "52, 65, 81" in window.chart.accessibleDescription()
    assert window.summary.text() == (
        "3 practice consults · average 66 of 100 · trend +29 · weakest part: Money"
    )
    assert not window.grab().isNull()  # the painter draws it


def test_the_part_table_has_averages_trends_and_the_weakest_marked(qtbot: QtBot, training) -> None:
    jessica = _keep_jessicas(training)
    window = _window(qtbot, training, None, jessica)
    table = window.parts.table
    assert table.isVisible() and not window.people.table.isVisible()
    cells = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    assert [row[0] for row in cells][:2] == ["Preparation", "Rapport"]
    assert cells[0][1:4] == ["7", "10", "+4"]  # 9 - 5
    assert cells[1][1:4] == ["6.3", "10", "+3"]
    assert cells[4] == ["Money", "9", "15", "+2", WEAKEST_TEXT]
    assert [row[4] for row in cells].count(WEAKEST_TEXT) == 1
    assert window.parts.weakest_row == 4
    assert table.item(4, 0).font().bold() and not table.item(3, 0).font().bold()


def test_a_tc_sees_only_herself(qtbot: QtBot, training) -> None:
    jessica = _keep_jessicas(training)
    record_session(training, staff_id(training, KELSEY), scorecard(THIRD), "solo", _day(2))
    member = training.practices.staff_member(jessica)
    assert not may_see_everyone(member)
    window = open_progress(training, member)
    qtbot.addWidget(window)
    assert window.chooser.count() == 1 and not window.chooser.isEnabled()
    assert window.chooser.currentText() == JESSICA and window.shown == jessica
    assert [s.name for s in window.chart.chart.series] == [JESSICA]


def test_the_owner_and_the_doctor_see_everyone(qtbot: QtBot, training) -> None:
    _keep_jessicas(training)
    kelsey = staff_id(training, KELSEY)
    record_session(training, kelsey, scorecard(SECOND), "partner", _day(15))
    doctor = training.practices.staff_member(staff_id(training, DOCTOR))
    owner = training.practices.staff_member(staff_id(training, "Linda Carver"))
    assert may_see_everyone(doctor) and may_see_everyone(owner) and may_see_everyone(None)
    window = open_progress(training, doctor)
    qtbot.addWidget(window)
    names = [window.chooser.itemText(i) for i in range(window.chooser.count())]
    assert names == [EVERYONE, JESSICA, KELSEY, TAMIKA]  # no doctor: not a coordinator
    assert window.shown is None and window.chooser.isEnabled()
    chart = window.chart.chart
    lines = {s.name: s for s in chart.series}
    assert set(lines) == {JESSICA, KELSEY}  # Tamika never practised: no line
    # in time order across both: Jessica (20 days ago), Kelsey (15), Jessica (10), (1)
    assert [p.slot for p in lines[JESSICA].points] == [0, 2, 3]
    assert [p.slot for p in lines[KELSEY].points] == [1]
    assert chart.slots == 4
    people = window.people.table
    assert people.isVisible() and not window.parts.table.isVisible()
    rows = [[people.item(r, c).text() for c in range(5)] for r in range(people.rowCount())]
    assert rows[0] == [JESSICA, "3", "66", "+29", "Money"]
    assert rows[1][:4] == [KELSEY, "1", "65", "–"]  # one consult: no trend yet
    assert rows[2][:3] == [TAMIKA, "0", "not yet"]
    assert window.summary.text() == "4 practice consults by 2 coordinators"
    assert not window.grab().isNull()

    window.choose(kelsey)
    assert [s.name for s in window.chart.chart.series] == [KELSEY]
    assert window.parts.table.isVisible() and not people.isVisible()
    window.choose(None)
    assert len(window.chart.chart.series) == 2


def test_nobody_practised_is_said_in_words(qtbot: QtBot, training) -> None:
    window = _window(qtbot, training, None, everyone=True)
    assert window.empty.isVisible() and window.empty.text() == NOBODY_YET
    assert not window.chart.isVisible() and window.chart.chart.empty
    window.choose(staff_id(training, TAMIKA))
    assert window.empty.isVisible()
    assert window.empty.text().startswith("Tamika Brooks has not practised yet.")
    assert window.summary.text() == "Tamika Brooks has not practised yet."


def test_a_session_kept_later_shows_on_refresh_and_escape_closes(qtbot: QtBot, training) -> None:
    jessica = staff_id(training, JESSICA)
    window = _window(qtbot, training, None, jessica)
    assert window.empty.isVisible()
    record_session(training, jessica, scorecard(FIRST), "solo", _day(3))
    window.refresh()
    assert not window.empty.isVisible() and window.chart.isVisible()
    assert window.chart.chart.series[0].totals == (52,)
    assert window.parts.table.item(0, 3).text() == "–"  # one consult: no trend yet
    window.activateWindow()  # a window of an earlier test may still be the active one
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.parts.table, Qt.Key.Key_Escape)  # from inside, as a TC presses it
    assert not window.isVisible()


def test_one_coordinators_window_needs_the_coordinator(training) -> None:
    with pytest.raises(ValueError):
        ProgressWindow(training, None)
