"""Why a save failed, in the words a treatment coordinator understands.

The one place where a failed write to the practice file (an ``sqlite3`` error,
or an ``OSError`` from the file system) becomes a sentence. The console's notes
box, the consult's step and ticks and the end of a consult all show these
sentences, so the TC always reads the same words for the same cause:

- "Not saved: the disk is full"
- "Not saved: another program is using the practice file"
- "Not saved: the practice file can't be written"

A ``NotSaved`` is a ``UserError``: the text is the whole message, and whoever
catches it keeps what was typed and tries again later.
"""

from __future__ import annotations

import errno

from tcdesk.errors import UserError
from tcdesk.store import engine

DISK_FULL = "Not saved: the disk is full"
IN_USE = "Not saved: another program is using the practice file"
CANNOT_WRITE = "Not saved: the practice file can't be written"

# SQLite's primary result codes (https://sqlite.org/rescode.html); the low byte
# of an extended code is its primary code.
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_FULL = 13

_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})


class NotSaved(UserError):
    """A write to the practice file failed for a reason outside tcdesk; nothing changed.

    ``str(error)`` is one of the sentences above; ``cause`` is the original error
    (kept for the log, never shown: it may quote what was being written).
    """

    def __init__(self, reason: str, cause: BaseException | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.cause = cause

    @property
    def retryable(self) -> bool:
        """Every cause here can go away by itself (space freed, lock released, file fixed)."""
        return True


def reason_for(error: BaseException) -> str:
    """The sentence for ``error``: disk full, in use by another program, or can't write.

    Works on the stdlib ``sqlite3`` errors and on look-alikes from other SQLite
    bindings (``sqlcipher3``'s are not ``sqlite3`` subclasses), by result code
    first and by SQLite's own message text second.
    """
    if isinstance(error, OSError):
        return DISK_FULL if error.errno in _FULL_ERRNOS else CANNOT_WRITE
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        primary = code & 0xFF
        if primary == _SQLITE_FULL:
            return DISK_FULL
        if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return IN_USE
    text = str(error).lower()
    if "disk is full" in text or "no space" in text:
        return DISK_FULL
    if "locked" in text or "busy" in text:
        return IN_USE
    return CANNOT_WRITE


def is_write_failure(error: BaseException) -> bool:
    """An error from the database or the file system (not a bug in tcdesk)."""
    return isinstance(error, (*engine.Error, OSError))


def not_saved(error: BaseException) -> NotSaved:
    """``error`` as the ``NotSaved`` to raise (``raise not_saved(e) from e``)."""
    return NotSaved(reason_for(error), error)
