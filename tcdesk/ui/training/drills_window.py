"""The objection drills window: the next due card, a timed answer, the feedback, a grade.

One card at a time, the weakest first (``drills.next_cards``): the family's
line, who says it and which objection it is, with a countdown to
``SLOW_SECONDS`` (slower counts as weak however right). Answer (Ctrl+Enter)
scores the typed answer against the persona's LAER ideas and shows it beside
the model answer; the TC's grade (1/2/3) is kept in the training file
(``drills.review``), so the spacing brings the weak cards back sooner. When
nothing is due the window says when the next card is.

Everything is by keyboard: type, Ctrl+Enter, 1/2/3 (or Tab and Enter), Esc
closes, and asks first when an answer would be lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tcdesk.errors import UserError
from tcdesk.services.clock import Clock, system_clock
from tcdesk.services.desk import Desk
from tcdesk.services.training.drill_feedback import (
    GRADES,
    DrillStatus,
    Feedback,
    comes_back,
    drill_status,
    drills_for,
    feedback,
    moment_words,
)
from tcdesk.services.training.drill_schedule import SLOW_SECONDS
from tcdesk.services.training.drills import DueCard, review
from tcdesk.services.training.history import coordinator
from tcdesk.services.training.objections import PATTERNS
from tcdesk.services.training.persona_model import Persona
from tcdesk.services.training.store import require_training
from tcdesk.ui.style import restyle
from tcdesk.ui.training.drills_feedback_view import FeedbackView

TICK_MS = 250  # how often the countdown reads the clock
ASKING, ANSWERED, DONE = "asking", "answered", "done"


def _label(text: str = "", role: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    if name:
        label.setObjectName(name)
    return label


def _clock_text(seconds: float) -> str:
    whole = max(int(seconds + 0.999), 0)  # 44.2 s left reads 0:45 until it is 0:44
    return f"{whole // 60}:{whole % 60:02d}"


class DrillsWindow(QWidget):
    """Due cards one by one for ``coordinator_id``, on the training file ``desk``."""

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None,
        coordinator_id: str,
        personas: Sequence[Persona],
        clock: Clock = system_clock,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        require_training(desk)
        member = coordinator(desk, coordinator_id)
        self._desk = desk
        self._coordinator_id = coordinator_id
        self._clock = clock
        self._drills = drills_for(personas)
        self.state = DONE
        self.run: list[DueCard] = []  # the cards due when this run began
        self.index = 0
        self.shown_at: datetime | None = None
        self.result: Feedback | None = None
        self.tally = {"right": 0, "weak": 0, "wrong": 0}
        self.status: DrillStatus | None = None
        self._asking_to_close = True
        self.setObjectName("drillsWindow")
        self.setWindowTitle(f"Objection drills: {member.name}")

        self.progress = _label(role="muted", name="drillsProgress")
        self.timer_label = QLabel()
        self.timer_label.setObjectName("drillsTimer")
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        mark = QLabel("PRACTICE")
        mark.setStyleSheet(
            "background:#8A5A00; color:white; font-weight:700; padding:3px 10px; border-radius:4px"
        )
        top = QHBoxLayout()
        top.addWidget(mark)
        top.addSpacing(8)
        top.addWidget(self.progress, 1)
        top.addWidget(self.timer_label)

        self.kind = _label(role="muted", name="drillsKind")
        self.who = _label(name="drillsWho")
        self.line = _label(name="drillsLine")
        self.line.setStyleSheet("font-size: 15pt; font-style: italic; color: #1B1B1B")
        self.line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        card = QFrame()
        card.setProperty("card", True)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(18, 14, 18, 16)
        card_layout.addWidget(self.kind)
        card_layout.addWidget(self.who)
        card_layout.addWidget(self.line)

        self.answer_box = QPlainTextEdit()
        self.answer_box.setObjectName("drillsAnswer")
        self.answer_box.setPlaceholderText("Type what you would say to them…")
        self.answer_box.setTabChangesFocus(True)
        self.answer_box.installEventFilter(self)
        self.answer_button = QPushButton("Answer  (Ctrl+Enter)")
        self.answer_button.setProperty("primary", True)
        self.answer_button.clicked.connect(self.answer)
        hint = _label(
            "Listen, Acknowledge, Explore, Respond. Answer as you would in the room.", "muted"
        )
        asking = QWidget()
        asking_layout = QVBoxLayout(asking)
        asking_layout.setContentsMargins(0, 0, 0, 0)
        asking_layout.addWidget(self.answer_box, 1)
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(self.answer_button)
        asking_layout.addLayout(row)
        self.feedback_view = FeedbackView(self.grade)
        self.steps = QStackedWidget()
        self.steps.addWidget(asking)
        self.steps.addWidget(self.feedback_view)

        drilling = QWidget()
        drilling_layout = QVBoxLayout(drilling)
        drilling_layout.setContentsMargins(0, 0, 0, 0)
        drilling_layout.setSpacing(12)
        drilling_layout.addWidget(card)
        drilling_layout.addWidget(self.steps, 1)

        self.done_heading = _label("Nothing due.", "heading", "drillsDoneHeading")
        self.done_text = _label(name="drillsDoneText")
        self.done_tally = _label(role="muted", name="drillsDoneTally")
        self.close_button = QPushButton("Close  (Esc)")
        self.close_button.clicked.connect(self.close)
        done = QWidget()
        done_layout = QVBoxLayout(done)
        done_layout.addStretch(1)
        for widget in (self.done_heading, self.done_text, self.done_tally):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            done_layout.addWidget(widget)
        done_layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignCenter)
        done_layout.addStretch(2)

        self.pages = QStackedWidget()
        self.pages.addWidget(drilling)
        self.pages.addWidget(done)
        self.message = _label(role="error", name="drillsMessage")
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)

        self._keys()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(TICK_MS)
        self._begin_run()

    def _keys(self) -> None:
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.answer)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.grade_keys = []
        for grade in GRADES:
            key = QShortcut(QKeySequence(grade.key), self, lambda g=grade.value: self.grade(g))
            key.setEnabled(False)
            self.grade_keys.append(key)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter in the answer box answers (the box would take it as a new line)."""
        if (
            watched is self.answer_box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.answer()
            return True
        return super().eventFilter(watched, event)

    # -- the run ------------------------------------------------------------------------

    @property
    def card(self) -> DueCard | None:
        return self.run[self.index] if self.state in (ASKING, ANSWERED) else None

    def _begin_run(self) -> None:
        """The cards due now, weakest first; the end state when there are none."""
        self.status = drill_status(self._desk, self._coordinator_id, self._drills, self._clock())
        self.run, self.index = list(self.status.due), 0
        if self.run:
            self._ask()
        else:
            self._show_done()

    def _ask(self) -> None:
        item = self.run[self.index]
        script = self._drills.script(item.card)
        pattern = PATTERNS[item.card.objection]
        if script.objection is not None:
            self.kind.setText(f"Objection: {pattern.label}")
            self.who.setText(f"<b>{script.speaker}</b> · {script.family}")
            self.line.setText(f"“{item.card.line}”")
        else:
            self.kind.setText("One of the ten objections, as a TC names it")
            self.who.setText("<b>A family</b> says, in their words:")
            self.line.setText(f"“{item.card.line}”")
        self.state = ASKING
        self.result = None
        self.answer_box.clear()
        self.answer_box.setReadOnly(False)
        self.steps.setCurrentIndex(0)
        self.pages.setCurrentIndex(0)
        self._set_grade_keys(False)
        self._say("")
        self.shown_at = self._clock()
        self._show_progress()
        self.tick()
        self.answer_box.setFocus()

    def _show_progress(self) -> None:
        text = f"Card {self.index + 1} of {len(self.run)} due today"
        weak = self.status.weak_next if self.status else None
        if weak is not None:
            text += f"; next review of the weak ones {moment_words(weak, self._clock())}"
        self.progress.setText(text)

    def elapsed(self) -> float:
        if self.shown_at is None:
            return 0.0
        return max((self._clock() - self.shown_at).total_seconds(), 0.0)

    def tick(self) -> None:
        """The countdown, read from the clock (tests move the clock and call this)."""
        if self.state != ASKING:
            return
        left = SLOW_SECONDS - self.elapsed()
        if left > 0:
            self.timer_label.setText(f"{_clock_text(left)} left")
            restyle(self.timer_label, "role", "subheading" if left > 10 else "warning")
        else:
            self.timer_label.setText(f"Over time by {_clock_text(-left)}: it counts as weak")
            restyle(self.timer_label, "role", "error")

    def answer(self) -> None:
        """Score the typed answer and show it beside the model answer."""
        if self.state != ASKING:
            return
        item = self.run[self.index]
        seconds = self.elapsed()
        text = self.answer_box.toPlainText()
        script = self._drills.script(item.card)
        self.result = feedback(script, text, seconds)
        now = self._clock()
        self.state = ANSWERED
        self.answer_box.setReadOnly(True)
        self.timer_label.setText(f"Answered in {_clock_text(seconds)}")
        restyle(self.timer_label, "role", "warning" if self.result.slow else "muted")
        self.steps.setCurrentIndex(1)
        self._set_grade_keys(True)
        self.feedback_view.show_feedback(
            text,
            item.card.model_answer,
            PATTERNS[item.card.objection].what_works,
            self.result,
            lambda grade: comes_back(item.state, grade, seconds, now),
        )

    def grade(self, value: int) -> None:
        """Keep the answer with ``value`` (0-5) and go on to the next card."""
        if self.state != ANSWERED or self.result is None:
            return
        item = self.run[self.index]
        try:
            after = review(
                self._desk,
                self._coordinator_id,
                item.card,
                value,
                self.result.seconds,
                self._clock(),
            )
        except (UserError, ValueError) as error:
            self._say(f"This answer was not kept: {error}")
            return
        if after.state.last is not None:
            self.tally[after.state.last.value] += 1
        self.index += 1
        if self.index < len(self.run):
            self.status = drill_status(
                self._desk, self._coordinator_id, self._drills, self._clock()
            )
            self._ask()
        else:
            self._begin_run()

    def _set_grade_keys(self, on: bool) -> None:
        for key in self.grade_keys:
            key.setEnabled(on)

    def _show_done(self) -> None:
        self.state = DONE
        self._set_grade_keys(False)
        self.pages.setCurrentIndex(1)
        self.timer_label.setText("")
        now = self._clock()
        upcoming = self.status.next_due if self.status else None
        if not self._drills.cards:
            self.done_text.setText("There are no cards to drill.")
        elif upcoming is None:
            self.done_text.setText("No card is due again yet.")
        else:
            self.done_text.setText(f"Next card due {moment_words(upcoming, now)}.")
        answered = sum(self.tally.values())
        if answered:
            self.done_tally.setText(
                f"This sitting: {answered} answered: {self.tally['right']} right, "
                f"{self.tally['weak']} weak, {self.tally['wrong']} wrong."
            )
        else:
            self.done_tally.setText("Come back then; the weak ones come first.")
        self.progress.setText("All due cards answered")
        self.close_button.setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- closing ------------------------------------------------------------------------

    def unsaved(self) -> str:
        """What closing now would lose ('' when nothing)."""
        if self.state == ASKING and self.answer_box.toPlainText().strip():
            return "Your answer to this card is typed but not scored yet."
        if self.state == ANSWERED:
            return "This card is not graded yet, so the answer is not kept."
        return ""

    def abandon(self) -> None:
        """Close without asking (the app is quitting or locking): what is typed is dropped."""
        self._asking_to_close = False
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        lost = self.unsaved() if self._asking_to_close else ""
        if lost and not self._close_anyway(lost):
            event.ignore()
            return
        self._timer.stop()
        super().closeEvent(event)

    def _close_anyway(self, lost: str) -> bool:
        box = QMessageBox(self)
        box.setObjectName("drillsCloseQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Close the drills?")
        box.setText(f"{lost} Close and lose it?")
        keep = box.addButton("Keep answering", QMessageBox.ButtonRole.RejectRole)
        leave = box.addButton("Close and lose it", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is leave


def open_drills(
    parent: QWidget | None,
    desk: Desk,
    coordinator_id: str,
    personas: Sequence[Persona],
    clock: Clock = system_clock,
) -> DrillsWindow:
    """Open the drills for ``coordinator_id`` on the training file ``desk``."""
    window = DrillsWindow(desk, parent, coordinator_id, personas, clock)
    window.resize(1100, 780)
    window.show()
    window.raise_()
    return window
