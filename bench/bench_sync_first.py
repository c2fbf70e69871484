"""Office sync: the first sync of a 100,000-patient store, end to end (issue 15).

A practice's first sync is the main office starting it and a satellite joining:
each step the real ``tcdesk`` process a practice runs, timed around the process:

1. ``tcdesk sync --folder DIR`` on the main office (its identity, the snapshot);
2. ``tcdesk sync make-join --out FILE`` (the join file: the snapshot with the ledger);
3. ``tcdesk sync join FILE --db NEW`` on the satellite (its own copy and snapshot);
4. ``tcdesk sync --folder DIR`` on the satellite (its first sync: nothing waits).

Beside it, in the same run: a plain file copy of the store (``shutil.copyfile``
with an ``fsync``), SQLite's online backup of it into a new file (what
``sqlite3 .backup`` does), and reading every synced table whole (``SELECT *``).
Goal: at most 60 s end to end.

    PYTHONPATH=. python bench/bench_sync_first.py [--large FILE] [-n 3]

The store is ``tcdesk demo --size large`` (100,000 patients, 150,000 consults);
built into a temporary folder unless ``--large`` names one (about a minute).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tcdesk.services.sync import tables  # noqa: E402

GOAL_S = 60.0


def _tcdesk(*args: str) -> float:
    env = {k: v for k, v in os.environ.items() if k not in ("TCDESK_DB", "TCDESK_PASSPHRASE")}
    env["PYTHONPATH"] = str(REPO)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "tcdesk", *args], capture_output=True, text=True, env=env
    )
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"tcdesk {' '.join(args)} failed: {done.stderr}")
    return took


def _copy(source: Path, target: Path) -> float:
    started = time.perf_counter()
    shutil.copyfile(source, target)
    with target.open("rb+") as f:
        os.fsync(f.fileno())
    return time.perf_counter() - started


def _backup(source: Path, target: Path) -> float:
    started = time.perf_counter()
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return time.perf_counter() - started


def _read_all(store: Path) -> tuple[float, int]:
    started = time.perf_counter()
    rows = 0
    with closing(sqlite3.connect(store)) as conn:
        for table in tables.SYNCED:
            for _row in conn.execute(f"SELECT * FROM [{table}]"):
                rows += 1
    return time.perf_counter() - started, rows


def _count(store: Path, table: str) -> int:
    with closing(sqlite3.connect(store)) as conn:
        return conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]


def one_round(large: Path, work: Path) -> dict[str, float]:
    work.mkdir()
    folder = work / "folder"
    folder.mkdir()
    main, satellite, join_file = work / "main.sqlite3", work / "sat.sqlite3", work / "join.tcdesk"
    found = {"copy": _copy(large, main)}  # the peer, and the main office's store
    found["backup"] = _backup(large, work / "backup.sqlite3")
    found["read all"], found["rows"] = _read_all(large)
    found["1 main sync"] = _tcdesk("sync", "--db", str(main), "--folder", str(folder))
    found["2 make-join"] = _tcdesk("sync", "make-join", "--db", str(main), "--out", str(join_file))
    found["3 join"] = _tcdesk("sync", "join", str(join_file), "--db", str(satellite))
    found["4 satellite sync"] = _tcdesk("sync", "--db", str(satellite), "--folder", str(folder))
    found["end to end"] = sum(v for k, v in found.items() if k[0].isdigit())
    assert _count(satellite, "patients") == _count(large, "patients")
    shutil.rmtree(work)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", type=Path, help="a store with 100,000 patients")
    parser.add_argument("-n", type=int, default=3, help="rounds (default 3)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        large = args.large
        if large is None:
            large = root / "large.sqlite3"
            print("building the large store (about a minute)…", flush=True)
            _tcdesk("demo", "--fresh", "--db", str(large), "--size", "large")
        print(f"store: {_count(large, 'patients'):,} patients, {large.stat().st_size / 1e6:.0f} MB")
        rounds = []
        for number in range(args.n):
            rounds.append(one_round(large, root / f"round{number}"))
            print(
                "round",
                number + 1,
                ", ".join(f"{k} {v:.2f} s" for k, v in rounds[-1].items() if k != "rows"),
                flush=True,
            )
    medians = {k: statistics.median(r[k] for r in rounds) for k in rounds[0] if k != "rows"}
    for name, value in medians.items():
        print(f"median {name}: {value:.2f} s")
    end = medians["end to end"]
    print(f"rows read by SELECT *: {rounds[0]['rows']:,}")
    print(
        f"ratios: end to end / copy {end / medians['copy']:.1f}x, / backup "
        f"{end / medians['backup']:.1f}x, / read all {end / medians['read all']:.1f}x"
    )
    print(f"goal: end to end <= {GOAL_S:.0f} s: {'met' if end <= GOAL_S else 'NOT met'}")
    return 0 if end <= GOAL_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
