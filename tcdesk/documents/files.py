"""Writing a finished PDF so that no half-written file is ever left behind.

The bytes go to a temporary file in the destination folder, are flushed to
disk, and the file is renamed over the destination in one step (atomic on
the same file system). On any failure the temporary file is removed and the
destination is untouched: an old agreement is never replaced by half a new one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from tcdesk.errors import UserError


def check_destination(path: Path) -> Path:
    """Refuse a destination that can't be written, before any work is done for it."""
    target = Path(path).expanduser()
    folder = target.parent
    if not folder.is_dir():
        raise UserError(f"Can't save {target}: the folder {folder} does not exist.")
    if target.is_dir():
        raise UserError(f"Can't save {target}: it is a folder; give a file name ending in .pdf.")
    if target.suffix.lower() != ".pdf":
        raise UserError(f"Can't save {target}: give a file name ending in .pdf.")
    return target


def write_pdf_atomically(pdf: bytes, path: Path) -> Path:
    """Write ``pdf`` to ``path`` atomically; returns the path written.

    ``UserError`` (nothing written) when the folder is missing or not
    writable, ``path`` is a folder, or it does not end in .pdf.
    """
    target = check_destination(path)
    folder = target.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise UserError(f"Can't save {target}: {_reason(error)}.") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(pdf)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise UserError(f"Can't save {target}: {_reason(error)}.") from None
        raise
    _sync_folder(folder)
    return target


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied (the folder is not writable)"
    return error.strerror or str(error)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every system allows it)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
