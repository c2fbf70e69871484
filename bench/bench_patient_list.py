"""Search as you type in the desk's patient list, at 100,000 patients and on the demo.

    .venv/bin/python -m tcdesk.devtools.virtual_screens -- \\
        .venv/bin/python bench/bench_patient_list.py [--large FILE] [-n 5]

The real desk window (``MainWindow``) on two stores side by side in one run:
the demo practice (about 200 patients) and a large store (``tcdesk demo
--size large``: 100,000 patients; built into a temporary file unless
``--large`` names one). For each prefix of a few names, typed a letter at a
time (real key presses into the search field), it times what one keystroke
costs after the search pause: the list read (a page and a count), the events
that leaves (layout, the patient's panel) and the table repainted
(``repaint()``, synchronous).
Then the search is cleared with the last name's patient selected (everyone is
listed and that patient stays selected: the list is read down to their row),
and the whole list is scrolled to the end, a screen at a time; it reports the
longest step (a page read when the view asks for more). Medians in ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tcdesk.services.desk import Desk  # noqa: E402
from tcdesk.ui.main_window import MainWindow  # noqa: E402

WORDS = ("smith", "martinez zoe", "555-01", "o'brien", "garcia")


def keystrokes(window: MainWindow, app: QApplication, rounds: int) -> list[float]:
    """Each name typed into the search field a key at a time (real key presses).

    The typing pause is not timed: once a key has started the search timer, the
    timer is stopped and what it runs is timed, with the events it leaves (the
    table's layout, the patient's panel) and the table's repaint.
    """
    times: list[float] = []
    for _ in range(rounds):
        for word in WORDS:
            window.search.blockSignals(True)
            window.search.clear()
            window.search.blockSignals(False)
            for letter in word:
                QTest.keyClick(window.search, letter)
                assert window._search_timer.isActive(), "the key did not start the search"
                window._search_timer.stop()
                started = time.perf_counter()
                window.refresh_patients()  # what the timer runs
                app.processEvents()
                window.table.viewport().repaint()
                times.append((time.perf_counter() - started) * 1000)
    return times


def back_to_everyone(window: MainWindow, app: QApplication) -> tuple[int, float]:
    """The search cleared with the last name's patient selected: everyone is listed,
    that patient still selected, so the list is read down to them. Their row, ms."""
    window.search.blockSignals(True)
    window.search.clear()
    window.search.blockSignals(False)
    started = time.perf_counter()
    window.refresh_patients()
    app.processEvents()
    window.table.viewport().repaint()
    took = (time.perf_counter() - started) * 1000
    rows = window.table.selectionModel().selectedRows()
    return (rows[0].row() if rows else -1), took


def scroll_to_end(window: MainWindow, app: QApplication) -> tuple[int, float, float]:
    bar = window.table.verticalScrollBar()
    bar.setValue(0)
    app.processEvents()
    steps: list[float] = []
    for _ in range(100_000):
        started = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        app.processEvents()
        window.table.viewport().repaint()
        steps.append((time.perf_counter() - started) * 1000)
        if bar.value() >= bar.maximum() and not window.model.canFetchMore():
            break
    return window.model.rowCount(), statistics.median(steps), max(steps)


def measure(path: Path, app: QApplication, rounds: int) -> dict[str, float]:
    desk = Desk.open(path, read_only=True)
    try:
        window = MainWindow(desk, date.today(), on_present=lambda _cid: None)
        window.resize(1600, 900)
        window.show()
        app.processEvents()
        window.today_button.setChecked(False)
        typed = keystrokes(window, app, rounds)
        kept_row, back = back_to_everyone(window, app)
        rows, step, worst = scroll_to_end(window, app)
        window.close()
        window.deleteLater()  # gone before its store closes: no timer reads a closed file
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return {
            "patients": desk.patients.count(),
            "median": statistics.median(typed),
            "p95": sorted(typed)[int(len(typed) * 0.95)],
            "max": max(typed),
            "rows": rows,
            "step": step,
            "worst": worst,
            "kept_row": kept_row,
            "back": back,
        }
    finally:
        desk.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--large", type=Path, default=None, help="a store with 100,000 patients")
    parser.add_argument("-n", type=int, default=3, help="rounds of typing")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo.sqlite3"
        large = args.large or Path(folder) / "large.sqlite3"
        env = {k: v for k, v in os.environ.items() if k != "TCDESK_PASSPHRASE"}
        run = [sys.executable, "-m", "tcdesk", "demo", "--db"]
        subprocess.run([*run, str(demo)], check=True, capture_output=True, env=env)
        if args.large is None:
            print("building the large store (about half a minute)…", flush=True)
            subprocess.run(
                [*run, str(large), "--size", "large"], check=True, capture_output=True, env=env
            )
        print(
            f"{'store':<8} {'patients':>9} {'key median':>11} {'p95':>7} {'max':>7}"
            f" {'rows at end':>12} {'scroll step':>12} {'worst step':>11}"
            f" {'search cleared':>15}"
        )
        for name, path in (("demo", demo), ("large", large)):
            got = measure(path, app, args.n)
            print(
                f"{name:<8} {got['patients']:>9,} {got['median']:>9.1f}ms {got['p95']:>5.1f}ms"
                f" {got['max']:>5.1f}ms {got['rows']:>12,} {got['step']:>10.1f}ms"
                f" {got['worst']:>9.1f}ms"
                f" {got['back']:>7.1f}ms row {got['kept_row']:,}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
