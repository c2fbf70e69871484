"""Screenshots of the import dialog on a realistic export (not the demo practice).

``python -m tcdesk.ui.desk.import_screenshots --out docs/screenshots`` sets up
a new practice in a temporary file, writes a Windows-1252 export with US
dates, three of whose rows cannot be imported, and saves the mapping, the
preview and the finished import as PNGs.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tcdesk.ui.screenshot_kit import screenshot_folder

EXPORT = """\
Chart #,First Name,Last Name,Nickname,DOB,Cell Phone,E-mail,Referral Source,Guardian First,Guardian Last,Relationship,Guardian Phone
10231,José,Peña,,03/04/2012,503.555.0101,pena.family@example.com,Referral - Dr Alvarez,María,Peña,Mother,503.555.0101
10232,Chloé,Dubois,Coco,07/21/2011,5035550144,dubois.home@example.com,Facebook,Étienne,Dubois,Father,5035550145
10233,Ann,Lee,,11/30/1990,(503) 555-0102,ann.lee@example.com,Website,,,,
10234,Liam,O'Connor,,01/02/2015,,,Walk-in,,,,
10235,Zoë,Martínez,,09/14/2013,503 555 0177,martinez.zoe@example.com,Referral - Patient,Carlos,Martínez,Dad,503 555 0177
10236,Mateo,García,,02/28/2012,5035550190,garcia.m@example,Referral - Dr Smith,Lucía,García,Mom,5035550191
10237,Hannah,Müller,,12/05/2010,5035550112,hmuller@example.com,Google search,Jürgen,Müller,Father,5035550113
10238,Priya,Patel,,06/18/1988,5035550150,priya.patel@example.com,Friend,,,,
10239,Noah,Brennan,,04/09/2014,5035550161,brennan.family@example.com,Referral,Siobhán,Brennan,Mother,5035550161
10240,Sofía,Hernández,Sofi,08/23/2012,5035550122,hernandez.s@example.com,Instagram,Ana,Hernández,Mother,5035550122
"""  # noqa: E501 (one export line per row, as the file has them)


def main(argv: Sequence[str] | None = None) -> int:
    out = screenshot_folder(argv, __doc__)

    from tcdesk.services.desk import Desk
    from tcdesk.services.practice_setup import PracticeSetup, set_up_practice
    from tcdesk.ui.desk.import_dialog import ImportDialog
    from tcdesk.ui.screenshot_kit import grab
    from tcdesk.ui.style import staff_stylesheet

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        desk = Desk.open(Path(folder) / "practice.sqlite3")
        practice = set_up_practice(
            desk, PracticeSetup("Lakeside Orthodontics", "Lakeside", "Ana Ruiz", "Dr. Sam Lee")
        )
        app.setStyleSheet(staff_stylesheet(practice.brand_color))
        export = Path(folder) / "PatientExport.csv"
        export.write_bytes(EXPORT.encode("cp1252"))
        dialog = ImportDialog(desk)
        dialog.show()
        dialog.set_path(export)
        grab(dialog, out / "import-mapping.png")
        dialog.show_preview()
        grab(dialog, out / "import-preview.png")
        dialog.start_import()
        deadline = time.monotonic() + 30
        while dialog.is_importing() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        app.processEvents()
        grab(dialog, out / "import-done.png")
        dialog.close()
        desk.close()
    from tcdesk.ui.app import shutdown

    shutdown(app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
