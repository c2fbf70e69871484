"""Screenshots of every Settings page, from a practice set up as a real one is.

``python -m tcdesk.ui.settings.screenshots --out docs/screenshots`` sets up a
practice in a temporary file through the same services the app uses (two
offices, three staff, its own logo and fees; no demo data) and saves
``settings-<page>.png`` for each page.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw
from PySide6.QtWidgets import QApplication

from tcdesk.services.desk import Desk
from tcdesk.services.practice_setup import PracticeSetup, set_up_practice
from tcdesk.services.settings import fees, money_rules, offices, practice_details, staff
from tcdesk.ui.settings.settings_window import PAGES, SettingsWindow
from tcdesk.ui.style import staff_stylesheet


def _logo(folder: Path) -> Path:
    image = Image.new("RGB", (480, 160), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 20, 140, 140), fill=(31, 111, 139))
    draw.rectangle((170, 60, 450, 100), fill=(31, 111, 139))
    path = folder / "lakeside-logo.png"
    image.save(path)
    return path


def practice(folder: Path) -> Desk:
    """A practice on its first morning, set up through Settings."""
    desk = Desk.open(folder / "lakeside.sqlite3")
    set_up_practice(
        desk,
        PracticeSetup(
            practice_name="Lakeside Orthodontics",
            office_name="Lakeside",
            coordinator_name="Ana Torres",
            doctor_name="Dr. Priya Lee",
            phone="(555) 010-2000",
            address="18 Shore Road, Lakeside, MN 55401",
        ),
    )
    practice_details.update_practice(
        desk, {"email": "hello@lakeside-ortho.example", "website": "lakeside-ortho.example"}
    )
    practice_details.import_logo(desk, _logo(folder))
    offices.add_office(
        desk, {"name": "Northside", "phone": "(555) 010-3000", "address": "4 Pine St, Northside"}
    )
    staff.add_staff(
        desk,
        {"name": "Sam Okafor", "role": "admin", "title": "Office manager", "office": "Lakeside"},
    )
    ana = staff.find_staff(desk, "Ana Torres")
    staff.edit_staff(
        desk, ana.id, {"title": "Treatment coordinator", "email": "ana@lakeside-ortho.example"}
    )
    braces = fees.find_fee(desk, "Metal braces")
    fees.edit_fee(
        desk,
        braces.id,
        {"fee": "5,800", "description": "Strong, reliable braces that fix any bite."},
    )
    money_rules.update_policy(desk, {"pif_discount_pct": "4", "late_fee": "30"})
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
        window = SettingsWindow(desk)
        window.resize(1100, 720)
        window.show()
        for key, _title, _cls in PAGES:
            window.show_page(key)
            for _ in range(5):
                app.processEvents()
            path = args.out / f"settings-{key}.png"
            window.grab().save(str(path))
            print(path)
        window.show_page("offices").add()
        dialog = window.pages["offices"].dialog
        dialog.form.inputs["name"].setText("")
        dialog.try_save()
        app.processEvents()
        dialog.grab().save(str(args.out / "settings-office-dialog.png"))
        print(args.out / "settings-office-dialog.png")
        dialog.reject()
        window.close()
        desk.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
