"""The trainer's window: the family's objections with their moments, and a ticked sheet kept."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QLabel

from tcdesk.services.training.history import TrainingMode, recorded_sessions
from tcdesk.services.training.personas import load_personas, shipped_flows
from tcdesk.services.training.progress import progress
from tcdesk.services.training.scorecard import Part
from tcdesk.ui.training.partner_window import PartnerWindow, open_partner
from tests.conftest import FIXED_NOW
from tests.training_seed import DOCTOR, JESSICA, staff_id


@pytest.fixture(scope="module")
def personas():
    return load_personas().personas


@pytest.fixture(scope="module")
def flows():
    return shipped_flows()


class Clock:
    def __init__(self) -> None:
        self.now = FIXED_NOW

    def __call__(self):
        return self.now


def _member(desk, name):
    return desk.practices.staff_member(staff_id(desk, name))


def _texts(widget) -> list[str]:
    """What each label reads as (rich text as the words shown)."""
    return [
        QTextDocumentFragment.fromHtml(label.text()).toPlainText()
        for label in widget.findChildren(QLabel)
    ]


def _tick(qtbot, window, key: str) -> None:
    """Click the box as the trainer would: scrolled into view, on its indicator."""
    box = window.sheet.boxes[key]
    window.sheet_area.ensureWidgetVisible(box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()


@pytest.fixture
def window(qtbot, training, personas, flows):
    clock = Clock()
    win = PartnerWindow(training, _member(training, JESSICA), personas, flows, clock=clock)
    qtbot.addWidget(win)
    win.clock = clock
    win.choose("familia_garcia_es")
    win.resize(1240, 860)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_the_trainer_sees_each_objection_with_its_moment_in_order(window) -> None:
    cards = window.brief.objection_cards
    assert [c.objectName() for c in cards] == [
        "objection-enganche",
        "objection-pensar",
        "objection-seguro",
    ]
    first = " ".join(_texts(cards[0]))
    assert "1. When the money is first shown" in first
    assert "No tenemos para el enganche ahorita" in first
    assert "Settled by 3 of the 4 LAER moves" in first and "low down payment" in first
    assert "Only if “We can't do the down payment” is answered poorly" in " ".join(_texts(cards[1]))
    assert "On the Payment step" in " ".join(_texts(cards[2]))
    page = " ".join(_texts(window.brief))
    assert "Rosa's husband works seasonally" in page  # the hidden concern, for the trainer
    assert "at most $180 a month; $300 down today" in page
    window.choose("marcus_spouse_absent")
    moments = [" ".join(_texts(c)) for c in window.brief.objection_cards]
    assert "1. After 20 minutes" in moments[0]
    assert "2. When the TC asks for a start today" in moments[1]


def test_ticking_the_sheet_and_saving_keeps_a_partner_session(qtbot, window, training) -> None:
    for key in ("insurance_verified", "forms_checked", "doctor_briefed", "asked_for_start"):
        _tick(qtbot, window, key)
    window.sheet.boxes["explored"].setFocus()
    qtbot.keyClick(window.sheet.boxes["explored"], Qt.Key.Key_Space)
    assert window.sheet.total.text() == "21 / 100"
    assert window.sheet.part_points()[Part.PREPARATION] == 10
    window.sheet.notes[Part.OBJECTIONS].setText("asked about the down payment, nice")
    window.sheet.decision.setCurrentIndex(window.sheet.decision.findData("think_it_over"))
    window.sheet.reason.setCurrentIndex(window.sheet.reason.findData("cost"))
    window.clock.now = FIXED_NOW + timedelta(minutes=31, seconds=20)
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)

    (kept,) = recorded_sessions(training, staff_id(training, JESSICA))
    assert kept.mode is TrainingMode.PARTNER
    card = kept.scorecard
    assert card.persona == "familia_garcia_es" and card.total == 21
    assert [p.points for p in card.parts] == [10, 0, 0, 0, 0, 4, 7, 0]
    assert card.part(Part.OBJECTIONS).good == ("you asked what part of it worries them",)
    assert card.decision == "think_it_over" and card.decision_reason == "cost"
    assert card.minutes == 31
    assert card.notes[0] == "Objections (LAER): asked about the down payment, nice"
    assert kept.started_at == (FIXED_NOW + timedelta(seconds=20)).replace(microsecond=0)
    assert "Saved for Jessica Alvarez: 21 / 100" in window.message.text()
    assert not window.save_button.isEnabled()  # one sheet, one session
    (row,) = progress(training, staff_id(training, JESSICA)).rows
    assert [s.mode for s in row.sessions] == ["partner"]


def test_a_decision_without_its_reason_is_refused_and_nothing_is_kept(window, training) -> None:
    window.sheet.boxes["greeted_everyone"].setChecked(True)
    window.sheet.decision.setCurrentIndex(window.sheet.decision.findData("decline"))
    assert window.save() is None
    assert window.message.text() == "Choose what holds the family back before saving."
    assert recorded_sessions(training) == []
    window.sheet.decision.setCurrentIndex(window.sheet.decision.findData("book"))
    assert not window.sheet.reason.isEnabled()
    assert window.save() is not None


def test_a_doctor_gets_a_message_not_a_session(qtbot, training, personas, flows) -> None:
    win = PartnerWindow(training, _member(training, DOCTOR), personas, flows)
    qtbot.addWidget(win)
    win.sheet.decision.setCurrentIndex(win.sheet.decision.findData("book"))
    assert win.save() is None
    assert win.message.text() == "Not saved: Dr. Priya Raman is a doctor, not a coordinator."
    assert recorded_sessions(training) == []


def test_the_minutes_follow_the_clock_until_the_trainer_sets_them(window) -> None:
    window.clock.now = FIXED_NOW + timedelta(minutes=12, seconds=40)
    window.follow_clock()
    assert window.sheet.minutes.value() == 13
    window.sheet.minutes.setValue(28)
    window.sheet.minutes.editingFinished.emit()
    window.clock.now = FIXED_NOW + timedelta(minutes=40)
    window.follow_clock()
    assert window.sheet.minutes.value() == 28
    window.new_sheet()
    assert window.sheet.minutes.value() == 0 and window.sheet.ticked() == frozenset()


def test_open_partner_shows_the_window(qtbot, training, personas) -> None:
    win = open_partner(None, training, _member(training, JESSICA), personas)
    qtbot.addWidget(win)
    assert win.isVisible() and win.windowTitle() == "Practice with a partner: Jessica Alvarez"
    assert win.persona_choice.count() == len(personas)
