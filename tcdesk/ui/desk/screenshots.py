"""Screenshots of the intake windows on a practice set up by hand (not the demo).

``python -m tcdesk.ui.desk.screenshots --out docs/screenshots`` writes
intake-family-form.png, intake-duplicate.png, intake-errors.png,
intake-walk-in.png and intake-desk.png.
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

    from tcdesk.services.desk import Desk
    from tcdesk.services.intake import NewFamily, PartyInput, add_family
    from tcdesk.services.practice_setup import PracticeSetup, set_up_practice
    from tcdesk.services.referrers import add_doctor
    from tcdesk.ui.main_window import MainWindow
    from tcdesk.ui.style import staff_stylesheet

    moment = datetime.combine(SHOT_DAY, time(10, 40)).astimezone(UTC)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        desk = Desk.open(Path(folder) / "practice.sqlite3", clock=lambda: moment)
        set_up_practice(
            desk,
            PracticeSetup("Lakeside Orthodontics", "Lakeside", "Ana Ruiz", "Dr. Sam Lee"),
        )
        add_doctor(desk, "Dr. Priya Shah", practice_name="Shah Family Dental")
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
        app.setStyleSheet(staff_stylesheet(desk.practice().brand_color))
        window = MainWindow(desk, SHOT_DAY, on_present=lambda _cid: None)
        window.resize(1500, 820)
        window.show()
        grab(window, out / "intake-desk.png")

        form = window.intake.open_new_family()
        form.resize(940, 1040)
        fields = form.patient
        fields.first.setText("Zoë")
        fields.last.setText("Martínez")
        fields.preferred.setText("Zo")
        fields.birth.setText("03/04/2012")
        fields.phone.setText("(503) 555-0101")
        fields.email.setText("martinez.family@example.com")
        fields.language.setCurrentIndex(fields.language.findData("es"))
        fields.source.setCurrentIndex(fields.source.findData("doctor_referral"))
        fields.referrer.setText("Dr. Priya Shah (Shah Family Dental)")
        party = form.add_party()
        party.name.setText("Lucía Martínez")
        party.phone.setText("(503) 555-0101")
        party.email.setText("lucia@example.com")
        party.address.setText("12 Alder St, Portland OR 97201")
        form.primary.setChecked(True)
        form.primary.carrier.setText("Delta Dental")
        form.primary.member_id.setText("DD-99812")
        form.primary.maximum.setText("1,500")
        form.primary.used.setText("250")
        form.primary.subscriber.setText("Lucía Martínez")
        form.check_duplicates()
        fields.first.setFocus()
        grab(form, out / "intake-family-form.png")

        fields.first.setText("Mateo")
        fields.last.setText("Alvarez")
        fields.preferred.clear()
        fields.birth.setText("09/21/2013")
        form.check_duplicates()
        grab(form, out / "intake-duplicate.png")

        fields.first.setText("Zoë")
        fields.last.setText("Martínez")
        fields.birth.setText("03/04/2031")
        fields.email.setText("lucia@")
        party.name.clear()
        form.primary.coverage.setText("120")
        form.primary.maximum.setText("-1500")
        form.check_duplicates()
        form.save()
        grab(form, out / "intake-errors.png")
        form.reject()

        walk_in = window.intake.open_walk_in()
        assert walk_in is not None
        walk_in.name.setText("Sam Okafor")
        walk_in.contact.setText("(503) 555-0142")
        walk_in.name.setFocus()
        grab(walk_in, out / "intake-walk-in.png")
        walk_in.start()
        grab(window, out / "intake-walk-in-ready.png")
        window.close()
        desk.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
