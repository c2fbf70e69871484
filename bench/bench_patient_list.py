"""Search as you type in the desk's patient list, at 100,000 patients and on the demo.

    .venv/bin/python -m tcdesk.devtools.virtual_screens -- \\
        .venv/bin/python bench/bench_patient_list.py [--large FILE] [-n 5] [--old]

The real desk window (``MainWindow``) on two stores side by side in one run:
the demo practice (about 200 patients) and a large store (``tcdesk demo
--size large``: 100,000 patients; built into a temporary file unless
``--large`` names one). For each prefix of a few names, typed a letter at a
time (real key presses into the search field), it times what one keystroke
costs after the search pause: from the search starting (what the search's
timer runs, called at once) to the end of the table viewport's first paint
after it (an event filter on the viewport times that paint; events are
processed until it has come, a synchronous ``repaint()`` if none did). That
is when the TC sees the list for the letter typed. ``--old`` times as this
bench did before (the search, one ``processEvents()``, then an extra
synchronous ``repaint()``: the table painted twice), to compare with earlier
figures. After each name, the patient's panel catching up once the typing
pauses (its timer's work, on trees that wait for it) is timed apart.
Then the search is cleared with the last name's patient selected (everyone is
listed and that patient stays selected: the list is read down to their row),
and the whole list is scrolled to the end, a screen at a time; it reports the
longest step (a page read when the view asks for more), the longest of
Python's full (generation 2) collections during the scroll, and one full
``gc.collect()`` with every row loaded. Medians in ms.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from tcdesk.services.desk import Desk  # noqa: E402
from tcdesk.ui.main_window import MainWindow  # noqa: E402

WORDS = ("smith", "martinez zoe", "555-01", "o'brien", "garcia")


class FirstPaint(QObject):
    """Times the end of the table viewport's next paint (the list as the TC sees it).

    The filter sees the paint before the table does, so it runs the table's paint
    itself (``viewportEvent``) to know when that paint is done.
    """

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self.armed = False
        self.ended: float | None = None
        table.viewport().installEventFilter(self)

    def arm(self) -> None:
        self.armed, self.ended = True, None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.armed or event.type() != QEvent.Type.Paint:
            return False
        self.armed = False
        self._table.viewportEvent(event)
        self.ended = time.perf_counter()
        return True

    def wait(self, app: QApplication) -> float:
        """Events processed until the paint has come (a synchronous repaint if none does)."""
        for _ in range(50):
            if self.ended is not None:
                break
            app.processEvents()
        if self.ended is None:
            self._table.viewport().repaint()
        assert self.ended is not None
        return self.ended


def until_painted(
    window: MainWindow, app: QApplication, paint: FirstPaint | None, act: Callable[[], object]
) -> float:
    """ms from ``act()`` starting to the end of the table's first paint after it
    (``paint`` None: the old measure, one processEvents and a synchronous repaint)."""
    if paint is None:
        started = time.perf_counter()
        act()
        app.processEvents()
        window.table.viewport().repaint()
        return (time.perf_counter() - started) * 1000
    paint.arm()
    started = time.perf_counter()
    act()
    return (paint.wait(app) - started) * 1000


def search_timer_work(window: MainWindow) -> None:
    window._search_timer.timeout.emit()  # what the search's timer runs, on either tree


def panel_catching_up(window: MainWindow, app: QApplication) -> float | None:
    """The panel's pending update once typing pauses (None: nothing was pending)."""
    follow = getattr(window, "_follow", None)  # trees whose panel waits for a pause
    timer: QTimer | None = follow.timer if follow is not None else None
    if timer is None or not timer.isActive():
        return None
    timer.stop()
    started = time.perf_counter()
    timer.timeout.emit()
    app.processEvents()
    return (time.perf_counter() - started) * 1000


def keystrokes(
    window: MainWindow, app: QApplication, rounds: int, paint: FirstPaint | None
) -> tuple[list[float], list[float]]:
    """Each name typed into the search field a key at a time (real key presses).

    The typing pause is not timed: once a key has started the search timer, the
    timer is stopped and what it runs is timed, to the table's paint. Also the
    panel catching up after each name. Both lists in ms.
    """
    times: list[float] = []
    panels: list[float] = []
    for _ in range(rounds):
        for word in WORDS:
            window.search.blockSignals(True)
            window.search.clear()
            window.search.blockSignals(False)
            for letter in word:
                QTest.keyClick(window.search, letter)
                assert window._search_timer.isActive(), "the key did not start the search"
                window._search_timer.stop()
                times.append(until_painted(window, app, paint, lambda: search_timer_work(window)))
            caught_up = panel_catching_up(window, app)
            if caught_up is not None:
                panels.append(caught_up)
    return times, panels


