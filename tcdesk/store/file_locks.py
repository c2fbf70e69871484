"""Looking at a practice file's bytes without dropping the locks SQLite holds on it.

POSIX record locks belong to the process, not to a file descriptor: closing
*any* descriptor of a file releases every lock the process holds on that file.
SQLite knows this and keeps its own descriptors until its last connection to
the file closes. A plain ``open(path).read(100)`` of the practice file while a
connection to it is open here is enough to release that connection's locks;
another process (a second tcdesk, a ``tcdesk`` command) then believes it is the
file's last user when it closes, checkpoints and deletes the -wal this process
is still using. Seen on this machine: the next connection here failed with
SQLITE_IOERR_SHORT_READ, and the changes written meanwhile went to a -wal no
one else could see.

So tcdesk opens its own descriptors on a store only through here, and
``engine.connect`` reports every connection it opens and closes: while a
connection to a file is open in this process, a descriptor of ours on that file
is kept open (parked) and closed when the last connection closes, as SQLite
does itself.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

Key = tuple[int, int]  # (device, inode): the file, whatever path names it

_guard = threading.Lock()
_connections: dict[Key, int] = {}
_parked: dict[Key, list[int]] = {}


def _key_of(fd: int) -> Key:
    status = os.fstat(fd)
    return status.st_dev, status.st_ino


def connection_opened(path: Path) -> Callable[[], None]:
    """Count a new SQLite connection to ``path``; returns its "closed" call (once only)."""
    try:
        status = os.stat(path)
    except OSError:  # e.g. an in-memory database: nothing of ours to keep open
        return lambda: None
    key = (status.st_dev, status.st_ino)
    with _guard:
        _connections[key] = _connections.get(key, 0) + 1
    done = threading.Event()

    def closed() -> None:
        if done.is_set():
            return
        done.set()
        with _guard:
            left = _connections.get(key, 1) - 1
            if left > 0:
                _connections[key] = left
                return
            _connections.pop(key, None)
            parked = _parked.pop(key, [])
        for fd in parked:
            os.close(fd)

    return closed


def open_connections(path: Path) -> int:
    """How many SQLite connections to ``path`` are open in this process (for tests)."""
    try:
        status = os.stat(path)
    except OSError:
        return 0
    with _guard:
        return _connections.get((status.st_dev, status.st_ino), 0)


def close(fd: int) -> None:
    """Close a descriptor of ours, later if a connection to its file is open here."""
    key = _key_of(fd)
    with _guard:
        if _connections.get(key):
            _parked.setdefault(key, []).append(fd)
            return
    os.close(fd)


@contextmanager
def descriptor(path: Path, flags: int = os.O_RDONLY, mode: int = 0o600) -> Iterator[int]:
    """``os.open(path, flags, mode)``, closed through ``close``. OSError as os.open raises it."""
    fd = os.open(path, flags, mode)
    try:
        yield fd
    finally:
        close(fd)


def read_head(path: Path, size: int) -> bytes:
    """The file's first ``size`` bytes (fewer if it is shorter)."""
    with descriptor(Path(path)) as fd:
        chunks, left = [], size
        while left > 0:
            chunk = os.read(fd, left)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
