"""A realistic Monday at a practice set up through the services (not the demo).

Used by the schedule's window tests and by its screenshots:
``python -m tests.ui.desk.schedule_scenes --out docs/screenshots`` writes
schedule-day.png, schedule-week.png, schedule-booking.png (the overlap
warning showing) and today-board.png.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from tcdesk.domain import ConsultStatus, SavedSession, TreatmentOption, TreatmentType
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.schedule import book_consult, cancel_consult, check_in
from tests.conftest import local_moment
from tests.services.schedule_seed import (
    DAY,
    MovableClock,
    Practice,
    book_realistic_day,
    seed_practice,
    slot,
)


def busy_morning(desk: Desk, clock: MovableClock) -> tuple[Practice, dict[str, str]]:
    """Booked the Friday before; on Monday at 10:40 the day is under way."""
    clock.set(DAY - timedelta(days=3), 16)
    p = seed_practice(desk)
    ids = book_realistic_day(desk, p)
    for offset, name, hh, tc, doctor in (
        (1, "Olivia", 10, p.tc, p.doctor),
        (1, "Mason", 13, p.tc2, p.doctor2),
        (2, "Emma", 9, p.tc, p.doctor2),
        (3, "Noah", 15, p.tc2, p.doctor),
        (3, "Sofia", 11, p.tc, p.doctor),
        (4, "Liam", 8, p.tc, p.doctor),
        (4, "Ava", 14, p.tc2, p.doctor2),
    ):
        book_consult(
            desk,
            p.patients[name].id,
            slot(p, DAY + timedelta(days=offset), hh, tc=tc, doctor=doctor),
        )
    cancel_consult(desk, ids["Olivia"], "Moved to Tuesday: work trip")
    clock.set(DAY, 7, 52)
    check_in(desk, ids["Ava"])
    clock.set(DAY, 8, 54)
    check_in(desk, ids["Noah"])
    clock.set(DAY, 9, 24)
    check_in(desk, ids["Emma"])
    # Ava was presented at 8:00 and is thinking it over, aligners chosen.
    ava = desk.consults.get(ids["Ava"])
    option = TreatmentOption(
        new_id(), ava.id, TreatmentType.CLEAR_ALIGNERS, "Clear aligners", "", 18, 8, 590_000
    )
    desk.consults.save_option(option)
    desk.consults.save(replace(ava, status=ConsultStatus.PENDING, chosen_option_id=option.id))
    # Noah is in the room now.
    desk.consults.save_session(
        SavedSession(ids["Noah"], "teen_comprehensive", "welcome", 2, started=True, updated_at="x")
    )
    clock.set(DAY, 10, 40)
    return p, ids


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="docs/screenshots", type=Path)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from tcdesk.ui.desk.schedule_window import ScheduleWindow
    from tcdesk.ui.main_window import MainWindow
    from tcdesk.ui.style import staff_stylesheet

    app = QApplication.instance() or QApplication([])
    app.setStyleSheet(staff_stylesheet())
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        clock = MovableClock(local_moment(DAY, 7))
        desk = Desk.open(Path(folder) / "practice.sqlite3", clock=clock)
        _p, ids = busy_morning(desk, clock)
        window = ScheduleWindow(desk, DAY)
        window.resize(1280, 1000)
        window.show()
        window.grid.select(ids["Emma"])
        _save(app, window, args.out / "schedule-day.png")
        window.show_week(True)
        _save(app, window, args.out / "schedule-week.png")
        window.show_week(False)
        dialog = window.book()
        dialog.patient_search.setText("Olivia")
        dialog.time_edit.setText("11:15")
        dialog.minutes.setValue(45)
        dialog.submit()
        _save(app, dialog, args.out / "schedule-booking.png")
        dialog.reject()
        window.close()
        main_window = MainWindow(desk, DAY, on_present=lambda _cid: None)
        main_window.resize(1600, 960)
        main_window.show()
        _save(app, main_window, args.out / "today-board.png")
        main_window.close()
        desk.close()
    return 0


def _save(app, widget, path: Path) -> None:
    for _ in range(5):
        app.processEvents()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


if __name__ == "__main__":
    raise SystemExit(main())
