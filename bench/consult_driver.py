"""A real tcdesk app process with a consult driven from inside it, for the kill harness.

Test-only entry point (never imported by tcdesk): it builds the application as
``tcdesk.ui.app.run_app`` does (desk, machine settings, main window, the
resume offer), then, like a TC, resumes the interrupted consult with a click on
"Resume the consult" (or presents it when none was interrupted), types into the
private notes at a steady rate with ``QTest`` and pages the slides with the
clicker's PageDown/PageUp keys, until it is killed.

Every event goes to a side file as one JSON line, flushed and ``os.fsync``-ed
before the key is sent, so the harness knows what was typed when even after a
SIGKILL: ``{"k": "c", "c": "a", "t": <time.monotonic()>}`` per character (the
clock is system-wide on Linux, so the harness compares it with its own).

Usage (needs a DISPLAY with two monitors, see tcdesk.devtools.virtual_screens):
``python bench/consult_driver.py --db FILE --consult ID --log LOG --settings JSON``
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path
from typing import Any

TEXT = (
    "Mum asks whether clear aligners work for a deep bite; grandma pays in March, "
    "wants the monthly under two hundred. Worried about school photos in June. "
)


class SideLog:
    """Append-only JSON lines, each durable (fsync) before the call returns."""

    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def write(self, kind: str, **fields: Any) -> None:
        line = json.dumps({"k": kind, "t": time.monotonic(), **fields}) + "\n"
        os.write(self._fd, line.encode())
        os.fsync(self._fd)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--consult", required=True)
    parser.add_argument("--log", type=Path, required=True)
    parser.add_argument("--settings", type=Path, required=True)
    parser.add_argument("--rate", type=float, default=12.0, help="characters a second")
    parser.add_argument("--page-every", type=float, default=1.3, help="seconds between pages")
    args = parser.parse_args(argv)

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from tcdesk.services.desk import Desk
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.app import Application, shutdown
    from tcdesk.ui.presentation.launcher import offer_resume

    log = SideLog(args.log)
    log.write("launched", pid=os.getpid())

    def hook(kind: type[BaseException], error: BaseException, tb: Any) -> None:
        log.write("error", text="".join(traceback.format_exception(kind, error, tb))[-2000:])

    sys.excepthook = hook  # an error reaching Qt is a failure the harness counts
    qt = QApplication.instance() or QApplication(["tcdesk-driver"])
    desk = Desk.open(args.db)
    app = Application(desk, MachineSettingsStore(args.settings))
    app.main_window.show()
    prompt = offer_resume(app, app.main_window)
    state: dict[str, Any] = {"typed": 0, "direction": Qt.Key.Key_PageDown}

    def begin() -> None:
        if prompt is not None:
            QTest.mouseClick(prompt.resume_button, Qt.MouseButton.LeftButton)
        else:
            app.present(args.consult)
        controller = app.presentation
        if controller is None:
            log.write("error", text="no presentation after resume/present")
            return
        room = controller.room
        log.write(
            "resumed" if prompt is not None else "presented",
            resumed=room.resumed,
            step=room.session.index,
            started=room.session.started,
            text=controller.notes.text(),
        )
        controller.start()
        editor = controller.notes.editor
        editor.setFocus()
        log.write("typing")

        def type_one() -> None:
            char = TEXT[state["typed"] % len(TEXT)]
            editor.moveCursor(QTextCursor.MoveOperation.End)  # the TC types at the end
            log.write("c", c=char)
            QTest.keyClicks(editor, char)
            state["typed"] += 1

        def page() -> None:
            session = room.session
            if session.index >= len(session.steps) - 1:
                state["direction"] = Qt.Key.Key_PageUp
            elif session.index <= 0:
                state["direction"] = Qt.Key.Key_PageDown
            QTest.keyClick(editor, state["direction"])
            log.write("page", step=room.session.index)

        keys = QTimer(qt, interval=max(1, round(1000 / args.rate)))
        keys.timeout.connect(type_one)
        keys.start()
        pages = QTimer(qt, interval=round(args.page_every * 1000))
        pages.timeout.connect(page)
        pages.start()

    QTimer.singleShot(200, begin)  # once the prompt (if any) is up and the loop runs
    code = qt.exec()
    shutdown(qt)
    desk.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
