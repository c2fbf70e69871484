"""One sync at a time per practice file (the app's timer and a person's "Sync now")."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tcdesk.errors import UserError


class SyncRunning(UserError):
    """Another sync of this practice file is running now."""


@contextmanager
def held(store: Path) -> Iterator[None]:
    lock = store.with_name(f"{store.name}.sync-lock")
    fd = os.open(lock, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SyncRunning(
                f"Another sync of {store.name} is running; try again when it has finished."
            ) from None
        yield
    finally:
        os.close(fd)
