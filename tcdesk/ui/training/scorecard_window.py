"""The scorecard at the end of a practice consult: the score, the family's decision, each
part with its points and why, and what to do next time.

``show_scorecard_window(card, persona)`` has the calling shape of solo
practice's ``ShowScorecard`` (``parent`` and ``family_says`` are optional, as
in ``show_scorecard_message``, the plain fallback). The window is
not modal: the TC reads it beside the desk and closes it (Close, or Esc).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tcdesk.services.training.partner_sheet import DECISIONS
from tcdesk.services.training.persona_model import Persona
from tcdesk.services.training.scorecard import Scorecard
from tcdesk.ui.training.scorecard_parts import PartRow

ACCENT = "#1F6F8B"
REASONS = {  # why a family held back, as the TC reads it
    "cost": "the cost",
    "timing": "the timing",
    "insurance": "the insurance",
    "other_parent": "the other parent",
    "confidence": "not yet confident",
    "other_opinions": "other opinions",
    "wants_to_wait": "wants to wait",
    "other": "something else",
}


def decision_words(card: Scorecard) -> str:
    """ "Will think it over (the cost)": the decision and, when given, why."""
    decision = DECISIONS.get(card.decision, card.decision.replace("_", " ").capitalize())
    reason = card.decision_reason
    if not reason:
        return decision
    return f"{decision} ({REASONS.get(reason, reason.replace('_', ' '))})"


def score_words(card: Scorecard) -> str:
    minutes = f" · {card.minutes:g} minutes" if card.minutes else ""
    return f"{card.total:g} / 100{minutes}"


class ScorecardWindow(QDialog):
    """A calm, scrolling scorecard; ``rows`` are the parts in the scorecard's order."""

    def __init__(
        self,
        card: Scorecard,
        persona: Persona,
        parent: QWidget | None = None,
        family_says: str = "",
        *,
        accent: str = ACCENT,
    ) -> None:
        super().__init__(parent)
        self.card = card
        self.persona = persona
        self.setObjectName("scorecardWindow")
        self.setWindowTitle(f"Practice consult: your scorecard ({persona.title})")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.title = QLabel(escape(persona.title))
        self.title.setObjectName("scorecardTitle")
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        self.score = QLabel(score_words(card))
        self.score.setObjectName("scorecardTotal")
        self.score.setStyleSheet(f"font-size: 22pt; font-weight: 700; color: {accent};")
        self.score.setAccessibleName(f"Score {card.total:g} of 100")
        self.decision = QLabel(f"<b>The family's decision:</b> {escape(decision_words(card))}")
        self.decision.setObjectName("scorecardDecision")
        self.decision.setWordWrap(True)
        who = persona.pays or persona.patient.name
        self.family_says = QLabel(f"<i>{escape(who)}: “{escape(family_says)}”</i>")
        self.family_says.setObjectName("scorecardFamilySays")
        self.family_says.setWordWrap(True)
        self.family_says.setProperty("role", "muted")
        self.family_says.setVisible(bool(family_says))
        self.rows = [PartRow(score, accent) for score in card.parts]
        self.notes = self._notes(card)
        body = QWidget()
        body.setObjectName("scorecardBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(8)
        column.addWidget(self.notes)  # what to do next time first: it is what a TC keeps
        parts_heading = QLabel("Part by part")
        parts_heading.setProperty("role", "subheading")
        column.addWidget(parts_heading)
        for row in self.rows:
            column.addWidget(row)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setProperty("primary", True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.score)
        layout.addWidget(self.decision)
        layout.addWidget(self.family_says)
        layout.addSpacing(6)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(760, 860)

    def _notes(self, card: Scorecard) -> QFrame:
        frame = QFrame()
        frame.setObjectName("scorecardNotes")
        frame.setProperty("card", True)
        lines = QVBoxLayout(frame)
        lines.setContentsMargins(14, 10, 14, 12)
        heading = QLabel("Next time")
        heading.setProperty("role", "subheading")
        lines.addWidget(heading)
        self.note_labels = [QLabel(f"•&nbsp; {escape(_capital(note))}") for note in card.notes]
        for label in self.note_labels:
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            lines.addWidget(label)
        frame.setVisible(bool(card.notes))
        return frame

    def row(self, part) -> PartRow:
        return next(r for r in self.rows if r.score.part is part)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def show_scorecard_window(
    card: Scorecard, persona: Persona, parent: QWidget | None = None, family_says: str = ""
) -> ScorecardWindow:
    """The scorecard, shown (not modal); the window is returned for its caller to keep."""
    window = ScorecardWindow(card, persona, parent, family_says)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
