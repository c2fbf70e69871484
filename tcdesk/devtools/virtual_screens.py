"""Run a command on a virtual X screen split into two monitors (staff + patient).

For machines without a display (CI, a remote box): the same two-monitor
layout the tests use, so the patient display has somewhere to go.
Usage: ``python -m tcdesk.devtools.virtual_screens [--display :97] -- CMD ...``
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence

MONITORS = (
    ("STAFF", "1920/508x1080/286+0+0", "screen"),
    ("PATIENT", "1920/508x1080/286+1920+0", "none"),
)


@contextlib.contextmanager
def virtual_screens(display: str = ":97", width: int = 3840, height: int = 1080) -> Iterator[str]:
    """Start Xvfb with two RandR monitors; yield the DISPLAY value."""
    if shutil.which("Xvfb") is None:
        raise SystemExit("Xvfb is not installed (apt-get install xvfb x11-xserver-utils).")
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp", "-noreset"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            probe = subprocess.run(["xrandr", "-d", display, "-q"], capture_output=True)
            if probe.returncode == 0:
                break
            time.sleep(0.1)
        for name, geometry, output in MONITORS:
            subprocess.run(
                ["xrandr", "-d", display, "--setmonitor", name, geometry, output],
                check=True,
                capture_output=True,
            )
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--display", default=":97")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = [c for c in args.command if c != "--"] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give a command to run after --")
    with virtual_screens(args.display) as display:
        env = {**os.environ, "DISPLAY": display}
        with contextlib.suppress(KeyboardInterrupt):
            return subprocess.call(command, env=env)
    return 130


if __name__ == "__main__":
    sys.exit(main())
