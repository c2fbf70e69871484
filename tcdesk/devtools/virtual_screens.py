"""Run a command on a virtual X screen split into two monitors (staff + patient).

For machines without a display (CI, a remote box): the same two-monitor
layout the tests use, so the patient display has somewhere to go.
Usage: ``python -m tcdesk.devtools.virtual_screens -- CMD ...``
"""

from __future__ import annotations

import argparse
import contextlib
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence

MONITORS = (
    ("STAFF", "1920/508x1080/286+0+0", "screen"),
    ("PATIENT", "1920/508x1080/286+1920+0", "none"),
)


@contextlib.contextmanager
def virtual_screens(width: int = 3840, height: int = 1080) -> Iterator[str]:
    """Start a private Xvfb (on a free display) with two RandR monitors; yield DISPLAY."""
    if shutil.which("Xvfb") is None or shutil.which("xrandr") is None:
        raise SystemExit("Xvfb and xrandr are needed (apt-get install xvfb x11-xserver-utils).")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_fd),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    os.close(write_fd)
    try:
        number = _read_display_number(read_fd, server)
        display = f":{number}"
        for name, geometry, output in MONITORS:
            result = subprocess.run(
                ["xrandr", "-d", display, "--setmonitor", name, geometry, output],
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise SystemExit(
                    f"xrandr could not set up the {name} monitor: {result.stderr.strip()}"
                )
        yield display
    finally:
        os.close(read_fd)
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _read_display_number(read_fd: int, server: subprocess.Popen) -> int:
    """Xvfb writes the display it chose to the pipe once it accepts connections."""
    text = b""
    deadline = time.monotonic() + 15
    while not text.endswith(b"\n") and time.monotonic() < deadline:
        if server.poll() is not None:
            error = server.stderr.read().decode(errors="replace").strip() if server.stderr else ""
            raise SystemExit(f"Xvfb did not start: {error.splitlines()[-1] if error else '?'}")
        ready, _, _ = select.select([read_fd], [], [], 0.2)
        if ready:
            chunk = os.read(read_fd, 64)
            if not chunk:
                break
            text += chunk
    if not text.strip().isdigit():
        raise SystemExit("Xvfb did not report its display in time.")
    return int(text.strip())


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = [c for c in args.command if c != "--"] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give a command to run after --")
    # A plain `kill` should still take the X server down with us.
    signal.signal(signal.SIGTERM, _interrupt)
    with virtual_screens() as display:
        env = {**os.environ, "DISPLAY": display}
        child = subprocess.Popen(command, env=env)
        try:
            return child.wait()
        except KeyboardInterrupt:
            child.terminate()
            child.wait(timeout=30)
            return 130


if __name__ == "__main__":
    sys.exit(main())
