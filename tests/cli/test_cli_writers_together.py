"""CLI writers meeting on one file: one writes, the others say "busy" in one line.

Four real ``tcdesk demo`` processes are started on one new file and let go at
the same instant: one builds the demo, three are told the file is busy; no
traceback, no internal error. Any CLI write that meets SQLite's lock (another
program holding a write transaction) gets the same "busy, try again" line.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tcdesk.cli import main
from tcdesk.services.desk import Desk
from tcdesk.store import engine
from tests.conftest import FIXED_NOW

REPO = Path(__file__).resolve().parents[2]

ADD = ["patients", "add", "--first", "Ava", "--last", "Lee", "--born", "2013-05-06"]
ADD += ["--guardian", "Lucía Lee:mother:503-555-0101:lucia@example.com:12 Alder St"]

AT_THE_SIGNAL = """
import sys, time
from pathlib import Path
import tcdesk.cli.demo_command, tcdesk.services.demo  # loaded before the start
from tcdesk.cli import main
go = Path(sys.argv[2])
Path(sys.argv[3]).touch()  # ready: tcdesk is imported
while not go.exists():
    time.sleep(0.002)
raise SystemExit(main(["demo", "--db", sys.argv[1]]))
"""


def test_four_demos_at_once_build_it_once(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(REPO), "HOME": str(tmp_path)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", AT_THE_SIGNAL, str(path), str(go), str(tmp_path / f"ready{n}")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in range(4)
    ]
    deadline = time.monotonic() + 120
    while len(list(tmp_path.glob("ready*"))) < 4 and time.monotonic() < deadline:
        time.sleep(0.05)  # every process has imported tcdesk and waits for the signal
    go.touch()
    results = [(run.wait(timeout=120), *run.communicate()) for run in runs]
    built = [r for r in results if r[0] == 0]
    refused = [r for r in results if r[0] != 0]
    assert len(built) == 1, results
    assert built[0][1].startswith("Built the demo practice")
    assert len(refused) == 3, results
    for code, out, err in refused:
        assert code == 2 and out == ""
        assert err.strip().splitlines() == [
            f"tcdesk: {path} is busy (another tcdesk is building or changing it right now); "
            "try again in a moment."
        ]
    desk = Desk.open(path, create=False, read_only=True)
    try:
        assert len(desk.patients.list("")) > 10
    finally:
        desk.close()


def test_a_write_that_meets_a_lock_says_busy(demo_store: Path, capsys) -> None:
    other = engine.connect(demo_store)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        code = main(
            [*ADD, "--db", str(demo_store)],
            clock=lambda: FIXED_NOW,
        )
    finally:
        other.rollback()
        other.close()
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.strip() == (
        "tcdesk: The practice file is busy (another tcdesk is writing to it); "
        "try again in a moment."
    )
