"""Stop calmly when asked by the system (SIGTERM) or at a terminal (Ctrl+C).

Qt's event loop runs in C++, so Python only notices a signal when Python code
runs: a slow timer gives it that chance. The stop itself saves what is being
typed first, then leaves the event loop the normal way, so the store is closed
(and checkpointed) as on Quit.
"""

from __future__ import annotations

import signal
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

WAKE_MS = 250  # how soon a signal is noticed while the app is idle


def stop_on_signals(parent: QObject, stop: Callable[[], None]) -> QTimer:
    """Route SIGTERM and SIGINT to ``stop`` (called once, on the GUI thread)."""
    requested: list[int] = []

    def note(signum: int, _frame: object) -> None:
        requested.append(signum)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, note)

    timer = QTimer(parent)
    timer.setInterval(WAKE_MS)

    def check() -> None:
        if requested:
            timer.stop()
            stop()

    timer.timeout.connect(check)
    timer.start()
    return timer
