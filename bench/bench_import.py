"""Benchmark: import a generated 10,000-row export into a fresh store (target: <= 10 s).

Run from the repository root: ``.venv/bin/python bench/bench_import.py [-n 3] [--rows 10000]``.
The file is deterministic (a seeded generator): realistic names with accents,
US dates, phones in mixed forms, lead-source phrases, and a parent for every
minor. Printed side by side in the same run: the parse-and-check cost alone
(the preview: reading, columns, dates, every row checked, duplicate lookup)
and the raw cost of sqlite-utils ``insert_all`` of the same patient and
guardian rows into the same schema, with the ratio of the import to each.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tcdesk.services.desk import Desk
from tcdesk.services.importer import import_patients, open_export, preview
from tcdesk.services.practice_setup import PracticeSetup, set_up_practice
from tcdesk.store.patient_repo import patient_row

TARGET_S = 10.0
TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)

FIRST = (
    "José", "María", "Zoë", "Chloé", "Renée", "Ángel", "Sofía", "Noah", "Liam", "Emma",
    "Olivia", "Mateo", "Lucía", "Björn", "Anaïs", "Thảo", "Jürgen", "Amélie", "Ethan", "Ava",
    "Mia", "Lucas", "Aiden", "Camila", "Élodie", "Søren", "Zoé", "Hannah", "Jamal", "Priya",
)  # fmt: skip
LAST = (
    "Peña", "García", "Müller", "Nguyễn", "O'Connor", "Martínez", "Smith", "Johnson", "Brown",
    "Lefèvre", "Ødegård", "Hernández", "Kowalski", "Dubois", "Chen", "Patel", "Walker",
    "Núñez", "Schäfer", "Rossi", "Wilson", "Taylor", "Anderson", "Thomas", "Moore", "Jackson",
)  # fmt: skip
SOURCES = ("Referral - Dr Smith", "Facebook", "Website", "Walk-in", "Phone", "Friend", "")
HEADERS = (
    "Chart Number", "First Name", "Last Name", "DOB", "Phone", "Email", "Lead Source",
    "Guardian First", "Guardian Last", "Relationship", "Guardian Phone",
)  # fmt: skip


def write_export(path: Path, rows: int) -> None:
    rng = random.Random(20261127)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for n in range(rows):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            minor = rng.random() < 0.7
            year = rng.randint(2009, 2018) if minor else rng.randint(1950, 2005)
            born = date(year, rng.randint(1, 12), rng.randint(1, 28))
            digits = f"503555{rng.randint(0, 9999):04d}"
            phone = rng.choice((f"({digits[:3]}) {digits[3:6]}-{digits[6:]}", digits,
                                f"{digits[:3]}.{digits[3:6]}.{digits[6:]}"))  # fmt: skip
            guardian = (rng.choice(FIRST), last, rng.choice(("Mother", "Father", "Guardian")))
            writer.writerow(
                [
                    f"C{100000 + n}", first, last, born.strftime("%m/%d/%Y"), phone,
                    f"{n}.family@example.com", rng.choice(SOURCES),
                    *(guardian[:2] if minor else ("", "")), guardian[2] if minor else "",
                    phone if minor else "",
                ]
            )  # fmt: skip


def fresh_desk(folder: Path, name: str) -> Desk:
    desk = Desk.open(folder / name, clock=lambda: NOW)
    set_up_practice(desk, PracticeSetup("Bench Ortho", "Main", "Tess", "Dr. Bench"))
    return desk


def time_import(folder: Path, export: Path, run: int) -> tuple[float, int]:
    desk = fresh_desk(folder, f"import-{run}.sqlite3")
    try:
        started = time.perf_counter()
        result = import_patients(desk, export)
        return time.perf_counter() - started, result.imported
    finally:
        desk.close()


def time_parse(folder: Path, export: Path, run: int) -> float:
    desk = fresh_desk(folder, f"parse-{run}.sqlite3")
    try:
        started = time.perf_counter()
        preview(desk, open_export(export), today=TODAY)
        return time.perf_counter() - started
    finally:
        desk.close()


def time_raw_insert(folder: Path, export: Path, run: int) -> float:
    """sqlite-utils insert_all of the same rows, prepared beforehand (the floor)."""
    from tcdesk.services.importer.committing import _records

    desk = fresh_desk(folder, f"raw-{run}.sqlite3")
    try:
        practice = desk.practice()
        assert practice is not None
        rows = preview(desk, open_export(export), today=TODAY).new_rows
        patients, parties = _records(rows, practice.id, "2026-11-27T15:00:00+00:00")
        patient_rows = [patient_row(desk.records, p) for p in patients]
        party_rows = [desk.records.row("responsible_parties", p) for p in parties]
        started = time.perf_counter()
        with desk.transaction():
            desk.db["patients"].insert_all(patient_rows, batch_size=500)
            desk.db["responsible_parties"].insert_all(party_rows, batch_size=500)
        return time.perf_counter() - started
    finally:
        desk.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3, help="timed runs of each")
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export = folder / "export.csv"
        write_export(export, args.rows)
        imports, parses, raws = [], [], []
        imported = 0
        for run in range(args.n):
            seconds, imported = time_import(folder, export, run)
            imports.append(seconds)
            parses.append(time_parse(folder, export, run))
            raws.append(time_raw_insert(folder, export, run))
    full, parse, raw = (statistics.median(t) for t in (imports, parses, raws))
    print(f"import patients, {args.rows} rows ({imported} imported), {args.n} runs, medians:")
    print(f"  import (read, check, backup, insert, audit) {full:7.3f} s")
    print(f"  parse and check only (the preview)          {parse:7.3f} s   ({full / parse:.1f}x)")
    print(f"  raw sqlite-utils insert_all, same rows      {raw:7.3f} s   ({full / raw:.1f}x)")
    verdict = "OK" if full <= TARGET_S else "SLOWER THAN TARGET"
    print(f"target <= {TARGET_S:.0f} s: {verdict}")
    return 0 if full <= TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
