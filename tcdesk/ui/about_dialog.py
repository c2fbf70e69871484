"""Help > About tcdesk, from the desk and from the console: what support asks first.

Every line is selectable text, so a TC can copy it into an email; "Copy"
puts all of it on the clipboard at once.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tcdesk.services.about import about


class AboutDialog(QDialog):
    def __init__(self, store_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About tcdesk")
        self.facts = about(store_path)
        self.lines = [*self.facts.lines(), ("Qt", f"{qVersion()} (PySide6 {pyside_version})")]
        title = QLabel(f"tcdesk {escape(self.facts.version)}")
        title.setProperty("role", "heading")
        blurb = QLabel(
            "The treatment coordinator's desk for orthodontic consults. "
            "Everything stays in one file on this computer."
        )
        blurb.setWordWrap(True)
        self.details = QLabel(_table(self.lines))
        self.details.setObjectName("aboutDetails")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.details.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.details.setAccessibleName("About tcdesk: version, files and licence")
        self.copy_button = QPushButton("&Copy")
        self.copy_button.setObjectName("aboutCopy")
        self.copy_button.setToolTip("Copy these lines, e.g. to send to support")
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.close_button.setFocus()  # Enter or Esc closes; Tab reaches the text to select

    def text(self) -> str:
        """The plain lines, as copied."""
        return "\n".join(f"{label}: {value}" for label, value in self.lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.copy_button.setText("&Copied")


def _table(lines: list[tuple[str, str]]) -> str:
    rows = "".join(
        f"<tr><td style='color:#5E656C; padding-right:14px'>{escape(label)}</td>"
        f"<td>{escape(value)}</td></tr>"
        for label, value in lines
    )
    return f"<table cellspacing='2'>{rows}</table>"
