"""Screenshots of signing in and the lock, on a practice set up by hand (not the demo).

``python -m tcdesk.devtools.virtual_screens -- python -m tcdesk.ui.lock.screenshots``
writes docs/screenshots/sign-in.png, sign-in-wrong-pin.png, locked.png, set-pin.png,
passphrase.png, passphrase-wrong.png and set-up-encrypted.png.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tcdesk.services import sign_in
from tcdesk.services.desk import Desk
from tcdesk.services.practice_setup import PracticeSetup, set_up_practice
from tcdesk.services.settings import staff
from tcdesk.ui.first_run import PracticeSetupDialog
from tcdesk.ui.lock.lock_window import LockWindow
from tcdesk.ui.lock.passphrase_dialog import PassphraseDialog
from tcdesk.ui.lock.pin_dialog import SetPinDialog
from tcdesk.ui.lock.sign_in_window import SignInWindow
from tcdesk.ui.screenshot_kit import grab
from tcdesk.ui.style import staff_stylesheet


def practice(folder: Path) -> Desk:
    desk = Desk.open(folder / "lakeside.sqlite3")
    set_up_practice(
        desk,
        PracticeSetup(
            practice_name="Lakeside Orthodontics",
            office_name="Lakeside",
            coordinator_name="Ana Torres",
            doctor_name="Dr. Priya Lee",
            phone="(555) 010-2000",
            pin="2468",
        ),
    )
    sam = staff.add_staff(desk, {"name": "Sam Okafor", "role": "admin", "title": "Office manager"})
    sign_in.set_pin(desk, staff.find_staff(desk, "Dr. Priya Lee").id, "1357")
    sign_in.set_pin(desk, sam.id, "8080")
    sign_in.sign_out(desk)
    return desk


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="docs/screenshots", type=Path)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        desk = practice(Path(tmp))
        app.setStyleSheet(staff_stylesheet(desk.practice().brand_color))
        window = SignInWindow(desk)
        window.show()
        window.form.person.setCurrentIndex(0)
        grab(window, args.out / "sign-in.png")
        window.form.pin.setText("1111")
        window.form.submit()
        grab(window, args.out / "sign-in-wrong-pin.png")
        window.close()

        ana = staff.find_staff(desk, "Ana Torres")
        sign_in.sign_in(desk, ana.id, "2468")
        lock = LockWindow(
            desk, lambda *_: None, chosen=ana.id, reason="Locked after 5 idle minutes."
        )
        lock.show_on_primary()
        grab(lock, args.out / "locked.png")
        lock.allow_close()
        lock.close()

        dialog = SetPinDialog(desk, ana.id, ana.name)
        dialog.show()
        dialog.pin.setText("2468")
        dialog.again.setText("2469")
        dialog.try_save()
        grab(dialog, args.out / "set-pin.png")
        dialog.reject()
        desk.close()
        encryption_pictures(args.out)
    return 0


def encryption_pictures(out: Path) -> None:
    """The passphrase at launch (and after a wrong one), and the set-up form offering it."""
    for wrong, name in ((False, "passphrase.png"), (True, "passphrase-wrong.png")):
        ask = PassphraseDialog(Path("lakeside.sqlite3"), wrong=wrong)
        ask.show()
        ask.edit.setText("lakeside blue" if wrong else "")
        grab(ask, out / name)
        ask.reject()
    form = PracticeSetupDialog()
    for key, text in (
        ("practice_name", "Lakeside Orthodontics"),
        ("office_name", "Lakeside"),
        ("phone", "(555) 010-2000"),
        ("address", "18 Shore Road, Lakeside, MN 55401"),
        ("coordinator_name", "Ana Torres"),
        ("pin", "2468"),
        ("doctor_name", "Dr. Priya Lee"),
    ):
        form.edits[key].setText(text)
    form.show()
    form.encryption.encrypt.setChecked(True)
    form.encryption.first.setText("lakeside blue harbour")
    form.encryption.again.setText("lakeside blue harbor")
    form._try_accept()
    grab(form, out / "set-up-encrypted.png")
    form.reject()


if __name__ == "__main__":
    raise SystemExit(main())
