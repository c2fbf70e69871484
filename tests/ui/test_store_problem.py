"""The window for a practice file tcdesk can't use, driven from the keyboard.

``python -m tests.ui.test_store_problem docs/screenshots`` writes
store-damaged.png (with a backup offered) and store-foreign.png (none found).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tcdesk.services.practice_file import StoreFileError, StoreProblem
from tcdesk.ui.store_problem import BackupOffer, StoreChoice, StoreProblemDialog
from tcdesk.ui.style import staff_stylesheet

DAMAGED = StoreFileError(
    "C:\\Users\\Front Desk\\tcdesk\\practice.sqlite3 is damaged (the database disk image is "
    "malformed); open the newest backup instead.",
    StoreProblem.DAMAGED,
    Path("practice.sqlite3"),
)
FOREIGN = StoreFileError(
    "/home/frontdesk/Documents/recipes.sqlite3 is not a tcdesk practice file (it is an SQLite "
    "database of another program).",
    StoreProblem.FOREIGN,
    Path("recipes.sqlite3"),
)
OFFER = BackupOffer(
    "from Tuesday 1 December 2026 at 08:02 (2.1 MB)", lambda: Path("backup.sqlite3")
)


def _show_active(qtbot: QtBot, dialog: StoreProblemDialog) -> None:
    """Shown and active (no window manager here), so its keys and mnemonics work."""
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def test_enter_opens_the_offered_backup(qtbot: QtBot) -> None:
    dialog = StoreProblemDialog(DAMAGED, OFFER)
    qtbot.addWidget(dialog)
    _show_active(qtbot, dialog)
    labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel)}
    assert labels["storeProblemHeading"] == "This practice file is damaged"
    assert OFFER.description in labels["storeProblemBackup"]
    assert dialog.backup_button is not None and dialog.focusWidget() is dialog.backup_button
    qtbot.keyClick(dialog.backup_button, Qt.Key.Key_Return)
    assert dialog.choice is StoreChoice.BACKUP


def test_without_a_backup_it_says_so_and_esc_quits(qtbot: QtBot) -> None:
    dialog = StoreProblemDialog(FOREIGN, None)
    qtbot.addWidget(dialog)
    _show_active(qtbot, dialog)
    labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel)}
    assert labels["storeProblemHeading"] == "This is not a tcdesk practice file"
    assert labels["storeProblemReason"].endswith("tcdesk has not changed anything in it.")
    assert "No backup of this file" in labels["storeProblemNoBackup"]
    assert dialog.backup_button is None and dialog.focusWidget() is dialog.other_button
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choice is StoreChoice.QUIT and not dialog.isVisible()


def test_alt_o_chooses_another_file(qtbot: QtBot) -> None:
    dialog = StoreProblemDialog(DAMAGED, OFFER)
    qtbot.addWidget(dialog)
    _show_active(qtbot, dialog)
    with qtbot.waitSignal(dialog.other_button.clicked):  # Qt animates the press, then clicks
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert dialog.choice is StoreChoice.OTHER_FILE


def write_screenshots(folder: Path) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    written = []
    for name, error, offer in (("store-damaged", DAMAGED, OFFER), ("store-foreign", FOREIGN, None)):
        dialog = StoreProblemDialog(error, offer)
        dialog.setStyleSheet(staff_stylesheet("#1F6F8B"))  # the desk's look, as in the app
        dialog.show()
        app.processEvents()
        path = folder / f"{name}.png"
        assert dialog.grab().save(str(path)), path
        dialog.close()
        written.append(path)
    return written


def test_screenshots_are_written(qtbot: QtBot, tmp_path: Path) -> None:
    written = write_screenshots(tmp_path)
    assert all(p.stat().st_size > 5000 for p in written)


if __name__ == "__main__":  # python -m tests.ui.<module> [--out] docs/screenshots
    _folder = Path(next(a for a in sys.argv[1:] if a != "--out"))
    for shot in write_screenshots(_folder):
        print(shot)
