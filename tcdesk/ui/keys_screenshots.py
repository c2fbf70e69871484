"""Screenshots of the keyboard help and the focus ring, on a practice set up by hand.

``python -m tcdesk.devtools.virtual_screens -- python -m tcdesk.ui.keys_screenshots
--out docs/screenshots`` writes shortcut-help-desk.png (F1 on the desk),
shortcut-help-presentation.png ("?" on the console) and focus-ring.png (the
desk with the focus on a button, then on the patient list).
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from tcdesk.ui.screenshot_kit import screenshot_folder

SHOT_DAY = date(2026, 12, 1)


def _settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


def _save(image: QImage, path: Path) -> None:
    if not image.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def _grab(widget: QWidget) -> QImage:
    _settle()
    return widget.grab().toImage()


def _stacked(top: QImage, bottom: QImage) -> QImage:
    image = QImage(
        max(top.width(), bottom.width()), top.height() + bottom.height() + 12, top.format()
    )
    image.fill(0xFF8A9197)
    painter = QPainter(image)
    painter.drawImage(QPoint(0, 0), top)
    painter.drawImage(QPoint(0, top.height() + 12), bottom)
    painter.end()
    return image


def main(argv: Sequence[str] | None = None) -> int:
    out = screenshot_folder(argv, __doc__)

    from tcdesk.domain import StaffRole
    from tcdesk.services.consult_options import add_option
    from tcdesk.services.consult_room import ConsultRoom, PresentationKit
    from tcdesk.services.desk import Desk
    from tcdesk.services.intake import NewFamily, PartyInput, add_family
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.services.practice_setup import PracticeSetup, set_up_practice
    from tcdesk.services.schedule import Slot, book_consult
    from tcdesk.ui.main_window import MainWindow
    from tcdesk.ui.presentation.controller import PresentationController
    from tcdesk.ui.presentation.screens import ScreenChooser
    from tcdesk.ui.style import staff_stylesheet

    moment = datetime.combine(SHOT_DAY, time(10, 40)).astimezone(UTC)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        desk = Desk.open(Path(folder) / "practice.sqlite3", clock=lambda: moment)
        practice = set_up_practice(
            desk, PracticeSetup("Lakeside Orthodontics", "Lakeside", "Ana Ruiz", "Dr. Sam Lee")
        )
        family = add_family(
            desk,
            NewFamily(
                first="Mateo",
                last="Alvarez",
                birth_date="2013-09-21",
                phone="(503) 555-0188",
                parties=(PartyInput("Carmen Alvarez", "mother", "(503) 555-0188"),),
            ),
        )
        office = desk.practices.offices(practice.id)[0]
        staff = {s.role: s for s in desk.practices.staff(practice.id)}
        slot = Slot(
            office.id,
            staff[StaffRole.COORDINATOR].id,
            staff[StaffRole.DOCTOR].id,
            SHOT_DAY,
            time(14, 0),
        )
        consult = book_consult(desk, family.patient.id, slot).consult
        add_option(desk, consult.id, "clear_aligners", recommended=True)
        app.setStyleSheet(staff_stylesheet(practice.brand_color))

        window = MainWindow(desk, SHOT_DAY, on_present=lambda _cid: None)
        window.resize(1500, 860)
        window.show()
        window.activateWindow()
        window.intake.new_family_button.setFocus()
        on_button = _grab(window)
        window.table.setFocus()
        _save(_stacked(on_button, _grab(window)), out / "focus-ring.png")

        window.menus["help"].actions()[0].trigger()
        _settle()
        from tcdesk.ui.shortcut_help import ShortcutHelpWindow

        help_window = window.findChild(ShortcutHelpWindow)
        assert help_window is not None
        _save(_grab(help_window), out / "shortcut-help-desk.png")
        help_window.close()
        window.hide()

        room = ConsultRoom(desk, consult.id, PresentationKit.load())
        screens = ScreenChooser(MachineSettingsStore(Path(folder) / "machine.json"))
        single = len(QApplication.screens()) < 2
        controller = PresentationController(room, screens, SHOT_DAY, single_screen=single)
        controller.show()
        _settle()
        shown = controller.show_shortcuts()
        _save(_grab(shown), out / "shortcut-help-presentation.png")
        shown.close()
        controller.end()
        window.close()
        desk.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
