"""The today board on the desk: the four groups, check in and present from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tcdesk.services.desk import Desk
from tcdesk.ui.main_window import MainWindow
from tests.conftest import local_moment
from tests.services.schedule_seed import DAY, MovableClock
from tests.ui.desk.schedule_scenes import busy_morning

NNBSP = "\u202f"  # babel's narrow no-break space before AM/PM


@pytest.fixture
def morning(empty_store: Path):
    clock = MovableClock(local_moment(DAY, 7))
    desk = Desk.open(empty_store, clock=clock)
    _p, ids = busy_morning(desk, clock)
    yield desk, ids, clock
    desk.close()


def _desk_window(qtbot: QtBot, desk: Desk, presented: list[str]) -> MainWindow:
    window = MainWindow(desk, DAY, on_present=presented.append)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _rows(board, key: str) -> list[str]:
    items = board.lists[key]
    return [items.item(r).text() for r in range(items.count())]


def test_the_board_shows_four_groups_with_counts(qtbot: QtBot, morning) -> None:
    desk, _ids, _clock = morning
    board = _desk_window(qtbot, desk, []).today_board
    assert board.headings["here"].text() == "Here (1)"
    assert board.headings["presenting"].text() == "Presenting (1)"
    assert board.headings["to_come"].text() == "Still to come (3)"
    assert board.headings["could_start"].text() == "Could start today (1)"
    assert _rows(board, "here") == [
        f"9:30{NNBSP}AM  Emma Johnson  · Dana Fox  · here since 9:24{NNBSP}AM"
    ]
    assert _rows(board, "presenting") == [f"9:00{NNBSP}AM  Noah Garcia  · Sam Ortiz"]
    assert _rows(board, "to_come")[0] == f"11:00{NNBSP}AM  Liam Patel  · Sam Ortiz"
    assert _rows(board, "could_start") == [
        f"8:00{NNBSP}AM  Ava Thompson  · Clear aligners  · needs a payment plan saved"
    ]


def test_check_in_from_the_board_then_present(qtbot: QtBot, morning) -> None:
    desk, ids, clock = morning
    presented: list[str] = []
    window = _desk_window(qtbot, desk, presented)
    board = window.today_board
    clock.set(DAY, 10, 52)
    to_come = board.lists["to_come"]
    to_come.setFocus()
    # focus picks the first family still to come: Liam, 11:00
    assert board.selected() == ("to_come", ids["Liam"])
    assert board.check_in_button.isEnabled() and not board.present_button.isEnabled()
    qtbot.keyClick(to_come, Qt.Key.Key_Return)
    assert desk.consults.get(ids["Liam"]).arrived_at is not None
    assert board.headings["here"].text() == "Here (2)"
    assert board.selected() == ("here", ids["Liam"])
    assert board.present_button.isEnabled()
    qtbot.keyClick(board.lists["here"], Qt.Key.Key_Return)
    assert presented == [ids["Liam"]]


def test_the_schedule_opens_from_the_desk_with_ctrl_d(qtbot: QtBot, morning) -> None:
    desk, ids, _clock = morning
    window = _desk_window(qtbot, desk, [])
    window.search.setFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    schedule = window.schedule_window
    assert schedule is not None and schedule.isVisible()
    assert ids["Ava"] in {e.consult_id for e in schedule.grid.entries()}
    schedule.close()


def test_an_office_added_in_settings_gets_its_board_and_schedule(qtbot: QtBot, morning) -> None:
    desk, _ids, _clock = morning
    window = _desk_window(qtbot, desk, [])
    board = window.today_board
    before = board.office.count()
    schedule = window.open_schedule()
    qtbot.mouseClick(window.settings_button, Qt.MouseButton.LeftButton)
    page = window.settings_window.show_page("offices")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.form.inputs["name"].setFocus()
    qtbot.keyClicks(dialog.form.inputs["name"], "Eastgate")
    qtbot.keyClick(dialog.form.inputs["name"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    names = [board.office.itemText(i) for i in range(board.office.count())]
    assert "Eastgate" in names and len(names) == before + 1
    assert schedule.office.findText("Eastgate") >= 0
    kept = board.headings["to_come"].text()
    assert kept == "Still to come (3)"  # the office shown before stays shown
    board.office.setCurrentIndex(board.office.findText("Eastgate"))
    assert board.headings["to_come"].text() == "Still to come (0)"
    window.settings_window.close()
    schedule.close()


def _cells(window: MainWindow) -> dict[str, tuple[str, ...]]:
    """The patient list as the TC reads it: first name (as shown) -> the row's cells."""
    model = window.model
    rows = {}
    for row in range(model.rowCount()):
        cells = tuple(model.index(row, c).data() for c in range(model.columnCount()))
        rows[cells[0].split(", ", 1)[1]] = cells
    return rows


def test_todays_list_shows_todays_consult_and_its_live_state(qtbot: QtBot, morning) -> None:
    """QA 6: each family has a consult later this week; the day's list shows today's."""
    desk, _ids, _clock = morning
    window = _desk_window(qtbot, desk, [])
    assert window.today_button.isChecked()
    header = window.model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert header == "Today's consult"
    rows = _cells(window)
    assert rows["Emma"][2:4] == (f"9:30{NNBSP}AM", f"Here since 9:24{NNBSP}AM")
    assert rows["Noah"][2:4] == (f"9:00{NNBSP}AM", "Presenting now")
    assert rows["Ava"][2:4] == (f"8:00{NNBSP}AM", "Pending decision")
    assert rows["Liam"][2:4] == (f"11:00{NNBSP}AM", "Consult booked")
    window.today_button.click()  # all patients: the latest consult, later this week
    header = window.model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert header == "Latest consult"
    assert _cells(window)["Liam"][2:4] == ("Dec 4, 2026", "Consult booked")


def test_a_walk_in_whose_birth_date_was_not_asked_reads_not_asked(qtbot: QtBot, morning) -> None:
    """QA 15: the age column says what the panel says, not "?"."""
    from tcdesk.services.walk_in import start_walk_in

    desk, ids, clock = morning
    liam = desk.consults.get(ids["Liam"])
    start_walk_in(
        desk,
        "Zoe Walker",
        "503-555-0100",
        liam.office_id,
        liam.coordinator_id,
        liam.doctor_id,
        now=clock(),
    )
    window = _desk_window(qtbot, desk, [])
    assert _cells(window)["Zoe"][1] == "not asked"
    window.today_button.click()
    assert _cells(window)["Zoe"][1] == "not asked"
    assert _cells(window)["Liam"][1] == "11"


def test_the_minute_refresh_stops_once_the_practice_file_is_closed(
    qtbot: QtBot, empty_store: Path
) -> None:
    """A window still up after its file was closed (a restore reopened it) asks nothing."""
    clock = MovableClock(local_moment(DAY, 7))
    desk = Desk.open(empty_store, clock=clock)
    busy_morning(desk, clock)
    board = _desk_window(qtbot, desk, []).today_board
    board._tick()  # open: refreshes as every minute
    assert board._timer.isActive()
    desk.close()
    board._tick()  # closed: would raise "Cannot operate on a closed database" before
    assert not board._timer.isActive()
