"""Screenshots of the pipeline with the demo practice: a lead, the queue, a contact.

``python -m tcdesk.ui.pipeline.screenshots --out docs/screenshots`` writes
pipeline-lead.png (the quick-add form, "More" open, a doctor's referral typed
in), pipeline-queue.png (everyone's queue, overdue first) and
pipeline-contact.png (logging a call with the top family), plus
pipeline-desk.png (the desk with its Follow-ups count).
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tcdesk.ui.screenshot_kit import grab, screenshot_folder

SHOT_DAY = date(2026, 12, 1)


def main(argv: Sequence[str] | None = None) -> int:
    out = screenshot_folder(argv, __doc__)
    from tcdesk.services.demo import build_demo
    from tcdesk.services.desk import Desk
    from tcdesk.ui.main_window import MainWindow
    from tcdesk.ui.style import staff_stylesheet

    moment = datetime.combine(SHOT_DAY, time(10, 30)).astimezone(UTC)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        desk = Desk.open(Path(folder) / "demo.sqlite3", clock=lambda: moment)
        build_demo(desk, SHOT_DAY)
        app.setStyleSheet(staff_stylesheet(desk.practice().brand_color))
        window = MainWindow(desk, SHOT_DAY, on_present=lambda _cid: None)
        window.resize(1600, 900)
        window.show()
        grab(window, out / "pipeline-desk.png")

        form = window.pipeline.new_lead()
        form.name.setText("Priya Natarajan")
        form.channel.setCurrentIndex(form.channel.findData("doctor_referral"))
        form.contact.setText("(614) 555-0172")
        form.referrer.setCurrentIndex(1)
        form.note.setPlainText("Son, 11: crossbite; Dr. Okonkwo would like him seen soon")
        form.warmth.setCurrentIndex(form.warmth.findData("hot"))
        form.has_next.setChecked(True)
        form.coordinator.setCurrentIndex(1)
        form.office.setCurrentIndex(1)
        form.adjustSize()
        grab(form, out / "pipeline-lead.png")
        form.reject()

        queue = window.pipeline.open_queue()
        queue.everyone.setChecked(True)
        queue.resize(1280, 720)
        queue.table.selectRow(0)
        grab(queue, out / "pipeline-queue.png")

        dialog = queue.log_selected()
        assert dialog is not None
        dialog.adjustSize()
        grab(dialog, out / "pipeline-contact.png")
        dialog.reject()
        queue.close()
        window.close()
        desk.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
