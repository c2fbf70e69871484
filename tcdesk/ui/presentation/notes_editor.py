"""Private notes that save themselves within a second of the last keystroke.

Each save appends a revision (the store never overwrites a note), so nothing
typed is ever lost, even if the app is killed mid-sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QListWidget, QPlainTextEdit, QVBoxLayout, QWidget

AUTOSAVE_MS = 700


class NotesEditor(QWidget):
    def __init__(self, on_save: Callable[[str], str]) -> None:
        """``on_save(text)`` stores a revision and returns a short "saved at" label."""
        super().__init__()
        self._on_save = on_save
        self._saved_text = ""
        self.earlier = QListWidget()
        self.earlier.setObjectName("earlierNotes")
        self.earlier.setMaximumHeight(110)
        self.earlier.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("notesEditor")
        self.editor.setPlaceholderText("Private notes: only you see these. They save as you type.")
        self.status = QLabel("")
        self.status.setObjectName("notesStatus")
        self.status.setProperty("role", "muted")
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self.editor.textChanged.connect(self._typed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.earlier)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.status)

    def set_earlier(self, notes: list[str]) -> None:
        self.earlier.clear()
        self.earlier.addItems(notes)
        self.earlier.setVisible(bool(notes))

    def set_text(self, text: str) -> None:
        """Restore text (e.g. on resume) without treating it as new typing."""
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)
        self._saved_text = text

    def text(self) -> str:
        return self.editor.toPlainText()

    def dirty(self) -> bool:
        return self.text() != self._saved_text

    def _typed(self) -> None:
        self.status.setText("Saving…")
        self._timer.start()

    def flush(self) -> None:
        """Save now if anything changed (also called when the consult ends)."""
        self._timer.stop()
        text = self.text()
        if text == self._saved_text:
            return
        self.status.setText(self._on_save(text))
        self._saved_text = text
