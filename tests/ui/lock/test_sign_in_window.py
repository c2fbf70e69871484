"""The sign-in window at launch: name, PIN, Enter; a wrong PIN is refused at the field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tcdesk.ui.lock.sign_in_window import SignInWindow
from tests.ui.lock.conftest import ALVAREZ, BROOKS, person


def _open(qtbot: QtBot, desk) -> SignInWindow:
    window = SignInWindow(desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.form.pin.hasFocus())
    return window


def _choose(qtbot: QtBot, window: SignInWindow, name: str) -> None:
    combo = window.form.person
    combo.setFocus()
    qtbot.keyClicks(combo, name[:4])  # a combo box finds the name as it is typed
    assert combo.currentText().startswith(name)
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    assert window.form.pin.hasFocus()


def test_the_right_pin_and_enter_sign_in(qtbot: QtBot, demo_desk) -> None:
    window = _open(qtbot, demo_desk)
    names = [window.form.person.itemText(i) for i in range(window.form.person.count())]
    assert len(names) == 6 and "Jessica Alvarez (treatment coordinator)" in names
    _choose(qtbot, window, ALVAREZ)
    qtbot.keyClicks(window.form.pin, "3333")
    assert window.form.pin.displayText() != "3333"  # the PIN is never shown
    qtbot.keyClick(window.form.pin, Qt.Key.Key_Return)
    assert window.result() == QDialog.DialogCode.Accepted
    assert demo_desk.signed_in_id == person(demo_desk, ALVAREZ)


def test_a_wrong_pin_is_refused_with_the_message_at_the_field(qtbot: QtBot, demo_desk) -> None:
    window = _open(qtbot, demo_desk)
    _choose(qtbot, window, BROOKS)
    qtbot.keyClicks(window.form.pin, "3333")  # Jessica's, not Tamika's
    qtbot.keyClick(window.form.pin, Qt.Key.Key_Return)
    assert window.isVisible() and window.result() != QDialog.DialogCode.Accepted
    assert window.form.error.isVisible()
    assert window.form.error.text() == "Wrong PIN. Try again."
    assert window.form.pin.text() == "" and window.form.pin.hasFocus()
    assert demo_desk.signed_in_id is None
    wrong = [e for e in demo_desk.audit.entries() if e["action"] == "pin_wrong"]
    assert [e["subject_id"] for e in wrong] == [person(demo_desk, BROOKS)]
    qtbot.keyClicks(window.form.pin, "4444")
    qtbot.keyClick(window.form.pin, Qt.Key.Key_Enter)
    assert window.result() == QDialog.DialogCode.Accepted
    assert demo_desk.signed_in_id == person(demo_desk, BROOKS)


def test_letters_cannot_be_typed_into_the_pin(qtbot: QtBot, demo_desk) -> None:
    window = _open(qtbot, demo_desk)
    qtbot.keyClicks(window.form.pin, "12ab34567890")
    assert window.form.pin.text() == "12345678"  # digits only, 8 at most


def test_the_list_starts_on_a_coordinator_not_the_doctor(qtbot: QtBot, demo_desk) -> None:
    window = _open(qtbot, demo_desk)
    first = window.form.person.itemText(0)
    assert "(doctor)" in first or "Dr." in first  # by name, the doctor comes first here
    assert "doctor" not in window.form.person.currentText()
