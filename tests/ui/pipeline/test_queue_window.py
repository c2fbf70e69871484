"""The queue from the keyboard: a row, L, Enter logs a contact; the family moves or leaves.

A real desk window on a practice set up by services (not the demo); keys go to
the widget that has the focus, as a person's would.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tcdesk.domain import ContactKind, Warmth
from tcdesk.domain.pipeline import ContactResult
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.store.contact_repo import ContactRepository
from tests.services.pipeline_seed import TODAY, held_consult, open_seeded


@pytest.fixture
def seeded(empty_store: Path):
    desk, p = open_seeded(empty_store)
    yield desk, p
    desk.close()


def _desk_window(qtbot: QtBot, desk, tmp_path: Path):
    from tcdesk.ui.main_window import MainWindow

    window = MainWindow(
        desk, TODAY, on_present=lambda _id: None, settings=MachineSettingsStore(tmp_path / "m.json")
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _key(qtbot: QtBot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def test_log_a_contact_with_three_keys_and_the_family_moves(
    qtbot: QtBot, seeded, tmp_path: Path
) -> None:
    desk, p = seeded
    ava = held_consult(desk, p, "Ava", days_ago=9, warmth=Warmth.HOT, follow_up_in=-3)
    held_consult(desk, p, "Noah", days_ago=4, warmth=Warmth.WARM, follow_up_in=1)
    window = _desk_window(qtbot, desk, tmp_path)
    assert window.pipeline.queue_button.text().replace("&", "") == "Follow-ups: 2 (1 overdue)"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    queue = window.pipeline.queue_window
    qtbot.waitUntil(lambda: queue is not None and queue.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is queue.table)
    model = queue.model
    assert [i.name for i in model.items] == ["Ava Thompson", "Noah Garcia"]
    due = model.index(0, 0)
    assert model.data(due) == "Overdue 3 days"  # the word, not colour alone
    assert model.data(due, Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(0, 3)).startswith("overdue 3 days, hot, $5,500, quote held")

    _key(qtbot, Qt.Key.Key_L)  # 1: the chosen (top) row's contact dialog
    dialog = queue.dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.log_button)
    _key(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # 2: reached
    qtbot.waitUntil(lambda: dialog.results[ContactResult.REACHED].isChecked())
    _key(qtbot, Qt.Key.Key_Return)  # 3: log it (a call, next contact in 2 days)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    [contact] = ContactRepository(desk.records).for_consult(ava.id)
    assert contact.result is ContactResult.REACHED and contact.next_on == TODAY + timedelta(days=2)
    # Ava is no longer overdue: still hot, so still first, due in two days.
    assert [i.name for i in model.items] == ["Ava Thompson", "Noah Garcia"]
    assert not model.items[0].overdue and model.data(model.index(0, 0)) != "Overdue 3 days"
    assert "Ava Thompson: Call logged: reached." in queue.note.text()
    assert window.pipeline.queue_button.text().replace("&", "") == "Follow-ups: 2 (0 overdue)"


def test_off_the_queue_from_the_keyboard_and_everyone_or_mine(
    qtbot: QtBot, seeded, tmp_path: Path
) -> None:
    desk, p = seeded
    held_consult(desk, p, "Ava", days_ago=9, warmth=Warmth.HOT, follow_up_in=-3)
    held_consult(desk, p, "Noah", days_ago=4, warmth=Warmth.WARM, follow_up_in=1, tc=p.tc2)
    settings = MachineSettingsStore(tmp_path / "m.json")
    settings.save(replace(settings.load(), coordinator_id=p.tc.id))  # this desk's TC
    window = _desk_window(qtbot, desk, tmp_path)
    queue = window.pipeline.open_queue()
    qtbot.waitExposed(queue)
    assert queue.mine.isChecked() and [i.name for i in queue.model.items] == ["Ava Thompson"]
    queue.everyone.click()
    assert [i.name for i in queue.model.items] == ["Ava Thompson", "Noah Garcia"]
    queue.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is queue)
    queue.table.setFocus()
    queue.table.selectRow(1)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is queue.table)
    _key(qtbot, Qt.Key.Key_Return)  # Enter opens it too
    dialog = queue.dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.log_button)
    _key(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # a text
    qtbot.waitUntil(lambda: dialog.kinds[ContactKind.TEXT].isChecked())
    _key(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # off the queue
    qtbot.waitUntil(lambda: dialog.off_queue.isChecked() and not dialog.next_on.isEnabled())
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [i.name for i in queue.model.items] == ["Ava Thompson"]
    assert "Off the queue" in queue.note.text()


def test_quick_add_a_lead_with_three_fields(qtbot: QtBot, seeded, tmp_path: Path) -> None:
    desk, _p = seeded
    window = _desk_window(qtbot, desk, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    form = window.pipeline.lead_form
    qtbot.waitUntil(lambda: form is not None and form.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.name)
    assert not form.more_shown() and not form.note.isVisible()
    _key(qtbot, Qt.Key.Key_Return)  # nothing typed: the mistakes show at their fields
    assert form.isVisible() and QApplication.focusWidget() is form.name
    assert "needed" in form.marks.message("name") and "phone or an email" in form.marks.message(
        "contact"
    )
    qtbot.keyClicks(form.name, "Carmen Reyes")
    form.channel.setFocus()
    form.channel.setCurrentIndex(form.channel.findData("text"))
    qtbot.keyClicks(form.contact, "614 555 0131")
    form.contact.setFocus()
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert form.saved is not None and form.saved.phone == "(614) 555-0131"
    assert window.pipeline.queue_button.text().replace("&", "") == "Follow-ups: 1 (0 overdue)"
    assert "Lead added: Carmen Reyes" in window.statusBar().currentMessage()


def test_booking_from_a_lead_carries_it_over_and_links_it(
    qtbot: QtBot, seeded, tmp_path: Path
) -> None:
    from tcdesk.domain import LeadSource, LeadStatus
    from tcdesk.services import leads
    from tcdesk.services.leads import LeadInput, add_lead
    from tcdesk.services.referrers import add_doctor

    desk, p = seeded
    doctor = add_doctor(desk, "Dr. Priya Shah")
    lead = add_lead(
        desk,
        LeadInput(
            name="Maya Okafor",
            channel="doctor_referral",
            phone="5035550177",
            email="maya@example.com",
            referrer_id=doctor.id,
            assigned_to=p.tc.id,
        ),
    )
    window = _desk_window(qtbot, desk, tmp_path)
    queue = window.pipeline.open_queue()
    qtbot.waitExposed(queue)
    assert queue.book_button.isEnabled()  # the lead is the one row, chosen
    booking = queue.book_selected()
    form = booking.form
    qtbot.waitExposed(form)
    fields = form.patient
    assert (fields.first.text(), fields.last.text()) == ("Maya", "Okafor")
    assert fields.phone.text() == "(503) 555-0177" and fields.email.text() == "maya@example.com"
    assert fields.source.currentData() == "doctor_referral"
    assert fields.referrer.text() == "Dr. Priya Shah"
    qtbot.keyClicks(fields.birth, "05/06/1990")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: booking.dialog is not None and booking.dialog.isVisible())
    dialog = booking.dialog
    assert dialog.patient_id() == form.result_saved.patient.id
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    stored = leads.repo(desk).get(lead.id)
    assert stored.status is LeadStatus.CONSULT_BOOKED and stored.consult_id == dialog.saved.id
    consult = desk.consults.get(dialog.saved.id)
    patient = desk.patients.get(consult.patient_id)
    assert consult.lead_id == lead.id and patient.lead_source is LeadSource.DOCTOR_REFERRAL
    assert patient.referrer_id == doctor.id
    assert queue.model.items == () and "Consult booked for Maya Okafor" in queue.note.text()
