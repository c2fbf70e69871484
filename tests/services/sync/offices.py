"""Three installs of one practice (main and two satellites), each with its own store.

The main office's store is the demo; the satellites join it from a join file,
as a real laptop does. Edits go through the services the app uses. The folder
each install syncs through is its own, and ``deliver`` plays the file-sync tool
between them: in any order, some files late, some cut off. Every sqlite
connection here is closed before a sync runs: the sync's APSW must never share
the process with an open one (a test run that forgot it corrupted a store).
"""

from __future__ import annotations

import random
import shutil
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from tcdesk.domain.consult import Note
from tcdesk.services.consult_findings import remove_finding
from tcdesk.services.consult_outcome import Outcome, OutcomeKind, record_outcome
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.intake import add_family, family_for_editing, update_family
from tcdesk.services.intake_checks import NewFamily
from tcdesk.services.sync import join, sync_run, tables
from tcdesk.services.sync.changeset_file import numbered_files
from tcdesk.services.sync.store_apsw import base_path_for
from tcdesk.store import cipher, engine

NAMES = ("main", "north", "south")


def connect(store: Path) -> engine.Connection:
    """The app's library on a store or snapshot, keyed with the run's passphrase if any."""
    return engine.connect(store)


@dataclass
class Office:
    name: str
    store: Path
    folder: Path

    def sync(self) -> sync_run.SyncResult:
        return sync_run.run(self.store, self.folder, cipher.passphrase())

    def install_id(self) -> str:
        with closing(connect(self.store)) as conn:
            return conn.execute("SELECT install_id FROM sync_install").fetchone()[0]


def make_offices(demo: Path, root: Path) -> list[Office]:
    """The demo as the main office, synced once, and two satellites joined from it."""
    offices = []
    for name in NAMES:
        (root / name / "folder").mkdir(parents=True)
    main = Office("main", root / "main" / "practice.sqlite3", root / "main" / "folder")
    shutil.copyfile(demo, main.store)
    main.sync()
    join_file = root / "join.tcdesk"
    join.make_join(main.store, join_file, cipher.passphrase())
    offices.append(main)
    for name in NAMES[1:]:
        store = root / name / "practice.sqlite3"
        join.join(join_file, store, cipher.passphrase(), None)
        offices.append(Office(name, store, root / name / "folder"))
    return offices


def copy_offices(template: Path, root: Path) -> list[Office]:
    shutil.copytree(template, root)
    return [Office(n, root / n / "practice.sqlite3", root / n / "folder") for n in NAMES]


def deliver(
    offices: list[Office], rng: random.Random, *, everything: bool = False, cut: float = 0.0
) -> None:
    """Copy written files between installs' folders: a random part of them, some cut off.

    ``everything``: every file, whole (a cut-off copy is fetched again).
    """
    for writer in offices:
        own = writer.folder / writer.install_id()
        for reader in offices:
            if reader is writer:
                continue
            for _seq, path in sorted(numbered_files(own).items()):
                target = reader.folder / own.name / path.name
                if not everything and rng.random() < 0.5:
                    continue  # not this time: arrives later, maybe after newer files
                target.parent.mkdir(exist_ok=True)
                data = path.read_bytes()
                if not everything and rng.random() < cut:
                    data = data[: rng.randrange(1, len(data))]
                if not target.exists() or target.read_bytes() != data:
                    target.write_bytes(data)


def settle(offices: list[Office], rng: random.Random) -> None:
    """Every file to everyone, whole, and syncs until nothing moves."""
    for _ in range(4):
        deliver(offices, rng, everything=True)
        for office in rng.sample(offices, len(offices)):
            office.sync()


def table_rows(store: Path) -> dict[str, list[tuple]]:
    """Every synced table's rows, in key order (the rowid is each store's own)."""
    with closing(connect(store)) as conn:
        found = {}
        for table in tables.SYNCED:
            pk = next(r[1] for r in conn.execute(f"PRAGMA table_info([{table}])") if r[5])
            found[table] = conn.execute(f"SELECT * FROM [{table}] ORDER BY [{pk}]").fetchall()
        return found


def integrity(store: Path) -> list[tuple]:
    with closing(connect(store)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchall()


def conflicts_of(store: Path) -> list[tuple]:
    with closing(connect(store)) as conn:
        return conn.execute(
            "SELECT table_name, row_id, lost_install, lost_updated_at, lost_row FROM sync_conflicts"
        ).fetchall()


# -- edits, through the app's services ------------------------------------------------


def open_desk(office: Office) -> Desk:
    return Desk.open(office.store, create=False)


def first_patient(desk: Desk) -> str:
    return desk.db.execute(
        "SELECT id FROM patients WHERE deleted_at IS NULL ORDER BY id LIMIT 1"
    ).fetchone()[0]


def some_consult(desk: Desk, index: int = 0, status: str = "scheduled") -> str:
    rows = desk.db.execute(
        "SELECT id FROM consults WHERE deleted_at IS NULL AND status = ? ORDER BY id",
        [status],
    ).fetchall()
    return rows[index % len(rows)][0]


def change_phone(desk: Desk, patient_id: str, phone: str) -> None:
    family = family_for_editing(desk, patient_id)
    update_family(desk, patient_id, replace(family, phone=phone))


def add_new_family(desk: Desk, first: str, last: str) -> str:
    saved = add_family(
        desk, NewFamily(first=first, last=last, birth_date=date(1990, 4, 5), phone="6145550100")
    )
    return saved.patient.id


def add_note(desk: Desk, consult_id: str, body: str) -> str:
    note = Note(
        id=new_id(),
        consult_id=consult_id,
        body=body,
        created_at=desk.clock().isoformat(),
    )
    desk.consults.add_note(note)
    return note.id


def record_thinking(desk: Desk, consult_id: str, reason: str) -> None:
    consult = desk.consults.get(consult_id)
    assert consult is not None
    outcome = Outcome(OutcomeKind.THINKING, follow_up_on=date(2031, 1, 10), reason=reason)
    record_outcome(desk, consult, outcome)


def remove_a_finding(desk: Desk) -> str:
    finding = desk.db.execute(
        "SELECT id FROM findings WHERE deleted_at IS NULL ORDER BY id LIMIT 1"
    ).fetchone()[0]
    remove_finding(desk, finding)
    return finding


def base_of(office: Office) -> Path:
    return base_path_for(office.store)
