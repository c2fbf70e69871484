"""Quit while a consult is open: end it, leave it to resume, or keep working.

Esc and Enter both keep working: the one answer that changes nothing is the
one a stray key gives. The note is already saved when this opens.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

END, LATER, KEEP = "end", "later", "keep"


class QuitWhilePresenting(QDialog):
    chosen = Signal(str)  # END, LATER or KEEP

    def __init__(self, patient_name: str, skipped: list[str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("quitWhilePresenting")
        self.setWindowTitle("Quit tcdesk?")
        self.setModal(True)
        self.heading = heading = QLabel(f"A consult with {patient_name} is open")
        heading.setObjectName("quitHeading")
        heading.setProperty("role", "subheading")
        body = QLabel(
            "Your notes are saved. End the consult to record how it went, or quit "
            "now and tcdesk offers to resume it, exactly where it is, when it next starts."
        )
        body.setWordWrap(True)
        self.skipped_label = QLabel(f"Not covered yet: {'; '.join(skipped)}." if skipped else "")
        self.skipped_label.setObjectName("quitSkipped")
        self.skipped_label.setProperty("role", "muted")
        self.skipped_label.setWordWrap(True)
        self.skipped_label.setVisible(bool(skipped))
        self.end_button = QPushButton("&End the consult…")
        self.end_button.setObjectName("quitEndConsult")
        self.later_button = QPushButton("&Quit and resume later")
        self.later_button.setObjectName("quitResumeLater")
        self.keep_button = QPushButton("&Keep working")
        self.keep_button.setObjectName("quitKeepWorking")
        self.keep_button.setProperty("primary", True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.end_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.end_button, self.later_button):
            button.setAutoDefault(False)
        self.keep_button.setDefault(True)  # after the box: it picks its own default otherwise
        self.end_button.clicked.connect(lambda: self._answer(END))
        self.later_button.clicked.connect(lambda: self._answer(LATER))
        self.keep_button.clicked.connect(self.reject)
        self.rejected.connect(lambda: self.chosen.emit(KEEP))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addWidget(self.skipped_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(540)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.keep_button.setDefault(True)
        self.keep_button.setFocus()

    def _answer(self, choice: str) -> None:
        self.done(QDialog.DialogCode.Accepted)
        self.chosen.emit(choice)
