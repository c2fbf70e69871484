"""Screenshots of the dashboard on the demo practice (its thirteen months of history).

``python -m tcdesk.ui.pipeline.dashboard_screenshots --out docs/screenshots`` builds
the demo in a temporary folder and saves pipeline-dashboard.png (the trend tab)
pipeline-dashboard-sources.png (by lead source, filtered to one office) and
pipeline-targets-settings.png (Settings > Targets).
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tcdesk.ui.screenshot_kit import grab, screenshot_folder

DAY = (2026, 11, 27)  # the tests' demo day, so the pictures do not change with the calendar


def main(argv: Sequence[str] | None = None) -> int:
    out = screenshot_folder(argv, __doc__)

    from tcdesk.services.demo import build_demo
    from tcdesk.services.desk import Desk
    from tcdesk.ui.pipeline.dashboard_window import DashboardWindow
    from tcdesk.ui.settings.settings_window import SettingsWindow
    from tcdesk.ui.style import staff_stylesheet

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        moment = datetime(*DAY, 15, tzinfo=UTC)
        desk = Desk.open(Path(folder) / "demo.sqlite3", clock=lambda: moment)
        build_demo(desk, moment.astimezone().date())
        app.setStyleSheet(staff_stylesheet())
        window = DashboardWindow(desk)
        window.resize(1400, 960)
        window.show()
        _wait(app, window)
        window.tabs.setCurrentIndex(1)
        grab(window, out / "pipeline-dashboard.png")
        window.tabs.setCurrentIndex(2)
        window.filters.office.setCurrentIndex(1)
        _wait(app, window)
        grab(window, out / "pipeline-dashboard-sources.png")
        window.close()
        settings = SettingsWindow(desk)
        settings.show_page("targets")
        settings.show()
        grab(settings, out / "pipeline-targets-settings.png")
        settings.close()
        desk.close()
    return 0


def _wait(app: QApplication, window) -> None:
    while window.busy() or window.report is None:
        app.processEvents()


if __name__ == "__main__":
    raise SystemExit(main())
