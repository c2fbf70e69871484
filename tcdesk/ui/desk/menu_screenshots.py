"""Screenshots of the menus, About, Export and the Quit question, on a practice set up by hand.

``python -m tcdesk.ui.desk.menu_screenshots --out docs/screenshots`` writes
menus-file.png ... menus-training.png, menus-help.png (each desk menu open), menus-console.png
(the console's View menu during a consult), about.png, export.png and
quit-consult-open.png. A menu is its own popup window, so each picture is the
window with the open menu painted onto it where it sits on the screen.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget

SHOT_DAY = date(2026, 12, 1)


def _settle(rounds: int = 8) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def _save(pixmap: QPixmap, path: Path) -> Path:
    if not pixmap.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)
    return path


def grab_widget(widget: QWidget, path: Path) -> Path:
    _settle()
    return _save(widget.grab(), path)


def grab_open_menu(window: QMainWindow, menu: QMenu, path: Path, margin: int = 40) -> Path:
    """Open ``menu`` from the window's menu bar; the window's corner with the menu on it."""
    window.menuBar().setActiveAction(menu.menuAction())
    _settle()
    shot = window.grab()
    painter = QPainter(shot)
    at = window.mapFromGlobal(menu.pos())
    painter.drawPixmap(at, menu.grab())
    painter.end()
    area = QRect(QPoint(0, 0), at + QPoint(menu.width() + margin * 4, menu.height() + margin))
    menu.hide()
    window.menuBar().setActiveAction(None)  # type: ignore[arg-type]
    _settle()
    return _save(shot.copy(area.intersected(shot.rect())), path)


def menu_screenshots(out: Path) -> list[Path]:
    """Every picture, on a fresh practice in a temporary folder; returns the files written."""
    from tcdesk.services.desk import Desk
    from tcdesk.services.intake import NewFamily, PartyInput, add_family
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.services.practice_setup import PracticeSetup, set_up_practice
    from tcdesk.services.walk_in import on_duty, start_walk_in
    from tcdesk.ui.app import Application
    from tcdesk.ui.style import staff_stylesheet

    out.mkdir(parents=True, exist_ok=True)
    moment = datetime.combine(SHOT_DAY, time(10, 40)).astimezone(UTC)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        desk = Desk.open(Path(folder) / "practice.sqlite3", clock=lambda: moment)
        set_up_practice(
            desk, PracticeSetup("Lakeside Orthodontics", "Lakeside", "Ana Ruiz", "Dr. Sam Lee")
        )
        add_family(
            desk,
            NewFamily(
                first="Mateo",
                last="Alvarez",
                birth_date="2013-09-21",
                phone="(503) 555-0188",
                parties=(PartyInput("Carmen Alvarez", "mother", "(503) 555-0188"),),
            ),
        )
        duty = on_duty(desk)
        walk_in = start_walk_in(
            desk,
            "Sam Okafor",
            "(503) 555-0142",
            duty.office.id,
            duty.coordinator.id,
            duty.doctor.id,
            moment,
        )
        QApplication.instance().setStyleSheet(  # type: ignore[union-attr]
            staff_stylesheet(desk.practice().brand_color)  # type: ignore[union-attr]
        )
        app = Application(desk, MachineSettingsStore(Path(folder) / "machine.json"))
        window = app.main_window
        window.resize(1500, 820)
        window.show()
        window.activateWindow()
        window.intake.show_patient(walk_in.patient.id)
        window.say("Walk-in added: Sam Okafor. Ctrl+Enter presents the consult.")
        _settle()
        for name in ("file", "edit", "consult", "view", "training", "help"):
            written.append(grab_open_menu(window, window.menus[name], out / f"menus-{name}.png"))

        about = window.menu_actions.open_about()
        written.append(grab_widget(about, out / "about.png"))
        about.reject()
        export = window.menu_actions.open_export()
        written.append(grab_widget(export, out / "export.png"))
        export.reject()

        app.present(walk_in.consult.id)
        controller = app.presentation
        assert controller is not None and controller.console is not None
        controller.start()
        controller.notes.editor.setPlainText("Mum asks whether aligners work for a swimmer.")
        console = controller.console
        console.resize(1920, 1080)
        _settle(12)
        view_menu = controller.console_menus["view"]
        written.append(grab_open_menu(console, view_menu, out / "menus-console.png"))
        question = app.open_consult.ask()
        assert question is not None
        written.append(grab_widget(question, out / "quit-consult-open.png"))
        question.reject()
        controller.leave_for_later()
        window.close()
        desk.close()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="docs/screenshots", type=Path)
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([])
    menu_screenshots(args.out)
    from tcdesk.ui.app import shutdown

    shutdown(app)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
