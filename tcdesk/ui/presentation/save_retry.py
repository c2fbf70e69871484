"""Trying a save again by itself until it works: 2 s, then backing off to 10 s.

The console saves on the GUI thread with a short busy wait (see
``ConsultRoom._write``). When a save fails (a full disk, another program's
lock, a file that can't be written) nothing is lost: what was typed stays in
memory, the notes box says why, and a ``Retry`` attempts the save again on a
timer until it succeeds. While a retry is pending, new keystrokes and steps do
not try on their own: the retry saves the latest text and state, and the GUI
does not pay a busy wait per key.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

RETRY_DELAYS_MS = (2000, 4000, 8000, 10000)


class Retry(QObject):
    """Runs ``attempt`` (True when it saved); after a failure, again later, backing off."""

    def __init__(
        self,
        attempt: Callable[[], bool],
        parent: QObject | None = None,
        delays_ms: tuple[int, ...] = RETRY_DELAYS_MS,
    ) -> None:
        super().__init__(parent)
        self._attempt = attempt
        self._delays = delays_ms
        self.failures = 0  # in a row, since the last success
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.run)

    @property
    def pending(self) -> bool:
        """A failed save waits for its next try."""
        return self._timer.isActive()

    @property
    def failing(self) -> bool:
        return self.failures > 0

    def next_delay_ms(self) -> int:
        return self._delays[min(self.failures, len(self._delays)) - 1] if self.failures else 0

    def run(self) -> bool:
        """Try now; on failure schedule the next try. True when saved."""
        self._timer.stop()
        if self._attempt():
            self.failures = 0
            return True
        self.failures += 1
        self._timer.start(self.next_delay_ms())
        return False

    def stop(self) -> None:
        """No more tries (the consult's windows are down)."""
        self._timer.stop()
