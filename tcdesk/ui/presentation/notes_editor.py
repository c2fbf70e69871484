"""Private notes that save themselves within a second of any keystroke.

A pause in typing saves after ``DEBOUNCE_MS``; typing that never pauses is
still saved at least every ``MAX_WAIT_MS`` (under a second), so a kill loses at
most the last second of typing. Each save appends a revision (the store never
overwrites a note).

A save that fails keeps the text here, says why under the notes in a TC's words
("Not saved: the disk is full") and is tried again by itself (``Retry``) until
it works, then says "Saved 10:42". The console's other saves (step, ticks)
report their failures on the same line (``show_problem`` / ``show_saved``), so
there is one place to look.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QListWidget, QPlainTextEdit, QVBoxLayout, QWidget

from tcdesk.errors import UserError
from tcdesk.ui.presentation.save_retry import Retry
from tcdesk.ui.style import restyle

DEBOUNCE_MS = 600  # after the last key
MAX_WAIT_MS = 800  # after the first key not yet saved, however fast the typing goes on

NOT_SAVED_STYLE = (
    "QLabel#notesStatus[role='warning'] { background:#FFF4D6; border:1px solid #E2B85C;"
    " border-radius:4px; padding:4px 6px; }"
)


class NotesEditor(QWidget):
    def __init__(self, on_save: Callable[[str], str]) -> None:
        """``on_save(text)`` stores a revision and returns a short "saved at" label;
        it raises a ``UserError`` (``NotSaved``) whose text says why it could not."""
        super().__init__()
        self._on_save = on_save
        self._saved_text = ""
        self._saved_label = ""
        self._problems: dict[str, str] = {}  # what failed ("note", "state") -> why
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
        self.status.setWordWrap(True)
        self.status.setStyleSheet(NOT_SAVED_STYLE)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.flush)
        self._max_wait = QTimer(self, singleShot=True, interval=MAX_WAIT_MS)
        self._max_wait.timeout.connect(self.flush)
        self.retry = Retry(self._save_once, self)
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
        self.editor.moveCursor(QTextCursor.MoveOperation.End)  # go on where the note ends
        self._saved_text = text

    def text(self) -> str:
        return self.editor.toPlainText()

    def dirty(self) -> bool:
        return self.text() != self._saved_text

    def _typed(self) -> None:
        if self.retry.pending:
            return  # the retry saves the latest text; the line already says why
        if not self._problems:
            self._show("Saving…", problem=False)
        self._debounce.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def flush(self) -> bool:
        """Save now if anything changed (also called when the consult ends).

        True when everything typed is stored; False when the save failed (the
        text stays, the line says why, and a retry is on its way).
        """
        return self.retry.run()

    def _save_once(self) -> bool:
        self._debounce.stop()
        self._max_wait.stop()
        text = self.text()
        if text == self._saved_text:
            self.show_saved("note")
            return True
        try:
            label = self._on_save(text)
        except UserError as problem:
            self.show_problem("note", str(problem))
            return False
        self._saved_text = text
        self.show_saved("note", label)
        return True

    def stop(self) -> None:
        """No more saving: the consult's windows are down."""
        for timer in (self._debounce, self._max_wait):
            timer.stop()
        self.retry.stop()

    # -- the one status line for every save of the console ------------------------------

    def show_problem(self, source: str, reason: str) -> None:
        """``source`` ("note", "state") could not be saved: say why under the notes."""
        self._problems[source] = reason
        self._refresh_status()

    def show_saved(self, source: str, label: str = "") -> None:
        """``source`` is stored; ``label`` ("Saved 10:42") replaces the last one when given."""
        self._problems.pop(source, None)
        if label:
            self._saved_label = label
        self._refresh_status()

    def problem(self) -> str:
        """What the line says is not saved ("" when everything is)."""
        return next(iter(self._problems.values()), "")

    def _refresh_status(self) -> None:
        problem = self.problem()
        if problem:
            self._show(f"{problem}. Your notes are kept here; tcdesk keeps trying.", problem=True)
        else:
            self._show(self._saved_label, problem=False)

    def _show(self, text: str, *, problem: bool) -> None:
        self.status.setText(text)
        role = "warning" if problem else "muted"
        if self.status.property("role") != role:
            restyle(self.status, "role", role)
