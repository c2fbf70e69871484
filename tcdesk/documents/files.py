"""Writing a finished file (PDF, slide PNG) so that no half-written file is ever left behind.

The bytes go to a temporary file in the destination folder, are flushed to
disk, and the file is renamed over the destination in one step (atomic on
the same file system). On any failure the temporary file is removed and the
destination is untouched: an old agreement is never replaced by half a new one.
The temporary file is created owner-only (0600) and keeps that mode: these
files carry a family's name and details. Folders tcdesk creates for them are
0700. ``file_slug`` makes the readable part of a file name from a title or a
name, keeping its letters whatever the script.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
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
    return _write_atomically(pdf, check_destination(path))


def write_private_file(data: bytes, path: Path) -> Path:
    """Write ``data`` to ``path`` atomically, owner-only (0600); returns the path written."""
    target = Path(path).expanduser()
    if not target.parent.is_dir():
        raise UserError(f"Can't save {target}: the folder {target.parent} does not exist.")
    if target.is_dir():
        raise UserError(f"Can't save {target}: it is a folder.")
    return _write_atomically(data, target)


def private_folder(path: Path) -> Path:
    """``path`` as a folder; the folders tcdesk creates for it are owner-only (0700)."""
    folder = Path(path).expanduser()
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        for created in reversed(missing):
            created.mkdir(mode=0o700)
            os.chmod(created, 0o700)  # mkdir's mode is filtered by the umask
    except OSError as error:
        raise UserError(f"Can't create the folder {folder}: {_reason(error)}.") from None
    if not folder.is_dir():
        raise UserError(f"Can't save into {folder}: it is not a folder.")
    return folder


def file_slug(text: str, fallback: str, *, lower: bool = True, limit: int = 40) -> str:
    """``Welcome, Zoë!`` -> ``welcome-zoë``; ``王小明`` stays ``王小明``.

    Letters, digits and marks of every script are kept (composed, NFC), the
    rest becomes ``-``; ``fallback`` when nothing is left.
    """
    composed = unicodedata.normalize("NFC", text.lower() if lower else text)
    kept = "".join(ch if unicodedata.category(ch)[0] in "LNM" else "-" for ch in composed)
    slug = re.sub(r"-+", "-", kept).strip("-")[:limit].strip("-")
    return slug or fallback


def _write_atomically(data: bytes, target: Path) -> Path:
    folder = target.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise UserError(f"Can't save {target}: {_reason(error)}.") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
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
