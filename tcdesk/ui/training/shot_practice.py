"""The demo practice and its training file in a folder, for the training screenshots."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tcdesk.domain import Practice
from tcdesk.services.clock import Clock
from tcdesk.services.desk import Desk


def demo_training(folder: Path, clock: Clock) -> tuple[Desk, Practice]:
    """Build the demo in ``folder``, make its training file and style the app like it."""
    from tcdesk.services.demo import build_demo
    from tcdesk.services.training.store import set_up_training, training_desk
    from tcdesk.ui.style import staff_stylesheet

    now: datetime = clock()
    practice_file = Path(folder) / "demo.sqlite3"
    desk = Desk.open(practice_file, clock=clock)
    build_demo(desk, now.astimezone().date())
    practice = desk.practice()
    assert practice is not None
    desk.close()
    set_up_training(practice_file, clock=clock)
    app = QApplication.instance()
    if app is not None:
        app.setStyleSheet(staff_stylesheet(practice.brand_color))  # type: ignore[union-attr]
    return training_desk(practice_file, clock=clock), practice
