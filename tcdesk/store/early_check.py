"""SQLite's quick check of the practice file, started early on a thread of its own.

Opening the app checks every page of the file (``PRAGMA quick_check``, in
``store_file``) before the desk shows: 10-20 ms for the demo, 0.3-1.3 s for a
file of 100,000 patients. ``tcdesk`` with no command starts the check here
before it loads the app's code, so the two run at the same time (SQLite lets go
of Python's lock while it reads); the open then takes the finished result, if
the file is still exactly as it was checked. Nothing else changes: the same
check, the same refusals, at the same moment of the start-up.
"""

from __future__ import annotations

import threading
from pathlib import Path

_lock = threading.Lock()
_started: dict[Path, tuple[tuple[int, ...], threading.Thread, list[list[str]]]] = {}


def _state(path: Path) -> tuple[int, ...] | None:
    """The file's size and change time, and its -wal's: a write in between shows."""
    try:
        main = path.stat()
    except OSError:
        return None
    wal = path.with_name(path.name + "-wal")
    try:
        extra = wal.stat()
        return (main.st_size, main.st_mtime_ns, extra.st_size, extra.st_mtime_ns)
    except OSError:
        return (main.st_size, main.st_mtime_ns)


def start(path: Path) -> None:
    """Begin the quick check of ``path`` (an existing, non-empty file) in the background."""
    path = Path(path).absolute()
    state = _state(path)
    if state is None or state[0] == 0:
        return
    from tcdesk.store import engine  # here: no import on the thread

    found: list[list[str]] = []
    with_wal = len(state) > 2  # read as store_file.connect_read_only reads it

    def check() -> None:
        try:
            conn = engine.connect(
                path, read_only=with_wal, immutable=not with_wal, check_same_thread=False
            )
            try:
                engine.read_fast(conn)
                found.append([row[0] for row in conn.execute("PRAGMA quick_check").fetchall()])
            finally:
                conn.close()
        except Exception:  # the open runs the check itself and says what is wrong
            return

    thread = threading.Thread(target=check, name="tcdesk-quick-check", daemon=True)
    with _lock:
        _started[path] = (state, thread, found)
    thread.start()


def result_for(path: Path) -> list[str] | None:
    """The early check's rows for ``path`` as it is now, or None (not started, failed,
    or the file changed since): then the caller checks it itself."""
    path = Path(path).absolute()
    with _lock:
        started = _started.pop(path, None)
    if started is None:
        return None
    state, thread, found = started
    thread.join()
    if not found or _state(path) != state:
        return None
    return found[0]
