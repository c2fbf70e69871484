"""Write docs/screenshots/notes-not-saved.png: the console while the disk is full.

A test helper, not part of tcdesk (the full disk is injected at the SQLite level
with ``tests.store_faults.disk_full``, which the UI may not do). Run from the
repository root: ``.venv/bin/python -m tests.ui.presentation.notes_screenshot``
(offscreen when there is no DISPLAY).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from datetime import time as clock_time
from pathlib import Path


def main(out: Path = Path("docs/screenshots")) -> int:
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from tcdesk.services.consult_room import ConsultRoom, PresentationKit
    from tcdesk.services.demo import build_demo
    from tcdesk.services.desk import Desk
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.presentation.controller import PresentationController
    from tcdesk.ui.presentation.keymap import Action
    from tcdesk.ui.presentation.screens import ScreenChooser
    from tcdesk.ui.screenshots import TEEN_CONSULT, grab
    from tcdesk.ui.style import staff_stylesheet
    from tests.store_faults import disk_full

    day = date.today()
    moment = datetime.combine(day, clock_time(9, 12)).astimezone(UTC)
    app = QApplication.instance() or QApplication([])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        desk = Desk.open(Path(folder) / "demo.sqlite3", clock=lambda: moment)
        build_demo(desk, day)
        app.setStyleSheet(staff_stylesheet(desk.practice().brand_color))
        settings = MachineSettingsStore(Path(folder) / "machine.json")
        room = ConsultRoom(desk, TEEN_CONSULT, PresentationKit.load(), resume=False)
        controller = PresentationController(room, ScreenChooser(settings), day)
        controller.show()
        controller.start()
        for _ in range(2):
            controller.do(Action.NEXT)
        notes = controller.notes
        notes.set_text("Mom asked about sports mouthguards; dad decides on cost.")
        with disk_full(desk):
            notes.editor.insertPlainText(
                " Zoë wants clear aligners before school photos in June."
                + " " * 6000  # a long paste: the file must grow, and cannot
            )
            deadline = time.monotonic() + 5
            while not notes.problem() and time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.02)
            assert controller.console is not None
            controller.console.resize(1920, 1080)
            for _ in range(20):
                app.processEvents()
            grab(controller.console, out / "notes-not-saved.png")
            grab(notes, out / "notes-not-saved-detail.png")
        controller.end()
        desk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")))
