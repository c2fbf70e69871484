"""The console's "The family says" panel in a solo practice consult.

tcdesk plays the family: their lines come here as they are said (who says
it, then the words), with the TC's own answers between them, like a
transcript. Below it the TC types what they would say: an answer to the
line waiting (Ctrl+Enter sends it), a question about the family's concern,
or the ask for a same-day start. What the panel is told to do goes to the
injected callbacks (the coach); a refusal ("the family is not waiting for an
answer") is said under the box and nothing is sent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tcdesk.errors import UserError
from tcdesk.services.training.session_events import FamilyLine
from tcdesk.services.training.solo_coach import Said

Say = Callable[[str], Sequence[FamilyLine]]
SEND_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # with Ctrl
FAMILY_COLOUR = "#1F4E5F"
YOU_COLOUR = "#5E656C"


class AnswerBox(QPlainTextEdit):
    """A few lines of text; Ctrl+Enter sends them (a plain Enter starts a new line)."""

    send = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in SEND_KEYS:
            self.send.emit()
            return
        super().keyPressEvent(event)


class FamilyPanel(QGroupBox):
    """The family's lines and the TC's replies; ``answer``, ``ask`` and ``ask_start``
    are called with the typed words and return what the family says back."""

    def __init__(
        self, *, answer: Say, ask: Say, ask_start: Say, parent: QWidget | None = None
    ) -> None:
        super().__init__("The family says", parent)
        self.setObjectName("familyPanel")
        self._answer, self._ask, self._ask_start = answer, ask, ask_start
        self._build()
        self._arrange()
        self._connect()
        self.set_waiting(None)

    def _build(self) -> None:
        self.transcript = QTextBrowser()
        self.transcript.setObjectName("familyTranscript")
        self.transcript.setOpenLinks(False)
        self.transcript.setMinimumHeight(88)
        self.transcript.setPlaceholderText("The family's lines appear here as they speak.")
        self.waiting_label = QLabel("")
        self.waiting_label.setObjectName("familyWaiting")
        self.waiting_label.setWordWrap(True)
        self.waiting_label.setTextFormat(Qt.TextFormat.PlainText)
        self.answer_box = AnswerBox()
        self.answer_box.setObjectName("familyAnswer")
        self.answer_box.setPlaceholderText("Type what you would say to them (Ctrl+Enter sends)")
        self.answer_box.setTabChangesFocus(True)
        self.answer_box.setFixedHeight(56)
        self.answer_box.setAccessibleName("Your answer to the family")
        self.send_button = QPushButton("Answer")
        self.send_button.setObjectName("familySend")
        self.send_button.setProperty("primary", True)
        self.send_button.setToolTip("Say it to the family (Ctrl+Enter)")
        self.question = QLineEdit()
        self.question.setObjectName("familyQuestion")
        self.question.setPlaceholderText("Ask about their concern, e.g. what worries you most?")
        self.question.setAccessibleName("Your question about the family's concern")
        self.ask_button = QPushButton("Ask")
        self.ask_button.setObjectName("familyAsk")
        self.ask_button.setToolTip("Ask the family this question (Enter)")
        self.start_button = QPushButton("Ask for a start today")
        self.start_button.setObjectName("familyAskStart")
        self.start_button.setToolTip(
            "Ask for a same-day start; your typed answer is used as the words, if any"
        )
        self.message = QLabel("")
        self.message.setObjectName("familyMessage")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)

    def _arrange(self) -> None:
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.answer_box, 1)
        answer_row.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignTop)
        ask_row = QHBoxLayout()
        ask_row.addWidget(self.question, 1)
        ask_row.addWidget(self.ask_button)
        ask_row.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.transcript, 1)
        layout.addWidget(self.waiting_label)
        layout.addLayout(answer_row)
        layout.addLayout(ask_row)
        layout.addWidget(self.message)

    def _connect(self) -> None:
        self.send_button.clicked.connect(self.send_answer)
        self.answer_box.send.connect(self.send_answer)
        self.ask_button.clicked.connect(self.send_question)
        self.question.returnPressed.connect(self.send_question)
        self.start_button.clicked.connect(self.send_ask_start)

    # -- what the family says -----------------------------------------------------------

    def show_transcript(self, entries: Sequence[Said]) -> None:
        """The consult so far: the family's lines (who, then the words) and the TC's
        replies indented under them, newest last and kept in view."""
        html = "".join(_entry_html(entry) for entry in entries)
        self.transcript.setHtml(html)
        self.transcript.moveCursor(QTextCursor.MoveOperation.End)
        self.transcript.ensureCursorVisible()

    def set_waiting(self, line: FamilyLine | None) -> None:
        """The line the next answer goes to (None: nothing to answer now)."""
        if line is None:
            self.waiting_label.setText("Nothing waits for an answer: keep presenting.")
            self.waiting_label.setProperty("role", "muted")
        else:
            self.waiting_label.setText(f"Answer {line.speaker}: “{line.text}”")
            self.waiting_label.setProperty("role", "warning")
        self.waiting_label.style().polish(self.waiting_label)
        self.send_button.setEnabled(line is not None)

    # -- what the TC says ----------------------------------------------------------------

    def send_answer(self) -> bool:
        return self._send(self._answer, self.answer_box.toPlainText(), self.answer_box.clear)

    def send_question(self) -> bool:
        return self._send(self._ask, self.question.text(), self.question.clear)

    def send_ask_start(self) -> bool:
        typed = self.answer_box.toPlainText()
        return self._send(self._ask_start, typed, self.answer_box.clear, allow_empty=True)

    def _send(
        self, say: Say, text: str, clear: Callable[[], None], *, allow_empty: bool = False
    ) -> bool:
        """Say ``text`` (the transcript follows through the coach). A refusal is said
        under the box, and what was typed stays there."""
        words = text.strip()
        if not words and not allow_empty:
            self.message.setText("Type what you would say first.")
            return False
        try:
            say(words)
        except UserError as refusal:
            self.message.setText(str(refusal))
            return False
        self.message.setText("")
        clear()
        return True

    def transcript_text(self) -> str:
        return self.transcript.toPlainText()


def _entry_html(entry: Said) -> str:
    if entry.by_tc:
        return (
            f"<p style='margin:2px 0 8px 20px; color:{YOU_COLOUR}'>"
            f"<i>You: {escape(entry.text)}</i></p>"
        )
    return (
        f"<p style='margin:6px 0 2px 0'><b style='color:{FAMILY_COLOUR}'>"
        f"{escape(entry.speaker)}:</b> {escape(entry.text)}</p>"
    )
