"""The drills window: a timed answer scored by LAER, the grade kept, the weak cards back sooner."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.training.drills import builtin_cards, review
from tcdesk.store.training_repo import TrainingRepository
from tcdesk.ui.training.drills_window import DrillsWindow, open_drills
from tests.conftest import FIXED_NOW
from tests.training_seed import DOCTOR, JESSICA, staff_id

MAYA = "maya_teen_cost"
GOOD = (
    "I hear you, it's a real amount. What part of it worries you most: the total, or the "
    "monthly? The low down payment plan starts at $250 and spreads the rest monthly."
)
POOR = "Okay, no problem, we can talk about it another time."


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = FIXED_NOW

    def __call__(self):
        return self.now

    def wait(self, **span: float) -> None:
        self.now += timedelta(**span)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def tc(training) -> str:
    return staff_id(training, JESSICA)


@pytest.fixture
def drills(qtbot, training, personas, tc, clock):
    """A window on Maya's two objections (then the ten built-in cards)."""

    made: list[DrillsWindow] = []

    def make(persona_keys=(MAYA,)) -> DrillsWindow:
        window = open_drills(None, training, tc, [personas[k] for k in persona_keys], clock)
        made.append(window)  # not qtbot's: its close at teardown would ask, and wait
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # keys reach the window as a TC's would
        return window

    yield make
    for window in made:  # a failed test must not leave a question waiting at teardown
        window.abandon()
        window.deleteLater()


