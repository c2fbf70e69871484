"""The trainer's reading of the family (``PartnerBrief``): who they are and what to raise when.

Read-only and calm: the trainer glances at it while playing the family, so
each objection shows its moment first, then the line to say, then what
settles it.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from tcdesk.services.training.partner_brief import BriefObjection, PartnerBrief


def _label(text: str, role: str = "", *, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label


def _card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("card", True)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 10, 12, 10)
    layout.setSpacing(4)
    return frame, layout


class PartnerBriefView(QWidget):
    """The persona for the trainer: the family, the hidden concern, the objections, the decision."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 12, 4)
        self._layout.setSpacing(8)
        self.objection_cards: list[QFrame] = []

    def show_brief(self, brief: PartnerBrief) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()  # gone now, not at the next turn of the event loop
                widget.setParent(None)
                widget.deleteLater()
        self.objection_cards = []
        title = _label(brief.title, "heading")
        self._layout.addWidget(title)
        if brief.notes:
            self._layout.addWidget(_label(f"How to play them: {brief.notes}", "muted"))
        self._layout.addWidget(_label("The family", "subheading"))
        self._layout.addWidget(self._facts(brief.facts))
        self._layout.addWidget(_label("What they say only when asked", "subheading"))
        hidden, hidden_layout = _card()
        hidden_layout.addWidget(self._facts(brief.hidden))
        self._layout.addWidget(hidden)
        self._layout.addWidget(_label("Objections to raise, in order", "subheading"))
        for number, objection in enumerate(brief.objections, start=1):
            card = self._objection(number, objection)
            self.objection_cards.append(card)
            self._layout.addWidget(card)
        self._layout.addWidget(_label("How they decide", "subheading"))
        for line in brief.decides:
            self._layout.addWidget(_label(f"• {line}"))
        self._layout.addStretch(1)

    def _facts(self, rows: tuple[tuple[str, str], ...]) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(3)
        for name, value in rows:
            form.addRow(_label(name, "muted"), _label(value))
        return box

    def _objection(self, number: int, objection: BriefObjection) -> QFrame:
        frame, layout = _card()
        frame.setObjectName(f"objection-{objection.key}")
        head = (
            f"<b>{number}. {escape(objection.moment, quote=False)}</b>"
            f" <span style='color:#5E656C'>· {escape(objection.kind, quote=False)}</span>"
        )
        layout.addWidget(_label(head, rich=True))
        speaker, line = escape(objection.speaker, quote=False), escape(objection.line, quote=False)
        said = f"<b>{speaker}:</b> “{line}”"
        layout.addWidget(_label(said, rich=True))
        layout.addWidget(_label(objection.settles_text, "muted"))
        layout.addWidget(_label(objection.laer_text, "muted"))
        if objection.settled_line:
            layout.addWidget(_label(f"Once settled, say: “{objection.settled_line}”", "muted"))
        if objection.follow_up:
            layout.addWidget(_label(objection.follow_up + ".", "muted"))
        return frame
