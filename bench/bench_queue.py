"""The follow-up queue at 100,000 patients (target: the queue opens in at most 100 ms).

    .venv/bin/python bench/bench_queue.py [--large FILE] [-n 9]

On the large store (``tcdesk demo --size large``: 100,000 patients, 150,000
consults, 20,000 leads; built into a temporary file unless ``--large`` names
one) and, side by side in the same run, on the demo practice, each timed with
``time.perf_counter`` and given as medians:

- **queue, everyone**: ``load_queue`` as the queue window opens it (the counts
  and the first ranked page, priced and worded);
- **queue, one TC**: the same for the coordinator with the most items;
- **desk count**: ``queue_counts``, what the desk's status line shows.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tcdesk.services.desk import Desk  # noqa: E402
from tcdesk.services.follow_up_queue import load_queue, queue_counts  # noqa: E402


def _median_ms(action, rounds: int) -> float:
    action()  # warm: the first read of the file's pages is not what a TC waits for each time
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(path: Path, rounds: int) -> dict[str, float]:
    desk = Desk.open(path, read_only=True)
    try:
        queue = load_queue(desk, limit=None)
        by_tc: dict[str, int] = {}
        for item in queue.items:
            if item.owner_id:
                by_tc[item.owner_id] = by_tc.get(item.owner_id, 0) + 1
        busiest = max(by_tc, key=by_tc.get) if by_tc else None
        return {
            "items": len(queue.items),
            "everyone": _median_ms(lambda: load_queue(desk), rounds),
            "one": _median_ms(lambda: load_queue(desk, owner_id=busiest), rounds),
            "count": _median_ms(lambda: queue_counts(desk), rounds),
        }
    finally:
        desk.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--large", type=Path, default=None)
    parser.add_argument("-n", type=int, default=9)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "TCDESK_PASSPHRASE"}
    run = [sys.executable, "-m", "tcdesk", "demo", "--db"]
    with tempfile.TemporaryDirectory() as folder:
        demo, large = Path(folder) / "demo.sqlite3", args.large or Path(folder) / "large.sqlite3"
        subprocess.run([*run, str(demo)], check=True, capture_output=True, env=env)
        if args.large is None:
            print("building the large store (about half a minute)…", flush=True)
            subprocess.run(
                [*run, str(large), "--size", "large"], check=True, capture_output=True, env=env
            )
        print(f"{'store':<7} {'open items':>11} {'everyone':>10} {'one TC':>9} {'count':>8}")
        for name, path in (("demo", demo), ("large", large)):
            got = measure(path, args.n)
            print(
                f"{name:<7} {got['items']:>11,} {got['everyone']:>8.1f}ms {got['one']:>7.1f}ms"
                f" {got['count']:>6.1f}ms"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
