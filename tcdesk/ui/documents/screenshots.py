"""Screenshots of the agreement preview while its PDF is being made (a slow computer).

``python -m tcdesk.devtools.virtual_screens -- python -m tcdesk.ui.documents.screenshots
--out docs/screenshots`` builds the demo in a temporary file, takes its longest
agreement and holds the build on a busy one-thread pool, the way a slow
office computer would, so the busy row that appears after 300 ms can be seen:
``agreement-building.png`` (first opening, nothing made yet) and
``agreement-building-new-version.png`` (New version over version 1).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import threading
import time
from collections.abc import Sequence
from datetime import UTC, date, datetime
from datetime import time as clock_time
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from tcdesk.services import agreements
from tcdesk.services.demo import build_demo
from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.ui.documents.agreement_controls import BUSY_DELAY_MS
from tcdesk.ui.documents.agreement_preview import AgreementPreview
from tcdesk.ui.style import staff_stylesheet


def _longest_agreement(desk: Desk) -> str:
    """The consult whose agreement PDF is the biggest (most pages) in the demo."""
    sizes: dict[str, int] = {}
    for consult in desk.consults.all():
        try:
            pending = agreements.prepare_generation(desk, consult.id)
        except Exception:  # no plan yet: no agreement to make
            continue
        sizes[consult.id] = len(agreements.build_pdf(pending))
    return max(sizes, key=lambda consult_id: sizes[consult_id])


def _wait(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _held_pool() -> tuple[QThreadPool, threading.Event]:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    release = threading.Event()
    pool.start(lambda: release.wait(30))
    return pool, release


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="docs/screenshots", type=Path)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    # Not this computer's remembered window places: the same picture on every machine.
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="tcdesk-shots-config-")
    app = QApplication.instance() or QApplication([])
    day = date(2026, 11, 27)
    moment = datetime.combine(day, clock_time(10)).astimezone(UTC)
    with tempfile.TemporaryDirectory() as folder:
        desk = Desk.open(Path(folder) / "demo.sqlite3", clock=lambda: moment)
        build_demo(desk, day)
        app.setStyleSheet(staff_stylesheet(desk.practice().brand_color))  # type: ignore[union-attr]
        settings = MachineSettingsStore(Path(folder) / "machine.json")
        consult_id = _longest_agreement(desk)
        shots = (("agreement-building", True), ("agreement-building-new-version", False))
        for name, first in shots:
            if not first:
                agreements.generate(desk, consult_id)
            pool, release = _held_pool()
            preview = AgreementPreview(desk, consult_id, settings=settings, pool=pool)
            preview.resize(1000, 900)
            preview.show()
            if not first:
                preview.generate_new_version()
            _wait(app, BUSY_DELAY_MS / 1000 + 0.3)
            path = args.out / f"{name}.png"
            if not preview.grab().save(str(path)):
                raise SystemExit(f"could not write {path}")
            print(path)
            release.set()
            pool.waitForDone(30_000)
            _wait(app, 0.2)
            preview.done(0)
            preview.deleteLater()
            _wait(app, 0.1)
        desk.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
