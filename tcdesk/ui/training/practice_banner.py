"""The PRACTICE tag at the top of the console in a practice consult.

A TC who glances at the console must never wonder whether this is a real
family: the tag says it is practice and that tcdesk plays the family; its
tooltip names the persona and that nothing reaches the practice's patients.
It sits beside the name and the timer, so the sections lose no height.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

BANNER_QSS = (
    "QLabel#practiceBanner { background: #FCEFD9; color: #5C3A00; border: 2px solid #D9A441;"
    " border-radius: 6px; padding: 4px 12px; font-size: 12pt; }"
)


class PracticeBanner(QLabel):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("practiceBanner")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setText("<b>PRACTICE</b> &nbsp;·&nbsp; tcdesk plays the family")
        self.setToolTip(
            f"A practice consult: {title}. It runs on the training file; "
            "nothing here reaches the practice's patients."
        )
        self.setStyleSheet(BANNER_QSS)
        self.setAccessibleName(f"Practice consult: {title}")
