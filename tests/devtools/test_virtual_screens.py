"""The helper that gives a headless machine two monitors (make demo, make screenshots)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")
def test_runs_a_command_on_two_monitors_and_cleans_up() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tcdesk.devtools.virtual_screens",
            "--",
            "sh",
            "-c",
            "echo display=$DISPLAY; xrandr --listmonitors",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Monitors: 2" in result.stdout
    assert "STAFF" in result.stdout and "PATIENT" in result.stdout
    display = result.stdout.split("display=")[1].split()[0]
    probe = subprocess.run(["xrandr", "-d", display, "-q"], capture_output=True, timeout=30)
    assert probe.returncode != 0  # the private X server is gone


def test_a_failing_command_passes_its_status_through() -> None:
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    result = subprocess.run(
        [sys.executable, "-m", "tcdesk.devtools.virtual_screens", "--", "sh", "-c", "exit 3"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 3


HELPER = (sys.executable, "-m", "tcdesk.devtools.virtual_screens")
STOPS_WHEN_ASKED = (
    "import signal, sys, time\n"
    "def stop(*_):\n"
    "    print('asked-to-stop', flush=True)\n"
    "    sys.exit(0)\n"
    "signal.signal(signal.SIGTERM, stop)\n"
    "time.sleep(60)\n"
)


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")
def test_announced_run_says_how_to_look_and_stops_calmly_on_interrupt(tmp_path) -> None:
    """make demo with no screen: the how-to-look lines, then Ctrl+C ends with status 0."""
    import signal
    import time

    helper = subprocess.Popen(
        [*HELPER, "--announce", "--", sys.executable, "-c", STOPS_WHEN_ASKED],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    first = helper.stdout.readline()
    assert first.startswith("No screen here")
    display = first.split("DISPLAY=")[1].split(")")[0]
    look = helper.stdout.readline()
    assert f"DISPLAY={display}" in look and "tcdesk.ui.screen_snapshot" in look
    time.sleep(0.5)
    helper.send_signal(signal.SIGINT)
    out, err = helper.communicate(timeout=60)
    assert helper.returncode == 0, err
    assert "asked-to-stop" in out and "tcdesk stopped." in out
    assert "Traceback" not in err
    probe = subprocess.run(["xrandr", "-d", display, "-q"], capture_output=True, timeout=30)
    assert probe.returncode != 0  # the private X server is gone too


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")
def test_the_printed_snapshot_command_saves_both_monitors(tmp_path) -> None:
    from PIL import Image

    out = tmp_path / "screen.png"
    result = subprocess.run(
        [*HELPER, "--", sys.executable, "-m", "tcdesk.ui.screen_snapshot", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert Image.open(out).size == (3840, 1080)


def test_snapshot_without_a_screen_says_what_to_set() -> None:
    env = {k: v for k, v in __import__("os").environ.items() if k != "DISPLAY"}
    result = subprocess.run(
        [sys.executable, "-m", "tcdesk.ui.screen_snapshot", "x.png"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "Set DISPLAY to the screen to save (make demo prints it)."
