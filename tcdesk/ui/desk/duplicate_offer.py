""" "Already here?": the family that may already be on file, with a way to open it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from tcdesk.services.duplicates import PossibleDuplicate


def describe(match: PossibleDuplicate) -> str:
    return escape(match.described)


class DuplicateOffer(QFrame):
    """Hidden until a match is found; ``open_requested`` carries the existing patient's id."""

    open_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("duplicateOffer")
        self.setStyleSheet(
            "#duplicateOffer { background: #FFF6E0; border: 1px solid #E3B955;"
            " border-radius: 8px; }"
        )
        self.text = QLabel("")
        self.text.setObjectName("duplicateText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.open_button = QPushButton("&Open this family")
        self.open_button.setObjectName("openExistingFamily")
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self._open)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        self.matches: list[PossibleDuplicate] = []
        self.hide()

    def show_matches(self, matches: list[PossibleDuplicate]) -> None:
        self.matches = matches
        if not matches:
            self.hide()
            return
        first = matches[0]
        more = (
            f" <span style='color:#5E656C'>(and {len(matches) - 1} more)</span>"
            if len(matches) > 1
            else ""
        )
        why = escape(first.why)
        self.text.setText(
            f"<b>Already here?</b> {why[:1].upper() + why[1:]}: {describe(first)}{more}"
        )
        self.show()

    def _open(self) -> None:
        if self.matches:
            self.open_requested.emit(self.matches[0].patient.id)
