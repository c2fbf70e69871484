"""tcdesk's own log and crash reports: private files that never hold a patient's data.

A crash report is for us, not for whoever borrows the laptop: the folder is
0700, every file 0600, and an exception's message is scrubbed before it is
written, because messages quote values ("invalid date '2012-03-04'", a name in
a KeyError). What is kept is what a developer needs: the exception's type, the
code path (file, line, function, source line) and the message's shape.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import traceback
from pathlib import Path

from tcdesk.paths import log_dir

LOG_NAME = "tcdesk.log"
CRASH_NAME = "crash.log"
LOG_BYTES = 1_000_000
LOG_KEEP = 5

_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|«[^»]*»|“[^”]*”")
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+")
_DIGITS = re.compile(r"\d+")
_NON_ASCII_WORD = re.compile(r"\S*[^\x00-\x7f]\S*")
_CAPITALISED_WORD = re.compile(r"[^\s:,;()]*[A-Z][^\s:,;()]*")


def scrub(message: str) -> str:
    """An exception message with anything that may be data replaced by a mark.

    Quoted text, e-mail addresses, numbers (dates, phones, amounts), words with
    letters beyond ASCII and words with a capital letter (names, whatever the
    language) go; the lower-case words of the message itself stay:
    "time data '…' does not match format '…'", "… constraint failed: patients.id".
    """
    message = _QUOTED.sub("\x00", message)  # a mark no later rule can take apart
    message = _EMAIL.sub("\x01", message)
    message = _NON_ASCII_WORD.sub("…", message)
    message = _CAPITALISED_WORD.sub("…", message)
    return _DIGITS.sub("#", message).replace("\x00", "'…'").replace("\x01", "…@…")


def private_folder(folder: Path) -> Path:
    """``folder`` made (with its missing parents) and set to 0700."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    return folder


def append_private(path: Path, text: str) -> None:
    """Append to a 0600 file (created so, and set so if it was made looser before)."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, text.encode("utf-8"))
    finally:
        os.close(fd)


def describe(error: BaseException) -> str:
    """The traceback of ``error`` and its causes, with every message scrubbed."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = traceback.extract_tb(current.__traceback__)
        block = ["Traceback (most recent call last):\n", *traceback.format_list(frames)]
        block.append(f"{type(current).__module__}.{type(current).__qualname__}: ")
        block.append(scrub(str(current)) + "\n")
        parts.insert(0, "".join(block))
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    return "\nThe above led to:\n\n".join(parts)


class _PrivateRotatingFile(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file is 0600 (the handler's own open would follow the umask)."""

    def _open(self):  # type: ignore[override]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.fchmod(fd, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding or "utf-8")


class _ScrubbingFormatter(logging.Formatter):
    def formatException(self, ei) -> str:  # type: ignore[override]
        return describe(ei[1]) if ei and ei[1] is not None else ""


def start_log(folder: Path | None = None) -> Path | None:
    """Send the ``tcdesk`` logger to a rotating private file; None if it can't be made.

    A log that can't be written never stops the app (a read-only home, a full disk).
    """
    logger = logging.getLogger("tcdesk")
    wanted = (folder or log_dir()) / LOG_NAME
    for handler in list(logger.handlers):
        if isinstance(handler, _PrivateRotatingFile):
            if Path(handler.baseFilename) == wanted.absolute():
                return wanted
            logger.removeHandler(handler)  # another folder now (a test, a changed home)
            handler.close()
    try:
        home = private_folder(wanted.parent)
        for older in home.iterdir():  # files an older tcdesk left readable by others
            if older.is_file():
                os.chmod(older, 0o600)
        target = home / LOG_NAME
        handler = _PrivateRotatingFile(target, maxBytes=LOG_BYTES, backupCount=LOG_KEEP)
    except OSError:
        return None
    handler.setFormatter(_ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return target
