"""The user guide inside tcdesk: the same docs/guide.md, with its pictures, on any computer.

A Markdown file opened "in the program this computer uses" is raw text on most
Windows PCs, or nothing at all; Qt reads Markdown itself, so the guide reads the
same everywhere, offline.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from tcdesk.ui.window_memory import remember


class GuideWindow(QDialog):
    def __init__(self, guide: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setWindowTitle("tcdesk user guide")
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setAccessibleName("The user guide")
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(guide.parent)])
        self.browser.setSource(
            QUrl.fromLocalFile(str(guide)), QTextDocument.ResourceType.MarkdownResource
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(980, 820)
        remember(self)
        fit_pictures(self.browser.document(), IMAGE_WIDTH)


IMAGE_WIDTH = 880  # the screenshots are taken at full size; the guide shows them whole


def fit_pictures(document: QTextDocument, width: int) -> None:
    """Shrink every picture wider than ``width`` (keeping its shape) so none needs scrolling."""
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            image = fragment.charFormat().toImageFormat()
            if image.isValid():
                picture = document.resource(
                    QTextDocument.ResourceType.ImageResource, QUrl(image.name())
                )
                size = picture.size() if picture is not None else None
                if size is not None and size.width() > width:
                    image.setWidth(width)
                    image.setHeight(size.height() * width / size.width())
                    cursor = QTextCursor(document)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                    )
                    cursor.setCharFormat(image)
            it += 1
        block = block.next()
