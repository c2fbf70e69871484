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
    from tcdesk.store.kpi_month_repo import KpiMonthRepository
    from tcdesk.ui.pipeline.dashboard_window import DashboardWindow, Reader

    app = QApplication.instance() or QApplication([])
    desk = Desk.open(args.db)  # the app's own desk: it can write (the dashboard keeps months)
    months = KpiMonthRepository(desk.db)
    edits = iter(
        desk.db.execute(
            "SELECT id FROM consults WHERE deleted_at IS NULL ORDER BY scheduled_at DESC LIMIT 100"
        ).fetchall()
    )

    kept_reader = Reader(desk)  # the desk's: its count outlives the window (View > Dashboard)

    def open_dashboard(reader: Reader | None = None) -> DashboardWindow:
        window = DashboardWindow(desk, reader=reader)  # counts on the pool thread
        window.resize(1400, 900)
        window.show()
        while window.busy() or window.report is None:
            app.processEvents()
        window.repaint()
        app.processEvents()
        return window

    def one_change() -> None:  # a TC marks a consult of this month hot
        (consult_id,) = next(edits)
        consult = desk.consults.get(consult_id)
        desk.consults.save(replace(consult, warmth="warm" if consult.warmth == "hot" else "hot"))

    def peer() -> None:  # one plain count of the year's consults
        desk.db.execute(
            "SELECT count(*) FROM consults NOT INDEXED WHERE deleted_at IS NULL "
            "AND scheduled_at >= ?",
            [year_start],
        ).fetchall()

    window = open_dashboard()
    year = window.filters.filters()
    report = window.report
    assert report is not None
    year_start = report.start.isoformat()
    window.close()
    choices = kpi_choices(desk)
    variants = cycle(
        [year]
        + [replace(year, coordinator=name) for name in choices.coordinators]
        + [replace(year, source=value) for value, _words in choices.sources]
    )
    counter = KpiCounter()
    kpi_report(desk, year, counter)
    window = open_dashboard()

    def filter_change() -> None:
        shown = kpi_report(desk, next(variants), counter)
        window._show(window._asked, shown)  # what the pool thread's answer does
        window.repaint()
        app.processEvents()

    figures: dict[str, list[float]] = {
        k: [] for k in ("filter", "reopen", "kept", "changed", "cold", "peer", "cli kept",
                        "cli changed", "cli help")
    }  # fmt: skip

    def timed(name: str, work) -> None:
        started = time.perf_counter()
        work()
        figures[name].append((time.perf_counter() - started) * 1000)

    command = [TCDESK, "kpi", "--db", str(args.db), "--json"]
    for _ in range(args.runs):  # filter changes on unchanged data (the counter's facts)
        timed("filter", filter_change)
    for _ in range(args.runs):  # alternating, so a busy moment falls on all of them
        timed("peer", peer)
        timed("kept", lambda: open_dashboard().close())
        open_dashboard(kept_reader).close()
        timed("reopen", lambda: open_dashboard(kept_reader).close())
        one_change()
        timed("changed", lambda: open_dashboard().close())
        timed("cli kept", lambda: subprocess.run(command, check=True, capture_output=True))
        one_change()
        desk.checkpoint()
        timed("cli changed", lambda: subprocess.run(command, check=True, capture_output=True))
        timed("cli help", lambda: subprocess.run([TCDESK, "kpi", "--help"], capture_output=True))
    for _ in range(3):
        months.forget()
        timed("cold", lambda: open_dashboard().close())
    kpi_report(desk, year, KpiCounter())  # leave the months kept
    window.close()
    desk.close()

    def med(name: str) -> float:
        return statistics.median(figures[name])

    print(f"{report.total.held:,} held consults, {report.start} to {report.end}")
    print(f"{args.runs} alternating runs; medians (min)")
    for name, words in (
        ("filter", "dashboard open, a filter change"),
        ("reopen", "dashboard opened again in the app, nothing changed"),
        ("kept", "dashboard opened, first time in the app, months kept"),
        ("changed", "dashboard opened after one consult changed this month"),
        ("cold", "dashboard opened, no month kept (3 runs)"),
        ("peer", "peer: one count(*) scan of the year"),
        ("cli kept", "tcdesk kpi --json, process, months kept"),
        ("cli changed", "tcdesk kpi --json, process, after one change"),
        ("cli help", "peer: tcdesk kpi --help, process"),
    ):
        print(f"{words:58s} {med(name):7.1f} ms  ({min(figures[name]):.1f})")
    print(
        f"ratios to the scan: kept {med('kept') / med('peer'):.1f}x, "
        f"changed {med('changed') / med('peer'):.1f}x, cold {med('cold') / med('peer'):.1f}x"
    )
    dash = max(med("filter"), med("reopen"), med("kept"), med("changed"))
    process = max(med("cli kept"), med("cli changed"))
    for name, value, target in (
        ("dashboard", dash, DASHBOARD_TARGET_MS),
        ("tcdesk kpi", process, PROCESS_TARGET_MS),
    ):
        verdict = "OK" if value <= target else "SLOWER THAN TARGET"
        print(f"target {name} <= {target:.0f} ms: {verdict}")
    return 0 if dash <= DASHBOARD_TARGET_MS and process <= PROCESS_TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