def _answer(qtbot, window: DrillsWindow, text: str, seconds: float, clock: Clock) -> None:
    window.answer_box.setPlainText(text)
    clock.wait(seconds=seconds)
    window.answer_box.setFocus()
    qtbot.keyClick(window.answer_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _reviews(desk: Desk, tc: str) -> list[tuple[str, str, int, float]]:
    return [
        (r.objection, r.persona, r.grade, r.seconds)
        for r in TrainingRepository(desk.records).reviews(tc)
    ]


def test_a_good_answer_shows_every_move_and_is_kept_as_got_it(qtbot, drills, training, tc, clock):
    window = drills()
    assert window.objectName() == "drillsWindow"
    assert window.line.text() == "“Wow. That's more than I expected. I'm not sure we can do that.”"
    assert "Laura (mother)" in window.who.text()
    assert window.kind.text() == "Objection: It costs too much"
    assert window.progress.text() == "Card 1 of 12 due today"

    _answer(qtbot, window, GOOD, 20, clock)
    assert window.state == "answered"
    assert window.feedback_view.yours.text() == GOOD
    assert window.feedback_view.model.text().startswith("I hear you, it's a real amount.")
    rows = window.feedback_view.move_rows
    assert [(step, got) for step, got, _ in rows] == [
        ("listen", False),
        ("acknowledge", True),
        ("explore", True),
        ("respond", True),
    ]
    assert "You acknowledged the cost" in [words for _, _, words in rows]
    assert "3 of the 4 LAER moves" in window.feedback_view.summary.text()
    got_it = window.feedback_view.grade_buttons[5]
    assert got_it.property("primary") is True and got_it is window.focusWidget()
    assert "back in 1 day" in got_it.text()
    assert "within 45 s" in window.feedback_view.timing.text()

    qtbot.keyClick(window, Qt.Key.Key_3)
    assert _reviews(training, tc) == [("cost", MAYA, 5, 20.0)]
    assert window.state == "asking" and window.answer_box.toPlainText() == ""
    assert window.line.text().startswith("“Let me think about it")
    assert window.progress.text() == "Card 2 of 12 due today"


def test_a_poor_answer_shows_what_was_missed_and_is_kept_as_missed(
    qtbot, drills, training, tc, clock
):
    window = drills()
    _answer(qtbot, window, POOR, 15, clock)
    rows = window.feedback_view.move_rows
    assert [got for _, got, _ in rows] == [False, False, False, False]
    assert "You did not ask what part of it worries her" in [w for _, _, w in rows]
    missed = window.feedback_view.grade_buttons[1]
    assert missed.property("primary") is True and missed is window.focusWidget()
    assert window.feedback_view.grade_buttons[5].property("primary") is False
    assert "back in 10 minutes" in missed.text()

    qtbot.keyClick(window, Qt.Key.Key_1)
    assert _reviews(training, tc) == [("cost", MAYA, 1, 15.0)]
    assert "next review of the weak ones today at 15:10" in window.progress.text()


def test_a_poorly_answered_card_comes_back_before_a_good_one(qtbot, drills, training, tc, clock):
    window = drills()
    _answer(qtbot, window, GOOD, 20, clock)  # Maya's cost: got it
    qtbot.keyClick(window, Qt.Key.Key_3)
    _answer(qtbot, window, POOR, 20, clock)  # Maya's "think about it": missed
    qtbot.keyClick(window, Qt.Key.Key_1)
    window.abandon()

    clock.wait(minutes=11)
    again = drills()
    assert again.progress.text().startswith("Card 1 of 11 due today")  # the ten, and the missed
    assert again.line.text().startswith("“Let me think about it")  # the weakest first
    assert not any(item.card.key == ("cost", MAYA) for item in again.run)
    again.abandon()

    clock.wait(days=1)
    later = drills()
    assert ("cost", MAYA) in [item.card.key for item in later.run]


def test_the_countdown_runs_out_and_a_slow_answer_counts_as_weak(
    qtbot, drills, training, tc, clock
):
    window = drills()
    assert window.timer_label.text() == "0:45 left"
    clock.wait(seconds=30)
    window.tick()
    assert window.timer_label.text() == "0:15 left"
    clock.wait(seconds=20)
    qtbot.waitUntil(lambda: window.timer_label.text() == "Over time by 0:05: it counts as weak")
    assert window.timer_label.property("role") == "error"

    _answer(qtbot, window, GOOD, 0, clock)
    assert window.timer_label.text() == "Answered in 0:50"
    assert "over 45 s, so it counts as weak" in window.feedback_view.timing.text()
    # got it, but slow: the card stays in the first box, back in ten minutes
    assert "back in 10 minutes" in window.feedback_view.grade_buttons[5].text()
    qtbot.keyClick(window, Qt.Key.Key_3)
    assert _reviews(training, tc) == [("cost", MAYA, 5, 50.0)]
    assert "weak ones today at 15:10" in window.progress.text()


def test_nothing_due_says_when_the_next_card_is(qtbot, drills, training, tc, clock):
    for card in builtin_cards():
        review(training, tc, card, 5, 10, FIXED_NOW - timedelta(hours=2))
    window = drills(persona_keys=())
    assert window.state == "done"
    assert window.pages.currentIndex() == 1
    assert window.done_heading.text() == "Nothing due."
    assert window.done_text.text() == "Next card due tomorrow at 13:00."
    assert window.close_button is window.focusWidget()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()

    clock.wait(days=1)
    later = drills(persona_keys=())
    assert later.state == "asking" and len(later.run) == 10


def test_answering_the_last_due_card_ends_in_the_nothing_due_state(
    qtbot, drills, training, tc, clock
):
    for card in builtin_cards()[1:]:
        review(training, tc, card, 5, 10, FIXED_NOW)
    window = drills(persona_keys=())
    assert window.progress.text() == "Card 1 of 1 due today"
    assert window.kind.text() == "One of the ten objections, as a TC names it"
    _answer(qtbot, window, "Tie it to her goal and show the monthly.", 12, clock)
    assert "grade it yourself" in window.feedback_view.summary.text()
    assert window.feedback_view.move_rows == []
    qtbot.keyClick(window, Qt.Key.Key_2)
    assert _reviews(training, tc)[-1] == ("cost", "", 3, 12.0)
    assert window.state == "done"
    assert window.done_text.text() == "Next card due today at 15:10."
    assert "1 answered: 0 right, 1 weak, 0 wrong" in window.done_tally.text()


def _answer_the_question(button_text: str) -> None:
    """Click a button of the close question once it is up."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, click)


def test_closing_mid_answer_asks_and_keeps_what_was_typed(qtbot, drills, training, tc):
    window = drills()
    window.answer_box.setPlainText("I hear you, it")
    _answer_the_question("Keep answering")
    window.close()  # the title bar's close: asks first
    assert window.isVisible()
    assert window.answer_box.toPlainText() == "I hear you, it"

    _answer_the_question("Close and lose it")
    qtbot.keyClick(window.answer_box, Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert _reviews(training, tc) == []


def test_abandon_closes_without_asking(qtbot, drills):
    """Quitting or locking the app: nothing to answer, the typed answer is dropped."""
    window = drills()
    window.answer_box.setPlainText("I hear you, it")
    window.abandon()
    assert not window.isVisible() and QApplication.activeModalWidget() is None


def test_nothing_typed_closes_without_asking(qtbot, drills):
    window = drills()
    assert window.unsaved() == ""
    qtbot.keyClick(window.answer_box, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_the_drills_refuse_a_practice_file_and_a_doctor(
    qtbot, practice_and_training, training, personas, clock
):
    practice = Desk.open(practice_and_training[0], clock=clock)
    try:
        with pytest.raises(UserError, match="not a training file"):
            DrillsWindow(practice, None, staff_id(practice, JESSICA), [], clock)
    finally:
        practice.close()
    with pytest.raises(UserError, match="is a doctor"):
        DrillsWindow(training, None, staff_id(training, DOCTOR), [], clock)
