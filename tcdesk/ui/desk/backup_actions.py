"""File > Back up now and Restore from a backup…, and the launch's daily backup.

Both run off the GUI thread with a progress dialog fed by SQLite's page
progress and end with a status bar message. Cancelling a backup is safe (the
partial file is removed). A restore is checked first (off the GUI thread),
then confirmed, then the app closes its desk, swaps the file in and reopens
the restored practice in a new desk window: live, without restarting tcdesk.
Once the swap has started it cannot be cancelled.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from tcdesk.errors import UserError
from tcdesk.services import audit_trail
from tcdesk.services.backups import (
    Backup,
    back_up,
    back_up_if_due,
    backups_folder_for,
    list_backups,
    set_backups_folder,
    size_words,
    when_words,
)
from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.restore import RestoreResult, check_backup, restore
from tcdesk.ui.desk.backup_job import BackupJob, feed, progress_dialog
from tcdesk.ui.desk.restore_dialog import RestoreDialog
from tcdesk.ui.lock.launch import sign_in_at_launch


class BackupActions:
    """The two File menu actions; ``host`` (the Application) lets a restore reopen the desk."""

    def __init__(
        self, window: QMainWindow, desk: Desk, settings: MachineSettingsStore | None
    ) -> None:
        self._window: Any = window  # the MainWindow (not imported: it imports this)
        self._desk = desk
        self._settings = settings or MachineSettingsStore()
        self.host: Any = None  # the Application: .presentation, .restore_from(path)
        self.job: BackupJob | None = None
        self.progress = None
        self.restore_dialog: RestoreDialog | None = None
        self.message: QMessageBox | None = None  # the confirm or a refusal, while open

        self.back_up_action = QAction("&Back up now", window)
        self.back_up_action.setObjectName("backUpNow")
        self.back_up_action.setStatusTip(
            "A checked copy of the practice file in the backups folder"
        )
        self.back_up_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction("&Restore from a backup…", window)
        self.restore_action.setObjectName("restoreFromBackup")
        self.restore_action.setStatusTip("Put a backup in place of the practice file")
        self.restore_action.triggered.connect(self.open_restore)
        window.closing.connect(self.stop)

    def stop(self) -> None:
        """The desk is closing: stop a backup safely (its partial file goes) and wait for it."""
        if self._busy():
            self.job.cancel()  # type: ignore[union-attr]
            self.job.wait(30_000)  # type: ignore[union-attr]

    @property
    def folder(self) -> Path:
        return backups_folder_for(Path(self._desk.path), self._settings)

    def _status(self, message: str) -> None:
        self._window.say(message)  # type: ignore[attr-defined]

    def _busy(self) -> bool:
        return self.job is not None and self.job.isRunning()

    # -- Back up now --------------------------------------------------------------

    def back_up_now(self) -> BackupJob | None:
        if self._busy() or self._desk.path is None:
            return None
        store, folder, now = Path(self._desk.path), self.folder, self._desk.clock()
        progress = progress_dialog(
            self._window,
            "Back up now",
            f"Backing up the practice file…\nTo {folder}",
            cancellable=True,
        )
        job = BackupJob(
            lambda p, c: back_up(store, folder, "manual", now=now, progress=p, cancelled=c)
        )
        job.progressed.connect(feed(progress))
        progress.canceled.connect(job.cancel)
        job.succeeded.connect(lambda made: self._backed_up(made))
        job.failed.connect(lambda why: self._status(f"Not backed up: {why}"))
        job.cancelled.connect(lambda: self._status("Backup cancelled; nothing was kept."))
        job.finished.connect(progress.end)  # close() would emit canceled
        self.job, self.progress = job, progress
        return job.start_work()

    def _backed_up(self, made: Backup) -> None:
        audit_trail.record(self._desk, "backup_made", made.path.name, made.reason)
        self._status(f"Backed up to {made.path} ({size_words(made.size)}, checked).")

    def _daily_made(self, made: Backup | None) -> None:
        if made is None:
            return
        audit_trail.record(self._desk, "backup_made", made.path.name, made.reason)
        self._status(f"Daily backup made: {made.path.name}.")

    def back_up_if_due(self) -> BackupJob | None:
        """At launch: the daily backup, when the newest is over a day old, silently."""
        if self._busy() or self._desk.path is None:
            return None
        store, folder, now = Path(self._desk.path), self.folder, self._desk.clock()
        job = BackupJob(lambda _p, _c: back_up_if_due(store, folder, now=now))
        job.succeeded.connect(self._daily_made)
        job.failed.connect(
            lambda why: self._window.show_problem(f"The daily backup was not made: {why}")
        )
        self.job = job
        return job.start_work()

    # -- Restore from a backup ----------------------------------------------------

    def _presenting(self) -> bool:
        return self.host is not None and getattr(self.host, "presentation", None) is not None

    def _tell(self, title: str, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self._window)
        box.setObjectName("backupNotice")
        self.message = box
        box.open()
        return box

    def open_restore(self) -> RestoreDialog | None:
        if self._presenting():
            self._tell(
                "Restore from a backup",
                "Finish the consult first: the practice file cannot be restored while a "
                "consult is presenting.",
            )
            self._status("Not restored: a consult is presenting.")
            return None
        if self._busy() or self._desk.path is None:
            return None
        folder, store = self.folder, Path(self._desk.path)

        def change_folder(chosen: Path) -> list[Backup]:
            used = set_backups_folder(chosen, self._settings)
            self._status(f"Backups of this computer now go to {used}.")
            return list_backups(store, used)

        dialog = RestoreDialog(list_backups(store, folder), folder, self._window, change_folder)
        dialog.accepted.connect(lambda: dialog.chosen and self.check(dialog.chosen))
        self.restore_dialog = dialog
        dialog.open()
        return dialog

    def check(self, backup: Path) -> BackupJob:
        """Check the chosen backup off the GUI thread; then ask before replacing anything."""
        progress = progress_dialog(
            self._window, "Restore from a backup", f"Checking {backup.name}…", cancellable=False
        )
        job = BackupJob(lambda _p, _c: check_backup(backup))
        job.succeeded.connect(lambda _none: self.confirm(backup))
        job.failed.connect(lambda why: self._refused(why))
        job.finished.connect(progress.end)  # close() would emit canceled
        self.job, self.progress = job, progress
        return job.start_work()

    def _refused(self, why: str) -> None:
        self._tell("Restore from a backup", f"Not restored: {why} Nothing was changed.")
        self._status(f"Not restored: {why}")

    def confirm(self, backup: Path) -> QMessageBox:
        """Name what will be replaced; Cancel is the default."""
        found = [b for b in list_backups(Path(self._desk.path), self.folder) if b.path == backup]
        taken = f"the backup from {when_words(found[0].taken_at)}" if found else backup.name
        box = QMessageBox(self._window)
        box.setObjectName("restoreConfirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Restore from a backup")
        box.setText(f"Replace the practice file with {taken}?")
        box.setInformativeText(
            f"This replaces {self._desk.path}: anything entered since that backup is set "
            f"aside. The practice as it is now is kept as a backup first, in {self.folder}.\n\n"
            "tcdesk closes the desk, restores the file and opens the restored practice."
        )
        self.restore_button = box.addButton("&Restore", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.accepted.connect(lambda: self._start_restore(backup))
        self.message = box
        box.open()
        return box

    def _start_restore(self, backup: Path) -> None:
        if self._presenting():
            self._refused("a consult is presenting.")
            return
        if self.host is None:  # a desk window without an app around it cannot reopen
            self._refused("restore from the command line: tcdesk restore FILE.")
            return
        self.host.restore_from(backup)


def restore_into(app: Any, backup: Path) -> BackupJob:
    """Close the app's desk, restore ``backup`` over its file, reopen it in a new window.

    ``app`` is the Application: ``desk``, ``main_window``, ``settings`` and
    ``build_main_window()``. If the restore fails, the unchanged file is reopened.
    """
    old_window, old_desk = app.main_window, app.desk
    store, clock = Path(old_desk.path), old_desk.clock
    folder = backups_folder_for(store, app.settings)
    qapp = QApplication.instance()
    quits = qapp.quitOnLastWindowClosed()  # type: ignore[union-attr]
    qapp.setQuitOnLastWindowClosed(False)  # type: ignore[union-attr]
    progress = progress_dialog(
        None,
        "Restore from a backup",
        "Restoring the practice file… tcdesk opens it again when done.",
        cancellable=False,
    )
    progress.setMinimumDuration(0)
    progress.show()
    for timer in old_window.findChildren(QTimer):
        timer.stop()
    for widget in [old_window, *old_window.findChildren(QWidget)]:
        if widget.isWindow() and widget.isVisible() and widget is not progress:
            widget.hide()
    who = old_desk.signed_in_id  # the restore's audit entry names them
    old_desk.close()

    def reopen(message: str) -> None:
        progress.end()
        try:
            app.desk = Desk.open(store, clock, create=False)
        except UserError as error:
            QMessageBox.critical(None, "tcdesk", str(error))
            qapp.quit()  # type: ignore[union-attr]
            return
        # The restored file has its own staff and PINs: whoever carries on signs in to it.
        if not sign_in_at_launch(app.desk):
            qapp.quit()  # type: ignore[union-attr]
            return
        app.build_main_window()
        app.main_window.show()
        app.main_window.say(message)
        old_window.deleteLater()
        qapp.setQuitOnLastWindowClosed(quits)  # type: ignore[union-attr]

    def done(result: RestoreResult) -> None:
        kept = (
            f" The practice as it was is kept as {result.kept_as.name}." if result.kept_as else ""
        )
        reopen(f"Restored from {result.restored_from.name}.{kept}")

    job = BackupJob(
        lambda p, _c: restore(backup, store, folder=folder, now=clock(), progress=p, actor_id=who)
    )
    job.progressed.connect(feed(progress))
    job.succeeded.connect(done)
    job.failed.connect(lambda why: reopen(f"Not restored: {why}"))
    app.restore_job = job
    return job.start_work()
