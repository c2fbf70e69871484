"""The console's menu bar (two screens): each item does what its button or key does,
the keys shown come from the key map, and the presentation keys still work."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenuBar
from pytestqt.qtbot import QtBot

from tcdesk.ui.presentation.keymap import Action, describe


def _items(menu) -> list:
    return [a for a in menu.actions() if not a.isSeparator()]


def _mnemonic(text: str) -> str:
    found = re.search(r"&([^&])", text.split("\t")[0])
    assert found, f"{text!r} has no Alt+letter"
    return found.group(1).lower()


def test_the_console_has_consult_view_help_with_unique_letters(controller) -> None:
    bar = controller.console.menuBar()
    assert [a.text() for a in bar.actions()] == ["&Consult", "&View", "&Help"]
    for menu in controller.console_menus.values():
        letters = [_mnemonic(a.text()) for a in _items(menu)]
        assert len(letters) == len(set(letters)), letters
    view = {a.objectName(): a for a in _items(controller.console_menus["view"])}
    assert view["blackAction"].text() == f"&Black screen\t{describe(Action.BLACK)}"
    assert view["lastAction"].text().endswith("\tEnd")
    # Shown, not bound: the key filter owns the presentation keys.
    for action in _items(controller.console_menus["view"]):
        assert action.shortcuts() == []


def test_view_items_move_and_blank_like_the_keys(qtbot: QtBot, controller) -> None:
    controller.start()
    view = {a.objectName(): a for a in _items(controller.console_menus["view"])}
    view["lastAction"].trigger()
    assert controller.room.session.position == len(controller.room.slides)
    view["firstAction"].trigger()
    assert controller.room.session.position == 1
    view["blackAction"].trigger()
    assert controller.room.session.blank == "black"
    controller.console_menus["view"].aboutToShow.emit()
    assert view["blackAction"].isChecked() and not view["whiteAction"].isChecked()
    view["blackAction"].trigger()
    assert controller.room.session.blank == ""
    view["whiteAction"].trigger()
    assert controller.room.session.blank == "white"
    view["whiteAction"].trigger()
    # The keys still drive the consult with the menu bar there.
    console = controller.console
    qtbot.keyClick(console, Qt.Key.Key_B)
    assert controller.room.session.blank == "black"
    qtbot.keyClick(console, Qt.Key.Key_B)
    qtbot.keyClick(console, Qt.Key.Key_W)
    assert controller.room.session.blank == "white"
    qtbot.keyClick(console, Qt.Key.Key_W)
    qtbot.keyClick(console, Qt.Key.Key_Right)
    qtbot.keyClick(console, Qt.Key.Key_Right)
    assert controller.room.session.position == 3
    qtbot.keyClick(console, Qt.Key.Key_Left)
    assert controller.room.session.position == 2
    qtbot.keyClick(console, Qt.Key.Key_End)
    assert controller.room.session.position == len(controller.room.slides)


def test_consult_items_press_the_console_buttons(qtbot: QtBot, app_controller) -> None:
    from tcdesk.ui.documents.agreement_preview import AgreementPreview

    controller = app_controller
    consult = {a.objectName(): a for a in _items(controller.console_menus["consult"])}
    consult["startAction"].trigger()
    assert controller.room.session.started
    consult["agreementAction"].trigger()
    qtbot.waitUntil(
        lambda: any(p.isVisible() for p in controller.console.findChildren(AgreementPreview))
    )
    for preview in controller.console.findChildren(AgreementPreview):
        qtbot.waitUntil(lambda p=preview: not p.is_busy(), timeout=10_000)
        preview.reject()
    consult["summaryAction"].trigger()
    qtbot.waitUntil(lambda: controller.summary_job is not None)
    qtbot.waitUntil(lambda: "summary" in controller.panel.notice.text(), timeout=10_000)
    consult["endAction"].trigger()  # the first press warns what was skipped, as End does
    assert controller.panel.end_warning.isVisible() or controller.outcome_dialog is not None
    quit_action = consult["consoleQuitAction"]
    assert quit_action.shortcut().toString() == "Ctrl+Q"


def test_help_about_shows_the_version_and_the_practice_file(qtbot: QtBot, controller) -> None:
    from tcdesk.services.about import installed_version

    help_items = controller.console_menus["help"].actions()
    assert help_items[0] is controller.help_action  # Keyboard shortcuts (F1) first
    about = next(a for a in help_items if a.objectName() == "consoleAboutAction")
    about.trigger()
    dialog = controller.about_dialog
    qtbot.waitExposed(dialog)
    assert installed_version() in dialog.details.text()
    assert str(controller.room.desk.path) in dialog.details.text()
    dialog.reject()


def test_one_screen_has_no_menu_bar_but_ctrl_q_asks(qtbot: QtBot, make_controller) -> None:
    controller = make_controller(single_screen=True)
    stage = controller.stage
    assert controller.console is None and stage.findChildren(QMenuBar) == []
    asked: list[bool] = []
    controller.quit_requested.connect(lambda: asked.append(True))
    stage.activateWindow()
    qtbot.waitUntil(stage.isActiveWindow)
    qtbot.keyClick(stage, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert asked == [True]


def test_alt_v_then_b_blanks_once(qtbot: QtBot, controller) -> None:
    """In the open menu B is the item's letter; the key filter must not act on it too."""
    controller.start()
    console = controller.console
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    view = controller.console_menus["view"]
    qtbot.keyClick(console, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(view.isVisible)
    assert controller.room.session.position == 1  # Alt+V moved nothing
    qtbot.keyClick(view, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert controller.room.session.blank == "black"
