"""Screenshots of Back up now (progress over the desk) and Restore from a backup.

``python -m tcdesk.ui.desk.backup_screenshots --out docs/screenshots`` sets up a
new practice in a temporary folder (not the demo), makes a week of real
backups through the service, and saves backup-progress.png, restore-dialog.png
and restore-confirm.png.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QWidget

from tcdesk.ui.screenshot_kit import screenshot_folder

HISTORY = (  # (days before now, hour, reason)
    (6, 8, "daily"),
    (5, 8, "daily"),
    (4, 8, "daily"),
    (3, 8, "daily"),
    (2, 8, "daily"),
    (2, 16, "before-import"),
    (1, 8, "daily"),
    (0, 8, "daily"),
    (0, 12, "manual"),
)


def _over(window: QWidget, dialog: QWidget, path: Path) -> Path:
    """The desk with the dialog where it shows, centred over it (as the TC sees it)."""
    QApplication.processEvents()
    picture = window.grab()
    painter = QPainter(picture)
    shot = dialog.grab()
    painter.drawPixmap(
        QPoint((picture.width() - shot.width()) // 2, (picture.height() - shot.height()) // 3),
        shot,
    )
    painter.end()
    if not picture.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    out = screenshot_folder(argv, __doc__)

    from tcdesk.services.backups import back_up, list_backups
    from tcdesk.services.desk import Desk
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.services.practice_setup import PracticeSetup, set_up_practice
    from tcdesk.ui.desk.backup_job import feed, progress_dialog
    from tcdesk.ui.main_window import MainWindow
    from tcdesk.ui.screenshot_kit import grab
    from tcdesk.ui.style import staff_stylesheet

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "lakeside.sqlite3"
        now = datetime.now(UTC).replace(hour=12, minute=40, second=0, microsecond=0)
        desk = Desk.open(store, clock=lambda: now)
        practice = set_up_practice(
            desk, PracticeSetup("Lakeside Orthodontics", "Lakeside", "Ana Ruiz", "Dr. Sam Lee")
        )
        app.setStyleSheet(staff_stylesheet(practice.brand_color))
        for days, hour, reason in HISTORY:
            moment = (now - timedelta(days=days)).astimezone().replace(hour=hour, minute=0)
            back_up(store, reason=reason, now=moment)
        settings = MachineSettingsStore(Path(folder) / "machine.json")
        window = MainWindow(desk, now.astimezone().date(), lambda _id: None, settings=settings)
        window.resize(1280, 760)
        window.show()

        progress = progress_dialog(
            window,
            "Back up now",
            f"Backing up the practice file…\nTo {window.backups.folder}",
            cancellable=True,
        )
        progress.show()
        feed(progress)(412, 1000)
        _over(window, progress, out / "backup-progress.png")
        progress.hide()

        folder_path = window.backups.folder
        dialog = window.backups.open_restore()  # as File > Restore from a backup… opens it
        assert dialog is not None
        grab(dialog, out / "restore-dialog.png")
        confirm = window.backups.confirm(list_backups(store, folder_path)[2].path)
        _over(window, confirm, out / "restore-confirm.png")
        confirm.done(0)
        dialog.close()
        window.close()
        desk.close()
    from tcdesk.ui.app import shutdown

    shutdown(app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
