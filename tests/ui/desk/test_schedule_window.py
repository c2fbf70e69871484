"""The real schedule window, driven from the keyboard and the mouse."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from tcdesk.domain import ConsultStatus
from tcdesk.services.desk import Desk
from tcdesk.ui.desk.booking_dialog import BookingDialog
from tcdesk.ui.desk.schedule_window import ScheduleWindow
from tests.conftest import local_moment
from tests.services.schedule_seed import (
    DAY,
    MovableClock,
    book_realistic_day,
    seed_practice,
)

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(local_moment(DAY, 7))


@pytest.fixture
def world(empty_store: Path, clock: MovableClock):
    desk = Desk.open(empty_store, clock=clock)
    p = seed_practice(desk)
    yield desk, p
    desk.close()


def _window(qtbot: QtBot, desk: Desk) -> ScheduleWindow:
    window = ScheduleWindow(desk, DAY)
    qtbot.addWidget(window)
    window.resize(1200, 900)
    window.show()
    _activate(qtbot, window)
    return window


def _activate(qtbot: QtBot, window) -> None:
    """Make ``window`` the active one (no window manager here), so its keys work."""
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _press(qtbot: QtBot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the person presses it: to whatever has the focus."""
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the keyboard focus"
    qtbot.keyClick(focus, key, modifier)


def _open_booking(qtbot: QtBot, window: ScheduleWindow) -> BookingDialog:
    _activate(qtbot, window)
    window.grid.setFocus()
    _press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialog
    _activate(qtbot, dialog)
    return dialog


def _type_time(qtbot: QtBot, dialog: BookingDialog, hhmm: str) -> None:
    _press(qtbot, Qt.Key.Key_T, ALT)  # &Time
    assert dialog.time_edit.hasFocus()
    qtbot.keyClicks(dialog.time_edit, hhmm.replace(":", ""))


def _mnemonic(qtbot: QtBot, button, key: Qt.Key) -> None:
    """Alt+letter on a button: Qt animates the press, then it clicks."""
    with qtbot.waitSignal(button.clicked):
        _press(qtbot, key, ALT)


def _book_by_keyboard(qtbot, window, name: str, hhmm: str, minutes: int) -> BookingDialog:
    dialog = _open_booking(qtbot, window)
    assert dialog.patient_search.hasFocus() or dialog.patient_search.setFocus() is None
    qtbot.keyClicks(dialog.patient_search, name)
    _type_time(qtbot, dialog, hhmm)
    _press(qtbot, Qt.Key.Key_L, ALT)  # &Length
    qtbot.keyClick(dialog.minutes, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.minutes, str(minutes))
    qtbot.keyClick(dialog.minutes, Qt.Key.Key_Return)
    return dialog


def test_book_from_the_keyboard_and_see_it_in_its_slot(qtbot: QtBot, world) -> None:
    desk, p = world
    window = _window(qtbot, desk)
    said: list[str] = []
    window.said.connect(said.append)  # the desk's status bar repeats it
    dialog = _book_by_keyboard(qtbot, window, "liam", "10:30", 45)
    assert not dialog.isVisible(), [e.text() for e in dialog.errors.values() if e.isVisible()]
    assert len(said) == 1 and said[0].startswith("Consult booked for Liam Patel: ")
    assert "10:30" in said[0]
    (consult,) = desk.consults.all()
    assert consult.patient_id == p.patients["Liam"].id
    assert consult.scheduled_at == local_moment(DAY, 10, 30).isoformat(timespec="seconds")
    assert consult.duration_minutes == 45
    assert consult.coordinator_id == p.tc.id and consult.doctor_id == p.doctor.id
    rect = window.grid.rect_of(consult.id)
    grid = window.grid
    assert rect.top() == pytest.approx(grid.y_of(time(10, 30)) + 1)
    assert rect.height() == pytest.approx(grid.hour_height * 0.75 - 2)
    assert window.grid.selected_id == consult.id
    assert "Liam Patel" in window.selected_label.text()


