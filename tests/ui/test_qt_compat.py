"""The PySide6 6.12.0 / Python 3.11 None-refcount fault cannot crash tcdesk."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tcdesk.ui.qt_compat import needs_none_reserve

LOOP = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
{prelude}
from PySide6.QtGui import QGuiApplication, QImage, QPainter
app = QGuiApplication([])
image = QImage(8, 8, QImage.Format.Format_ARGB32)
painter = QPainter(image)
for _ in range(50_000):
    painter.setOpacity(0.5)
painter.end()
print("survived")
"""


def _run(prelude: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", LOOP.format(prelude=prelude)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_fifty_thousand_void_calls_survive_after_importing_tcdesk_ui() -> None:
    result = _run("import tcdesk.ui")
    assert result.returncode == 0, result.stderr
    assert "survived" in result.stdout


def test_the_fault_is_real_on_the_affected_combination() -> None:
    """Proves the guard above is needed (skips where the bindings are fixed)."""
    import PySide6

    if not needs_none_reserve(sys.version_info, PySide6.__version__):
        pytest.skip("these bindings do not have the fault")
    result = _run("")
    assert result.returncode != 0
    assert "none_dealloc" in result.stderr


def test_only_the_affected_combination_is_patched() -> None:
    assert needs_none_reserve((3, 11, 7), "6.12.0")
    assert not needs_none_reserve((3, 12, 0), "6.12.0")
    assert not needs_none_reserve((3, 11, 7), "6.11.3")


EMITS = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import tcdesk.ui
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Source(QObject):
    ping = Signal(bool)

app = QCoreApplication([])
source = Source()
for _ in range(50_000):
    source.ping.emit(False)
print("survived")
"""


def test_fifty_thousand_signal_emits_survive_after_importing_tcdesk_ui() -> None:
    result = subprocess.run(
        [sys.executable, "-c", EMITS], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "survived" in result.stdout
