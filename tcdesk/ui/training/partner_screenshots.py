"""Screenshots of practice with a partner: the trainer's window and the printed card.

``python -m tcdesk.ui.training.partner_screenshots --out docs/screenshots`` builds
the demo practice and its training file in a temporary folder, opens the
trainer's window for a coordinator with the sheet part-ticked (as mid-consult)
and saves training-partner.png; then prints the partner card for the same
family and renders both pages side by side (pdftoppm) as
training-partner-card.png.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from tcdesk.services.training.scorecard import Part
from tcdesk.ui.screenshot_kit import screenshot_folder

PERSONA = "maya_teen_cost"
TICKED = (
    "insurance_verified",
    "forms_checked",
    "greeted_everyone",
    "spoke_to_patient",
    "let_them_talk",
    "asked_concerns",
    "hidden_revealed",
    "plain_words",
    "showed_visuals",
    "if_left_alone",
    "options_side_by_side",
    "insurance_math",
)


def _card_png(pdf: Path, out: Path) -> Path:
    """Both pages of the card at 80 dpi, side by side on a light grey table."""
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm (poppler-utils) is needed to render the card")
    stem = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(stem)], check=True)
    pages = [QImage(str(p)) for p in sorted(pdf.parent.glob(f"{stem.name}-*.png"))]
    gap = 24
    width = sum(p.width() for p in pages) + gap * (len(pages) + 1)
    height = max(p.height() for p in pages) + 2 * gap
    sheet = QImage(width, height, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#D9DDE1"))
    painter = QPainter(sheet)
    x = gap
    for page in pages:
        painter.drawImage(x, gap, page)
        x += page.width() + gap
    painter.end()
    if not sheet.save(str(out)):
        raise SystemExit(f"could not write {out}")
    print(out)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    out = screenshot_folder(argv, __doc__)

    from tcdesk.services.training.partner_brief import partner_brief
    from tcdesk.services.training.partner_card import build_partner_card
    from tcdesk.services.training.personas import load_personas, shipped_flows
    from tcdesk.ui.screenshot_kit import grab
    from tcdesk.ui.training.partner_window import PartnerWindow
    from tcdesk.ui.training.shot_practice import demo_training

    app = QApplication.instance() or QApplication([])
    now = datetime(2026, 12, 2, 16, 0, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as folder:
        training, practice = demo_training(Path(folder), lambda: now)
        personas = load_personas().personas
        flows = shipped_flows()
        jessica = next(s for s in training.practices.staff(practice.id) if "Jessica" in s.name)

        window = PartnerWindow(training, jessica, personas, flows, clock=lambda: now)
        window.choose(PERSONA)
        window.resize(1320, 900)
        window.show()
        for key in TICKED:
            window.sheet.boxes[key].setChecked(True)
        window.sheet.notes[Part.DISCOVERY].setText("Found the cut hours with “anything else?”")
        window.sheet.minutes.setValue(17)
        grab(window, out / "training-partner.png")
        window.close()

        persona = personas[PERSONA]
        pdf = Path(folder) / "partner-card.pdf"
        pdf.write_bytes(
            build_partner_card(
                partner_brief(persona, flows.get(persona.flow)),
                practice=practice.name,
                brand=practice.brand_color,
                today=now.date(),
            )
        )
        _card_png(pdf, out / "training-partner-card.png")
        training.close()
    from tcdesk.ui.app import shutdown

    shutdown(app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
