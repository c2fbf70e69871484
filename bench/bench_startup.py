"""GUI start-up: from the process starting to the desk window shown, beside a bare window.

    .venv/bin/python -m tcdesk.devtools.virtual_screens -- \\
        .venv/bin/python bench/bench_startup.py [-n 7]

Alternating, in one run: ``tcdesk --db DEMO`` (the demo practice; the sign-in
answered as if the TC had, since a person's typing is not what is timed) and
a bare PySide6 window with a 40-row table. Each is its own process; each
reports, from inside, the time since its process started when its main
window's first show has been handled, and its peak memory. Medians; target:
tcdesk at most 3x the bare window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CLOCK = """
import os, resource
def since_start():
    with open("/proc/self/stat") as f:
        ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as f:
        up = float(f.read().split()[0])
    return up - ticks / os.sysconf("SC_CLK_TCK")
def report():
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"SHOWN {since_start():.4f} {rss:.0f}", flush=True)
    os._exit(0)
"""

TCDESK = (
    CLOCK
    + """
import sys
from PySide6.QtCore import QTimer
import tcdesk.ui.app as app
app.sign_in_at_launch = lambda desk: True
import tcdesk.ui.main_window as main_window
shown = main_window.MainWindow.showEvent
def show(self, event):
    shown(self, event)
    QTimer.singleShot(0, report)
main_window.MainWindow.showEvent = show
from tcdesk.cli import main
main(["--db", sys.argv[1]])
"""
)

BARE = (
    CLOCK
    + """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem
qapp = QApplication(sys.argv)
class Window(QMainWindow):
    def showEvent(self, event):
        super().showEvent(event)
        QTimer.singleShot(0, report)
window = Window()
table = QTableWidget(40, 6)
for row in range(40):
    for column in range(6):
        table.setItem(row, column, QTableWidgetItem(f"Patient {row} {column}"))
window.setCentralWidget(table)
window.resize(1200, 800)
window.show()
qapp.exec()
"""
)


def _run(script: str, *args: str) -> tuple[float, float]:
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("SHOWN")), None)
    if line is None:
        raise SystemExit(f"no window was shown:\n{done.stdout}\n{done.stderr}")
    _word, seconds, megabytes = line.split()
    return float(seconds), float(megabytes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=7)
    rounds = parser.parse_args().n
    env = {k: v for k, v in os.environ.items() if k != "TCDESK_PASSPHRASE"}
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo.sqlite3"
        subprocess.run(
            [sys.executable, "-m", "tcdesk", "demo", "--db", str(demo)],
            check=True,
            capture_output=True,
            env=env,
            cwd=ROOT,
        )
        ours, bare = [], []
        for _ in range(rounds):
            ours.append(_run(TCDESK, str(demo)))
            bare.append(_run(BARE))
    a = statistics.median(t for t, _ in ours)
    b = statistics.median(t for t, _ in bare)
    print(f"tcdesk, desk shown    median {a * 1000:7.0f} ms  {max(m for _, m in ours):.0f} MB")
    print(f"bare window, 40 rows  median {b * 1000:7.0f} ms  {max(m for _, m in bare):.0f} MB")
    print(f"ratio {a / b:.1f}x (target at most 3x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
