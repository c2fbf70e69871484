"""The desk's menu bar: every action the desk's buttons and keys offer, findable by name.

The actions are made by the desk's parts (intake, schedule, practice, backups,
help); this only arranges them, so a key shown in a menu is the key that works.
The menus follow the usual desktop order: File, Edit, Consult, View, Training, Help.
Every menu and item has its own Alt+letter (a test keeps them unique), and
About, Settings and Quit carry their menu roles so macOS moves them to the
application menu.
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
        "training": bar.addMenu("Tr&aining"),
        "help": bar.addMenu("&Help"),
    }
    for name, menu in menus.items():
        menu.setObjectName(f"{name}Menu")
        menu.setToolTipsVisible(True)  # why an item is greyed out (no consult chosen...)
    more = desk.menu_actions

    file_menu = menus["file"]
    file_menu.addAction(desk.intake.new_family_action)
    file_menu.addAction(desk.intake.walk_in_action)
    file_menu.addAction(desk.pipeline.new_lead_action)
    file_menu.addSeparator()
    file_menu.addAction(desk.import_action)
    file_menu.addAction(more.export_action)
    file_menu.addSeparator()
    file_menu.addAction(desk.backups.back_up_action)
    file_menu.addAction(desk.backups.restore_action)
    file_menu.addSeparator()
    # Shown once this install has joined a practice's sync (tcdesk.ui.sync.sync_actions).
    file_menu.addAction(desk.sync.sync_now_action)
    file_menu.addAction(desk.sync.conflicts_action)
    file_menu.addSeparator()
    file_menu.addAction(more.print_agreement_action)
    file_menu.addAction(more.print_summary_action)
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
    consult.addSeparator()
    consult.addAction(more.console_action)

    view = menus["view"]
    view.addAction(more.today_action)
    view.addAction(desk.scheduling.schedule_action)
    view.addAction(desk.dashboard.dashboard_action)
    view.addAction(desk.pipeline.queue_action)
    view.addSeparator()
    view.addAction(more.refresh_action)

    # Practice on the training file, never on the practice's families (tcdesk.ui.training).
    for action in desk.training.actions():
        menus["training"].addAction(action)

    help_menu = menus["help"]
    # F1: the keys, generated from these menus and the presentation's key map.
    help_menu.addAction(shortcut_help_action(window, desk_groups))
    help_menu.addAction(more.guide_action)
    help_menu.addSeparator()
    help_menu.addAction(more.about_action)
    return menus


def quit_action(window: QMainWindow) -> QAction:
    """Quit, on Ctrl+Q everywhere (the standard key is empty on some desktops)."""
    action = QAction("&Quit", window)
    action.setObjectName("quitAction")
    action.setMenuRole(QAction.MenuRole.QuitRole)
    keys = [QKeySequence("Ctrl+Q")]
    keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) if k not in keys]
    action.setShortcuts(keys)
    # The desk asks first when a consult is open (MainWindow.request_quit).
    action.triggered.connect(getattr(window, "request_quit", window.close))
    return action
