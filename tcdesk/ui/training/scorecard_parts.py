"""One scorecard part as the TC reads it: its name, points out of its weight as a bar,
what was good and what was missed, in the scorecard's own words."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QWidget

from tcdesk.services.training.scorecard import LABELS, PartScore

TRACK = QColor("#E3E6E9")
GOOD_MARK = "✓"
MISSED_MARK = "→"


class PointsBar(QWidget):
    """A calm horizontal bar: the share of the part's weight scored (the words say it too)."""

    def __init__(self, points: float, out_of: int, accent: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.points = points
        self.out_of = out_of
        self._accent = QColor(accent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(f"{points:g} of {out_of} points")

    @property
    def fraction(self) -> float:
        return max(0.0, min(self.points / self.out_of, 1.0)) if self.out_of else 0.0

    def sizeHint(self) -> QSize:
        return QSize(220, 14)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        rect = QRectF(self.rect()).adjusted(0, 2, 0, -2)
        radius = rect.height() / 2
        painter.setBrush(TRACK)
        painter.drawRoundedRect(rect, radius, radius)
        if self.fraction > 0:
            filled = QRectF(
                rect.left(), rect.top(), max(rect.width() * self.fraction, 4), rect.height()
            )
            painter.setBrush(self._accent)
            painter.drawRoundedRect(filled, radius, radius)
        painter.end()


def explanation_html(score: PartScore) -> str:
    """The part's lines: what was good (✓), then what was missed (→), one row each, a
    long line wrapping under its own words rather than under the mark."""
    rows = [(GOOD_MARK, "#2E6B3A", text) for text in score.good]
    rows += [(MISSED_MARK, "#8A5A00", text) for text in score.to_improve]
    cells = "".join(
        f"<tr><td width='22' style='color:{colour}'>{mark}</td>"
        f"<td>{escape(_sentence(text))}</td></tr>"
        for mark, colour, text in rows
    )
    return f"<table cellspacing='0' cellpadding='1'>{cells}</table>"


def _sentence(text: str) -> str:
    """The scorecard keeps its lines lower-case ("you asked ..."): start each with a capital."""
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


class PartRow(QFrame):
    """A part on a white card: label and "8 / 10" over the bar, then its explanation."""

    def __init__(self, score: PartScore, accent: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.score = score
        self.setObjectName(f"scorecardPart_{score.part.value}")
        self.setProperty("card", True)
        self.label = QLabel(f"<b>{escape(LABELS[score.part])}</b>")
        self.points = QLabel(f"<b>{score.points:g}</b> / {score.out_of}")
        self.points.setObjectName("partPoints")
        self.points.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.points.setMinimumWidth(64)
        self.bar = PointsBar(score.points, score.out_of, accent)
        self.explanation = QLabel(explanation_html(score))
        self.explanation.setObjectName("partExplanation")
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setWordWrap(True)
        self.explanation.setVisible(bool(score.good or score.to_improve))
        grid = QGridLayout(self)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.label, 0, 0)
        grid.addWidget(self.bar, 0, 1)
        grid.addWidget(self.points, 0, 2)
        grid.addWidget(self.explanation, 1, 0, 1, 3)
        grid.setColumnMinimumWidth(0, 230)
        grid.setColumnStretch(1, 1)

    def lines(self) -> list[str]:
        """The explanation as plain lines (what a test or a screen reader reads)."""
        return [_sentence(t) for t in (*self.score.good, *self.score.to_improve)]
