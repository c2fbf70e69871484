"""File > Back up now and Restore from a backup…, on real windows of a running app."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tcdesk.services.backups import back_up, list_backups
from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.store import engine
from tcdesk.ui.desk.backup_job import STEPS
from tests import intake_practice
from tests.conftest import FIXED_NOW

TEEN_CONSULT = "3bf25559-c9cf-559c-9639-5da37ae56471"  # the demo's 09:00 consult


@pytest.fixture(scope="module")
def kit():
    from tcdesk.services.consult_room import PresentationKit

    return PresentationKit.load()


@pytest.fixture
def make_app(qtbot: QtBot, kit, tmp_path: Path) -> Iterator:
    from tcdesk.ui.app import Application

    made = []

    def make(desk: Desk):
        app = Application(desk, MachineSettingsStore(tmp_path / "machine.json"), kit)
        app.main_window.show()
        qtbot.waitExposed(app.main_window)
        made.append(app)
        return app

    yield make
    for app in made:
        controller, app.presentation = app.presentation, None
        if controller is not None:
            controller.end()
            controller.deleteLater()  # its timers go with it, before the desk closes
            qtbot.wait(20)
        app.room_screen.close()
        app.main_window.close()  # the one now (a restore replaces the first)
        app.main_window.deleteLater()
        app.desk.close()


def _wait_job(qtbot: QtBot, job) -> None:
    qtbot.waitUntil(lambda: job.isFinished() and job.outcome != "", timeout=20_000)
    qtbot.wait(50)  # the queued signals after it


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _file_menu_texts(window) -> list[str]:
    return [a.text() for a in window.menus["file"].actions() if not a.isSeparator()]


def test_back_up_now_from_the_file_menu_shows_progress_and_says_where(
    qtbot: QtBot, make_app, practice_desk: Desk
) -> None:
    app = make_app(practice_desk)
    window = app.main_window
    assert {"&Back up now", "&Restore from a backup…"} <= set(_file_menu_texts(window))
    window.backups.back_up_action.trigger()
    job = window.backups.job
    _wait_job(qtbot, job)
    [made] = list_backups(practice_desk.path)
    assert made.reason == "manual"
    assert window.statusBar().currentMessage().startswith(f"Backed up to {made.path} (")
    assert window.backups.progress.value() == STEPS  # fed page by page to the end
    qtbot.waitUntil(lambda: not window.backups.progress.isVisible())  # the queued hide


def test_cancelling_a_backup_keeps_nothing(
    qtbot: QtBot, make_app, practice_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    practice_desk.db.execute("CREATE TABLE bulk (pad BLOB)")  # ~24 MB: a backup of many steps
    practice_desk.db.conn.executemany("INSERT INTO bulk VALUES (?)", [(b"x" * 8000,)] * 3000)
    practice_desk.db.conn.commit()
    monkeypatch.setattr("tcdesk.store.backup.PAGES_PER_STEP", 4)
    app = make_app(practice_desk)
    backups = app.main_window.backups
    backups.back_up_action.trigger()
    [cancel] = [b for b in backups.progress.findChildren(QPushButton) if b.text() == "Cancel"]
    cancel.clicked.emit()  # at once: the dialog itself only shows after 300 ms
    _wait_job(qtbot, backups.job)
    assert backups.job.outcome == "cancelled"
    assert app.main_window.statusBar().currentMessage() == "Backup cancelled; nothing was kept."
    folder = practice_desk.path.with_name(f"{practice_desk.path.stem}-backups")
    assert sorted(p.name for p in folder.glob("*.sqlite3*")) == []


def test_restore_from_a_backup_replaces_the_file_and_reopens_the_desk(
    qtbot: QtBot, make_app, practice_desk: Desk
) -> None:
    original = practice_desk.practice().name
    made = back_up(practice_desk, now=FIXED_NOW - timedelta(hours=1))
    practice_desk.db.execute("UPDATE practices SET name = 'Renamed Since'")
    practice_desk.db.conn.commit()
    app = make_app(practice_desk)
    old_window = app.main_window
    backups = old_window.backups
    backups.restore_action.trigger()
    dialog = backups.restore_dialog
    qtbot.waitExposed(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "Backed up by hand"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter: Restore…, the default
    qtbot.waitUntil(
        lambda: backups.message is not None and backups.message.isVisible(), timeout=10_000
    )
    confirm = backups.message
    assert confirm.objectName() == "restoreConfirm"
    assert str(practice_desk.path) in confirm.informativeText()
    assert confirm.defaultButton() is not backups.restore_button  # Cancel is the default
    qtbot.mouseClick(backups.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.main_window is not old_window, timeout=20_000)
    window = app.main_window
    assert window.isVisible()
    qtbot.waitUntil(lambda: not shiboken6.isValid(old_window), timeout=5000)  # gone, not hidden
    assert window.statusBar().currentMessage().startswith(f"Restored from {made.path.name}.")
    assert app.desk.practice().name == original and window.heading.text() == original
    [kept] = [b for b in list_backups(app.desk.path) if b.reason == "before-restore"]
    conn = engine.connect(kept.path)
    assert conn.execute("SELECT name FROM practices").fetchone() == ("Renamed Since",)
    conn.close()


def test_a_damaged_backup_is_refused_with_the_reason_and_nothing_changes(
    qtbot: QtBot, make_app, practice_desk: Desk, tmp_path: Path
) -> None:
    made = back_up(practice_desk, now=FIXED_NOW)
    data = bytearray(made.path.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle : middle + 4096] = b"\xa5" * 4096
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(bytes(data))
    app = make_app(practice_desk)
    practice_desk.checkpoint()
    before = _digest(practice_desk.path)
    backups = app.main_window.backups
    _wait_job(qtbot, backups.check(damaged))
    notice = backups.message
    assert notice is not None and notice.isVisible()
    assert notice.text().startswith("Not restored: damaged.sqlite3 is damaged (")
    assert notice.text().endswith("Nothing was changed.")
    assert _digest(practice_desk.path) == before and app.main_window.isVisible()
    notice.done(QMessageBox.StandardButton.Ok)


def test_restore_is_refused_while_a_consult_is_presenting(
    qtbot: QtBot, make_app, demo_desk: Desk
) -> None:
    from tcdesk.ui.presentation.launcher import start_presentation

    app = make_app(demo_desk)
    app.presentation = start_presentation(app, TEEN_CONSULT)
    assert app.presentation is not None
    backups = app.main_window.backups
    backups.restore_action.trigger()
    assert backups.restore_dialog is None
    assert backups.message is not None and "while a consult is presenting" in backups.message.text()
    assert app.main_window.statusBar().currentMessage() == "Not restored: a consult is presenting."
    backups.message.done(QMessageBox.StandardButton.Ok)


def test_the_launch_backup_runs_off_the_gui_thread_once_a_day(
    qtbot: QtBot, make_app, practice_desk: Desk
) -> None:
    app = make_app(practice_desk)
    backups = app.main_window.backups
    _wait_job(qtbot, backups.back_up_if_due())
    [made] = list_backups(practice_desk.path)
    assert made.reason == "daily"
    assert app.main_window.statusBar().currentMessage() == f"Daily backup made: {made.path.name}."
    app.main_window.statusBar().clearMessage()
    _wait_job(qtbot, backups.back_up_if_due())  # same day: nothing more
    assert list_backups(practice_desk.path) == [made]
    assert app.main_window.statusBar().currentMessage() == ""


practice_desk = intake_practice.practice_desk  # the fixture


def test_closing_the_desk_during_a_backup_stops_it_and_keeps_no_partial_file(
    qtbot: QtBot, make_app, practice_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    practice_desk.db.execute("CREATE TABLE bulk (pad BLOB)")
    practice_desk.db.conn.executemany("INSERT INTO bulk VALUES (?)", [(b"x" * 8000,)] * 3000)
    practice_desk.db.conn.commit()
    monkeypatch.setattr("tcdesk.store.backup.PAGES_PER_STEP", 4)
    app = make_app(practice_desk)
    backups = app.main_window.backups
    backups.back_up_action.trigger()
    app.main_window.close()  # Ctrl+Q while it runs
    assert backups.job.isFinished() and backups.job.outcome == "cancelled"
    folder = practice_desk.path.with_name(f"{practice_desk.path.stem}-backups")
    assert list(folder.glob("*.sqlite3*")) == []


def test_the_restore_dialog_can_point_this_computer_at_another_backups_folder(
    qtbot: QtBot, make_app, practice_desk: Desk, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    on_usb = back_up(practice_desk, usb, now=FIXED_NOW)
    app = make_app(practice_desk)
    backups = app.main_window.backups
    dialog = backups.open_restore()
    qtbot.waitExposed(dialog)
    assert dialog.table.isHidden() and "There are no backups yet" in dialog.empty.text()
    assert not dialog.restore_button.isEnabled()
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x")
    assert not dialog.use_folder(not_a_folder)
    assert dialog.folder_error.isVisible() and "Cannot use" in dialog.folder_error.text()
    assert dialog.use_folder(usb)
    assert not dialog.folder_error.isVisible() and dialog.table.rowCount() == 1
    assert dialog.restore_button.isEnabled() and dialog.backups[0].path == on_usb.path
    assert app.settings.load().backups_folder == str(usb.resolve())
    assert backups.folder == usb.resolve()
    dialog.reject()
