"""The calm window shown when the practice file can't be opened.

It says in one sentence what is wrong with the file (damaged, another
program's database, made by a newer tcdesk, read-only...), that nothing was
changed in it, and what can be done: open the newest good backup when one
exists, open another practice file, or quit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tcdesk.services.practice_file import StoreFileError, StoreProblem
from tcdesk.ui.main_screen import on_main_screen

TITLES = {
    StoreProblem.DAMAGED: "This practice file is damaged",
    StoreProblem.FOREIGN: "This is not a tcdesk practice file",
    StoreProblem.NOT_SQLITE: "This is not a tcdesk practice file",
    StoreProblem.NEWER: "This practice file needs a newer tcdesk",
    StoreProblem.READ_ONLY_FILE: "tcdesk can't save to this practice file",
    StoreProblem.READ_ONLY_FOLDER: "tcdesk can't save to this practice file",
}
UNCHANGED = "tcdesk has not changed anything in it."


class StoreChoice(Enum):
    BACKUP = "backup"
    OTHER_FILE = "other_file"
    QUIT = "quit"


@dataclass(frozen=True)
class BackupOffer:
    """The newest good backup, as the backups service describes it, and how to use it.

    ``use`` puts the backup in place (or copies it out) and returns the file to open.
    """

    description: str  # e.g. "from Tuesday 1 December 2026 at 08:00 (2.1 MB)"
    use: Callable[[], Path]


class StoreProblemDialog(QDialog):
    """Explains one refused file; ``choice`` says what the person picked."""

    def __init__(
        self,
        error: StoreFileError,
        offer: BackupOffer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("storeProblem")
        self.setWindowTitle("tcdesk")
        self.choice = StoreChoice.QUIT
        heading = QLabel(TITLES.get(error.problem, "tcdesk can't open this practice file"))
        heading.setProperty("role", "heading")
        heading.setObjectName("storeProblemHeading")
        reason = QLabel(f"{error} {UNCHANGED}")
        reason.setObjectName("storeProblemReason")
        reason.setWordWrap(True)
        reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(reason)
        if offer is not None:
            backup = QLabel(
                f"The newest good backup is {offer.description}. Opening it puts it in "
                "place of this file and keeps this file beside it (named …damaged-…), "
                "so nothing is thrown away; what was typed after the backup is not in it."
            )
            backup.setObjectName("storeProblemBackup")
            backup.setWordWrap(True)
            layout.addWidget(backup)
        elif error.backup_may_help:
            none = QLabel(
                "No backup of this file was found on this computer, so it can't be opened "
                "from one here; open another practice file, or ask for help."
            )
            none.setObjectName("storeProblemNoBackup")
            none.setWordWrap(True)
            layout.addWidget(none)
        layout.addSpacing(12)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.backup_button: QPushButton | None = None
        if offer is not None:
            self.backup_button = self._button("Open the newest &backup", StoreChoice.BACKUP)
            self.backup_button.setObjectName("openBackup")
            buttons.addWidget(self.backup_button)
        self.other_button = self._button("&Open another practice file…", StoreChoice.OTHER_FILE)
        self.other_button.setObjectName("openOtherFile")
        self.quit_button = self._button("&Quit", StoreChoice.QUIT)
        self.quit_button.setObjectName("quitTcdesk")
        buttons.addWidget(self.other_button)
        buttons.addWidget(self.quit_button)
        layout.addLayout(buttons)
        self._first = self.backup_button or self.other_button
        self._first.setDefault(True)
        self._first.setProperty("primary", True)
        layout.setSpacing(10)
        layout.setContentsMargins(24, 20, 24, 20)
        self.setMinimumWidth(640)
        self.resize(640, layout.totalHeightForWidth(640))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.ensurePolished()
        needed = self.layout().totalHeightForWidth(self.width())
        if needed > self.height():  # wrapped text is never cut off, whatever the font
            self.resize(self.width(), needed)
        self._first.setFocus()

    def _button(self, text: str, choice: StoreChoice) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(True)
        button.setProperty("choice", choice.value)
        button.clicked.connect(self._clicked)  # a bound method: no cycle keeps the window alive
        return button

    def _clicked(self) -> None:
        self.choice = StoreChoice(self.sender().property("choice"))
        self.accept()

    def reject(self) -> None:  # Esc and the window's close button: quit
        self.choice = StoreChoice.QUIT
        super().reject()


def ask_about_store(error: StoreFileError, offer: BackupOffer | None) -> StoreChoice:
    dialog = StoreProblemDialog(error, offer)
    on_main_screen(dialog).exec()
    dialog.deleteLater()
    return dialog.choice
