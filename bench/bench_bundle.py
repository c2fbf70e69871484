"""The bundle beside the source install: size on disk, ``tcdesk --version``, the GUI to its desk.

    DISPLAY=:N .venv/bin/python bench/bench_bundle.py [--bundle dist/tcdesk] [-n 9]

(needs an X display, e.g. ``Xvfb :N -screen 0 1920x1080x24 &``, and ``xdotool``).
Alternating, in one run, each its own process with the same fresh HOME and practice
file: the bundle (``dist/tcdesk/tcdesk``) and the source install (this Python with
``-m tcdesk``, its bytecode compiled once in an untimed first round, as an installed
app has it). ``--version`` is timed by ``time.perf_counter`` around the process; the
GUI from the process starting to the desk's window being mapped on the screen,
polled every 10 ms with ``xdotool`` (the same for both, so the ratio holds), on a
practice set up with no PINs (no sign-in window); each window is then closed with
SIGTERM. Medians and the ratio bundle / source; goal: at most 1.0 (no slower).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TITLE = "^tcdesk — Bench Orthodontics$"


def _size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir())


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB"


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT, timeout=60)
    return time.perf_counter() - started


def _window_shown() -> bool:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", TITLE], capture_output=True
    )
    return found.returncode == 0 and bool(found.stdout.strip())


def _to_desk(command: list[str], env: dict[str, str], template: Path, db: Path) -> float:
    shutil.copyfile(template, db)
    started = time.perf_counter()
    app = subprocess.Popen(
        [*command, "--db", str(db)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while not _window_shown():
            if app.poll() is not None or time.perf_counter() - started > 60:
                raise SystemExit(f"no desk window from {command[0]} (exit {app.returncode})")
            time.sleep(0.01)
        return time.perf_counter() - started
    finally:
        app.send_signal(signal.SIGTERM)
        app.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "tcdesk")
    parser.add_argument("-n", type=int, default=9)
    args = parser.parse_args()
    bundle = args.bundle.resolve()
    if not (bundle / "tcdesk").is_file():
        raise SystemExit(f"no bundle at {bundle}: make bundle")
    if not os.environ.get("DISPLAY") or shutil.which("xdotool") is None:
        raise SystemExit("needs DISPLAY (an X server, e.g. Xvfb) and xdotool")
    peers = {
        "bundle": [str(bundle / "tcdesk")],
        "source": [sys.executable, "-m", "tcdesk"],
    }
    venv = Path(sys.prefix)
    source_size = _size(venv) + sum(
        _size(ROOT / part) for part in ("tcdesk", "assets", "presentation_flows")
    )
    print(f"bundle unpacked {_mb(_size(bundle))}", end="")
    tarballs = sorted(bundle.parent.glob("tcdesk-*-linux-*.tar.gz"))
    print(f", tarball {_mb(tarballs[-1].stat().st_size)}" if tarballs else "")
    print(f"source install  {_mb(source_size)} (this venv {venv} with the test tools, + checkout)")
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        env = {
            "HOME": str(home),
            "PATH": os.environ["PATH"],
            "DISPLAY": os.environ["DISPLAY"],
            "LANG": "C.UTF-8",
            "XDG_RUNTIME_DIR": str(home),
            "PYTHONPYCACHEPREFIX": str(home / "bytecode"),
        }
        template = home / "template.sqlite3"
        subprocess.run(
            [*peers["source"], "setup", "--db", str(template), "--practice", "Bench Orthodontics",
             "--office", "Main", "--coordinator", "Ana Lee", "--doctor", "Dr. Ray Cho"],
            check=True, capture_output=True, env=env, cwd=ROOT,
        )  # fmt: skip
        db = home / "practice.sqlite3"
        version = {name: [] for name in peers}
        desk = {name: [] for name in peers}
        for round_ in range(args.n + 1):
            for name, command in peers.items():
                seconds = _timed([*command, "--version"], env)
                shown = _to_desk(command, env, template, db)
                if round_:  # the first round compiles the source's bytecode
                    version[name].append(seconds)
                    desk[name].append(shown)
    for label, times in (("tcdesk --version", version), ("GUI to the desk", desk)):
        medians = {name: statistics.median(values) for name, values in times.items()}
        for name, values in times.items():
            print(f"{label:17} {name:6} median {medians[name] * 1000:6.0f} ms  "
                  f"min {min(values) * 1000:6.0f} ms")  # fmt: skip
        ratio = medians["bundle"] / medians["source"]
        print(f"{label:17} ratio bundle / source {ratio:.2f} (goal at most 1.0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
