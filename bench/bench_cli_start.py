"""Benchmark: ``tcdesk --version`` and ``tcdesk --help`` beside ``python -c pass`` (goal: at
most 3x ``python -c pass``).

Run from the repository root: ``.venv/bin/python bench/bench_cli_start.py [-n 21]``.
The three commands run alternating, one process each, wall time by
``time.perf_counter`` around ``subprocess.run``; medians and the ratios are printed.
The children get the environment of an installed program: ``PYTHONDONTWRITEBYTECODE``
is removed (this machine sets it, so every run would compile tcdesk's modules again,
which an installed tcdesk never does; the first round writes the ``.pyc`` files and
is not counted).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

GOAL = 3.0
TCDESK = str(Path(sys.executable).with_name("tcdesk"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=21)
    args = parser.parse_args(argv)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "tcdesk --version": [TCDESK, "--version"],
        "tcdesk --help": [TCDESK, "--help"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(args.runs + 1):
        for name, command in commands.items():
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=env)
            if round_:  # the first round writes the .pyc files
                times[name].append((time.perf_counter() - started) * 1000)
    peer = statistics.median(times["python -c pass"])
    ok = True
    for name, values in times.items():
        median = statistics.median(values)
        ratio = median / peer
        line = f"{name:18s} median {median:6.1f} ms  min {min(values):6.1f} ms  {ratio:4.1f}x"
        if name.startswith("tcdesk"):
            verdict = "OK" if ratio <= GOAL else "SLOWER THAN GOAL"
            line += f"  (goal <= {GOAL:.0f}x: {verdict})"
            ok = ok and ratio <= GOAL
        print(line)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
