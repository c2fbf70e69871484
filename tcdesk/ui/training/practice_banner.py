"""The PRACTICE line across the top of the console in a practice consult.

A TC who glances at the console must never wonder whether this is a real
family: the banner says it is a practice consult, with whom, and that
nothing in it reaches the practice's patients.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

BANNER_QSS = (
    "QLabel#practiceBanner { background: #FCEFD9; color: #5C3A00; border: 2px solid #D9A441;"
    " border-radius: 6px; padding: 6px 12px; font-size: 13pt; }"
)


class PracticeBanner(QLabel):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("practiceBanner")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setText(
            f"PRACTICE  ·  {title}  ·  tcdesk plays the family; "
            "nothing here reaches the practice's patients."
        )
        self.setStyleSheet(BANNER_QSS)
        self.setAccessibleName(f"Practice consult: {title}")
