"""Office sync, end to end: a busy day written at one install, sent and applied at another.

A busy day here is 400 notes and up to 240 edited families (a phone each: the patient
row, its parties and an audit row) through the app's services, on the demo
practice. Timed: the writer's sync (diff, seal, write) and the reader's (read,
apply, snapshot). Goal (issue 15): at most 2 s end to end. Not yet here: the
issue's 40 consults and 200 logged contacts as such. The 100,000-patient first
sync is ``bench_sync_first.py``.

    PYTHONPATH=. python bench/bench_sync.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tcdesk.services.demo import build_demo
from tcdesk.services.desk import Desk
from tcdesk.services.validation import FieldErrors
from tests.services.sync import offices as o


def main() -> None:
    root = Path(tempfile.mkdtemp())
    try:
        demo = root / "demo.sqlite3"
        desk = Desk.open(demo)
        from datetime import date

        build_demo(desk, date.today())
        desk.close()
        main_office, north, _south = o.make_offices(demo, root / "o")
        desk = o.open_desk(main_office)
        patients = [r[0] for r in desk.db.execute("SELECT id FROM patients LIMIT 240")]
        consults = [r[0] for r in desk.db.execute("SELECT id FROM consults LIMIT 40")]
        for n in range(400):
            o.add_note(desk, consults[n % len(consults)], f"busy day note {n}")
        edited = 0
        for n, patient in enumerate(patients):
            try:
                o.change_phone(desk, patient, f"614777{n:04d}")
                edited += 1
            except FieldErrors:  # a demo family the form would ask to fix first
                pass
        print(f"edited {edited} families, wrote 400 notes")
        desk.close()
        start = time.perf_counter()
        sent = main_office.sync()
        written = time.perf_counter()
        own = main_office.folder / main_office.install_id()
        shutil.copytree(own, north.folder / own.name)
        came = north.sync()
        done = time.perf_counter()
        rows = came.applied[0]["rows"]
        print(f"sent {sent.sent_rows} rows in {written - start:.2f} s")
        print(f"applied {rows} rows in {done - written:.2f} s")
        print(f"end to end {done - start:.2f} s (goal <= 2 s)")
    finally:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
