"""The set-up form's offer to encrypt the new practice file (recommended for laptops)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from tcdesk.services.practice_file import MIN_PASSPHRASE, PassphraseProblem, check_new_passphrase


class PassphraseFields(QWidget):
    """A tick box and the passphrase typed twice; ``chosen()`` checks them at the field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.encrypt = QCheckBox("&Encrypt this practice file with a passphrase")
        self.encrypt.setObjectName("encrypt")
        hint = QLabel(
            "Recommended for laptops that leave the office. tcdesk asks for the passphrase "
            "each time it opens; without it nobody, tcdesk included, can read the file or its "
            "backups, so keep it somewhere safe."
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "muted")
        self.first = QLineEdit()
        self.first.setObjectName("passphrase")
        self.again = QLineEdit()
        self.again.setObjectName("passphraseAgain")
        for edit in (self.first, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setPlaceholderText(f"at least {MIN_PASSPHRASE} characters; a few words")
        form = QFormLayout()
        form.setContentsMargins(24, 0, 0, 0)
        form.addRow("Passphrase", self.first)
        form.addRow("The same again", self.again)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.encrypt)
        layout.addWidget(hint)
        layout.addLayout(form)
        self.encrypt.toggled.connect(self._enable)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        for edit in (self.first, self.again):
            edit.setEnabled(on)
        if on:
            self.first.setFocus()

    def chosen(self) -> str | None:
        """The passphrase to encrypt with (None: not encrypted); PassphraseProblem if unfit."""
        if not self.encrypt.isChecked():
            return None
        check_new_passphrase(self.first.text())
        if self.again.text() != self.first.text():
            raise PassphraseProblem("The two passphrases are not the same; type them again.")
        return self.first.text()

    def field_for(self, problem: PassphraseProblem) -> QLineEdit:
        return self.again if "not the same" in str(problem) else self.first
