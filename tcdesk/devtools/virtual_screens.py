"""Run a command on a virtual X screen split into two monitors (staff + patient).

For machines without a display (CI, a remote box): the same two-monitor
layout the tests use, so the patient display has somewhere to go.
Usage: ``python -m tcdesk.devtools.virtual_screens [--announce] -- CMD ...``

With ``--announce`` (``make demo`` on a machine with no screen) it says how to
look at the invisible screen, and Ctrl+C stops the command politely and ends
with status 0: the helper takes the terminal's foreground for itself, so make
never sees the interrupt and prints no error.
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
        process_group=0,  # Ctrl+C at the terminal must not take the screen away first
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


@contextlib.contextmanager
def terminal_foreground() -> Iterator[None]:
    """Own the terminal's foreground while the command runs, as a shell's job does.

    Ctrl+C then reaches this process alone (not make, not the command), which
    stops the command calmly. Without a terminal (CI, a pipe) nothing changes.
    """
    try:
        fd = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        yield
        return
    try:
        previous = os.tcgetpgrp(fd)
        os.setpgid(0, 0)
        old_ttou = signal.signal(signal.SIGTTOU, signal.SIG_IGN)
        os.tcsetpgrp(fd, os.getpgrp())
    except OSError:
        os.close(fd)
        yield
        return
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.tcsetpgrp(fd, previous)
        signal.signal(signal.SIGTTOU, old_ttou)
        os.close(fd)


def how_to_look(display: str) -> str:
    """What ``--announce`` prints: the screen is there, only nobody can see it."""
    python = sys.executable
    return (
        f"No screen here: tcdesk runs on a virtual two-monitor screen (DISPLAY={display}).\n"
        f"  To look at it:  DISPLAY={display} {python} -m tcdesk.ui.screen_snapshot tcdesk.png\n"
        "                  (then open tcdesk.png; the left half is the TC's screen,\n"
        "                  the right half the family's)\n"
        "  To use it:      run `make demo` on a computer with a screen\n"
        "  To stop:        press Ctrl+C\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--announce", action="store_true", help="say how to see the screen; Ctrl+C stops calmly"
    )
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = [c for c in args.command if c != "--"] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give a command to run after --")
    # A plain `kill` should still take the X server down with us.
    signal.signal(signal.SIGTERM, _interrupt)
    foreground = terminal_foreground() if args.announce else contextlib.nullcontext()
    with foreground, virtual_screens() as display:
        env = {**os.environ, "DISPLAY": display}
        # In a group of its own when announced: Ctrl+C comes here, and the command
        # is asked to stop (SIGTERM) rather than interrupted mid-write.
        child = subprocess.Popen(command, env=env, process_group=0 if args.announce else None)
        if args.announce:
            print(how_to_look(display), flush=True)
        try:
            return child.wait()
        except KeyboardInterrupt:
            child.terminate()
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
            if args.announce:
                print("tcdesk stopped.", flush=True)
                return 0
            return 130


if __name__ == "__main__":
    sys.exit(main())
