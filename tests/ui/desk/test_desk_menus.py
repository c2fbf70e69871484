"""The desk's menus hold every desk action, with the key that works shown beside it."""

from __future__ import annotations

import os
import re
import stat
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tcdesk.services.demo import demo_id
from tests import intake_practice
from tests.conftest import DEMO_DAY

practice_desk = intake_practice.practice_desk  # the fixture


def _menu(window, title: str):
    for action in window.menuBar().actions():
        if action.text() == title:
            return action.menu()
    raise AssertionError(f"no {title} menu")


def _entries(menu) -> dict[str, str]:
    return {
        a.text(): a.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        for a in menu.actions()
        if not a.isSeparator()
    }


def test_menus_list_the_desk_actions_with_their_keys(qtbot: QtBot, practice_desk) -> None:
    from tcdesk.ui.main_window import MainWindow

    window = MainWindow(practice_desk, date(2026, 11, 27), on_present=lambda _id: None)
    qtbot.addWidget(window)
    assert [a.text() for a in window.menuBar().actions()][:3] == ["&File", "&Edit", "&Consult"]
    file_entries = _entries(_menu(window, "&File"))
    assert file_entries["&New family"] == "Ctrl+N"
    assert file_entries["&Walk-in"] == "F2"
    assert file_entries["&Import patients…"] == "Ctrl+I"
    assert file_entries["&Quit"] == "Ctrl+Q"
    edit = _entries(_menu(window, "&Edit"))
    assert edit["&Find patient"] == "Ctrl+F"
    assert edit["Se&ttings…"] == "Ctrl+,"
    consult = _entries(_menu(window, "&Consult"))
    assert consult["&Book consult…"] == "Ctrl+B"
    assert consult["&Edit consult record"] == "Ctrl+E"
    assert consult["&Present this consult"] == "Ctrl+Return"
    assert _entries(_menu(window, "&View"))["&Schedule"] == "Ctrl+D"