def back_to_everyone(
    window: MainWindow, app: QApplication, paint: FirstPaint | None
) -> tuple[int, float]:
    """The search cleared with the last name's patient selected: everyone is listed,
    that patient still selected, so the list is read down to them. Their row, ms."""
    window.search.blockSignals(True)
    window.search.clear()
    window.search.blockSignals(False)
    took = until_painted(window, app, paint, window.refresh_patients)
    rows = window.table.selectionModel().selectedRows()
    return (rows[0].row() if rows else -1), took


def scroll_to_end(
    window: MainWindow, app: QApplication, paint: FirstPaint | None
) -> tuple[int, float, float, float]:
    """Rows at the end, the step's median and worst, the longest full collection (ms)."""
    bar = window.table.verticalScrollBar()
    bar.setValue(0)
    app.processEvents()
    steps: list[float] = []
    full: list[float] = []
    began = [0.0]

    def collected(phase: str, info: dict) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            began[0] = time.perf_counter()
        else:
            full.append((time.perf_counter() - began[0]) * 1000)

    def a_screen_down() -> None:
        bar.setValue(bar.value() + bar.pageStep())

    gc.callbacks.append(collected)
    try:
        for _ in range(100_000):
            steps.append(until_painted(window, app, paint, a_screen_down))
            if bar.value() >= bar.maximum() and not window.model.canFetchMore():
                break
    finally:
        gc.callbacks.remove(collected)
    return window.model.rowCount(), statistics.median(steps), max(steps), max(full, default=0.0)


def full_collection() -> float:
    """One ``gc.collect()`` (every generation), median of three, ms."""
    times = []
    for _ in range(3):
        started = time.perf_counter()
        gc.collect()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(path: Path, app: QApplication, rounds: int, old: bool) -> dict[str, float]:
    desk = Desk.open(path, read_only=True)
    try:
        window = MainWindow(desk, date.today(), on_present=lambda _cid: None)
        window.resize(1600, 900)
        window.show()
        app.processEvents()
        window.today_button.setChecked(False)
        paint = None if old else FirstPaint(window.table)
        typed, panels = keystrokes(window, app, rounds, paint)
        kept_row, back = back_to_everyone(window, app, paint)
        rows, step, worst, worst_gc = scroll_to_end(window, app, paint)
        collect = full_collection()
        window.close()
        window.deleteLater()  # gone before its store closes: no timer reads a closed file
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return {
            "patients": desk.patients.count(),
            "median": statistics.median(typed),
            "p95": sorted(typed)[int(len(typed) * 0.95)],
            "max": max(typed),
            "panel": statistics.median(panels) if panels else float("nan"),
            "rows": rows,
            "step": step,
            "worst": worst,
            "worst_gc": worst_gc,
            "gc": collect,
            "kept_row": kept_row,
            "back": back,
        }
    finally:
        desk.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--large", type=Path, default=None, help="a store with 100,000 patients")
    parser.add_argument("-n", type=int, default=3, help="rounds of typing")
    parser.add_argument(
        "--old", action="store_true", help="time as before: processEvents, then repaint()"
    )
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
        print("measure:", "old (processEvents + repaint)" if args.old else "to the first paint")
        print(
            f"{'store':<8} {'patients':>9} {'key median':>11} {'p95':>7} {'max':>7}"
            f" {'panel':>7} {'rows at end':>12} {'scroll step':>12} {'worst step':>11}"
            f" {'worst full gc':>14} {'gc.collect':>11} {'search cleared':>15}"
        )
        for name, path in (("demo", demo), ("large", large)):
            got = measure(path, app, args.n, args.old)
            print(
                f"{name:<8} {got['patients']:>9,} {got['median']:>9.1f}ms {got['p95']:>5.1f}ms"
                f" {got['max']:>5.1f}ms {got['panel']:>5.1f}ms {got['rows']:>12,}"
                f" {got['step']:>10.1f}ms {got['worst']:>9.1f}ms {got['worst_gc']:>12.1f}ms"
                f" {got['gc']:>9.1f}ms {got['back']:>7.1f}ms row {got['kept_row']:,}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
