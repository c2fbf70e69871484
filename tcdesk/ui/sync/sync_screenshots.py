"""Screenshots of the office sync on the desk: its status item and the conflicts review.

``python -m tcdesk.ui.sync.sync_screenshots --out docs/screenshots`` builds the demo
practice as the main office (Westerville) and a laptop joined to it at Delaware,
in a temporary folder, with the real ``tcdesk sync`` in child processes: the
same phone changed at both, a new family on the laptop. Then the main office's
desk syncs and is saved as sync-status.png (and its status bar, close up, as
sync-status-bar.png); with its folder gone, the bar as sync-status-unreachable.png;
File > Sync conflicts as sync-conflicts.png.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from tcdesk.ui.screenshot_kit import grab, screenshot_folder

DAY = (2026, 11, 27)  # the tests' demo day, so the desk looks as in the other pictures


def _tcdesk(*args: str) -> None:
    from tcdesk.services.sync.sync_commands import tcdesk_program

    env = {k: v for k, v in os.environ.items() if k != "TCDESK_DB"}
    done = subprocess.run(
        [*tcdesk_program(), *args], capture_output=True, text=True, env=env, check=False
    )
    if done.returncode:
        raise SystemExit(f"tcdesk {' '.join(args[:2])}: {done.stderr.strip()}")


def _edit(store: Path, edit) -> None:
    from tcdesk.services.desk import Desk

    desk = Desk.open(store, create=False)
    try:
        edit(desk)
    finally:
        desk.close()  # closed before any sync runs on the file


def _two_offices(root: Path) -> tuple[Path, Path]:
    """The demo as the main office and a laptop joined at Delaware, synced, then offline edits."""
    from tcdesk.services.demo import build_demo
    from tcdesk.services.desk import Desk
    from tcdesk.services.intake import add_family, family_for_editing, update_family
    from tcdesk.services.intake_checks import NewFamily

    main, laptop, folder = root / "main.sqlite3", root / "laptop.sqlite3", root / "share"
    folder.mkdir()
    moment = datetime(*DAY, 15, tzinfo=UTC)
    desk = Desk.open(main, clock=lambda: moment)
    build_demo(desk, moment.astimezone().date())
    patient = desk.patients.list(limit=1)[0].patient.id
    desk.close()
    _tcdesk("sync", "--db", str(main), "--folder", str(folder), "--json")
    _tcdesk("sync", "make-join", "--db", str(main), "--out", str(root / "join.tcdesk"))
    _tcdesk("sync", "join", "--db", str(laptop), str(root / "join.tcdesk"), "--office", "Delaware")
    _tcdesk("sync", "--db", str(laptop), "--folder", str(folder), "--json")

    def phone(number: str):
        def edit(d: Desk) -> None:
            update_family(d, patient, replace(family_for_editing(d, patient), phone=number))

        return edit

    def families(d: Desk) -> None:
        for first, last in (("Ben", "North"), ("Maya", "Okafor"), ("Leo", "Brandt")):
            add_family(
                d,
                NewFamily(first=first, last=last, birth_date=date(1988, 6, 1), phone="6145550100"),
            )

    _edit(main, phone("6145550001"))
    _edit(laptop, phone("6145550002"))  # later: the laptop's number is kept
    for store in (main, laptop, main):
        _tcdesk("sync", "--db", str(store), "--folder", str(folder), "--json")
    _edit(laptop, families)
    _tcdesk("sync", "--db", str(laptop), "--folder", str(folder), "--json")
    return main, folder


def main(argv: Sequence[str] | None = None) -> int:
    out = screenshot_folder(argv, __doc__)

    from tcdesk.services.desk import Desk
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.main_window import MainWindow
    from tcdesk.ui.style import staff_stylesheet

    app = QApplication.instance() or QApplication([])
    app.setStyleSheet(staff_stylesheet())
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        store, share = _two_offices(root)
        settings = MachineSettingsStore(root / "machine.json")
        settings.update(sync_folder=str(share))
        moment = datetime(*DAY, 15, tzinfo=UTC)
        desk = Desk.open(store, create=False, clock=lambda: moment)
        window = MainWindow(desk, moment.astimezone().date(), lambda _id: None, settings=settings)
        window.show()
        window.sync.start()
        _wait(app, lambda: window.sync.last_run is not None and not window.sync.process.running())
        grab(window, out / "sync-status.png")
        bar = window.statusBar()
        for _ in range(5):
            app.processEvents()
        width = 760
        close_up = bar.grab(QRect(bar.width() - width, 0, width, bar.height()))
        close_up.save(str(out / "sync-status-bar.png"))
        print(out / "sync-status-bar.png")
        settings.update(sync_folder=str(root / "unplugged-drive"))  # the drive left at home
        window.sync.sync_now(asked=True)
        _wait(app, lambda: window.sync.failure is not None and not window.sync.process.running())
        for _ in range(5):
            app.processEvents()  # the bar lays itself out again around the new words
        bar.grab(QRect(0, 0, bar.width(), bar.height())).save(
            str(out / "sync-status-unreachable.png")
        )
        print(out / "sync-status-unreachable.png")
        shown = window.sync.open_conflicts()
        assert shown is not None
        _wait(app, lambda: shown.review is not None or "could not" in shown.message.text())
        grab(shown, out / "sync-conflicts.png")
        shown.close()
        window.close()
        desk.close()
    return 0


def _wait(app: QApplication, done) -> None:
    deadline = datetime.now(UTC).timestamp() + 120
    while not done():
        if datetime.now(UTC).timestamp() > deadline:
            raise SystemExit("the sync did not finish in two minutes")
        app.processEvents()


if __name__ == "__main__":
    raise SystemExit(main())
