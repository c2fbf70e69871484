"""The "Keyboard shortcuts" window (F1 on the desk and the console, "?" while presenting).

It shows ``ShortcutGroup``s made by ``shortcut_table`` from the key map and the
window's own QActions, so what it lists is what works. One window per parent:
pressing F1 again brings the open one forward.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tcdesk.ui.shortcut_table import (
    ShortcutGroup,
    everyday_group,
    presentation_groups,
    window_actions,
    window_groups,
)

HELP_TEXT = "&Keyboard shortcuts"


class ShortcutHelpWindow(QDialog):
    """Two columns, keys | what they do, in groups; Esc closes it."""

    def __init__(self, groups: list[ShortcutGroup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutHelp")
        self.setWindowTitle("Keyboard shortcuts")
        self.setModal(False)
        intro = QLabel(
            "The keys that work in tcdesk, made from the keys themselves. "
            "Press F1 on the desk or the console, or ? while presenting, to see this list."
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutList")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Keys", "What they do"])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setStyleSheet(
            "QTreeView { font-size: 12.5pt; } QTreeView::item { padding: 4px; }"
        )
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setAccessibleDescription("Each row: the keys, then what they do")
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 300)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(900, 820)
        self.show_groups(groups)

    def show_groups(self, groups: list[ShortcutGroup]) -> None:
        self.groups = list(groups)
        self.tree.clear()
        heading = QFont(self.tree.font())
        heading.setBold(True)
        for group in self.groups:
            top = QTreeWidgetItem([group.title])
            top.setFont(0, heading)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            for row in group.rows:
                item = QTreeWidgetItem([row.keys, row.does])
                item.setToolTip(1, row.does)
                top.addChild(item)
        self.tree.expandAll()
        if self.tree.topLevelItemCount() and self.tree.topLevelItem(0).childCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0).child(0))

    def rows(self) -> list[tuple[str, str]]:
        """What the list shows, (keys, what they do), for tests and screen readers."""
        shown = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            shown += [(top.child(j).text(0), top.child(j).text(1)) for j in range(top.childCount())]
        return shown


def open_shortcut_help(parent: QWidget, groups: list[ShortcutGroup]) -> ShortcutHelpWindow:
    """Show the parent's help window (made once), up to date, in front."""
    window = parent.findChild(ShortcutHelpWindow, "shortcutHelp")
    if window is None:
        window = ShortcutHelpWindow(groups, parent)
    else:
        window.show_groups(groups)
    window.show()
    window.raise_()
    window.activateWindow()
    window.tree.setFocus()
    return window


def help_keys() -> list[QKeySequence]:
    """The platform's help key, and F1 wherever that is not it already."""
    keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents))
    if QKeySequence("F1") not in keys:
        keys.insert(0, QKeySequence("F1"))
    return keys


class ShortcutHelpAction(QAction):
    """The window's "Keyboard shortcuts" (F1); put it in the window's Help menu too.

    ``groups(window)`` makes the list when it opens; the window is the action's
    parent, looked up then, so no callback holds on to it.
    """

    def __init__(self, window: QWidget, groups: Callable[[QWidget], list[ShortcutGroup]]) -> None:
        super().__init__(HELP_TEXT, window)
        self.setObjectName("shortcutHelpAction")
        self.setShortcuts(help_keys())
        self.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._groups = groups
        self.triggered.connect(self.open_help)
        window.addAction(self)

    def open_help(self) -> ShortcutHelpWindow:
        window = self.parent()
        assert isinstance(window, QWidget)
        return open_shortcut_help(window, self._groups(window))


def shortcut_help_action(
    window: QWidget, groups: Callable[[QWidget], list[ShortcutGroup]]
) -> ShortcutHelpAction:
    """F1 on ``window``, listing ``groups(window)`` (``desk_groups`` or ``console_groups``)."""
    return ShortcutHelpAction(window, groups)


def desk_groups(desk_window: QWidget) -> list[ShortcutGroup]:
    """On the desk: its own keys first, then the presentation's."""
    return [*window_groups(desk_window), *presentation_groups(), everyday_group()]


def console_groups(console_window: QWidget) -> list[ShortcutGroup]:
    """While presenting: the presentation's keys first, then the console window's own."""
    return [*presentation_groups(), *window_groups(console_window), everyday_group()]


class WindowKeysFirst(QObject):
    """A text box that lets its window's shortcuts through.

    On Linux a line edit takes Ctrl+E (end of line), Ctrl+K and more for itself,
    so Ctrl+E typed in the desk's search box would not open the consult record
    the menu promises. This declines those keys for the box, when the window has
    an action on them, so the listed key works wherever the focus is.
    """

    def __init__(self, box: QWidget) -> None:
        super().__init__(box)
        box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        pressed = QKeySequence(event.keyCombination())
        window = watched.window() if isinstance(watched, QWidget) else None
        if window is None:
            return False
        claimed = any(
            key.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
            for action in window_actions(window)
            if action.isEnabled()
            for key in action.shortcuts()
        )
        if claimed:
            event.ignore()  # not the box's: the window's shortcut fires
            return True
        return False
