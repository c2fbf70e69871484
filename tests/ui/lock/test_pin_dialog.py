"""Settings > Staff > Set PIN: typed twice from the keyboard; a coordinator cannot set others'."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tcdesk.services import sign_in
from tcdesk.services.desk import Desk
from tcdesk.services.practice_setup import PracticeSetup, set_up_practice
from tcdesk.services.settings import fees, staff
from tcdesk.ui.settings.settings_window import SettingsWindow
from tests.conftest import FIXED_NOW


def _desk(path: Path) -> Desk:
    desk = Desk.open(path, clock=lambda: FIXED_NOW)
    set_up_practice(
        desk, PracticeSetup("Lakeside Orthodontics", "Lakeside", "Ana", "Dr. Lee", pin="2468")
    )
    return desk


def _open_pin_dialog(qtbot: QtBot, desk: Desk, name: str):
    window = SettingsWindow(desk)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("staff")
    page.select(staff.find_staff(desk, name).id)
    assert page.pin_button.isEnabled()
    qtbot.mouseClick(page.pin_button, Qt.MouseButton.LeftButton)
    dialog = page.pin_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.settings_window = window  # kept alive with the dialog
    return dialog


def test_an_admin_sets_a_pin_typed_twice(qtbot: QtBot, empty_store: Path) -> None:
    desk = _desk(empty_store)
    try:
        dialog = _open_pin_dialog(qtbot, desk, "Dr. Lee")
        qtbot.keyClicks(dialog.pin, "1357")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.again, "1358")
        qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.error.text().startswith("The two PINs differ")
        assert dialog.focusWidget() is dialog.again and not sign_in.has_pin(
            desk, staff.find_staff(desk, "Dr. Lee").id
        )
        dialog.again.clear()
        qtbot.keyClicks(dialog.again, "1357")
        qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert sign_in.verify(desk, staff.find_staff(desk, "Dr. Lee").id, "1357")
    finally:
        desk.close()


def test_a_doctor_signed_in_is_told_only_an_admin_may(qtbot: QtBot, empty_store: Path) -> None:
    desk = _desk(empty_store)
    try:
        lee = staff.find_staff(desk, "Dr. Lee").id
        sign_in.set_pin(desk, lee, "1357")
        sign_in.sign_in(desk, lee, "1357")
        dialog = _open_pin_dialog(qtbot, desk, "Ana")
        qtbot.keyClicks(dialog.pin, "1111")
        qtbot.keyClicks(dialog.again, "1111")
        qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
        assert dialog.error.text() == "Only an admin can set another person's PIN."
        assert sign_in.verify(desk, staff.find_staff(desk, "Ana").id, "2468")
        fee_before = fees.list_fees(desk)[0].fee_cents
        assert fees.list_fees(desk)[0].fee_cents == fee_before
    finally:
        desk.close()
