"""Two installs of one practice (main office and a laptop), made as a practice makes them.

Every sync step runs the real ``tcdesk sync`` in a child process, the way the app
does: the test process never loads the sync's APSW beside its own connections.
The main office is the demo; the laptop joins it from a join file. Both sync
through one folder. Made once per run and copied per test (each copy is told its
own folder on every sync, so nothing reaches the template's).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from tcdesk.services.desk import Desk
from tcdesk.services.intake import add_family, family_for_editing, update_family
from tcdesk.services.intake_checks import NewFamily
from tcdesk.services.machine_settings import MachineSettingsStore


def tcdesk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TCDESK_DB"}
    return subprocess.run(
        [sys.executable, "-m", "tcdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )


@dataclass(frozen=True)
class Installs:
    root: Path

    @property
    def main(self) -> Path:
        return self.root / "main.sqlite3"

    @property
    def laptop(self) -> Path:
        return self.root / "laptop.sqlite3"

    @property
    def folder(self) -> Path:
        return self.root / "sync-folder"

    def sync(self, store: Path) -> dict:
        done = tcdesk("sync", "--db", str(store), "--folder", str(self.folder), "--json")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    def settings_for(self, name: str) -> MachineSettingsStore:
        """This computer's settings, the copy's folder chosen (as a TC sets it once)."""
        settings = MachineSettingsStore(self.root / f"{name}-machine.json")
        settings.update(sync_folder=str(self.folder))
        return settings


def make_installs(demo: Path, root: Path) -> Installs:
    installs = Installs(root)
    installs.folder.mkdir(parents=True)
    shutil.copyfile(demo, installs.main)
    os.chmod(installs.main, 0o600)
    installs.sync(installs.main)  # the main office starts the practice's sync
    join_file = root / "join.tcdesk"
    made = tcdesk("sync", "make-join", "--db", str(installs.main), "--out", str(join_file))
    assert made.returncode == 0, made.stderr
    joined = tcdesk("sync", "join", "--db", str(installs.laptop), str(join_file))
    assert joined.returncode == 0, joined.stderr
    join_file.unlink()
    installs.sync(installs.laptop)
    return installs


def copy_installs(template: Installs, root: Path) -> Installs:
    shutil.copytree(template.root, root)
    return Installs(root)


# -- edits, through the app's services (each desk closed before any sync) -------------


def add_new_family(store: Path, first: str, last: str) -> str:
    desk = Desk.open(store, create=False)
    try:
        saved = add_family(
            desk,
            NewFamily(first=first, last=last, birth_date=date(1990, 4, 5), phone="6145550100"),
        )
        return saved.patient.id
    finally:
        desk.close()


def change_phone(store: Path, patient_id: str, phone: str) -> None:
    desk = Desk.open(store, create=False)
    try:
        family = family_for_editing(desk, patient_id)
        update_family(desk, patient_id, replace(family, phone=phone))
    finally:
        desk.close()


def first_patient(store: Path) -> tuple[str, str]:
    """The first patient's id and name ("Finn Sato")."""
    desk = Desk.open(store, create=False)
    try:
        row = desk.db.execute(
            "SELECT id, legal_first, legal_last FROM patients WHERE deleted_at IS NULL "
            "ORDER BY id LIMIT 1"
        ).fetchone()
        return row[0], f"{row[1]} {row[2]}"
    finally:
        desk.close()


def phone_conflict(installs: Installs) -> tuple[str, str]:
    """The same patient's phone changed at both, the laptop's later; both synced twice.

    Returns the patient's name and the overwritten (main office's) phone digits.
    """
    patient, name = first_patient(installs.main)
    change_phone(installs.main, patient, "6145550001")
    change_phone(installs.laptop, patient, "6145550002")  # later: this one wins
    installs.sync(installs.main)
    installs.sync(installs.laptop)
    installs.sync(installs.main)
    return name, "555-0001"
