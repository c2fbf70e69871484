"""Screenshots of the consult record on a practice set up as a new office would.

``python -m tcdesk.ui.desk.record_screenshots --out docs/screenshots`` sets up
a practice through ``set_up_practice`` in a temporary folder, books one
family (saved through the repositories: intake is another part), fills the
record through ``tcdesk.services.consult_record`` with pictures drawn here
(a portrait JPEG stored sideways with an EXIF turn, and an x-ray PNG), and
saves ``record-<section>.png`` for each section plus
``record-findings-slide.png``, the family's findings slide. No demo data.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter


def draw_smile(path: Path) -> Path:
    """A portrait 'intraoral photo' (lips and teeth), saved sideways with an EXIF turn."""
    w, h = 900, 1200
    image = Image.new("RGB", (w, h), (232, 190, 168))
    draw = ImageDraw.Draw(image)
    draw.ellipse((70, 330, w - 70, 900), fill=(176, 74, 84))  # lips
    draw.ellipse((140, 420, w - 140, 820), fill=(92, 30, 40))  # mouth
    for n in range(8):
        x = 170 + n * 72
        top = 470 + abs(3.5 - n) * 10 + (18 if n in (2, 5) else 0)
        draw.rounded_rectangle((x, top, x + 64, top + 150), 18, fill=(248, 244, 232))
        draw.rounded_rectangle((x + 8, 640, x + 70, 760), 16, fill=(238, 232, 218))
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    sideways = image.transpose(Image.Transpose.ROTATE_90)  # as the phone stored it
    exif = Image.Exif()
    exif[0x0112] = 6  # "turn 90° clockwise to view"
    sideways.save(path, "JPEG", exif=exif.tobytes(), quality=92)
    return path


def draw_xray(path: Path) -> Path:
    w, h = 1600, 800
    image = Image.new("L", (w, h), 28)
    draw = ImageDraw.Draw(image)
    draw.ellipse((120, 120, w - 120, h - 60), fill=52)
    for n in range(14):
        x = 230 + n * 82
        draw.rounded_rectangle((x, 250, x + 66, 390), 20, fill=205)
        draw.rounded_rectangle((x + 18, 390, x + 48, 520), 12, fill=150)
        draw.rounded_rectangle((x + 6, 430, x + 62, 560), 20, fill=190)
    image.filter(ImageFilter.GaussianBlur(2)).save(path, "PNG")
    return path


def fill_practice(folder: Path, now: datetime):
    """The practice file, set up and with Mia Carter's consult recorded; returns desk, id."""
    from dataclasses import replace

    from tcdesk.domain import (
        Consult,
        LeadSource,
        Patient,
        Relationship,
        ResponsibleParty,
        StaffRole,
    )
    from tcdesk.services import consult_record as rec
    from tcdesk.services.clock import utc_iso
    from tcdesk.services.desk import Desk
    from tcdesk.services.practice_setup import PracticeSetup, set_up_practice

    desk = Desk.open(folder / "lakeside.sqlite3", clock=lambda: now)
    practice = set_up_practice(
        desk,
        PracticeSetup("Lakeside Orthodontics", "Lakeside", "Ana Ruiz", "Dr. Sam Lee"),
    )
    descriptions = {
        "metal_braces": "Small metal brackets and a wire.\nThe most reliable way to straighten.",
        "clear_aligners": "Clear trays you change every week.\nTake them out to eat.",
        "clear_braces": "Tooth-coloured brackets.\nHard to see in photos.",
    }
    for item in desk.practices.fee_schedule(practice.id):
        if item.treatment_type.value in descriptions:
            desk.practices.save_fee(
                replace(item, description=descriptions[item.treatment_type.value])
            )
    office = desk.practices.offices(practice.id)[0]
    staff = {s.role: s for s in desk.practices.staff(practice.id)}
    desk.patients.save(
        Patient(
            "pa-mia",
            practice.id,
            "Amelia",
            "Carter",
            date(now.year - 14, 3, 14),
            preferred_name="Mia",
            phone="(555) 010-3344",
            lead_source=LeadSource.WEBSITE,
            office_id=office.id,
        )
    )
    desk.patients.save_responsible_party(
        ResponsibleParty("rp-mia", "pa-mia", "Laura Carter", Relationship.MOTHER, pays=True)
    )
    cid = "co-mia"
    desk.consults.save(
        Consult(
            cid,
            "pa-mia",
            office.id,
            staff[StaffRole.COORDINATOR].id,
            staff[StaffRole.DOCTOR].id,
            utc_iso(now),
        )
    )
    rec.set_concern_and_priorities(
        desk,
        cid,
        "Her front teeth are crooked and she hides her smile in photos.",
        ["school photos", "appearance", "Soccer season"],
    )
    rec.add_finding(desk, cid, "crowding", "moderate", "UL2 blocked out, about 4 mm short")
    rec.add_finding(desk, cid, "deep_bite", "mild", "")
    rec.add_option(desk, cid, "metal_braces")
    rec.add_option(desk, cid, "clear_aligners", fee="5600", reason="Sibling in treatment")
    rec.add_option(desk, cid, "clear_braces")
    rec.add_photos(desk, cid, [draw_smile(folder / "IMG_0042.jpg")], caption="Your smile")
    rec.add_photos(
        desk, cid, [draw_xray(folder / "pano.png")], kind="xray", caption="Panoramic x-ray"
    )
    return desk, cid


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="docs/screenshots", type=Path)
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from tcdesk.services.consult_room import ConsultRoom, PresentationKit
    from tcdesk.ui.desk.consult_record import ConsultRecordWindow
    from tcdesk.ui.screenshot_kit import grab
    from tcdesk.ui.screenshots import _settle
    from tcdesk.ui.slide_painter import render_slide_image
    from tcdesk.ui.style import staff_stylesheet

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    day = date(2026, 11, 27)
    now = datetime.combine(day, time(10, 5)).astimezone(UTC)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        desk, cid = fill_practice(Path(folder), now)
        app.setStyleSheet(staff_stylesheet(desk.practice().brand_color))
        kit = PresentationKit.load()
        window = ConsultRecordWindow(desk, cid, flows=kit.flows)
        window.resize(1100, 720)
        window.show()
        for key in ("concern", "findings", "options", "photos", "flow"):
            window.show_section(key)
            _settle(app, 8)
            grab(window, out / f"record-{key}.png")
        window.show_section("options")
        window.options.table.selectRow(1)
        window.options.edit()
        dialog = window.options.dialog
        dialog.fee.setText("5,400")
        dialog.reason.clear()
        dialog._accept()  # refused: the reason is missing; the message sits at the field
        _settle(app, 8)
        grab(dialog, out / "record-option-fee-reason.png")
        dialog.reject()
        window.close()
        room = ConsultRoom(desk, cid, kit, record=False)
        slide = next(s for s in room.slides if s.kind.value == "problem")
        image = render_slide_image(slide, 1920, 1080)
        path = out / "record-findings-slide.png"
        if not image.save(str(path)):
            raise SystemExit(f"could not write {path}")
        print(path)
        desk.close()
    from tcdesk.ui.app import shutdown

    shutdown(app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
