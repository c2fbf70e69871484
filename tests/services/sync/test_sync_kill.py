"""Issue 15: a kill during sync loses nothing, and the next sync completes.

A real ``python -m tcdesk sync`` on the main office, with real pending changes
(its own notes, a new family, a phone) and a file from the north office waiting
in its folder, is SIGKILLed: at random moments over many runs, and at two exact
points of the commit through an APSW VFS shim in the child (``sync_kill_point``).
After each kill: both files pass ``integrity_check``; every local edit is still
there; the north file is applied whole or not at all, as the ledger says; every
numbered file in the folder opens whole; the next sync completes and sends only
what the killed one had not (never the north office's rows back); and after all
files are delivered, the three offices hold the same rows and no conflicts.
Also killed at random: the first sync (it makes the snapshot), make-join and
join (their files exist whole or not at all); and at the point between the two
commits with an edit both offices made (the same conflicts as without a kill).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from tcdesk.services.sync import changeset_file
from tests.services.sync import offices as o

REPO = Path(__file__).resolve().parents[3]
# Each process keys an encrypted store (a slow key derivation): fewer kills then.
ENCRYPTED = bool(os.environ.get("TCDESK_PASSPHRASE"))
RANDOM_KILLS = 6 if ENCRYPTED else 16
JOIN_KILLS = 4 if ENCRYPTED else 10
NOTES = 120


@dataclass(frozen=True)
class Pending:
    """What the main office has not synced yet, and what north sent it."""

    root: Path
    main_notes: list[str]
    main_family: str
    main_patient: str
    north_notes: list[str]
    north_patient: str
    north_id: str
    own_rows: int  # rows a whole sync of main sends
    seconds: float  # how long a whole sync of main takes, as a process


def _sync_args(office: o.Office) -> list[str]:
    return ["sync", "--folder", str(office.folder), "--db", str(office.store), "--json"]


def _tcdesk(args: list[str], *, kill_point: str | None = None, store: Path | None = None):
    if kill_point is None:
        command = [sys.executable, "-m", "tcdesk", *args]
    else:
        command = [
            sys.executable,
            "-m",
            "tests.services.sync.sync_kill_point",
            kill_point,
            str(store),
            "--",
            *args,
        ]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _patient_phone(store: Path, patient: str) -> str:
    with closing(o.connect(store)) as conn:
        return conn.execute("SELECT phone FROM patients WHERE id = ?", [patient]).fetchone()[0]


def _ids(store: Path, table: str, ids: list[str]) -> set[str]:
    with closing(o.connect(store)) as conn:
        marks = ", ".join("?" * len(ids))
        rows = conn.execute(f"SELECT id FROM [{table}] WHERE id IN ({marks})", ids)
        return {r[0] for r in rows}


def _applied(store: Path, install: str) -> list[int]:
    with closing(o.connect(store)) as conn:
        rows = conn.execute("SELECT seq FROM sync_applied WHERE install_id = ?", [install])
        return sorted(r[0] for r in rows)


def _sync_key(store: Path) -> bytes:
    with closing(o.connect(store)) as conn:
        return bytes(conn.execute("SELECT sync_key FROM sync_install").fetchone()[0])


@pytest.fixture(scope="module")
def pending(_offices_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Pending:
    root = tmp_path_factory.mktemp("kill") / "pending"
    main, north, _south = o.copy_offices(_offices_template, root)
    desk = o.open_desk(north)
    consult = o.some_consult(desk)
    north_notes = [o.add_note(desk, consult, f"north {n}") for n in range(NOTES)]
    north_patient = desk.db.execute(
        "SELECT id FROM patients WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()[0]
    o.change_phone(desk, north_patient, "6145550202")
    desk.close()
    north.sync()
    o.deliver([main, north], random.Random(0), everything=True)
    desk = o.open_desk(main)
    main_notes = [o.add_note(desk, consult, f"main {n}") for n in range(NOTES)]
    main_patient = o.first_patient(desk)
    o.change_phone(desk, main_patient, "6145550101")
    main_family = o.add_new_family(desk, "Ada", "Killed")
    desk.close()
    # A whole sync of a copy, as a process: what it sends and how long it takes.
    trial = o.copy_offices(root, root.parent / "trial")[0]
    started = time.perf_counter()
    done = _tcdesk(_sync_args(trial))
    out, err = done.communicate(timeout=120)
    seconds = time.perf_counter() - started
    assert done.returncode == 0, err
    result = json.loads(out)
    assert len(result["applied"]) == 1 and result["conflicts"] == 0
    return Pending(
        root,
        main_notes,
        main_family,
        main_patient,
        north_notes,
        north_patient,
        north.install_id(),
        result["sent"]["rows"],
        seconds,
    )


def _check_after_kill(pending: Pending, offices: list[o.Office]) -> None:
    main = offices[0]
    for store in (main.store, o.base_of(main)):
        assert o.integrity(store) == [("ok",)], store.name
    # Nothing committed before the sync is lost.
    assert _ids(main.store, "notes", pending.main_notes) == set(pending.main_notes)
    assert _ids(main.store, "patients", [pending.main_family]) == {pending.main_family}
    assert _patient_phone(main.store, pending.main_patient) == "(614) 555-0101"
    # North's file: whole, exactly when the ledger says so.
    applied = _applied(main.store, pending.north_id)
    came = _ids(main.store, "notes", pending.north_notes)
    phone = _patient_phone(main.store, pending.north_patient)
    if applied:
        assert came == set(pending.north_notes) and phone == "(614) 555-0202"
    else:
        assert came == set() and phone != "(614) 555-0202"
    # Every numbered file another office could read opens whole.
    key = _sync_key(main.store)
    for writer in main.folder.iterdir():
        for path in changeset_file.numbered_files(writer).values():
            changeset_file.read(path, key)


def _recover_and_converge(pending: Pending, offices: list[o.Office], killed_sent: bool) -> None:
    main = offices[0]
    again = _tcdesk(_sync_args(main))
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    result = json.loads(out)
    # Only what the killed sync had not sent goes out, and nothing north sent comes back.
    sent = result["sent"]["rows"]
    assert sent in ((0,) if killed_sent else (pending.own_rows,)), (sent, pending.own_rows)
    assert _applied(main.store, pending.north_id)
    assert result["conflicts"] == 0
    if sent:  # a half-written file of the killed sync, if any, is gone
        assert list((main.folder / main.install_id()).glob(".*")) == []
    o.settle(offices, random.Random(1))
    rows = [o.table_rows(office.store) for office in offices]
    for table in rows[0]:
        assert rows[0][table] == rows[1][table] == rows[2][table], table
    for office in offices:
        assert o.conflicts_of(office.store) == [], office.name
        assert office.sync().sent_seq is None, office.name  # snapshot == store everywhere


def _own_files(office: o.Office) -> dict[int, Path]:
    return changeset_file.numbered_files(office.folder / office.install_id())


def _one_kill(pending: Pending, root: Path, *, delay: float | None, point: str | None) -> str:
    offices = o.copy_offices(pending.root, root)
    main = offices[0]
    files_before = set(_own_files(main))
    child = _tcdesk(_sync_args(main), kill_point=point, store=main.store)
    if delay is not None:
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
    child.communicate(timeout=120)
    finished = child.returncode == 0
    _check_after_kill(pending, offices)
    with closing(o.connect(main.store)) as conn:
        last_sent = conn.execute("SELECT last_sent_seq FROM sync_install").fetchone()[0]
    killed_sent = max(files_before, default=0) < last_sent
    _recover_and_converge(pending, offices, killed_sent or finished)
    shutil.rmtree(root)
    if finished:
        return "finished"
    return "committed" if killed_sent else "rolled back"


@pytest.mark.parametrize("point", ["before-commit", "between-commits"])
def test_a_kill_at_the_commit_loses_nothing(pending: Pending, tmp_path: Path, point: str) -> None:
    if point == "between-commits" and ENCRYPTED:
        pytest.skip(
            "the VFS shim cannot sit over SQLite3MC on an encrypted store: APSW hands a "
            "Python VFS the WAL's name as a copy, so SQLite3MC cannot find the WAL's key and "
            "writes it in the clear (checked); the random kills run encrypted"
        )
    outcome = _one_kill(pending, tmp_path / "o", delay=None, point=point)
    assert outcome == ("rolled back" if point == "before-commit" else "committed")


def test_kills_at_random_moments_lose_nothing(pending: Pending, tmp_path: Path) -> None:
    rng = random.Random(15)
    outcomes = []
    for number in range(RANDOM_KILLS):
        delay = rng.uniform(0.0, pending.seconds * 1.1)
        outcomes.append(_one_kill(pending, tmp_path / f"o{number}", delay=delay, point=None))
    print("kill outcomes:", outcomes)


def _run_killed(args: list[str], delay: float) -> bool:
    child = _tcdesk(args)
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=120)
    return child.returncode == 0


def test_a_kill_during_make_join_or_join_leaves_nothing_half_made(
    _offices_template: Path, tmp_path: Path
) -> None:
    """A join file, and the practice file a join makes, exist whole or not at all."""
    main = o.copy_offices(_offices_template, tmp_path / "o")[0]
    started = time.perf_counter()
    whole = tmp_path / "whole.tcdesk"
    made = _tcdesk(["sync", "make-join", "--db", str(main.store), "--out", str(whole)])
    assert made.communicate(timeout=120) and made.returncode == 0
    seconds = time.perf_counter() - started
    rng = random.Random(16)
    outcomes = []
    for number in range(JOIN_KILLS):
        join_file = tmp_path / f"join{number}.tcdesk"
        args = ["sync", "make-join", "--db", str(main.store), "--out", str(join_file)]
        finished = _run_killed(args, rng.uniform(seconds * 0.3, seconds * 1.3))
        assert join_file.exists() or not finished
        if join_file.exists():  # made whole, or not under its name
            assert o.integrity(join_file) == [("ok",)]
            assert o.table_rows(join_file)["patients"] == o.table_rows(main.store)["patients"]
        laptop = tmp_path / f"laptop{number}.sqlite3"
        args = ["sync", "join", str(whole), "--db", str(laptop)]
        joined = _run_killed(args, rng.uniform(seconds * 0.3, seconds * 1.3))
        half_made = sorted(p.name for p in tmp_path.glob(".*.partial"))
        outcomes.append((finished, join_file.exists(), joined, laptop.exists(), half_made))
        assert laptop.exists() or not joined
        if not laptop.exists():  # the laptop joins again, from the start
            again = _tcdesk(args)
            assert again.communicate(timeout=120) and again.returncode == 0
        assert o.integrity(laptop) == [("ok",)]
        assert o.table_rows(laptop)["patients"] == o.table_rows(main.store)["patients"]
    print("make-join / join finished:", outcomes, seconds)


def test_a_kill_during_the_first_sync_leaves_a_whole_snapshot_or_none(
    _demo_store_template: Path, tmp_path: Path
) -> None:
    """The first sync makes the snapshot (``VACUUM INTO``): whole, or not under its name."""
    trial = tmp_path / "trial"
    trial.mkdir()
    store = trial / "practice.sqlite3"
    shutil.copyfile(_demo_store_template, store)
    first = ["sync", "--folder", str(trial), "--db", str(store), "--json"]
    started = time.perf_counter()
    done = _tcdesk(first)
    assert done.communicate(timeout=120) and done.returncode == 0
    seconds = time.perf_counter() - started
    rng = random.Random(17)
    outcomes = []
    for number in range(JOIN_KILLS):
        root = tmp_path / f"k{number}"
        root.mkdir()
        store = root / "practice.sqlite3"
        shutil.copyfile(_demo_store_template, store)
        args = ["sync", "--folder", str(root), "--db", str(store), "--json"]
        finished = _run_killed(args, rng.uniform(seconds * 0.3, seconds * 1.2))
        base = store.with_name(store.name + ".sync-base")
        outcomes.append((finished, base.exists(), sorted(p.name for p in root.glob(".*"))))
        if base.exists():
            assert o.integrity(base) == [("ok",)]
        again = _tcdesk(args)
        out, err = again.communicate(timeout=120)
        assert again.returncode == 0, err
        assert json.loads(out)["sent"]["rows"] == 0  # the snapshot is the whole store
        assert o.table_rows(base) == o.table_rows(store)
        assert list(root.glob(".*")) == []
    print("first sync finished, snapshot there, dot-files:", outcomes)


# What the edits below leave as conflicts when nothing is killed (on every office): north's
# patient phone, and a responsible party's row north's edit wrote.
LOST_WITHOUT_A_KILL = [("patients", "(614) 555-0303"), ("responsible_parties", "(614) 555-0183")]


@pytest.mark.parametrize("point", [None, "between-commits"])
def test_a_kill_between_the_commits_with_an_edit_both_offices_made(
    _offices_template: Path, tmp_path: Path, point: str | None
) -> None:
    """North's phone loses to the main office's newer one: after a kill between the two
    commits, the next sync sends nothing (the snapshot keeps the edit that won, already
    sent), and every office ends as without the kill: the newer phone, the same conflicts."""
    if ENCRYPTED and point:
        pytest.skip("the VFS shim cannot sit over SQLite3MC on an encrypted store")
    offices = o.copy_offices(_offices_template, tmp_path / "o")
    main, north, _south = offices
    desk = o.open_desk(north)
    patient = o.first_patient(desk)
    o.change_phone(desk, patient, "6145550303")
    desk.close()
    north.sync()
    o.deliver([main, north], random.Random(0), everything=True)
    desk = o.open_desk(main)
    o.change_phone(desk, patient, "6145550404")  # later: this one wins
    desk.close()
    child = _tcdesk(_sync_args(main), kill_point=point, store=main.store)
    child.communicate(timeout=120)
    assert child.returncode == (0 if point is None else -signal.SIGKILL)
    assert o.integrity(main.store) == [("ok",)]
    assert _applied(main.store, north.install_id()) == [1]
    again = _tcdesk(_sync_args(main))
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert json.loads(out)["sent"]["rows"] == 0
    o.settle(offices, random.Random(2))
    rows = [o.table_rows(office.store) for office in offices]
    assert rows[0] == rows[1] == rows[2]
    for office in offices:
        assert _patient_phone(office.store, patient) == "(614) 555-0404", office.name
        lost = sorted((c[0], json.loads(c[4]).get("phone")) for c in o.conflicts_of(office.store))
        assert lost == LOST_WITHOUT_A_KILL, office.name
        assert office.sync().sent_seq is None, office.name
