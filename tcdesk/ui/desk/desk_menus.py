"""The desk's menu bar: every action the desk's buttons and keys offer, findable by name.

The actions are made by the desk's parts (intake, schedule, practice); this
only arranges them, so a key shown in a menu is the key that works.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow


def build_menus(window: QMainWindow) -> None:
    desk: Any = window  # the MainWindow (not imported: it imports this)
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addAction(desk.intake.new_family_action)
    file_menu.addAction(desk.intake.walk_in_action)
    file_menu.addAction(desk.import_action)
    file_menu.addSeparator()
    file_menu.addAction(desk.settings_action)
    file_menu.addSeparator()
    quit_action = QAction("&Quit", window)
    quit_action.setObjectName("quitAction")
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # the standard key is empty on some desktops
    quit_action.triggered.connect(window.close)
    file_menu.addAction(quit_action)

    consults = bar.addMenu("&Consults")
    consults.addAction(desk.find_action)
    consults.addSeparator()
    consults.addAction(desk.scheduling.book_action)
    consults.addAction(desk.scheduling.schedule_action)
    consults.addSeparator()
    consults.addAction(desk.record_action)
    consults.addAction(desk.intake.present_action)
