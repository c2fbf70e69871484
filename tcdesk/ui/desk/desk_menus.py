"""The desk's menu bar: every action the desk's buttons and keys offer, findable by name.

The actions are made by the desk's parts (intake, schedule, practice, backups,
help); this only arranges them, so a key shown in a menu is the key that works.
The menus follow the usual desktop order: File, Edit, Consult, View, Help.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from tcdesk.ui.shortcut_help import desk_groups, shortcut_help_action


def build_menus(window: QMainWindow) -> dict[str, QMenu]:
    """Fill the window's menu bar; returns the menus by name ("file", "edit", ...)."""
    desk: Any = window  # the MainWindow (not imported: it imports this)
    bar = window.menuBar()
    menus = {
        "file": bar.addMenu("&File"),
        "edit": bar.addMenu("&Edit"),
        "consult": bar.addMenu("&Consult"),
        "view": bar.addMenu("&View"),
        "help": bar.addMenu("&Help"),
    }
    for name, menu in menus.items():
        menu.setObjectName(f"{name}Menu")

    file_menu = menus["file"]
    file_menu.addAction(desk.intake.new_family_action)
    file_menu.addAction(desk.intake.walk_in_action)
    file_menu.addSeparator()
    file_menu.addAction(desk.import_action)
    file_menu.addSeparator()
    file_menu.addAction(quit_action(window))

    edit = menus["edit"]
    edit.addAction(desk.find_action)
    edit.addSeparator()
    edit.addAction(desk.settings_action)

    consult = menus["consult"]
    consult.addAction(desk.scheduling.book_action)
    consult.addAction(desk.record_action)
    consult.addAction(desk.intake.present_action)

    view = menus["view"]
    view.addAction(desk.scheduling.schedule_action)

    # F1: the keys, generated from these menus and the presentation's key map.
    menus["help"].addAction(shortcut_help_action(window, desk_groups))
    return menus


def quit_action(window: QMainWindow) -> QAction:
    """Quit, on Ctrl+Q everywhere (the standard key is empty on some desktops)."""
    action = QAction("&Quit", window)
    action.setObjectName("quitAction")
    action.setMenuRole(QAction.MenuRole.QuitRole)
    keys = [QKeySequence("Ctrl+Q")]
    keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) if k not in keys]
    action.setShortcuts(keys)
    action.triggered.connect(window.close)
    return action
