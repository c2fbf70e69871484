"""The drills window after an answer: hers beside the model one, the LAER moves, the grade.

Plain widgets filled from a ``Feedback``; the window decides what happens when
a grade is chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tcdesk.services.training.drill_feedback import GRADES, Feedback, span_words
from tcdesk.services.training.drill_schedule import SLOW_SECONDS
from tcdesk.ui.style import restyle

STEP_NAMES = {
    "listen": "Listen",
    "acknowledge": "Acknowledge",
    "explore": "Explore",
    "respond": "Respond",
}
GOT = "#1E7B4A"
MISSED = "#B03A2E"


def _label(text: str = "", role: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label


def _card(title: str, body: QLabel) -> QFrame:
    frame = QFrame()
    frame.setProperty("card", True)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 14)
    layout.addWidget(_label(title, "subheading"))
    layout.addWidget(body, 1, Qt.AlignmentFlag.AlignTop)
    return frame


class FeedbackView(QWidget):
    """Her answer | the model answer; then what she got and missed; then the grade buttons."""

    def __init__(self, on_grade: Callable[[int], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillsFeedback")
        self.yours = _label()
        self.model = _label()
        self.yours.setObjectName("drillsYourAnswer")
        self.model.setObjectName("drillsModelAnswer")
        side = QHBoxLayout()
        side.setSpacing(12)
        side.addWidget(_card("Your answer", self.yours), 1)
        side.addWidget(_card("Model answer", self.model), 1)

        self.summary = _label()
        self.summary.setObjectName("drillsSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.moves = QGridLayout()
        self.moves.setHorizontalSpacing(12)
        self.moves.setVerticalSpacing(6)
        self.moves.setColumnStretch(2, 1)
        self.move_rows: list[tuple[str, bool, str]] = []  # (step, got, words): what is shown
        self.timing = _label(role="muted")
        checks = QFrame()
        checks.setProperty("card", True)
        inner = QVBoxLayout(checks)
        inner.setContentsMargins(16, 12, 16, 14)
        inner.addWidget(self.summary)
        inner.addLayout(self.moves)
        inner.addWidget(self.timing)

        self.question = _label("How did your answer do? Your grade says when this card comes back.")
        self.grade_buttons: dict[int, QPushButton] = {}
        row = QHBoxLayout()
        row.addWidget(self.question, 1)
        for grade in GRADES:
            button = QPushButton()
            button.setObjectName(f"drillsGrade{grade.value}")
            button.clicked.connect(lambda _=False, g=grade.value: on_grade(g))
            self.grade_buttons[grade.value] = button
            row.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(side, 1)
        layout.addWidget(checks)
        layout.addLayout(row)

    def show_feedback(
        self,
        answer: str,
        model_answer: str,
        pattern: str,
        result: Feedback,
        back_in: Callable[[int], timedelta],
    ) -> None:
        self.yours.setText(answer.strip() or "(nothing typed)")
        restyle(self.yours, "role", "" if answer.strip() else "muted")
        self.model.setText(model_answer)
        self.model.setToolTip(f"The pattern: {pattern}")
        self._show_moves(result)
        self.timing.setText(_timing(result))
        restyle(self.timing, "role", "warning" if result.slow else "muted")
        for grade in GRADES:
            button = self.grade_buttons[grade.value]
            button.setText(
                f"{grade.key}  {grade.label} · back in {span_words(back_in(grade.value))}"
            )
            suggested = grade.value == result.suggested
            button.setProperty("primary", suggested)
            button.setDefault(suggested)
            restyle(button, "primary", suggested)
        first = self.grade_buttons[result.suggested or GRADES[1].value]
        first.setFocus()

    def _show_moves(self, result: Feedback) -> None:
        while self.moves.count():
            item = self.moves.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.move_rows = []
        if not result.scored:
            self.summary.setText(
                "<b>No phrases to check this card against.</b> Compare your answer with the "
                "model one, then grade it yourself."
            )
            return
        made = len(result.got)
        total = made + len(result.missed)
        self.summary.setText(
            f"<b>You made {made} of the {total} LAER moves.</b> "
            + ("That settles it." if result.suggested == 5 else "Not settled yet.")
        )
        rows = [(m, True) for m in result.got] + [(m, False) for m in result.missed]
        rows.sort(key=lambda pair: list(STEP_NAMES).index(pair[0].step.value))
        for index, (move, got) in enumerate(rows):
            mark = _label(f"<b>{'✓' if got else '✗'}</b>", wrap=False)
            mark.setStyleSheet(f"color: {GOT if got else MISSED}; font-size: 13pt")
            name = _label(f"<b>{STEP_NAMES[move.step.value]}</b>", wrap=False)
            said = f" <i>(“{escape(move.phrase)}”)</i>" if got and move.phrase else ""
            words = "You " + move.words if got else "You did not " + move.words
            text = _label(escape(words) + said)
            self.moves.addWidget(mark, index, 0)
            self.moves.addWidget(name, index, 1)
            self.moves.addWidget(text, index, 2)
            self.move_rows.append((move.step.value, got, words))


def _timing(result: Feedback) -> str:
    seconds = round(result.seconds)
    if result.slow:
        return (
            f"You took {seconds} s: over {SLOW_SECONDS:g} s, so it counts as weak however "
            "right, and comes back sooner."
        )
    return f"You took {seconds} s (within {SLOW_SECONDS:g} s)."
