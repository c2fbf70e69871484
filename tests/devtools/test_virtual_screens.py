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
