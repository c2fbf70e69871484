"""The first window for an encrypted practice file: its passphrase, before anything else.

Nothing of the practice can be read without it, so this comes before the
sign-in. A wrong passphrase is said in place and the window stays for another
try; nothing is written to the file. Esc or closing leaves tcdesk.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tcdesk.ui.main_screen import on_main_screen
from tcdesk.ui.style import staff_stylesheet

DEFAULT_BRAND = "#1F6F8B"  # the practice's own colour is inside the file it unlocks
WRONG = "That passphrase does not open this practice file. Check it (capitals count) and try again."


class PassphraseDialog(QDialog):
    """Asks for the passphrase of ``path``; ``passphrase`` holds what was typed once accepted."""

    def __init__(self, path: Path, *, wrong: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle("Encrypted practice file — tcdesk")
        self.passphrase = ""
        heading = QLabel("This practice file is encrypted")
        heading.setProperty("role", "heading")
        intro = QLabel(f"Type the practice's passphrase to open {Path(path).name}.")
        intro.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setObjectName("passphrase")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName("Passphrase")
        self.error_label = QLabel(WRONG if wrong else "")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(wrong)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Open")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Quit")
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        for widget in (heading, intro, self.edit, self.error_label, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(520)
        self.adjustSize()

    def _try_accept(self) -> None:
        if not self.edit.text():
            self.error_label.setText("Type the passphrase first.")
            self.error_label.setVisible(True)
            self.edit.setFocus()
            return
        self.passphrase = self.edit.text()
        self.accept()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.edit.setFocus()


def ask_passphrase(path: Path, wrong: bool) -> str | None:
    """The passphrase typed for ``path`` (None: the person chose to quit)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and not app.styleSheet():  # the desk's look, first thing
        app.setStyleSheet(staff_stylesheet(DEFAULT_BRAND))
    dialog = PassphraseDialog(path, wrong=wrong)
    if on_main_screen(dialog).exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase
