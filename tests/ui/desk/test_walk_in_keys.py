"""From the desk to presenting a walk-in in at most 5 key presses plus typing the name.

A real app (``tcdesk.ui.app.Application``) on a practice set up by services,
not the demo. Every key press that is not part of typing the name or the
phone is counted.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tcdesk.domain import ConsultStatus, LeadSource
from tcdesk.services.clock import utc_iso
from tests import intake_practice
from tests.conftest import FIXED_NOW

practice_desk = intake_practice.practice_desk  # the fixture
MOST_KEYS = 5


class Keyboard:
    """Presses keys where the focus is, as a person would, and counts the presses."""

    def __init__(self, qtbot: QtBot) -> None:
        self._qtbot = qtbot
        self.presses: list[str] = []

    def _target(self):
        target = QApplication.focusWidget() or QApplication.activeWindow()
        assert target is not None, "nothing has the keyboard focus"
        return target

    def press(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self._qtbot.keyClick(self._target(), key, modifier)
        self.presses.append(f"{modifier.name}+{key.name}")

    def type(self, text: str) -> None:
        """Typing a name or a phone: not counted."""
        self._qtbot.keyClicks(self._target(), text)


@pytest.fixture
def app(qtbot: QtBot, practice_desk, tmp_path: Path) -> Iterator:
    from tcdesk.services.consult_room import PresentationKit
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.app import Application
    from tcdesk.ui.presentation.patient_display import PatientDisplay

    application = Application(
        practice_desk, MachineSettingsStore(tmp_path / "machine.json"), PresentationKit.load()
    )
    qtbot.addWidget(application.main_window)
    yield application
    if application.presentation is not None:
        application.presentation.end()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, PatientDisplay) and widget.isVisible():
            widget.hide()


def test_walk_in_to_presenting_in_at_most_five_keys(qtbot: QtBot, app) -> None:
    window = app.main_window
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert "F2" in window.intake.walk_in_button.toolTip()
    board = window.today_board
    assert board.columns.isHidden() and "Nobody is booked at Lakeside" in board.message.text()
    keys = Keyboard(qtbot)

    keys.press(Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.intake.walk_in is not None and window.intake.walk_in.isVisible())
    form = window.intake.walk_in
    qtbot.addWidget(form)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    assert QApplication.focusWidget() is form.name
    keys.type("Sam Okafor")
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.contact
    keys.type("503 555 0142")
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    started = form.result_started
    assert started is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.panel.selected_consult_id() == started.consult.id
    assert window.panel.present_button.isEnabled()
    here = board.lists["here"]  # the desk shows the family as here at once
    assert not board.columns.isHidden() and here.count() == 1
    assert "Sam Okafor" in here.item(0).text()
    assert window.today_button.isChecked() or "(1)" in window.today_button.text()

    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: app.presentation is not None, timeout=5000)
    assert app.presentation.room.consult_id == started.consult.id
    assert app.presentation.room.flow.id == "walk_in"
    assert any(w.isVisible() for w in app.presentation.windows())  # the console is up
    assert len(keys.presses) <= MOST_KEYS, keys.presses

    desk = app.desk
    consult = desk.consults.get(started.consult.id)
    patient = desk.patients.get(started.patient.id)
    assert consult is not None and patient is not None
    assert consult.status is ConsultStatus.SCHEDULED and consult.scheduled_at == utc_iso(FIXED_NOW)
    assert patient.lead_source is LeadSource.WALK_IN and patient.phone == "(503) 555-0142"


def test_the_walk_in_form_is_preset_to_who_is_on_duty_and_refuses_at_the_field(
    qtbot: QtBot, app
) -> None:
    window = app.main_window
    window.show()
    qtbot.waitExposed(window)
    qtbot.mouseClick(window.intake.walk_in_button, Qt.MouseButton.LeftButton)
    form = window.intake.walk_in
    qtbot.addWidget(form)
    qtbot.waitUntil(lambda: form is not None and form.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    assert form.coordinator.currentText() == "Ana Ruiz"
    assert form.doctor.currentText() == "Dr. Sam Lee"
    assert form.office.currentText() == "Lakeside"
    qtbot.keyClicks(form.name, "Sam")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    assert form.isVisible()
    assert "first and the last name" in form.marks.message("name")
    assert "phone or an email is needed" in form.marks.message("contact")
    assert QApplication.focusWidget() is form.name
    assert app.desk.patients.count() == 0
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert app.desk.patients.count() == 0


def test_a_walk_in_already_on_file_is_offered_instead(qtbot: QtBot, app) -> None:
    from tcdesk.services.intake import add_family

    existing = add_family(app.desk, intake_practice.TEEN)
    window = app.main_window
    window.show()
    qtbot.waitExposed(window)
    window.intake.open_walk_in()
    form = window.intake.walk_in
    qtbot.addWidget(form)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    qtbot.keyClicks(form.name, "Lucia Martinez")
    qtbot.keyClick(form.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.contact, "503-555-0101")
    qtbot.waitUntil(form.offer.isVisible, timeout=3000)
    assert "same phone" in form.offer.text.text().lower()
    qtbot.mouseClick(form.offer.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert app.desk.patients.count() == 1 and app.desk.consults.all() == []
    assert window.selected_patient_id() == existing.patient.id


def test_two_coordinators_of_this_office_are_not_guessed_in_the_form(
    qtbot: QtBot, practice_desk, tmp_path: Path
) -> None:
    """QA 7 in the app: with two TCs of this office the TC is left for the person to pick,
    the doctor (one) is preset, and starting without a TC is refused at the TC field."""
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.services.settings import staff
    from tcdesk.ui.desk.walk_in_form import WalkInForm

    staff.add_staff(
        practice_desk, {"name": "Bea Cole", "role": "coordinator", "office": "Lakeside"}
    )
    form = WalkInForm(practice_desk, FIXED_NOW, MachineSettingsStore(tmp_path / "machine.json"))
    qtbot.addWidget(form)
    assert form.coordinator.currentIndex() == -1 and form.coordinator.count() == 2
    assert form.doctor.currentText() == "Dr. Sam Lee"
    qtbot.keyClicks(form.name, "Sam Okafor")
    qtbot.keyClicks(form.contact, "5035550142")
    assert form.start() is False
    assert practice_desk.patients.list("") == []
    form.coordinator.setCurrentIndex(form.coordinator.findText("Bea Cole"))
    assert form.start() is True
