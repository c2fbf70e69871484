"""The Agreement terms page: edit the template, watch a sample agreement's terms follow.

The preview renders the text a moment after typing stops; Save refuses a
template that does not render and says why (the template's own message and
line), so a practice can never print an agreement with a broken terms section.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.settings import terms
from tcdesk.services.settings.terms import Block
from tcdesk.services.validation import FieldError
from tcdesk.ui.style import restyle

PREVIEW_DELAY_MS = 300
FILL_IN_NOTE = (
    "Words in double braces, like {{ total_fee | money }}, fill in each family's own "
    "figures when the agreement prints: keep them as they are. Your practice's figures "
    "(late fee, extra month of treatment, days before default, records transfer fee) "
    "are set on the Money rules page; the preview uses them."
)
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def blocks_html(blocks: tuple[Block, ...]) -> str:
    """The rendered terms as the simple HTML a QTextBrowser shows."""
    out: list[str] = []
    in_list = False
    for block in blocks:
        text = _BOLD.sub(r"<b>\1</b>", html.escape(block.text))
        if block.kind == "bullet":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{text}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        tag = {"heading": "h2", "subheading": "h3"}.get(block.kind, "p")
        out.append(f"<{tag}>{text}</{tag}>")
    if in_list:
        out.append("</ul>")
    return "".join(out)


class TermsPage(QWidget):
    changed = Signal()
    previewed = Signal()  # the preview shows the editor's current text (tests wait on it)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("termsEditor")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.preview = QTextBrowser()
        self.preview.setObjectName("termsPreview")
        self.preview.setAccessibleName("Terms preview")
        self.status = QLabel("")
        self.status.setObjectName("termsStatus")
        self.status.setWordWrap(True)
        self.source_label = QLabel("")
        self.source_label.setProperty("role", "muted")
        self.save_button = QPushButton("&Save the terms")
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton("Use the s&hipped terms")
        self.reset_button.clicked.connect(self.reset)
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self.editor.textChanged.connect(self._timer.start)

        editor_side = QWidget()
        left = QVBoxLayout(editor_side)
        left.setContentsMargins(0, 0, 0, 0)
        label = QLabel("&Terms and conditions, as every new agreement prints them")
        label.setBuddy(self.editor)
        left.addWidget(label)
        self.help = QLabel(FILL_IN_NOTE)
        self.help.setObjectName("termsHelp")
        self.help.setWordWrap(True)
        self.help.setProperty("role", "muted")
        left.addWidget(self.help)
        left.addWidget(self.editor, 1)
        preview_side = QWidget()
        right = QVBoxLayout(preview_side)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(QLabel("Preview: a sample agreement under your money rules"))
        right.addWidget(self.preview, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(editor_side)
        splitter.addWidget(preview_side)
        splitter.setSizes([520, 480])
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.source_label)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.load()

    def showEvent(self, event) -> None:
        """The money rules may have changed on their page: the preview shows them."""
        super().showEvent(event)
        self.update_preview()

    def load(self) -> None:
        self.editor.setPlainText(terms.terms_template(self.desk))
        self.source_label.setText(
            "The practice's own terms." if terms.uses_own_terms(self.desk) else "The shipped terms."
        )
        self._timer.stop()
        self.update_preview()

    def update_preview(self) -> None:
        preview = terms.preview_terms(self.desk, self.editor.toPlainText())
        if preview.ok:
            self.preview.setHtml(blocks_html(preview.blocks))
            self._say("The terms render for a sample agreement.")
        else:
            self._say(f"This template does not render: {preview.problem}", error=True)
        self.previewed.emit()

    def save(self) -> bool:
        self._timer.stop()
        try:
            terms.set_terms(self.desk, self.editor.toPlainText())
        except FieldError as error:
            self._say(f"Not saved: {error.message}", error=True)
            self.editor.setFocus()
            return False
        except UserError as error:  # "Only an admin can change the agreement's terms."
            self._say(str(error), error=True)
            return False
        self.load()
        self._say("Saved. New agreements print these terms; agreements already made keep theirs.")
        self.changed.emit()
        return True

    def reset(self) -> None:
        try:
            terms.reset_terms(self.desk)
        except UserError as error:
            self._say(str(error), error=True)
            return
        self.load()
        self._say("The shipped terms are back for new agreements.")
        self.changed.emit()

    def _say(self, message: str, *, error: bool = False) -> None:
        self.status.setText(message)
        restyle(self.status, "role", "error" if error else "muted")