def test_a_mistake_shows_at_its_field_and_nothing_is_saved(qtbot: QtBot, world) -> None:
    desk, _p = world
    window = _window(qtbot, desk)
    dialog = _open_booking(qtbot, window)
    _type_time(qtbot, dialog, "06:00")
    qtbot.keyClick(dialog.time_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.errors["patient"].isVisible()
    assert "Choose the patient" in dialog.errors["patient"].text()
    assert "has passed" in dialog.errors["when"].text()
    assert dialog.patient_search.hasFocus()
    assert desk.consults.all() == []
    _press(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_double_booking_asks_book_anyway(qtbot: QtBot, world) -> None:
    desk, _p = world
    window = _window(qtbot, desk)
    _book_by_keyboard(qtbot, window, "ava", "09:00", 60)
    dialog = _book_by_keyboard(qtbot, window, "noah", "09:30", 30)
    assert dialog.isVisible()
    assert dialog.warning.isVisible()
    assert "Dana Fox (coordinator) already has Ava Thompson" in dialog.warning.text()
    assert dialog.warning.text().endswith("Book anyway?")
    assert dialog.ok_button.text() == "Book &anyway"
    assert len(desk.consults.all()) == 1
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert len(desk.consults.all()) == 2
    entries = window.grid.entries()
    left = [window.grid.rect_of(e.consult_id).left() for e in entries]
    assert left[0] != left[1]  # side by side: the overlap is visible


def test_move_by_double_click_and_cancel_from_the_button(qtbot: QtBot, world) -> None:
    desk, p = world
    ids = book_realistic_day(desk, p)
    window = _window(qtbot, desk)
    rect = window.grid.rect_of(ids["Sofia"])
    point = window.grid.mapFrom(window.grid, rect.center().toPoint())
    qtbot.mouseDClick(window.grid, Qt.MouseButton.LeftButton, pos=point)
    dialog = window.dialog
    _activate(qtbot, dialog)
    assert dialog.windowTitle() == "Move consult"
    assert not dialog.patient_search.isEnabled()
    _type_time(qtbot, dialog, "17:15")
    qtbot.keyClick(dialog.time_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    moved = desk.consults.get(ids["Sofia"])
    assert moved.scheduled_at == local_moment(DAY, 17, 15).isoformat(timespec="seconds")
    assert window.grid.rect_of(ids["Sofia"]).top() == pytest.approx(
        window.grid.y_of(time(17, 15)) + 1
    )

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QInputDialog)
        qtbot.keyClicks(box.findChild(QLineEdit), "Family asked to rebook")
        qtbot.keyClick(box.findChild(QLineEdit), Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    cancelled = desk.consults.get(ids["Sofia"])
    assert cancelled.status is ConsultStatus.CANCELLED
    assert cancelled.outcome_reason == "Family asked to rebook"
    assert "Cancelled (Family asked to rebook)" in window.selected_label.text()
    assert not window.move_button.isEnabled()


def test_keyboard_walks_the_day_and_checks_in(qtbot: QtBot, world, clock) -> None:
    desk, p = world
    ids = book_realistic_day(desk, p)
    window = _window(qtbot, desk)
    clock.set(DAY, 7, 50)
    window.grid.setFocus()
    qtbot.keyClick(window.grid, Qt.Key.Key_Down)
    assert window.grid.selected_id == ids["Ava"]
    qtbot.keyClick(window.grid, Qt.Key.Key_Down)
    assert window.grid.selected_id == ids["Noah"]
    qtbot.keyClick(window.grid, Qt.Key.Key_Up)
    _mnemonic(qtbot, window.check_in_button, Qt.Key.Key_I)  # Check &in
    assert desk.consults.get(ids["Ava"]).arrived_at is not None
    assert "Here since 7:50\u202fAM" in _painted_status(window, ids["Ava"])


def test_week_view_and_paging(qtbot: QtBot, world) -> None:
    desk, p = world
    ids = book_realistic_day(desk, p)
    window = _window(qtbot, desk)
    _mnemonic(qtbot, window.week_button, Qt.Key.Key_W)
    assert window.week and len(window.grid.days) == 7
    assert window.grid.days[0] == DAY
    assert {e.consult_id for e in window.grid.entries()} == set(ids.values())
    _mnemonic(qtbot, window.next_button, Qt.Key.Key_N)
    assert window.grid.entries() == [] and window.grid.days[0] > DAY
    _mnemonic(qtbot, window.today_button, Qt.Key.Key_O)  # T&oday
    _mnemonic(qtbot, window.day_button, Qt.Key.Key_Y)  # Da&y
    assert window.grid.days == [DAY] and len(window.grid.entries()) == 7
    assert window.title.text().startswith("Monday, November 30, 2026 · 7 consults")
    assert window.grid.rect_of(ids["Ava"]).width() > window.grid.width() * 0.8


def _painted_status(window: ScheduleWindow, consult_id: str) -> str:
    from tcdesk.ui.desk.schedule_grid import _status_words

    entry = next(e for e in window.grid.entries() if e.consult_id == consult_id)
    return _status_words(entry)


def test_moving_a_consult_with_an_agreement_to_another_office_asks(
    qtbot: QtBot, tmp_path: Path, empty_store: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tcdesk.services.settings import offices
    from tests.services.record_seed import TODAY, agree
    from tests.services.record_seed import open_practice as open_record_practice
    from tests.ui.waiting import answer_next_question

    desk, consult_id = open_record_practice(empty_store)
    try:
        hill = offices.add_office(desk, {"name": "Hilltop"})
        agree(desk, consult_id)
        main_office = desk.consults.get(consult_id).office_id
        dialog = BookingDialog(desk, day=TODAY, consult=desk.consults.get(consult_id))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.office.setCurrentIndex(dialog.office.findData(hill.id))
        seen: list[str] = []
        answer_next_question(qtbot, QMessageBox.StandardButton.No, seen)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert "a new agreement version will be needed" in seen[0]
        assert dialog.isVisible() and desk.consults.get(consult_id).office_id == main_office
        answer_next_question(qtbot, QMessageBox.StandardButton.Yes, seen)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert desk.consults.get(consult_id).office_id == hill.id and len(seen) == 2
    finally:
        desk.close()


def test_evening_and_early_consults_are_drawn_in_full_and_can_be_picked(
    qtbot: QtBot, world
) -> None:
    """QA 2: a 9:40 PM walk-in and a 10:30 PM consult widen the frame past 7 PM."""
    from datetime import timedelta

    from tcdesk.services.schedule import book_consult
    from tests.services.schedule_seed import slot

    desk, p = world
    walk_in = book_consult(desk, p.patients["Liam"].id, slot(p, DAY, 21, 40, minutes=30))
    late = book_consult(desk, p.patients["Ava"].id, slot(p, DAY, 22, 30, minutes=60))
    window = _window(qtbot, desk)
    grid = window.grid
    assert (grid.first_hour, grid.last_hour) == (7, 24)  # 10:30 PM + 60 min ends at midnight
    for booked, minutes in ((walk_in, 30), (late, 60)):
        rect = grid.rect_of(booked.consult.id)
        assert rect.height() == pytest.approx(grid.hour_height * minutes / 60 - 2)
        assert rect.bottom() <= grid.height()
        qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
        assert grid.selected_id == booked.consult.id
    assert grid.rect_of(walk_in.consult.id).bottom() < grid.rect_of(late.consult.id).top()

    early = book_consult(
        desk, p.patients["Noah"].id, slot(p, DAY + timedelta(days=1), 6, 15, minutes=30)
    )
    window.week_button.click()
    assert (grid.first_hour, grid.last_hour) == (6, 24)
    rect = grid.rect_of(early.consult.id)
    assert rect.top() == pytest.approx(grid.y_of(time(6, 15)) + 1)
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert grid.selected_id == early.consult.id


def test_an_ordinary_day_keeps_the_usual_frame(qtbot: QtBot, world) -> None:
    desk, p = world
    book_realistic_day(desk, p)
    window = _window(qtbot, desk)
    assert (window.grid.first_hour, window.grid.last_hour) == (7, 19)


def test_the_booking_dialog_writes_dates_as_every_desk_screen_does(qtbot: QtBot, world) -> None:
    """QA 5: "Mon, Nov 30, 2026" and "born Jun 5, 2015", as the patient panel writes them."""
    from dataclasses import replace

    desk, p = world
    liam = p.patients["Liam"]
    desk.patients.save(replace(p.patients["Noah"], birth_date_known=False))  # a walk-in
    window = _window(qtbot, desk)
    dialog = _open_booking(qtbot, window)
    assert dialog.date_edit.text() == "Mon, Nov 30, 2026"
    qtbot.keyClicks(dialog.patient_search, "liam")
    assert dialog.patient_list.item(0).text() == f"{liam.display_name}  ·  born Jun 5, 2015"
    dialog.patient_search.clear()
    qtbot.keyClicks(dialog.patient_search, "noah")
    assert dialog.patient_list.item(0).text() == "Noah Garcia  ·  date of birth not asked yet"
