"""The import runs off the GUI thread, on its own connection to the practice file.

The worker opens a second Desk on the same path (SQLite in WAL mode lets the
window keep reading), so the window's connection is never used from two
threads; the dialog is modal meanwhile, so nothing else writes.
"""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal

from tcdesk import crash_log
from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.importer import ImportPreview, commit


class ImportWorker(QThread):
    progressed = Signal(int, int)  # rows written, rows to write
    succeeded = Signal(object)  # ImportResult
    failed = Signal(str)  # a message for the coordinator

    def __init__(self, desk: Desk, preview: ImportPreview) -> None:
        super().__init__()
        self._path = desk.path
        self._clock = desk.clock
        self._shared = desk if desk.path is None else None
        self._preview = preview

    def run(self) -> None:
        try:
            desk = self._shared or Desk.open(self._path, self._clock, create=False)
            try:
                result = commit(desk, self._preview, self.progressed.emit)
            finally:
                if self._shared is None:
                    desk.close()
        except UserError as error:
            self.failed.emit(str(error))
        except Exception:  # a bug: the details go to the crash log, the TC gets a sentence
            log = crash_log.write_crash_report()
            self.failed.emit(
                f"Something went wrong inside tcdesk; nothing was imported. Details: {log}"
            )
        else:
            self.succeeded.emit(result)
