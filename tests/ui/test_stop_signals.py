"""SIGTERM and Ctrl+C reach the app as a calm stop, on the GUI thread."""

from __future__ import annotations

import os
import signal

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from tcdesk.ui.stop_signals import stop_on_signals


def test_a_termination_signal_calls_stop_once(qtbot: QtBot) -> None:
    before = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    stops: list[str] = []
    owner = QObject()
    try:
        timer = stop_on_signals(owner, lambda: stops.append("stop"))
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: stops == ["stop"], timeout=3000)
        os.kill(os.getpid(), signal.SIGINT)  # a second request while stopping changes nothing
        qtbot.wait(600)
        assert stops == ["stop"] and not timer.isActive()
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)