def test_menu_actions_open_their_windows(qtbot: QtBot, practice_desk) -> None:
    from tcdesk.ui.main_window import MainWindow

    window = MainWindow(practice_desk, date(2026, 11, 27), on_present=lambda _id: None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.scheduling.schedule_action.trigger()
    qtbot.waitUntil(
        lambda: window.schedule_window is not None and window.schedule_window.isVisible()
    )
    window.settings_action.trigger()
    qtbot.waitUntil(
        lambda: window.settings_window is not None and window.settings_window.isVisible()
    )
    window.schedule_window.close()
    window.settings_window.close()


# -- the menus completed (issue 18) -------------------------------------------------------

TEEN_CONSULT = "3bf25559-c9cf-559c-9639-5da37ae56471"


def _desk(qtbot: QtBot, desk, tmp_path: Path, presented: list | None = None):
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.main_window import MainWindow

    window = MainWindow(
        desk,
        DEMO_DAY,
        on_present=(presented.append if presented is not None else lambda _id: None),
        settings=MachineSettingsStore(tmp_path / "machine.json"),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _by_name(menu) -> dict:
    return {a.objectName() or a.text(): a for a in menu.actions() if not a.isSeparator()}


def _mnemonic(text: str) -> str:
    found = re.search(r"&([^&])", text)
    assert found, f"{text!r} has no Alt+letter"
    return found.group(1).lower()


def test_every_menu_and_item_has_its_own_alt_letter(qtbot: QtBot, practice_desk) -> None:
    from tcdesk.ui.main_window import MainWindow

    window = MainWindow(practice_desk, date(2026, 11, 27), on_present=lambda _id: None)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Consult", "&View", "Tr&aining", "&Help"]
    assert len({_mnemonic(t) for t in titles}) == len(titles)
    for name, menu in window.menus.items():
        letters = [_mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
        assert len(letters) == len(set(letters)), (name, letters)


def test_the_new_items_show_their_keys_and_roles(qtbot: QtBot, practice_desk) -> None:
    from PySide6.QtGui import QAction

    from tcdesk.ui.main_window import MainWindow

    window = MainWindow(practice_desk, date(2026, 11, 27), on_present=lambda _id: None)
    qtbot.addWidget(window)
    file_entries = _entries(_menu(window, "&File"))
    assert "&Export patients…" in file_entries
    assert file_entries["Print &agreement…"] == "Ctrl+P"
    assert file_entries["Print take-&home summary…"] == "Ctrl+Shift+P"
    view = _entries(_menu(window, "&View"))
    assert view["&Today's consults"] == "Ctrl+T" and view["&Refresh"] == "F5"
    help_items = _by_name(window.menus["help"])
    assert help_items["aboutAction"].menuRole() is QAction.MenuRole.AboutRole
    assert window.settings_action.menuRole() is QAction.MenuRole.PreferencesRole
    assert "Ctrl+," in [k.toString() for k in window.settings_action.shortcuts()]
    quit_item = _by_name(window.menus["file"])["quitAction"]
    assert quit_item.menuRole() is QAction.MenuRole.QuitRole


def test_file_items_open_their_windows(qtbot: QtBot, demo_desk, tmp_path: Path) -> None:
    from tcdesk.ui.desk.export_dialog import ExportDialog
    from tcdesk.ui.desk.family_form import FamilyForm
    from tcdesk.ui.desk.import_dialog import ImportDialog
    from tcdesk.ui.desk.walk_in_form import WalkInForm

    window = _desk(qtbot, demo_desk, tmp_path)
    items = {a.text(): a for a in window.menus["file"].actions() if not a.isSeparator()}
    for text, kind in (
        ("&New family", FamilyForm),
        ("&Walk-in", WalkInForm),
        ("&Import patients…", ImportDialog),
        ("&Export patients…", ExportDialog),
    ):
        items[text].trigger()
        qtbot.waitUntil(lambda k=kind: isinstance(QApplication.activeModalWidget(), k))
        dialog = QApplication.activeModalWidget()
        assert dialog.isVisible()
        dialog.reject()
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())


def _select_teen(window, desk, consult_id: str = TEEN_CONSULT) -> None:
    patient_id = desk.consults.get(consult_id).patient_id
    window.show_everyone()
    assert window.select_patient(patient_id)
    consults = window.panel.consult_list
    for row in range(consults.count()):
        if consults.item(row).data(Qt.ItemDataRole.UserRole) == consult_id:
            consults.setCurrentRow(row)
    assert window.panel.selected_consult_id() == consult_id


SIGNED_CONSULT = demo_id("consult", "ethan_walker")


def test_print_items_need_a_consult_and_open_its_papers(
    qtbot: QtBot, demo_desk, tmp_path: Path
) -> None:
    window = _desk(qtbot, demo_desk, tmp_path)
    actions = window.menu_actions
    window.panel.show_overview(None)
    assert not actions.print_agreement_action.isEnabled()
    assert "Choose a consult" in actions.print_agreement_action.toolTip()
    _select_teen(window, demo_desk, SIGNED_CONSULT)  # a consult with a plan and an agreement
    assert actions.print_agreement_action.isEnabled()
    actions.print_agreement_action.trigger()
    preview = actions.agreement_preview
    assert preview is not None and preview.consult_id == SIGNED_CONSULT
    qtbot.waitExposed(preview)
    qtbot.waitUntil(lambda: not preview.is_busy(), timeout=10_000)
    preview.reject()
    actions.print_summary_action.trigger()
    qtbot.waitUntil(lambda: "take-home summary" in window.statusBar().currentMessage().lower())


def test_edit_consult_and_view_items(qtbot: QtBot, demo_desk, tmp_path: Path) -> None:
    presented: list[str] = []
    window = _desk(qtbot, demo_desk, tmp_path, presented)
    _select_teen(window, demo_desk)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    window.find_action.trigger()
    qtbot.waitUntil(window.search.hasFocus)
    consult = _by_name(window.menus["consult"])
    consult["&Edit consult record"].trigger()
    qtbot.waitUntil(lambda: window.record_window is not None and window.record_window.isVisible())
    window.record_window.close()
    consult["&Book consult…"].trigger()
    qtbot.waitUntil(
        lambda: window.schedule_window is not None and window.schedule_window.dialog is not None
    )
    booking = window.schedule_window.dialog
    qtbot.waitExposed(booking)
    booking.reject()
    consult["&Present this consult"].trigger()
    assert presented == [TEEN_CONSULT]
    assert not window.menu_actions.console_action.isEnabled()  # nothing is presenting
    view = window.menu_actions
    before = window.today_button.isChecked()
    view.today_action.trigger()
    assert window.today_button.isChecked() is not before
    window.today_button.click()
    assert view.today_action.isChecked() is before
    view.refresh_action.trigger()
    assert window.statusBar().currentMessage() == "The desk is up to date."
    window.scheduling.schedule_action.trigger()
    qtbot.waitUntil(
        lambda: window.schedule_window is not None and window.schedule_window.isVisible()
    )
    window.schedule_window.close()


class _Opener(QObject):
    """The system's file opener, as far as this test sees it (Qt's URL handler hook)."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


def test_user_guide_opens_the_local_file_or_says_it_is_missing(
    qtbot: QtBot, practice_desk, tmp_path: Path, monkeypatch
) -> None:
    from tcdesk.ui.desk import menu_actions

    window = _desk(qtbot, practice_desk, tmp_path)
    missing = tmp_path / "docs" / "guide.md"
    monkeypatch.setattr(menu_actions, "user_guide_path", lambda: missing)
    assert window.menu_actions.open_guide() is False
    assert "not on this computer" in window.statusBar().currentMessage()
    missing.parent.mkdir()
    missing.write_text("# tcdesk: a first day\n", encoding="utf-8")
    _by_name(window.menus["help"])["userGuideAction"].trigger()
    guide = window.menu_actions.guide_window
    qtbot.waitExposed(guide)
    assert guide.browser.toPlainText().startswith("tcdesk: a first day")
    assert "Opened the user guide" in window.statusBar().currentMessage()
    guide.close()


def test_the_real_guide_shows_with_its_pictures(qtbot: QtBot, practice_desk, tmp_path) -> None:
    from tcdesk.ui.desk.menu_actions import user_guide_path

    window = _desk(qtbot, practice_desk, tmp_path)
    assert window.menu_actions.open_guide() is True
    browser = window.menu_actions.guide_window.browser
    assert "Set up your practice" in browser.toPlainText()
    doc = browser.document()
    images = [
        f.charFormat().toImageFormat().name()
        for b in _blocks(doc)
        for f in _fragments(b)
        if f.charFormat().isImageFormat()
    ]
    assert images and all((user_guide_path().parent / i).is_file() for i in images)
    window.menu_actions.guide_window.close()


def _blocks(doc):
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()


def _fragments(block):
    it = block.begin()
    while not it.atEnd():
        yield it.fragment()
        it += 1


def test_about_shows_the_version_the_store_and_the_folders(
    qtbot: QtBot, practice_desk, tmp_path: Path
) -> None:
    from PySide6.QtGui import QGuiApplication

    from tcdesk.paths import data_dir, log_dir
    from tcdesk.services.about import installed_version

    window = _desk(qtbot, practice_desk, tmp_path)
    _by_name(window.menus["help"])["aboutAction"].trigger()
    dialog = window.menu_actions.about_dialog
    qtbot.waitExposed(dialog)
    text = dialog.details.text()
    assert installed_version() in text and str(practice_desk.path) in text
    assert str(data_dir()) in text and str(log_dir()) in text and "MIT" in text
    assert dialog.details.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert str(practice_desk.path) in QGuiApplication.clipboard().text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_export_writes_the_rows_owner_only_and_says_where(
    qtbot: QtBot, demo_desk, tmp_path: Path
) -> None:
    import csv

    from tcdesk.services.importer.exporting import patient_rows

    window = _desk(qtbot, demo_desk, tmp_path)
    dialog = window.menu_actions.open_export()
    qtbot.waitExposed(dialog)
    out = tmp_path / "out" / "patients.csv"
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "does not exist" in dialog.path_error.text()  # the folder is not there yet
    assert not out.exists()
    out.parent.mkdir()
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)  # Enter exports
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    expected = patient_rows(demo_desk)
    assert len(rows) == len(expected) + 1 and rows[1:] == expected
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    said = window.statusBar().currentMessage()
    assert said.startswith(f"Exported {len(expected)} patients to {out}")


def test_export_asks_once_before_replacing_a_file(qtbot: QtBot, demo_desk, tmp_path) -> None:
    window = _desk(qtbot, demo_desk, tmp_path)
    out = tmp_path / "consults.csv"
    out.write_text("old\n", encoding="utf-8")
    dialog = window.menu_actions.open_export()
    dialog.consults_choice.setChecked(True)
    dialog.path_edit.setText(str(out))
    dialog.export_button.click()
    assert "already there" in dialog.path_error.text() and out.read_text() == "old\n"
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.export_button.click()
    assert out.read_text(encoding="utf-8").startswith("consult_id,")
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600


def test_a_passing_message_never_hides_a_problem(qtbot: QtBot, practice_desk, tmp_path) -> None:
    window = _desk(qtbot, practice_desk, tmp_path)
    window.show_problem("A presentation flow could not be loaded: teen.yaml")
    window.say("Settings saved.")
    assert window.statusBar().currentMessage() == "Settings saved."
    problem = window.status_line.problem_label
    assert problem.isVisible() and "teen.yaml" in problem.text()
    assert window.problems == ["A presentation flow could not be loaded: teen.yaml"]


def test_a_walk_in_and_a_family_say_what_was_saved(qtbot: QtBot, practice_desk, tmp_path) -> None:
    window = _desk(qtbot, practice_desk, tmp_path)
    form = window.intake.open_walk_in()
    assert form is not None
    qtbot.keyClicks(form.name, "Sam Okafor")
    qtbot.keyClicks(form.contact, "5035550142")
    qtbot.keyClick(form.contact, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Walk-in added: Sam Okafor" in window.statusBar().currentMessage())
    family = window.intake.open_edit_family(window.selected_patient_id())
    qtbot.waitExposed(family)
    family.save()
    qtbot.waitUntil(lambda: "Family saved: Sam Okafor" in window.statusBar().currentMessage())


def test_alt_letters_open_the_menu_and_pick_the_item(qtbot: QtBot, demo_desk, tmp_path) -> None:
    """Alt+V, then T: the today toggle, from the keyboard alone."""
    window = _desk(qtbot, demo_desk, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    before = window.today_button.isChecked()
    view = window.menus["view"]
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(view.isVisible)
    qtbot.keyClick(view, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert window.today_button.isChecked() is not before


def test_the_desks_buttons_leave_the_menu_bars_letters_to_the_menus(
    qtbot: QtBot, practice_desk
) -> None:
    """Alt+E opens Edit: no button on the desk may take a letter of the menu bar."""
    import re

    from PySide6.QtWidgets import QAbstractButton

    from tcdesk.ui.main_window import MainWindow

    window = MainWindow(practice_desk, date(2026, 11, 27), on_present=lambda _id: None)
    qtbot.addWidget(window)
    letter = re.compile(r"&([^&])")

    def letters(texts) -> list[str]:
        return [m.group(1).lower() for t in texts if (m := letter.search(t))]

    bar = letters(a.text() for a in window.menuBar().actions())
    buttons = letters(b.text() for b in window.findChildren(QAbstractButton))
    assert sorted(bar) == ["a", "c", "e", "f", "h", "v"]
    assert set(bar).isdisjoint(buttons), buttons
    assert len(buttons) == len(set(buttons)), buttons  # and each button its own letter


def test_print_agreement_without_a_plan_says_so_and_opens_nothing(
    qtbot: QtBot, demo_desk, tmp_path: Path
) -> None:
    from tcdesk.services.agreements.versions import history

    window = _desk(qtbot, demo_desk, tmp_path)
    window.show_everyone()
    for row in range(window.model.rowCount()):
        window.table.selectRow(row)
        consult_id = window.panel.selected_consult_id()
        if (
            consult_id
            and demo_desk.consults.latest_plan(consult_id) is None
            and not history(demo_desk, consult_id)
        ):
            break
    else:
        raise AssertionError("the demo has no consult without a plan")
    assert window.menu_actions.print_agreement() is None
    assert (
        window.statusBar()
        .currentMessage()
        .startswith("No agreement yet: There is no payment plan for this consult yet.")
    )
    assert window.menu_actions.agreement_preview is None
