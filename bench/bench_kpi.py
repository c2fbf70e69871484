"""Benchmark: the practice's numbers for a year of a large store (targets: dashboard <= 200 ms
median, ``tcdesk kpi`` for a year as a whole process <= 1 s).

Run from the repository root:
``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_kpi.py [--db FILE] [-n 9]``.
Builds the large store (``tcdesk demo --size large``) into FILE first if it is not
there, and says how long that took. Then, each timed with ``time.perf_counter``:

- **dashboard**: what one filter change costs the dashboard window over the default
  year: ``kpi_report`` with the window's ``KpiCounter`` (the year counted once, as
  the window does), then the window showing it (tiles, targets, four charts and
  tables) and painting, offscreen; the filters cycle through none, each
  coordinator and each lead source;
- **first count**: ``kpi_report`` for the year with a new ``KpiCounter`` (what
  opening the dashboard, or a change of period or of the data, costs; it runs on
  the pool thread);
- **tcdesk kpi**: ``tcdesk kpi --json`` as a whole process (start-up, the file's
  quick check, the count, the JSON).

The host is shared and its speed varies (bench/README.md), so each figure comes
with a peer measured in the same run: one plain scan of the year's consults
(``SELECT count(*)``) for the in-process figures, ``tcdesk kpi --help`` (start-up
alone) for the process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DASHBOARD_TARGET_MS = 200.0
PROCESS_TARGET_MS = 1000.0
TCDESK = str(Path(sys.executable).with_name("tcdesk"))


def _median_ms(work, runs: int) -> tuple[float, float]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), min(timings)


def _build(path: Path) -> None:
    if path.exists():
        return
    started = time.perf_counter()
    subprocess.run([TCDESK, "demo", "--db", str(path), "--size", "large"], check=True)
    print(f"built the large store in {time.perf_counter() - started:.1f} s: {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/tcdesk-large.sqlite3"))
    parser.add_argument("-n", "--runs", type=int, default=9)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _build(args.db)

    from dataclasses import replace
    from itertools import cycle

    from PySide6.QtWidgets import QApplication

    from tcdesk.services.desk import Desk
    from tcdesk.services.kpi import KpiCounter, kpi_choices, kpi_report
    from tcdesk.ui.pipeline.dashboard_window import DashboardWindow

    app = QApplication.instance() or QApplication([])
    desk = Desk.open(args.db, read_only=True)
    window = DashboardWindow(desk)  # desk.path is set: its first count runs on the pool
    window.resize(1400, 900)
    window.show()
    while window.busy() or window.report is None:
        app.processEvents()
    year = window.filters.filters()
    choices = kpi_choices(desk)
    variants = cycle(
        [year]
        + [replace(year, coordinator=name) for name in choices.coordinators]
        + [replace(year, source=value) for value, _words in choices.sources]
    )
    counter = KpiCounter()
    report = kpi_report(desk, year, counter)
    scope = (report.start.isoformat(), report.end.isoformat())

    def dashboard() -> None:
        shown = kpi_report(desk, next(variants), counter)
        window._show(window._asked, shown)  # what the pool thread's answer does
        window.repaint()
        app.processEvents()

    def peer() -> None:
        desk.db.execute(
            "SELECT count(*) FROM consults NOT INDEXED WHERE deleted_at IS NULL "
            "AND scheduled_at >= ? AND scheduled_at < ?",
            [report.start.isoformat(), report.end.isoformat()],
        ).fetchall()

    dash, dash_min = _median_ms(dashboard, args.runs)
    first, first_min = _median_ms(lambda: kpi_report(desk, year, KpiCounter()), 3)
    scan, _ = _median_ms(peer, args.runs)
    window.close()
    desk.close()

    command = [TCDESK, "kpi", "--db", str(args.db), "--json"]
    process, process_min = _median_ms(
        lambda: subprocess.run(command, check=True, capture_output=True), max(3, args.runs // 2)
    )
    startup, _ = _median_ms(
        lambda: subprocess.run([TCDESK, "kpi", "--help"], check=True, capture_output=True), 3
    )

    held = report.total.held
    print(f"{held:,} held consults, {scope[0]} to {scope[1]}; {args.runs} runs each")
    print(f"dashboard, a filter change    median {dash:7.1f} ms  min {dash_min:7.1f} ms")
    print(f"first count of the year       median {first:7.1f} ms  min {first_min:7.1f} ms")
    print(
        f"peer: one scan of the year    median {scan:7.1f} ms  (first count = {first / scan:.1f}x)"
    )
    print(f"tcdesk kpi --json, process    median {process:7.1f} ms  min {process_min:7.1f} ms")
    print(f"peer: tcdesk kpi --help       median {startup:7.1f} ms")
    ok = dash <= DASHBOARD_TARGET_MS and process <= PROCESS_TARGET_MS
    for name, value, target in (
        ("dashboard", dash, DASHBOARD_TARGET_MS),
        ("tcdesk kpi", process, PROCESS_TARGET_MS),
    ):
        verdict = "OK" if value <= target else "SLOWER THAN TARGET"
        print(f"target {name} <= {target:.0f} ms: {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
