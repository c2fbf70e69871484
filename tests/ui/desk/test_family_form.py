"""The new-family form on real widgets: type, see the duplicate offer, errors at the field, save."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tcdesk.domain import InsuranceRank, Relationship
from tcdesk.services.intake import add_family
from tcdesk.services.referrers import add_doctor
from tcdesk.ui.desk.family_form import FamilyForm
from tcdesk.ui.main_window import MainWindow
from tests import intake_practice
from tests.conftest import DEMO_DAY
from tests.intake_practice import TEEN

practice_desk = intake_practice.practice_desk  # the fixture


def _window(qtbot: QtBot, desk) -> MainWindow:
    window = MainWindow(desk, DEMO_DAY, on_present=lambda _cid: None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _open_form(qtbot: QtBot, window: MainWindow) -> FamilyForm:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.intake.form is not None and window.intake.form.isVisible())
    form = window.intake.form
    qtbot.addWidget(form)  # closed after the test, its look-ups stopped
    qtbot.waitExposed(form)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    return form


def _type(qtbot: QtBot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_ctrl_n_opens_the_form_on_the_first_name_and_saves_a_whole_family(
    qtbot: QtBot, practice_desk
) -> None:
    doctor = add_doctor(practice_desk, "Dr. Priya Shah", practice_name="Shah Dental")
    window = _window(qtbot, practice_desk)
    form = _open_form(qtbot, window)
    assert QApplication.focusWidget() is form.patient.first
    fields = form.patient
    qtbot.keyClicks(fields.first, "Zoe")
    qtbot.keyClick(fields.first, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is fields.last  # Tab goes down the form
    qtbot.keyClicks(fields.last, "Martinez")
    _type(qtbot, fields.birth, "03/04/2012")
    _type(qtbot, fields.phone, "503 555 0101")
    _type(qtbot, fields.referrer, "Dr. Priya Shah (Shah Dental)")
    form.patient.source.setCurrentIndex(form.patient.source.findData("doctor_referral"))
    qtbot.mouseClick(form.add_party_button, Qt.MouseButton.LeftButton)
    party = form.parties[0]
    assert QApplication.focusWidget() is party.name
    qtbot.keyClicks(party.name, "Lucia Martinez")
    _type(qtbot, party.email, "lucia@example.com")
    form.primary.setChecked(True)
    _type(qtbot, form.primary.carrier, "Delta Dental")
    _type(qtbot, form.primary.maximum, "1,500")
    qtbot.keyClick(form.primary.maximum, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: not form.isVisible())
    saved = form.result_saved
    assert saved is not None and saved.created
    assert saved.patient.legal_first == "Zoe" and saved.patient.referrer_id == doctor.id
    assert [(p.name, p.relationship, p.pays) for p in saved.parties] == [
        ("Lucia Martinez", Relationship.MOTHER, True)
    ]
    assert [(p.rank, p.lifetime_max_cents) for p in saved.insurance] == [
        (InsuranceRank.PRIMARY, 150_000)
    ]
    assert window.selected_patient_id() == saved.patient.id  # the desk shows the new family
    assert "Zoe Martinez" in window.panel.name_label.text()


def test_errors_show_under_their_fields_focus_the_first_and_save_nothing(
    qtbot: QtBot, practice_desk
) -> None:
    window = _window(qtbot, practice_desk)
    form = _open_form(qtbot, window)
    fields = form.patient
    qtbot.keyClicks(fields.first, "Zoe")
    _type(qtbot, fields.last, "Martinez")
    _type(qtbot, fields.birth, "2031-01-01")
    _type(qtbot, fields.email, "lucia@")
    form.primary.setChecked(True)
    _type(qtbot, form.primary.carrier, "Delta")
    _type(qtbot, form.primary.coverage, "120")
    _type(qtbot, form.primary.maximum, "-5")
    qtbot.keyClick(form.primary.maximum, Qt.Key.Key_Enter)
    assert form.isVisible()
    assert QApplication.focusWidget() is fields.birth  # the first wrong field
    assert "cannot be in the future" in fields.marks.message("birth_date")
    assert "not an email address" in fields.marks.message("email")
    assert fields.marks.message("legal_first") == ""
    assert "between 0% and 100%" in form.primary.marks.message("coverage_pct")
    assert "cannot be negative" in form.primary.marks.message("lifetime_max")
    assert fields.birth.property("invalid") is True
    assert practice_desk.patients.count() == 0
    _type(qtbot, fields.birth, "2031-01-01")
    # Fix the date: the minor rule speaks next, at the parties section.
    _type(qtbot, fields.birth, "03/04/2012")
    _type(qtbot, fields.email, "lucia@example.com")
    _type(qtbot, form.primary.coverage, "50")
    _type(qtbot, form.primary.maximum, "1500")
    qtbot.keyClick(form.primary.maximum, Qt.Key.Key_Return)
    assert form.isVisible() and form.parties_message.isVisible()
    assert "add a parent or guardian" in form.parties_message.text()
    assert fields.marks.message("birth_date") == ""  # fixed fields lose their message
    assert QApplication.focusWidget() is form.add_party_button
    assert practice_desk.patients.count() == 0
    qtbot.keyClick(form, Qt.Key.Key_Escape)  # Esc cancels
    qtbot.waitUntil(lambda: not form.isVisible())
    assert practice_desk.patients.count() == 0


def test_typing_a_family_already_here_offers_it_and_opens_it(qtbot: QtBot, practice_desk) -> None:
    existing = add_family(practice_desk, TEEN)
    window = _window(qtbot, practice_desk)
    window.today_button.setChecked(False)
    form = _open_form(qtbot, window)
    qtbot.keyClicks(form.patient.first, "zoe")
    _type(qtbot, form.patient.last, "MARTINEZ")
    assert not form.offer.isVisible()
    _type(qtbot, form.patient.birth, "03/04/2012")
    qtbot.waitUntil(form.offer.isVisible, timeout=3000)  # after a pause in typing
    text = form.offer.text.text()
    assert "Already here?" in text and "Zo Martínez" in text and "born" in text
    assert "same name and date of birth" in text.lower() and "Lucía Martínez" in text
    qtbot.mouseClick(form.offer.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert practice_desk.patients.count() == 1  # nothing new was created
    assert window.selected_patient_id() == existing.patient.id


def test_the_same_phone_is_offered_too(qtbot: QtBot, practice_desk) -> None:
    add_family(practice_desk, TEEN)
    window = _window(qtbot, practice_desk)
    form = _open_form(qtbot, window)
    _type(qtbot, form.patient.phone, "503.555.0101")
    qtbot.waitUntil(form.offer.isVisible, timeout=3000)
    assert "same phone" in form.offer.text.text().lower()


def test_edit_family_from_the_patient_panel(qtbot: QtBot, practice_desk) -> None:
    saved = add_family(practice_desk, replace(TEEN, secondary=None))
    window = _window(qtbot, practice_desk)
    window.today_button.setChecked(False)
    assert window.select_patient(saved.patient.id)
    qtbot.mouseClick(window.panel.edit_family_button, Qt.MouseButton.LeftButton)
    form = window.intake.form
    qtbot.addWidget(form)
    qtbot.waitUntil(lambda: form is not None and form.isVisible())
    assert form.windowTitle() == "Edit family"
    assert form.patient.first.text() == "Zoë" and form.patient.birth.text() == "2012-03-04"
    assert form.primary.isChecked() and form.primary.carrier.text() == "Delta Dental"
    assert not form.offer.isVisible()
    form.check_duplicates()
    assert not form.offer.isVisible()  # a family is not its own duplicate
    _type(qtbot, form.patient.email, "new@example.com")
    qtbot.mouseClick(form.parties[0].remove_button, Qt.MouseButton.LeftButton)
    form.primary.setChecked(False)
    qtbot.keyClick(form.patient.email, Qt.Key.Key_Return)
    assert form.isVisible()  # a 14-year-old needs a guardian: the removal is refused
    assert "add a parent or guardian" in form.parties_message.text()
    qtbot.mouseClick(form.add_party_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.parties[0].name, "Tomas Martinez")
    form.parties[0].relationship.setCurrentIndex(form.parties[0].relationship.findData("father"))
    qtbot.keyClick(form.parties[0].name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    patient = practice_desk.patients.get(saved.patient.id)
    assert patient is not None and patient.email == "new@example.com"
    assert [p.name for p in practice_desk.patients.responsible_parties(patient.id)] == [
        "Tomas Martinez"
    ]
    assert practice_desk.patients.insurance(patient.id) == []
    assert window.selected_patient_id() == patient.id
    assert "Tomas Martinez" in window.panel.people_label.text()


def test_an_edit_that_changes_the_agreement_asks_first(qtbot: QtBot, empty_store) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.services.record_seed import agree, open_practice
    from tests.ui.waiting import answer_next_question

    desk, consult_id = open_practice(empty_store)
    try:
        agree(desk, consult_id)
        form = FamilyForm(desk, patient_id="pa-mia")
        qtbot.addWidget(form)
        form.show()
        qtbot.waitExposed(form)
        seen: list[str] = []
        form.patient.last.clear()
        qtbot.keyClicks(form.patient.last, "Carter-Lee")
        answer_next_question(qtbot, QMessageBox.StandardButton.No, seen)
        qtbot.keyClick(form.patient.last, Qt.Key.Key_Return)
        assert "a new agreement version will be needed" in seen[0]
        assert form.isVisible() and desk.patients.get("pa-mia").legal_last == "Carter"
        answer_next_question(qtbot, QMessageBox.StandardButton.Yes, seen)
        qtbot.keyClick(form.patient.last, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not form.isVisible())
        assert len(seen) == 2 and desk.patients.get("pa-mia").legal_last == "Carter-Lee"
        assert "new agreement version" in form.result_saved.warning
    finally:
        desk.close()
