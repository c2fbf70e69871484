"""What a screen reader says for each control, and the order Tab visits them.

Qt speaks a button's text, a list's label when the label is its sibling, and a
group box's title; it says nothing for a text box whose label sits one layout
further out (every form here wraps a field with its error line), nor for a
table, a scroll area or a combo box without a label. ``name_controls`` fills
those gaps from the label the eye reads (``QLabel.setBuddy``), and only those:
a name set by hand, or one Qt already reads, is left as it is, so a button
whose text changes is still read as it reads now.
"""

from __future__ import annotations

import re
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

_TAGS = re.compile(r"<[^>]+>")


def spoken_name(widget: QWidget) -> str:
    """The name Qt gives assistive technology for ``widget`` (what a screen reader says)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def takes_tab(widget: QWidget) -> bool:
    """A control Tab can land on (its focus is its own, not handed to an inner widget)."""
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
        and widget.isEnabled()
    )


def controls(root: QWidget) -> list[QWidget]:
    """``root``'s own Tab-able controls (not those of its popups or child windows)."""
    found = [root, *root.findChildren(QWidget)]
    return [w for w in found if takes_tab(w) and w.window() is root.window()]


def unnamed_controls(root: QWidget) -> list[QWidget]:
    """Controls a screen reader would announce with no name."""
    return [w for w in controls(root) if not spoken_name(w)]


def name_controls(root: QWidget) -> None:
    """Name every unnamed control after its label, else its placeholder, tooltip or window."""
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and not spoken_name(buddy) and label_text(label):
            buddy.setAccessibleName(label_text(label))
    for widget in unnamed_controls(root):
        name = ""
        if isinstance(widget, QLineEdit):
            name = widget.placeholderText()
        if not name and isinstance(widget, QScrollArea):
            name = widget.window().windowTitle()
        name = name or widget.toolTip() or container_title(widget)
        if name:
            widget.setAccessibleName(name)


def container_title(widget: QWidget) -> str:
    """The title of the group box or tab page a control sits in ("Staff" for its table)."""
    child, parent = widget, widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QGroupBox) and parent.title():
            return label_text_of(parent.title())
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            index = tabs.indexOf(child)
            if index >= 0:
                return label_text_of(tabs.tabText(index))
        child, parent = parent, parent.parentWidget()
    return ""


def label_text(label: QLabel) -> str:
    """A label as it is read: no mnemonic '&', markup, required mark or colon."""
    return label_text_of(label.text())


def label_text_of(text: str) -> str:
    plain = _TAGS.sub("", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return plain.strip().rstrip("*:").strip()


def describe(widget: QWidget, name: str, description: str = "") -> None:
    """Name a control by hand (and say what it is for, where that is not obvious)."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)


def tab_order(*widgets: QWidget) -> None:
    """Tab visits ``widgets`` in this order (where the layout's order is not the reading one)."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)
