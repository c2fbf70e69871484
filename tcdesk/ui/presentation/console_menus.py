"""The console window's menu bar (two-screen mode): Consult, View, Help.

Each item does exactly what the console's button or the presentation key
does (it clicks the button or calls ``controller.do``), so the two never
drift. The presentation keys are shown beside the items (the text after a
tab is only displayed) but are not QAction shortcuts: the presentation's
key filter owns B, W, the arrows, Home and End, and a second owner would
make Qt call the key ambiguous and do nothing. Only Ctrl+Q, which the key
filter passes on, is a real shortcut here.

In single-screen mode the console is a sidebar on the family's own screen:
a menu bar there would sit on what the family sees, so that stage gets no
menu bar, only the Quit key (``add_quit_key``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QPushButton, QWidget

from tcdesk.ui.presentation.keymap import Action, describe

QUIT_KEYS = ("Ctrl+Q",)
BLANKS = {Action.BLACK: "black", Action.WHITE: "white"}


def add_quit_key(
    window: QWidget, on_quit: Callable[[], None], text: str = "&Quit tcdesk"
) -> QAction:
    """Ctrl+Q (and the platform's Quit key) on a consult window: the app asks first."""
    action = QAction(text, window)
    action.setObjectName("consoleQuitAction")
    action.setMenuRole(QAction.MenuRole.QuitRole)
    keys = [QKeySequence(k) for k in QUIT_KEYS]
    keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) if k not in keys]
    action.setShortcuts(keys)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: on_quit())
    window.addAction(action)
    return action


def _with_keys(text: str, action: Action) -> str:
    return f"{text}\t{describe(action)}"


def _button_action(menu: QMenu, text: str, button: QPushButton, name: str) -> QAction:
    """An item that presses the console's button (and is greyed out when it is)."""
    action = menu.addAction(text)
    action.setObjectName(name)
    action.setEnabled(button.isEnabled())
    action.setToolTip(button.toolTip())
    action.triggered.connect(lambda _checked=False: button.click())
    menu.aboutToShow.connect(lambda: action.setEnabled(button.isEnabled()))
    return action


def build_console_menus(window: QMainWindow, controller: Any) -> dict[str, QMenu]:
    """``controller``: the PresentationController (not imported: it imports this)."""
    panel = controller.panel
    bar = window.menuBar()
    menus = {
        "consult": bar.addMenu("&Consult"),
        "view": bar.addMenu("&View"),
        "help": bar.addMenu("&Help"),
    }
    for name, menu in menus.items():
        menu.setObjectName(f"console{name.capitalize()}Menu")
        menu.setToolTipsVisible(True)

    consult = menus["consult"]
    _button_action(consult, "&Start presentation", panel.start_button, "startAction")
    consult.addSeparator()
    _button_action(consult, "&Agreement…", panel.agreement_button, "agreementAction")
    _button_action(consult, "Take-&home summary…", panel.summary_button, "summaryAction")
    consult.addSeparator()
    _button_action(consult, "&End consult…", panel.end_button, "endAction")
    consult.addSeparator()
    consult.addAction(add_quit_key(window, controller.quit_requested.emit))

    view = menus["view"]
    for text, action, name in (
        ("&Black screen", Action.BLACK, "blackAction"),
        ("&White screen", Action.WHITE, "whiteAction"),
        ("Go to &first slide", Action.FIRST, "firstAction"),
        ("Go to &last slide", Action.LAST, "lastAction"),
        ("Family's lan&guage", Action.LANGUAGE, "languageAction"),
    ):
        item = view.addAction(_with_keys(text, action))
        item.setObjectName(name)
        item.triggered.connect(lambda _checked=False, a=action: controller.do(a))
        blank = BLANKS.get(action)
        if blank:  # checked while the family's screen is blanked this way; again unblanks
            item.setCheckable(True)
            view.aboutToShow.connect(
                lambda i=item, b=blank: i.setChecked(controller.room.session.blank == b)
            )
        if action is Action.WHITE:
            view.addSeparator()
    view.addSeparator()
    identify = view.addAction("&Identify screens")
    identify.setObjectName("identifyAction")
    identify.triggered.connect(lambda _checked=False: controller.identify())

    menus["help"].addAction(controller.help_action)  # Keyboard shortcuts (F1)
    menus["help"].addSeparator()
    about = menus["help"].addAction("&About tcdesk")
    about.setObjectName("consoleAboutAction")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda _checked=False: open_about(window, controller))
    return menus


def open_about(window: QWidget, controller: Any) -> QWidget:
    from tcdesk.ui.about_dialog import AboutDialog

    dialog = AboutDialog(controller.room.desk.path, window)
    controller.about_dialog = dialog
    dialog.open()
    return dialog
