"""GUI start-up: from the process starting to the desk window painted, beside its peers.

    .venv/bin/python -m tcdesk.devtools.virtual_screens -- \\
        .venv/bin/python bench/bench_startup.py [-n 7]

Alternating, in one run, each its own process: ``tcdesk --db DEMO`` (the demo
practice; the sign-in answered as if the TC had, since a person's typing is
not what is timed), a bare PySide6 window with a 40-row table, and what that
window cannot do without: Python importing PySide6's widgets and making the
``QApplication``, and Python alone. The windows report, from inside, the time
since their process started when their first paint is done (the whole window
drawn, children included), and their peak memory. Medians; target: tcdesk at
most 3x the bare window.

Bytecode: every process reads compiled bytecode from one private cache
(``PYTHONPYCACHEPREFIX``, filled by an untimed first run of each), as an
installed app does; this machine's ``PYTHONDONTWRITEBYTECODE`` would otherwise
have tcdesk compile its ~250 modules from source at every start (+0.3-0.4 s)
while PySide6's own are compiled.
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

# The first paint: reported once the window's paint (and so its children's, in
# the same pass) has been handled.
TCDESK = (
    CLOCK
    + """
import sys
from PySide6.QtCore import QTimer
import tcdesk.ui.app as app
app.sign_in_at_launch = lambda desk: True
import tcdesk.ui.main_window as main_window
painted = main_window.MainWindow.paintEvent
def paint(self, event):
    painted(self, event)
    QTimer.singleShot(0, report)
main_window.MainWindow.paintEvent = paint
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
    def paintEvent(self, event):
        super().paintEvent(event)
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

IMPORT_ONLY = (
    CLOCK
    + """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem
qapp = QApplication(sys.argv)
report()
"""
)

PYTHON_ONLY = CLOCK + "\nreport()\n"

PEERS = (
    ("tcdesk, desk painted", TCDESK),
    ("bare window, 40 rows", BARE),
    ("import PySide6 + QApplication", IMPORT_ONLY),
    ("python alone", PYTHON_ONLY),
)


def _run(script: str, env: dict[str, str], *args: str) -> tuple[float, float]:
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
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
    hidden = ("TCDESK_PASSPHRASE", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    with tempfile.TemporaryDirectory() as folder:
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "bytecode")
        demo = Path(folder) / "demo.sqlite3"
        subprocess.run(
            [sys.executable, "-m", "tcdesk", "demo", "--db", str(demo)],
            check=True,
            capture_output=True,
            env=env,
            cwd=ROOT,
        )
        for _name, script in PEERS:  # untimed: fills the bytecode cache
            _run(script, env, str(demo))
        times: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in PEERS}
        for _ in range(rounds):
            for name, script in PEERS:
                times[name].append(_run(script, env, str(demo)))
    medians = {name: statistics.median(t for t, _ in runs) for name, runs in times.items()}
    for name, runs in times.items():
        peak = max(m for _, m in runs)
        print(f"{name:30} median {medians[name] * 1000:6.0f} ms  {peak:4.0f} MB")
    ratio = medians[PEERS[0][0]] / medians[PEERS[1][0]]
    print(f"ratio tcdesk / bare window {ratio:.1f}x (target at most 3x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
