"""One app per practice file on this computer.

Two windows on one store would both offer to resume the consult one of them
is presenting and overwrite each other's note and step. So the first launch
on a file holds a ``QLockFile`` (in the runtime folder, named from a hash of
the file's resolved path) and listens on a ``QLocalServer`` of the same name;
a second launch on that file finds the lock taken, asks the first to come to
the front, says so and leaves without opening the store.

A lock left by a crash names a process that no longer runs: ``QLockFile``
sees that and takes the lock over, so a killed tcdesk never blocks the next.
"""

from __future__ import annotations

import getpass
import hashlib
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

ALREADY_OPEN = (
    "tcdesk is already open on this practice file on this computer; "
    "it has been brought to the front."
)
NOT_ANSWERING = (
    "tcdesk is already open on this practice file on this computer, but it did not answer; "
    "switch to it, or close it and open tcdesk again."
)
RAISE = b"raise\n"
RAISED = b"raised\n"


def instance_key(store: Path) -> str:
    """The same name for every launch on one file by one user on this computer."""
    resolved = str(Path(store).expanduser().resolve())
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # pragma: no cover - no user name
        user = ""
    digest = hashlib.sha256(f"{user}\0{resolved}".encode()).hexdigest()[:24]
    return f"tcdesk-{digest}"


def default_lock_folder() -> Path:
    runtime = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.RuntimeLocation)
    return Path(runtime) if runtime else Path(tempfile.gettempdir())


class SingleInstance(QObject):
    """The claim on one practice file; ``raise_requested`` fires when a second launch asks."""

    raise_requested = Signal()

    def __init__(
        self, store: Path, lock_folder: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.key = instance_key(store)
        folder = lock_folder or default_lock_folder()
        folder.mkdir(parents=True, exist_ok=True)
        self.lock_path = folder / f"{self.key}.lock"
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """True when this launch is the one on the file (a crashed owner's lock is taken over)."""
        if not self._lock.tryLock(0):
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.key)  # a socket file a crash left behind
        server.listen(self.key)
        server.newConnection.connect(self._answer)
        self._server = server
        return True

    def _answer(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE):
            socket.write(RAISED)
            socket.flush()
            self.raise_requested.emit()

    def ask_to_come_forward(self, timeout_ms: int = 3000) -> bool:
        """Ask the launch that holds the file to raise its window; True once it said so."""
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(RAISE)
        socket.waitForBytesWritten(timeout_ms)
        answered = socket.waitForReadyRead(timeout_ms) and bytes(
            socket.readAll().data()
        ).startswith(RAISED)
        socket.disconnectFromServer()
        return answered

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()


def bring_to_front(window: QWidget | None) -> None:
    """Show, un-minimise and raise the window a second launch was looking for, and say why.

    An open modal dialog (the first run, a question) comes up over it and keeps
    the keyboard; the sentence is then left out rather than stuck behind it.
    """
    if window is not None:
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()
    modal = QApplication.activeModalWidget()
    if modal is not None and modal.isVisible():
        modal.raise_()
        modal.activateWindow()
        return
    if window is None:
        return
    box = QMessageBox(QMessageBox.Icon.Information, "tcdesk", ALREADY_OPEN, parent=window)
    box.setObjectName("alreadyOpenMessage")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def staff_window() -> QWidget | None:
    """The staff's main window (never the family's display), if one is showing."""
    shown = [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w.objectName() != "patientDisplay"
    ]
    main = [w for w in shown if isinstance(w, QMainWindow)]
    return (main or shown or [None])[-1]


def claim_or_hand_over(
    store: Path,
    front_window: Callable[[], QWidget | None] = staff_window,
    lock_folder: Path | None = None,
) -> SingleInstance | None:
    """This launch's claim on ``store``, or None after handing over to the one already open.

    The second launch says why it leaves on stderr (for a terminal) and the
    first shows the same sentence over its raised window (for the person at it).
    """
    instance = SingleInstance(store, lock_folder)
    if instance.claim():
        instance.raise_requested.connect(lambda: bring_to_front(front_window()))
        return instance
    if instance.ask_to_come_forward():
        print(f"tcdesk: {ALREADY_OPEN}", file=sys.stderr)
    else:
        print(f"tcdesk: {NOT_ANSWERING}", file=sys.stderr)
        QMessageBox.information(None, "tcdesk", NOT_ANSWERING)
    return None
